import { fieldNamesWithout } from '../contract/index.js';
import { InputReader } from '../input.js';
import { formatMinor } from '../money/parse.js';
import { fail, ok, type Result } from '../result.js';
import type { InstantInput } from '../time/instant.js';
import { readInstant } from '../time/read.js';
import { actionBlock, advance, type DisputeState, type EvidenceRecord, foldDispute } from './fold.js';
import type { Deadline, DeadlineMs } from './policy.js';
import { readDispute } from './read.js';
import type { Dispute, DisputeAction, DisputeBlock, DisputeEvidence, DisputeParty, DisputeView, ParsedDispute } from './types.js';

// A dispute of the TypeScript API is the wire request without its op and instant.
const DISPUTE_KEYS = fieldNamesWithout('disputeStateRequest', 'op', 'at');

const ACTIONS: { readonly [P in DisputeParty]: readonly DisputeAction[] } = {
  buyer: ['change-claim', 'cancel', 'accept', 'decline', 'escalate'],
  seller: ['agree', 'counter', 'disagree', 'escalate'],
  platform: ['rule'],
};

/** @internal The view of a folded dispute at `now`. */
export function disputeViewOf(state: DisputeState, now: number, d: ParsedDispute): DisputeView {
  // advance may settle offers and add the review's notices: the state itself stays as folded.
  const s: DisputeState = { ...state, offers: state.offers.map((o) => ({ ...o })), notices: [...state.notices] };
  advance(s, now);
  const cur = d.order.currency.minorUnits;
  const fmt = (v: bigint) => formatMinor(v, cur);
  const dl = (x: DeadlineMs | null): Deadline | null => (x ? { date: x.date, endsAt: new Date(x.endsAt).toISOString() } : null);
  const allowed = { buyer: [] as DisputeAction[], seller: [] as DisputeAction[], platform: [] as DisputeAction[] };
  const blocked = {
    buyer: {} as Partial<Record<DisputeAction, DisputeBlock>>,
    seller: {} as Partial<Record<DisputeAction, DisputeBlock>>,
    platform: {} as Partial<Record<DisputeAction, DisputeBlock>>,
  };
  for (const party of ['buyer', 'seller', 'platform'] as const) {
    for (const action of ACTIONS[party]) {
      const block = actionBlock(s, party, action);
      if (block) blocked[party][action] = block;
      else allowed[party].push(action);
    }
  }
  const closed = s.status === 'resolved' || s.status === 'cancelled';
  const left = (x: DeadlineMs | null) => (x ? Math.max(0, x.endsAt - now) : null);
  return {
    status: s.status,
    // The stream's version: every stored event, including any stamped after `now` (decideDispute compares with the same).
    version: d.events.length,
    reason: s.claim.reason,
    requested: fmt(s.claim.amount),
    offer: s.offer === null ? null : fmt(s.offer),
    refundable: fmt(s.claim.cap),
    refund: s.refund === null ? null : fmt(s.refund),
    outcome: s.outcome,
    deadlines: { seller: dl(s.sellerDeadline), buyer: dl(s.buyerDeadline), ruling: { date: s.ruling.date, endsAt: new Date(s.ruling.endsAt).toISOString() } },
    negotiationEnds: { date: s.negotiationEnds.date, endsAt: new Date(s.negotiationEnds.endsAt).toISOString() },
    overdue: s.closedAt === null ? now >= s.ruling.endsAt : s.closedAt >= s.ruling.endsAt,
    underReviewSince: s.review ? new Date(s.review.since).toISOString() : null,
    allowed,
    blocked,
    timeRemainingMs: {
      buyer: s.status === 'awaiting-buyer' ? left(s.buyerDeadline) : null,
      seller: s.status === 'awaiting-seller' ? left(s.sellerDeadline) : null,
      platform: s.status === 'under-review' ? Math.max(0, s.ruling.endsAt - now) : null,
    },
    offers: s.offers.map((o) => ({ by: o.by, kind: o.kind, amount: fmt(o.amount), at: new Date(o.at).toISOString(), fate: o.fate })),
    evidence: { buyer: s.evidence.buyer.map(evidenceOf), seller: s.evidence.seller.map(evidenceOf) },
    notices: s.notices.map((n) => ({ id: n.id, to: n.to, kind: n.kind, at: new Date(n.at).toISOString() })),
    blocksOtherRefunds: !closed,
  };
}

const evidenceOf = (e: EvidenceRecord): DisputeEvidence => ({ item: e.item, at: new Date(e.at).toISOString() });

/** @internal Reads, folds and views a dispute at `now`. */
export function readDisputeView(r: InputReader, policy: unknown, order: unknown, events: unknown, now: unknown, allowOp: boolean): Result<DisputeView> {
  const d = readDispute(r, policy, order, events, allowOp);
  const at = now === undefined ? (r.error('REQUIRED', 'at', '"at" is required'), undefined) : readInstant(r, now, 'at');
  if (!d || at === undefined) return fail(r.errors);
  const s = foldDispute(r, d, at);
  if (r.count > 0) return fail(r.errors);
  if (!s) return fail([{ code: 'NOT_OPENED', path: 'at', message: 'the dispute was not open yet at this instant' }]);
  return ok(disputeViewOf(s, at, d));
}

/**
 * A dispute at an instant: its status (`awaiting-seller`, `awaiting-buyer`,
 * `under-review`, `resolved`, `cancelled`), the amounts (requested, offered,
 * refundable, refunded), every deadline as a local date and an instant,
 * whether the process is overdue, what each party may do now (or why not)
 * and how long they have, and the history of offers. Every event is checked
 * as it happened; one that was not allowed is an error at `events.N`.
 *
 * @example
 * ```ts
 * import { disputeView, unwrap } from 'coupon-rules';
 * const order = { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 }] }, shippedAt: '2026-11-20T09:00:00Z', receiptConfirmedAt: '2026-11-28T18:00:00Z' };
 * const view = unwrap(disputeView({ order, events: [
 *   { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] },
 *   { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' },
 *   { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' },
 * ] }, '2026-12-04T00:00:00Z'));
 * console.log([view.status, view.refund, view.outcome]); // → [ 'resolved', '8.00', 'buyer-accepted' ]
 * ```
 */
export function disputeView(dispute: Dispute, now: InstantInput): Result<DisputeView> {
  const r = new InputReader();
  const o = r.object(dispute, '', DISPUTE_KEYS);
  if (!o) return fail(r.errors);
  return readDisputeView(r, r.field(o, 'policy'), r.field(o, 'order'), r.field(o, 'events'), now, false);
}

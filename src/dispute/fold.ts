import type { InputReader } from '../input.js';
import { assertNever, joinPath } from '../result.js';
import { checkAmount, checkOpening, claimCap, NEEDS_EVIDENCE } from './checks.js';
import { type DeadlineMs, deadlineAfter, type ResolvedPolicy } from './policy.js';
import type {
  ClaimedLine,
  DisputeAction,
  DisputeBlock,
  DisputeNotice,
  DisputeOffer,
  DisputeOutcome,
  DisputeParty,
  DisputeReason,
  DisputeStatus,
  ParsedDispute,
  ParsedDisputeEvent,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// The fold

interface Claim {
  readonly reason: DisputeReason;
  readonly amount: bigint;
  readonly lines: readonly ClaimedLine[] | null;
  readonly evidence: readonly string[];
  readonly cap: bigint;
}

interface OfferRecord {
  by: DisputeParty;
  kind: DisputeOffer['kind'];
  amount: bigint;
  at: number;
  fate: DisputeOffer['fate'];
}

/** @internal The state of a dispute between events. */
export interface DisputeState {
  status: DisputeStatus;
  /** Events applied so far: the version a command must expect. */
  version: number;
  openedAt: number;
  lastAt: number;
  claim: Claim;
  offer: bigint | null;
  sellerResponded: boolean;
  sellerDeadline: DeadlineMs | null;
  buyerDeadline: DeadlineMs | null;
  ruling: DeadlineMs;
  /** The end of negotiation: no party's deadline runs past it. */
  negotiationEnds: DeadlineMs;
  review: { since: number; by: 'seller-silence' | 'buyer-silence' | 'process-limit' | 'buyer' | 'seller' } | null;
  refund: bigint | null;
  /** When the dispute was resolved or cancelled. */
  closedAt: number | null;
  outcome: DisputeOutcome | null;
  offers: OfferRecord[];
  /** Offers before this index are settled. */
  settled: number;
  evidence: { readonly buyer: EvidenceRecord[]; readonly seller: EvidenceRecord[] };
  /** The items in `evidence`, per party: each is listed once, when first given. */
  evidenceSeen: { readonly buyer: Set<string>; readonly seller: Set<string> };
  notices: NoticeRecord[];
}

export interface EvidenceRecord {
  readonly item: string;
  readonly at: number;
}

interface NoticeRecord {
  readonly id: string;
  readonly to: 'buyer' | 'seller';
  readonly kind: DisputeNotice['kind'];
  readonly at: number;
}

/**
 * @internal Moves a dispute past a lapsed deadline: silence puts it under review from that deadline
 * on. Every party's deadline is capped at the end of negotiation, so a deadline that reaches it is
 * the process limit, not silence.
 */
export function advance(s: DisputeState, at: number): void {
  const waiting = s.status === 'awaiting-seller' ? s.sellerDeadline : s.status === 'awaiting-buyer' ? s.buyerDeadline : null;
  if (!waiting || at < waiting.endsAt) return;
  const by = waiting.endsAt >= s.negotiationEnds.endsAt ? 'process-limit' : s.status === 'awaiting-seller' ? 'seller-silence' : 'buyer-silence';
  s.status = 'under-review';
  s.review = { since: waiting.endsAt, by };
  settle(s, 'lapsed');
  // One review per dispute (it ends only in a ruling): its notice ids need no event index.
  for (const to of ['buyer', 'seller'] as const) s.notices.push({ id: `review-${to}`, to, kind: 'under-review', at: waiting.endsAt });
}

/** @internal A party's deadline N days after `at`, never past the end of negotiation. */
function partyDeadline(s: Pick<DisputeState, 'negotiationEnds'>, at: number, days: number, policy: ResolvedPolicy): DeadlineMs {
  const dl = deadlineAfter(at, days, policy);
  return dl.endsAt <= s.negotiationEnds.endsAt ? dl : s.negotiationEnds;
}

/** Records what event `index` tells `to` (one party or both). */
function notify(s: DisputeState, index: number, kind: DisputeNotice['kind'], at: number, to: 'buyer' | 'seller' | 'both'): void {
  for (const party of to === 'both' ? (['buyer', 'seller'] as const) : [to]) s.notices.push({ id: `e${String(index)}-${party}`, to: party, kind, at });
}

/** Adds the items a party gave, each once: the first time it was given. */
function addEvidence(s: DisputeState, party: 'buyer' | 'seller', items: readonly string[], at: number): void {
  const seen = s.evidenceSeen[party];
  for (const item of items) {
    if (seen.has(item)) continue;
    seen.add(item);
    s.evidence[party].push({ item, at });
  }
}

// Settling marks every pending offer; offers before `settled` are never pending again, so each event costs O(1).
function settle(s: DisputeState, fate: DisputeOffer['fate']): void {
  for (let i = s.settled; i < s.offers.length; i++) {
    const o = s.offers[i];
    if (o?.fate === 'pending') o.fate = fate;
  }
  s.settled = s.offers.length;
}

// The seller counters or refuses: the proposal is recorded and the turn passes to the buyer, whose clock starts.
function sellerAnswers(
  st: DisputeState,
  kind: 'counter-offer' | 'refusal',
  amount: bigint,
  at: number,
  policy: ResolvedPolicy,
  evidence: readonly string[],
): void {
  addEvidence(st, 'seller', evidence, at);
  settle(st, 'superseded');
  st.offers.push({ by: 'seller', kind, amount, at, fate: 'pending' });
  st.offer = kind === 'counter-offer' ? amount : null;
  st.sellerResponded = true;
  st.status = 'awaiting-buyer';
  st.buyerDeadline = partyDeadline(st, at, policy.buyerResponseDays, policy);
}

/** @internal Why `party` may not take `action` now (after `advance`), or null. */
export function actionBlock(s: DisputeState, party: DisputeParty, action: DisputeAction): DisputeBlock | null {
  if (s.status === 'resolved' || s.status === 'cancelled') return 'DISPUTE_CLOSED';
  if (party === 'platform') return s.status === 'under-review' ? null : 'NOT_UNDER_REVIEW';
  if (s.status === 'under-review') {
    if (s.review?.by === 'process-limit') return 'PROCESS_LIMIT_REACHED';
    const silent = (s.review?.by === 'seller-silence' && party === 'seller') || (s.review?.by === 'buyer-silence' && party === 'buyer');
    return silent ? 'DEADLINE_PASSED' : 'UNDER_REVIEW';
  }
  if (party === 'seller') return s.status === 'awaiting-seller' ? null : 'WRONG_TURN';
  switch (action) {
    case 'change-claim':
      return null; // the buyer may change the claim on either party's turn
    case 'cancel':
      return s.sellerResponded ? 'SELLER_ALREADY_RESPONDED' : null;
    case 'accept':
    case 'escalate':
      return s.status === 'awaiting-buyer' ? null : 'WRONG_TURN';
    case 'decline':
      // Only a counter-offer can be declined: after a refusal the buyer escalates or changes the claim.
      if (s.status !== 'awaiting-buyer') return 'WRONG_TURN';
      return s.offer === null ? 'NO_OFFER' : null;
    default:
      return 'WRONG_TURN';
  }
}

const EVENT_ACTION: { readonly [T in Exclude<ParsedDisputeEvent['type'], 'opened' | 'escalated'>]: readonly [DisputeParty, DisputeAction] } = {
  'claim-changed': ['buyer', 'change-claim'],
  cancelled: ['buyer', 'cancel'],
  'seller-agreed': ['seller', 'agree'],
  'seller-countered': ['seller', 'counter'],
  'seller-disagreed': ['seller', 'disagree'],
  'buyer-accepted': ['buyer', 'accept'],
  'buyer-declined': ['buyer', 'decline'],
  ruled: ['platform', 'rule'],
};

/**
 * @internal Folds the events at or before `now` into the state, checking
 * each when it happened.
 * A refused event is reported at `events.N` and not applied.
 */
export function foldDispute(r: InputReader, d: ParsedDispute, now: number, path = 'events'): DisputeState | undefined {
  const { order, policy } = d;
  const cur = order.currency;
  let s: DisputeState | undefined;
  let last = Number.NEGATIVE_INFINITY;
  d.events.forEach((e, i) => {
    const p = joinPath(path, i);
    if (e.at < last) {
      r.error('EVENTS_OUT_OF_ORDER', p, `this "${e.type}" event is earlier than the event before it`);
      return;
    }
    last = e.at;
    if (e.at > now) return; // the view is asked for at `now`: later events have not happened yet
    if (e.type === 'opened') {
      if (s) {
        r.error('ALREADY_OPENED', p, 'the dispute is already open');
        return;
      }
      const before = r.count;
      checkOpening(r, e, d, p);
      const cap = claimCap(order, e.lines, r, p);
      checkAmount(r, e.amount, cap, joinPath(p, 'amount'), cur);
      if (r.count > before || cap === undefined) return;
      const negotiationEnds = deadlineAfter(e.at, policy.maxProcessDays - policy.platformReviewDays, policy);
      s = {
        status: 'awaiting-seller',
        version: 0,
        openedAt: e.at,
        lastAt: e.at,
        claim: { reason: e.reason, amount: e.amount, lines: e.lines, evidence: e.evidence, cap },
        offer: null,
        sellerResponded: false,
        sellerDeadline: partyDeadline({ negotiationEnds }, e.at, policy.sellerResponseDays, policy),
        buyerDeadline: null,
        ruling: deadlineAfter(e.at, policy.maxProcessDays, policy),
        negotiationEnds,
        review: null,
        refund: null,
        closedAt: null,
        outcome: null,
        offers: [{ by: 'buyer', kind: 'claim', amount: e.amount, at: e.at, fate: 'pending' }],
        settled: 0,
        evidence: { buyer: [], seller: [] },
        evidenceSeen: { buyer: new Set(), seller: new Set() },
        notices: [],
      };
      addEvidence(s, 'buyer', e.evidence, e.at);
      notify(s, i, 'opened', e.at, 'both');
      s.version = i + 1;
      return;
    }
    if (!s) {
      r.error('NOT_OPENED', p, `"${e.type}" before the dispute was opened: the first event is "opened"`);
      return;
    }
    const st = s;
    advance(st, e.at);
    const [party, action] = e.type === 'escalated' ? [e.by, 'escalate' as const] : EVENT_ACTION[e.type];
    const block = actionBlock(st, party, action);
    if (block) {
      r.error(block, p, `"${e.type}" at ${new Date(e.at).toISOString()} is not allowed now (${block.toLowerCase().replaceAll('_', ' ')})`);
      return;
    }
    switch (e.type) {
      case 'claim-changed': {
        const before = r.count;
        const lines = e.lines ?? st.claim.lines;
        const evidence = e.evidence ?? st.claim.evidence;
        if (NEEDS_EVIDENCE.has(st.claim.reason) && evidence.length === 0)
          r.error('EVIDENCE_REQUIRED', joinPath(p, 'evidence'), `a ${st.claim.reason} claim needs at least one piece of evidence`);
        const cap = claimCap(order, lines, r, p);
        checkAmount(r, e.amount, cap, joinPath(p, 'amount'), cur);
        if (r.count > before || cap === undefined) return;
        settle(st, 'superseded');
        st.claim = { ...st.claim, amount: e.amount, lines, evidence, cap };
        st.offers.push({ by: 'buyer', kind: 'claim', amount: e.amount, at: e.at, fate: 'pending' });
        st.offer = null;
        st.status = 'awaiting-seller';
        st.sellerDeadline = partyDeadline(st, e.at, policy.sellerResponseDays, policy);
        addEvidence(st, 'buyer', e.evidence ?? [], e.at);
        notify(st, i, 'claim-changed', e.at, 'seller');
        break;
      }
      case 'cancelled':
        settle(st, 'withdrawn');
        st.status = 'cancelled';
        st.closedAt = e.at;
        notify(st, i, 'cancelled', e.at, 'both');
        break;
      case 'seller-agreed':
        settle(st, 'accepted');
        st.status = 'resolved';
        st.refund = st.claim.amount;
        st.outcome = 'seller-agreed';
        st.sellerResponded = true;
        st.closedAt = e.at;
        notify(st, i, 'resolved', e.at, 'both');
        break;
      case 'seller-countered':
        if (e.amount === 0n) {
          r.error('AMOUNT_NOT_POSITIVE', joinPath(p, 'amount'), 'a counter-offer is above zero (to offer nothing, disagree)');
          return;
        }
        if (e.amount >= st.claim.amount) {
          r.error('OFFER_NOT_BELOW_CLAIM', joinPath(p, 'amount'), 'a counter-offer is below the amount requested (to give it all, agree)');
          return;
        }
        sellerAnswers(st, 'counter-offer', e.amount, e.at, policy, e.evidence);
        notify(st, i, 'offer-made', e.at, 'buyer');
        break;
      case 'seller-disagreed':
        sellerAnswers(st, 'refusal', 0n, e.at, policy, e.evidence);
        notify(st, i, 'seller-responded', e.at, 'buyer');
        break;
      case 'buyer-accepted':
        settle(st, 'accepted');
        st.status = 'resolved';
        st.refund = st.offer ?? 0n;
        st.outcome = 'buyer-accepted';
        st.closedAt = e.at;
        notify(st, i, 'resolved', e.at, 'both');
        break;
      case 'buyer-declined':
        // The counter-offer is declined and the buyer's claim stands again: the seller answers it anew.
        settle(st, 'declined');
        st.offers.push({ by: 'buyer', kind: 'claim', amount: st.claim.amount, at: e.at, fate: 'pending' });
        st.offer = null;
        st.status = 'awaiting-seller';
        st.sellerDeadline = partyDeadline(st, e.at, policy.sellerResponseDays, policy);
        notify(st, i, 'offer-declined', e.at, 'seller');
        break;
      case 'escalated':
        settle(st, 'escalated');
        addEvidence(st, e.by, e.evidence, e.at);
        notify(st, i, 'escalated', e.at, 'both');
        st.status = 'under-review';
        st.review = { since: e.at, by: e.by };
        // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BooleanLiteral: sellerResponded only matters for cancel, and an escalated dispute never leaves under-review except to resolved
        if (e.by === 'seller') st.sellerResponded = true;
        break;
      case 'ruled':
        if (!checkAmount(r, e.amount, st.claim.cap, joinPath(p, 'amount'), cur, true)) return;
        st.offers.push({ by: 'platform', kind: 'ruling', amount: e.amount, at: e.at, fate: 'final' });
        st.status = 'resolved';
        st.refund = e.amount;
        st.outcome = 'ruled';
        st.closedAt = e.at;
        notify(st, i, 'ruled', e.at, 'both');
        break;
      default:
        assertNever(e);
    }
    st.lastAt = e.at;
    st.version = i + 1;
  });
  if (d.events.length === 0) r.error('NOT_OPENED', path, 'a dispute starts with an "opened" event');
  return s;
}

import type { DisputeBlock, DisputeEvent, DisputeNotice, DisputeOrder, DisputeParty, DisputeView } from '../dispute/types.js';
import { type Deadline, type DisputePolicy, readPolicy } from '../dispute/policy.js';
import { readDisputeView } from '../dispute/view.js';
import { InputReader } from '../input.js';
import { bothText, columns, dayText, durationText, idsText, joinLines, relativeText, msOf, weekdayName } from './format-common.js';

// The breakdown of a dispute-state request: where the dispute stands, whose turn it is and for how long, the
// timeline in the policy's zone, every deadline, the offers and what each party may do now.

/** A dispute-state request the library accepted. */
export interface DisputeStateWireRequest {
  readonly policy?: DisputePolicy;
  readonly order: DisputeOrder;
  readonly events: readonly DisputeEvent[];
  readonly at: string;
}

const BLOCKS: { readonly [B in DisputeBlock]: string } = {
  DISPUTE_CLOSED: 'the dispute is closed',
  UNDER_REVIEW: 'the platform is reviewing the dispute',
  DEADLINE_PASSED: 'their deadline has passed',
  PROCESS_LIMIT_REACHED: 'the time to negotiate is over',
  WRONG_TURN: 'it is not their turn',
  SELLER_ALREADY_RESPONDED: 'the seller has already responded',
  NO_OFFER: 'there is no counter-offer to decline',
  NOT_UNDER_REVIEW: 'the dispute is not under review',
};

const PARTIES: readonly DisputeParty[] = ['buyer', 'seller', 'platform'];

const linesText = (lines: readonly { readonly id: string; readonly quantity: number }[] | undefined) =>
  lines?.length ? ` for ${lines.map((l) => `${l.id} × ${String(l.quantity)}`).join(', ')}` : '';
const evidenceText = (items: readonly string[] | undefined) => (items?.length ? `; evidence ${idsText(items)}` : '');
const noteText = (note: string | undefined) => (note === undefined ? '' : `; note "${note}"`);

/** What happened, in words, with who did it. */
function eventText(e: DisputeEvent): string {
  switch (e.type) {
    case 'opened':
      return `buyer opened the dispute: ${e.reason}, asks ${e.amount}${linesText(e.lines)}${evidenceText(e.evidence)}${e.description === undefined ? '' : `; "${e.description}"`}`;
    case 'claim-changed':
      return `buyer changed the claim to ${e.amount}${linesText(e.lines)}${evidenceText(e.evidence)}`;
    case 'cancelled':
      return 'buyer cancelled the dispute';
    case 'seller-agreed':
      return 'seller agreed to the claim';
    case 'seller-countered':
      return `seller offered ${e.amount} instead${evidenceText(e.evidence)}`;
    case 'seller-disagreed':
      return `seller disagreed${noteText(e.note)}${evidenceText(e.evidence)}`;
    case 'buyer-accepted':
      return "buyer accepted the seller's answer";
    case 'buyer-declined':
      return 'buyer declined the counter-offer';
    case 'escalated':
      return `${e.by} escalated to the platform${noteText(e.note)}${evidenceText(e.evidence)}`;
    case 'ruled':
      return `platform ruled a refund of ${e.amount}`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Whose turn it is, and to do what. */
function turnText(v: DisputeView): string {
  switch (v.status) {
    case 'awaiting-seller':
      return "the seller's: to agree, counter or disagree";
    case 'awaiting-buyer':
      return v.offer === null ? "the buyer's: to accept no refund, change the claim or escalate" : `the buyer's: to accept or decline the offer of ${v.offer}`;
    case 'under-review':
      return "the platform's: to rule";
    case 'resolved':
    case 'cancelled':
      return "no one's: the dispute is closed";
    default: {
      const never: never = v.status;
      return never;
    }
  }
}

function statusText(v: DisputeView, zone: string): string {
  switch (v.status) {
    case 'awaiting-seller':
    case 'awaiting-buyer':
      return v.status;
    case 'under-review':
      return v.underReviewSince === null ? 'under review' : `under review since ${bothText(msOf(v.underReviewSince), zone)}`;
    case 'resolved':
      return `resolved: refund ${v.refund ?? '0'} (${v.outcome ?? ''})`;
    case 'cancelled':
      return 'cancelled by the buyer';
    default: {
      const never: never = v.status;
      return never;
    }
  }
}

/** What each party may do, then what not and why, grouped by the reason. */
function allowedLines(v: DisputeView): string[] {
  const out: string[] = [];
  for (const party of PARTIES) {
    const may = v.allowed[party];
    const byBlock = new Map<DisputeBlock, string[]>();
    for (const [action, block] of Object.entries(v.blocked[party])) byBlock.set(block, [...(byBlock.get(block) ?? []), action]);
    const not = [...byBlock].map(([block, actions]) => `${actions.join(', ')}: ${block} (${BLOCKS[block]})`);
    out.push(`  ${party.padEnd(8)}  ${may.length > 0 ? `may ${may.join(', ')}` : 'nothing'}`);
    for (const n of not) out.push(`  ${''.padEnd(8)}  not ${n}`);
  }
  return out;
}

/** Why a review began with no event: whose deadline lapsed (the last proposal before it says whose turn it was), or the process limit. */
function reviewCause(v: DisputeView, since: number): string {
  if (since >= msOf(v.negotiationEnds.endsAt)) return 'the time to negotiate ran out (process limit)';
  const last = v.offers.filter((o) => msOf(o.at) <= since).at(-1);
  return last?.by === 'seller' ? 'the buyer let their deadline pass' : 'the seller let their deadline pass';
}

/** The breakdown of a dispute-state request, built from the library's view (the wire answer is a part of it). */
export function disputeStateBreakdown(request: DisputeStateWireRequest): string {
  const r = new InputReader();
  const viewed = readDisputeView(r, request.policy, request.order, request.events, request.at, true);
  const policy = readPolicy(r, request.policy, 'policy');
  if (!viewed.ok || !policy) return ''; // cannot happen: the wire answer to the same request was ok
  const v = viewed.value;
  const zone = policy.timeZone;
  const now = msOf(request.at);
  const at = (instant: string) => bothText(msOf(instant), zone);
  const currency = request.order.quote.currency;
  const holidays = request.policy?.holidays ?? [];
  const weekend = [...policy.weekend].sort((a, b) => a - b).map(weekdayName);
  const days =
    policy.dayCount === 'business'
      ? `business days (weekend ${weekend.join(', ')}${holidays.length > 0 ? `; holidays ${idsText(holidays)}` : ''})`
      : 'calendar days';
  const out: string[] = [
    `Dispute: ${v.reason}, on an order in ${currency}`,
    `Times in the policy's zone ${zone}, UTC in brackets`,
    `Policy: ${days}; the seller answers within ${String(policy.sellerResponseDays)} days, the buyer within ${String(policy.buyerResponseDays)}; the process takes at most ${String(policy.maxProcessDays)} days, the last ${String(policy.platformReviewDays)} kept for the platform's review`,
    `Viewed at ${bothText(now, zone)}`,
    '',
    `Status:     ${statusText(v, zone)}`,
    `Whose turn: ${turnText(v)}`,
  ];
  const party = PARTIES.find((p) => v.timeRemainingMs[p] !== null);
  const remaining = party === undefined ? null : v.timeRemainingMs[party];
  const turnDeadline = party === 'seller' ? v.deadlines.seller : party === 'buyer' ? v.deadlines.buyer : v.deadlines.ruling;
  const end = turnDeadline?.endsAt ?? v.deadlines.ruling.endsAt;
  out.push(
    party === undefined || remaining === null
      ? 'Time left:  none: no one is waited for'
      : remaining > 0
        ? `Time left:  ${durationText(remaining)} for the ${party}, until ${at(end)}`
        : `Time left:  none: the ${party}'s deadline passed ${durationText(now - msOf(end))} ago, at ${at(end)}`,
  );
  out.push(`Claim:      ${v.requested} requested, refundable up to ${v.refundable}${v.offer === null ? '' : `; the seller offers ${v.offer}`}`);
  out.push(`Overdue:    ${v.overdue ? 'yes: the process took longer than the policy allows' : 'no'}`);
  const o = request.order;
  const facts = [
    o.shippedAt ? `shipped ${at(String(o.shippedAt))}` : 'not shipped',
    o.receiptConfirmedAt ? `receipt confirmed ${at(String(o.receiptConfirmedAt))}` : 'receipt not confirmed',
  ];
  if (o.expectedDeliveryBy) facts.push(`delivery expected by ${dayText(o.expectedDeliveryBy)}`);
  out.push(`Order:      ${facts.join('; ')}`);

  out.push('', 'Timeline:');
  // Notice ids are `e{N}-{party}` for event N and `review-{party}`: the notices each step gives, by that prefix.
  const told = new Map<string, DisputeNotice[]>();
  for (const n of v.notices) {
    const key = n.id.slice(0, n.id.length - n.to.length - 1);
    told.set(key, [...(told.get(key) ?? []), n]);
  }
  const tell = (key: string) => {
    const notices = told.get(key) ?? [];
    return notices.length === 0
      ? 'tell no one'
      : `tell ${notices.map((n) => n.to).join(' and ')}: ${[...new Set(notices.map((n) => n.kind))].join(', ')} (${notices.map((n) => n.id).join(', ')})`;
  };
  // A review begun by silence or the process limit has no event: it goes in its place among the events.
  const review = v.notices.find((n) => n.id.startsWith('review-'));
  let reviewShown = review === undefined;
  const showReview = (before: number) => {
    if (reviewShown || !review || msOf(review.at) > before) return;
    reviewShown = true;
    out.push(`  ${at(review.at)}  under review: ${reviewCause(v, msOf(review.at))}`);
    out.push(`      ${tell('review')}`);
  };
  request.events.forEach((e, i) => {
    const t = msOf(String(e.at));
    showReview(t);
    out.push(`  ${bothText(t, zone)}  ${eventText(e)}`);
    out.push(t > now ? '      not applied: after the instant viewed' : `      ${tell(`e${String(i)}`)}`);
  });
  showReview(now);

  out.push('', 'Deadlines: the last local day in time, the first instant too late, and when that is from the instant viewed');
  // The deadline that runs now is the one of the party whose turn it is (the platform's is the ruling).
  const row = (name: string, d: Deadline | null, runs: boolean): string[] =>
    d ? [name, dayText(d.date), at(d.endsAt), `${relativeText(msOf(d.endsAt), now)}${runs ? ' (running)' : ''}`] : [name, 'never set'];
  out.push(
    ...columns([
      row('seller', v.deadlines.seller, party === 'seller'),
      row('buyer', v.deadlines.buyer, party === 'buyer'),
      row('negotiation', v.negotiationEnds, false),
      row('ruling', v.deadlines.ruling, party === 'platform'),
    ]),
  );

  out.push('', 'Offers:');
  out.push(
    ...columns(
      v.offers.map((x) => [at(x.at), x.by, x.kind, x.amount, x.fate]),
      '  ',
      [3],
    ),
  );
  const evidence = PARTIES.flatMap((p) =>
    p === 'platform' || v.evidence[p].length === 0 ? [] : [[p, v.evidence[p].map((e) => `${e.item} (${at(e.at)})`).join(', ')]],
  );
  if (evidence.length > 0) out.push('', 'Evidence:', ...columns(evidence));
  out.push('', 'What each party may do now:', ...allowedLines(v));
  return joinLines(out);
}

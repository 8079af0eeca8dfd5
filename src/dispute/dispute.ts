import { InputReader } from '../input.js';
import { endOfLocalDate } from '../time/dates.js';
import type { InstantInput } from '../time/instant.js';
import { readInstant, readLocalDate, readRequiredInstant } from '../time/read.js';
import { formatMinor, parseDecimalInput, pow10, scaledOf } from '../money/parse.js';
import { divRound } from '../money/integer.js';
import { MAX_UNIT_PRICE_DECIMALS } from '../money/bounds.js';
import type { RoundingMode } from '../money/rounding.js';
import { assertNever } from '../result.js';
import { readMinor } from '../coupon/terms.js';
import { computeQuote, type QuoteRequest, readQuoteRequest } from '../order/quote.js';
import { fail, joinPath, nestPath, ok, type Result } from '../result.js';
import { type Deadline, type DeadlineMs, type DisputePolicy, deadlineAfter, readPolicy, type ResolvedPolicy } from './policy.js';
import type { Currency } from '../money/currency.js';

/**
 * Why the buyer opens a dispute.
 *
 * @example
 * ```ts
 * import type { DisputeReason } from 'coupon-rules';
 * const reason: DisputeReason = 'DAMAGED';
 * ```
 */
export type DisputeReason = 'NOT_AS_DESCRIBED' | 'DAMAGED' | 'MISSING_PARTS' | 'NOT_RECEIVED' | 'LATE_DELIVERY' | 'OTHER';

const REASONS: readonly DisputeReason[] = ['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS', 'NOT_RECEIVED', 'LATE_DELIVERY', 'OTHER'];
const NEEDS_EVIDENCE: ReadonlySet<DisputeReason> = new Set(['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS']);

/**
 * Units of one order line that a claim is about.
 *
 * @example
 * ```ts
 * import type { ClaimedLine } from 'coupon-rules';
 * const l: ClaimedLine = { id: 'L1', quantity: 2 };
 * ```
 */
export interface ClaimedLine {
  readonly id: string;
  readonly quantity: number;
}

/**
 * Something that happened in a dispute. Every event has its instant `at`.
 *
 * @example
 * ```ts
 * import type { DisputeEvent } from 'coupon-rules';
 * const events: DisputeEvent[] = [
 *   { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] },
 *   { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' },
 *   { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' },
 * ];
 * ```
 */
export type DisputeEvent =
  | {
      readonly type: 'opened';
      readonly at: InstantInput;
      readonly reason: DisputeReason;
      readonly amount: string;
      readonly lines?: readonly ClaimedLine[];
      readonly evidence?: readonly string[];
      readonly description?: string;
    }
  | {
      readonly type: 'claim-changed';
      readonly at: InstantInput;
      readonly amount: string;
      readonly lines?: readonly ClaimedLine[];
      readonly evidence?: readonly string[];
    }
  | { readonly type: 'cancelled'; readonly at: InstantInput }
  | { readonly type: 'seller-agreed'; readonly at: InstantInput }
  | { readonly type: 'seller-countered'; readonly at: InstantInput; readonly amount: string; readonly evidence?: readonly string[] }
  | { readonly type: 'seller-disagreed'; readonly at: InstantInput; readonly note?: string; readonly evidence?: readonly string[] }
  | { readonly type: 'buyer-accepted'; readonly at: InstantInput }
  | { readonly type: 'buyer-declined'; readonly at: InstantInput }
  | { readonly type: 'escalated'; readonly at: InstantInput; readonly by: 'buyer' | 'seller'; readonly evidence?: readonly string[]; readonly note?: string }
  | { readonly type: 'ruled'; readonly at: InstantInput; readonly amount: string };

/**
 * The order a dispute is about: its quote (what was charged, after coupon
 * and seller credit), what was refunded already, and its delivery facts.
 *
 * @example
 * ```ts
 * import type { DisputeOrder } from 'coupon-rules';
 * const order: DisputeOrder = {
 *   quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 }], coupon: { type: 'percent', percent: '10' } },
 *   refunded: '0.00', shippedAt: '2026-11-20T09:00:00Z', receiptConfirmedAt: '2026-11-28T18:00:00Z', expectedDeliveryBy: '2026-12-05',
 * };
 * ```
 */
export interface DisputeOrder {
  readonly quote: QuoteRequest;
  readonly refunded?: string;
  readonly shippedAt?: InstantInput | null;
  readonly receiptConfirmedAt?: InstantInput | null;
  readonly expectedDeliveryBy?: string | null;
}

/**
 * A dispute: the policy (optional overrides), the order and the events so far.
 *
 * @example
 * ```ts
 * import type { Dispute } from 'coupon-rules';
 * const d: Dispute = { order: { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40', quantity: 1 }] }, shippedAt: '2026-11-20T09:00:00Z' }, events: [] };
 * ```
 */
export interface Dispute {
  readonly policy?: DisputePolicy;
  readonly order: DisputeOrder;
  readonly events: readonly DisputeEvent[];
}

/**
 * Where a dispute stands.
 *
 * @example
 * ```ts
 * import type { DisputeStatus } from 'coupon-rules';
 * const s: DisputeStatus = 'under-review';
 * ```
 */
export type DisputeStatus = 'awaiting-seller' | 'awaiting-buyer' | 'under-review' | 'resolved' | 'cancelled';

/**
 * Who acts in a dispute.
 *
 * @example
 * ```ts
 * import type { DisputeParty } from 'coupon-rules';
 * const p: DisputeParty = 'platform';
 * ```
 */
export type DisputeParty = 'buyer' | 'seller' | 'platform';

/**
 * What a party may do in an open dispute.
 *
 * @example
 * ```ts
 * import type { DisputeAction } from 'coupon-rules';
 * const a: DisputeAction = 'counter';
 * ```
 */
export type DisputeAction = 'change-claim' | 'cancel' | 'accept' | 'decline' | 'escalate' | 'agree' | 'counter' | 'disagree' | 'rule';

/**
 * Why an action is not allowed now.
 *
 * @example
 * ```ts
 * import type { DisputeBlock } from 'coupon-rules';
 * const why: DisputeBlock = 'SELLER_ALREADY_RESPONDED';
 * ```
 */
export type DisputeBlock =
  'DISPUTE_CLOSED' | 'UNDER_REVIEW' | 'DEADLINE_PASSED' | 'PROCESS_LIMIT_REACHED' | 'WRONG_TURN' | 'SELLER_ALREADY_RESPONDED' | 'NO_OFFER' | 'NOT_UNDER_REVIEW';

/**
 * The event that resolved a dispute.
 *
 * @example
 * ```ts
 * import type { DisputeOutcome } from 'coupon-rules';
 * const o: DisputeOutcome = 'ruled';
 * ```
 */
export type DisputeOutcome = 'seller-agreed' | 'buyer-accepted' | 'ruled';

/**
 * One proposal in a dispute's history: who proposed what, when, and what became of it.
 *
 * @example
 * ```ts
 * import type { DisputeOffer } from 'coupon-rules';
 * const o: DisputeOffer = { by: 'seller', kind: 'counter-offer', amount: '8.00', at: '2026-12-02T10:00:00.000Z', fate: 'accepted' };
 * ```
 */
export interface DisputeOffer {
  readonly by: DisputeParty;
  readonly kind: 'claim' | 'counter-offer' | 'refusal' | 'ruling';
  readonly amount: string;
  readonly at: string;
  readonly fate: 'pending' | 'accepted' | 'declined' | 'superseded' | 'withdrawn' | 'escalated' | 'lapsed' | 'final';
}

/**
 * A piece of evidence in a dispute: an identifier of what was given (a
 * photo, a message), by whom and when.
 *
 * @example
 * ```ts
 * import type { DisputeEvidence } from 'coupon-rules';
 * const e: DisputeEvidence = { item: 'photo-1', at: '2026-12-01T10:00:00.000Z' };
 * ```
 */
export interface DisputeEvidence {
  readonly item: string;
  readonly at: string;
}

/**
 * Something a party must be told about a dispute. Its `id` is derived from
 * the dispute's history (the event's place, or the review's start), so a
 * shop that sends each notice once by id sends it exactly once however
 * often it asks for the view.
 *
 * @example
 * ```ts
 * import type { DisputeNotice } from 'coupon-rules';
 * const n: DisputeNotice = { id: 'e0-buyer', to: 'buyer', kind: 'opened', at: '2026-12-01T10:00:00.000Z' };
 * ```
 */
export interface DisputeNotice {
  readonly id: string;
  readonly to: 'buyer' | 'seller';
  readonly kind:
    'opened' | 'claim-changed' | 'seller-responded' | 'offer-made' | 'offer-declined' | 'escalated' | 'under-review' | 'ruled' | 'resolved' | 'cancelled';
  readonly at: string;
}

/**
 * A dispute at an instant.
 *
 * @example
 * ```ts
 * import { disputeView } from 'coupon-rules';
 * const r = disputeView({
 *   order: { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] }, shippedAt: '2026-11-20T09:00:00Z', receiptConfirmedAt: '2026-11-28T18:00:00Z' },
 *   events: [{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '10.00' }],
 * }, '2026-12-02T00:00:00Z');
 * if (r.ok) console.log(r.value.status, r.value.deadlines.seller); // 'awaiting-seller' { date: '2026-12-06', endsAt: '2026-12-07T00:00:00.000Z' }
 * ```
 */
export interface DisputeView {
  readonly status: DisputeStatus;
  /** The number of events stored for the dispute (also those after `now`): the version a command must expect. */
  readonly version: number;
  readonly reason: DisputeReason;
  readonly requested: string;
  /** The seller's standing counter-offer, if any. */
  readonly offer: string | null;
  /** The cap on this claim: the claimed lines' net value, or what remains of the payment. */
  readonly refundable: string;
  readonly refund: string | null;
  readonly outcome: DisputeOutcome | null;
  /** The latest deadline of each party, and the ruling deadline (opening + maxProcessDays). */
  readonly deadlines: { readonly seller: Deadline | null; readonly buyer: Deadline | null; readonly ruling: Deadline };
  /** The last day the parties may negotiate (opening + maxProcessDays − platformReviewDays): from its end the dispute is under review. */
  readonly negotiationEnds: Deadline;
  /** Past the ruling deadline while open, or ruled after it: the process took longer than `maxProcessDays`. */
  readonly overdue: boolean;
  readonly underReviewSince: string | null;
  readonly allowed: { readonly [P in DisputeParty]: readonly DisputeAction[] };
  readonly blocked: { readonly [P in DisputeParty]: Readonly<Partial<Record<DisputeAction, DisputeBlock>>> };
  /** Milliseconds left before the deadline of the party whose turn it is (`null` for the others). */
  readonly timeRemainingMs: { readonly [P in DisputeParty]: number | null };
  readonly offers: readonly DisputeOffer[];
  /** The evidence each party gave, in order. */
  readonly evidence: { readonly buyer: readonly DisputeEvidence[]; readonly seller: readonly DisputeEvidence[] };
  /** What each party must be told so far, in order. */
  readonly notices: readonly DisputeNotice[];
  /** While a dispute is active on an order, no other refund on it may start. */
  readonly blocksOtherRefunds: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** @internal What the fold needs of the order, in minor units. */
export interface ParsedOrder {
  readonly currency: Currency;
  readonly remaining: bigint; // paid − refunded
  readonly rounding: RoundingMode;
  /** Each line's quantity, net after the coupon, and unit price (`units / 10^scale`), by line id. */
  readonly lines: ReadonlyMap<string, ParsedOrderLine>;
  readonly shippedAt: number | null;
  readonly receiptConfirmedAt: number | null;
  readonly expectedDeliveryBy: string | null;
}

/** @internal */
export type ParsedDisputeEvent =
  | {
      readonly type: 'opened';
      readonly at: number;
      readonly reason: DisputeReason;
      readonly amount: bigint;
      readonly lines: readonly ClaimedLine[] | null;
      readonly evidence: readonly string[];
    }
  | {
      readonly type: 'claim-changed';
      readonly at: number;
      readonly amount: bigint;
      readonly lines: readonly ClaimedLine[] | null;
      readonly evidence: readonly string[] | null;
    }
  | { readonly type: 'cancelled' | 'seller-agreed' | 'buyer-accepted' | 'buyer-declined'; readonly at: number }
  | { readonly type: 'seller-disagreed'; readonly at: number; readonly evidence: readonly string[] }
  | { readonly type: 'seller-countered'; readonly at: number; readonly amount: bigint; readonly evidence: readonly string[] }
  | { readonly type: 'ruled'; readonly at: number; readonly amount: bigint }
  | { readonly type: 'escalated'; readonly at: number; readonly by: 'buyer' | 'seller'; readonly evidence: readonly string[] };

/** @internal A line of the order, as a claim's cap needs it. */
export interface ParsedOrderLine {
  readonly quantity: number;
  readonly net: bigint;
  readonly price: { readonly units: bigint; readonly scale: number };
}

/** @internal A dispute checked for shape. */
export interface ParsedDispute {
  readonly policy: ResolvedPolicy;
  readonly order: ParsedOrder;
  readonly events: readonly ParsedDisputeEvent[];
}

const minorOfText = (s: string): bigint => BigInt(s.replace('.', ''));

/** Reads the order. Its currency comes back even when another field is refused, so that event amounts are still checked against it. */
function readOrder(r: InputReader, value: unknown, path: string, allowOp: boolean): { readonly currency?: Currency | undefined; readonly order?: ParsedOrder } {
  const o = r.object(value, path, ['quote', 'refunded', 'shippedAt', 'receiptConfirmedAt', 'expectedDeliveryBy']);
  if (!o) return {};
  const before = r.count;
  const qp = joinPath(path, 'quote');
  const rawQuote = r.required(o, 'quote', path);
  let currency: Currency | undefined;
  let paid = 0n;
  let rounding: RoundingMode = 'half-up';
  const lines = new Map<string, ParsedOrderLine>();
  if (rawQuote !== undefined) {
    if (allowOp && typeof rawQuote === 'object' && rawQuote !== null && !Array.isArray(rawQuote)) {
      // On the wire the order carries a whole quote request, "op" included.
      const op = Object.hasOwn(rawQuote, 'op') ? (rawQuote as { op?: unknown }).op : undefined;
      if (op === undefined) r.error('REQUIRED', joinPath(qp, 'op'), 'the order quote is a whole quote request: "op": "quote"');
      else if (op !== 'quote') r.error('UNKNOWN_OP', joinPath(qp, 'op'), 'the order quote is a quote request: "op" is "quote"');
    }
    const parsed = readQuoteRequest(rawQuote, allowOp ? ['op'] : []);
    const quote = parsed.ok ? computeQuote(parsed.value) : parsed;
    if (!quote.ok) r.absorb(quote.errors.map((e) => ({ ...e, path: nestPath(qp, e.path) })));
    else if (parsed.ok) {
      currency = parsed.value.currency;
      rounding = parsed.value.rounding;
      paid = minorOfText(quote.value.grandTotal);
      // The quote read the unit prices: each is a valid decimal string of the request's line.
      const rawLines = (rawQuote as { lines: readonly { unitPrice: string }[] }).lines;
      parsed.value.ids.forEach((id, i) => {
        const l = quote.value.lines[i];
        const price = parseDecimalInput(
          rawLines[i]?.unitPrice,
          { maxDecimals: MAX_UNIT_PRICE_DECIMALS, allowNegative: false, currencyCode: 'unit prices' },
          '',
        ).value;
        if (l && price) lines.set(id, { quantity: parsed.value.quantities[i] ?? 0, net: minorOfText(l.net), price: scaledOf(price) });
      });
    }
  }
  const rawRefunded = r.field(o, 'refunded');
  const refunded = rawRefunded === undefined || !currency ? 0n : readMinor(r, rawRefunded, joinPath(path, 'refunded'), currency);
  if (refunded !== undefined && refunded > paid && currency)
    r.error(
      'REFUNDED_EXCEEDS_PAID',
      joinPath(path, 'refunded'),
      `${formatMinor(refunded, currency.minorUnits)} was refunded, more than the ${formatMinor(paid, currency.minorUnits)} paid`,
    );
  const instantOrNull = (key: string) => {
    const raw = r.field(o, key);
    return raw === undefined || raw === null ? null : (readInstant(r, raw, joinPath(path, key)) ?? null);
  };
  const shippedAt = instantOrNull('shippedAt');
  const receiptConfirmedAt = instantOrNull('receiptConfirmedAt');
  const rawExpected = r.field(o, 'expectedDeliveryBy');
  const expectedDeliveryBy =
    rawExpected === undefined || rawExpected === null ? null : (readLocalDate(r, rawExpected, joinPath(path, 'expectedDeliveryBy')) ?? null);
  if (r.count > before || !currency || refunded === undefined) return { currency };
  return { currency, order: { currency, remaining: paid - refunded, rounding, lines, shippedAt, receiptConfirmedAt, expectedDeliveryBy } };
}

function readClaimLines(r: InputReader, value: unknown, path: string): ClaimedLine[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  if (list.length === 0) r.error('EMPTY_LINES', path, 'a claim that names lines names at least one');
  const out: ClaimedLine[] = [];
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const o = r.object(raw, p, ['id', 'quantity']);
    if (!o) return;
    const id = r.nonEmptyString(r.required(o, 'id', p), joinPath(p, 'id'));
    const quantity = r.integer(r.required(o, 'quantity', p), joinPath(p, 'quantity'), 1, 1_000_000_000, 'INVALID_QUANTITY', 'a quantity');
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a missing id or quantity was reported, so readDisputeEvents returns undefined and the list is never used
    if (id !== undefined && quantity !== undefined) out.push({ id, quantity });
  });
  return out;
}

function readEvidence(r: InputReader, value: unknown, path: string): string[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((e, i) => {
    const s = r.nonEmptyString(e, joinPath(path, i));
    if (s !== undefined) out.push(s);
  });
  return out;
}

const EVENT_KEYS: Record<ParsedDisputeEvent['type'], readonly string[]> = {
  opened: ['type', 'at', 'reason', 'amount', 'lines', 'evidence', 'description'],
  'claim-changed': ['type', 'at', 'amount', 'lines', 'evidence'],
  cancelled: ['type', 'at'],
  'seller-agreed': ['type', 'at'],
  'seller-countered': ['type', 'at', 'amount', 'evidence'],
  'seller-disagreed': ['type', 'at', 'note', 'evidence'],
  'buyer-accepted': ['type', 'at'],
  'buyer-declined': ['type', 'at'],
  escalated: ['type', 'at', 'by', 'evidence', 'note'],
  ruled: ['type', 'at', 'amount'],
};

/** @internal Reads dispute events (shape only). */
export function readDisputeEvents(r: InputReader, value: unknown, path: string, currency: Currency | undefined): ParsedDisputeEvent[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const before = r.count;
  const out: ParsedDisputeEvent[] = [];
  const money = currency ?? { code: 'the order currency', minorUnits: 12 };
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const type = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'type') ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(EVENT_KEYS, type)) {
      r.error(type === undefined ? 'REQUIRED' : 'INVALID_EVENT_TYPE', joinPath(p, 'type'), `"type" is one of ${Object.keys(EVENT_KEYS).join(', ')}`);
      return;
    }
    const t = type as ParsedDisputeEvent['type'];
    const o = r.object(raw, p, EVENT_KEYS[t]);
    if (!o) return;
    const at = readRequiredInstant(r, o, 'at', p);
    const amount = () => {
      const a = r.required(o, 'amount', p);
      return a === undefined ? undefined : readMinor(r, a, joinPath(p, 'amount'), money);
    };
    const optional = <T>(key: string, read: (v: unknown, path: string) => T | undefined): T | null | undefined => {
      const v = r.field(o, key);
      return v === undefined ? null : read(v, joinPath(p, key));
    };
    switch (t) {
      case 'opened': {
        const rawReason = r.required(o, 'reason', p);
        const reason = REASONS.find((x) => x === rawReason);
        if (rawReason !== undefined && !reason) r.error('INVALID_ENUM', joinPath(p, 'reason'), `"reason" is one of ${REASONS.join(', ')}`);
        const a = amount();
        const lines = optional('lines', (v, q) => readClaimLines(r, v, q));
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        optional('description', (v, q) => r.string(v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && reason && a !== undefined && lines !== undefined && evidence !== undefined)
          out.push({ type: t, at, reason, amount: a, lines, evidence: evidence ?? [] });
        return;
      }
      case 'claim-changed': {
        const a = amount();
        const lines = optional('lines', (v, q) => readClaimLines(r, v, q));
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && a !== undefined && lines !== undefined && evidence !== undefined) out.push({ type: t, at, amount: a, lines, evidence });
        return;
      }
      case 'seller-countered': {
        const a = amount();
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && a !== undefined && evidence !== undefined) out.push({ type: t, at, amount: a, evidence: evidence ?? [] });
        return;
      }
      case 'ruled': {
        const a = amount();
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && a !== undefined) out.push({ type: t, at, amount: a });
        return;
      }
      case 'escalated': {
        const by = r.required(o, 'by', p);
        if (by !== undefined && by !== 'buyer' && by !== 'seller') r.error('INVALID_ENUM', joinPath(p, 'by'), '"by" is "buyer" or "seller"');
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        optional('note', (v, q) => r.string(v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing or invalid field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && (by === 'buyer' || by === 'seller') && evidence !== undefined) out.push({ type: t, at, by, evidence: evidence ?? [] });
        return;
      }
      case 'seller-disagreed': {
        optional('note', (v, q) => r.string(v, q));
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        if (at !== undefined && evidence !== undefined) out.push({ type: t, at, evidence: evidence ?? [] });
        return;
      }
      case 'cancelled':
      case 'seller-agreed':
      case 'buyer-accepted':
      case 'buyer-declined':
        if (at !== undefined) out.push({ type: t, at });
        return;
      default:
        assertNever(t);
    }
  });
  return r.count > before ? undefined : out;
}

/** @internal Reads a whole dispute. `allowOp`: the order quote may carry `"op": "quote"` (the wire form). */
export function readDispute(r: InputReader, policy: unknown, order: unknown, events: unknown, allowOp: boolean): ParsedDispute | undefined {
  const p = readPolicy(r, policy, 'policy');
  const read = order === undefined ? (r.error('REQUIRED', 'order', '"order" is required'), {}) : readOrder(r, order, 'order', allowOp);
  const o = read.order;
  const e = events === undefined ? (r.error('REQUIRED', 'events', '"events" is required'), undefined) : readDisputeEvents(r, events, 'events', read.currency);
  return p && o && e && r.count === 0 ? { policy: p, order: o, events: e } : undefined;
}

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

interface EvidenceRecord {
  readonly item: string;
  readonly at: number;
}

interface NoticeRecord {
  readonly id: string;
  readonly to: 'buyer' | 'seller';
  readonly kind: DisputeNotice['kind'];
  readonly at: number;
}

/** @internal The cap of a claim: what remains of the payment, and at most the claimed units' net value. */
function claimCap(order: ParsedOrder, lines: readonly ClaimedLine[] | null, r: InputReader, path: string): bigint | undefined {
  if (!lines) return order.remaining;
  let net = 0n;
  let bad = false;
  const seen = new Set<string>();
  for (const [i, l] of lines.entries()) {
    const p = joinPath(joinPath(path, 'lines'), i);
    const line = order.lines.get(l.id);
    if (seen.has(l.id)) {
      r.error('DUPLICATE_LINE', joinPath(p, 'id'), `line ${l.id} is claimed twice`);
      bad = true;
    }
    seen.add(l.id);
    if (!line) {
      r.error('UNKNOWN_LINE', joinPath(p, 'id'), `the order has no line ${l.id}`);
      bad = true;
    } else if (l.quantity > line.quantity) {
      r.error('LINE_QUANTITY_EXCEEDED', joinPath(p, 'quantity'), `line ${l.id} has ${String(line.quantity)} units, not ${String(l.quantity)}`);
      bad = true;
    } else net += unitsCap(line, l.quantity, order);
  }
  if (bad) return undefined;
  return net < order.remaining ? net : order.remaining;
}

/**
 * @internal The refund cap of `k` of a line's units: the line's net (after its coupon share) in
 * proportion, `net × k / quantity` rounded with the order's rounding mode, and never more than the
 * units' own list value (what `k` units would cost as a line of their own: unit price × k, rounded
 * the same way). All the units give exactly the line's net.
 */
export function unitsCap(line: ParsedOrderLine, k: number, order: Pick<ParsedOrder, 'currency' | 'rounding'>): bigint {
  if (k === line.quantity) return line.net;
  const share = divRound(line.net * BigInt(k), BigInt(line.quantity), order.rounding);
  const minor = order.currency.minorUnits;
  const product = line.price.units * BigInt(k);
  const list = line.price.scale <= minor ? product * pow10(minor - line.price.scale) : divRound(product, pow10(line.price.scale - minor), order.rounding);
  return share < list ? share : list;
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

const ACTIONS: { readonly [P in DisputeParty]: readonly DisputeAction[] } = {
  buyer: ['change-claim', 'cancel', 'accept', 'decline', 'escalate'],
  seller: ['agree', 'counter', 'disagree', 'escalate'],
  platform: ['rule'],
};

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

function checkOpening(r: InputReader, e: Extract<ParsedDisputeEvent, { type: 'opened' }>, d: ParsedDispute, p: string): void {
  const { order, policy } = d;
  const confirmed = order.receiptConfirmedAt !== null && e.at >= order.receiptConfirmedAt;
  if (confirmed) {
    const window = deadlineAfter(order.receiptConfirmedAt, policy.requestWindowDays, policy);
    if (e.at >= window.endsAt)
      r.error(
        'WINDOW_CLOSED',
        p,
        `the request window closed at the end of ${window.date} (${String(policy.requestWindowDays)} days after receipt was confirmed)`,
      );
    if (e.reason === 'NOT_RECEIVED')
      r.error('RECEIPT_CONFIRMED', joinPath(p, 'reason'), 'the buyer has confirmed receipt: the order cannot be claimed as not received');
  } else {
    if (order.shippedAt === null || e.at < order.shippedAt)
      r.error('NOT_SHIPPED', p, 'before receipt is confirmed, a dispute may be opened only once the order has shipped');
    if (e.reason === 'NOT_RECEIVED') {
      const due = order.expectedDeliveryBy === null ? null : endOfLocalDate(order.expectedDeliveryBy, policy.timeZone);
      if (due === null || e.at < due)
        r.error('DELIVERY_NOT_DUE', joinPath(p, 'reason'), 'an order may be claimed as not received only after its expected delivery date has passed');
    }
  }
  if (e.reason === 'LATE_DELIVERY') {
    const rp = joinPath(p, 'reason');
    if (!confirmed) r.error('RECEIPT_NOT_CONFIRMED', rp, 'an order may be claimed as late only once its receipt is confirmed');
    else if (order.expectedDeliveryBy === null) r.error('NO_DELIVERY_DATE', rp, 'no delivery date was promised, so the order cannot have arrived late');
    else if (order.receiptConfirmedAt < endOfLocalDate(order.expectedDeliveryBy, policy.timeZone)) {
      r.error('DELIVERED_ON_TIME', rp, `receipt was confirmed by the end of the expected delivery date ${order.expectedDeliveryBy}: the order was not late`);
    }
  }
  if (NEEDS_EVIDENCE.has(e.reason) && e.evidence.length === 0)
    r.error('EVIDENCE_REQUIRED', joinPath(p, 'evidence'), `a ${e.reason} claim needs at least one piece of evidence`);
}

/** `cap` is undefined when the claim's lines were refused: the amount is still checked to be above zero. */
function checkAmount(r: InputReader, amount: bigint, cap: bigint | undefined, path: string, currency: Currency, allowZero = false): boolean {
  const fmt = (v: bigint) => formatMinor(v, currency.minorUnits);
  if (amount === 0n && !allowZero) {
    r.error('AMOUNT_NOT_POSITIVE', path, 'the amount must be above zero');
    return false;
  }
  if (cap !== undefined && amount > cap) {
    r.error('AMOUNT_EXCEEDS_REFUNDABLE', path, `${fmt(amount)} is more than the ${fmt(cap)} that may be refunded on this claim`);
    return false;
  }
  return true;
}

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
    // The stream's version: every stored event, including any stamped after `now` (decide compares with the same).
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
 * import { disputeView } from 'coupon-rules';
 * const order = { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 }] }, shippedAt: '2026-11-20T09:00:00Z', receiptConfirmedAt: '2026-11-28T18:00:00Z' };
 * const r = disputeView({ order, events: [
 *   { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] },
 *   { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' },
 *   { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' },
 * ] }, '2026-12-04T00:00:00Z');
 * if (r.ok) console.log(r.value.status, r.value.refund, r.value.outcome); // 'resolved' '8.00' 'buyer-accepted'
 * ```
 */
export function disputeView(dispute: Dispute, now: InstantInput): Result<DisputeView> {
  const r = new InputReader();
  const o = r.object(dispute, '', ['policy', 'order', 'events']);
  if (!o) return fail(r.errors);
  return readDisputeView(r, r.field(o, 'policy'), r.field(o, 'order'), r.field(o, 'events'), now, false);
}

import type {
  DISPUTE_ACTIONS,
  DISPUTE_BLOCKS,
  DISPUTE_NOTICE_KINDS,
  DISPUTE_OUTCOMES,
  DISPUTE_PARTIES,
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
  ESCALATING_PARTIES,
  OFFER_FATES,
  OFFER_KINDS,
} from '../contract/index.js';
import type { QuoteRequest } from '../order/types.js';
import type { Currency } from '../money/currency.js';
import type { RoundingMode } from '../money/rounding.js';
import type { InstantInput } from '../time/instant.js';
import type { Deadline, DisputePolicy, ResolvedPolicy } from './policy.js';

/**
 * Why the buyer opens a dispute.
 *
 * @example
 * ```ts
 * import type { DisputeReason } from 'coupon-rules';
 * const reason: DisputeReason = 'DAMAGED';
 * ```
 */
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

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
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * Who acts in a dispute.
 *
 * @example
 * ```ts
 * import type { DisputeParty } from 'coupon-rules';
 * const p: DisputeParty = 'platform';
 * ```
 */
export type DisputeParty = (typeof DISPUTE_PARTIES)[number];

/**
 * What a party may do in an open dispute.
 *
 * @example
 * ```ts
 * import type { DisputeAction } from 'coupon-rules';
 * const a: DisputeAction = 'counter';
 * ```
 */
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/**
 * Why an action is not allowed now.
 *
 * @example
 * ```ts
 * import type { DisputeBlock } from 'coupon-rules';
 * const why: DisputeBlock = 'SELLER_ALREADY_RESPONDED';
 * ```
 */
export type DisputeBlock = (typeof DISPUTE_BLOCKS)[number];

/**
 * The event that resolved a dispute.
 *
 * @example
 * ```ts
 * import type { DisputeOutcome } from 'coupon-rules';
 * const o: DisputeOutcome = 'ruled';
 * ```
 */
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

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
  readonly kind: (typeof OFFER_KINDS)[number];
  readonly amount: string;
  readonly at: string;
  readonly fate: (typeof OFFER_FATES)[number];
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
  readonly to: (typeof ESCALATING_PARTIES)[number];
  readonly kind: (typeof DISPUTE_NOTICE_KINDS)[number];
  readonly at: string;
}

/**
 * A dispute at an instant.
 *
 * @example
 * ```ts
 * import { disputeView, unwrap } from 'coupon-rules';
 * const view = unwrap(disputeView({
 *   order: { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] }, shippedAt: '2026-11-20T09:00:00Z', receiptConfirmedAt: '2026-11-28T18:00:00Z' },
 *   events: [{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '10.00' }],
 * }, '2026-12-02T00:00:00Z'));
 * console.log(view.status); // → awaiting-seller
 * console.log(view.deadlines.seller); // → { date: '2026-12-06', endsAt: '2026-12-07T00:00:00.000Z' }
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

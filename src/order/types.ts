import type { INELIGIBLE_REASONS, QUOTE_ROUNDINGS } from '../contract/index.js';
import type { CouponTerms, ParsedCoupon } from '../coupon/terms.js';
import type { Currency } from '../money/currency.js';
import type { RoundingMode } from '../money/rounding.js';

/**
 * One line of an order: `quantity` units of an item of `itemType` at
 * `unitPrice` (a decimal string; it may have more decimals than the
 * currency). `onSale` defaults to false, `batch` to 1.
 *
 * @example
 * ```ts
 * import type { OrderLine } from 'coupon-rules';
 * const line: OrderLine = { id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 };
 * ```
 */
export interface OrderLine {
  readonly id: string;
  readonly itemType: string;
  readonly unitPrice: string;
  readonly quantity: number;
  readonly onSale?: boolean;
  readonly batch?: number;
}

/**
 * The rounding modes a quote accepts: `half-up` (the default), `half-even`, `half-down`, `down` (toward zero) and
 * `up` (away from zero) — every {@link RoundingMode}. The mode rounds each line total and the percentage credit.
 *
 * @example
 * ```ts
 * import { quoteCoupon, unwrap, type QuoteRounding } from 'coupon-rules';
 * // 10% of 4,556 JPY is 455.6 yen: EC-CUBE truncates, the default rounds half-up.
 * const credit = (rounding: QuoteRounding) =>
 *   unwrap(quoteCoupon({ currency: 'JPY', rounding, lines: [{ id: 'L1', itemType: 'Set', unitPrice: '4556', quantity: 1 }], coupon: { type: 'percent', percent: '10' } }))
 *     .couponCredit;
 * console.log(credit('down'), credit('half-up')); // → 455 456
 * ```
 */
export type QuoteRounding = Extract<RoundingMode, (typeof QUOTE_ROUNDINGS)[number]>;

/**
 * What {@link quoteCoupon} takes: the order, its coupon (if any), the
 * seller-entered credit and named charges. Same fields as the wire
 * request of `op: "quote"`, without `op`.
 *
 * @example
 * ```ts
 * import type { QuoteRequest } from 'coupon-rules';
 * const request: QuoteRequest = {
 *   currency: 'USD',
 *   lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2.50', quantity: 4 }],
 *   coupon: { type: 'fixed', amount: '5.00' },
 *   charges: { shipping: '3.50' },
 * };
 * ```
 */
export interface QuoteRequest {
  readonly currency: string;
  readonly rounding?: QuoteRounding;
  readonly lines: readonly OrderLine[];
  readonly coupon?: CouponTerms | null;
  readonly sellerCredit?: string;
  readonly charges?: Readonly<Record<string, string>>;
}

/**
 * A line of a quote: its total, whether the coupon applies to it, its share
 * of the coupon credit and what is left (`net`).
 *
 * @example
 * ```ts
 * import type { QuotedLine } from 'coupon-rules';
 * const line: QuotedLine = { id: 'L1', lineTotal: '5.00', eligible: true, couponCredit: '0.25', net: '4.75' };
 * ```
 */
export interface QuotedLine {
  readonly id: string;
  readonly lineTotal: string;
  readonly eligible: boolean;
  readonly couponCredit: string;
  readonly net: string;
}

/**
 * One batch of the order: its `subtotal` (the sum of its lines' totals), its `feeBasis` (its part of the
 * quote's fee basis: the subtotal before any credit, so the same amount as `subtotal`; charges belong to
 * the order, not to a batch) and the coupon credit it added to the order (`couponCredit`). Over all
 * batches the subtotals, fee bases and credits add up to the quote's.
 *
 * @example
 * ```ts
 * import { quoteCoupon, unwrap } from 'coupon-rules';
 * const q = unwrap(quoteCoupon({
 *   currency: 'USD',
 *   lines: [
 *     { id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 },
 *     { id: 'L2', itemType: 'Part', unitPrice: '40.00', quantity: 1, batch: 2 },
 *   ],
 *   coupon: { type: 'percent', percent: '10', maxDiscount: '5.00' },
 *   charges: { shipping: '4.00' },
 * }));
 * // 10% of batch 1 is 2.00; with batch 2 the order's credit is capped at 5.00, so batch 2 adds 3.00.
 * console.log(q.batches); // → [ { batch: 1, subtotal: '20.00', feeBasis: '20.00', couponCredit: '2.00' }, { batch: 2, subtotal: '40.00', feeBasis: '40.00', couponCredit: '3.00' } ]
 * ```
 */
export interface QuotedBatch {
  readonly batch: number;
  /** The sum of the batch's line totals. */
  readonly subtotal: string;
  /** The batch's part of the quote's fee basis: its subtotal before any credit (charges are the order's). */
  readonly feeBasis: string;
  /** What the batch added to the order's coupon credit. */
  readonly couponCredit: string;
}

/**
 * Why a line is outside the coupon: its item type is not in an `only`
 * limit, is in an `except` limit, or it is on sale and sale items are excluded.
 *
 * @example
 * ```ts
 * import type { IneligibleReason } from 'coupon-rules';
 * const why: IneligibleReason = 'ON_SALE';
 * ```
 */
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

/**
 * The "why" of a quote, for a shop to show: the tier reached, the credit
 * before any cap, the charges, and the reasons each ineligible line is out.
 *
 * @example
 * ```ts
 * import { quoteCoupon, unwrap } from 'coupon-rules';
 * const q = unwrap(quoteCoupon({ currency: 'USD', lines: [{ id: 'a', itemType: 'Set', unitPrice: '30', quantity: 1, onSale: true }],
 *   coupon: { type: 'percent', percent: '10', excludeSaleItems: true } }));
 * console.log(q.explain.lines[0]?.reasons); // → [ 'ON_SALE' ]
 * ```
 */
export interface QuoteExplanation {
  /** The tier whose threshold the eligible total reached (`null`: base percentage, fixed coupon or none). */
  readonly tier: { readonly index: number; readonly minTotal: string; readonly percent: string } | null;
  /** The credit before the maximum discount (percentage) or the order total (fixed) cut it down. */
  readonly uncappedCredit: string;
  /** The sum of all charges. */
  readonly chargesTotal: string;
  readonly lines: readonly { readonly id: string; readonly reasons: readonly IneligibleReason[] }[];
}

/**
 * The exact outcome of a coupon on an order. Money is in decimal strings
 * with exactly the currency's minor units. `feeBasis` is the subtotal before
 * any credit: the coupon never lowers the seller's sales fee.
 *
 * @example
 * ```ts
 * import { quoteCoupon, type Quote } from 'coupon-rules';
 * const r = quoteCoupon({ currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '5', quantity: 1 }], coupon: { type: 'percent', percent: '5' } });
 * const q: Quote | undefined = r.ok ? r.value : undefined;
 * console.log(q?.couponCredit); // → 0.25
 * ```
 */
export interface Quote {
  readonly subtotal: string;
  readonly eligibleTotal: string;
  readonly appliedPercent: string | null;
  readonly couponCredit: string;
  readonly capped: boolean;
  readonly sellerCredit: string;
  readonly totalCredit: string;
  readonly grandTotal: string;
  readonly feeBasis: string;
  readonly lines: readonly QuotedLine[];
  readonly batches: readonly QuotedBatch[];
  readonly explain: QuoteExplanation;
}

/** @internal Line totals in minor units: safe integers (below 2^53) while every line fits, else bigints. */
export type LineTotals = { readonly safe: true; readonly values: readonly number[] } | { readonly safe: false; readonly values: readonly bigint[] };

/** @internal A validated request in integer minor units. */
export interface ParsedQuoteRequest {
  readonly currency: Currency;
  readonly rounding: QuoteRounding;
  readonly ids: readonly string[];
  readonly itemTypes: readonly string[];
  /** In minor units: safe integers while every line fits (the common case), else bigints. */
  readonly lineTotals: LineTotals;
  readonly quantities: readonly number[];
  readonly onSale: readonly boolean[];
  readonly batches: readonly number[];
  readonly coupon: ParsedCoupon | null;
  readonly sellerCredit: bigint;
  readonly chargesTotal: bigint;
}

/**
 * @internal A computed quote before its lines are written out: the totals, and each line's strings on
 * demand, so that the wire can write a million-line answer without a million line objects.
 */
export interface QuoteCore {
  /** The quote without its lines (`lines: []`), with the explanation of the tier, cap and charges. */
  readonly summary: Quote;
  readonly lineCount: number;
  readonly lineAt: (i: number) => QuotedLine;
  /** Line `i` as the JSON text `JSON.stringify(lineAt(i))` gives, written directly when the core can. */
  readonly lineJsonAt?: (i: number) => string;
  readonly reasonsAt: (i: number) => readonly IneligibleReason[];
}

import * as z from 'zod';
import { byTypeSchema, recordSchema } from './build.js';
import { answerMoney, answerOf } from './common.js';

/** A line of an order on the wire.
 *
 * @example
 * ```ts
 * import { OrderLineSchema } from 'coupon-rules/schema';
 * console.log(OrderLineSchema.safeParse({ id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 }).success); // → true
 * ```
 */
export const OrderLineSchema = recordSchema('orderLine');

/** A tier of a percentage coupon.
 *
 * @example
 * ```ts
 * import { CouponTierSchema } from 'coupon-rules/schema';
 * console.log(CouponTierSchema.safeParse({ minTotal: '25.00', percent: '15' }).success); // → true
 * ```
 */
export const CouponTierSchema = recordSchema('couponTier');

/** The item-type limit of a percentage coupon.
 *
 * @example
 * ```ts
 * import { ItemTypeLimitSchema } from 'coupon-rules/schema';
 * console.log(ItemTypeLimitSchema.safeParse({ mode: 'only', itemTypes: ['Part'] }).success); // → true
 * ```
 */
export const ItemTypeLimitSchema = recordSchema('itemTypeLimit');

/** "Percentage off order total" coupon terms.
 *
 * @example
 * ```ts
 * import { PercentCouponSchema } from 'coupon-rules/schema';
 * console.log(PercentCouponSchema.safeParse({ type: 'percent', percent: '10' }).success); // → true
 * ```
 */
export const PercentCouponSchema = recordSchema('percentCoupon');

/** "Fixed amount off order total" coupon terms.
 *
 * @example
 * ```ts
 * import { FixedCouponSchema } from 'coupon-rules/schema';
 * console.log(FixedCouponSchema.safeParse({ type: 'fixed', amount: '5.00' }).success); // → true
 * ```
 */
export const FixedCouponSchema = recordSchema('fixedCoupon');

/** Coupon terms of either kind.
 *
 * @example
 * ```ts
 * import { CouponTermsSchema } from 'coupon-rules/schema';
 * console.log(CouponTermsSchema.safeParse({ type: 'fixed', amount: '5.00' }).success); // → true
 * ```
 */
export const CouponTermsSchema = byTypeSchema(['percentCoupon', 'fixedCoupon']);

/** The request of `op: "quote"`.
 *
 * @example
 * ```ts
 * import { QuoteRequestSchema } from 'coupon-rules/schema';
 * console.log(QuoteRequestSchema.safeParse({ op: 'quote', currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '5', quantity: 1 }] }).success); // → true
 * ```
 */
export const QuoteRequestSchema = recordSchema('quoteRequest');

/** The `result` of a successful quote.
 *
 * @example
 * ```ts
 * import { QuoteResultSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is not a quote's result
 * console.log(QuoteResultSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → false
 * ```
 */
export const QuoteResultSchema = z.strictObject({
  subtotal: answerMoney,
  eligibleTotal: answerMoney,
  appliedPercent: z.string().nullable(),
  couponCredit: answerMoney,
  capped: z.boolean(),
  sellerCredit: answerMoney,
  totalCredit: answerMoney,
  grandTotal: answerMoney,
  feeBasis: answerMoney,
  lines: z.array(z.strictObject({ id: z.string(), lineTotal: answerMoney, eligible: z.boolean(), couponCredit: answerMoney, net: answerMoney })),
  batches: z.array(z.strictObject({ batch: z.int().min(1), subtotal: answerMoney, feeBasis: answerMoney, couponCredit: answerMoney })),
});

/** The answer to `op: "quote"`.
 *
 * @example
 * ```ts
 * import { QuoteAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is an answer of every op
 * console.log(QuoteAnswerSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → true
 * ```
 */
export const QuoteAnswerSchema = answerOf(QuoteResultSchema);

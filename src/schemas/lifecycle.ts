import * as z from 'zod';
import { CHOICE_PROMPTS, COUPON_ACTION_BLOCKS, COUPON_EVENT_TYPES, COUPON_STATUSES, ISSUE_VIOLATION_CODES } from '../contract/index.js';
import { byTypeSchema, recordSchema } from './build.js';
import { answerMoney, answerOf } from './common.js';

/** The request of `op: "coupon-issue-check"`.
 *
 * @example
 * ```ts
 * import { CouponIssueCheckRequestSchema } from 'coupon-rules/schema';
 * // every required field is missing
 * console.log(CouponIssueCheckRequestSchema.safeParse({}).success); // → false
 * ```
 */
export const CouponIssueCheckRequestSchema = recordSchema('couponIssueCheckRequest');

/** The answer to `op: "coupon-issue-check"`.
 *
 * @example
 * ```ts
 * import { CouponIssueCheckAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is an answer of every op
 * console.log(CouponIssueCheckAnswerSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → true
 * ```
 */
export const CouponIssueCheckAnswerSchema = answerOf(
  z.strictObject({
    allowed: z.boolean(),
    violations: z.array(z.strictObject({ code: z.enum(ISSUE_VIOLATION_CODES), message: z.string() })),
  }),
);

/** A coupon as issued (with the incidents already remedied, if any).
 *
 * @example
 * ```ts
 * import { CouponSchema } from 'coupon-rules/schema';
 * const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' } };
 * console.log(CouponSchema.safeParse(coupon).success); // → true
 * ```
 */
export const CouponSchema = recordSchema('coupon');

/** An event of a coupon's life.
 *
 * @example
 * ```ts
 * import { CouponEventSchema } from 'coupon-rules/schema';
 * console.log(CouponEventSchema.safeParse({ type: 'declined', at: '2026-12-01T10:00:00Z' }).success); // → true
 * ```
 */
export const CouponEventSchema = byTypeSchema(COUPON_EVENT_TYPES);

/** A coupon with its events.
 *
 * @example
 * ```ts
 * import { CouponRecordSchema } from 'coupon-rules/schema';
 * const record = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [] };
 * console.log(CouponRecordSchema.safeParse(record).success); // → true
 * ```
 */
export const CouponRecordSchema = recordSchema('couponRecord');

/** The request of `op: "coupon-state"`.
 *
 * @example
 * ```ts
 * import { CouponStateRequestSchema } from 'coupon-rules/schema';
 * // every required field is missing
 * console.log(CouponStateRequestSchema.safeParse({}).success); // → false
 * ```
 */
export const CouponStateRequestSchema = recordSchema('couponStateRequest');

const actionCheck = z.union([z.strictObject({ ok: z.literal(true) }), z.strictObject({ ok: z.literal(false), code: z.enum(COUPON_ACTION_BLOCKS) })]);

/** The answer to `op: "coupon-state"`.
 *
 * @example
 * ```ts
 * import { CouponStateAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is an answer of every op
 * console.log(CouponStateAnswerSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → true
 * ```
 */
export const CouponStateAnswerSchema = answerOf(
  z.strictObject({
    status: z.enum(COUPON_STATUSES),
    expiresAt: z.string(),
    allowed: z.strictObject({ edit: actionCheck, delete: actionCheck, decline: actionCheck, redeem: actionCheck }),
  }),
);

/** The request of `op: "coupon-choices"`.
 *
 * @example
 * ```ts
 * import { CouponChoicesRequestSchema } from 'coupon-rules/schema';
 * // every required field is missing
 * console.log(CouponChoicesRequestSchema.safeParse({}).success); // → false
 * ```
 */
export const CouponChoicesRequestSchema = recordSchema('couponChoicesRequest');

/** The answer to `op: "coupon-choices"`.
 *
 * @example
 * ```ts
 * import { CouponChoicesAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is an answer of every op
 * console.log(CouponChoicesAnswerSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → true
 * ```
 */
export const CouponChoicesAnswerSchema = answerOf(
  z.strictObject({
    prompt: z.enum(CHOICE_PROMPTS),
    choices: z.array(
      z.strictObject({
        couponId: z.string(),
        couponCredit: answerMoney,
        expiresAt: z.string(),
        terms: byTypeSchema(['percentCoupon', 'fixedCoupon']).describe("The coupon's current terms (its edits applied), canonical for the order's currency"),
      }),
    ),
  }),
);

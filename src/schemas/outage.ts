import * as z from 'zod';
import { WINDOW_ID_PATTERN } from '../contract/index.js';
import { recordSchema, scalarSchema } from './build.js';
import { answerMoney, answerOf } from './common.js';

/** The request of `op: "outage-plan"`.
 *
 * @example
 * ```ts
 * import { OutagePlanRequestSchema } from 'coupon-rules/schema';
 * // every required field is missing
 * console.log(OutagePlanRequestSchema.safeParse({}).success); // → false
 * ```
 */
export const OutagePlanRequestSchema = recordSchema('outagePlanRequest');

const instant = scalarSchema('instant');
const localDate = scalarSchema('localDate');
const windowRefs = z
  .array(z.string().regex(new RegExp(`^${WINDOW_ID_PATTERN}(\\.\\.${WINDOW_ID_PATTERN})?$`)))
  .min(1)
  .describe('The windows a remedy answers: a window id, or "first..last" for consecutive windows of the plan\'s list');

/** The answer to `op: "outage-plan"`.
 *
 * @example
 * ```ts
 * import { OutagePlanAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is an answer of every op
 * console.log(OutagePlanAnswerSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → true
 * ```
 */
export const OutagePlanAnswerSchema = answerOf(
  z.strictObject({
    windows: z.array(
      z.strictObject({
        id: z.string().regex(new RegExp(`^${WINDOW_ID_PATTERN}$`)),
        start: instant,
        end: instant,
        incidents: z.array(z.string().min(1)).min(1),
      }),
    ),
    extend: z.array(z.strictObject({ couponId: z.string(), from: localDate, to: localDate, windows: windowRefs })),
    reissue: z.array(z.strictObject({ couponId: z.string(), newCouponId: z.string(), expires: localDate, windows: windowRefs })),
    honor: z.array(z.strictObject({ couponId: z.string(), orderId: z.string(), couponCredit: answerMoney, windows: windowRefs })),
    compensate: z.array(z.strictObject({ buyer: z.string(), store: z.string(), couponId: z.string(), expires: localDate, windows: windowRefs })),
    notices: z.array(
      z.strictObject({
        buyer: z.string(),
        priority: z.boolean().describe('A loyalty member: notify first'),
        items: z.array(
          z.discriminatedUnion('type', [
            z.strictObject({ type: z.literal('extended'), couponId: z.string(), from: localDate, to: localDate, windows: windowRefs }),
            z.strictObject({ type: z.literal('reissued'), couponId: z.string(), newCouponId: z.string(), expires: localDate, windows: windowRefs }),
            z.strictObject({ type: z.literal('honored'), couponId: z.string(), orderId: z.string(), couponCredit: answerMoney, windows: windowRefs }),
            z.strictObject({ type: z.literal('compensated'), couponId: z.string(), store: z.string(), expires: localDate, windows: windowRefs }),
          ]),
        ),
      }),
    ),
  }),
);

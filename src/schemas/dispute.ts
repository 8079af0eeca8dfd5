import * as z from 'zod';
import { DISPUTE_ACTIONS, DISPUTE_EVENT_TYPES, DISPUTE_NOTICE_KINDS, DISPUTE_OUTCOMES, DISPUTE_STATUSES, ESCALATING_PARTIES } from '../contract/index.js';
import { byTypeSchema, recordSchema } from './build.js';
import { answerMoney, answerOf } from './common.js';

/** A dispute event on the wire.
 *
 * @example
 * ```ts
 * import { DisputeEventSchema } from 'coupon-rules/schema';
 * console.log(DisputeEventSchema.safeParse({ type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }).success); // → true
 * ```
 */
export const DisputeEventSchema = byTypeSchema(DISPUTE_EVENT_TYPES);

/** The buyer-protection policy (every field optional).
 *
 * @example
 * ```ts
 * import { DisputePolicySchema } from 'coupon-rules/schema';
 * console.log(DisputePolicySchema.safeParse({ timeZone: 'Europe/Berlin', dayCount: 'business' }).success); // → true
 * ```
 */
export const DisputePolicySchema = recordSchema('disputePolicy');

/** The request of `op: "dispute-state"`.
 *
 * @example
 * ```ts
 * import { DisputeStateRequestSchema } from 'coupon-rules/schema';
 * // every required field is missing
 * console.log(DisputeStateRequestSchema.safeParse({}).success); // → false
 * ```
 */
export const DisputeStateRequestSchema = recordSchema('disputeStateRequest');

const disputeActions = z.array(z.enum(DISPUTE_ACTIONS));

/** The answer to `op: "dispute-state"`.
 *
 * @example
 * ```ts
 * import { DisputeStateAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * // a failure answer is an answer of every op
 * console.log(DisputeStateAnswerSchema.safeParse(answerWireRequest({ op: 'nope' })).success); // → true
 * ```
 */
export const DisputeStateAnswerSchema = answerOf(
  z.strictObject({
    status: z.enum(DISPUTE_STATUSES),
    refund: answerMoney.nullable(),
    outcome: z.enum(DISPUTE_OUTCOMES).nullable(),
    requested: answerMoney,
    refundable: answerMoney,
    deadlines: z.strictObject({ seller: z.string().nullable(), buyer: z.string().nullable(), ruling: z.string() }),
    negotiationEnds: z.string(),
    overdue: z.boolean(),
    allowed: z.strictObject({ buyer: disputeActions, seller: disputeActions, platform: disputeActions }),
    notices: z.array(z.strictObject({ id: z.string(), to: z.enum(ESCALATING_PARTIES), kind: z.enum(DISPUTE_NOTICE_KINDS), at: z.string() })),
  }),
);

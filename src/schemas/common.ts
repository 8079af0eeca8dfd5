import * as z from 'zod';
import { ANSWER_MONEY_PATTERN, MAX_ERRORS } from '../contract/index.js';

/** @internal Money in an answer. */
export const answerMoney = z.string().regex(new RegExp(ANSWER_MONEY_PATTERN)).describe('Money with exactly the currency minor units');

/** A structured error in an answer.
 *
 * @example
 * ```ts
 * import { WireErrorSchema } from 'coupon-rules/schema';
 * console.log(WireErrorSchema.safeParse({ code: 'REQUIRED', path: 'lines', message: '"lines" is required' }).success); // → true
 * ```
 */
export const WireErrorSchema = z.strictObject({
  code: z.string().min(1),
  path: z.string(),
  message: z.string(),
  total: z
    .number()
    .int()
    .min(MAX_ERRORS + 1)
    .optional()
    .describe(`Only on the TOO_MANY_ERRORS entry that ends a list capped at ${String(MAX_ERRORS)}: how many problems were found in all`),
});

/** A failed answer, for any op.
 *
 * @example
 * ```ts
 * import { FailureAnswerSchema } from 'coupon-rules/schema';
 * console.log(FailureAnswerSchema.safeParse({ ok: false, errors: [{ code: 'UNKNOWN_OP', path: 'op', message: 'unknown op' }] }).success); // → true
 * ```
 */
export const FailureAnswerSchema = z.strictObject({
  ok: z.literal(false),
  errors: z
    .array(WireErrorSchema)
    .min(1)
    .max(MAX_ERRORS + 1),
});

/** @internal An op's answer: its result, or the failure. */
export const answerOf = <T extends z.ZodType>(result: T) => z.union([z.strictObject({ ok: z.literal(true), result }), FailureAnswerSchema]);

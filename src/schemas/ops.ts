import * as z from 'zod';
import type { WIRE_OPS_LIST } from '../contract/index.js';
import { DisputeStateAnswerSchema, DisputeStateRequestSchema } from './dispute.js';
import {
  CouponChoicesAnswerSchema,
  CouponChoicesRequestSchema,
  CouponIssueCheckAnswerSchema,
  CouponIssueCheckRequestSchema,
  CouponStateAnswerSchema,
  CouponStateRequestSchema,
} from './lifecycle.js';
import { QuoteAnswerSchema, QuoteRequestSchema } from './order.js';
import { OutagePlanAnswerSchema, OutagePlanRequestSchema } from './outage.js';

/** Every wire op with its request and answer schema.
 *
 * @example
 * ```ts
 * import { WIRE_OPS } from 'coupon-rules/schema';
 * console.log(Object.keys(WIRE_OPS)); // → [ 'quote', 'coupon-issue-check', 'coupon-state', 'coupon-choices', 'dispute-state', 'outage-plan' ]
 * ```
 */
export const WIRE_OPS = {
  quote: { request: QuoteRequestSchema, answer: QuoteAnswerSchema },
  'coupon-issue-check': { request: CouponIssueCheckRequestSchema, answer: CouponIssueCheckAnswerSchema },
  'coupon-state': { request: CouponStateRequestSchema, answer: CouponStateAnswerSchema },
  'coupon-choices': { request: CouponChoicesRequestSchema, answer: CouponChoicesAnswerSchema },
  'dispute-state': { request: DisputeStateRequestSchema, answer: DisputeStateAnswerSchema },
  'outage-plan': { request: OutagePlanRequestSchema, answer: OutagePlanAnswerSchema },
} as const satisfies Record<(typeof WIRE_OPS_LIST)[number], { readonly request: z.ZodType; readonly answer: z.ZodType }>;

/** The name of a wire op.
 *
 * @example
 * ```ts
 * import type { WireOp } from 'coupon-rules/schema';
 * const op: WireOp = 'dispute-state';
 * ```
 */
export type WireOp = keyof typeof WIRE_OPS;

/**
 * The JSON Schema (draft 2020-12) of an op's request or answer, generated
 * from the zod schema.
 *
 * @example
 * ```ts
 * import { wireJsonSchema } from 'coupon-rules/schema';
 * console.log(wireJsonSchema('quote', 'request').required); // → [ 'op', 'currency', 'lines' ]
 * ```
 */
export function wireJsonSchema(op: WireOp, which: 'request' | 'answer'): Record<string, unknown> {
  const schema = WIRE_OPS[op][which];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no wire schema has a default, transform or pipe, so zod emits the same JSON Schema for io input and output
  return { $id: `urn:coupon-rules:wire:v1:${op}.${which}`, ...z.toJSONSchema(schema, { io: which === 'request' ? 'input' : 'output' }) };
}

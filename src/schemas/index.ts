// The zod schemas of the wire contract, one file per domain, built from src/contract. The only place zod is imported.
export { FailureAnswerSchema, WireErrorSchema } from './common.js';
export { DisputeEventSchema, DisputePolicySchema, DisputeStateAnswerSchema, DisputeStateRequestSchema } from './dispute.js';
export {
  CouponChoicesAnswerSchema,
  CouponChoicesRequestSchema,
  CouponEventSchema,
  CouponIssueCheckAnswerSchema,
  CouponIssueCheckRequestSchema,
  CouponRecordSchema,
  CouponSchema,
  CouponStateAnswerSchema,
  CouponStateRequestSchema,
} from './lifecycle.js';
export { WIRE_OPS, type WireOp, wireJsonSchema } from './ops.js';
export {
  CouponTermsSchema,
  CouponTierSchema,
  FixedCouponSchema,
  ItemTypeLimitSchema,
  OrderLineSchema,
  PercentCouponSchema,
  QuoteAnswerSchema,
  QuoteRequestSchema,
  QuoteResultSchema,
} from './order.js';
export { OutagePlanAnswerSchema, OutagePlanRequestSchema } from './outage.js';

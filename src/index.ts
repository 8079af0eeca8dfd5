/**
 * coupon-rules: exact, side-effect-free marketplace rules for seller coupons,
 * buyer refunds and outage remedies.
 *
 * @packageDocumentation
 */
export * from './money/index.js';
export { CouponRulesError, MAX_ERRORS, type Result, type RuleError, unwrap } from './result.js';
export {
  COUPON_ACTION_BLOCKS,
  COUPON_STATUSES,
  DISPUTE_ACTIONS,
  DISPUTE_BLOCKS,
  DISPUTE_OUTCOMES,
  DISPUTE_PARTIES,
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
  INELIGIBLE_REASONS,
  ISSUE_VIOLATION_CODES,
  QUOTE_ROUNDINGS,
  RULE_ERROR_CODES,
  type RuleErrorCode,
} from './contract/index.js';
export * from './coupon/index.js';
export * from './order/index.js';
export * from './time/index.js';
export * from './lifecycle/index.js';
export * from './dispute/index.js';
export * from './outage/index.js';
export * from './wire/index.js';

/**
 * coupon-rules: exact, side-effect-free marketplace rules for seller coupons,
 * buyer refunds and outage remedies.
 *
 * @packageDocumentation
 */
export * from './money/index.js';
export { CouponRulesError, MAX_ERRORS, type Result, type RuleError, unwrap } from './result.js';
export { RULE_ERROR_CODES, type RuleErrorCode } from './contract/index.js';
export * from './coupon/index.js';
export * from './order/index.js';
export * from './time/index.js';
export * from './lifecycle/index.js';
export * from './dispute/index.js';
export * from './outage/index.js';
export * from './wire/index.js';

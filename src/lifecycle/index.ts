export { type CheckoutOrder, type CouponChoice, type CouponChoices, type CouponChoicesRequest, couponChoices } from './choices.js';
export { type CouponIssueCheck, type CouponIssueRequest, type IssueViolation, type IssueViolationCode, checkCouponIssue } from './issue.js';
export {
  type ActionBlock,
  type ActionCheck,
  type AllowedActions,
  type Coupon,
  type CouponDeclinedEvent,
  type CouponDeletedEvent,
  type CouponEditedEvent,
  type CouponExtendedEvent,
  type CouponHonoredEvent,
  type CouponEvent,
  type CouponRecord,
  type CouponRedeemedEvent,
  type CouponStatus,
  type CouponView,
} from './types.js';
export { allowedActions, couponState } from './view.js';

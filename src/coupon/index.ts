export {
  type CouponTerms,
  type CouponTier,
  type FixedCoupon,
  type ItemTypeLimit,
  MAX_PERCENT_DECIMALS,
  type PercentCoupon,
  toFixedCoupon,
  toPercentCoupon,
  validateCouponTerms,
} from './terms.js';

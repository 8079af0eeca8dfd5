// The generators of coupon-rules/testing, one file per domain; they draw their enums and bounds from src/contract.
export { couponRecordArb } from './lifecycle.js';
export { disputeArb } from './dispute.js';
export { currencyArb, moneyStringArb, percentStringArb, unitPriceStringArb } from './money.js';
export { couponTermsArb, invalidCouponTermsArb, orderLineArb, orderLinesArb, quoteRequestArb } from './order.js';
export { outageInputArb } from './outage.js';
export type { ArbitraryOptions } from './shared.js';

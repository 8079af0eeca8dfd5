/**
 * `coupon-rules/testing`: fast-check arbitraries for everything the library
 * accepts, and conformance runners that property-test a shop's own
 * implementation against the library. Needs `fast-check` (an optional peer
 * dependency); the root entry never loads it.
 *
 * @packageDocumentation
 */
export {
  type ArbitraryOptions,
  couponRecordArb,
  couponTermsArb,
  currencyArb,
  disputeArb,
  invalidCouponTermsArb,
  moneyStringArb,
  orderLineArb,
  orderLinesArb,
  outageInputArb,
  percentStringArb,
  quoteRequestArb,
  unitPriceStringArb,
} from './arbitraries/index.js';
export {
  CONFORMANCE_OPS,
  type Candidate,
  type ConformanceOp,
  type ConformanceOptions,
  type ConformanceReport,
  type FieldDiff,
  type WireRequest,
  checkConformance,
  checkCouponStateConformance,
  checkDisputeStateConformance,
  checkOutagePlanConformance,
  checkQuoteConformance,
  diffAnswers,
  wireRequestArb,
} from './conformance.js';

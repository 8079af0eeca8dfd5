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
export { ERRORS_MODES, type ErrorsMode, type FieldDiff, compareAnswers, diffAnswers, normaliseAnswer } from './compare.js';
export {
  CONFORMANCE_OPS,
  CandidateFailure,
  type Candidate,
  type ConformanceOp,
  type ConformanceOptions,
  type ConformanceReport,
  type WireRequest,
  checkConformance,
  checkCouponChoicesConformance,
  checkCouponIssueCheckConformance,
  checkCouponStateConformance,
  checkDisputeStateConformance,
  checkOutagePlanConformance,
  checkQuoteConformance,
} from './conformance.js';
export { refusalArb, WIRE_REQUEST_OPS, type WireRequestOp, type WireRequestOptions, wireRequestArb } from './requests.js';

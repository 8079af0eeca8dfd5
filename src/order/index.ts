export { MAX_BATCH } from './read.js';
export { quoteCoupon } from './compute.js';
export type { IneligibleReason, OrderLine, Quote, QuoteExplanation, QuoteRequest, QuoteRounding, QuotedBatch, QuotedLine } from './types.js';

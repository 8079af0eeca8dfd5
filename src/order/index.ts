export {
  type IneligibleReason,
  MAX_BATCH,
  type OrderLine,
  type Quote,
  type QuoteExplanation,
  type QuoteRequest,
  type QuoteRounding,
  type QuotedBatch,
  type QuotedLine,
  quoteCoupon,
} from './quote.js';

// The tests generate with the arbitraries the library ships in coupon-rules/testing.
import { quoteRequestArb as quoteRequests } from '../src/testing/index.js';

export const quoteRequestArb = quoteRequests();

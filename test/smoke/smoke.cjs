// Loads the built CJS entries the way a user's `require` does.
const { allocate, money, percentage, quoteCoupon } = require('coupon-rules');
const { QuoteRequestSchema } = require('coupon-rules/schema');
const requestSchema = require('coupon-rules/schemas/quote.request.json');

const fail = (what, got) => {
  console.error(`CJS smoke test failed: ${what}`, got);
  process.exit(1);
};
const credit = percentage(money('59.97', 'USD'), '15');
const shares = allocate(credit, [money('19.99', 'USD'), money('39.98', 'USD')]);
if (credit.amount !== '9.00' || shares.map((s) => s.amount).join() !== '3.00,6.00') fail('money', shares);
const request = { currency: 'USD', lines: [{ id: 'a', itemType: 'Part', unitPrice: '10', quantity: 1 }], coupon: { type: 'fixed', amount: '2.50' } };
const q = quoteCoupon(request);
if (!q.ok || q.value.grandTotal !== '7.50') fail('quote', q);
if (!QuoteRequestSchema.safeParse({ op: 'quote', ...request }).success) fail('schema', request);
if (requestSchema.properties.op.const !== 'quote') fail('shipped JSON Schema', requestSchema);
console.log('CJS require ok (root, ./schema, ./schemas/*.json)');

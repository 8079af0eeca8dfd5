// Loads the built ESM entries the way a user's `import` does, and runs the built CLI.
import { execFileSync } from 'node:child_process';
import { allocate, money, percentage, quoteCoupon } from 'coupon-rules';
import { QuoteRequestSchema } from 'coupon-rules/schema';

const fail = (what, got) => {
  console.error(`ESM smoke test failed: ${what}`, got);
  process.exit(1);
};
const credit = percentage(money('59.97', 'USD'), '15');
const shares = allocate(credit, [money('19.99', 'USD'), money('39.98', 'USD')]);
if (credit.amount !== '9.00' || shares.map((s) => s.amount).join() !== '3.00,6.00') fail('money', shares);
const request = { currency: 'USD', lines: [{ id: 'a', itemType: 'Part', unitPrice: '10', quantity: 1 }], coupon: { type: 'fixed', amount: '2.50' } };
const q = quoteCoupon(request);
if (!q.ok || q.value.grandTotal !== '7.50') fail('quote', q);
if (!QuoteRequestSchema.safeParse({ op: 'quote', ...request }).success) fail('schema', request);
const answer = execFileSync(process.execPath, ['dist/cli.js', 'oracle'], { input: `${JSON.stringify({ op: 'quote', ...request })}\n`, encoding: 'utf8' });
if (JSON.parse(answer).result?.grandTotal !== '7.50') fail('cli oracle', answer);
const state = execFileSync(process.execPath, ['dist/cli.js', 'oracle'], {
  input: `${JSON.stringify({ op: 'coupon-state', coupon: { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-03-29', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '5.00' } }, events: [], at: '2026-03-29T21:59:59Z' })}\n`,
  encoding: 'utf8',
});
if (JSON.parse(state).result?.expiresAt !== '2026-03-29T22:00:00.000Z') fail('cli coupon-state', state);
const schema = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'schema', 'quote'], { encoding: 'utf8' }));
if (schema.type !== 'object') fail('cli schema', schema);
console.log('ESM import ok (root, ./schema), CLI ok');

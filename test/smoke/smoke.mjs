// Loads the built ESM entry the way a user's `import` does.
import { allocate, money, percentage } from 'coupon-rules';

const credit = percentage(money('59.97', 'USD'), '15');
const shares = allocate(credit, [money('19.99', 'USD'), money('39.98', 'USD')]);
if (credit.amount !== '9.00' || shares.map((s) => s.amount).join() !== '3.00,6.00') {
  console.error('ESM smoke test failed', credit.amount, shares.map((s) => s.amount));
  process.exit(1);
}
console.log('ESM import ok');

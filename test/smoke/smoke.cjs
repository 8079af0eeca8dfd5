// Loads the built CJS entry the way a user's `require` does.
const { allocate, money, percentage } = require('coupon-rules');

const credit = percentage(money('59.97', 'USD'), '15');
const shares = allocate(credit, [money('19.99', 'USD'), money('39.98', 'USD')]);
if (credit.amount !== '9.00' || shares.map((s) => s.amount).join() !== '3.00,6.00') {
  console.error('CJS smoke test failed', credit.amount, shares.map((s) => s.amount));
  process.exit(1);
}
console.log('CJS require ok');

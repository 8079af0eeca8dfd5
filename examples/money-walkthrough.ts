// A worked coupon computation with the money layer alone: line totals from
// unit prices, a 15% coupon with a 10.00 maximum, and the credit spread over
// the lines by largest remainder. Run it with `npm start`.
import { allocate, compare, lineTotal, min, money, percentage, subtract, sum, unitPrice } from '../src/index.js';

const lines = [
  { id: 'L1', what: 'Part 3001 (brick 2x4)', price: unitPrice('0.0125', 'USD'), quantity: 401 },
  { id: 'L2', what: 'Set 10696', price: unitPrice('34.99', 'USD'), quantity: 1 },
  { id: 'L3', what: 'Minifig sw0001', price: unitPrice('12.50', 'USD'), quantity: 2 },
];

const totals = lines.map((l) => lineTotal(l.price, l.quantity, 'half-up'));
const subtotal = sum(totals);
const cap = money('8.00', 'USD');
const uncapped = percentage(subtotal, '15', 'half-up');
const credit = min(uncapped, cap);
const shares = allocate(credit, totals);

console.log('Worked coupon computation (money layer only)\n');
lines.forEach((l, i) => {
  const total = totals[i];
  const share = shares[i];
  if (!total || !share) return;
  console.log(
    `${l.id}  ${l.what.padEnd(24)} ${l.price.amount.padStart(8)} × ${String(l.quantity).padStart(3)} = ${total.amount.padStart(7)}   coupon share ${share.amount.padStart(5)}   net ${subtract(total, share).amount.padStart(7)}`,
  );
});
console.log(`\nsubtotal                     ${subtotal.amount}`);
console.log(`15% of subtotal (half-up)    ${uncapped.amount}`);
console.log(`maximum discount             ${cap.amount}${compare(uncapped, cap) > 0 ? '  → capped' : ''}`);
console.log(`coupon credit                ${credit.amount}`);
console.log(`grand total                  ${subtract(subtotal, credit).amount}`);
console.log(`fee basis (before coupon)    ${subtotal.amount}`);

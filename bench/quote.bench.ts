// npm run bench: ns per line of quoteCoupon against a hand-written
// integer-minor-units baseline of the same rule, measured in the same run.
import { quoteCoupon } from '../dist/index.js';
import { baselineQuote } from './baseline.js';
import { benchOrder } from './data.js';

function measure(fn: () => unknown, minMs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const samples: number[] = [];
  const end = performance.now() + minMs;
  while (performance.now() < end || samples.length < 5) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!; // median ns per call
}

const sizes = [10, 1_000, 10_000, 100_000];
const rows: string[][] = [];
for (const n of sizes) {
  const order = benchOrder(n);
  const ours = quoteCoupon(order);
  if (!ours.ok) throw new Error(JSON.stringify(ours.errors));
  const base = baselineQuote(order);
  // The baseline must compute the same rule, or the ratio means nothing.
  if (ours.value.couponCredit !== base.couponCredit || ours.value.grandTotal !== base.grandTotal || ours.value.lines.some((l, i) => l.couponCredit !== base.lines[i]?.couponCredit)) {
    throw new Error(`baseline disagrees at ${String(n)} lines`);
  }
  const budget = n >= 100_000 ? 3000 : 1000;
  const t = measure(() => quoteCoupon(order), budget) / n;
  const b = measure(() => baselineQuote(order), budget) / n;
  rows.push([n.toLocaleString('en-US'), t.toFixed(0), b.toFixed(0), (t / b).toFixed(2)]);
}

console.log(`quoteCoupon vs integer baseline — node ${process.version}, ${process.platform}/${process.arch}`);
console.log('| lines | quoteCoupon ns/line | baseline ns/line | ratio |');
console.log('| ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const growth = (col: number) => (Number(rows[3]![col]) / Number(rows[1]![col])).toFixed(2);
console.log(`ns/line at 100,000 lines ÷ ns/line at 1,000 (1.00 = perfectly linear): quoteCoupon ${growth(1)}, baseline ${growth(2)}`);

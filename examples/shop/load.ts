// Load: 1,000 orders with coupons placed by 8 concurrent workers, then the audit of the whole database.
//   npx tsx examples/shop/load.ts [--orders 1000] [--workers 8] [--seed 1]      (npm run shop:load -- --orders 1000)
// Against PGlite (in memory), or the server DATABASE_URL names (in a schema of its own, coupon_shop_load, made afresh).
// Each worker takes the next order: a buyer and a store at random, checkout, the best coupon, placeOrder; a quarter of
// the orders get a second batch, a tenth are shipped and refunded in part, a tenth are disputed and settled. Two
// workers that pick the same buyer race for the same coupon: the loser re-runs checkout. Anomalies (audit.ts): a coupon
// redeemed twice, refunds above what was paid, a gap or a duplicate in a stream's versions, a batch whose recorded
// coupon credit is not the library's quote. The count must be 0; the script exits with 1 otherwise.
import { parseArgs } from 'node:util';
import type { CouponTerms, OrderLine } from '../../src/index.js';
import { audit } from './audit.js';
import { createSchema, type Db, openPglite, openPostgres } from './index.js';
import { addBatch, checkout, confirmReceipt, decide, type Decision, issueCoupon, placeOrder, refund, ship, type Shop } from './shop.js';

const { values: args } = parseArgs({
  options: { orders: { type: 'string', default: '1000' }, workers: { type: 'string', default: '8' }, seed: { type: 'string', default: '1' } },
});
const ORDERS = Number(args.orders);
const WORKERS = Number(args.workers);
const BUYERS = Math.max(4, Math.ceil(ORDERS / 10));
const STORES = ['s1', 's2'];
const COUPONS_PER_BUYER_AND_STORE = 6;

// A small seeded generator (mulberry32): the same choices for the same seed, whatever the interleaving of the workers.
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = random(Number(args.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

const TERMS: CouponTerms[] = [
  { type: 'percent', percent: '10' },
  { type: 'percent', percent: '5', tiers: [{ minTotal: '50.00', percent: '10' }], maxDiscount: '12.00' },
  { type: 'percent', percent: '15', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] }, excludeSaleItems: true },
  { type: 'fixed', amount: '2.00' },
  { type: 'fixed', amount: '5.00' },
];

function someLines(prefix: string): OrderLine[] {
  return Array.from({ length: 1 + Math.floor(rng() * 4) }, (_, i) =>
    rng() < 0.5
      ? { id: `${prefix}${String(i)}`, itemType: 'Part', unitPrice: pick(['0.0125', '0.07', '0.35', '1.99']), quantity: 1 + Math.floor(rng() * 400) }
      : { id: `${prefix}${String(i)}`, itemType: 'Set', unitPrice: pick(['9.99', '24.99', '89.99']), quantity: 1, onSale: rng() < 0.2 },
  );
}

const instant = (base: number, plusSeconds: number) => new Date(base + plusSeconds * 1000).toISOString();
const START = Date.UTC(2026, 11, 1, 10);
// The shop's clock: 1 December 2026, 10:00 UTC when the orders start, then as real time goes by (to the millisecond).
let clockStart = performance.now();
const now = () => START + Math.floor(performance.now() - clockStart);

async function open(): Promise<{ db: Db; label: string; close: () => Promise<void> }> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const db = await openPglite();
    return { db, label: 'PGlite (embedded, one connection)', close: () => db.close() };
  }
  const admin = await openPostgres(url, { max: 1 });
  await admin.query('drop schema if exists coupon_shop_load cascade');
  await admin.query('create schema coupon_shop_load');
  const { rows } = await admin.query<{ v: string }>("select current_setting('server_version') as v");
  const db = await openPostgres(url, { max: WORKERS + 2, schema: 'coupon_shop_load' });
  return {
    db,
    label: `PostgreSQL ${rows[0]?.v ?? '?'} server (a pool of ${String(WORKERS + 2)} connections)`,
    close: async () => {
      await db.close();
      await admin.close();
    },
  };
}

/** Runs `task(i)` for i = 0..n-1 on `workers` concurrent workers. */
async function inParallel(n: number, workers: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

const { db, label, close } = await open();
await createSchema(db);
let conflicts = 0;
const shop: Shop = { db, onConflict: () => (conflicts += 1) };
const unexpected: string[] = [];
const expect = <T>(what: string, d: Decision<T>) => {
  if (!d.ok) unexpected.push(`${what}: ${d.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return d;
};
const seconds = (t0: number) => (performance.now() - t0) / 1000;

console.log(`coupon-rules shop load: ${label}, ${String(WORKERS)} workers`);
const pairs = Array.from({ length: BUYERS }, (_, b) => STORES.map((s) => ({ buyer: `b${String(b)}`, store: s }))).flat();
let t0 = performance.now();
await inParallel(pairs.length * COUPONS_PER_BUYER_AND_STORE, WORKERS, async (i) => {
  const { buyer, store } = pairs[i % pairs.length] ?? { buyer: 'b0', store: 's1' };
  const issue = {
    id: `c${String(i)}`,
    at: instant(START, -3600),
    seller: store,
    recipient: { id: buyer, registered: true, emailConfirmed: true },
    stoplisted: { bySeller: false, byRecipient: false },
    expires: '2026-12-31',
    timeZone: 'Europe/Berlin',
    terms: TERMS[i % TERMS.length] ?? { type: 'fixed', amount: '1.00' },
  };
  expect('issueCoupon', await issueCoupon(shop, issue));
});
const issueSeconds = seconds(t0);

const counts = { orders: 0, commands: 0, batches: 0, refunds: 0, disputes: 0, lostRaces: 0, noCouponLeft: 0 };
const exhausted = new Set<string>();

/** Checkout and placeOrder with the best coupon, until an order is placed: the instant it was placed at, and what was paid. */
async function placeWithBestCoupon(orderId: string, lines: readonly OrderLine[]): Promise<{ placedAt: number; paid: string } | undefined> {
  for (;;) {
    // Each attempt reads the clock anew, as a shop's request would.
    const placedAt = now();
    const at = instant(placedAt, 0);
    const available = pairs.filter((p) => !exhausted.has(`${p.buyer}/${p.store}`));
    if (available.length === 0) throw new Error('no coupons left: issue more');
    const { buyer, store } = pick(available);
    const choices = expect('checkout', await checkout(shop, { at, store, buyer, currency: 'EUR', lines }));
    counts.commands += 1;
    const best = choices.ok ? choices.value.choices[0] : undefined;
    if (!best) {
      exhausted.add(`${buyer}/${store}`);
      counts.noCouponLeft += 1;
      continue;
    }
    const placed = await placeOrder(shop, { orderId, at, store, buyer, currency: 'EUR', lines, couponId: best.couponId });
    counts.commands += 1;
    const lost = placed.ok ? undefined : placed.errors[0]?.code;
    if (lost === 'COUPON_REDEEMED' || lost === 'EVENTS_OUT_OF_ORDER') {
      // Another worker redeemed this coupon since checkout (EVENTS_OUT_OF_ORDER: at an instant after this one's): choose again.
      counts.lostRaces += 1;
      continue;
    }
    if (!expect('placeOrder', placed).ok || !placed.ok) return undefined;
    counts.orders += 1;
    return { placedAt, paid: placed.value.grandTotal };
  }
}

t0 = performance.now();
clockStart = t0;
await inParallel(ORDERS, WORKERS, async (n) => {
  const orderId = `o${String(n)}`;
  const placed = await placeWithBestCoupon(orderId, someLines('L'));
  if (!placed) return;
  const { placedAt, paid } = placed;
  if (n % 4 === 1) {
    expect('addBatch', await addBatch(shop, { orderId, at: instant(placedAt, 3600), lines: someLines('B') }));
    counts.batches += 1;
    counts.commands += 1;
  }
  // A refund of 1.00 and a claim of 0.50 need an order that cost something after its coupon.
  if ((n % 10 === 3 || n % 10 === 7) && Number(paid) >= 1) {
    expect('ship', await ship(shop, { orderId, at: instant(placedAt, 86_400) }));
    expect('confirmReceipt', await confirmReceipt(shop, { orderId, at: instant(placedAt, 3 * 86_400) }));
    counts.commands += 2;
    if (n % 10 === 3) {
      expect('refund', await refund(shop, { orderId, at: instant(placedAt, 4 * 86_400), amount: '1.00' }));
      counts.refunds += 1;
      counts.commands += 1;
    } else {
      const opened = expect(
        'open',
        await decide(shop, orderId, { type: 'open', actor: 'buyer', at: instant(placedAt, 4 * 86_400), reason: 'OTHER', amount: '0.50' }),
      );
      if (opened.ok)
        expect(
          'agree',
          await decide(shop, orderId, { type: 'agree', actor: 'seller', at: instant(placedAt, 5 * 86_400), expectedVersion: opened.value.view.version }),
        );
      counts.disputes += 1;
      counts.commands += 2;
    }
  }
});
const orderSeconds = seconds(t0);
t0 = performance.now();
const anomalies = await audit(db);
const auditSeconds = seconds(t0);
await close();

const per = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
console.log(
  `issued ${String(pairs.length * COUPONS_PER_BUYER_AND_STORE)} coupons in ${issueSeconds.toFixed(2)} s (${per(pairs.length * COUPONS_PER_BUYER_AND_STORE, issueSeconds)}/s)`,
);
console.log(
  `placed ${String(counts.orders)} orders with coupons in ${orderSeconds.toFixed(2)} s: ${per(counts.orders, orderSeconds)} orders/s ` +
    `(${String(counts.commands)} commands, ${per(counts.commands, orderSeconds)}/s: ${String(counts.batches)} batches added, ` +
    `${String(counts.refunds)} refunds, ${String(counts.disputes)} disputes opened and settled)`,
);
console.log(
  `races: ${String(counts.lostRaces)} coupons taken by another worker between checkout and placeOrder, ${String(conflicts)} conflicts decided again; ` +
    `${String(counts.noCouponLeft)} checkouts found no coupon left`,
);
console.log(`audit of the whole database in ${auditSeconds.toFixed(2)} s — anomalies: ${String(anomalies.length)}`);
for (const a of anomalies.slice(0, 20)) console.log(`  ${a.kind} ${a.stream}: ${a.detail}`);
if (unexpected.length > 0) console.log(`unexpected refusals: ${String(unexpected.length)}\n  ${unexpected.slice(0, 10).join('\n  ')}`);
if (anomalies.length > 0 || unexpected.length > 0 || counts.orders !== ORDERS) process.exitCode = 1;

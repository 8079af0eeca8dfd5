// A walk through every command, printing what the shop stores: `npx tsx examples/shop/demo.ts` (PGlite, in memory), or
// with DATABASE_URL set, against that server (in a schema of its own, `coupon_shop_demo`, made afresh).
import type { OutagePlanChanges } from '../../src/index.js';
import { audit, type Decision, type Db, createSchema, openPglite, openPostgres } from './index.js';
import { addBatch, applyOutage, checkout, confirmReceipt, decide, type DisputeOutcome, issueCoupon, placeOrder, refund, ship, type Shop } from './shop.js';

const url = process.env['DATABASE_URL'];
let db: Db;
if (url) {
  const admin = await openPostgres(url, { max: 1 });
  await admin.query('drop schema if exists coupon_shop_demo cascade');
  await admin.query('create schema coupon_shop_demo');
  await admin.close();
  db = await openPostgres(url, { schema: 'coupon_shop_demo' });
} else db = await openPglite();
await createSchema(db);
const shop: Shop = { db };

/** Prints what a command did (`brief` picks what to show of it), or why it was refused. */
const show = <T>(what: string, d: Decision<T>, brief: (value: T) => unknown = (v) => v) => {
  console.log(`${what}:`, d.ok ? brief(d.value) : d.errors.map((e) => `${e.code} — ${e.message}`));
  return d;
};
const briefly = ({ events, view, refunded }: DisputeOutcome) => ({
  appended: events.map((e) => e.type),
  status: view.status,
  version: view.version,
  refundable: view.refundable,
  refunded,
});
const member = { registered: true, emailConfirmed: true };
const nobodyStoplisted = { bySeller: false, byRecipient: false };
const issue = { at: '2026-12-01T09:00:00Z', seller: 'shop-1', stoplisted: nobodyStoplisted, timeZone: 'Europe/Berlin' };

await issueCoupon(shop, {
  ...issue,
  id: 'c-10pct',
  recipient: { id: 'ann', ...member },
  expires: '2026-12-31',
  terms: { type: 'percent', percent: '10', maxDiscount: '8.00' },
});
await issueCoupon(shop, { ...issue, id: 'c-3off', recipient: { id: 'ann', ...member }, expires: '2026-12-02', terms: { type: 'fixed', amount: '3.00' } });
show(
  'issue to an unconfirmed member',
  await issueCoupon(shop, {
    ...issue,
    id: 'c-x',
    recipient: { id: 'bob', registered: true, emailConfirmed: false },
    expires: '2026-12-31',
    terms: { type: 'fixed', amount: '1.00' },
  }),
);

const lines = [
  { id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 2000 },
  { id: 'L2', itemType: 'Set', unitPrice: '24.99', quantity: 1 },
];
const choices = show('checkout', await checkout(shop, { at: '2026-12-01T10:00:00Z', store: 'shop-1', buyer: 'ann', currency: 'EUR', lines }), (c) =>
  c.choices.map((x) => `${x.couponId}: ${x.couponCredit} off`),
);
const best = choices.ok ? choices.value.choices[0]?.couponId : undefined;
const order = { at: '2026-12-01T10:01:00Z', store: 'shop-1', buyer: 'ann', currency: 'EUR', lines, ...(best ? { couponId: best } : {}) };
show('place o-1 with the best coupon', await placeOrder(shop, { ...order, orderId: 'o-1' }));
show('place o-2 with the same coupon', await placeOrder(shop, { ...order, orderId: 'o-2' }));
show(
  'add a batch to o-1',
  await addBatch(shop, { orderId: 'o-1', at: '2026-12-01T12:00:00Z', lines: [{ id: 'L3', itemType: 'Part', unitPrice: '0.35', quantity: 60 }] }),
);
show('ship o-1', await ship(shop, { orderId: 'o-1', at: '2026-12-02T09:00:00Z' }));
show('receipt', await confirmReceipt(shop, { orderId: 'o-1', at: '2026-12-05T18:00:00Z' }));
show('refund 2.00', await refund(shop, { orderId: 'o-1', at: '2026-12-06T08:00:00Z', amount: '2.00' }));
const opened = show(
  'open a dispute',
  await decide(shop, 'o-1', {
    type: 'open',
    actor: 'buyer',
    at: '2026-12-06T10:00:00Z',
    reason: 'DAMAGED',
    amount: '9.00',
    lines: [{ id: 'L2', quantity: 1 }],
    evidence: ['photo-1'],
  }),
  briefly,
);
show('refund during the dispute', await refund(shop, { orderId: 'o-1', at: '2026-12-06T11:00:00Z', amount: '1.00' }));
const version = opened.ok ? opened.value.view.version : 0;
show(
  'seller counters at the version seen',
  await decide(shop, 'o-1', { type: 'counter', actor: 'seller', at: '2026-12-07T10:00:00Z', expectedVersion: version, amount: '6.00' }),
  briefly,
);
show(
  'buyer cancels at the same, now stale, version',
  await decide(shop, 'o-1', { type: 'cancel', actor: 'buyer', at: '2026-12-07T10:00:01Z', expectedVersion: version }),
);
show('buyer accepts', await decide(shop, 'o-1', { type: 'accept', actor: 'buyer', at: '2026-12-07T12:00:00Z' }), briefly);
// Meanwhile, on the night of 2 December, the shop was down for three and a half hours: c-3off expired during it.
const incidents = [{ id: 'inc-1', start: '2026-12-02T21:30:00Z', end: '2026-12-03T01:00:00Z' }];
const written = ({ changes }: { changes: OutagePlanChanges }) => ({
  appended: changes.append.map((a) => `${a.couponId}: ${[...a.events.map((e) => e.type), ...(a.remedies.length > 0 ? ['remedied'] : [])].join(', ')}`),
  inserted: changes.insert.map((c) => `${c.id} until ${c.expires}`),
});
show('outage: the 3.00 coupon expired during it', await applyOutage(shop, { at: '2026-12-03T09:00:00Z', incidents }), written);
show('the same outage again', await applyOutage(shop, { at: '2026-12-03T10:00:00Z', incidents }), written);
console.log('anomalies:', await audit(db));
await db.close();

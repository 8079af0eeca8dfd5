// What must never happen, checked over the whole database: the load script and the tests count these anomalies, and
// the count must be 0. The library is the judge here too: every stream is folded again, every order quoted again.
import { compare, couponState, disputeView, type DisputePolicy, money, sum } from '../../src/index.js';
import type { Sql } from './db.js';
import { quoteOf, readCoupons, readDisputes, readOrders } from './shop.js';

export type AnomalyKind =
  /** a version missing or repeated in a stream (versions must be 1..n) */
  | 'version-gap'
  /** a coupon with two redemptions (`redeemed` or `honored`), or a history the library's fold refuses */
  | 'coupon-redeemed-twice'
  | 'coupon-history-refused'
  /** an order that names a coupon whose stream does not say it was redeemed on that order */
  | 'coupon-not-redeemed-on-order'
  /** refunds on an order above what the buyer paid */
  | 'refund-above-paid'
  /** a batch whose recorded coupon credit differs from the library's quote of the order */
  | 'credit-differs'
  /** a dispute whose history the library's view refuses */
  | 'dispute-history-refused';

export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly stream: string;
  readonly detail: string;
}

// Events are judged as of the far future, so that every stored event is applied and checked.
const END = '9000-01-01T00:00:00Z';

export async function audit(sql: Sql, options: { disputePolicy?: DisputePolicy } = {}): Promise<Anomaly[]> {
  const anomalies: Anomaly[] = [];
  const found = (kind: AnomalyKind, stream: string, detail: string) => anomalies.push({ kind, stream, detail });

  for (const [table, column] of [
    ['coupon_events', 'coupon_id'],
    ['order_events', 'order_id'],
    ['dispute_events', 'dispute_id'],
  ] as const) {
    const { rows } = await sql.query<{ stream: string; n: number; first: number; last: number }>(
      `select ${column} as stream, count(*)::int as n, min(version) as first, max(version) as last from ${table} group by ${column}
       having count(*) <> max(version) or min(version) <> 1 or count(distinct version) <> count(*)`,
    );
    for (const r of rows) found('version-gap', `${table}:${r.stream}`, `${String(r.n)} events with versions ${String(r.first)}..${String(r.last)}`);
  }

  const redeemedOn = new Map<string, string[]>();
  for (const { record } of await readCoupons(sql)) {
    const orders = record.events.flatMap((e) => (e.type === 'redeemed' || e.type === 'honored' ? [e.orderId] : []));
    redeemedOn.set(record.id, orders);
    if (orders.length > 1) found('coupon-redeemed-twice', record.id, `redeemed on ${orders.join(', ')}`);
    const state = couponState(record, END);
    if (!state.ok) found('coupon-history-refused', record.id, state.errors.map((e) => `${e.code} at ${e.path}`).join('; '));
  }

  for (const order of await readOrders(sql)) {
    if (order.coupon && !(redeemedOn.get(order.coupon.id) ?? []).includes(order.id))
      found('coupon-not-redeemed-on-order', order.id, `coupon ${order.coupon.id} is not redeemed on this order`);
    const quote = quoteOf(order);
    if (!quote.ok) {
      found('credit-differs', order.id, `the library refuses the order's quote: ${quote.errors.map((e) => e.code).join(', ')}`);
      continue;
    }
    for (const b of order.batches) {
      const expected = quote.value.batches.find((q) => q.batch === b.batch)?.couponCredit ?? '0';
      if (compare(money(b.couponCredit, order.currency), money(expected, order.currency)) !== 0)
        found('credit-differs', order.id, `batch ${String(b.batch)} recorded ${b.couponCredit}, the quote gives ${expected}`);
    }
    const refunded = sum(
      order.refunds.map((a) => money(a, order.currency)),
      order.currency,
    );
    if (compare(refunded, money(quote.value.grandTotal, order.currency)) > 0)
      found('refund-above-paid', order.id, `refunded ${refunded.amount} of ${quote.value.grandTotal} paid`);
  }

  for (const d of await readDisputes(sql)) {
    const view = disputeView({ ...(options.disputePolicy ? { policy: options.disputePolicy } : {}), order: d.facts, events: d.events }, END);
    if (!view.ok) found('dispute-history-refused', d.orderId, view.errors.map((e) => `${e.code} at ${e.path}`).join('; '));
  }
  return anomalies;
}

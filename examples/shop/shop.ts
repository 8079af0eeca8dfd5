// The shop's commands. Each is one transaction that reads a stream, folds it, lets the library decide, and appends the
// decision at the next version. If another transaction appended that version first, PostgreSQL refuses the insert
// (SQLSTATE 23505, the (stream, version) key): the transaction rolls back and the command is decided again on the
// fresh stream — where the library usually refuses it with its own code (the coupon is no longer open, the dispute's
// version is stale) — at most `maxAttempts` times. The library makes every business decision; the shop adds only the
// facts it alone holds (an order exists, has shipped, its events are in time order) and the bookkeeping of its streams.
//
// In your shop, import from 'coupon-rules' instead of the sources.
import {
  checkCouponIssue,
  compare,
  couponChoices,
  couponState,
  decideDispute,
  disputeView,
  isZero,
  money,
  outagePlanChanges,
  parseMoney,
  planOutageRemedies,
  quoteCoupon,
  subtract,
  sum,
  type CouponChoices,
  type CouponEvent,
  type CouponIssueRequest,
  type CouponRecord,
  type CouponTerms,
  type DisputeCommand,
  type DisputeEvent,
  type DisputeOrder,
  type DisputePolicy,
  type DisputeView,
  type Incident,
  type IssueViolationCode,
  type OrderLine,
  type OutagePlan,
  type OutagePlanChanges,
  type OutagePolicy,
  type Quote,
  type RedemptionAttempt,
  type RuleErrorCode,
} from '../../src/index.js';
import { type Db, isConflict, type Sql } from './db.js';

// ─── Answers ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Codes the shop adds to the library's, for facts the library does not hold (which orders exist, shipping). */
export type ShopCode = 'UNKNOWN_ORDER' | 'ORDER_EXISTS' | 'ORDER_SHIPPED' | 'ALREADY_SHIPPED' | 'REFUND_BLOCKED';

/** Why a command was refused: the library's code (or an issue violation's, or one of the shop's), a path into the command, a message. */
export interface Refusal {
  readonly code: RuleErrorCode | IssueViolationCode | ShopCode;
  readonly path: string;
  readonly message: string;
}

/** What a command answers: done, with what it did, or refused, with nothing stored. */
export type Decision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Refusal[] };

const done = <T>(value: T): Decision<T> => ({ ok: true, value });
const refused = (code: Refusal['code'], path: string, message: string): Decision<never> => ({ ok: false, errors: [{ code, path, message }] });

export interface Shop {
  readonly db: Db;
  /** How many times a command is decided before a conflict is reported as STALE_VERSION (default 5). */
  readonly maxAttempts?: number;
  readonly disputePolicy?: DisputePolicy;
  /** Told of every conflict (for figures: the load script counts them). */
  readonly onConflict?: (command: string, attempt: number) => void;
}

/** Runs one command: read, fold, decide and append in one transaction; on a conflict, decides again on the fresh streams. */
async function command<T>(shop: Shop, name: string, decide: (tx: Sql) => Promise<Decision<T>>): Promise<Decision<T>> {
  const attempts = shop.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await shop.db.transaction(decide);
    } catch (e) {
      if (!isConflict(e)) throw e;
      shop.onConflict?.(name, attempt);
      if (attempt >= attempts)
        return refused(
          'STALE_VERSION',
          '',
          `${name}: another command changed the same stream ${String(attempts)} times in a row; decide again on the current state`,
        );
    }
  }
}

/** What each stream table holds. */
interface Streams {
  coupon_events: CouponEvent | RemediedRow;
  order_events: OrderEvent;
  dispute_events: DisputeEvent;
}

/** Appends events to a stream at the versions after `version`: the insert that finds its version taken fails with 23505. */
async function append<T extends keyof Streams>(tx: Sql, table: T, stream: string, version: number, events: readonly Streams[T][]) {
  const column = { coupon_events: 'coupon_id', order_events: 'order_id', dispute_events: 'dispute_id' }[table];
  for (const [i, e] of events.entries())
    await tx.query(`insert into ${table} (${column}, version, type, body) values ($1, $2, $3, $4::jsonb)`, [
      stream,
      version + i + 1,
      e.type,
      JSON.stringify(e),
    ]);
}

// ─── Coupons ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A coupon's stream folded into the record the library takes, with the version it was read at. */
export interface CouponStream {
  readonly record: CouponRecord;
  readonly version: number;
}

/** The shop's own row on a coupon's stream: the outage incidents answered, which the record carries as `remedies`. */
interface RemediedRow {
  readonly type: 'remedied';
  readonly incidents: readonly string[];
}

interface CouponRow {
  id: string;
  seller: string;
  recipient: string;
  expires: string;
  time_zone: string;
  terms: CouponTerms;
  events: (CouponEvent | RemediedRow)[];
}

// One statement, so one snapshot: the record and its events as they stood together.
const COUPONS = `select c.id, c.seller, c.recipient, c.expires, c.time_zone, c.terms,
  coalesce(json_agg(e.body order by e.version) filter (where e.version is not null), '[]') as events
  from coupons c left join coupon_events e on e.coupon_id = c.id`;

/** Coupons with their streams: `where` filters `c` (the coupons table). */
export async function readCoupons(sql: Sql, where = '', params: readonly unknown[] = []): Promise<CouponStream[]> {
  const { rows } = await sql.query<CouponRow>(`${COUPONS} ${where} group by c.id order by c.id`, params);
  return rows.map((row) => {
    const events: CouponEvent[] = [];
    const remedies = new Set<string>();
    for (const e of row.events) {
      if (e.type === 'remedied') for (const id of e.incidents) remedies.add(id);
      else events.push(e);
    }
    const { id, seller, recipient, expires, terms } = row;
    const record = { id, seller, recipient, expires, timeZone: row.time_zone, terms, events, ...(remedies.size > 0 ? { remedies: [...remedies] } : {}) };
    return { record, version: row.events.length };
  });
}

export interface IssueCoupon {
  readonly id: string;
  readonly at: string;
  readonly seller: string;
  /** What the shop knows of the recipient and the stoplists (the library decides from these facts). */
  readonly recipient: CouponIssueRequest['recipient'];
  readonly stoplisted: CouponIssueRequest['stoplisted'];
  readonly expires: string;
  readonly timeZone: string;
  readonly terms: CouponTerms;
}

/** Issues a coupon if `checkCouponIssue` allows it (every violation is a refusal, with its code). */
export function issueCoupon(shop: Shop, c: IssueCoupon): Promise<Decision<CouponRecord>> {
  return command(shop, 'issueCoupon', async (tx) => {
    const check = checkCouponIssue({
      at: c.at,
      timeZone: c.timeZone,
      seller: { id: c.seller },
      recipient: c.recipient,
      stoplisted: c.stoplisted,
      expires: c.expires,
    });
    if (!check.ok) return check;
    if (!check.value.allowed) return { ok: false, errors: check.value.violations.map((v) => ({ ...v, path: '' })) };
    const record: CouponRecord = {
      id: c.id,
      seller: c.seller,
      recipient: c.recipient.id,
      expires: c.expires,
      timeZone: c.timeZone,
      terms: c.terms,
      events: [],
    };
    // The terms are checked as every coupon's are (currency amounts are checked when the coupon is quoted).
    const state = couponState(record, c.at);
    if (!state.ok) return state;
    if ((await tx.query('select 1 from coupons where id = $1', [c.id])).rows.length > 0) return refused('DUPLICATE_COUPON_ID', 'id', `coupon "${c.id}" exists`);
    await tx.query('insert into coupons (id, seller, recipient, expires, time_zone, terms, issued_at) values ($1, $2, $3, $4, $5, $6::jsonb, $7)', [
      c.id,
      c.seller,
      c.recipient.id,
      c.expires,
      c.timeZone,
      JSON.stringify(c.terms),
      c.at,
    ]);
    return done(record);
  });
}

/** What checkout shows: the buyer's open coupons in the store, ranked by the credit each gives on this order. Reads only. */
export async function checkout(
  shop: Shop,
  c: { at: string; store: string; buyer: string; currency: string; lines: readonly OrderLine[] },
): Promise<Decision<CouponChoices>> {
  const coupons = await readCoupons(shop.db, 'where c.recipient = $1 and c.seller = $2', [c.buyer, c.store]);
  return couponChoices({
    at: c.at,
    store: c.store,
    buyer: c.buyer,
    order: { currency: c.currency, lines: c.lines, newOrder: true, hasCoupon: false },
    coupons: coupons.map((s) => s.record),
  });
}

// ─── Orders ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** What one batch of an order added: its coupon credit (from the quote's `batches`), its subtotal and fee basis. */
export interface BatchFigures {
  readonly batch: number;
  readonly couponCredit: string;
  readonly subtotal: string;
  readonly feeBasis: string;
}

/** The events of an order's stream. */
export type OrderEvent =
  | ({
      readonly type: 'placed';
      readonly at: string;
      readonly lines: readonly OrderLine[];
      readonly coupon: { readonly id: string; readonly terms: CouponTerms } | null;
    } & BatchFigures)
  | ({ readonly type: 'batch-added'; readonly at: string; readonly lines: readonly OrderLine[] } & BatchFigures)
  | { readonly type: 'shipped'; readonly at: string; readonly expectedDeliveryBy: string | null }
  | { readonly type: 'receipt-confirmed'; readonly at: string }
  | { readonly type: 'dispute-opened'; readonly at: string }
  | { readonly type: 'refunded'; readonly at: string; readonly amount: string; readonly dispute: boolean };

/** An order's stream folded: what the commands decide on. */
export interface OrderState {
  readonly id: string;
  readonly store: string;
  readonly buyer: string;
  readonly currency: string;
  readonly version: number;
  readonly events: readonly OrderEvent[];
  readonly lines: readonly OrderLine[];
  readonly coupon: { readonly id: string; readonly terms: CouponTerms } | null;
  readonly batches: readonly BatchFigures[];
  readonly shipped: { readonly at: string; readonly expectedDeliveryBy: string | null } | null;
  readonly receiptConfirmedAt: string | null;
  readonly disputed: boolean;
  readonly refunds: readonly string[];
}

interface OrderRow {
  id: string;
  store: string;
  buyer: string;
  currency: string;
  events: OrderEvent[];
}

const ORDERS = `select o.id, o.store, o.buyer, o.currency, coalesce(json_agg(e.body order by e.version) filter (where e.version is not null), '[]') as events
  from orders o left join order_events e on e.order_id = o.id`;

function foldOrder(row: OrderRow): OrderState {
  const lines: OrderLine[] = [];
  const batches: BatchFigures[] = [];
  const refunds: string[] = [];
  let coupon: OrderState['coupon'] = null;
  let shipped: OrderState['shipped'] = null;
  let receiptConfirmedAt: string | null = null;
  let disputed = false;
  for (const e of row.events) {
    switch (e.type) {
      case 'placed':
      case 'batch-added':
        lines.push(...e.lines);
        batches.push({ batch: e.batch, couponCredit: e.couponCredit, subtotal: e.subtotal, feeBasis: e.feeBasis });
        if (e.type === 'placed') coupon = e.coupon;
        break;
      case 'shipped':
        shipped = { at: e.at, expectedDeliveryBy: e.expectedDeliveryBy };
        break;
      case 'receipt-confirmed':
        receiptConfirmedAt = e.at;
        break;
      case 'dispute-opened':
        disputed = true;
        break;
      case 'refunded':
        refunds.push(e.amount);
        break;
    }
  }
  const { id, store, buyer, currency, events } = row;
  return { id, store, buyer, currency, version: events.length, events, lines, coupon, batches, shipped, receiptConfirmedAt, disputed, refunds };
}

/** Orders with their streams: `where` filters `o` (the orders table). */
export async function readOrders(sql: Sql, where = '', params: readonly unknown[] = []): Promise<OrderState[]> {
  const { rows } = await sql.query<OrderRow>(`${ORDERS} ${where} group by o.id order by o.id`, params);
  return rows.map(foldOrder);
}

const readOrder = async (sql: Sql, id: string) => (await readOrders(sql, 'where o.id = $1', [id]))[0];
const unknownOrder = (id: string) => refused('UNKNOWN_ORDER', 'orderId', `no order "${id}"`);

/**
 * An order's stream is kept in time order, as the library keeps its own (EVENTS_OUT_OF_ORDER): the order at an instant
 * is then the events up to it, and a worker with a late clock cannot date a command before a decision already recorded
 * (a refund before the dispute that blocks it, a batch before the shipping).
 */
function beforeLastEvent(order: OrderState, at: string): Decision<never> | undefined {
  const last = order.events.at(-1)?.at;
  if (last !== undefined && Date.parse(at) < Date.parse(last))
    return refused('EVENTS_OUT_OF_ORDER', 'at', `${at} is before the order's last event, at ${last}`);
  return undefined;
}

/** The quote of an order as it stands: every batch, with the coupon's terms as redeemed. */
export function quoteOf(order: Pick<OrderState, 'currency' | 'lines' | 'coupon'>) {
  return quoteCoupon({ currency: order.currency, lines: order.lines, coupon: order.coupon?.terms ?? null });
}

/** One batch's figures, as the quote of the whole order gives them. */
function batchFigures(quote: Quote, batch: number): BatchFigures {
  const b = quote.batches.find((q) => q.batch === batch);
  if (!b) throw new Error(`the quote has no batch ${String(batch)}`);
  return { batch, couponCredit: b.couponCredit, subtotal: b.subtotal, feeBasis: b.feeBasis };
}

export interface PlaceOrder {
  readonly orderId: string;
  readonly at: string;
  readonly store: string;
  readonly buyer: string;
  readonly currency: string;
  /** The first batch (a line's `batch`, if given, must be 1). */
  readonly lines: readonly OrderLine[];
  /** The coupon the buyer chose at checkout, if any. */
  readonly couponId?: string;
}

export interface PlacedOrder extends BatchFigures {
  readonly orderId: string;
  readonly couponId: string | null;
  readonly grandTotal: string;
}

/**
 * Places a new order, redeeming the chosen coupon on it: a `redeemed` event on the coupon's stream at the version read,
 * which the library's fold accepts, and the order priced by the coupon's checkout choice (`couponChoices`). If the
 * coupon cannot be redeemed (already redeemed — perhaps a moment ago, by another order — expired, not the buyer's,
 * another store's), the order is refused with the library's code, and nothing is stored.
 */
export function placeOrder(shop: Shop, c: PlaceOrder): Promise<Decision<PlacedOrder>> {
  return command(shop, 'placeOrder', async (tx) => {
    if (c.lines.some((l) => l.batch !== undefined && l.batch !== 1)) return refused('INVALID_BATCH', 'lines', "a new order's lines are its first batch");
    if ((await tx.query('select 1 from orders where id = $1', [c.orderId])).rows.length > 0)
      return refused('ORDER_EXISTS', 'orderId', `order "${c.orderId}" exists`);
    const lines = c.lines.map((l) => ({ ...l, batch: 1 }));
    let quote: Quote;
    let coupon: { id: string; terms: CouponTerms } | null = null;
    if (c.couponId === undefined) {
      const q = quoteCoupon({ currency: c.currency, lines });
      if (!q.ok) return q;
      quote = q.value;
    } else {
      const stream = (await readCoupons(tx, 'where c.id = $1', [c.couponId]))[0];
      if (!stream) return refused('UNKNOWN_COUPON', 'couponId', `no coupon "${c.couponId}"`);
      const redeemed: CouponEvent = { type: 'redeemed', at: c.at, orderId: c.orderId, buyer: c.buyer, store: c.store, newOrder: true, orderHasCoupon: false };
      // The library's verdict on exactly what is appended: the stream folded with the redeemed event after it. It refuses
      // a coupon no longer open (COUPON_REDEEMED…), another buyer's or store's, and an instant before the stream's last
      // event (EVENTS_OUT_OF_ORDER): couponChoices judges a coupon *at* the instant given, where a later redemption does
      // not count yet, so a worker with a late clock would otherwise redeem a coupon twice.
      const refusals = refusalsOfAppend(stream.record, redeemed);
      if (refusals.length > 0) return { ok: false, errors: refusals };
      // The price: the checkout choice for this coupon carries its current terms and the order's quote with them.
      const choices = couponChoices({
        at: c.at,
        store: c.store,
        buyer: c.buyer,
        order: { currency: c.currency, lines, newOrder: true, hasCoupon: false },
        coupons: [stream.record],
      });
      if (!choices.ok) return choices;
      const choice = choices.value.choices.find((x) => x.couponId === c.couponId);
      if (!choice) throw new Error(`coupon "${c.couponId}" may be redeemed but is not among the choices`);
      quote = choice.quote();
      coupon = { id: c.couponId, terms: choice.terms };
      // The contended write first: a second redemption of this coupon fails here, before anything else is written.
      await append(tx, 'coupon_events', c.couponId, stream.version, [redeemed]);
    }
    const figures = batchFigures(quote, 1);
    await tx.query('insert into orders (id, store, buyer, currency, placed_at) values ($1, $2, $3, $4, $5)', [c.orderId, c.store, c.buyer, c.currency, c.at]);
    const placed: OrderEvent = { type: 'placed', at: c.at, lines, coupon, ...figures };
    await append(tx, 'order_events', c.orderId, 0, [placed]);
    return done({ orderId: c.orderId, couponId: coupon?.id ?? null, ...figures, grandTotal: quote.grandTotal });
  });
}

/** What the library's fold says of `event` appended to the coupon's stream (nothing: it may be appended). */
function refusalsOfAppend(record: CouponRecord, event: CouponEvent): Refusal[] {
  const path = `events.${String(record.events.length)}`;
  const folded = couponState({ ...record, events: [...record.events, event] }, event.at);
  return folded.ok ? [] : folded.errors.filter((e) => e.path === path).map((e) => ({ ...e, path: 'couponId' }));
}

/** Adds a batch of lines to an order that has not shipped. Its coupon credit is the quote's credit for that batch. */
export function addBatch(shop: Shop, c: { orderId: string; at: string; lines: readonly OrderLine[] }): Promise<Decision<BatchFigures>> {
  return command(shop, 'addBatch', async (tx) => {
    const order = await readOrder(tx, c.orderId);
    if (!order) return unknownOrder(c.orderId);
    const late = beforeLastEvent(order, c.at);
    if (late) return late;
    if (order.shipped) return refused('ORDER_SHIPPED', 'orderId', `order "${c.orderId}" has shipped: a new batch is a new order`);
    const batch = Math.max(...order.batches.map((b) => b.batch)) + 1;
    const lines = c.lines.map((l) => ({ ...l, batch }));
    const all = [...order.lines, ...lines];
    const quote = quoteOf({ ...order, lines: all });
    if (!quote.ok) return quote;
    const figures = batchFigures(quote.value, batch);
    await append(tx, 'order_events', c.orderId, order.version, [{ type: 'batch-added', at: c.at, lines, ...figures }]);
    return done(figures);
  });
}

/** Ships an order (batches can no longer be added, disputes can be opened). */
export function ship(shop: Shop, c: { orderId: string; at: string; expectedDeliveryBy?: string }): Promise<Decision<{ version: number }>> {
  return command(shop, 'ship', async (tx) => {
    const order = await readOrder(tx, c.orderId);
    if (!order) return unknownOrder(c.orderId);
    const late = beforeLastEvent(order, c.at);
    if (late) return late;
    if (order.shipped) return refused('ALREADY_SHIPPED', 'orderId', `order "${c.orderId}" shipped at ${order.shipped.at}`);
    await append(tx, 'order_events', c.orderId, order.version, [{ type: 'shipped', at: c.at, expectedDeliveryBy: c.expectedDeliveryBy ?? null }]);
    return done({ version: order.version + 1 });
  });
}

/** The buyer confirms receipt. */
export function confirmReceipt(shop: Shop, c: { orderId: string; at: string }): Promise<Decision<{ version: number }>> {
  return command(shop, 'confirmReceipt', async (tx) => {
    const order = await readOrder(tx, c.orderId);
    if (!order) return unknownOrder(c.orderId);
    const late = beforeLastEvent(order, c.at);
    if (late) return late;
    if (!order.shipped) return refused('NOT_SHIPPED', 'orderId', `order "${c.orderId}" has not shipped`);
    if (order.receiptConfirmedAt !== null) return refused('RECEIPT_CONFIRMED', 'orderId', `receipt was confirmed at ${order.receiptConfirmedAt}`);
    await append(tx, 'order_events', c.orderId, order.version, [{ type: 'receipt-confirmed', at: c.at }]);
    return done({ version: order.version + 1 });
  });
}

// ─── Disputes and refunds ───────────────────────────────────────────────────────────────────────────────────────────

const sumOf = (amounts: readonly string[], currency: string) =>
  sum(
    amounts.map((a) => money(a, currency)),
    currency,
  );

/** The order as a dispute opened now would see it. */
function disputeFacts(order: OrderState): DisputeOrder {
  return {
    quote: { currency: order.currency, lines: order.lines, coupon: order.coupon?.terms ?? null },
    refunded: sumOf(order.refunds, order.currency).amount,
    shippedAt: order.shipped?.at ?? null,
    receiptConfirmedAt: order.receiptConfirmedAt,
    expectedDeliveryBy: order.shipped?.expectedDeliveryBy ?? null,
  };
}

/** A dispute's stream: its facts, fixed at the opening, and its events. */
export interface DisputeStream {
  readonly orderId: string;
  readonly facts: DisputeOrder;
  readonly events: readonly DisputeEvent[];
  readonly version: number;
}

export async function readDisputes(sql: Sql, where = '', params: readonly unknown[] = []): Promise<DisputeStream[]> {
  const { rows } = await sql.query<{ order_id: string; facts: DisputeOrder; events: DisputeEvent[] }>(
    `select d.order_id, d.facts, coalesce(json_agg(e.body order by e.version) filter (where e.version is not null), '[]') as events
     from disputes d left join dispute_events e on e.dispute_id = d.order_id ${where} group by d.order_id order by d.order_id`,
    params,
  );
  return rows.map((r) => ({ orderId: r.order_id, facts: r.facts, events: r.events, version: r.events.length }));
}

/** A dispute command as the library takes it, except that `expectedVersion` may be left out: then it is the version read. */
export type ShopDisputeCommand = DisputeCommand extends infer C
  ? C extends DisputeCommand
    ? Omit<C, 'expectedVersion'> & { readonly expectedVersion?: number }
    : never
  : never;

export interface DisputeOutcome {
  readonly events: readonly DisputeEvent[];
  readonly view: DisputeView;
  /** The refund recorded on the order when this command resolved the dispute with one. */
  readonly refunded: string | null;
}

/**
 * Decides a command on an order's dispute (one dispute per order; its id is the order's) with `decideDispute`. A command
 * with `expectedVersion` is refused as STALE_VERSION if the dispute moved on since (the library's check); one without
 * is decided on the version read, and again on a conflict. Opening records `dispute-opened` on the order's stream (no
 * other refund while it is active); a command that resolves the dispute with a refund records the `refunded` event on
 * the order's stream in the same transaction, for the view's `refund`.
 */
export function decide(shop: Shop, orderId: string, request: ShopDisputeCommand): Promise<Decision<DisputeOutcome>> {
  return command(shop, `dispute ${request.type}`, async (tx) => {
    const order = await readOrder(tx, orderId);
    if (!order) return unknownOrder(orderId);
    const at = request.at instanceof Date ? request.at.toISOString() : request.at;
    const late = beforeLastEvent(order, at);
    if (late) return late;
    const stored = (await readDisputes(tx, 'where d.order_id = $1', [orderId]))[0];
    const facts = stored?.facts ?? disputeFacts(order);
    const dispute = { ...(shop.disputePolicy ? { policy: shop.disputePolicy } : {}), order: facts, events: stored?.events ?? [] };
    const version = stored?.version ?? 0;
    const d = decideDispute(dispute, { ...request, expectedVersion: request.expectedVersion ?? version });
    if (!d.ok) return d;
    if (!stored) {
      await tx.query('insert into disputes (order_id, facts, opened_at) values ($1, $2::jsonb, $3)', [orderId, JSON.stringify(facts), at]);
      await append(tx, 'order_events', orderId, order.version, [{ type: 'dispute-opened', at }]);
    }
    await append(tx, 'dispute_events', orderId, version, d.value.events);
    const view = disputeView({ ...dispute, events: [...dispute.events, ...d.value.events] }, at);
    if (!view.ok) return view;
    const refund = view.value.status === 'resolved' ? view.value.refund : null;
    const owed = refund !== null && !isZero(money(refund, order.currency)) ? refund : null;
    // Only a command on an open dispute resolves it, so the order's stream is still at the version read.
    if (owed !== null) await append(tx, 'order_events', orderId, order.version, [{ type: 'refunded', at, amount: owed, dispute: true }]);
    return done({ events: d.value.events, view: view.value, refunded: owed });
  });
}

/**
 * A refund the seller makes outside a dispute: refused while the order's dispute is active (the view's
 * `blocksOtherRefunds`), and never above what remains of what the buyer paid (the quote's grand total, less refunds).
 */
export function refund(
  shop: Shop,
  c: { orderId: string; at: string; amount: string },
): Promise<Decision<{ amount: string; refunded: string; remaining: string }>> {
  return command(shop, 'refund', async (tx) => {
    const order = await readOrder(tx, c.orderId);
    if (!order) return unknownOrder(c.orderId);
    const late = beforeLastEvent(order, c.at);
    if (late) return late;
    if (order.disputed) {
      const stored = (await readDisputes(tx, 'where d.order_id = $1', [c.orderId]))[0];
      const view = stored && disputeView({ ...(shop.disputePolicy ? { policy: shop.disputePolicy } : {}), order: stored.facts, events: stored.events }, c.at);
      if (!view?.ok || view.value.blocksOtherRefunds) return refused('REFUND_BLOCKED', 'orderId', `a dispute is active on order "${c.orderId}"`);
    }
    const quote = quoteOf(order);
    if (!quote.ok) return quote;
    const amount = parseMoney(c.amount, order.currency, { path: 'amount' });
    if (!amount.ok) return amount;
    if (isZero(amount.value)) return refused('AMOUNT_NOT_POSITIVE', 'amount', 'a refund must be above zero');
    const refunded = sumOf(order.refunds, order.currency);
    const remaining = subtract(money(quote.value.grandTotal, order.currency), refunded);
    if (compare(amount.value, remaining) > 0)
      return refused('AMOUNT_EXCEEDS_REFUNDABLE', 'amount', `${amount.value.amount} is above the ${remaining.amount} that remains of the payment`);
    await append(tx, 'order_events', c.orderId, order.version, [{ type: 'refunded', at: c.at, amount: amount.value.amount, dispute: false }]);
    return done({ amount: amount.value.amount, refunded: sum([refunded, amount.value]).amount, remaining: subtract(remaining, amount.value).amount });
  });
}

// ─── Outages ────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ApplyOutage {
  readonly at: string;
  readonly incidents: readonly Incident[];
  readonly policy?: OutagePolicy;
  /** Redemptions that failed, from the shop's logs: the plan honors them. */
  readonly attempts?: readonly RedemptionAttempt[];
  readonly loyaltyMembers?: readonly string[];
}

/**
 * Plans the remedies for an outage over every coupon and applies them: events appended to each coupon's stream at the
 * version read, reissued and compensating coupons inserted under the plan's deterministic ids. Run by two workers at
 * once, or again later, it writes nothing twice: the second finds the versions taken (or the ids), decides again, and
 * the plan on the fresh streams is empty.
 */
export function applyOutage(shop: Shop, c: ApplyOutage): Promise<Decision<{ plan: OutagePlan; changes: OutagePlanChanges }>> {
  return command(shop, 'applyOutage', async (tx) => {
    const streams = await readCoupons(tx);
    const input = {
      at: c.at,
      incidents: c.incidents,
      coupons: streams.map((s) => s.record),
      ...(c.policy ? { policy: c.policy } : {}),
      ...(c.attempts ? { attempts: c.attempts } : {}),
      ...(c.loyaltyMembers ? { loyaltyMembers: c.loyaltyMembers } : {}),
    };
    const plan = planOutageRemedies(input);
    if (!plan.ok) return plan;
    // Per coupon, the events to append and the incidents it now answers; and the coupons to insert.
    const changes = outagePlanChanges(input, plan.value);
    if (!changes.ok) return changes;
    // The library's `expectedVersion` counts the record's events; these streams also hold the 'remedied' rows, so the
    // version to append at is the stream's own, as read.
    const versions = new Map(streams.map((s) => [s.record.id, s.version]));
    // In coupon id order (as the library lists them), as every worker does: two workers wait on each other's first
    // row, never in a cycle.
    for (const a of changes.value.append) {
      const remedied: RemediedRow[] = a.remedies.length > 0 ? [{ type: 'remedied', incidents: a.remedies }] : [];
      await append(tx, 'coupon_events', a.couponId, versions.get(a.couponId) ?? 0, [...a.events, ...remedied]);
    }
    for (const n of changes.value.insert) {
      await tx.query('insert into coupons (id, seller, recipient, expires, time_zone, terms, issued_at) values ($1, $2, $3, $4, $5, $6::jsonb, $7)', [
        n.id,
        n.seller,
        n.recipient,
        n.expires,
        n.timeZone,
        JSON.stringify(n.terms),
        c.at,
      ]);
      const remedied: RemediedRow[] = n.remedies && n.remedies.length > 0 ? [{ type: 'remedied', incidents: n.remedies }] : [];
      await append(tx, 'coupon_events', n.id, 0, [...n.events, ...remedied]);
    }
    return done({ plan: plan.value, changes: changes.value });
  });
}

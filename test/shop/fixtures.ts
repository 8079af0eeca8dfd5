import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CouponTerms, OrderLine } from '../../src/index.js';
import { createSchema, type Db, type Decision, issueCoupon, openPglite, openPostgres, type Shop, type Sql } from '../../examples/shop/index.js';

// Databases for the shop's tests: one in-memory PGlite per test file, and, when DATABASE_URL names a server, a schema
// of its own on that server per test file (dropped at the end), so that files running at once never share a table.

export const SERVER_URL = process.env['DATABASE_URL'];

/** The title of a server suite: says why it is skipped when it is. */
export const serverSuite = (title: string) =>
  SERVER_URL ? `${title} (PostgreSQL server)` : `${title} — skipped: DATABASE_URL is not set (CI sets it; see docs/integration.md)`;

const TABLES = 'dispute_events, disputes, order_events, orders, coupon_events, coupons';

export async function pglite(): Promise<Db> {
  const db = await openPglite();
  await createSchema(db);
  return db;
}

/** A pool of `max` connections to the server, in a fresh schema; `drop()` removes the schema and closes the pool. */
export async function server(max = 60): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (!SERVER_URL) throw new Error('DATABASE_URL is not set');
  const schema = `shop_test_${randomUUID().replaceAll('-', '')}`;
  const admin = await openPostgres(SERVER_URL, { max: 1 });
  await admin.query(`create schema ${schema}`);
  const db = await openPostgres(SERVER_URL, { max, schema });
  await createSchema(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}

export const emptyTables = (db: Db) => db.query(`truncate ${TABLES}`);

// ─── Wrappers that make things happen inside a command's transaction ────────────────────────────────────────────────

/** The database, with `before` run ahead of every statement a transaction sends (with the statement and the transaction). */
export function intercepted(db: Db, before: (text: string, tx: Sql) => Promise<void>): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (text, params) => {
            await before(text, tx);
            return tx.query(text, params);
          },
        }),
      ),
  };
}

/** A promise every one of `n` callers waits on until all `n` have arrived: all read before anyone appends. */
export function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return all;
  };
}

/** Statements that append to a stream (or insert a stream's first row). */
export const isAppend = (text: string) => /^insert into (coupon_events|order_events|dispute_events|coupons|orders|disputes)\b/.test(text);

// ─── Data ───────────────────────────────────────────────────────────────────────────────────────────────────────────

export const member = { registered: true, emailConfirmed: true } as const;
export const nobodyStoplisted = { bySeller: false, byRecipient: false } as const;

export const lines: OrderLine[] = [
  { id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 2000 },
  { id: 'L2', itemType: 'Set', unitPrice: '75.00', quantity: 1 },
];

/** Issues a coupon from store s1 (Berlin) to `recipient` on 1 December 2026; fails the test if it is refused. */
export async function issued(shop: Shop, id: string, recipient = 'ann', terms: CouponTerms = { type: 'percent', percent: '10' }, expires = '2026-12-31') {
  const r = await issueCoupon(shop, {
    id,
    at: '2026-12-01T09:00:00Z',
    seller: 's1',
    recipient: { id: recipient, ...member },
    stoplisted: nobodyStoplisted,
    expires,
    timeZone: 'Europe/Berlin',
    terms,
  });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

/** The value of a decision the test expects to be made; fails the test with the refusals otherwise. */
export function value<T>(d: Decision<T>): T {
  if (!d.ok) throw new Error(`refused: ${d.errors.map((e) => `${e.code} at ${e.path}: ${e.message}`).join('; ')}`);
  return d.value;
}

/** The codes of a refusal (`[]` when the command was done). */
export const codes = <T>(d: Decision<T>) => (d.ok ? [] : d.errors.map((e) => e.code));

/** The rows of one stream, in version order. */
export async function stream(db: Sql, table: 'coupon_events' | 'order_events' | 'dispute_events', id: string) {
  const column = { coupon_events: 'coupon_id', order_events: 'order_id', dispute_events: 'dispute_id' }[table];
  const { rows } = await db.query<{ version: number; type: string; body: Record<string, unknown> }>(
    `select version, type, body from ${table} where ${column} = $1 order by version`,
    [id],
  );
  return rows;
}

export async function count(db: Sql, sql: string, params: readonly unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) as q`, params);
  return rows[0]?.n ?? 0;
}

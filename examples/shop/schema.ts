// The tables. Three event streams — a coupon's, an order's, a dispute's — each an append-only table whose primary key is
// (stream, version): two commands that decided on the same version cannot both append, the second gets SQLSTATE 23505.
// Nothing is ever updated or deleted. Amounts, dates and instants are kept as the library writes them (decimal strings,
// `YYYY-MM-DD`, ISO 8601), never as floats or as timestamps converted by a session's time zone.
import type { Sql } from './db.js';

export const SCHEMA = `
-- A coupon as issued (never changes), and what happened to it since: the library's coupon events, plus
-- 'remedied' rows recording the outage incidents answered ({"incidents": [...]}, the record's "remedies").
create table if not exists coupons (
  id         text primary key,
  seller     text not null,
  recipient  text not null,
  expires    text not null,
  time_zone  text not null,
  terms      jsonb not null,
  issued_at  text not null
);
create index if not exists coupons_by_recipient on coupons (recipient, seller);
create table if not exists coupon_events (
  coupon_id    text not null references coupons (id),
  version      integer not null check (version > 0),
  type         text not null,
  body         jsonb not null,
  recorded_at  timestamptz not null default now(),
  primary key (coupon_id, version)
);

-- An order, and its stream: 'placed' (the first batch of lines, the coupon and its credit), 'batch-added', 'shipped',
-- 'receipt-confirmed', 'dispute-opened' and 'refunded'. Every change to what the buyer paid or got back is an event of
-- this one stream, so the unique key serialises them: refunds can never add up to more than was paid.
create table if not exists orders (
  id         text primary key,
  store      text not null,
  buyer      text not null,
  currency   text not null,
  placed_at  text not null
);
create table if not exists order_events (
  order_id     text not null references orders (id),
  version      integer not null check (version > 0),
  type         text not null,
  body         jsonb not null,
  recorded_at  timestamptz not null default now(),
  primary key (order_id, version)
);
create or replace view refunds as
  select order_id, version, body ->> 'amount' as amount, body ->> 'at' as at from order_events where type = 'refunded';

-- One dispute per order (its id is the order's). 'facts' is the order as the dispute sees it, fixed when it opens:
-- the quote, what was refunded before, shipping and receipt. Its events are the library's dispute events.
create table if not exists disputes (
  order_id   text primary key references orders (id),
  facts      jsonb not null,
  opened_at  text not null
);
create table if not exists dispute_events (
  dispute_id   text not null references disputes (order_id),
  version      integer not null check (version > 0),
  type         text not null,
  body         jsonb not null,
  recorded_at  timestamptz not null default now(),
  primary key (dispute_id, version)
);
`;

/** Creates the tables if they are not there. */
export async function createSchema(db: Sql): Promise<void> {
  for (const statement of SCHEMA.split(';').filter((s) => s.trim() !== '')) await db.query(statement);
}

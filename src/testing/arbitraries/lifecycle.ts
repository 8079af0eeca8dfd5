import type { Arbitrary } from 'fast-check';
import fc from '../fast-check.js';
import type { CouponEvent, CouponRecord } from '../../lifecycle/types.js';
import { couponState } from '../../lifecycle/view.js';
import { couponTermsArb } from './order.js';
import { type ArbitraryOptions, dayArb, HOUR, iso, T0, zoneArb } from './shared.js';

/**
 * A coupon with a history: random lifecycle events (edits, redemptions, declines, deletions) in time order.
 * Some histories break the rules on purpose, so that both answers (a state or a refusal) are exercised.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { couponRecordArb } from 'coupon-rules/testing';
 * const [record] = fc.sample(couponRecordArb({ maxEvents: 3 }), 1);
 * console.log(record !== undefined && record.events.length <= 3); // → true
 * ```
 */
export function couponRecordArb(options: ArbitraryOptions = {}): Arbitrary<CouponRecord> {
  const eventArb = fc.record({
    kind: fc.constantFrom('edited', 'redeemed', 'declined', 'deleted'),
    gapHours: fc.integer({ min: 0, max: 24 * 10 }),
    buyer: fc.constantFrom('b1', 'b1', 'b1', 'b2'),
    store: fc.constantFrom('s1', 's1', 's1', 's2'),
    newOrder: fc.constantFrom(true, true, true, false),
    orderHasCoupon: fc.constantFrom(false, false, false, true),
    expiresDay: fc.integer({ min: -5, max: 400 }),
  });
  return fc
    .record({
      expires: dayArb(0, 60),
      timeZone: zoneArb,
      terms: couponTermsArb(2),
      events: fc.array(eventArb, { maxLength: options.maxEvents ?? 8 }),
    })
    .map(({ expires, timeZone, terms, events }): CouponRecord => {
      let t = T0 - 24 * HOUR;
      const out: CouponEvent[] = events.map((e, i): CouponEvent => {
        t += e.gapHours * HOUR;
        const at = iso(t);
        switch (e.kind) {
          case 'edited':
            return { type: 'edited', at, expires: iso(t + e.expiresDay * 24 * HOUR).slice(0, 10) };
          case 'redeemed':
            return { type: 'redeemed', at, orderId: `o${String(i)}`, buyer: e.buyer, store: e.store, newOrder: e.newOrder, orderHasCoupon: e.orderHasCoupon };
          default:
            return { type: e.kind, at };
        }
      });
      return { id: 'c1', seller: 's1', recipient: 'b1', expires, timeZone, terms, events: out };
    });
}

/** @internal Keeps only the events the library allows, each judged at its own instant after the ones kept before it. */
function keepAllowed(record: CouponRecord): CouponRecord {
  const kept: CouponEvent[] = [];
  for (const e of record.events) if (couponState({ ...record, events: [...kept, e] }, e.at).ok) kept.push(e);
  return { ...record, events: kept };
}

/**
 * @internal {@link couponRecordArb} with every event the rules refuse left out: histories the library accepts at any
 * instant (events later than the instant asked for are simply not folded), for requests that must be answered.
 */
export function validCouponRecordArb(options: ArbitraryOptions = {}): Arbitrary<CouponRecord> {
  return couponRecordArb(options).map(keepAllowed);
}

/** @internal A coupon record given by swapping party names (`s1` ↔ `s2`, `b1` ↔ `b2`) in it and its events: a valid history stays valid. */
export function swapParties(record: CouponRecord, swapSeller: boolean, swapRecipient: boolean): CouponRecord {
  const swap = (id: string, on: boolean, a: string, b: string) => (!on ? id : id === a ? b : id === b ? a : id);
  const seller = (id: string) => swap(id, swapSeller, 's1', 's2');
  const buyer = (id: string) => swap(id, swapRecipient, 'b1', 'b2');
  return {
    ...record,
    seller: seller(record.seller),
    recipient: buyer(record.recipient),
    events: record.events.map((e) => (e.type === 'redeemed' ? { ...e, buyer: buyer(e.buyer), store: seller(e.store) } : e)),
  };
}

/** The ways {@link breakHistory} breaks a coupon's history, each refused by a rule of the fold or of the event reader. */
const HISTORY_MISTAKES = [
  'not-recipient',
  'wrong-store',
  'not-new-order',
  'order-has-coupon',
  'after-redeemed',
  'after-declined',
  'after-deleted',
  'expired',
  'edit-past',
  'edit-too-far',
  'shortened',
  'out-of-order',
  'honored-late',
  'empty-incidents',
  'empty-edit',
] as const;
type HistoryMistake = (typeof HISTORY_MISTAKES)[number];

const MINUTE = 60_000;
const DAY = 24 * HOUR;
const dayOf = (ms: number) => iso(ms).slice(0, 10);

/**
 * Appends to a valid history (cut before its first closing event) the events of one mistake, late enough to be folded
 * at the returned instant (never earlier than `at`). Each mistake is refused whatever state the history left the coupon in: a redemption by the
 * wrong buyer is refused on any coupon, and a second event after a closing one is refused unless the first already
 * was. The state is asked of the library, so that "after it expired" means after the expiry the edits left.
 */
function breakHistory(whole: CouponRecord, at: number, mistake: HistoryMistake, minutes: number, days: number): { record: CouponRecord; at: number } {
  // The history up to its first closing event: most mistakes need an open coupon to show their own code (on a
  // closed one they would all be refused for the same reason), and the closing mistakes close it themselves.
  const closing = whole.events.findIndex((e) => e.type === 'redeemed' || e.type === 'declined' || e.type === 'deleted');
  const record = closing === -1 ? whole : { ...whole, events: whole.events.slice(0, closing) };
  const times = record.events.map((e) => Date.parse(String(e.at)));
  const last = Math.max(T0 - 24 * HOUR, ...times);
  const t = last + minutes * MINUTE;
  const view = couponState(record, iso(last));
  const expiresAt = view.ok ? Date.parse(view.value.expiresAt) : t + 400 * DAY;
  const expires = view.ok ? view.value.expires : record.expires;
  const late = Math.max(t, expiresAt + minutes * MINUTE);
  const redeemed = (when: number, change: Partial<Extract<CouponEvent, { type: 'redeemed' }>> = {}): CouponEvent => ({
    type: 'redeemed',
    at: iso(when),
    orderId: 'o-late',
    buyer: record.recipient,
    store: record.seller,
    newOrder: true,
    orderHasCoupon: false,
    ...change,
  });
  const extra = ((): readonly CouponEvent[] => {
    switch (mistake) {
      case 'not-recipient':
        return [redeemed(t, { buyer: `${record.recipient}-other` })];
      case 'wrong-store':
        return [redeemed(t, { store: `${record.seller}-other` })];
      case 'not-new-order':
        return [redeemed(t, { newOrder: false })];
      case 'order-has-coupon':
        return [redeemed(t, { orderHasCoupon: true })];
      case 'after-redeemed':
        return [redeemed(t), { type: 'deleted', at: iso(t + MINUTE) }];
      case 'after-declined':
        return [
          { type: 'declined', at: iso(t) },
          { type: 'edited', at: iso(t + MINUTE), expires },
        ];
      case 'after-deleted':
        return [
          { type: 'deleted', at: iso(t) },
          { type: 'declined', at: iso(t + MINUTE) },
        ];
      case 'expired':
        return [redeemed(late)];
      case 'edit-past':
        // Two days before the UTC date is before the local date in every zone (offsets stay within a day).
        return [{ type: 'edited', at: iso(t), expires: dayOf(t - (2 + days) * DAY) }];
      case 'edit-too-far':
        return [{ type: 'edited', at: iso(t), expires: dayOf(t + (368 + days) * DAY) }];
      case 'shortened':
        return [{ type: 'extended', at: iso(t), expires: dayOf(Date.parse(`${expires}T00:00:00Z`) - (1 + days) * DAY), incidents: ['inc-late'] }];
      case 'out-of-order':
        // Earlier than the last event; with no event yet, two events in the wrong order.
        return times.length > 0
          ? [{ type: 'declined', at: iso(last - minutes * MINUTE) }]
          : [
              { type: 'declined', at: iso(t + MINUTE) },
              { type: 'deleted', at: iso(t) },
            ];
      case 'honored-late':
        return [{ type: 'honored', at: iso(late), orderId: 'o-late', attemptAt: iso(late), incidents: ['inc-late'] }];
      case 'empty-incidents':
        return [{ type: 'extended', at: iso(t), expires, incidents: [] }];
      case 'empty-edit':
        return [{ type: 'edited', at: iso(t) }];
      default: {
        const never: never = mistake;
        return never;
      }
    }
  })();
  const end = Math.max(at, ...extra.map((e) => Date.parse(String(e.at))));
  return { record: { ...record, events: [...record.events, ...extra] }, at: end };
}

/** @internal A way to break a valid coupon history (see {@link breakHistory}), as a function of the record and the instant it is read at. */
export function historyMistakeArb(): Arbitrary<(record: CouponRecord, at: number) => { record: CouponRecord; at: number }> {
  return fc.record({ mistake: fc.constantFrom(...HISTORY_MISTAKES), minutes: fc.integer({ min: 1, max: 600 }), days: fc.integer({ min: 0, max: 30 }) }).map(
    ({ mistake, minutes, days }) =>
      (record: CouponRecord, at: number) =>
        breakHistory(record, at, mistake, minutes, days),
  );
}

/**
 * @internal A coupon issue check (without `op`) the library answers: either party may be the other (`SELF`), the
 * recipient may be unregistered or unconfirmed, either stoplist may apply, and the expiry may be missing, past, due or
 * more than a year away, so that every violation occurs; most requests have none.
 */
export function issueCheckRequestArb(): Arbitrary<Readonly<Record<string, unknown>>> {
  const mostly = (value: boolean) => fc.constantFrom(value, value, value, !value);
  return fc
    .record({
      hours: fc.integer({ min: 0, max: 24 * 60 }),
      millis: fc.constantFrom(0, 0, 0, 250),
      timeZone: zoneArb,
      self: fc.constantFrom(false, false, false, false, true),
      registered: mostly(true),
      emailConfirmed: mostly(true),
      bySeller: mostly(false),
      byRecipient: mostly(false),
      // Days from the UTC date of `at` to the expiry: a few in the past to beyond a year; null or absent is no expiry.
      expires: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: -3, max: 400 }) },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    })
    .map(({ hours, millis, timeZone, self, registered, emailConfirmed, bySeller, byRecipient, expires }) => {
      const at = T0 + hours * HOUR + millis;
      return {
        at: iso(at),
        timeZone,
        seller: { id: self ? 'b1' : 's1' },
        recipient: { id: 'b1', registered, emailConfirmed },
        stoplisted: { bySeller, byRecipient },
        ...(expires === undefined ? {} : { expires: expires === null ? null : dayOf(at + expires * DAY) }),
      };
    });
}

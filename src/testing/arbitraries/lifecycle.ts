import fc from 'fast-check';
import type { CouponEvent, CouponRecord } from '../../lifecycle/types.js';
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
export function couponRecordArb(options: ArbitraryOptions = {}): fc.Arbitrary<CouponRecord> {
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

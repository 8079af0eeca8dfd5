import type { Arbitrary } from 'fast-check';
import fc from '../fast-check.js';
import type { CouponEvent, CouponRecord } from '../../lifecycle/types.js';
import type { OutageInput } from '../../outage/types.js';
import { type ArbitraryOptions, dayArb, HOUR, iso, T0, zoneArb } from './shared.js';

/**
 * An outage planning input: up to 3 incidents over a few days, coupons in several time zones and
 * states, failed attempts, and a compensation policy in which extension, reissue and honoring
 * are now and then switched off, with or without loyalty members and their extra days.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { outageInputArb } from 'coupon-rules/testing';
 * import { planOutageRemedies } from 'coupon-rules';
 * fc.assert(fc.property(outageInputArb(), (input) => planOutageRemedies(input).ok));
 * ```
 */
export function outageInputArb(options: ArbitraryOptions = {}): Arbitrary<OutageInput> {
  const incidentArb = fc.tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 1, max: 40 }));
  const couponArb = fc.record({
    expires: dayArb(-2, 9),
    timeZone: zoneArb,
    recipient: fc.constantFrom('b1', 'b2'),
    fate: fc.constantFrom('none', 'none', 'none', 'declined', 'deleted', 'redeemed'),
  });
  return fc
    .record({
      incidents: fc.array(incidentArb, { maxLength: 3 }),
      coupons: fc.array(couponArb, { minLength: 1, maxLength: options.maxCoupons ?? 6 }),
      attempts: fc.array(fc.record({ coupon: fc.nat(5), hour: fc.integer({ min: 0, max: 130 }), buyer: fc.constantFrom('b1', 'b2') }), { maxLength: 4 }),
      now: fc.integer({ min: 100, max: 300 }),
      extension: fc.constantFrom<'outage-length' | { days: number }>('outage-length', { days: 2 }),
      // Each retailer's own policy: a remedy is switched off now and then (left out: on).
      switches: fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        { weight: 2, arbitrary: fc.record({ extend: fc.boolean(), reissue: fc.boolean(), honor: fc.boolean() }, { requiredKeys: [] }) },
      ),
      loyalty: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      loyaltyMembers: fc.option(fc.subarray(['b1', 'b2']), { nil: undefined }),
    })
    .map(({ incidents, coupons, attempts, now, extension, switches, loyalty, loyaltyMembers }): OutageInput => {
      const at = T0 + now * HOUR;
      const when = iso(T0 - 72 * HOUR);
      const records = coupons.map((c, i): CouponRecord => {
        const events: CouponEvent[] =
          c.fate === 'declined'
            ? [{ type: 'declined', at: when }]
            : c.fate === 'deleted'
              ? [{ type: 'deleted', at: when }]
              : c.fate === 'redeemed'
                ? [{ type: 'redeemed', at: when, orderId: 'o0', buyer: c.recipient, store: 's1', newOrder: true, orderHasCoupon: false }]
                : [];
        return {
          id: `c${String(i)}`,
          seller: 's1',
          recipient: c.recipient,
          expires: c.expires,
          timeZone: c.timeZone,
          terms: { type: 'percent', percent: '10' },
          events,
        };
      });
      return {
        at: iso(at),
        policy: {
          graceDays: 1,
          extension,
          compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 10, minOutageMinutes: 120 },
          ...switches,
          ...(loyalty === undefined ? {} : { loyalty: { extraGraceDays: loyalty } }),
        },
        ...(loyaltyMembers ? { loyaltyMembers } : {}),
        incidents: incidents.map(([s, len], i) => ({ id: `inc${String(i)}`, start: iso(T0 + s * HOUR), end: iso(T0 + (s + len) * HOUR) })),
        coupons: records,
        attempts: attempts
          .filter((a) => a.coupon < records.length && T0 + a.hour * HOUR <= at)
          .map((a, i) => ({
            couponId: `c${String(a.coupon)}`,
            orderId: `o${String(i)}`,
            at: iso(T0 + a.hour * HOUR),
            order: {
              currency: 'USD',
              lines: [{ id: 'L', itemType: 'Part', unitPrice: '9.99', quantity: 1 }],
              buyer: a.buyer,
              store: 's1',
              newOrder: true,
              hasCoupon: false,
            },
          })),
      };
    });
}

/** The ways {@link breakOutage} breaks a valid outage input, each refused by a rule of the planner's reader. */
const OUTAGE_MISTAKES = ['incident-backwards', 'duplicate-incident', 'incident-after-now', 'attempt-after-now', 'unknown-coupon', 'duplicate-coupon'] as const;
type OutageMistake = (typeof OUTAGE_MISTAKES)[number];

/**
 * A valid outage input with one mistake: an incident that ends before it starts (`INVALID_INCIDENT`), an incident id
 * used twice (`DUPLICATE_INCIDENT_ID`), an incident or an attempt after the planning instant (`INCIDENT_AFTER_NOW`,
 * `ATTEMPT_AFTER_NOW`), an attempt on a coupon the input does not have (`UNKNOWN_COUPON`), or a coupon id used twice
 * (`DUPLICATE_COUPON_ID`). What is added lies within the days the input already spans.
 */
function breakOutage(input: OutageInput, mistake: OutageMistake, hours: number, pick: number): OutageInput {
  const now = Date.parse(String(input.at));
  const before = iso(now - hours * HOUR);
  const after = iso(now + hours * HOUR);
  const incident = (id: string, start: string, end: string) => ({ id, start, end });
  const attempt = (couponId: string, at: string) => ({
    couponId,
    orderId: 'o-late',
    at,
    order: {
      currency: 'USD',
      lines: [{ id: 'L', itemType: 'Part', unitPrice: '9.99', quantity: 1 }],
      buyer: 'b1',
      store: 's1',
      newOrder: true,
      hasCoupon: false,
    },
  });
  const n = input.incidents.length;
  switch (mistake) {
    case 'incident-backwards':
      return { ...input, incidents: [...input.incidents, incident(`inc${String(n)}`, before, iso(now - (hours + 1) * HOUR))] };
    case 'duplicate-incident': {
      // Another incident under the id of one already there (or two under one id, when there is none).
      const id = input.incidents[pick % Math.max(1, n)]?.id ?? `inc${String(n)}`;
      const twin = incident(id, before, iso(now - (hours - 1) * HOUR));
      return { ...input, incidents: [...input.incidents, ...(n === 0 ? [twin] : []), twin] };
    }
    case 'incident-after-now':
      return { ...input, incidents: [...input.incidents, incident(`inc${String(n)}`, after, iso(now + (hours + 1) * HOUR))] };
    case 'attempt-after-now':
      return { ...input, attempts: [...(input.attempts ?? []), attempt(input.coupons[pick % Math.max(1, input.coupons.length)]?.id ?? 'c0', after)] };
    case 'unknown-coupon':
      return { ...input, attempts: [...(input.attempts ?? []), attempt('c-unknown', before)] };
    case 'duplicate-coupon': {
      const twin = input.coupons[pick % Math.max(1, input.coupons.length)];
      return twin ? { ...input, coupons: [...input.coupons, twin] } : breakOutage(input, 'unknown-coupon', hours, pick);
    }
    default: {
      const never: never = mistake;
      return never;
    }
  }
}

/** @internal A way to break a valid outage input (see {@link breakOutage}). */
export function outageMistakeArb(): Arbitrary<(input: OutageInput) => OutageInput> {
  return fc.record({ mistake: fc.constantFrom(...OUTAGE_MISTAKES), hours: fc.integer({ min: 2, max: 48 }), pick: fc.nat() }).map(
    ({ mistake, hours, pick }) =>
      (input: OutageInput) =>
        breakOutage(input, mistake, hours, pick),
  );
}

import { describe, expect, it } from 'vitest';
import { type Incident, type OutageInput, type RedemptionAttempt } from '../../src/index.js';
import { apply, compensation, coupon, EMPTY, inc, nothingFor, plan, W, windowOf } from './fixtures.js';

// Rules 5, 6 and 8 of docs/outages.md: extend or reissue, honor and notices, and a plan with every kind of remedy applied
// (compensation: compensation.test.ts; applying plans: apply.test.ts).
const incident = inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'); // two hours
const I = W('inc-1');
const order: RedemptionAttempt['order'] = {
  currency: 'EUR',
  lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
  buyer: 'b1',
  store: 's1',
  newOrder: true,
  hasCoupon: false,
};
const attempt = (couponId: string, orderId: string, at: string, o: Partial<RedemptionAttempt['order']> = {}): RedemptionAttempt => ({
  couponId,
  orderId,
  at,
  order: { ...order, ...o },
});
const at = '2026-12-02T08:00:00Z';
const AT_UTC = '2026-12-02T08:00:00.000Z';

describe('a plan with every kind of remedy', () => {
  const input: OutageInput = {
    at,
    incidents: [incident],
    policy: compensation(120),
    coupons: [
      coupon('h', '2026-12-20'),
      coupon('b', '2026-12-02'),
      coupon('a', '2026-12-01', { remedies: ['old'] }),
      coupon('x', '2026-12-01', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo' }), // valid until 1 December 15:00Z
    ],
    attempts: [attempt('h', 'o1', '2026-12-01T11:00:00Z')],
  };

  it('lists the window, each kind by coupon id naming the window, and one notice per buyer, in buyer order, its items in coupon id order', () => {
    expect(plan(input)).toEqual({
      windows: [{ id: I, start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T12:00:00.000Z', incidents: ['inc-1'] }],
      extend: [{ couponId: 'b', from: '2026-12-02', to: '2026-12-03', windows: [I] }],
      reissue: [
        { couponId: 'a', newCouponId: `a~reissue~${I}`, expires: '2026-12-03', windows: [I] },
        { couponId: 'x', newCouponId: `x~reissue~${I}`, expires: '2026-12-03', windows: [I] },
      ],
      honor: [{ couponId: 'h', orderId: 'o1', couponCredit: '2.50', windows: [I] }],
      compensate: [
        { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${I}`, expires: '2027-01-01', windows: [I] },
        { buyer: 'b0', store: 's2', couponId: `compensation~s2~b0~${I}`, expires: '2027-01-01', windows: [I] },
      ],
      notices: [
        {
          buyer: 'b0',
          priority: false,
          items: [
            { type: 'compensated', couponId: `compensation~s2~b0~${I}`, store: 's2', expires: '2027-01-01', windows: [I] },
            { type: 'reissued', couponId: 'x', newCouponId: `x~reissue~${I}`, expires: '2026-12-03', windows: [I] },
          ],
        },
        {
          buyer: 'b1',
          priority: false,
          items: [
            { type: 'reissued', couponId: 'a', newCouponId: `a~reissue~${I}`, expires: '2026-12-03', windows: [I] },
            { type: 'extended', couponId: 'b', from: '2026-12-02', to: '2026-12-03', windows: [I] },
            { type: 'compensated', couponId: `compensation~s1~b1~${I}`, store: 's1', expires: '2027-01-01', windows: [I] },
            { type: 'honored', couponId: 'h', orderId: 'o1', couponCredit: '2.50', windows: [I] },
          ],
        },
      ],
    });
  });

  it('is applied as events at the planning instant, remedies recording the window by an incident id, and new coupons after the others', () => {
    // The new coupons expire on 3 December (UTC and Tokyo) and 1 January: the window ended before the start of the day before, so they record nothing.
    expect(apply(input)).toEqual([
      {
        ...coupon('h', '2026-12-20'),
        events: [{ type: 'honored', at: AT_UTC, orderId: 'o1', attemptAt: '2026-12-01T11:00:00.000Z', incidents: ['inc-1'] }],
        remedies: ['inc-1'],
      },
      { ...coupon('b', '2026-12-02'), events: [{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['inc-1'] }], remedies: ['inc-1'] },
      { ...coupon('a', '2026-12-01'), remedies: ['old', 'inc-1'] },
      { ...coupon('x', '2026-12-01', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo' }), remedies: ['inc-1'] },
      { ...coupon(`a~reissue~${I}`, '2026-12-03'), remedies: [] },
      { ...coupon(`x~reissue~${I}`, '2026-12-03', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo' }), remedies: [] },
      { ...coupon(`compensation~s1~b1~${I}`, '2027-01-01', { terms: { type: 'fixed', amount: '2.00' } }), remedies: [] },
      {
        ...coupon(`compensation~s2~b0~${I}`, '2027-01-01', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo', terms: { type: 'fixed', amount: '2.00' } }),
        remedies: [],
      },
    ]);
    expect(plan({ ...input, coupons: apply(input) })).toEqual({ ...EMPTY, windows: [windowOf(incident)] });
  });

  it('writes the planning instant, given as a Date or with another offset, as a UTC ISO string in the events', () => {
    for (const given of [new Date(at), '2026-12-02T09:00:00+01:00']) {
      const [h, b] = apply({ ...input, at: given });
      expect(h?.events).toEqual([{ type: 'honored', at: AT_UTC, orderId: 'o1', attemptAt: '2026-12-01T11:00:00.000Z', incidents: ['inc-1'] }]);
      expect(b?.events).toEqual([{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['inc-1'] }]);
    }
  });
});

describe('extend or reissue (rule 5)', () => {
  it('sorts extensions and reissues by coupon id, whatever the input order', () => {
    const p = plan({
      at,
      incidents: [incident],
      coupons: [coupon('e2', '2026-12-02'), coupon('r2', '2026-12-01'), coupon('e1', '2026-12-02'), coupon('r1', '2026-12-01')],
    });
    expect(p.extend.map((e) => e.couponId)).toEqual(['e1', 'e2']);
    expect(p.reissue.map((e) => e.couponId)).toEqual(['r1', 'r2']);
  });

  it('reissues with the terms as they stand now; the new coupon records the windows that end after the start of the local day graceDays before its expiry', () => {
    // z: 1 December 10:00-12:00Z; a1 and a2 merge into one window, 1 December 23:00Z to 2 December 01:00Z.
    const incidents = [
      inc('z', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'),
      inc('a2', '2026-12-01T23:00:00Z', '2026-12-02T00:30:00Z'),
      inc('a1', '2026-12-02T00:30:00Z', '2026-12-02T01:00:00Z'),
    ];
    const edited = coupon('c', '2026-12-01', { events: [{ type: 'edited', at: '2026-11-20T00:00:00Z', terms: { type: 'fixed', amount: '4.00' } }] });
    const input: OutageInput = { at, incidents, coupons: [edited] };
    // its validity ended 2 December 00:00Z: after both windows began; they are named as one run in time order, the id after the first
    const Z = W('z');
    const A = W('a1', 'a2');
    expect(plan(input).reissue).toEqual([{ couponId: 'c', newCouponId: `c~reissue~${Z}`, expires: '2026-12-03', windows: [`${Z}..${A}`] }]);
    // the original records both windows, each by its first incident id; the new coupon, expiring 3 December, only the window
    // that ended after 2 December 00:00Z (z ended before: it could not make the new coupon look affected)
    expect(apply(input)).toEqual([
      { ...edited, remedies: ['z', 'a1'] },
      { ...coupon(`c~reissue~${Z}`, '2026-12-03', { terms: { type: 'fixed', amount: '4.00' } }), remedies: ['a1'] },
    ]);
    expect(plan({ ...input, coupons: apply(input) })).toEqual(nothingFor(incidents));
  });

  it('records in a reissued coupon no window that ended before the start of the day before its expiry; a later incident can still reach it', () => {
    const incidents = [inc('z', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'), inc('a', '2026-12-03T10:00:00Z', '2026-12-03T12:00:00Z')];
    const input: OutageInput = { at, incidents: [incidents[0] as Incident], coupons: [coupon('c', '2026-12-01')] };
    const after = apply(input);
    expect(after[1]).toMatchObject({ id: `c~reissue~${W('z')}`, expires: '2026-12-03', remedies: [] });
    // the reissued coupon expires 3 December: a later incident that day reaches it (it is not named in its remedies)
    expect(plan({ ...input, at: '2026-12-03T13:00:00Z', incidents, coupons: after }).extend).toEqual([
      { couponId: `c~reissue~${W('z')}`, from: '2026-12-03', to: '2026-12-04', windows: [W('a')] },
    ]);
  });

  it('proposes nothing for a coupon that a later remedy already extended as far as the window would', () => {
    // inc-1 is planned and applied at 08:00 on 2 December: the coupon goes from 2 to 3 December.
    const first: OutageInput = { at, incidents: [incident], policy: compensation(0), coupons: [coupon('c', '2026-12-02')] };
    const after = apply(first);
    expect(after[0]).toMatchObject({ events: [{ type: 'extended', expires: '2026-12-03', incidents: ['inc-1'] }], remedies: ['inc-1'] });
    // inc-2 ended at 06:00, before that extension, so it met the coupon still expiring on 2 December; reported late,
    // it would extend it to 3 December too. The coupon already expires then: no extension, notice or compensation.
    const late = inc('inc-2', '2026-12-02T05:00:00Z', '2026-12-02T06:00:00Z');
    expect(plan({ ...first, at: '2026-12-02T09:00:00Z', incidents: [incident, late], coupons: after })).toEqual(nothingFor([incident, late]));
    // Had it reached further (a longer extension), it would extend from the current expiry.
    const longer = plan({
      ...first,
      at: '2026-12-02T09:00:00Z',
      incidents: [incident, late],
      coupons: after,
      policy: { ...compensation(0), extension: { days: 3 } },
    });
    expect(longer.extend).toEqual([{ couponId: 'c', from: '2026-12-03', to: '2026-12-05', windows: [W('inc-2')] }]);
  });
});

describe('honoring failed redemptions (rule 6)', () => {
  const base: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-20')] };
  const honor = (input: Partial<OutageInput>) => plan({ ...base, ...input }).honor;

  it('credits what the quote computes for the order, with its currency and rounding', () => {
    const cheap = { lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.25', quantity: 1 }] };
    expect(honor({ attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z', cheap)] })).toEqual([
      { couponId: 'c', orderId: 'o1', couponCredit: '0.03', windows: [I] },
    ]);
    expect(honor({ attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z', { ...cheap, rounding: 'half-even' })] })).toEqual([
      { couponId: 'c', orderId: 'o1', couponCredit: '0.02', windows: [I] },
    ]);
    const yen = { currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2500', quantity: 1 }] };
    expect(honor({ attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z', yen)] })).toEqual([
      { couponId: 'c', orderId: 'o1', couponCredit: '250', windows: [I] },
    ]);
  });

  it("uses the coupon's terms at the attempt, not an edit made after it", () => {
    const edit = (when: string) => coupon('c', '2026-12-20', { events: [{ type: 'edited', at: when, terms: { type: 'percent', percent: '50' } }] });
    const attempts = [attempt('c', 'o1', '2026-12-01T11:00:00Z')];
    expect(honor({ coupons: [edit('2026-12-01T11:30:00Z')], attempts })[0]?.couponCredit).toBe('2.50');
    expect(honor({ coupons: [edit('2026-12-01T10:30:00Z')], attempts })[0]?.couponCredit).toBe('12.50');
  });

  it('takes the earliest attempt per coupon, the order id breaking a tie, whatever the input order', () => {
    const same = '2026-12-01T11:00:00Z';
    expect(honor({ attempts: [attempt('c', 'o2', same), attempt('c', 'o1', same)] })).toEqual([
      { couponId: 'c', orderId: 'o1', couponCredit: '2.50', windows: [I] },
    ]);
    expect(honor({ attempts: [attempt('c', 'o1', same), attempt('c', 'o2', same)] })).toEqual([
      { couponId: 'c', orderId: 'o1', couponCredit: '2.50', windows: [I] },
    ]);
  });

  it('honors one coupon per order', () => {
    const usd = { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }] };
    const p = plan({
      at: '2026-12-02T00:00:00Z',
      incidents: [{ id: 'inc', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' }],
      coupons: [coupon('c1', '2026-12-20'), coupon('c2', '2026-12-20')],
      attempts: [attempt('c2', 'o9', '2026-12-01T10:40:00Z', usd), attempt('c1', 'o9', '2026-12-01T10:30:00Z', usd)],
    });
    expect(p.honor.map((h) => h.couponId)).toEqual(['c1']);
  });

  it('honors a coupon once even when it failed in two windows, and neither extends nor reissues it', () => {
    const incidents = [incident, inc('inc-2', '2026-12-01T20:00:00Z', '2026-12-01T21:00:00Z')];
    const p = plan({
      ...base,
      incidents,
      coupons: [coupon('c', '2026-12-01')],
      attempts: [attempt('c', 'o2', '2026-12-01T20:30:00Z'), attempt('c', 'o1', '2026-12-01T10:30:00Z')],
    });
    expect(p).toEqual({
      ...EMPTY,
      windows: [windowOf(incident), windowOf(incidents[1] as Incident)],
      honor: [{ couponId: 'c', orderId: 'o1', couponCredit: '2.50', windows: [I] }],
      notices: [{ buyer: 'b1', priority: false, items: [{ type: 'honored', couponId: 'c', orderId: 'o1', couponCredit: '2.50', windows: [I] }] }],
    });
  });

  it('lists honors by coupon id, not by attempt time', () => {
    const p = honor({
      coupons: [coupon('a', '2026-12-20'), coupon('b', '2026-12-20')],
      attempts: [attempt('b', 'o1', '2026-12-01T10:30:00Z'), attempt('a', 'o2', '2026-12-01T11:00:00Z')],
    });
    expect(p.map((h) => [h.couponId, h.orderId])).toEqual([
      ['a', 'o2'],
      ['b', 'o1'],
    ]);
  });

  it('does not honor a coupon already remedied for the window, nor one declined or deleted since', () => {
    const attempts = [attempt('c', 'o1', '2026-12-01T11:00:00Z')];
    const nothing = nothingFor([incident]);
    expect(plan({ ...base, coupons: [coupon('c', '2026-12-02', { remedies: ['inc-1'] })], attempts })).toEqual(nothing);
    expect(plan({ ...base, coupons: [coupon('c', '2026-12-02', { events: [{ type: 'declined', at: '2026-12-01T13:00:00Z' }] })], attempts })).toEqual(nothing);
    expect(plan({ ...base, coupons: [coupon('c', '2026-12-02', { events: [{ type: 'deleted', at: '2026-12-01T13:00:00Z' }] })], attempts })).toEqual(nothing);
  });

  it('does not honor an attempt on a coupon edited to expire before the attempt', () => {
    // edited on 29 November to expire on 30 November: neither redeemed nor declined, but expired at the attempt
    const c = coupon('c', '2026-12-20', { events: [{ type: 'edited', at: '2026-11-29T09:00:00Z', expires: '2026-11-30' }] });
    expect(plan({ ...base, coupons: [c], attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z')] })).toEqual(nothingFor([incident]));
  });
});

import { describe, expect, it } from 'vitest';
import { applyOutagePlan, type CouponRecord, type Incident, type OutageInput, type OutagePlan, type RedemptionAttempt } from '../../src/index.js';
import { coupon, EMPTY, inc, plan } from './fixtures.js';

// Rules 5 to 9 of docs/outages.md: extend or reissue, honour, compensation, notices, and applying a plan.
function apply(input: OutageInput, p: OutagePlan = plan(input)): CouponRecord[] {
  const r = applyOutagePlan(input, p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const incident = inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'); // two hours
const order: RedemptionAttempt['order'] = { currency: 'EUR', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }], buyer: 'b1', store: 's1', newOrder: true, hasCoupon: false };
const attempt = (couponId: string, orderId: string, at: string, o: Partial<RedemptionAttempt['order']> = {}): RedemptionAttempt => ({ couponId, orderId, at, order: { ...order, ...o } });
const compensation = (minOutageMinutes: number, validDays = 30) => ({ compensation: { terms: { type: 'fixed' as const, amount: '2.00' }, validDays, minOutageMinutes } });
const at = '2026-12-02T08:00:00Z';

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

  it('lists each kind by coupon id, names the incidents, and writes one notice per buyer, in buyer order, its items in coupon id order', () => {
    expect(plan(input)).toEqual({
      extend: [{ couponId: 'b', from: '2026-12-02', to: '2026-12-03', incidents: ['inc-1'] }],
      reissue: [
        { couponId: 'a', newCouponId: 'a~reissue~inc-1', expires: '2026-12-03', incidents: ['inc-1'] },
        { couponId: 'x', newCouponId: 'x~reissue~inc-1', expires: '2026-12-03', incidents: ['inc-1'] },
      ],
      honor: [{ couponId: 'h', orderId: 'o1', couponCredit: '2.50', incidents: ['inc-1'] }],
      compensate: [
        { buyer: 'b1', store: 's1', couponId: 'compensation~s1~b1~inc-1', expires: '2027-01-01', incidents: ['inc-1'] },
        { buyer: 'b0', store: 's2', couponId: 'compensation~s2~b0~inc-1', expires: '2027-01-01', incidents: ['inc-1'] },
      ],
      notices: [
        {
          buyer: 'b0',
          items: [
            { type: 'compensated', couponId: 'compensation~s2~b0~inc-1', store: 's2', expires: '2027-01-01', incidents: ['inc-1'] },
            { type: 'reissued', couponId: 'x', newCouponId: 'x~reissue~inc-1', expires: '2026-12-03', incidents: ['inc-1'] },
          ],
        },
        {
          buyer: 'b1',
          items: [
            { type: 'reissued', couponId: 'a', newCouponId: 'a~reissue~inc-1', expires: '2026-12-03', incidents: ['inc-1'] },
            { type: 'extended', couponId: 'b', from: '2026-12-02', to: '2026-12-03', incidents: ['inc-1'] },
            { type: 'compensated', couponId: 'compensation~s1~b1~inc-1', store: 's1', expires: '2027-01-01', incidents: ['inc-1'] },
            { type: 'honored', couponId: 'h', orderId: 'o1', couponCredit: '2.50', incidents: ['inc-1'] },
          ],
        },
      ],
    });
  });

  it('is applied as events at the planning instant, remedies naming the incidents, and new coupons after the others', () => {
    expect(apply(input)).toEqual([
      { ...coupon('h', '2026-12-20'), events: [{ type: 'honored', at, orderId: 'o1', attemptAt: '2026-12-01T11:00:00.000Z', incidents: ['inc-1'] }], remedies: ['inc-1'] },
      { ...coupon('b', '2026-12-02'), events: [{ type: 'extended', at, expires: '2026-12-03', incidents: ['inc-1'] }], remedies: ['inc-1'] },
      { ...coupon('a', '2026-12-01'), remedies: ['old', 'inc-1'] },
      { ...coupon('x', '2026-12-01', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo' }), remedies: ['inc-1'] },
      { ...coupon('a~reissue~inc-1', '2026-12-03'), remedies: ['inc-1'] },
      { ...coupon('x~reissue~inc-1', '2026-12-03', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo' }), remedies: ['inc-1'] },
      { ...coupon('compensation~s1~b1~inc-1', '2027-01-01', { terms: { type: 'fixed', amount: '2.00' } }), remedies: ['inc-1'] },
      { ...coupon('compensation~s2~b0~inc-1', '2027-01-01', { recipient: 'b0', seller: 's2', timeZone: 'Asia/Tokyo', terms: { type: 'fixed', amount: '2.00' } }), remedies: ['inc-1'] },
    ]);
    expect(plan({ ...input, coupons: apply(input) })).toEqual(EMPTY);
  });

  it('writes the planning instant given as a Date as an ISO string in the events', () => {
    const dated = { ...input, at: new Date(at) };
    const [h, b] = apply(dated);
    expect(h?.events).toEqual([{ type: 'honored', at: '2026-12-02T08:00:00.000Z', orderId: 'o1', attemptAt: '2026-12-01T11:00:00.000Z', incidents: ['inc-1'] }]);
    expect(b?.events).toEqual([{ type: 'extended', at: '2026-12-02T08:00:00.000Z', expires: '2026-12-03', incidents: ['inc-1'] }]);
  });
});

describe('extend or reissue (rule 5)', () => {
  it('sorts extensions and reissues by coupon id, whatever the input order', () => {
    const p = plan({ at, incidents: [incident], coupons: [coupon('e2', '2026-12-02'), coupon('r2', '2026-12-01'), coupon('e1', '2026-12-02'), coupon('r1', '2026-12-01')] });
    expect(p.extend.map((e) => e.couponId)).toEqual(['e1', 'e2']);
    expect(p.reissue.map((e) => e.couponId)).toEqual(['r1', 'r2']);
  });

  it('reissues with the terms as they stand now, and records every incident of the input in the new coupon', () => {
    const incidents = [inc('z', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'), inc('a', '2026-12-01T20:00:00Z', '2026-12-01T21:00:00Z')];
    const edited = coupon('c', '2026-12-01', { events: [{ type: 'edited', at: '2026-11-20T00:00:00Z', terms: { type: 'fixed', amount: '4.00' } }] });
    const input: OutageInput = { at, incidents, coupons: [edited] };
    // its validity ended 2 December 00:00Z: after both windows of 1 December began; they are listed by start, not by id
    expect(plan(input).reissue).toEqual([{ couponId: 'c', newCouponId: 'c~reissue~z+a', expires: '2026-12-03', incidents: ['z', 'a'] }]);
    expect(apply(input)).toEqual([
      { ...edited, remedies: ['z', 'a'] },
      { ...coupon('c~reissue~z+a', '2026-12-03', { terms: { type: 'fixed', amount: '4.00' } }), remedies: ['a', 'z'] },
    ]);
  });

  it('records the incidents of the input in a reissued coupon; a later incident, not among them, can still reach it', () => {
    const incidents = [inc('z', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'), inc('a', '2026-12-03T10:00:00Z', '2026-12-03T12:00:00Z')];
    const input: OutageInput = { at, incidents: [incidents[0] as Incident], coupons: [coupon('c', '2026-12-01')] };
    const after = apply(input);
    expect(after[1]).toMatchObject({ id: 'c~reissue~z', expires: '2026-12-03', remedies: ['z'] });
    // the reissued coupon expires 3 December: a later incident that day reaches it (it is not named in its remedies)
    expect(plan({ ...input, at: '2026-12-03T13:00:00Z', incidents, coupons: after }).extend).toEqual([{ couponId: 'c~reissue~z', from: '2026-12-03', to: '2026-12-04', incidents: ['a'] }]);
  });

  it('proposes nothing for a coupon that a later remedy already extended as far as the window would', () => {
    // inc-1 is planned and applied at 08:00 on 2 December: the coupon goes from 2 to 3 December.
    const first: OutageInput = { at, incidents: [incident], policy: compensation(0), coupons: [coupon('c', '2026-12-02')] };
    const after = apply(first);
    expect(after[0]).toMatchObject({ events: [{ type: 'extended', expires: '2026-12-03' }], remedies: ['inc-1'] });
    // inc-2 ended at 06:00, before that extension, so it met the coupon still expiring on 2 December; reported late,
    // it would extend it to 3 December too. The coupon already expires then: no extension, notice or compensation.
    const late = inc('inc-2', '2026-12-02T05:00:00Z', '2026-12-02T06:00:00Z');
    expect(plan({ ...first, at: '2026-12-02T09:00:00Z', incidents: [incident, late], coupons: after })).toEqual(EMPTY);
    // Had it reached further (a longer extension), it would extend from the current expiry.
    const longer = plan({ ...first, at: '2026-12-02T09:00:00Z', incidents: [incident, late], coupons: after, policy: { ...compensation(0), extension: { days: 3 } } });
    expect(longer.extend).toEqual([{ couponId: 'c', from: '2026-12-03', to: '2026-12-05', incidents: ['inc-2'] }]);
  });
});

describe('honouring failed redemptions (rule 6)', () => {
  const base: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-20')] };
  const honor = (input: Partial<OutageInput>) => plan({ ...base, ...input }).honor;

  it('credits what the quote computes for the order, with its currency and rounding', () => {
    const cheap = { lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.25', quantity: 1 }] };
    expect(honor({ attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z', cheap)] })).toEqual([{ couponId: 'c', orderId: 'o1', couponCredit: '0.03', incidents: ['inc-1'] }]);
    expect(honor({ attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z', { ...cheap, rounding: 'half-even' })] })).toEqual([{ couponId: 'c', orderId: 'o1', couponCredit: '0.02', incidents: ['inc-1'] }]);
    const yen = { currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2500', quantity: 1 }] };
    expect(honor({ attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z', yen)] })).toEqual([{ couponId: 'c', orderId: 'o1', couponCredit: '250', incidents: ['inc-1'] }]);
  });

  it("uses the coupon's terms at the attempt, not an edit made after it", () => {
    const edit = (when: string) => coupon('c', '2026-12-20', { events: [{ type: 'edited', at: when, terms: { type: 'percent', percent: '50' } }] });
    const attempts = [attempt('c', 'o1', '2026-12-01T11:00:00Z')];
    expect(honor({ coupons: [edit('2026-12-01T11:30:00Z')], attempts })[0]?.couponCredit).toBe('2.50');
    expect(honor({ coupons: [edit('2026-12-01T10:30:00Z')], attempts })[0]?.couponCredit).toBe('12.50');
  });

  it('takes the earliest attempt per coupon, the order id breaking a tie, whatever the input order', () => {
    const same = '2026-12-01T11:00:00Z';
    expect(honor({ attempts: [attempt('c', 'o2', same), attempt('c', 'o1', same)] })).toEqual([{ couponId: 'c', orderId: 'o1', couponCredit: '2.50', incidents: ['inc-1'] }]);
    expect(honor({ attempts: [attempt('c', 'o1', same), attempt('c', 'o2', same)] })).toEqual([{ couponId: 'c', orderId: 'o1', couponCredit: '2.50', incidents: ['inc-1'] }]);
  });

  it('honours a coupon once even when it failed in two windows, and neither extends nor reissues it', () => {
    const incidents = [incident, inc('inc-2', '2026-12-01T20:00:00Z', '2026-12-01T21:00:00Z')];
    const p = plan({ ...base, incidents, coupons: [coupon('c', '2026-12-01')], attempts: [attempt('c', 'o2', '2026-12-01T20:30:00Z'), attempt('c', 'o1', '2026-12-01T10:30:00Z')] });
    expect(p).toEqual({
      ...EMPTY,
      honor: [{ couponId: 'c', orderId: 'o1', couponCredit: '2.50', incidents: ['inc-1'] }],
      notices: [{ buyer: 'b1', items: [{ type: 'honored', couponId: 'c', orderId: 'o1', couponCredit: '2.50', incidents: ['inc-1'] }] }],
    });
  });

  it('lists honours by coupon id, not by attempt time', () => {
    const p = honor({ coupons: [coupon('a', '2026-12-20'), coupon('b', '2026-12-20')], attempts: [attempt('b', 'o1', '2026-12-01T10:30:00Z'), attempt('a', 'o2', '2026-12-01T11:00:00Z')] });
    expect(p.map((h) => [h.couponId, h.orderId])).toEqual([
      ['a', 'o2'],
      ['b', 'o1'],
    ]);
  });

  it('does not honour a coupon already remedied for the window, nor one declined or deleted since', () => {
    const attempts = [attempt('c', 'o1', '2026-12-01T11:00:00Z')];
    expect(plan({ ...base, coupons: [coupon('c', '2026-12-02', { remedies: ['inc-1'] })], attempts })).toEqual(EMPTY);
    expect(plan({ ...base, coupons: [coupon('c', '2026-12-02', { events: [{ type: 'declined', at: '2026-12-01T13:00:00Z' }] })], attempts })).toEqual(EMPTY);
    expect(plan({ ...base, coupons: [coupon('c', '2026-12-02', { events: [{ type: 'deleted', at: '2026-12-01T13:00:00Z' }] })], attempts })).toEqual(EMPTY);
  });

  it('does not honour an attempt on a coupon edited to expire before the attempt', () => {
    // edited on 29 November to expire on 30 November: neither redeemed nor declined, but expired at the attempt
    const c = coupon('c', '2026-12-20', { events: [{ type: 'edited', at: '2026-11-29T09:00:00Z', expires: '2026-11-30' }] });
    expect(plan({ ...base, coupons: [c], attempts: [attempt('c', 'o1', '2026-12-01T11:00:00Z')] })).toEqual(EMPTY);
  });
});

describe('compensation (rule 7)', () => {
  const coupons = [coupon('c', '2026-12-02')];

  it('is due for a window at least minOutageMinutes long: exactly that long is enough', () => {
    expect(plan({ at, incidents: [incident], coupons, policy: compensation(120) }).compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: 'compensation~s1~b1~inc-1', expires: '2027-01-01', incidents: ['inc-1'] },
    ]);
    expect(plan({ at, incidents: [incident], coupons, policy: compensation(121) }).compensate).toEqual([]);
    expect(plan({ at, incidents: [incident], coupons }).compensate).toEqual([]);
  });

  it('is one coupon per buyer, store and window; its id names every incident of the window', () => {
    const incidents = [inc('a', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'), inc('b', '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z'), inc('short', '2026-12-01T20:00:00Z', '2026-12-01T20:30:00Z')];
    const p = plan({
      at,
      incidents,
      coupons: [coupon('c1', '2026-12-02'), coupon('c2', '2026-12-01'), coupon('c3', '2026-12-02', { seller: 's2' }), coupon('c4', '2026-12-02', { recipient: 'b2' })],
      policy: compensation(60),
    });
    expect(p.compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: 'compensation~s1~b1~a+b', expires: '2027-01-01', incidents: ['a', 'b'] },
      { buyer: 'b2', store: 's1', couponId: 'compensation~s1~b2~a+b', expires: '2027-01-01', incidents: ['a', 'b'] },
      { buyer: 'b1', store: 's2', couponId: 'compensation~s2~b1~a+b', expires: '2027-01-01', incidents: ['a', 'b'] },
    ]);
    // every coupon answers both windows, but the 30-minute one earns no compensation
    expect(p.extend.map((e) => e.incidents)).toEqual([
      ['a', 'b', 'short'],
      ['a', 'b', 'short'],
      ['a', 'b', 'short'],
    ]);
  });

  it('is listed by its id, not by the coupon that earned it', () => {
    const p = plan({ at, incidents: [incident], coupons: [coupon('a', '2026-12-02', { recipient: 'b2' }), coupon('b', '2026-12-02')], policy: compensation(60) });
    expect(p.compensate.map((e) => e.couponId)).toEqual(['compensation~s1~b1~inc-1', 'compensation~s1~b2~inc-1']);
  });

  it('is due to a buyer whose attempt was honoured', () => {
    const p = plan({ at, incidents: [incident], coupons: [coupon('h', '2026-12-20')], attempts: [attempt('h', 'o1', '2026-12-01T11:00:00Z')], policy: compensation(60) });
    expect(p.compensate).toEqual([{ buyer: 'b1', store: 's1', couponId: 'compensation~s1~b1~inc-1', expires: '2027-01-01', incidents: ['inc-1'] }]);
  });

  it('is valid until today in the store zone plus validDays', () => {
    // 20:00Z on 2 December is already 3 December in Tokyo
    const late = '2026-12-02T20:00:00Z';
    const p = (timeZone: string) => plan({ at: late, incidents: [incident], coupons: [coupon('c', '2026-12-02', { timeZone })], policy: compensation(60, 0) }).compensate.map((e) => e.expires);
    expect(p('UTC')).toEqual(['2026-12-02']);
    expect(p('Asia/Tokyo')).toEqual(['2026-12-03']);
  });

  it('is not given twice: a compensating coupon already among the coupons counts', () => {
    const given = coupon('compensation~s1~b1~inc-1', '2027-01-01', { terms: { type: 'fixed', amount: '2.00' }, remedies: ['inc-1'] });
    const p = plan({ at, incidents: [incident], coupons: [given, coupon('late-comer', '2026-12-02')], policy: compensation(60) });
    expect(p.extend.map((e) => e.couponId)).toEqual(['late-comer']);
    expect(p.compensate).toEqual([]);
  });

  it('gets the time zone of the buyer\'s coupon from that store when applied', () => {
    const input: OutageInput = {
      at,
      incidents: [incident],
      coupons: [coupon('other-store', '2026-12-31', { seller: 's2', timeZone: 'Asia/Tokyo' }), coupon('c', '2026-12-02', { timeZone: 'Europe/Berlin' })],
      policy: compensation(60),
    };
    expect(apply(input).find((c) => c.id === 'compensation~s1~b1~inc-1')).toEqual({
      id: 'compensation~s1~b1~inc-1',
      seller: 's1',
      recipient: 'b1',
      expires: '2027-01-01',
      timeZone: 'Europe/Berlin',
      terms: { type: 'fixed', amount: '2.00' },
      events: [],
      remedies: ['inc-1'],
    });
  });
});

describe('applyOutagePlan (rule 9)', () => {
  it('applies a plan under a policy without compensation', () => {
    const input: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-02')], policy: { graceDays: 1 } };
    expect(apply(input)).toEqual([{ ...coupon('c', '2026-12-02'), events: [{ type: 'extended', at, expires: '2026-12-03', incidents: ['inc-1'] }], remedies: ['inc-1'] }]);
  });

  it('applies only what it can of a plan made by hand: entries naming coupons it does not have are skipped', () => {
    const input: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-20')] };
    const handMade: OutagePlan = {
      ...EMPTY,
      extend: [{ couponId: 'ghost', from: '2026-12-01', to: '2026-12-03', incidents: ['inc-1'] }],
      reissue: [{ couponId: 'ghost', newCouponId: 'ghost~reissue~inc-1', expires: '2026-12-03', incidents: ['inc-1'] }],
      honor: [{ couponId: 'ghost', orderId: 'o1', couponCredit: '1.00', incidents: ['inc-1'] }],
      compensate: [{ buyer: 'b1', store: 's1', couponId: 'compensation~s1~b1~inc-1', expires: '2027-01-01', incidents: ['inc-1'] }], // no compensation terms in the policy
    };
    expect(apply(input, handMade)).toEqual([coupon('c', '2026-12-20')]);
  });

  it('records an honour the planner did not find as attempted at the planning instant', () => {
    const input: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-20')] };
    const handMade: OutagePlan = { ...EMPTY, honor: [{ couponId: 'c', orderId: 'o1', couponCredit: '1.00', incidents: ['inc-1'] }] };
    expect(apply(input, handMade)).toEqual([{ ...coupon('c', '2026-12-20'), events: [{ type: 'honored', at, orderId: 'o1', attemptAt: at, incidents: ['inc-1'] }], remedies: ['inc-1'] }]);
  });

  it('gives a hand-made compensating coupon the UTC zone when the buyer has no coupon from that store', () => {
    const input: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-20', { timeZone: 'Asia/Tokyo' })], policy: compensation(60) };
    const handMade: OutagePlan = { ...EMPTY, compensate: [{ buyer: 'b9', store: 's1', couponId: 'compensation~s1~b9~inc-1', expires: '2027-01-01', incidents: ['inc-1'] }] };
    expect(apply(input, handMade)[1]).toMatchObject({ id: 'compensation~s1~b9~inc-1', recipient: 'b9', timeZone: 'UTC' });
  });
});

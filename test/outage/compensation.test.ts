import { describe, expect, it } from 'vitest';
import type { OutageInput, RedemptionAttempt } from '../../src/index.js';
import { apply, compensation, coupon, inc, plan, W } from './fixtures.js';

// Rule 7 of docs/outages.md: one compensating coupon per buyer and store who received any remedy in the plan, when at
// least one window those remedies answer lasted minOutageMinutes or more; named after the first of those windows.
const incident = inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'); // two hours
const I = W('inc-1');
const at = '2026-12-02T08:00:00Z';
const order: RedemptionAttempt['order'] = {
  currency: 'EUR',
  lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
  buyer: 'b1',
  store: 's1',
  newOrder: true,
  hasCoupon: false,
};
const attempt = (couponId: string, orderId: string, when: string): RedemptionAttempt => ({ couponId, orderId, at: when, order });

describe('compensation (rule 7)', () => {
  const coupons = [coupon('c', '2026-12-02')];

  it('is due for a window at least minOutageMinutes long: exactly that long is enough', () => {
    expect(plan({ at, incidents: [incident], coupons, policy: compensation(120) }).compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${I}`, expires: '2027-01-01', windows: [I] },
    ]);
    expect(plan({ at, incidents: [incident], coupons, policy: compensation(121) }).compensate).toEqual([]);
    expect(plan({ at, incidents: [incident], coupons }).compensate).toEqual([]);
  });

  it('is one coupon per buyer and store, named after the first window their remedies answer, naming all of them', () => {
    // a and b merge into one two-hour window; "short" lasts 30 minutes. Every coupon answers both windows.
    const incidents = [
      inc('a', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
      inc('b', '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z'),
      inc('short', '2026-12-01T20:00:00Z', '2026-12-01T20:30:00Z'),
    ];
    const AB = W('a', 'b');
    const both = `${AB}..${W('short')}`;
    const p = plan({
      at,
      incidents,
      coupons: [
        coupon('c1', '2026-12-02'),
        coupon('c2', '2026-12-01'),
        coupon('c3', '2026-12-02', { seller: 's2' }),
        coupon('c4', '2026-12-02', { recipient: 'b2' }),
      ],
      policy: compensation(60),
    });
    expect(p.compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${AB}`, expires: '2027-01-01', windows: [both] },
      { buyer: 'b2', store: 's1', couponId: `compensation~s1~b2~${AB}`, expires: '2027-01-01', windows: [both] },
      { buyer: 'b1', store: 's2', couponId: `compensation~s2~b1~${AB}`, expires: '2027-01-01', windows: [both] },
    ]);
    expect(p.extend.map((e) => [e.couponId, e.windows])).toEqual([
      ['c1', [both]],
      ['c3', [both]],
      ['c4', [both]],
    ]);
    expect(p.reissue.map((e) => [e.couponId, e.newCouponId, e.windows])).toEqual([['c2', `c2~reissue~${AB}`, [both]]]);
  });

  it('is given once per buyer and store per plan even across windows, when one of them was long enough', () => {
    // long (3 hours) reaches q, expiring 20 November; middle (30 minutes) only r, of another buyer; short (30 minutes) only p.
    const long = inc('long', '2026-11-20T10:00:00Z', '2026-11-20T13:00:00Z');
    const middle = inc('middle', '2026-11-25T10:00:00Z', '2026-11-25T10:30:00Z');
    const short = inc('short', '2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z');
    const input: OutageInput = {
      at,
      incidents: [short, middle, long],
      coupons: [coupon('p', '2026-12-02'), coupon('q', '2026-11-20'), coupon('r', '2026-11-25', { recipient: 'b2' })],
      policy: compensation(120),
    };
    const p = plan(input);
    expect(p.extend).toEqual([{ couponId: 'p', from: '2026-12-02', to: '2026-12-03', windows: [W('short')] }]);
    expect(p.reissue).toEqual([
      { couponId: 'q', newCouponId: `q~reissue~${W('long')}`, expires: '2026-12-03', windows: [W('long')] },
      { couponId: 'r', newCouponId: `r~reissue~${W('middle')}`, expires: '2026-12-03', windows: [W('middle')] },
    ]);
    // b1 gets one coupon for both windows (not a run: the middle window is not theirs); b2's only window was too short
    expect(p.compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${W('long')}`, expires: '2027-01-01', windows: [W('long'), W('short')] },
    ]);
    expect(p.notices.map((n) => [n.buyer, n.items.map((item) => `${item.type} ${item.couponId}`)])).toEqual([
      ['b1', [`compensated compensation~s1~b1~${W('long')}`, 'extended p', 'reissued q']],
      ['b2', ['reissued r']],
    ]);
    // not due at all when no window of theirs was long enough
    expect(plan({ ...input, policy: compensation(181) }).compensate).toEqual([]);
  });

  it('is given again by a later plan, for later windows', () => {
    const first: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-02')], policy: compensation(60) };
    const after = apply(first);
    expect(after.map((c) => c.id)).toEqual(['c', `compensation~s1~b1~${I}`]);
    // a new three-hour outage reaches the coupon, now expiring 3 December, in its grace day
    const next = inc('inc-2', '2026-12-02T09:00:00Z', '2026-12-02T12:00:00Z');
    const p = plan({ ...first, at: '2026-12-02T13:00:00Z', incidents: [incident, next], coupons: after });
    expect(p.extend).toEqual([{ couponId: 'c', from: '2026-12-03', to: '2026-12-04', windows: [W('inc-2')] }]);
    expect(p.compensate).toEqual([{ buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${W('inc-2')}`, expires: '2027-01-01', windows: [W('inc-2')] }]);
  });

  it('stays idempotent with compensation across windows, and a later window does not reach a coupon it never touched', () => {
    const input: OutageInput = {
      at: '2026-12-05T12:00:00Z',
      incidents: [
        { id: 'inc-1', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' },
        { id: 'inc-2', start: '2026-12-05T09:00:00Z', end: '2026-12-05T10:00:00Z' },
      ],
      coupons: [coupon('c1', '2026-12-01')],
      policy: { compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 0, minOutageMinutes: 0 } },
    };
    const first = plan(input);
    const w1 = first.windows[0]?.id ?? '';
    expect(first.reissue).toEqual([{ couponId: 'c1', newCouponId: `c1~reissue~${w1}`, expires: '2026-12-06', windows: [w1] }]);
    expect(first.compensate.map((c) => c.windows)).toEqual([[w1]]);
    expect(plan({ ...input, coupons: apply(input, first) })).toEqual({
      windows: first.windows,
      extend: [],
      reissue: [],
      honor: [],
      compensate: [],
      notices: [],
    });
  });

  it('is listed by its id, not by the coupon that earned it', () => {
    const p = plan({
      at,
      incidents: [incident],
      coupons: [coupon('a', '2026-12-02', { recipient: 'b2' }), coupon('b', '2026-12-02')],
      policy: compensation(60),
    });
    expect(p.compensate.map((e) => e.couponId)).toEqual([`compensation~s1~b1~${I}`, `compensation~s1~b2~${I}`]);
  });

  it('is due to a buyer whose attempt was honored', () => {
    const p = plan({
      at,
      incidents: [incident],
      coupons: [coupon('h', '2026-12-20')],
      attempts: [attempt('h', 'o1', '2026-12-01T11:00:00Z')],
      policy: compensation(60),
    });
    expect(p.compensate).toEqual([{ buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${I}`, expires: '2027-01-01', windows: [I] }]);
  });

  it('is valid until today in the store zone plus validDays', () => {
    // 20:00Z on 2 December is already 3 December in Tokyo
    const late = '2026-12-02T20:00:00Z';
    const p = (timeZone: string) =>
      plan({ at: late, incidents: [incident], coupons: [coupon('c', '2026-12-02', { timeZone })], policy: compensation(60, 0) }).compensate.map(
        (e) => e.expires,
      );
    expect(p('UTC')).toEqual(['2026-12-02']);
    expect(p('Asia/Tokyo')).toEqual(['2026-12-03']);
  });

  it('is not given twice: a compensating coupon already among the coupons counts', () => {
    const given = coupon(`compensation~s1~b1~${I}`, '2027-01-01', { terms: { type: 'fixed', amount: '2.00' }, remedies: ['inc-1'] });
    const p = plan({ at, incidents: [incident], coupons: [given, coupon('late-comer', '2026-12-02')], policy: compensation(60) });
    expect(p.extend.map((e) => e.couponId)).toEqual(['late-comer']);
    expect(p.compensate).toEqual([]);
  });

  it("gets the time zone of the buyer's coupon from that store when applied, and records the windows that could make it look affected", () => {
    const input: OutageInput = {
      at,
      incidents: [incident],
      coupons: [coupon('other-store', '2026-12-31', { seller: 's2', timeZone: 'Asia/Tokyo' }), coupon('c', '2026-12-02', { timeZone: 'Europe/Berlin' })],
      policy: compensation(60),
    };
    expect(apply(input).find((c) => c.id === `compensation~s1~b1~${I}`)).toEqual({
      id: `compensation~s1~b1~${I}`,
      seller: 's1',
      recipient: 'b1',
      expires: '2027-01-01',
      timeZone: 'Europe/Berlin',
      terms: { type: 'fixed', amount: '2.00' },
      events: [],
      remedies: [], // it expires on 1 January: the window ended long before 31 December began
    });
    // valid until today (2 December): the window ended after 1 December began, so it is recorded and the coupon is left alone
    const today = apply({ ...input, policy: compensation(60, 0) }).find((c) => c.id === `compensation~s1~b1~${I}`);
    expect(today).toMatchObject({ expires: '2026-12-02', remedies: ['inc-1'] });
    expect(plan({ ...input, policy: compensation(60, 0), coupons: apply({ ...input, policy: compensation(60, 0) }) }).extend).toEqual([]);
  });
});

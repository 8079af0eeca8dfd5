import { describe, expect, it } from 'vitest';
import { answerWireRequest, type OutageInput, planOutageRemedies } from '../../src/index.js';
import { codePathsOf, unwrap } from '../helpers.js';
import { coupon, inc, W } from './fixtures.js';

// "Each retailer has its own policy": extension, reissue, honoring and compensation are each switchable;
// "loyalty program members may receive priority notifications or extended access to discounts during outages".

const at = '2026-12-02T08:00:00Z';
const incidents = [inc('i', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z')];
const order = {
  currency: 'USD',
  lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }],
  buyer: 'b1',
  store: 's1',
  newOrder: true,
  hasCoupon: false,
};
const input = (extra: Partial<OutageInput> = {}): OutageInput => ({
  at,
  incidents,
  // r: expired now (reissue); e: open, expiring in the grace day (extend); h: tried during the window (honor)
  coupons: [coupon('r', '2026-12-01'), coupon('e', '2026-12-02'), coupon('h', '2026-12-20')],
  attempts: [{ couponId: 'h', orderId: 'o1', at: '2026-12-01T11:00:00Z', order }],
  ...extra,
});
const plan = (extra: Partial<OutageInput> = {}) => unwrap(planOutageRemedies(input(extra)));
const kinds = (p: ReturnType<typeof plan>) => ({
  extend: p.extend.map((e) => e.couponId),
  reissue: p.reissue.map((e) => e.couponId),
  honor: p.honor.map((e) => e.couponId),
});

describe("each remedy is the shop's to grant", () => {
  it('grants all of them by default', () => {
    expect(kinds(plan())).toEqual({ extend: ['e'], reissue: ['r'], honor: ['h'] });
  });

  it('leaves out the remedies the policy switches off, each on its own', () => {
    expect(kinds(plan({ policy: { extend: false } }))).toEqual({ extend: [], reissue: ['r'], honor: ['h'] });
    expect(kinds(plan({ policy: { reissue: false } }))).toEqual({ extend: ['e'], reissue: [], honor: ['h'] });
    // Not honored, the coupon is an open one like the others: its expiry is not near the window, so it gets nothing.
    expect(kinds(plan({ policy: { honor: false } }))).toEqual({ extend: ['e'], reissue: ['r'], honor: [] });
    expect(kinds(plan({ policy: { extend: false, reissue: false, honor: false } }))).toEqual({ extend: [], reissue: [], honor: [] });
  });

  it('owes no notice and no compensation for a remedy it does not grant', () => {
    const p = plan({
      policy: { extend: false, reissue: false, honor: false, compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 30, minOutageMinutes: 0 } },
    });
    expect([p.notices, p.compensate]).toEqual([[], []]);
  });

  it('refuses a switch that is not true or false', () => {
    expect(planOutageRemedies({ ...input(), policy: { extend: 'no' as unknown as boolean } })).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_TYPE', path: 'policy.extend', message: 'expected true or false, got the string "no"' }],
    });
  });
});

describe('loyalty members', () => {
  const members = (ids: string[]) => ({ loyaltyMembers: ids, policy: { loyalty: { extraGraceDays: 3 } } });
  it('get the extra days on an extension or a reissue', () => {
    const coupons = [
      coupon('r', '2026-12-01', { recipient: 'gold' }),
      coupon('e', '2026-12-02', { recipient: 'gold' }),
      coupon('x', '2026-12-02', { recipient: 'b2' }),
    ];
    const p = plan({ coupons, attempts: [], ...members(['gold']) });
    expect(p.extend).toEqual([
      { couponId: 'e', from: '2026-12-02', to: '2026-12-06', windows: [W('i')] },
      { couponId: 'x', from: '2026-12-02', to: '2026-12-03', windows: [W('i')] },
    ]);
    expect(p.reissue.map((e) => [e.couponId, e.expires])).toEqual([['r', '2026-12-06']]);
  });

  it('are notified first, their notices marked priority', () => {
    const coupons = [coupon('a', '2026-12-02', { recipient: 'anna' }), coupon('z', '2026-12-02', { recipient: 'zoe' })];
    const p = plan({ coupons, attempts: [], ...members(['zoe']) });
    expect(p.notices.map((n) => [n.buyer, n.priority])).toEqual([
      ['zoe', true],
      ['anna', false],
    ]);
    expect(plan({ coupons, attempts: [] }).notices.map((n) => [n.buyer, n.priority])).toEqual([
      ['anna', false],
      ['zoe', false],
    ]);
  });

  it('are named by non-empty ids, and the extra days are 0 to 3650', () => {
    const r = planOutageRemedies({ ...input(), loyaltyMembers: [''], policy: { loyalty: { extraGraceDays: -1 } } });
    expect(codePathsOf(r)).toEqual(['INVALID_POLICY@policy.loyalty.extraGraceDays', 'EMPTY_STRING@loyaltyMembers.0']);
  });

  it('are part of the wire request, and the answer marks priority notices', () => {
    const answer = answerWireRequest({ op: 'outage-plan', ...input({ attempts: [] }), ...members(['b1']) }) as {
      ok: boolean;
      result: { notices: { priority: boolean }[] };
    };
    expect(answer.ok && answer.result.notices.map((n) => n.priority)).toEqual([true]);
  });
});

import { describe, expect, it } from 'vitest';
import { answerWireRequest, type CouponRecord, type Incident, type OutageInput } from '../../src/index.js';
import { apply, compensation, coupon, inc, plan, W } from './fixtures.js';

// Rule 9 of docs/outages.md: every remedy names the windows it answers, a window id or "first..last" for two or more
// consecutive windows of the plan's list, so that an answer stays within a small multiple of its request.
const at = '2026-12-02T08:00:00Z';
// An earlier window that touches no coupon below, then three windows on 1 December.
const incidents = [
  inc('d', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z'),
  inc('a', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
  inc('b', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z'),
  inc('c', '2026-12-01T18:00:00Z', '2026-12-01T19:00:00Z'),
];
const [A, B, C] = [W('a'), W('b'), W('c')];

describe('naming windows (rule 9)', () => {
  it('names three consecutive windows that affect a coupon as one "first..last" range', () => {
    // expiring 1 December (UTC), valid until 2 December 00:00Z: after a, b and c began; expiring 2 December: their grace day
    const p = plan({ at, incidents, coupons: [coupon('r', '2026-12-01'), coupon('e', '2026-12-02')] });
    expect(p.windows.map((w) => w.id)).toEqual([W('d'), A, B, C]);
    expect(p.extend).toEqual([{ couponId: 'e', from: '2026-12-02', to: '2026-12-03', windows: [`${A}..${C}`] }]);
    expect(p.reissue).toEqual([{ couponId: 'r', newCouponId: `r~reissue~${A}`, expires: '2026-12-03', windows: [`${A}..${C}`] }]);
    expect(p.notices).toEqual([
      {
        buyer: 'b1',
        priority: false,
        items: [
          { type: 'extended', couponId: 'e', from: '2026-12-02', to: '2026-12-03', windows: [`${A}..${C}`] },
          { type: 'reissued', couponId: 'r', newCouponId: `r~reissue~${A}`, expires: '2026-12-03', windows: [`${A}..${C}`] },
        ],
      },
    ]);
    // applied, each window of the range is recorded by its incident
    expect(apply({ at, incidents, coupons: [coupon('e', '2026-12-02')] })[0]).toMatchObject({
      events: [{ type: 'extended', incidents: ['a', 'b', 'c'] }],
      remedies: ['a', 'b', 'c'],
    });
  });

  it('names the windows on either side of one already answered as two entries', () => {
    const p = plan({ at, incidents, coupons: [coupon('r', '2026-12-01', { remedies: ['b'] }), coupon('e', '2026-12-02', { remedies: [B] })] });
    expect(p.extend).toEqual([{ couponId: 'e', from: '2026-12-02', to: '2026-12-03', windows: [A, C] }]);
    expect(p.reissue).toEqual([{ couponId: 'r', newCouponId: `r~reissue~${A}`, expires: '2026-12-03', windows: [A, C] }]);
    // the reissue id follows the first window answered
    expect(plan({ at, incidents, coupons: [coupon('r', '2026-12-01', { remedies: ['a'] })] }).reissue).toEqual([
      { couponId: 'r', newCouponId: `r~reissue~${B}`, expires: '2026-12-03', windows: [`${B}..${C}`] },
    ]);
    expect(apply({ at, incidents, coupons: [coupon('e', '2026-12-02', { remedies: ['b'] })] })[0]).toMatchObject({ remedies: ['b', 'a', 'c'] });
  });

  it("names the union of the windows of a buyer's remedies in their compensation, as ranges", () => {
    // x answers a only, y answers c only: two entries; z answers b, and the three make one range
    const coupons = [coupon('x', '2026-12-02', { remedies: ['b', 'c'] }), coupon('y', '2026-12-02', { remedies: ['a', 'b'] })];
    const z = coupon('z', '2026-12-02', { remedies: ['a', 'c'] });
    expect(plan({ at, incidents, coupons, policy: compensation(60) }).compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${A}`, expires: '2027-01-01', windows: [A, C] },
    ]);
    expect(plan({ at, incidents, coupons: [...coupons, z], policy: compensation(60) }).compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${A}`, expires: '2027-01-01', windows: [`${A}..${C}`] },
    ]);
  });

  it('names a window merged from 3,000 incidents once by its id in each remedy of 300 coupons; the answer stays below 3 times the request', () => {
    // 3,000 two-minute incidents a minute apart: one window from 30 November 00:00Z to 2 December 02:01Z
    const start = Date.parse('2026-11-30T00:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const many: Incident[] = Array.from({ length: 3000 }, (_, k) =>
      inc(`incident-${String(k).padStart(4, '0')}`, iso(start + k * 60_000), iso(start + (k + 2) * 60_000)),
    );
    // expiring 30 November to 3 December (the grace day): all affected, some expired by now, some open
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'];
    const coupons: CouponRecord[] = Array.from({ length: 300 }, (_, k) =>
      coupon(`coupon-${String(k).padStart(3, '0')}`, days[k % 4] ?? '', { recipient: `buyer-${String(k % 30)}` }),
    );
    const input: OutageInput = { at: '2026-12-02T12:00:00Z', incidents: [...many].reverse(), coupons, policy: compensation(60) };
    const p = plan(input);
    const id = W(...many.map((i) => i.id));
    expect(p.windows).toEqual([{ id, start: '2026-11-30T00:00:00.000Z', end: '2026-12-02T02:01:00.000Z', incidents: many.map((i) => i.id) }]);
    expect(p.extend.length + p.reissue.length).toBe(300);
    expect(p.compensate).toHaveLength(30);
    const entries = [...p.extend, ...p.reissue, ...p.compensate, ...p.notices.flatMap((n) => n.items)];
    for (const e of entries) expect(e.windows).toEqual([id]);
    for (const e of p.reissue) expect(e.newCouponId).toBe(`${e.couponId}~reissue~${id}`);
    const request = { op: 'outage-plan', ...input };
    const answer = answerWireRequest(request);
    expect(answer).toEqual({ ok: true, result: p });
    expect(JSON.stringify(answer).length).toBeLessThan(3 * JSON.stringify(request).length);
  });
});

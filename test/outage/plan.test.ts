import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOutagePlan,
  type CouponRecord,
  couponState,
  mergeIncidents,
  type OutageInput,
  type OutagePlan,
  planOutageRemedies,
  type RedemptionAttempt,
} from '../../src/index.js';
import { outageInputArb } from '../../src/testing/index.js';
import { codePathsOf } from '../helpers.js';
import { EMPTY, plan, W, windowOf } from './fixtures.js';

const coupon = (id: string, expires: string, extra: Partial<CouponRecord> = {}): CouponRecord => ({
  id,
  seller: 's1',
  recipient: 'b1',
  expires,
  timeZone: 'Europe/Berlin',
  terms: { type: 'percent', percent: '10' },
  events: [],
  ...extra,
});
// 23:30 to 02:30 in Berlin: spans local midnight.
const midnight = { id: 'inc-1', start: '2026-12-01T22:30:00Z', end: '2026-12-02T01:30:00Z' };
// Its window, by the id docs/outages.md gives for it.
const W1 = 'w-f3eaf40f811f88bbc313a24833369561';
const onlyWindow = { ...EMPTY, windows: [windowOf(midnight)] };
const attempt = (couponId: string, at: string, extra: Partial<RedemptionAttempt['order']> = {}): RedemptionAttempt => ({
  couponId,
  orderId: `o-${couponId}-${at}`,
  at,
  order: {
    currency: 'EUR',
    lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
    buyer: 'b1',
    store: 's1',
    newOrder: true,
    hasCoupon: false,
    ...extra,
  },
});

describe('outage windows', () => {
  it('merges overlapping and touching incidents, carrying every id', () => {
    expect(
      mergeIncidents([
        { id: 'c', start: '2026-12-01T14:00:00Z', end: '2026-12-01T15:00:00Z' },
        { id: 'b', start: '2026-12-01T12:00:00Z', end: '2026-12-01T14:00:00Z' },
        { id: 'a', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:30:00Z' },
        { id: 'd', start: '2026-12-01T15:00:00.001Z', end: '2026-12-01T16:00:00Z' },
      ]),
    ).toEqual([
      { id: W('a', 'b', 'c'), start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T15:00:00.000Z', incidents: ['a', 'b', 'c'] },
      { id: W('d'), start: '2026-12-01T15:00:00.001Z', end: '2026-12-01T16:00:00.000Z', incidents: ['d'] },
    ]);
  });

  it('are listed once in the plan, in time order, with their ids', () => {
    const early = { id: 'inc-0', start: '2026-11-30T10:00:00Z', end: '2026-11-30T11:00:00Z' };
    expect(plan({ at: '2026-12-02T08:00:00Z', incidents: [midnight, early], coupons: [] }).windows).toEqual([
      { id: W('inc-0'), start: '2026-11-30T10:00:00.000Z', end: '2026-11-30T11:00:00.000Z', incidents: ['inc-0'] },
      { id: W1, start: '2026-12-01T22:30:00.000Z', end: '2026-12-02T01:30:00.000Z', incidents: ['inc-1'] },
    ]);
    expect(W('inc-1')).toBe(W1);
  });
});

describe('extend and reissue', () => {
  const input: OutageInput = {
    at: '2026-12-02T08:00:00Z',
    incidents: [midnight],
    coupons: [
      coupon('expired-in-window', '2026-12-01'), // validity ended 23:00Z, inside the window
      coupon('grace-day', '2026-12-03'), // expires on the grace day after the window (2 December local + 1)
      coupon('after-grace', '2026-12-04'),
      coupon('before', '2026-11-30'), // ended before the window started
      coupon('utc-midnight', '2026-12-01', { timeZone: 'UTC' }),
    ],
  };

  it('reissues a coupon whose validity ended in the window and is expired now, under a deterministic id', () => {
    expect(plan(input).reissue).toEqual([
      { couponId: 'expired-in-window', newCouponId: `expired-in-window~reissue~${W1}`, expires: '2026-12-03', windows: [W1] },
      { couponId: 'utc-midnight', newCouponId: `utc-midnight~reissue~${W1}`, expires: '2026-12-03', windows: [W1] },
    ]);
  });

  it('extends a coupon still open now that expires within the grace days, and leaves the others alone', () => {
    expect(plan(input).extend).toEqual([{ couponId: 'grace-day', from: '2026-12-03', to: '2026-12-04', windows: [W1] }]);
    const touched = new Set([...plan(input).extend, ...plan(input).reissue].map((e) => e.couponId));
    expect(touched.has('after-grace') || touched.has('before')).toBe(false);
  });

  it('extends by the window length rounded up to whole days, or by policy days', () => {
    const long = { id: 'long', start: '2026-12-01T00:00:00Z', end: '2026-12-03T01:00:00Z' }; // 2 days 1 hour → 3 days
    const c = coupon('c', '2026-12-02');
    expect(plan({ at: '2026-12-02T12:00:00Z', incidents: [long], coupons: [c] }).extend).toEqual([
      { couponId: 'c', from: '2026-12-02', to: '2026-12-05', windows: [W('long')] },
    ]);
    expect(plan({ at: '2026-12-02T12:00:00Z', incidents: [long], coupons: [c], policy: { extension: { days: 7 } } }).extend[0]?.to).toBe('2026-12-09');
    // never earlier than the local date of the later of window end and now, plus grace
    expect(plan({ at: '2026-12-20T12:00:00Z', incidents: [long], coupons: [c] }).reissue[0]?.expires).toBe('2026-12-21');
  });

  it('writes one notice per buyer, saying what was done and why', () => {
    const p = plan({ ...input, coupons: [...input.coupons, coupon('other', '2026-12-02', { recipient: 'b2' })] });
    expect(p.notices.map((n) => [n.buyer, n.items.map((i) => `${i.type}:${i.couponId}:${i.windows.join()}`)])).toEqual([
      ['b1', [`reissued:expired-in-window:${W1}`, `extended:grace-day:${W1}`, `reissued:utc-midnight:${W1}`]],
      ['b2', [`extended:other:${W1}`]],
    ]);
  });

  it('never remedies redeemed, declined or deleted coupons', () => {
    const p = plan({
      ...input,
      coupons: [
        coupon('redeemed', '2026-12-03', {
          events: [{ type: 'redeemed', at: '2026-11-25T10:00:00Z', orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }],
        }),
        coupon('declined', '2026-12-01', { events: [{ type: 'declined', at: '2026-11-25T10:00:00Z' }] }),
        coupon('deleted', '2026-12-01', { events: [{ type: 'deleted', at: '2026-12-02T05:00:00Z' }] }),
      ],
    });
    expect(p).toEqual(onlyWindow);
  });
});

describe('honoring failed redemptions', () => {
  const c = coupon('c1', '2026-12-01');
  const base: OutageInput = { at: '2026-12-02T08:00:00Z', incidents: [midnight], coupons: [c] };

  it('honors the earliest failed attempt during the window, with the credit the quote computes', () => {
    const p = plan({ ...base, attempts: [attempt('c1', '2026-12-01T22:50:00Z'), attempt('c1', '2026-12-01T22:40:00Z')] });
    expect(p.honor).toEqual([{ couponId: 'c1', orderId: 'o-c1-2026-12-01T22:40:00Z', couponCredit: '2.50', windows: [W1] }]);
    expect(p.reissue).toEqual([]); // an honored coupon is neither extended nor reissued
    expect(p.notices).toEqual([
      { buyer: 'b1', priority: false, items: [{ type: 'honored', couponId: 'c1', orderId: 'o-c1-2026-12-01T22:40:00Z', couponCredit: '2.50', windows: [W1] }] },
    ]);
  });

  it('does not honor an attempt one second after the incident ended, nor one that broke a redeem guard', () => {
    const late = coupon('late', '2026-12-05');
    expect(plan({ ...base, coupons: [late], attempts: [attempt('late', '2026-12-02T01:30:01Z')] }).honor).toEqual([]);
    expect(plan({ ...base, coupons: [late], attempts: [attempt('late', '2026-12-02T01:29:59Z')] }).honor).toHaveLength(1);
    for (const bad of [{ buyer: 'b9' }, { store: 's9' }, { newOrder: false }, { hasCoupon: true }]) {
      expect(plan({ ...base, attempts: [attempt('c1', '2026-12-01T22:40:00Z', bad)] }).honor).toEqual([]);
    }
    // the coupon was no longer valid at the attempt (its validity ended at 23:00Z)
    expect(plan({ ...base, attempts: [attempt('c1', '2026-12-01T23:10:00Z')] }).honor).toEqual([]);
  });

  it('does not honor a coupon redeemed since', () => {
    const redeemed = coupon('c1', '2026-12-05', {
      events: [{ type: 'redeemed', at: '2026-12-02T07:00:00Z', orderId: 'o2', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }],
    });
    expect(plan({ ...base, coupons: [redeemed], attempts: [attempt('c1', '2026-12-01T22:40:00Z')] })).toEqual(onlyWindow);
  });
});

describe('compensation', () => {
  it('adds at most one coupon per buyer and store, for buyers who got a remedy, if the outage was long enough', () => {
    const input: OutageInput = {
      at: '2026-12-02T08:00:00Z',
      incidents: [midnight],
      coupons: [coupon('a', '2026-12-01'), coupon('b', '2026-12-02'), coupon('c', '2026-12-02', { recipient: 'b2', seller: 's2' })],
      policy: { compensation: { terms: { type: 'fixed', amount: '2.00' }, validDays: 30, minOutageMinutes: 60 } },
    };
    expect(plan(input).compensate).toEqual([
      { buyer: 'b1', store: 's1', couponId: `compensation~s1~b1~${W1}`, expires: '2027-01-01', windows: [W1] },
      { buyer: 'b2', store: 's2', couponId: `compensation~s2~b2~${W1}`, expires: '2027-01-01', windows: [W1] },
    ]);
    expect(plan({ ...input, policy: { compensation: { terms: { type: 'fixed', amount: '2.00' }, validDays: 30, minOutageMinutes: 181 } } }).compensate).toEqual(
      [],
    );
  });
});

describe('idempotence and the lifecycle', () => {
  it('plans nothing once its plan is applied, and the lifecycle fold understands the remedies', () => {
    const input: OutageInput = {
      at: '2026-12-02T08:00:00Z',
      incidents: [midnight],
      coupons: [coupon('a', '2026-12-01'), coupon('b', '2026-12-02'), coupon('h', '2026-12-01')],
      attempts: [attempt('h', '2026-12-01T22:45:00Z')],
      policy: { compensation: { terms: { type: 'fixed', amount: '2.00' }, validDays: 30, minOutageMinutes: 60 } },
    };
    const first = plan(input);
    const applied = applyOutagePlan(input, first);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(plan({ ...input, coupons: applied.value })).toEqual(onlyWindow);
    const byId = new Map(applied.value.map((c) => [c.id, c]));
    const state = (id: string) => {
      const c = byId.get(id);
      const r = c && couponState(c, '2026-12-02T09:00:00Z');
      return r?.ok ? [r.value.status, r.value.expires] : r;
    };
    expect(state('b')).toEqual(['open', '2026-12-03']);
    expect(state('a')).toEqual(['expired', '2026-12-01']);
    expect(state(`a~reissue~${W1}`)).toEqual(['open', '2026-12-03']);
    expect(state('h')).toEqual(['redeemed', '2026-12-01']);
    expect(state(`compensation~s1~b1~${W1}`)).toEqual(['open', '2027-01-01']);
    // the remedies record the window by its first incident id
    expect([...byId.values()].map((c) => [c.id, c.remedies])).toEqual([
      ['a', ['inc-1']],
      ['b', ['inc-1']],
      ['h', ['inc-1']],
      [`a~reissue~${W1}`, ['inc-1']],
      [`compensation~s1~b1~${W1}`, []],
    ]);
  });

  it('refuses an extension that would shorten the expiry, in the lifecycle fold', () => {
    const r = couponState(
      coupon('x', '2026-12-10', { events: [{ type: 'extended', at: '2026-12-02T00:00:00Z', expires: '2026-12-09', incidents: ['i'] }] }),
      '2026-12-03T00:00:00Z',
    );
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'EXPIRATION_SHORTENED', path: 'events.0.expires' }] });
  });

  it('reports bad input with paths', () => {
    const r = planOutageRemedies({
      at: '2026-12-02T08:00:00Z',
      incidents: [midnight, { id: 'inc-1', start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' }],
      coupons: [coupon('a', '2026-12-01')],
      attempts: [attempt('zz', '2026-12-03T00:00:00Z')],
    });
    expect(codePathsOf(r)).toEqual([
      'DUPLICATE_INCIDENT_ID@incidents.1.id',
      'INVALID_INCIDENT@incidents.1',
      'ATTEMPT_AFTER_NOW@attempts.0.at',
      'UNKNOWN_COUPON@attempts.0.couponId',
    ]);
  });
});

// Properties over generated outages, from the generator coupon-rules/testing ships.
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const outageArb = outageInputArb();

describe('outage planner properties', () => {
  it('is idempotent: apply, plan again at the same instant → no remedy, the same windows', () => {
    fc.assert(
      fc.property(outageArb, (input) => {
        const p = plan(input);
        const applied = applyOutagePlan(input, p);
        expect(applied.ok).toBe(true);
        if (applied.ok) expect(plan({ ...input, coupons: applied.value })).toEqual({ ...EMPTY, windows: p.windows });
      }),
    );
  });

  it('lists the windows mergeIncidents gives, and names them in every remedy as ascending, separate runs of the list', () => {
    const WINDOW_ID = /^w-[0-9a-f]{32}$/u;
    fc.assert(
      fc.property(outageArb, (input) => {
        const p = plan(input);
        expect(p.windows).toEqual(mergeIncidents(input.incidents));
        const index = new Map(p.windows.map((w, i) => [w.id, i]));
        for (const w of p.windows) expect(w.id).toMatch(WINDOW_ID);
        const entries = [...p.extend, ...p.reissue, ...p.honor, ...p.compensate, ...p.notices.flatMap((n) => n.items)];
        for (const e of entries) {
          expect(e.windows.length).toBeGreaterThan(0);
          let next = 0; // the first window the next run may start at: runs ascend and neither overlap nor touch
          for (const ref of e.windows) {
            const [first = '', last = first, ...more] = ref.split('..');
            expect(more).toEqual([]);
            const from = index.get(first) ?? -1;
            const to = index.get(last) ?? -1;
            expect(from).toBeGreaterThanOrEqual(next);
            expect(ref.includes('..') ? to > from : to === from).toBe(true);
            next = to + 2;
          }
        }
        for (const h of p.honor) expect(h.windows).toHaveLength(1);
      }),
    );
  });

  it('never shortens an expiry, and never remedies redeemed, declined or deleted coupons', () => {
    fc.assert(
      fc.property(outageArb, (input) => {
        const p = plan(input);
        const byId = new Map(input.coupons.map((c) => [c.id, c]));
        for (const e of p.extend) expect(e.to > e.from).toBe(true);
        for (const e of p.reissue) expect(e.expires > (byId.get(e.couponId)?.expires ?? '')).toBe(true);
        for (const id of [...p.extend, ...p.reissue, ...p.honor].map((e) => e.couponId)) expect(byId.get(id)?.events).toEqual([]);
      }),
    );
  });

  it('touches no coupon when no window reaches it', () => {
    fc.assert(
      fc.property(outageArb, (input) => {
        expect(plan({ ...input, incidents: [] })).toEqual(EMPTY);
        const p = plan(input);
        const firstStart = Math.min(...input.incidents.map((i) => Date.parse(String(i.start))));
        for (const e of [...p.extend, ...p.reissue]) {
          const c = input.coupons.find((x) => x.id === e.couponId);
          expect(c && Date.parse(`${c.expires}T00:00:00Z`) + 38 * HOUR > firstStart).toBe(true); // validity ended after the first window began
        }
      }),
    );
  });

  it('changes nothing when a window is split into touching incidents (up to window ids)', () => {
    fc.assert(
      fc.property(outageArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (input, cut) => {
        fc.pre(input.incidents.length > 0);
        const [first, ...rest] = input.incidents;
        if (!first) return;
        const s = Date.parse(String(first.start));
        const e = Date.parse(String(first.end));
        const mid = s + Math.floor((Math.min(e, Date.parse(String(input.at))) - s) * cut); // no incident starts after the planning instant
        fc.pre(mid > s && mid < e);
        const split = { ...input, incidents: [{ id: 'x1', start: first.start, end: iso(mid) }, { id: 'x2', start: iso(mid), end: first.end }, ...rest] };
        // The split window's incidents, and so its id, differ: name every window by its place in the plan's list.
        const byPlace = (p: OutagePlan) => {
          const place = new Map(p.windows.map((w, i) => [w.id, `#${String(i)}`]));
          const { windows, ...remedies } = p;
          return { windows: windows.map((w) => [w.start, w.end]), remedies: JSON.stringify(remedies).replace(/w-[0-9a-f]{32}/gu, (id) => place.get(id) ?? id) };
        };
        expect(byPlace(plan(split))).toEqual(byPlace(plan(input)));
      }),
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        outageArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.incidents], { minLength: input.incidents.length }),
            fc.shuffledSubarray([...input.coupons], { minLength: input.coupons.length }),
            fc.shuffledSubarray([...(input.attempts ?? [])], { minLength: input.attempts?.length ?? 0 }),
          ),
        ),
        ([input, incidents, coupons, attempts]) => {
          expect(plan({ ...input, incidents, coupons, attempts })).toEqual(plan(input));
        },
      ),
    );
  });
});

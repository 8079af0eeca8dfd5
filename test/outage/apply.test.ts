import { describe, expect, it } from 'vitest';
import { applyOutagePlan, type OutageInput, type OutagePlan, planOutageRemedies } from '../../src/index.js';
import { err, errorsOf } from '../helpers.js';
import { apply, APPLYING, compensation, coupon, EMPTY, inc, plan, W, windowOf } from './fixtures.js';

// Applying a plan (rule 10 and "Applying part of a plan" in docs/outages.md): the entries given, each one the planner
// gives on that input, recorded one incident id per window; a malformed plan is an error result, never a throw.
const { incident, I, at, AT_UTC, order } = APPLYING;
// One of each: h honored, e extended, r reissued, and compensation for b1 in s1.
const input: OutageInput = {
  at,
  incidents: [incident],
  policy: compensation(60),
  coupons: [coupon('h', '2026-12-20'), coupon('e', '2026-12-02'), coupon('r', '2026-12-01')],
  attempts: [{ couponId: 'h', orderId: 'o1', at: '2026-12-01T11:00:00Z', order }],
};
/** The errors of applying a plan to that input: `[]` when it applies. */
const applyErrors = (p: unknown) => errorsOf(applyOutagePlan(input, p as OutagePlan));
const unknown = (list: string, i: number, couponId: string) =>
  err(
    'UNKNOWN_REMEDY',
    `plan.${list}.${String(i)}.couponId`,
    `the planner gives no "${list}" remedy for coupon "${couponId.slice(0, 40)}" on this input`, // clipped to 40 characters
  );

describe('applyOutagePlan', () => {
  it('applies a plan under a policy without compensation', () => {
    const simple: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-02')], policy: { graceDays: 1 } };
    expect(apply(simple)).toEqual([
      { ...coupon('c', '2026-12-02'), events: [{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['inc-1'] }], remedies: ['inc-1'] },
    ]);
  });

  it('records one incident id per window answered, the first of the window in id order, in the event and in remedies', () => {
    // three incidents merge into one window; a second window follows
    const incidents = [
      inc('m2', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
      inc('m3', '2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z'),
      inc('m1', '2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z'),
      inc('n', '2026-12-01T20:00:00Z', '2026-12-01T21:00:00Z'),
    ];
    const two: OutageInput = { at, incidents, coupons: [coupon('c', '2026-12-02', { remedies: ['old'] })] };
    expect(plan(two).extend).toEqual([{ couponId: 'c', from: '2026-12-02', to: '2026-12-03', windows: [`${W('m1', 'm2', 'm3')}..${W('n')}`] }]);
    expect(apply(two)).toEqual([
      { ...coupon('c', '2026-12-02'), events: [{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['m1', 'n'] }], remedies: ['old', 'm1', 'n'] },
    ]);
  });

  it('records the honored attempt, not the first one listed', () => {
    const usd = { ...order, currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }] };
    const late: OutageInput = {
      at: '2026-12-02T00:00:00Z',
      incidents: [{ id: 'inc', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' }],
      coupons: [coupon('c1', '2026-12-20')],
      attempts: [
        { couponId: 'c1', orderId: 'o9', at: '2026-12-01T11:50:00Z', order: usd },
        { couponId: 'c1', orderId: 'o9', at: '2026-12-01T10:30:00Z', order: usd },
      ],
    };
    expect(apply(late)[0]?.events[0]).toMatchObject({ type: 'honored', attemptAt: '2026-12-01T10:30:00.000Z' });
  });

  it('is idempotent: planning again at the same instant gives no remedy, and still lists the windows', () => {
    const p = plan(input);
    expect([p.extend.length, p.reissue.length, p.honor.length, p.compensate.length]).toEqual([1, 1, 1, 1]);
    const again = plan({ ...input, coupons: apply(input) });
    expect(again).toEqual({ ...EMPTY, windows: [windowOf(incident)] });
    expect(again.windows).toEqual(p.windows);
  });

  it('applies only the entries of the plan it is given: the rest can be applied later', () => {
    const p = plan(input);
    const partial = apply(input, { ...p, reissue: [] });
    expect(partial.map((c) => [c.id, c.events.map((e) => e.type), c.remedies])).toEqual([
      ['h', ['honored'], ['inc-1']],
      ['e', ['extended'], ['inc-1']],
      ['r', [], undefined],
      [`compensation~s1~b1~${I}`, [], []],
    ]);
    // what is left is the reissue, and its notice; the buyer's compensation is already among the coupons
    const rest = plan({ ...input, coupons: partial });
    expect(rest).toEqual({
      ...EMPTY,
      windows: p.windows,
      reissue: p.reissue,
      notices: [{ buyer: 'b1', priority: false, items: [{ type: 'reissued', ...p.reissue[0] }] }],
    });
    const byId = (cs: readonly { id: string }[]) => [...cs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(apply({ ...input, coupons: partial }, rest))).toEqual(byId(apply(input)));
    // an empty plan applies nothing
    expect(apply(input, { ...EMPTY })).toEqual(input.coupons);
    expect(apply(input, { extend: [], reissue: [], honor: [], compensate: [] } as unknown as OutagePlan)).toEqual(input.coupons);
  });

  it("applies the planner's remedy for the coupon an entry names, not one edited by hand", () => {
    const p = plan(input);
    const edited = apply(input, { ...EMPTY, extend: [{ couponId: 'e', from: '2026-12-02', to: '2030-01-01', windows: [I] }] });
    expect(edited).toEqual(apply(input, { ...EMPTY, extend: p.extend }));
    expect(edited[1]).toEqual({
      ...coupon('e', '2026-12-02'),
      events: [{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['inc-1'] }],
      remedies: ['inc-1'],
    });
  });

  it('refuses a plan that is not an object with the four lists of remedies, with paths under "plan"', () => {
    expect(applyErrors(null)).toEqual([{ code: 'INVALID_TYPE', path: 'plan', message: 'expected an object, got null' }]);
    expect(applyErrors([])).toEqual([{ code: 'INVALID_TYPE', path: 'plan', message: 'expected an object, got an array' }]);
    expect(applyErrors({})).toEqual([
      { code: 'REQUIRED', path: 'plan.extend', message: '"extend" is required' },
      { code: 'REQUIRED', path: 'plan.reissue', message: '"reissue" is required' },
      { code: 'REQUIRED', path: 'plan.honor', message: '"honor" is required' },
      { code: 'REQUIRED', path: 'plan.compensate', message: '"compensate" is required' },
    ]);
    expect(applyErrors({ ...EMPTY, extend: 'all', costs: 1 })).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'plan.costs', message: 'unknown field "costs"' },
      { code: 'INVALID_TYPE', path: 'plan.extend', message: 'expected an array, got the string "all"' },
    ]);
  });

  it('refuses entries that are not objects with a non-empty coupon id', () => {
    expect(applyErrors({ ...EMPTY, honor: [5, {}, { couponId: '' }, { couponId: 7 }] })).toEqual([
      { code: 'INVALID_TYPE', path: 'plan.honor.0', message: 'expected an object, got number 5' },
      { code: 'REQUIRED', path: 'plan.honor.1.couponId', message: '"couponId" is required' },
      { code: 'EMPTY_STRING', path: 'plan.honor.2.couponId', message: 'must not be empty' },
      { code: 'INVALID_TYPE', path: 'plan.honor.3.couponId', message: 'expected a string, got number 7' },
    ]);
  });

  it('refuses entries the planner does not give for that list on this input (UNKNOWN_REMEDY), and applies none of the plan', () => {
    const p = plan(input);
    // e is extended, not reissued; r is reissued, not extended; ghost is no coupon
    expect(applyErrors({ ...p, extend: [...p.extend, { couponId: 'r', from: '2026-12-01', to: '2026-12-03', windows: [I] }] })).toEqual([
      unknown('extend', 1, 'r'),
    ]);
    expect(applyErrors({ ...p, reissue: [{ couponId: 'e', newCouponId: `e~reissue~${I}`, expires: '2026-12-03', windows: [I] }] })).toEqual([
      unknown('reissue', 0, 'e'),
    ]);
    expect(applyErrors({ ...p, honor: [{ couponId: 'e', orderId: 'o1', couponCredit: '1.00', windows: [I] }] })).toEqual([unknown('honor', 0, 'e')]);
    const ghost = { ...EMPTY, compensate: [{ buyer: 'b9', store: 's1', couponId: `compensation~s1~b9~${I}`, expires: '2027-01-01', windows: [I] }] };
    expect(applyErrors(ghost)).toEqual([unknown('compensate', 0, `compensation~s1~b9~${I}`)]);
    expect(applyErrors({ ...EMPTY, extend: [{ couponId: 'x'.repeat(50) }] })).toEqual([
      { code: 'UNKNOWN_REMEDY', path: 'plan.extend.0.couponId', message: `the planner gives no "extend" remedy for coupon "${'x'.repeat(40)}" on this input` },
    ]);
  });

  it('refuses a hand-made remedy for a coupon the planner leaves alone, or for an input without compensation terms', () => {
    const calm: OutageInput = { at, incidents: [incident], coupons: [coupon('c', '2026-12-20')] };
    expect(applyOutagePlan(calm, { ...EMPTY, honor: [{ couponId: 'c', orderId: 'o1', couponCredit: '1.00', windows: [I] }] })).toEqual({
      ok: false,
      errors: [unknown('honor', 0, 'c')],
    });
    const noTerms = { ...input, policy: {} };
    const p = plan(input);
    expect(applyOutagePlan(noTerms, { ...EMPTY, compensate: p.compensate })).toEqual({
      ok: false,
      errors: [unknown('compensate', 0, `compensation~s1~b1~${I}`)],
    });
  });

  it('never throws on a malformed plan', () => {
    for (const bad of [undefined, 0, 'plan', true, { extend: [null] }, { extend: [[]], reissue: {}, honor: null, compensate: [{ couponId: {} }] }]) {
      const r = applyOutagePlan(input, bad as unknown as OutagePlan);
      expect(r.ok).toBe(false);
    }
  });
});

describe('applying a plan to a coupon with events after the planning instant', () => {
  it('is refused (EVENTS_AFTER_PLAN), since the remedy would land before them and break their time order', () => {
    const input = {
      at: '2026-12-02T08:00:00Z',
      incidents: [{ id: 'inc-1', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' }],
      coupons: [
        {
          id: 'c',
          seller: 's1',
          recipient: 'b1',
          expires: '2026-12-02',
          timeZone: 'UTC',
          terms: { type: 'fixed' as const, amount: '1.00' },
          events: [{ type: 'edited' as const, at: '2026-12-02T09:00:00Z', expires: '2026-12-05' }],
        },
      ],
    };
    const plan = planOutageRemedies(input);
    expect(plan.ok && plan.value.extend.map((e) => e.couponId)).toEqual(['c']);
    if (!plan.ok) return;
    expect(applyOutagePlan(input, plan.value)).toEqual({
      ok: false,
      errors: [
        {
          code: 'EVENTS_AFTER_PLAN',
          path: 'coupons.0.events.0',
          message: 'this coupon has an event later than the planning instant: plan again at a later instant before applying',
        },
      ],
    });
    // Planned again after that event, the remedy applies.
    const later = { ...input, at: '2026-12-02T10:00:00Z' };
    const again = planOutageRemedies(later);
    expect(again.ok && applyOutagePlan(later, again.value).ok).toBe(true);
  });
});

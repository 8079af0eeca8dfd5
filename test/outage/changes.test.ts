import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOutagePlan, type CouponRecord, type OutageInput, type OutagePlan, type OutagePlanChanges, outagePlanChanges } from '../../src/index.js';
import { outageInputArb } from '../../src/testing/index.js';
import { codePathsOf, errorsOf, unwrap } from '../helpers.js';
import { apply, APPLYING, compensation, coupon, EMPTY, plan } from './fixtures.js';

// docs/outages.md, "Applying a plan to an event store": outagePlanChanges gives, per stored coupon, the events to
// append at its expected version and the remedies to add, and the coupons to insert; applied to the stored coupons,
// they give exactly applyOutagePlan's result.
const { incident, I, at, AT_UTC, order } = APPLYING;
// One of each: h honored, e extended (it had an edit before: version 1, and a remedy already), r reissued, and
// compensation for b1 in s1.
const edit = { type: 'edited' as const, at: '2026-11-20T00:00:00Z', terms: { type: 'fixed' as const, amount: '3.00' } };
const input: OutageInput = {
  at,
  incidents: [incident],
  policy: compensation(60),
  coupons: [coupon('h', '2026-12-20'), coupon('e', '2026-12-02', { events: [edit], remedies: ['old'] }), coupon('r', '2026-12-01')],
  attempts: [{ couponId: 'h', orderId: 'o1', at: '2026-12-01T11:00:00Z', order }],
};
const changesOf = (i: OutageInput, p: OutagePlan = plan(i)): OutagePlanChanges => unwrap(outagePlanChanges(i, p));

/**
 * A small event store, as a shop keeps one: per coupon its record and version (the number of its events). An append
 * is refused unless the coupon is at the expected version; an insert is refused when the id is taken (a unique key).
 */
class Store {
  readonly rows = new Map<string, CouponRecord>();
  constructor(coupons: readonly CouponRecord[]) {
    for (const c of coupons) this.rows.set(c.id, c);
  }
  /** Applies the changes in one transaction: all of them, or — when one is refused — none. Returns what was refused. */
  transaction(changes: OutagePlanChanges): string[] {
    const before = new Map(this.rows);
    const refused = this.apply(changes);
    if (refused.length > 0) {
      this.rows.clear();
      for (const [id, c] of before) this.rows.set(id, c);
    }
    return refused;
  }
  /** Applies the changes, each append and insert on its own; returns what was refused. */
  apply(changes: OutagePlanChanges): string[] {
    const refused: string[] = [];
    for (const a of changes.append) {
      const row = this.rows.get(a.couponId);
      if (!row || row.events.length !== a.expectedVersion) refused.push(`append ${a.couponId}`);
      else this.rows.set(a.couponId, { ...row, events: [...row.events, ...a.events], remedies: [...(row.remedies ?? []), ...a.remedies] });
    }
    for (const c of changes.insert) {
      if (this.rows.has(c.id)) refused.push(`insert ${c.id}`);
      else this.rows.set(c.id, c);
    }
    return refused;
  }
  get coupons(): CouponRecord[] {
    return [...this.rows.values()];
  }
}

describe('outagePlanChanges', () => {
  it('gives per stored coupon the events to append at its version and the remedies to add, and the coupons to insert', () => {
    expect(changesOf(input)).toEqual({
      append: [
        {
          couponId: 'e',
          expectedVersion: 1,
          events: [{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['inc-1'] }],
          remedies: ['inc-1'],
        },
        {
          couponId: 'h',
          expectedVersion: 0,
          events: [{ type: 'honored', at: AT_UTC, orderId: 'o1', attemptAt: '2026-12-01T11:00:00.000Z', incidents: ['inc-1'] }],
          remedies: ['inc-1'],
        },
        { couponId: 'r', expectedVersion: 0, events: [], remedies: ['inc-1'] },
      ],
      insert: [
        {
          id: `r~reissue~${I}`,
          seller: 's1',
          recipient: 'b1',
          expires: '2026-12-03',
          timeZone: 'UTC',
          terms: { type: 'percent', percent: '10' },
          events: [],
          remedies: [],
        },
        {
          id: `compensation~s1~b1~${I}`,
          seller: 's1',
          recipient: 'b1',
          expires: '2027-01-01',
          timeZone: 'UTC',
          terms: { type: 'fixed', amount: '2.00' },
          events: [],
          remedies: [],
        },
      ],
    });
  });

  it("applied to the stored coupons, gives applyOutagePlan's result; then the plan and the changes are empty", () => {
    const store = new Store(input.coupons);
    expect(store.apply(changesOf(input))).toEqual([]);
    expect(store.coupons).toEqual(apply(input));
    const again = { ...input, coupons: store.coupons };
    expect(plan(again)).toEqual({ ...EMPTY, windows: plan(input).windows });
    expect(changesOf(again)).toEqual({ append: [], insert: [] });
  });

  it('applied twice in one transaction, is refused whole: appends at a stale version, inserts on the unique key', () => {
    const changes = changesOf(input);
    const store = new Store(input.coupons);
    expect(store.transaction(changes)).toEqual([]);
    // r only records remedies: its version does not move, but the insert of its reissue refuses the transaction.
    expect(store.transaction(changes)).toEqual(['append e', 'append h', `insert r~reissue~${I}`, `insert compensation~s1~b1~${I}`]);
    expect(store.coupons).toEqual(apply(input));
  });

  it('adds only the remedies a coupon does not have, and applies only the entries of the plan it is given', () => {
    const p = plan(input);
    expect(changesOf(input, { ...EMPTY, extend: p.extend })).toEqual({
      append: [
        { couponId: 'e', expectedVersion: 1, events: [{ type: 'extended', at: AT_UTC, expires: '2026-12-03', incidents: ['inc-1'] }], remedies: ['inc-1'] },
      ],
      insert: [],
    });
    expect(changesOf(input, EMPTY)).toEqual({ append: [], insert: [] });
    expect(changesOf(input, { ...EMPTY, compensate: p.compensate }).insert.map((c) => c.id)).toEqual([`compensation~s1~b1~${I}`]);
  });

  it("refuses what applyOutagePlan refuses, with the same errors: a malformed plan, another plan's entry, events after the planning instant", () => {
    const p = plan(input);
    const cases: [OutageInput, unknown][] = [
      [input, null],
      [input, { ...EMPTY, extend: 'all' }],
      [input, { ...EMPTY, extend: [{ couponId: 'r' }] }],
      [input, { ...p, honor: [{ couponId: 'e', orderId: 'o1', couponCredit: '1.00', windows: [I] }] }],
      [{ ...input, at: '2026-12-40T00:00:00Z' }, p],
    ];
    for (const [i, bad] of cases) {
      const r = outagePlanChanges(i, bad as OutagePlan);
      expect(r.ok).toBe(false);
      expect(errorsOf(r)).toEqual(errorsOf(applyOutagePlan(i, bad as OutagePlan)));
    }
    // e was edited an hour after the planning instant: its extension would land before that edit
    const late = {
      at,
      incidents: [incident],
      coupons: [coupon('e', '2026-12-02', { events: [{ type: 'edited' as const, at: '2026-12-02T09:00:00Z', expires: '2026-12-09' }] })],
    };
    const r = outagePlanChanges(late, plan(late));
    expect(codePathsOf(r)).toEqual(['EVENTS_AFTER_PLAN@coupons.0.events.0']);
    expect(errorsOf(r)).toEqual(errorsOf(applyOutagePlan(late, plan(late))));
  });

  it('refuses a plan that creates a coupon already among the coupons (inserted before, its original not updated), rather than replace it', () => {
    // The shop inserted the reissued coupon, and it has been redeemed since, but r does not record the incident yet.
    const redeemed = {
      ...coupon(`r~reissue~${I}`, '2026-12-03'),
      events: [{ type: 'redeemed' as const, at: '2026-12-02T07:00:00Z', orderId: 'o7', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }],
    };
    const half = { ...input, coupons: [...input.coupons, redeemed] };
    const message = `coupon id "${`r~reissue~${I}`.slice(0, 40)}" is the id of a coupon this plan creates: it was inserted before, without the remedies of the coupon it answers`;
    const expected = [{ code: 'DUPLICATE_COUPON_ID', path: 'coupons.3.id', message }];
    expect(errorsOf(outagePlanChanges(half, plan(half)))).toEqual(expected);
    expect(errorsOf(applyOutagePlan(half, plan(half)))).toEqual(expected);
    // without the reissue, the rest applies
    expect(unwrap(outagePlanChanges(half, { ...plan(half), reissue: [] })).append.map((a) => a.couponId)).toEqual(['e', 'h']);
  });
});

// Generated inputs, from the generator coupon-rules/testing ships, with the whole plan or any part of it.
const partArb = outageInputArb().chain((i) => {
  const p = plan(i);
  return fc
    .record({
      extend: fc.subarray([...p.extend]),
      reissue: fc.subarray([...p.reissue]),
      honor: fc.subarray([...p.honor]),
      compensate: fc.subarray([...p.compensate]),
    })
    .map((part) => ({ input: i, whole: p, part: { ...p, ...part } }));
});

describe('outagePlanChanges on generated outages', () => {
  it("applied to the stored coupons as an event store does, gives exactly applyOutagePlan's result, for the plan and any part of it", () => {
    fc.assert(
      fc.property(partArb, ({ input: i, whole, part }) => {
        for (const p of [whole, part]) {
          const changes = changesOf(i, p);
          const store = new Store(i.coupons);
          expect(store.apply(changes)).toEqual([]);
          expect(store.coupons).toEqual(unwrap(applyOutagePlan(i, p)));
          // every event is appended at the planning instant, and no remedy is added twice
          for (const a of changes.append) {
            for (const e of a.events) expect(e.at).toBe(new Date(String(i.at)).toISOString());
            const had = i.coupons.find((c) => c.id === a.couponId)?.remedies ?? [];
            expect(new Set([...had, ...a.remedies]).size).toBe(had.length + a.remedies.length);
          }
        }
      }),
    );
  });

  it('is idempotent: on the result of the whole plan, the plan is empty and so are the changes', () => {
    fc.assert(
      fc.property(outageInputArb(), (i) => {
        const p = plan(i);
        const store = new Store(i.coupons);
        store.apply(changesOf(i, p));
        const again = { ...i, coupons: store.coupons };
        expect(plan(again)).toEqual({ ...EMPTY, windows: p.windows });
        expect(changesOf(again)).toEqual({ append: [], insert: [] });
      }),
    );
  });

  it('cannot be applied twice in one transaction: every change a plan makes has an event or an insert', () => {
    fc.assert(
      fc.property(partArb, ({ input: i, part }) => {
        const changes = changesOf(i, part);
        const store = new Store(i.coupons);
        expect(store.transaction(changes)).toEqual([]);
        const once = store.coupons;
        const empty = changes.append.length === 0 && changes.insert.length === 0;
        expect(store.transaction(changes).length > 0).toBe(!empty);
        expect(store.coupons).toEqual(once);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { answerWireRequest, applyOutagePlan, couponState, decide, disputeDeadline, type OutageInput, planOutageRemedies } from '../src/index.js';
import { WIRE_OPS } from '../src/schema.js';
import { errorsThrownBy } from './helpers.js';

// Regression tests for defects found in review; each names the rule it protects.
const coupon = (id: string, expires: string) => ({
  id,
  seller: 's1',
  recipient: 'b1',
  expires,
  timeZone: 'UTC',
  terms: { type: 'percent' as const, percent: '10' },
  events: [],
});
const order = {
  currency: 'USD',
  lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }],
  buyer: 'b1',
  store: 's1',
  newOrder: true,
  hasCoupon: false,
};
const plan = (input: OutageInput) => {
  const r = planOutageRemedies(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('outage planner', () => {
  it('honors one coupon per order', () => {
    const p = plan({
      at: '2026-12-02T00:00:00Z',
      incidents: [{ id: 'inc', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' }],
      coupons: [coupon('c1', '2026-12-20'), coupon('c2', '2026-12-20')],
      attempts: [
        { couponId: 'c2', orderId: 'o9', at: '2026-12-01T10:40:00Z', order },
        { couponId: 'c1', orderId: 'o9', at: '2026-12-01T10:30:00Z', order },
      ],
    });
    expect(p.honor.map((h) => h.couponId)).toEqual(['c1']);
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
    const applied = applyOutagePlan(input, first);
    expect(applied.ok && plan({ ...input, coupons: applied.value })).toEqual({
      windows: first.windows,
      extend: [],
      reissue: [],
      honor: [],
      compensate: [],
      notices: [],
    });
  });

  it('ends a window exactly at local midnight on the previous day, for the grace days', () => {
    const at = '2026-12-02T01:00:00Z';
    const window = { id: 'w', start: '2026-12-01T10:00:00Z', end: '2026-12-02T00:00:00Z' };
    expect(plan({ at, incidents: [window], coupons: [coupon('c', '2026-12-03')] }).extend).toEqual([]);
    expect(plan({ at, incidents: [window], coupons: [coupon('c', '2026-12-02')] }).extend).toHaveLength(1);
  });

  it('records the honored attempt, not the first one listed', () => {
    const input: OutageInput = {
      at: '2026-12-02T00:00:00Z',
      incidents: [{ id: 'inc', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' }],
      coupons: [coupon('c1', '2026-12-20')],
      attempts: [
        { couponId: 'c1', orderId: 'o9', at: '2026-12-01T11:50:00Z', order },
        { couponId: 'c1', orderId: 'o9', at: '2026-12-01T10:30:00Z', order },
      ],
    };
    const applied = applyOutagePlan(input, plan(input));
    expect(applied.ok && applied.value[0]?.events[0]).toMatchObject({ type: 'honored', attemptAt: '2026-12-01T10:30:00.000Z' });
  });
});

describe('lifecycle and dates', () => {
  it('refuses to honor an attempt made after the coupon expired, and remedies without incidents', () => {
    const c = coupon('c', '2026-12-01');
    expect(
      couponState(
        { ...c, events: [{ type: 'honored', at: '2026-12-05T00:00:00Z', attemptAt: '2026-12-03T00:00:00Z', orderId: 'o', incidents: ['i'] }] },
        '2026-12-06T00:00:00Z',
      ),
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'COUPON_EXPIRED', path: 'events.0' }],
    });
    expect(
      couponState({ ...c, events: [{ type: 'extended', at: '2026-11-30T00:00:00Z', expires: '2036-01-01', incidents: [] }] }, '2026-12-06T00:00:00Z'),
    ).toMatchObject({
      ok: false,
      errors: [{ code: 'EMPTY_INCIDENTS', path: 'events.0.incidents' }],
    });
  });

  it('accepts dates up to the year 9000 and answers later ones with an error, not a crash', () => {
    expect(couponState(coupon('c', '9999-12-31'), '2026-12-06T00:00:00Z')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_DATE', path: 'expires' }] });
    expect(couponState(coupon('c', '9000-12-31'), '9000-12-31T12:00:00Z')).toMatchObject({ ok: true, value: { status: 'open' } });
  });

  it('reports a missing field once', () => {
    const r = couponState({ ...coupon('c', '2026-12-31'), events: [{ type: 'redeemed', at: '2026-12-02T00:00:00Z' } as never] }, '2026-12-03T00:00:00Z');
    expect(r.ok ? [] : r.errors.map((e) => `${e.code}@${e.path}`)).toEqual([
      'REQUIRED@events.0.orderId',
      'REQUIRED@events.0.buyer',
      'REQUIRED@events.0.store',
      'REQUIRED@events.0.newOrder',
      'REQUIRED@events.0.orderHasCoupon',
    ]);
  });
});

describe('disputes', () => {
  it('refuses a deadline with no business day or an instant without an offset, instead of hanging or reading TZ', () => {
    expect(
      errorsThrownBy(() => disputeDeadline('2026-12-18T15:00:00Z', 1, { dayCount: 'business', weekend: [1, 2, 3, 4, 5, 6, 7] })).map((e) => e.code),
    ).toEqual(['INVALID_POLICY']);
    expect(() => disputeDeadline('2026-12-18T23:30:00', 0)).toThrow(/INVALID_INSTANT/);
  });

  it('refuses an unknown actor and a malformed dispute with structured errors', () => {
    const dispute = {
      order: { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] }, shippedAt: '2026-11-20T09:00:00Z' },
      events: [{ type: 'opened' as const, at: '2026-12-01T10:00:00Z', reason: 'OTHER' as const, amount: '10.00' }],
    };
    expect(decide(dispute, { type: 'escalate', actor: 'admin' as never, at: '2026-12-02T10:00:00Z', expectedVersion: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: 'WRONG_ACTOR' }],
    });
    expect(decide({ order: dispute.order } as never, { type: 'agree', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 0 })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_TYPE', path: 'events' }],
    });
    expect(decide(dispute, null as never)).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TYPE', path: 'command' }] });
  });
});

describe('wire: the library refuses what the schemas refuse', () => {
  const valid: Record<string, Record<string, unknown>> = {
    'coupon-issue-check': {
      op: 'coupon-issue-check',
      at: '2026-11-22T15:00:00Z',
      timeZone: 'UTC',
      seller: { id: 's1' },
      recipient: { id: 'b1', registered: true, emailConfirmed: true },
      stoplisted: { bySeller: false, byRecipient: false },
      expires: '2027-01-01',
    },
    'coupon-state': {
      op: 'coupon-state',
      coupon: { id: 'c', seller: 's', recipient: 'b', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '1.00' } },
      events: [],
      at: '2026-12-01T00:00:00Z',
    },
    'dispute-state': {
      op: 'dispute-state',
      order: {
        quote: { op: 'quote', currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] },
        shippedAt: '2026-11-20T09:00:00Z',
      },
      events: [{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '10.00' }],
      at: '2026-12-02T00:00:00Z',
    },
    'outage-plan': { op: 'outage-plan', at: '2026-12-02T00:00:00Z', incidents: [], coupons: [] },
  };
  for (const [op, request] of Object.entries(valid)) {
    it(`${op}: a valid request passes both; a missing required field or an unknown one fails both`, () => {
      const schema = WIRE_OPS[op as keyof typeof WIRE_OPS].request;
      expect(schema.safeParse(request).success).toBe(true);
      expect(answerWireRequest(request).ok).toBe(true);
      for (const key of Object.keys(request).filter((k) => k !== 'op')) {
        const { [key]: _dropped, ...rest } = request;
        if (!schema.safeParse(rest).success) expect(answerWireRequest(rest).ok, `${op} without ${key}`).toBe(false);
      }
      expect(answerWireRequest({ ...request, surplus: 1 }).ok).toBe(false);
    });
  }
  it('dispute-state requires the order quote to carry "op": "quote"', () => {
    const d = valid['dispute-state'] as { order: { quote: Record<string, unknown> } };
    const { op: _op, ...quote } = d.order.quote;
    expect(answerWireRequest({ ...d, order: { ...d.order, quote } })).toMatchObject({ ok: false, errors: [{ code: 'REQUIRED', path: 'order.quote.op' }] });
  });

  it('a nested input that is not an object is reported at its own path, with no trailing dot', () => {
    const d = valid['dispute-state'] as { order: Record<string, unknown> };
    expect(answerWireRequest({ ...d, order: { ...d.order, quote: null } })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_TYPE', path: 'order.quote' }],
    });
  });
});

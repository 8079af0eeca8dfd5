import { describe, expect, it } from 'vitest';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';

// The id of the window of inc-1 alone, as docs/wire-format.md and docs/outages.md show it.
const W1 = 'w-f3eaf40f811f88bbc313a24833369561';

const request = {
  op: 'outage-plan',
  at: '2026-12-02T08:00:00Z',
  policy: { graceDays: 1, extension: 'outage-length' },
  incidents: [{ id: 'inc-1', start: '2026-12-01T22:30:00Z', end: '2026-12-02T01:30:00Z' }],
  coupons: [
    {
      id: 'c1',
      seller: 's1',
      recipient: 'b1',
      expires: '2026-12-01',
      timeZone: 'Europe/Berlin',
      terms: { type: 'percent', percent: '10' },
      events: [],
      remedies: ['inc-0'],
    },
    { id: 'c2', seller: 's1', recipient: 'b1', expires: '2026-12-02', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '3.00' }, events: [] },
    { id: 'c3', seller: 's1', recipient: 'b2', expires: '2026-12-01', timeZone: 'Europe/Berlin', terms: { type: 'percent', percent: '10' }, events: [] },
  ],
  attempts: [
    {
      couponId: 'c3',
      orderId: 'o9',
      at: '2026-12-01T22:45:00Z',
      order: {
        currency: 'USD',
        lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }],
        buyer: 'b2',
        store: 's1',
        newOrder: true,
        hasCoupon: false,
      },
    },
  ],
} as const;

describe('wire op outage-plan', () => {
  it('answers as in the contract', () => {
    expect(answerWireRequest(request)).toEqual({
      ok: true,
      result: {
        windows: [{ id: W1, start: '2026-12-01T22:30:00.000Z', end: '2026-12-02T01:30:00.000Z', incidents: ['inc-1'] }],
        extend: [{ couponId: 'c2', from: '2026-12-02', to: '2026-12-03', windows: [W1] }],
        reissue: [{ couponId: 'c1', newCouponId: `c1~reissue~${W1}`, expires: '2026-12-03', windows: [W1] }],
        honor: [{ couponId: 'c3', orderId: 'o9', couponCredit: '2.00', windows: [W1] }],
        compensate: [],
        notices: [
          {
            buyer: 'b1',
            priority: false,
            items: [
              { type: 'reissued', couponId: 'c1', newCouponId: `c1~reissue~${W1}`, expires: '2026-12-03', windows: [W1] },
              { type: 'extended', couponId: 'c2', from: '2026-12-02', to: '2026-12-03', windows: [W1] },
            ],
          },
          { buyer: 'b2', priority: false, items: [{ type: 'honored', couponId: 'c3', orderId: 'o9', couponCredit: '2.00', windows: [W1] }] },
        ],
      },
    });
  });

  it('is described by its zod schemas, and the coupon-state op understands remedy events', () => {
    const ops = WIRE_OPS['outage-plan'];
    expect(ops.request.safeParse(request).success).toBe(true);
    expect(ops.answer.safeParse(answerWireRequest(request)).success).toBe(true);
    // remedies name windows by id or "first..last", never incidents
    const answer = answerWireRequest(request) as { result: { extend: { windows: string[] }[] } };
    const withWindows = (windows: string[]) => ({ ok: true, result: { ...answer.result, extend: [{ ...answer.result.extend[0], windows }] } });
    expect(ops.answer.safeParse(withWindows([`${W1}..${W1.replace('f3', '00')}`])).success).toBe(true);
    for (const bad of [['inc-1'], [], [`${W1}..`], [`${W1}...${W1}`], [W1.toUpperCase()]]) expect(ops.answer.safeParse(withWindows(bad)).success).toBe(false);
    const state = {
      op: 'coupon-state',
      coupon: request.coupons[1],
      events: [{ type: 'extended', at: '2026-12-02T08:00:00Z', expires: '2026-12-03', incidents: ['inc-1'] }],
      at: '2026-12-03T12:00:00Z',
    };
    expect(WIRE_OPS['coupon-state'].request.safeParse({ ...state, coupon: { ...request.coupons[1], events: undefined } }).success).toBe(false);
    expect(
      answerWireRequest({
        ...state,
        coupon: { id: 'c2', seller: 's1', recipient: 'b1', expires: '2026-12-02', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '3.00' } },
      }),
    ).toMatchObject({
      ok: true,
      result: { status: 'open', expiresAt: '2026-12-03T23:00:00.000Z' },
    });
  });

  it('refuses bad input with paths', () => {
    expect(answerWireRequest({ ...request, policy: { extension: { days: 0 } } })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_POLICY', path: 'policy.extension.days' }],
    });
    expect(answerWireRequest({ ...request, incidents: [{ id: 'x', start: '2026-12-02T00:00:00Z', end: '2026-12-02T00:00:00Z' }] })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_INCIDENT', path: 'incidents.0' }],
    });
    expect(
      answerWireRequest({ ...request, incidents: [...request.incidents, { id: 'planned', start: '2026-12-02T08:00:00.001Z', end: '2026-12-02T09:00:00Z' }] }),
    ).toEqual({
      ok: false,
      errors: [
        {
          code: 'INCIDENT_AFTER_NOW',
          path: 'incidents.1.start',
          message: 'an incident cannot start after the planning instant: plan for it once it has begun',
        },
      ],
    });
  });
});

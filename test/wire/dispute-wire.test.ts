import { describe, expect, it } from 'vitest';
import { answerWireRequest, disputeView } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';

const request = {
  op: 'dispute-state',
  order: {
    quote: {
      op: 'quote',
      currency: 'USD',
      lines: [
        { id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 },
        { id: 'L2', itemType: 'Set', unitPrice: '20.00', quantity: 1 },
      ],
      coupon: { type: 'percent', percent: '10' },
    },
    refunded: '0.00',
    shippedAt: '2026-11-20T09:00:00Z',
    receiptConfirmedAt: '2026-11-28T18:00:00Z',
    expectedDeliveryBy: '2026-12-05',
  },
  events: [
    {
      type: 'opened',
      at: '2026-12-01T10:00:00Z',
      reason: 'DAMAGED',
      amount: '12.00',
      lines: [{ id: 'L1', quantity: 2 }],
      evidence: ['photo-1'],
      description: 'cracked',
    },
    { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' },
    { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' },
  ],
  at: '2026-12-04T00:00:00Z',
} as const;

describe('wire op dispute-state', () => {
  it('answers as in the contract', () => {
    expect(answerWireRequest(request)).toEqual({
      ok: true,
      result: {
        status: 'resolved',
        refund: '8.00',
        outcome: 'buyer-accepted',
        requested: '12.00',
        refundable: '18.00',
        deadlines: { seller: '2026-12-07T00:00:00.000Z', buyer: '2026-12-08T00:00:00.000Z', ruling: '2026-12-17T00:00:00.000Z' },
        negotiationEnds: '2026-12-14T00:00:00.000Z',
        overdue: false,
        allowed: { buyer: [], seller: [], platform: [] },
        notices: [
          { id: 'e0-buyer', to: 'buyer', kind: 'opened', at: '2026-12-01T10:00:00.000Z' },
          { id: 'e0-seller', to: 'seller', kind: 'opened', at: '2026-12-01T10:00:00.000Z' },
          { id: 'e1-buyer', to: 'buyer', kind: 'offer-made', at: '2026-12-02T10:00:00.000Z' },
          { id: 'e2-buyer', to: 'buyer', kind: 'resolved', at: '2026-12-03T10:00:00.000Z' },
          { id: 'e2-seller', to: 'seller', kind: 'resolved', at: '2026-12-03T10:00:00.000Z' },
        ],
      },
    });
  });

  it('agrees with disputeView', () => {
    const { op, quote } = { op: request.op, quote: request.order.quote };
    const { op: _quoteOp, ...tsQuote } = quote;
    const ts = disputeView({ order: { ...request.order, quote: tsQuote }, events: request.events }, request.at);
    expect(op).toBe('dispute-state');
    expect(ts.ok && ts.value.refundable).toBe('18.00');
  });

  it('refuses an event that was not allowed at events.N, and a quote op that is not "quote"', () => {
    const late = { ...request, events: [request.events[0], { type: 'seller-agreed', at: '2026-12-07T00:00:00.001Z' }], at: '2026-12-08T00:00:00Z' };
    expect(answerWireRequest(late)).toMatchObject({ ok: false, errors: [{ code: 'DEADLINE_PASSED', path: 'events.1' }] });
    expect(answerWireRequest({ ...request, order: { ...request.order, quote: { ...request.order.quote, op: 'quotes' } } })).toMatchObject({
      ok: false,
      errors: [{ code: 'UNKNOWN_OP', path: 'order.quote.op' }],
    });
    expect(answerWireRequest({ ...request, policy: { dayCount: 'weekly', weekend: [0] } })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_ENUM' }, { code: 'INVALID_POLICY' }],
    });
  });

  it('is described by its zod schemas', () => {
    const ops = WIRE_OPS['dispute-state'];
    expect(ops.request.safeParse(request).success).toBe(true);
    expect(ops.answer.safeParse(answerWireRequest(request)).success).toBe(true);
    expect(ops.request.safeParse({ ...request, events: [{ type: 'ruled', at: request.at }] }).success).toBe(false);
  });
});

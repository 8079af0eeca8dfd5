import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWireLine, answerWireRequest, quoteCoupon } from '../../src/index.js';
import { QuoteAnswerSchema, QuoteRequestSchema, WIRE_OPS, wireJsonSchema } from '../../src/schema.js';
import { quoteRequestArb } from '../arbitraries.js';

describe('wire contract v1: quote', () => {
  it('answers a request line with the TypeScript result minus its explanation', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        const wire = JSON.parse(answerWireLine(JSON.stringify({ op: 'quote', ...req }))) as unknown;
        const ts = quoteCoupon(req);
        if (ts.ok) {
          const { explain, ...result } = ts.value;
          expect(wire).toEqual({ ok: true, result });
        } else expect(wire).toEqual({ ok: false, errors: ts.errors });
        expect(QuoteAnswerSchema.safeParse(wire).success).toBe(true);
      }),
    );
  });

  it('describes every valid request with its zod schema', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        expect(QuoteRequestSchema.safeParse({ op: 'quote', ...req }).success).toBe(true);
      }),
    );
  });

  // Mutations that break the shape: the schema and the library must both refuse them.
  const mutation = fc.constantFrom<(r: Record<string, unknown>) => Record<string, unknown>>(
    (r) => ({ ...r, extra: 1 }),
    (r) => ({ ...r, lines: [] }),
    (r) => ({ ...r, rounding: 'half_up' }),
    (r) => ({ ...r, currency: 'usd' }),
    (r) => ({ ...r, sellerCredit: '1e2' }),
    (r) => ({ ...r, sellerCredit: ' 1' }),
    (r) => ({ ...r, sellerCredit: '-1' }),
    (r) => ({ ...r, sellerCredit: 1.5 }),
    (r) => ({ ...r, lines: [{ ...(r.lines as object[])[0], quantity: '1' }] }),
    (r) => ({ ...r, lines: [{ ...(r.lines as object[])[0], quantity: 1.5 }] }),
    (r) => ({ ...r, lines: [{ ...(r.lines as object[])[0], id: '' }] }),
    (r) => ({ ...r, lines: [{ ...(r.lines as object[])[0], unitPrice: '01.5' }] }),
    (r) => ({ ...r, coupon: { type: 'percent', percent: '5', amount: '1.00' } }),
    (r) => ({ ...r, coupon: { type: 'fixed' } }),
    (r) => ({ ...r, charges: { 'bad name': '1.00' } }),
    (r) => ({ ...r, sellerCredit: 1 }),
    (r) => ({ ...r, charges: { shipping: 2 } }),
    (r) => ({ ...r, lines: [{ ...(r.lines as object[])[0], unitPrice: 5 }] }),
    (r) => ({ ...r, coupon: { type: 'fixed', amount: 5 } }),
    (r) => ({ ...r, coupon: { type: 'percent', percent: 10 } }),
    (r) => ({ ...r, coupon: { type: 'percent', percent: '10', tiers: [{ minTotal: 25, percent: '15' }] } }),
    (r) => ({ ...r, coupon: { percent: '10' } }),
  );
  it('refuses, in the library, everything its schema refuses', () => {
    fc.assert(
      fc.property(quoteRequestArb, mutation, (req, mutate) => {
        const bad = mutate({ op: 'quote', ...req });
        expect(QuoteRequestSchema.safeParse(bad).success).toBe(false);
        expect(answerWireRequest(bad).ok).toBe(false);
      }),
    );
  });

  it('answers unknown or missing ops and non-objects', () => {
    expect(answerWireRequest({ op: 'refund' })).toMatchObject({ ok: false, errors: [{ code: 'UNKNOWN_OP', path: 'op' }] });
    expect(answerWireRequest({})).toMatchObject({ ok: false, errors: [{ code: 'REQUIRED', path: 'op' }] });
    expect(answerWireRequest([1])).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TYPE', path: '' }] });
    expect(JSON.parse(answerWireLine('{"op":'))).toMatchObject({ ok: false, errors: [{ code: 'INVALID_JSON' }] });
  });

  it('generates a JSON Schema with the contract fields', () => {
    const schema = wireJsonSchema('quote', 'request') as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['op', 'currency', 'rounding', 'lines', 'coupon', 'sellerCredit', 'charges']);
    expect(schema.required).toEqual(['op', 'currency', 'lines']);
    expect(schema.additionalProperties).toBe(false);
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

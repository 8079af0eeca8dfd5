import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { answerWireLine, answerWireRequest, type CouponTerms, type OrderLine, type Quote, type QuoteRequest, quoteCoupon } from '../../src/index.js';
import { CouponTermsSchema, OrderLineSchema, QuoteAnswerSchema, QuoteRequestSchema, QuoteResultSchema, wireJsonSchema } from '../../src/schema.js';
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
    (r) => ({ ...r, rounding: 'down' }),
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

  it('keeps the TypeScript types and the schemas in step', () => {
    // Same shape both ways, up to readonly and `?: T` versus `?: T | undefined`.
    type Norm<T> = T extends readonly (infer U)[] ? readonly Norm<U>[] : T extends object ? { readonly [K in keyof T]: Norm<Exclude<T[K], undefined>> } : T;
    type Same<A, B> = [Norm<A>] extends [Norm<B>] ? ([Norm<B>] extends [Norm<A>] ? true : false) : false;
    expectTypeOf<Same<Omit<z.input<typeof QuoteRequestSchema>, 'op'>, QuoteRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof CouponTermsSchema>, CouponTerms>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof OrderLineSchema>, OrderLine>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof QuoteResultSchema>, Omit<Quote, 'explain'>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof OrderLineSchema>, CouponTerms>>().toEqualTypeOf<false>();
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

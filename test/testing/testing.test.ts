import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWireRequest, disputeView, planOutageRemedies, quoteCoupon, validateCouponTerms } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import {
  CONFORMANCE_OPS,
  checkConformance,
  checkQuoteConformance,
  couponRecordArb,
  disputeArb,
  invalidCouponTermsArb,
  outageInputArb,
  quoteRequestArb,
} from '../../src/testing/index.js';
import { codesOf } from '../helpers.js';

describe('coupon-rules/testing arbitraries', () => {
  it('generates quote requests the library accepts (refusing at most an over-large credit)', () => {
    fc.assert(
      fc.property(quoteRequestArb(), (req) => {
        const r = quoteCoupon(req);
        if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['CREDIT_EXCEEDS_TOTAL']);
      }),
    );
  });

  it('tags every invalid coupon with the code the library gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 2, 3), fc.nat(), (mu, i) => {
        const [bad] = fc.sample(invalidCouponTermsArb(mu), { numRuns: 1, seed: i });
        if (!bad) return;
        const r = validateCouponTerms(bad.terms, mu === 0 ? 'JPY' : mu === 2 ? 'USD' : 'BHD');
        expect(codesOf(r)).toContain(bad.code);
      }),
    );
  });

  it('generates disputes and outage inputs the library accepts, and coupon histories in the wire shape', () => {
    fc.assert(fc.property(disputeArb(), ({ dispute, at }) => disputeView(dispute, at).ok));
    fc.assert(fc.property(outageInputArb(), (input) => planOutageRemedies(input).ok));
    fc.assert(
      fc.property(
        couponRecordArb(),
        ({ events, ...coupon }) => WIRE_OPS['coupon-state'].request.safeParse({ op: 'coupon-state', coupon, events, at: '2026-12-05T00:00:00Z' }).success,
      ),
    );
  });

  it('controls sizes', () => {
    fc.assert(fc.property(quoteRequestArb({ maxLines: 2 }), (req) => req.lines.length <= 2));
    fc.assert(fc.property(couponRecordArb({ maxEvents: 1 }), (c) => c.events.length <= 1));
  });
});

describe('conformance runners', () => {
  it('pass an implementation that answers like the library, for every op', async () => {
    for (const op of CONFORMANCE_OPS) {
      const report = await checkConformance(op, (r) => answerWireRequest(r), { numRuns: 30 });
      expect(report).toMatchObject({ ok: true, op, numRuns: 30 });
    }
  });

  it('shrink a disagreement to a small counterexample with a field-by-field diff and a replayable seed', async () => {
    // A shop that forgets the maximum discount.
    const forgetsCap = (r: Readonly<Record<string, unknown>>) => {
      const req = JSON.parse(JSON.stringify(r)) as { coupon?: { maxDiscount?: string } };
      if (req.coupon) delete req.coupon.maxDiscount;
      return answerWireRequest(req);
    };
    const report = await checkQuoteConformance(forgetsCap, { numRuns: 300, seed: 7 });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.seed).toBe(7);
    expect(report.counterexample).toMatchObject({ coupon: { type: 'percent' } });
    expect((report.counterexample as { lines: unknown[] }).lines).toHaveLength(1);
    expect(report.diff.map((d) => d.path)).toContain('result.couponCredit');
    const again = await checkQuoteConformance(forgetsCap, { numRuns: 300, seed: 7 });
    expect(again).toEqual(report);
  });

  it('compares refusals by their error codes', async () => {
    const report = await checkConformance(
      'coupon-state',
      (r) => {
        const a = answerWireRequest(r);
        return a.ok ? a : { ok: false, errors: a.errors.map((e) => ({ ...e, message: 'worded differently', path: 'elsewhere' })) };
      },
      { numRuns: 40 },
    );
    expect(report.ok).toBe(true);
  });
});

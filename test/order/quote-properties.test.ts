import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Quote, type QuoteRequest, quoteCoupon } from '../../src/index.js';
import { quoteRequestArb } from '../arbitraries.js';
import { modelTotals } from './model.js';

// Properties of every quote of generated requests, and agreement with the plain reference model of model.ts.

const cents = (s: string) => BigInt(s.replace('.', ''));

describe('quoteCoupon: properties', () => {
  const ok = (req: QuoteRequest) => {
    const r = quoteCoupon(req);
    return r.ok ? r.value : undefined;
  };

  it('agrees with a plain reference model of the totals', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        const q = ok(req);
        fc.pre(q !== undefined);
        const { subtotal, eligibleTotal, appliedPercent, couponCredit, capped } = q;
        expect({ subtotal, eligibleTotal, appliedPercent, couponCredit, capped }).toEqual(modelTotals(req));
      }),
    );
  });

  it('keeps 0 ≤ credit ≤ eligible total ≤ subtotal, under the cap, with shares and batches summing to the credit', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        const q = ok(req);
        fc.pre(q !== undefined);
        const credit = cents(q.couponCredit);
        expect(credit >= 0n && credit <= cents(q.eligibleTotal) && cents(q.eligibleTotal) <= cents(q.subtotal)).toBe(true);
        const max = req.coupon?.type === 'percent' ? cents(req.coupon.maxDiscount ?? '0') : 0n;
        if (max > 0n) expect(credit <= max).toBe(true);
        expect(q.lines.reduce((s, l) => s + cents(l.couponCredit), 0n)).toBe(credit);
        for (const l of q.lines) {
          if (!l.eligible) expect(l.couponCredit).toMatch(/^0\.?0*$/);
          expect(cents(l.net) + cents(l.couponCredit)).toBe(cents(l.lineTotal));
        }
        expect(q.batches.every((b) => cents(b.couponCredit) >= 0n)).toBe(true);
        expect(q.batches.reduce((s, b) => s + cents(b.couponCredit), 0n)).toBe(credit);
        expect(q.batches.map((b) => b.batch)).toEqual([...new Set(req.lines.map((l) => l.batch ?? 1))].sort((a, b) => a - b));
      }),
    );
  });

  it("splits the subtotal, the fee basis and the credit over the batches: each batch's subtotal is its lines' totals, and its fee basis", () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        const q = ok(req);
        fc.pre(q !== undefined);
        const sum = (f: (b: Quote['batches'][number]) => string) => q.batches.reduce((s, b) => s + cents(f(b)), 0n);
        expect(sum((b) => b.subtotal)).toBe(cents(q.subtotal));
        expect(sum((b) => b.feeBasis)).toBe(cents(q.feeBasis));
        expect(sum((b) => b.couponCredit)).toBe(cents(q.couponCredit));
        for (const b of q.batches) {
          const own = q.lines.filter((_, i) => (req.lines[i]?.batch ?? 1) === b.batch);
          expect(cents(b.subtotal)).toBe(own.reduce((s, l) => s + cents(l.lineTotal), 0n));
          // Charges belong to the order: a batch's fee basis is its subtotal, whatever the charges and credits.
          expect(b.feeBasis).toBe(b.subtotal);
        }
      }),
    );
  });

  it('gives a fixed coupon min(amount, subtotal)', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        fc.pre(req.coupon?.type === 'fixed');
        const q = ok(req);
        fc.pre(q !== undefined);
        const amount = cents(req.coupon.amount);
        const subtotal = cents(q.subtotal);
        expect(cents(q.couponCredit)).toBe(amount < subtotal ? amount : subtotal);
        expect(q.capped).toBe(amount > subtotal);
      }),
    );
  });

  it('never lowers the credit when a line is added', () => {
    fc.assert(
      fc.property(quoteRequestArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 50 }), (req, batch, qty) => {
        const before = ok({ ...req, sellerCredit: '0' });
        const after = ok({ ...req, sellerCredit: '0', lines: [...req.lines, { id: 'added', itemType: 'Part', unitPrice: '3.5', quantity: qty, batch }] });
        fc.pre(before !== undefined && after !== undefined);
        expect(cents(after.couponCredit) >= cents(before.couponCredit)).toBe(true);
      }),
    );
  });

  it('changes no total when lines are permuted', () => {
    fc.assert(
      fc.property(
        quoteRequestArb.chain((req) => fc.tuple(fc.constant(req), fc.shuffledSubarray([...req.lines], { minLength: req.lines.length }))),
        ([req, shuffled]) => {
          const a = ok(req);
          const b = ok({ ...req, lines: shuffled });
          fc.pre(a !== undefined && b !== undefined);
          const totals = ({ lines, explain, batches, ...rest }: Quote) => rest;
          expect(totals(b)).toEqual(totals(a));
          expect(b.batches).toEqual(a.batches);
          // each line keeps its own total and eligibility wherever it stands
          const byId = (q: Quote) => Object.fromEntries(q.lines.map((l) => [l.id, [l.lineTotal, l.eligible]]));
          expect(byId(b)).toEqual(byId(a));
        },
      ),
    );
  });

  it('takes the fee basis independently of the coupon and the seller credit', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        const q = ok(req);
        const bare = ok({ currency: req.currency, lines: req.lines, ...(req.rounding ? { rounding: req.rounding } : {}) });
        fc.pre(q !== undefined && bare !== undefined);
        expect(q.feeBasis).toBe(bare.feeBasis);
        expect(q.feeBasis).toBe(q.subtotal);
      }),
    );
  });

  it('applies the highest tier reached', () => {
    fc.assert(
      fc.property(quoteRequestArb, (req) => {
        fc.pre(req.coupon?.type === 'percent');
        const q = ok(req);
        fc.pre(q !== undefined);
        const tiers = req.coupon.tiers ?? [];
        const reached = tiers.filter((t) => cents(t.minTotal) <= cents(q.eligibleTotal));
        expect(q.appliedPercent).toBe(reached.at(-1)?.percent ?? req.coupon.percent);
        expect(q.explain.tier?.index ?? -1).toBe(reached.length - 1);
      }),
    );
  });
});

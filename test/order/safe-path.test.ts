import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQuote, couponCreditsOn } from '../../src/order/compute.js';
import { readQuoteRequest } from '../../src/order/read.js';
import type { ParsedQuoteRequest } from '../../src/order/types.js';
import { allocateInteger, divRound } from '../../src/money/integer.js';
import { allocateSafe, divRoundSafe, formatSafeMinor, readSafeDecimal, safeScaled } from '../../src/money/safe.js';
import { formatMinor, parseDecimalInput } from '../../src/money/parse.js';
import { quoteRequestArb } from '../../src/testing/index.js';
import { QUOTE_ROUNDINGS, ROUNDING_MODES, answerWireLine, answerWireRequest } from '../../src/index.js';
import { unwrap } from '../helpers.js';

// The quote computes a line on plain numbers while its amounts are safe integers, and on bigints
// otherwise. Both must give the same answer to the last digit: here every request is quoted both
// ways (the bigint way forced by handing it bigint totals), also right at the edge of 2^53.

const parsed = (request: unknown): ParsedQuoteRequest => unwrap(readQuoteRequest(request));
const bothWays = (q: ParsedQuoteRequest) => {
  const values: readonly (number | bigint)[] = q.lineTotals.values;
  const viaBigints = computeQuote({ ...q, lineTotals: { safe: false, values: values.map((t) => BigInt(t)) } });
  expect(computeQuote(q)).toEqual(viaBigints);
  return viaBigints;
};
const MODES = ROUNDING_MODES;

describe('the safe-integer path of the quote', () => {
  it('gives the bigint answer for generated requests', () => {
    fc.assert(
      fc.property(quoteRequestArb({ maxLines: 12 }), (request) => {
        const q = parsed(request);
        expect(q.lineTotals.safe).toBe(true); // the generators stay within safe integers
        bothWays(q);
      }),
    );
  });

  it('gives the bigint answer where totals, credits and their products cross 2^53', () => {
    // Unit prices of 13–15 digits and quantities up to 10^6: line totals, the subtotal and credit × eligible total
    // land on both sides of 2^53 and 2^52.
    const price = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 4 })).map(([units, scale]) => {
      const s = units.toString().padStart(scale + 1, '0');
      return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/^0+(?=\d)/u, '');
    });
    const line = fc.record({
      itemType: fc.constantFrom('Part', 'Set'),
      unitPrice: price,
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      onSale: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('5', '33.33', '100'),
        fc.constantFrom(...QUOTE_ROUNDINGS),
        (lines, percent, rounding) => {
          const request = {
            currency: 'USD',
            rounding,
            lines: lines.map((l, i) => ({ id: `L${String(i)}`, ...l })),
            coupon: { type: 'percent', percent, excludeSaleItems: true },
          };
          const r = readQuoteRequest(request);
          if (!r.ok) return; // a price the currency cannot hold: nothing to compare
          bothWays(r.value);
        },
      ),
    );
  });

  it('takes the bigint path for a line that does not fit, and answers the same', () => {
    const q = parsed({
      currency: 'USD',
      lines: [
        { id: 'a', itemType: 'P', unitPrice: '99999999999999.99', quantity: 1_000_000 },
        { id: 'b', itemType: 'P', unitPrice: '0.01', quantity: 1 },
      ],
      coupon: { type: 'percent', percent: '10' },
    });
    expect(q.lineTotals.safe).toBe(false);
    expect(bothWays(q).ok && computeQuote(q)).toMatchObject({
      ok: true,
      value: { subtotal: '99999999999999990000.01', couponCredit: '9999999999999999000.00' },
    });
    // Each line a safe integer of cents, the subtotal 2^53 (one past the largest safe integer).
    const line = (id: string, unitPrice: string, quantity: number) => ({ id, itemType: 'P', unitPrice, quantity });
    const edge = parsed({
      currency: 'USD',
      lines: [line('a', '4503599627370.49', 10), line('b', '4503599627370.49', 10), line('c', '0.12', 1)],
      coupon: { type: 'fixed', amount: '0.01' },
    });
    expect(edge.lineTotals.safe).toBe(true);
    expect(bothWays(edge)).toMatchObject({ ok: true, value: { subtotal: '90071992547409.92', couponCredit: '0.01', grandTotal: '90071992547409.91' } });
  });
});

describe('batches on the safe path', () => {
  it("are the bigint path's — credits, subtotals and fee bases — with a few batches or more than eight in any order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (batches, cents, onSale) => {
          const lines = batches.map((batch, i) => ({
            id: `L${String(i)}`,
            itemType: 'P',
            unitPrice: `${String(Math.floor((cents[i] ?? 1) / 100))}.${String((cents[i] ?? 1) % 100).padStart(2, '0')}`,
            quantity: 1,
            onSale: onSale[i] ?? false,
            batch,
          }));
          // Sale items are out of the coupon, so a batch's eligible total and its subtotal differ.
          const q = parsed({
            currency: 'USD',
            lines,
            coupon: { type: 'percent', percent: '12.5', tiers: [{ minTotal: '50.00', percent: '20' }], maxDiscount: '30.00', excludeSaleItems: true },
          });
          const quote = bothWays(q);
          expect(quote.ok && quote.value.batches.map((b) => b.batch)).toEqual([...new Set(batches)].sort((a, b) => a - b));
          if (!quote.ok) return;
          const ofBatch = (batch: number) => lines.reduce((sum, l, i) => (l.batch === batch ? sum + (cents[i] ?? 1) : sum), 0);
          for (const b of quote.value.batches) {
            expect(b.subtotal).toBe(formatSafeMinor(ofBatch(b.batch), 2));
            expect(b.feeBasis).toBe(b.subtotal);
          }
        },
      ),
    );
  });
});

describe('safe-integer kernels agree with the bigint kernels', () => {
  it('divide and round by a power of ten in every mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 15 }), fc.constantFrom(...MODES), (n, k, mode) => {
        expect(BigInt(divRoundSafe(n, 10 ** k, mode))).toBe(divRound(BigInt(n), 10n ** BigInt(k), mode));
      }),
    );
    for (const mode of MODES) {
      expect(BigInt(divRoundSafe(Number.MAX_SAFE_INTEGER, 10, mode))).toBe(divRound(BigInt(Number.MAX_SAFE_INTEGER), 10n, mode));
      expect(divRoundSafe(25, 10, mode)).toBe(Number(divRound(25n, 10n, mode)));
      expect(divRoundSafe(35, 10, mode)).toBe(Number(divRound(35n, 10n, mode)));
    }
  });

  it('allocate by largest remainder, ties to the earlier weight', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 20 }), fc.nat(), (weights, t) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const total = t % Math.max(1, Math.floor(2 ** 52 / sum));
        expect(Array.from(allocateSafe(total, weights, sum), (x) => BigInt(x))).toEqual(allocateInteger(BigInt(total), weights.map(BigInt)));
      }),
    );
    expect(Array.from(allocateSafe(1, [1, 1], 2))).toEqual([1, 0]);
    // total × W past 2^52: the products are taken as bigints, the parts still exact.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 50 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 2 ** 52 }), (weights, t) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0 && Number.isSafeInteger(sum));
        const total = t % (sum + 1);
        expect(Array.from(allocateSafe(total, weights, sum), (x) => BigInt(x))).toEqual(allocateInteger(BigInt(total), weights.map(BigInt)));
      }),
    );
  });

  it('format minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 4 }), (v, mu) => {
        expect(formatSafeMinor(v, mu)).toBe(formatMinor(BigInt(v), mu));
      }),
    );
  });
});

describe('the credit of many coupons on one order', () => {
  it('is the credit the quote gives, from sums by item type', () => {
    fc.assert(
      fc.property(quoteRequestArb({ maxLines: 12 }), (request) => {
        const q = parsed(request);
        fc.pre(q.coupon !== null);
        const quoted = computeQuote({ ...q, sellerCredit: 0n, chargesTotal: 0n });
        const credit = couponCreditsOn(q)(q.coupon);
        expect(quoted.ok && quoted.value.couponCredit).toBe(formatMinor(credit, q.currency.minorUnits));
      }),
    );
  });
});

describe('reading a price without allocating', () => {
  it('reads exactly what the strict parser reads, up to 15 digits, and leaves the rest to it', () => {
    const text = fc.oneof(
      fc.stringMatching(/^[0-9]{1,17}(\.[0-9]{1,17})?$/u),
      fc.stringMatching(/^[0-9.+\- e]{0,8}$/u),
      fc.constantFrom('0', '00', '0.5', '00.5', '.5', '5.', '1.2.3', '', '999999999999999', '9999999999999999', '0.00000000000001', '1e5'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const strict = parseDecimalInput(t, { maxDecimals: 30, allowNegative: false, currencyCode: 'unit prices', stringsOnly: true }, 'p');
        const expected = strict.value ? safeScaled(strict.value) : undefined;
        expect(readSafeDecimal(t)).toEqual(expected);
      }),
    );
  });
});

describe('the wire text of a quote', () => {
  it('is exactly JSON.stringify of the answer, whatever the line ids hold', () => {
    const id = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
      fc.constantFrom('"', '\\', '\u0000', '\u2028', '\ud800', 'é', '𝄞', '</script>'),
    );
    fc.assert(
      fc.property(quoteRequestArb({ maxLines: 6 }), fc.array(id, { minLength: 6, maxLength: 6 }), (request, ids) => {
        const lines = request.lines.map((l, i) => ({ ...l, id: `${ids[i] ?? ''}${String(i)}` }));
        const wire = { op: 'quote', ...request, lines };
        expect(answerWireLine(JSON.stringify(wire))).toBe(JSON.stringify(answerWireRequest(wire)));
      }),
    );
  });
});

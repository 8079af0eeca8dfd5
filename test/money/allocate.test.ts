import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, money, moneyFromMinor, toMinorUnits } from '../../src/index.js';

const amounts = (ms: readonly { amount: string }[]) => ms.map((m) => m.amount);

describe('allocate', () => {
  it('splits by largest remainder, ties to the earlier weight', () => {
    expect(amounts(allocate(money('10.00', 'USD'), [1, 1, 1]))).toEqual(['3.34', '3.33', '3.33']);
    expect(amounts(allocate(money('0.05', 'USD'), [70, 30]))).toEqual(['0.04', '0.01']);
    expect(amounts(allocate(money('0.02', 'USD'), [1, 1, 1]))).toEqual(['0.01', '0.01', '0.00']);
    expect(amounts(allocate(money('100', 'JPY'), [0, 3, 0, 3, 1]))).toEqual(['0', '43', '0', '43', '14']);
    expect(amounts(allocate(money('1.00', 'USD'), ['0.5', '0.25', 0n, money('0.25', 'USD')]))).toEqual(['0.50', '0.25', '0.00', '0.25']);
    expect(amounts(allocate(money('-1.00', 'USD', { allowNegative: true }), [1, 2]))).toEqual(['-0.33', '-0.67']);
  });

  it('rejects bad weights with every problem', () => {
    expect(() => allocate(money('1', 'USD'), [])).toThrow(/INVALID_WEIGHTS/);
    expect(() => allocate(money('1', 'USD'), [0, 0])).toThrow(/all zero/);
    expect(() => allocate(money('1', 'USD'), [1, -1])).toThrow(/INVALID_WEIGHTS/);
    expect(() => allocate(money('1', 'USD'), [0.5, 1])).toThrow(/INVALID_WEIGHTS/);
    expect(() => allocate(money('1', 'USD'), [money('1', 'EUR')])).toThrow(/CURRENCY_MISMATCH/);
  });

  const weights = fc
    .array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 12n })), { minLength: 1, maxLength: 30 })
    .filter((ws) => ws.some((w) => w > 0n));

  it('parts sum exactly, are within one unit of the exact share, and a zero weight gets zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), weights, (total, ws) => {
        const parts = allocate(moneyFromMinor(total, 'USD'), ws).map(toMinorUnits);
        const W = ws.reduce((a, b) => a + b, 0n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        parts.forEach((p, i) => {
          const w = ws[i] ?? 0n;
          // |p - total*w/W| < 1  ⇔  |p*W - total*w| < W
          const diff = p * W - total * w;
          expect(diff < W && -diff < W).toBe(true);
          if (w === 0n) expect(p).toBe(0n);
        });
      }),
    );
  });

  it('gives the extra units to the largest remainders, earlier weight first on ties', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), weights, (total, ws) => {
        const parts = allocate(moneyFromMinor(total, 'USD'), ws).map(toMinorUnits);
        const W = ws.reduce((a, b) => a + b, 0n);
        const rem = ws.map((w) => (total * w) % W);
        const bumped = parts.map((p, i) => p > (total * (ws[i] ?? 0n)) / W);
        // every bumped part's remainder beats (or ties and precedes) every unbumped one
        bumped.forEach((b, i) => {
          if (!b) return;
          bumped.forEach((c, j) => {
            if (c) return;
            const ri = rem[i] ?? 0n;
            const rj = rem[j] ?? 0n;
            expect(ri > rj || (ri === rj && i < j)).toBe(true);
          });
        });
      }),
    );
  });
});

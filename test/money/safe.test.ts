import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateInteger, divRound } from '../../src/money/integer.js';
import { formatMinor, type ParsedDecimal, pow10, scaledOf } from '../../src/money/parse.js';
import type { RoundingMode } from '../../src/money/rounding.js';
import { allocateSafe, divRoundSafe, formatSafeMinor, readSafeDecimal, safeScaled, safeTotalOf } from '../../src/money/safe.js';

// The safe-integer kernels must give what the bigint kernels give, to the unit, wherever they answer:
// the quote takes whichever path its amounts allow, so any difference would be a wrong quote.

const modes: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up'];
const modeArb = fc.constantFrom(...modes);
const MAX = Number.MAX_SAFE_INTEGER;
// Near 2^53 a float quotient can round up to the next integer: numerators just below a multiple of d find it.
const numeratorArb = fc.oneof(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 2 ** 50, max: MAX }), fc.integer({ min: 0, max: 10_000 }));

describe('divRoundSafe', () => {
  it('equals the bigint division for every safe numerator, power of ten and mode', () => {
    fc.assert(
      fc.property(numeratorArb, fc.integer({ min: 1, max: 15 }), modeArb, (n, k, mode) => {
        expect(divRoundSafe(n, 10 ** k, mode)).toBe(Number(divRound(BigInt(n), pow10(k), mode)));
      }),
    );
  });

  it('corrects a float quotient that rounded up or down: one below and one above a multiple near 2^53', () => {
    // 9007199254740990 / 10 is 900719925474099 exactly; one less rounds to the same float quotient
    for (const n of [9_007_199_254_740_989, 9_007_199_254_740_990, 9_007_199_254_740_991, 8_999_999_999_999_999, 9_000_000_000_000_001]) {
      for (const mode of modes) for (const k of [1, 2, 3, 7, 15]) expect(divRoundSafe(n, 10 ** k, mode)).toBe(Number(divRound(BigInt(n), pow10(k), mode)));
    }
  });

  it('rounds the halves by mode: 25 / 10 is 3 half-up, 2 half-even, 2 half-down, 2 down, 3 up; 35 / 10 is 4 half-even, 3 half-down', () => {
    expect(modes.map((m) => divRoundSafe(25, 10, m))).toEqual([3, 2, 2, 2, 3]);
    expect(modes.map((m) => divRoundSafe(35, 10, m))).toEqual([4, 4, 3, 3, 4]);
    expect(modes.map((m) => divRoundSafe(24, 10, m))).toEqual([2, 2, 2, 2, 3]);
    expect(modes.map((m) => divRoundSafe(26, 10, m))).toEqual([3, 3, 3, 2, 3]);
    expect(modes.map((m) => divRoundSafe(30, 10, m))).toEqual([3, 3, 3, 3, 3]);
  });
});

describe('allocateSafe', () => {
  const weightsArb = fc
    .array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 12 })
    .filter((w) => w.some((x) => x > 0) && Number.isSafeInteger(w.reduce((a, b) => a + b, 0)));

  it('equals the bigint largest-remainder allocation, for totals small and near 2^53', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: MAX })), weightsArb, (total, weights) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(allocateSafe(total, weights, sum)).toEqual(allocateInteger(BigInt(total), weights.map(BigInt)).map(Number));
      }),
    );
  });

  it('gives the leftover units to the largest remainders, ties to the earlier weight', () => {
    expect(allocateSafe(10, [1, 1, 1], 3)).toEqual([4, 3, 3]);
    expect(allocateSafe(5, [0, 2, 1], 3)).toEqual([0, 3, 2]);
    // a product above 2^52 takes the exact bigint step for that line
    expect(allocateSafe(MAX, [3, 1], 4)).toEqual(allocateInteger(BigInt(MAX), [3n, 1n]).map(Number));
  });
});

describe('reading and writing amounts', () => {
  const decimalArb = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 15 })).map(([units, scale]) => ({ units, scale }));
  const textOf = ({ units, scale }: { units: bigint; scale: number }) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  };
  const parsedOf = (text: string): ParsedDecimal => {
    const [integer = '', fraction = ''] = text.split('.');
    return { negative: false, integer: integer.replace(/^0+/, ''), fraction };
  };

  it('readSafeDecimal and safeScaled read what the bigint reader reads, up to 15 digits', () => {
    fc.assert(
      fc.property(decimalArb, (d) => {
        const text = textOf(d);
        const big = scaledOf(parsedOf(text));
        const fast = readSafeDecimal(text);
        if (text.replace('.', '').length <= 15) expect(fast).toEqual({ units: Number(big.units), scale: big.scale });
        else expect(fast).toBeUndefined();
        expect(safeScaled(parsedOf(text)) ?? null).toEqual(
          parsedOf(text).integer.length + big.scale > 15 ? null : { units: Number(big.units), scale: big.scale },
        );
      }),
    );
  });

  it('readSafeDecimal refuses what the strict grammar refuses, leaving the diagnosis to the full parser', () => {
    for (const text of ['', '.', '1.', '.5', '1.2.3', '01', '00.5', '-1', '+1', '1e3', ' 1', '1 ', '1,5', '1234567890123456'])
      expect(readSafeDecimal(text)).toBeUndefined();
    expect(readSafeDecimal('0')).toEqual({ units: 0, scale: 0 });
    expect(readSafeDecimal('0.50')).toEqual({ units: 50, scale: 2 });
    expect(readSafeDecimal('123456789012345')).toEqual({ units: 123_456_789_012_345, scale: 0 });
    expect(safeScaled({ negative: true, integer: '1', fraction: '' })).toBeUndefined();
  });

  it('formatSafeMinor writes what formatMinor writes, for 0 to 8 minor units', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: MAX })), fc.integer({ min: 0, max: 8 }), (units, minor) => {
        expect(formatSafeMinor(units, minor)).toBe(formatMinor(BigInt(units), minor));
      }),
    );
    expect(formatSafeMinor(5, 6)).toBe('0.000005');
    expect(formatSafeMinor(1_234_567, 6)).toBe('1.234567');
  });

  it('safeTotalOf equals the bigint line total whenever it answers, and answers below 2^53', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 8 }), modeArb, (d, quantity, minor, mode) => {
        const units = Number(d.units);
        const product = d.units * BigInt(quantity);
        const exact = d.scale <= minor ? product * pow10(minor - d.scale) : divRound(product, pow10(d.scale - minor), mode);
        const fast = safeTotalOf(units, d.scale, quantity, minor, mode);
        if (fast !== undefined) expect(fast).toBe(Number(exact));
        // It answers whenever every step is a safe integer.
        if (product <= BigInt(MAX) && exact <= BigInt(MAX)) expect(fast).toBeDefined();
      }),
    );
  });
});

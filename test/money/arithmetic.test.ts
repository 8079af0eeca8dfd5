import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ROUNDING_MODES,
  add,
  compare,
  equals,
  isNegative,
  isZero,
  lineTotal,
  max,
  min,
  money,
  moneyFromMinor,
  multiply,
  multiplyByRatio,
  percentage,
  roundToMinor,
  subtract,
  sum,
  toMinorUnits,
  unitPrice,
} from '../../src/index.js';
import { roundModel } from './model.js';

const usd = (s: string) => money(s, 'USD', { allowNegative: true });
const minor = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });

describe('arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(add(usd('0.10'), usd('0.20')).amount).toBe('0.30');
    expect(subtract(usd('5.00'), usd('7.25')).amount).toBe('-2.25');
    expect(isNegative(subtract(usd('1'), usd('2')))).toBe(true);
    expect(isZero(subtract(usd('1'), usd('1')))).toBe(true);
  });

  it('multiplies by quantities, ratios and percentages', () => {
    expect(multiply(usd('2.50'), 3).amount).toBe('7.50');
    expect(multiplyByRatio(usd('10.00'), 1, 3).amount).toBe('3.33');
    expect(multiplyByRatio(usd('10.00'), 2, 3).amount).toBe('6.67');
    expect(multiplyByRatio(usd('10.00'), 2, 3, 'down').amount).toBe('6.66');
    expect(multiplyByRatio(usd('10.00'), '0.5', '1.5', 'up').amount).toBe('3.34');
    expect(percentage(usd('19.99'), '15').amount).toBe('3.00');
    expect(percentage(usd('19.99'), '15', 'down').amount).toBe('2.99');
    expect(percentage(money('1005', 'JPY'), '10', 'half-even').amount).toBe('100');
    expect(percentage(money('1015', 'JPY'), '10', 'half-even').amount).toBe('102');
    expect(() => multiplyByRatio(usd('1'), 1, 0)).toThrow(/INVALID_RATIO/);
    expect(() => multiply(usd('1'), 1.5)).toThrow(/INVALID_QUANTITY/);
    expect(() => multiply(usd('1'), -1)).toThrow(/INVALID_QUANTITY/);
    expect(() => percentage(usd('1'), 0.1)).toThrow(/FLOAT_AMOUNT/);
    expect(() => percentage(usd('10'), '-10')).toThrow(/SIGN_NOT_ALLOWED/);
    expect(() => multiplyByRatio(usd('10'), -1n, 3)).toThrow(/SIGN_NOT_ALLOWED/);
  });

  it('rounds line totals once, with the named mode', () => {
    const part = unitPrice('0.0125', 'USD');
    expect(lineTotal(part, 400).amount).toBe('5.00');
    expect(lineTotal(part, 401).amount).toBe('5.01');
    expect(lineTotal(part, 2).amount).toBe('0.03'); // 0.025 half-up
    expect(lineTotal(part, 2, 'half-even').amount).toBe('0.02');
    expect(lineTotal(part, 3, 'down').amount).toBe('0.03');
    expect(lineTotal(part, 3, 'up').amount).toBe('0.04');
    expect(roundToMinor(unitPrice('0.125', 'USD'), 'half-even').amount).toBe('0.12');
  });

  it('compares, and picks min and max', () => {
    expect(compare(usd('1.00'), usd('2.00'))).toBe(-1);
    expect(compare(usd('2.00'), usd('2'))).toBe(0);
    expect(equals(usd('1'), usd('1.00'))).toBe(true);
    expect(equals(usd('1'), money('1', 'EUR'))).toBe(false);
    expect(min(usd('5'), usd('3'), usd('4')).amount).toBe('3.00');
    expect(max(usd('5'), usd('3'), usd('7')).amount).toBe('7.00');
    expect(sum([usd('0.10'), usd('0.20')]).amount).toBe('0.30');
    expect(sum([], 'JPY').amount).toBe('0');
    expect(() => sum([])).toThrow(/CURRENCY_REQUIRED/);
  });

  it('is exact far beyond 10^12 major units × 10^6 quantities, and refuses past its bounds', () => {
    const big = unitPrice('999999999999999.999999999999999999999999999999', 'USD');
    expect(lineTotal(big, 1_000_000_000, 'down').amount).toBe('999999999999999999999999.99');
    expect(multiply(usd('999999999999999.99'), 1_000_000_000).amount).toBe('999999999999999990000000.00');
    expect(() => multiply(multiply(usd('999999999999999.99'), 1_000_000_000), 1_000_000_000)).toThrow(/AMOUNT_OUT_OF_RANGE/);
    expect(() => multiply(usd('1'), 1_000_000_001)).toThrow(/INVALID_QUANTITY/);
  });

  it('never mixes currencies', () => {
    const cur = fc.constantFrom('USD', 'EUR', 'JPY', 'BHD');
    fc.assert(
      fc.property(cur, cur, minor, minor, (ca, cb, a, b) => {
        fc.pre(ca !== cb);
        const x = moneyFromMinor(a, ca);
        const y = moneyFromMinor(b, cb);
        for (const op of [add, subtract, compare, (p: typeof x, q: typeof x) => sum([p, q]), (p: typeof x, q: typeof x) => min(p, q)]) {
          expect(() => op(x, y)).toThrow(/CURRENCY_MISMATCH/);
        }
      }),
    );
  });

  it('adds associatively and commutatively, exactly as integers of minor units', () => {
    fc.assert(
      fc.property(minor, minor, minor, (a, b, c) => {
        const [x, y, z] = [a, b, c].map((m) => moneyFromMinor(m, 'USD')) as [ReturnType<typeof usd>, ReturnType<typeof usd>, ReturnType<typeof usd>];
        expect(add(add(x, y), z).amount).toBe(add(x, add(y, z)).amount);
        expect(add(x, y).amount).toBe(add(y, x).amount);
        expect(toMinorUnits(add(add(x, y), z))).toBe(a + b + c);
        expect(toMinorUnits(subtract(x, y))).toBe(a - b);
      }),
    );
  });

  it('agrees with a BigInt model of every rounding mode (line totals, ratios, percentages)', () => {
    const mode = fc.constantFrom(...ROUNDING_MODES);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        mode,
        (units, scale, qty, m) => {
          // unit price = units / 10^scale; line total in cents = units × qty × 100 / 10^scale
          const text = units
            .toString()
            .padStart(scale + 1, '0')
            .replace(new RegExp(`(\\d{${scale}})$`), scale ? '.$1' : '$1');
          const p = unitPrice(text, 'USD');
          expect(toMinorUnits(lineTotal(p, qty, m))).toBe(roundModel(units * BigInt(qty) * 100n, 10n ** BigInt(scale), m));
        },
      ),
    );
    fc.assert(
      fc.property(minor, fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), mode, (a, n, d, m) => {
        expect(toMinorUnits(multiplyByRatio(moneyFromMinor(a, 'USD'), n, d, m))).toBe(roundModel(a * n, d, m));
      }),
    );
    fc.assert(
      fc.property(minor, fc.integer({ min: 0, max: 100_000 }), mode, (a, p, m) => {
        const percent = `${Math.floor(p / 1000)}.${String(p % 1000).padStart(3, '0')}`; // 0.000 to 100.000
        expect(toMinorUnits(percentage(moneyFromMinor(a, 'USD'), percent, m))).toBe(roundModel(a * BigInt(p), 100_000n, m));
      }),
    );
  });

  it('never yields a float-contaminated result', () => {
    const exact = /^-?\d+(\.\d+)?$/;
    fc.assert(
      fc.property(minor, minor, fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...ROUNDING_MODES), (a, b, q, m) => {
        const x = moneyFromMinor(a, 'BHD');
        const y = moneyFromMinor(b, 'BHD');
        for (const r of [add(x, y), subtract(x, y), multiply(x, q), percentage(x, '33.3', m), multiplyByRatio(x, 1, 7, m)]) {
          expect(r.amount).toMatch(exact);
          expect(r.amount.split('.')[1]).toHaveLength(3);
          expect(r.amount).not.toMatch(/e/i);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  CouponRulesError,
  formatMoney,
  type Money,
  money,
  moneyFromMinor,
  multiply,
  parseMoney,
  parseUnitPrice,
  toMinorUnits,
  unitPrice,
} from '../../src/index.js';
import { codesOf, errorsOf } from '../helpers.js';

describe('parsing money', () => {
  it('builds exact values from decimal strings and minor units', () => {
    expect(money('12.34', 'USD').amount).toBe('12.34');
    expect(money('12.3', 'USD').amount).toBe('12.30');
    expect(money('0', 'USD').amount).toBe('0.00');
    expect(money('1000', 'JPY').amount).toBe('1000');
    expect(money('1', 'BHD').amount).toBe('1.000');
    expect(money(12, 'USD').amount).toBe('12.00');
    expect(moneyFromMinor(1234, 'USD').amount).toBe('12.34');
    expect(moneyFromMinor(-5n, 'KWD').amount).toBe('-0.005');
    expect(toMinorUnits(money('12.34', 'USD'))).toBe(1234n);
    expect(String(money('12.34', 'USD'))).toBe('12.34 USD');
  });

  it('re-checks Money rebuilt from JSON against the result bound, not the input bound', () => {
    const big = multiply(money('999999999999999.99', 'USD'), 10);
    const rebuilt = JSON.parse(JSON.stringify(big)) as Money;
    expect(add(rebuilt, money('0.01', 'USD')).amount).toBe('9999999999999999.91');
    expect(() => add({ ...rebuilt, amount: '1.001' }, money('0.01', 'USD'))).toThrow(/TOO_MANY_DECIMALS/);
    expect(() => add({ ...rebuilt, amount: 5 as unknown as string }, money('0.01', 'USD'))).toThrow(/NOT_AN_AMOUNT/);
  });

  it('is immutable', () => {
    const m = money('1.00', 'USD');
    expect(Object.isFrozen(m)).toBe(true);
    expect(() => {
      (m as { amount: string }).amount = '2.00';
    }).toThrow(TypeError);
  });

  it.each([
    [0.1, 'FLOAT_AMOUNT'],
    [Number.NaN, 'NON_FINITE_AMOUNT'],
    [Number.POSITIVE_INFINITY, 'NON_FINITE_AMOUNT'],
    ['NaN', 'NON_FINITE_AMOUNT'],
    ['-Infinity', 'NON_FINITE_AMOUNT'],
    ['1e3', 'EXPONENT_NOTATION'],
    ['1.5E-2', 'EXPONENT_NOTATION'],
    ['-1.00', 'SIGN_NOT_ALLOWED'],
    ['+1.00', 'SIGN_NOT_ALLOWED'],
    [' 1.00', 'WHITESPACE'],
    ['1.00\n', 'WHITESPACE'],
    ['1.001', 'TOO_MANY_DECIMALS'],
    ['1.000', 'TOO_MANY_DECIMALS'],
    ['', 'INVALID_AMOUNT'],
    ['.5', 'INVALID_AMOUNT'],
    ['5.', 'INVALID_AMOUNT'],
    ['1,000.00', 'INVALID_AMOUNT'],
    ['0x10', 'INVALID_AMOUNT'],
    ['007', 'INVALID_AMOUNT'],
    ['00.50', 'INVALID_AMOUNT'],
    ['١٢', 'INVALID_AMOUNT'],
    ['1000000000000000', 'AMOUNT_OUT_OF_RANGE'],
    [2 ** 60, 'AMOUNT_OUT_OF_RANGE'],
    [null, 'NOT_AN_AMOUNT'],
    [{}, 'NOT_AN_AMOUNT'],
    [true, 'NOT_AN_AMOUNT'],
  ])('rejects %j with %s', (input, code) => {
    const r = parseMoney(input, 'USD', { path: 'amount' });
    expect(codesOf(r)).toContain(code);
    expect(errorsOf(r).map((e) => e.path)).toEqual(errorsOf(r).map(() => 'amount'));
  });

  it('reports every problem of one input', () => {
    expect(codesOf(parseMoney(' -1.999', 'USD'))).toEqual(['WHITESPACE', 'SIGN_NOT_ALLOWED', 'TOO_MANY_DECIMALS']);
  });

  it('allows negatives only when asked', () => {
    expect(money('-1.50', 'USD', { allowNegative: true }).amount).toBe('-1.50');
    expect(money('-0.00', 'USD', { allowNegative: true }).amount).toBe('0.00');
  });

  it('throws a structured error from the convenience constructors', () => {
    try {
      money('1e3', 'USD');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CouponRulesError);
      expect((e as CouponRulesError).code).toBe('EXPONENT_NOTATION');
      expect((e as CouponRulesError).errors).toHaveLength(1);
    }
    expect(() => moneyFromMinor(1.5, 'USD')).toThrow(/FLOAT_AMOUNT/);
    expect(() => moneyFromMinor(Number.NaN, 'USD')).toThrow(/NON_FINITE_AMOUNT/);
  });

  it('lets unit prices carry more decimals than the currency', () => {
    expect(unitPrice('0.0125', 'USD').amount).toBe('0.0125');
    expect(unitPrice('0.01250', 'USD').amount).toBe('0.0125');
    expect(unitPrice('3', 'USD').amount).toBe('3.00');
    expect(parseUnitPrice('-1', 'USD').ok).toBe(false);
    expect(parseUnitPrice(`0.${'1'.repeat(31)}`, 'USD').ok).toBe(false);
  });

  it('round-trips parse → format → parse for any accepted amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.constantFrom('USD', 'JPY', 'BHD', 'CLF'), (minor, code) => {
        const m = moneyFromMinor(minor, code);
        const text = formatMoney(m);
        const again = parseMoney(text, code);
        expect(again.ok && again.value.amount).toBe(text);
        expect(again.ok && toMinorUnits(again.value)).toBe(minor);
      }),
    );
  });

  it('parses exactly the strings of the grammar digits(.digits)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8, unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' ', ',') }), (s) => {
        const r = parseMoney(s, 'USD');
        const grammar = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/.test(s);
        expect(r.ok).toBe(grammar);
        if (r.ok) expect(r.value.amount).toMatch(/^\d+\.\d{2}$/);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { add, currency, findCurrency, isoCurrencies, money, parseCurrency, parseMoney } from '../../src/index.js';

describe('currency codes', () => {
  it('lists the ISO currencies sorted by code, each with its minor units', () => {
    const codes = isoCurrencies().map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(isoCurrencies()).toContainEqual({ code: 'JPY', minorUnits: 0 });
    expect(isoCurrencies()).toContainEqual({ code: 'UYW', minorUnits: 4 });
    expect(findCurrency('USD')).toEqual({ code: 'USD', minorUnits: 2 });
  });

  it('matches codes exactly: usd is not USD', () => {
    expect(findCurrency('usd')).toBeUndefined();
    expect(parseCurrency('usd')).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_CURRENCY', path: '', message: '"usd" is not an active ISO 4217 currency code' }],
    });
  });

  it('names at most the first 40 characters of an unknown code', () => {
    const long = 'X'.repeat(60);
    expect(parseCurrency(long, 'order.currency')).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_CURRENCY', path: 'order.currency', message: `"${'X'.repeat(40)}" is not an active ISO 4217 currency code` }],
    });
  });

  it('returns the built-in ISO currency, the same object each time', () => {
    const r = parseCurrency('BHD');
    expect(r).toEqual({ ok: true, value: { code: 'BHD', minorUnits: 3 } });
    expect(r.ok && r.value).toBe(findCurrency('BHD'));
    expect(currency('BHD')).toBe(findCurrency('BHD'));
  });
});

describe('custom currencies', () => {
  it('accepts a code of 3 to 16 upper-case letters or digits starting with a letter, and 0 to 12 minor units', () => {
    for (const code of ['ABC', 'CREDITS', 'A1B2', 'ABCDEFGHIJKLMNOP']) {
      expect(parseCurrency({ code, minorUnits: 0 })).toEqual({ ok: true, value: { code, minorUnits: 0 } });
    }
    expect(parseCurrency({ code: 'MILLI', minorUnits: 12 })).toEqual({ ok: true, value: { code: 'MILLI', minorUnits: 12 } });
  });

  it('is frozen', () => {
    const c = currency({ code: 'CREDITS', minorUnits: 0 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each(['AB', 'ABCDEFGHIJKLMNOPQ', '1ABC', 'abc', 'AB-C', '', 5, undefined, ['ABC'], { toString: () => 'ABC' }])('rejects the code %j', (code) => {
    expect(parseCurrency({ code, minorUnits: 2 })).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_CURRENCY', path: 'code', message: 'a currency code is 3–16 upper-case letters or digits, starting with a letter' }],
    });
  });

  it.each([-1, 13, 1.5, '2', Number.NaN, undefined, null])('rejects minorUnits %j', (minorUnits) => {
    expect(parseCurrency({ code: 'CREDITS', minorUnits }, 'price.currency')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_CURRENCY', path: 'price.currency.minorUnits', message: 'minorUnits is an integer from 0 to 12' }],
    });
  });

  it('reports one error per bad field, under the path given', () => {
    expect(parseCurrency({ code: 'x', minorUnits: 99 }, 'currency')).toEqual({
      ok: false,
      errors: [
        { code: 'INVALID_CURRENCY', path: 'currency.code', message: 'a currency code is 3–16 upper-case letters or digits, starting with a letter' },
        { code: 'INVALID_CURRENCY', path: 'currency.minorUnits', message: 'minorUnits is an integer from 0 to 12' },
      ],
    });
  });

  it.each([null, 5, undefined, true])('rejects %j as neither a code nor { code, minorUnits }', (input) => {
    expect(parseCurrency(input, 'currency')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_CURRENCY', path: 'currency', message: 'a currency is an ISO 4217 code or { code, minorUnits }' }],
    });
  });

  it("must agree with ISO's minor units when it reuses an ISO code", () => {
    expect(parseCurrency({ code: 'USD', minorUnits: 3 }, 'currency')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_CURRENCY', path: 'currency', message: 'USD has 2 minor units in ISO 4217, not 3' }],
    });
    expect(parseCurrency({ code: 'JPY', minorUnits: 0 })).toEqual({ ok: true, value: findCurrency('JPY') });
    expect(currency({ code: 'JPY', minorUnits: 0 })).toBe(findCurrency('JPY'));
  });

  it('throws the structured error from the convenience form', () => {
    expect(() => currency({ code: 'x', minorUnits: 0 })).toThrow(/INVALID_CURRENCY at code/);
  });

  it('two custom currencies are the same when code and minor units agree', () => {
    const a = money('1', { code: 'CREDITS', minorUnits: 0 });
    const b = money('2', { code: 'CREDITS', minorUnits: 0 });
    expect(add(a, b).amount).toBe('3');
    expect(add(a, b).currency).toEqual({ code: 'CREDITS', minorUnits: 0 });
    const c = money('2', { code: 'CREDITS', minorUnits: 2 });
    expect(() => add(a, c)).toThrow(/CURRENCY_MISMATCH/);
    const d = money('2', { code: 'POINTS', minorUnits: 0 });
    expect(() => add(a, d)).toThrow(/CURRENCY_MISMATCH/);
  });

  it('a custom currency sets how many decimals its money has', () => {
    expect(money('1', { code: 'MILLI', minorUnits: 12 }).amount).toBe('1.000000000000');
    const r = parseMoney('1.5', { code: 'CREDITS', minorUnits: 0 });
    expect(r).toEqual({ ok: false, errors: [{ code: 'TOO_MANY_DECIMALS', path: '', message: 'CREDITS amounts have at most 0 decimals, got 1' }] });
  });
});

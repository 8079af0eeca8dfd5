import { describe, expect, it } from 'vitest';
import { currency, findCurrency, isoCurrencies, parseCurrency } from '../../src/index.js';
import { codePathsOf } from '../helpers.js';

describe('currencies', () => {
  it('knows the minor units of ISO 4217 currencies', () => {
    for (const code of ['JPY', 'KRW', 'CLP', 'ISK', 'VND']) expect(findCurrency(code)?.minorUnits).toBe(0);
    for (const code of ['BHD', 'KWD', 'JOD', 'OMR', 'TND']) expect(findCurrency(code)?.minorUnits).toBe(3);
    for (const code of ['USD', 'EUR', 'GBP', 'CHF']) expect(findCurrency(code)?.minorUnits).toBe(2);
    expect(findCurrency('CLF')?.minorUnits).toBe(4);
  });

  it('has no withdrawn or non-money codes', () => {
    for (const code of ['HRK', 'SLL', 'XAU', 'XXX', 'XTS']) expect(findCurrency(code)).toBeUndefined();
    expect(isoCurrencies().length).toBeGreaterThan(150);
  });

  it('rejects an unknown code with a structured error', () => {
    expect(parseCurrency('XYZ', 'currency')).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_CURRENCY', path: 'currency', message: expect.stringContaining('XYZ') as unknown }],
    });
    expect(parseCurrency('usd').ok).toBe(false);
    expect(parseCurrency('constructor').ok).toBe(false);
    expect(parseCurrency('__proto__').ok).toBe(false);
  });

  it('accepts custom currencies and reports every problem of a bad one', () => {
    expect(currency({ code: 'CREDITS', minorUnits: 0 })).toEqual({ code: 'CREDITS', minorUnits: 0 });
    const bad = parseCurrency({ code: 'x', minorUnits: 1.5 });
    expect(codePathsOf(bad)).toEqual(['INVALID_CURRENCY@code', 'INVALID_CURRENCY@minorUnits']);
    expect(parseCurrency({ code: 'USD', minorUnits: 3 }).ok).toBe(false);
    expect(parseCurrency({ code: 'USD', minorUnits: 2 })).toEqual({ ok: true, value: findCurrency('USD') });
    expect(() => currency('NOPE')).toThrow(/UNKNOWN_CURRENCY/);
  });
});

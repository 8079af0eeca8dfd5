import { describe as group, expect, it } from 'vitest';
import { decimalText, describe, formatMinor, formatScaled, minorFromParsed, parseDecimalInput, pow10, scaledOf } from '../../src/money/parse.js';

const rules = { maxDecimals: 2, allowNegative: true, currencyCode: 'USD' };

group('parseDecimalInput: the strict grammar -?digits(.digits)?', () => {
  it.each([
    ['0', { negative: false, integer: '', fraction: '' }],
    ['0.50', { negative: false, integer: '', fraction: '50' }],
    ['12.30', { negative: false, integer: '12', fraction: '30' }],
    ['100', { negative: false, integer: '100', fraction: '' }],
    ['-100.05', { negative: true, integer: '100', fraction: '05' }],
    ['-1', { negative: true, integer: '1', fraction: '' }],
    ['-0.00', { negative: false, integer: '', fraction: '00' }],
    ['-0', { negative: false, integer: '', fraction: '' }],
    [100, { negative: false, integer: '100', fraction: '' }],
    [0, { negative: false, integer: '', fraction: '' }],
    [-0, { negative: false, integer: '', fraction: '' }],
    [-205, { negative: true, integer: '205', fraction: '' }],
  ])('%s is %j', (input, value) => {
    expect(parseDecimalInput(input, rules, 'x')).toEqual({ value, errors: [] });
  });

  it('takes at most maxDecimals decimals, exactly that many included', () => {
    expect(parseDecimalInput('1.25', rules, 'x')).toEqual({ value: { negative: false, integer: '1', fraction: '25' }, errors: [] });
    expect(parseDecimalInput('-1.25', rules, 'x')).toEqual({ value: { negative: true, integer: '1', fraction: '25' }, errors: [] });
    expect(parseDecimalInput('1.250', rules, 'x')).toEqual({
      errors: [{ code: 'TOO_MANY_DECIMALS', path: 'x', message: 'USD amounts have at most 2 decimals, got 3' }],
    });
    const any = { ...rules, maxDecimals: Number.POSITIVE_INFINITY };
    expect(parseDecimalInput(`1.${'7'.repeat(40)}`, any, 'x')).toEqual({ value: { negative: false, integer: '1', fraction: '7'.repeat(40) }, errors: [] });
  });

  it('takes at most maxIntegerDigits integer digits (default 15), exactly that many included', () => {
    const three = { ...rules, maxIntegerDigits: 3 };
    expect(parseDecimalInput('999', three, 'x')).toEqual({ value: { negative: false, integer: '999', fraction: '' }, errors: [] });
    expect(parseDecimalInput(999, three, 'x')).toEqual({ value: { negative: false, integer: '999', fraction: '' }, errors: [] });
    expect(parseDecimalInput('1000', three, 'x')).toEqual({
      errors: [{ code: 'AMOUNT_OUT_OF_RANGE', path: 'x', message: 'amounts must be below 10^3 major units' }],
    });
    expect(parseDecimalInput(-1000, three, 'x')).toEqual({
      errors: [{ code: 'AMOUNT_OUT_OF_RANGE', path: 'x', message: 'amounts must be below 10^3 major units' }],
    });
    expect(parseDecimalInput('9'.repeat(15), rules, 'x').value?.integer).toBe('9'.repeat(15));
    expect(parseDecimalInput(999_999_999_999_999, rules, 'x').value?.integer).toBe('999999999999999');
    expect(parseDecimalInput(1_000_000_000_000_000, rules, 'x').errors.map((e) => e.code)).toEqual(['AMOUNT_OUT_OF_RANGE']);
  });

  it('with stringsOnly, a JSON integer is NOT_AN_AMOUNT; a float stays FLOAT_AMOUNT and NaN NON_FINITE_AMOUNT', () => {
    const strict = { ...rules, stringsOnly: true };
    expect(parseDecimalInput('5', strict, 'amount').value).toEqual({ negative: false, integer: '5', fraction: '' });
    expect(parseDecimalInput(5, strict, 'amount')).toEqual({
      errors: [{ code: 'NOT_AN_AMOUNT', path: 'amount', message: 'amounts are decimal strings: write "5", not the number 5' }],
    });
    expect(parseDecimalInput(0.5, strict, 'amount').errors.map((e) => e.code)).toEqual(['FLOAT_AMOUNT']);
    expect(parseDecimalInput(Number.NaN, strict, 'amount').errors.map((e) => e.code)).toEqual(['NON_FINITE_AMOUNT']);
    expect(parseDecimalInput(5, { ...rules, stringsOnly: false }, 'amount').value).toEqual({ negative: false, integer: '5', fraction: '' });
  });

  it('drops whitespace to diagnose the rest', () => {
    const ws = { code: 'WHITESPACE', path: '', message: 'an amount may not contain whitespace' };
    expect(parseDecimalInput(' 1.00', rules, '')).toEqual({ errors: [ws] });
    expect(parseDecimalInput('1 0 0', rules, '')).toEqual({ errors: [ws] });
    expect(parseDecimalInput('\t-1.5\n', rules, '')).toEqual({ errors: [ws] });
    expect(parseDecimalInput('1 .001', rules, '')).toEqual({
      errors: [ws, { code: 'TOO_MANY_DECIMALS', path: '', message: 'USD amounts have at most 2 decimals, got 3' }],
    });
  });

  it.each([
    ['1e3', 'EXPONENT_NOTATION'],
    ['1E3', 'EXPONENT_NOTATION'],
    ['1.e5', 'EXPONENT_NOTATION'],
    ['.5e1', 'EXPONENT_NOTATION'],
    ['1e+3', 'EXPONENT_NOTATION'],
    ['12.25e-10', 'EXPONENT_NOTATION'],
    ['e5', 'INVALID_AMOUNT'],
    ['1e', 'INVALID_AMOUNT'],
    ['1e3x', 'INVALID_AMOUNT'],
    ['x1e3', 'INVALID_AMOUNT'],
    ['1ee3', 'INVALID_AMOUNT'],
    ['nan', 'NON_FINITE_AMOUNT'],
    ['INF', 'NON_FINITE_AMOUNT'],
    ['-infinity', 'NON_FINITE_AMOUNT'],
    ['1inf', 'INVALID_AMOUNT'],
    ['info', 'INVALID_AMOUNT'],
    ['--1', 'INVALID_AMOUNT'],
    ['-', 'INVALID_AMOUNT'],
    ['١٢', 'INVALID_AMOUNT'],
  ])('%s is %s', (input, code) => {
    expect(parseDecimalInput(input, rules, '').errors.map((e) => e.code)).toEqual([code]);
  });
});

group('decimalText: the canonical text of a parsed amount', () => {
  it.each([
    [{ negative: false, integer: '', fraction: '' }, 2, '0.00'],
    [{ negative: false, integer: '', fraction: '' }, 0, '0'],
    [{ negative: false, integer: '12', fraction: '3' }, 2, '12.30'],
    [{ negative: false, integer: '12', fraction: '300' }, 2, '12.30'],
    [{ negative: false, integer: '', fraction: '05' }, 2, '0.05'],
    [{ negative: false, integer: '', fraction: '012500' }, 2, '0.0125'],
    [{ negative: false, integer: '100', fraction: '0100' }, 0, '100.01'],
    [{ negative: false, integer: '100', fraction: '000' }, 0, '100'],
    [{ negative: true, integer: '1', fraction: '5' }, 2, '-1.50'],
    [{ negative: true, integer: '7', fraction: '' }, 0, '-7'],
  ])('%j with %s decimals is %s', (p, min, text) => {
    expect(decimalText(p, min)).toBe(text);
  });
});

group('scaled values and minor units', () => {
  it('scaledOf is units / 10^scale', () => {
    expect(scaledOf({ negative: false, integer: '12', fraction: '50' })).toEqual({ units: 1250n, scale: 2 });
    expect(scaledOf({ negative: false, integer: '', fraction: '05' })).toEqual({ units: 5n, scale: 2 });
    expect(scaledOf({ negative: false, integer: '', fraction: '' })).toEqual({ units: 0n, scale: 0 });
    expect(scaledOf({ negative: true, integer: '3', fraction: '' })).toEqual({ units: -3n, scale: 0 });
  });

  it('minorFromParsed counts minor units', () => {
    expect(minorFromParsed({ negative: false, integer: '12', fraction: '3' }, 2)).toBe(1230n);
    expect(minorFromParsed({ negative: true, integer: '1', fraction: '' }, 3)).toBe(-1000n);
    expect(minorFromParsed({ negative: false, integer: '', fraction: '05' }, 2)).toBe(5n);
  });

  it('pow10 is 10^n, also beyond its table', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(2)).toBe(100n);
    expect(pow10(63)).toBe(10n ** 63n);
    expect(pow10(64)).toBe(10n ** 64n);
    expect(pow10(70)).toBe(10n ** 70n);
  });

  it.each([
    [1234n, 2, '12.34'],
    [5n, 2, '0.05'],
    [-5n, 3, '-0.005'],
    [0n, 2, '0.00'],
    [0n, 0, '0'],
    [-12n, 0, '-12'],
    [1000n, 0, '1000'],
    [-123456n, 2, '-1234.56'],
  ])('formatMinor(%s, %s) is %s', (units, minorUnits, text) => {
    expect(formatMinor(units, minorUnits)).toBe(text);
  });

  it.each([
    [1250n, 2, '12.5'],
    [1200n, 2, '12'],
    [1050n, 2, '10.5'],
    [12500n, 3, '12.5'],
    [100n, 0, '100'],
    [10n, 1, '1'],
    [0n, 2, '0'],
    [125n, 3, '0.125'],
    [-1250n, 2, '-12.5'],
  ])('formatScaled(%s, %s) is %s', (units, scale, text) => {
    expect(formatScaled(units, scale)).toBe(text);
  });
});

group('describe: a short description of an unexpected value, for messages', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [[1, 2], 'an array'],
    ['abc', 'the string "abc"'],
    ['x'.repeat(41), `the string "${'x'.repeat(40)}…"`],
    [12.5, 'number 12.5'],
    [7n, 'bigint 7'],
    [false, 'boolean false'],
    [{ a: 1 }, 'an object'],
    [Symbol('s'), 'symbol'],
    [() => 1, 'function'],
  ])('%s is described as %s', (value, text) => {
    expect(describe(value)).toBe(text);
  });
});

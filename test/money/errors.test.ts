import { describe, expect, it } from 'vitest';
import {
  CouponRulesError,
  type Money,
  add,
  allocate,
  lineTotal,
  money,
  moneyFromMinor,
  multiply,
  multiplyByRatio,
  parseMoney,
  parseUnitPrice,
  percentage,
  type RuleErrorCode,
  subtract,
  sum,
  unitPrice,
} from '../../src/index.js';
import { err, errorsThrownBy } from '../helpers.js';

// Every error is { code, path, message }: the code and path are the contract, the message says it to a person.

describe('parseMoney errors, each with its code, path and message', () => {
  const e = (code: RuleErrorCode, message: string) => err(code, 'price', message);

  it.each([
    [0.1, [e('FLOAT_AMOUNT', 'the binary float 0.1 is not an exact amount: pass a decimal string such as "0.10"')]],
    [12.345, [e('FLOAT_AMOUNT', 'the binary float 12.345 is not an exact amount: pass a decimal string such as "12.35"')]],
    [Number.NaN, [e('NON_FINITE_AMOUNT', 'NaN is not an amount')]],
    [Number.POSITIVE_INFINITY, [e('NON_FINITE_AMOUNT', 'Infinity is not an amount')]],
    [Number.NEGATIVE_INFINITY, [e('NON_FINITE_AMOUNT', '-Infinity is not an amount')]],
    ['NaN', [e('NON_FINITE_AMOUNT', '"NaN" is not an amount')]],
    ['-Infinity', [e('NON_FINITE_AMOUNT', '"-Infinity" is not an amount')]],
    ['+inf', [e('NON_FINITE_AMOUNT', '"+inf" is not an amount')]],
    [' NaN', [e('WHITESPACE', 'an amount may not contain whitespace'), e('NON_FINITE_AMOUNT', '"NaN" is not an amount')]],
    ['1e3', [e('EXPONENT_NOTATION', '"1e3" uses exponent notation: write the digits out')]],
    ['-1.5E-2', [e('SIGN_NOT_ALLOWED', 'this amount must not be negative'), e('EXPONENT_NOTATION', '"1.5E-2" uses exponent notation: write the digits out')]],
    ['-1.00', [e('SIGN_NOT_ALLOWED', 'this amount must not be negative')]],
    ['+1.00', [e('SIGN_NOT_ALLOWED', 'write amounts without a "+" sign')]],
    [' 1.00', [e('WHITESPACE', 'an amount may not contain whitespace')]],
    ['1 000', [e('WHITESPACE', 'an amount may not contain whitespace')]],
    ['1.001', [e('TOO_MANY_DECIMALS', 'USD amounts have at most 2 decimals, got 3')]],
    ['', [e('INVALID_AMOUNT', '"" is not a decimal amount (digits, optionally "." and more digits)')]],
    ['1,000.00', [e('INVALID_AMOUNT', '"1,000.00" is not a decimal amount (digits, optionally "." and more digits)')]],
    [
      '-007',
      [
        e('SIGN_NOT_ALLOWED', 'this amount must not be negative'),
        e('INVALID_AMOUNT', '"007" is not a decimal amount (digits, optionally "." and more digits)'),
      ],
    ],
    ['1000000000000000', [e('AMOUNT_OUT_OF_RANGE', 'amounts must be below 10^15 major units')]],
    [1_000_000_000_000_000, [e('AMOUNT_OUT_OF_RANGE', 'amounts must be below 10^15 major units')]],
    [2 ** 60, [e('AMOUNT_OUT_OF_RANGE', '1152921504606847000 is beyond the exact integer range of a JavaScript number: pass a decimal string')]],
    [null, [e('NOT_AN_AMOUNT', 'expected a decimal string such as "12.34", got null')]],
    [undefined, [e('NOT_AN_AMOUNT', 'expected a decimal string such as "12.34", got undefined')]],
    [5n, [e('NOT_AN_AMOUNT', 'expected a decimal string such as "12.34", got bigint 5')]],
    [true, [e('NOT_AN_AMOUNT', 'expected a decimal string such as "12.34", got boolean true')]],
    [['1.00'], [e('NOT_AN_AMOUNT', 'expected a decimal string such as "12.34", got an array')]],
    [{ amount: '1.00' }, [e('NOT_AN_AMOUNT', 'expected a decimal string such as "12.34", got an object')]],
  ])('rejects %s with its errors', (input, errors) => {
    expect(parseMoney(input, 'USD', { path: 'price' })).toEqual({ ok: false, errors });
  });

  it('reports every problem of one input, in order', () => {
    expect(parseMoney(' -1.999', 'USD', { path: 'price' })).toEqual({
      ok: false,
      errors: [
        e('WHITESPACE', 'an amount may not contain whitespace'),
        e('SIGN_NOT_ALLOWED', 'this amount must not be negative'),
        e('TOO_MANY_DECIMALS', 'USD amounts have at most 2 decimals, got 3'),
      ],
    });
    expect(parseMoney('+1000000000000000.001', 'USD', { path: 'price' })).toEqual({
      ok: false,
      errors: [
        e('SIGN_NOT_ALLOWED', 'write amounts without a "+" sign'),
        e('AMOUNT_OUT_OF_RANGE', 'amounts must be below 10^15 major units'),
        e('TOO_MANY_DECIMALS', 'USD amounts have at most 2 decimals, got 3'),
      ],
    });
  });

  it('a "+" sign is refused even where negatives are allowed', () => {
    expect(parseMoney('+1.00', 'USD', { path: 'price', allowNegative: true })).toEqual({
      ok: false,
      errors: [e('SIGN_NOT_ALLOWED', 'write amounts without a "+" sign')],
    });
  });

  it('names the currency and its decimals in TOO_MANY_DECIMALS', () => {
    expect(parseMoney('1.5', 'JPY')).toEqual({
      ok: false,
      errors: [{ code: 'TOO_MANY_DECIMALS', path: '', message: 'JPY amounts have at most 0 decimals, got 1' }],
    });
    expect(parseMoney('1.0000', 'BHD')).toEqual({
      ok: false,
      errors: [{ code: 'TOO_MANY_DECIMALS', path: '', message: 'BHD amounts have at most 3 decimals, got 4' }],
    });
  });

  it('puts currency errors under <path>.currency, or at "" without a path', () => {
    expect(parseMoney('1.00', 'XYZ', { path: 'price' })).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_CURRENCY', path: 'price.currency', message: '"XYZ" is not an active ISO 4217 currency code' }],
    });
    expect(parseMoney('1.00', 'XYZ')).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_CURRENCY', path: '', message: '"XYZ" is not an active ISO 4217 currency code' }],
    });
    expect(parseUnitPrice('1.00', { code: 'x', minorUnits: 2 }, { path: 'lines.0.unitPrice' })).toEqual({
      ok: false,
      errors: [
        {
          code: 'INVALID_CURRENCY',
          path: 'lines.0.unitPrice.currency.code',
          message: 'a currency code is 3–16 upper-case letters or digits, starting with a letter',
        },
      ],
    });
    expect(parseUnitPrice('1.00', 'XYZ')).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_CURRENCY', path: '', message: '"XYZ" is not an active ISO 4217 currency code' }],
    });
  });

  it('clips a long bad input to 40 characters in the message', () => {
    const forty = 'a'.repeat(40);
    expect(parseMoney(forty, 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_AMOUNT', path: '', message: `"${forty}" is not a decimal amount (digits, optionally "." and more digits)` }],
    });
    expect(parseMoney(`${forty}b`, 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_AMOUNT', path: '', message: `"${forty}…" is not a decimal amount (digits, optionally "." and more digits)` }],
    });
    const exp = `${'1'.repeat(40)}e5`;
    expect(parseMoney(exp, 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'EXPONENT_NOTATION', path: '', message: `"${'1'.repeat(40)}…" uses exponent notation: write the digits out` }],
    });
    expect(parseMoney(['x'.repeat(50)].join(''), 'USD', { path: 'p' })).toMatchObject({
      ok: false,
      errors: [{ message: `"${'x'.repeat(40)}…" is not a decimal amount (digits, optionally "." and more digits)` }],
    });
  });
});

describe('parseUnitPrice errors', () => {
  it('allows 30 decimals and names the unit price in TOO_MANY_DECIMALS past them', () => {
    expect(parseUnitPrice(`0.${'1'.repeat(30)}`, 'USD').ok).toBe(true);
    expect(parseUnitPrice(`0.${'1'.repeat(31)}`, 'USD', { path: 'unitPrice' })).toEqual({
      ok: false,
      errors: [{ code: 'TOO_MANY_DECIMALS', path: 'unitPrice', message: 'unit price amounts have at most 30 decimals, got 31' }],
    });
  });

  it('refuses a negative unit price', () => {
    expect(parseUnitPrice('-0.0125', 'USD', { path: 'unitPrice' })).toEqual({
      ok: false,
      errors: [{ code: 'SIGN_NOT_ALLOWED', path: 'unitPrice', message: 'this amount must not be negative' }],
    });
  });

  it('reports errors at "" without a path', () => {
    expect(parseUnitPrice('x', 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_AMOUNT', path: '', message: '"x" is not a decimal amount (digits, optionally "." and more digits)' }],
    });
  });

  it('the convenience form throws the structured error', () => {
    expect(errorsThrownBy(() => unitPrice('1e3', 'USD'))).toEqual([
      { code: 'EXPONENT_NOTATION', path: '', message: '"1e3" uses exponent notation: write the digits out' },
    ]);
  });
});

describe('moneyFromMinor errors', () => {
  it.each([
    [1.5, 'FLOAT_AMOUNT', 'minor units must be a safe integer or a bigint, got 1.5'],
    [2 ** 60, 'AMOUNT_OUT_OF_RANGE', 'minor units must be a safe integer or a bigint, got 1152921504606847000'],
    [Number.NaN, 'NON_FINITE_AMOUNT', 'minor units must be a safe integer or a bigint, got NaN'],
    [Number.POSITIVE_INFINITY, 'NON_FINITE_AMOUNT', 'minor units must be a safe integer or a bigint, got Infinity'],
  ] as const satisfies readonly (readonly [number, RuleErrorCode, string])[])('%s is %s', (minor, code, message) => {
    expect(errorsThrownBy(() => moneyFromMinor(minor, 'USD'))).toEqual([err(code, '', message)]);
  });

  it('refuses what is neither a number nor a bigint with INVALID_TYPE', () => {
    expect(() => moneyFromMinor('1234' as unknown as number, 'USD')).toThrow(
      new CouponRulesError([err('INVALID_TYPE', '', 'minor units must be a bigint or a safe integer, got the string "1234"')]),
    );
    expect(() => moneyFromMinor(null as unknown as number, 'USD')).toThrow(
      new CouponRulesError([err('INVALID_TYPE', '', 'minor units must be a bigint or a safe integer, got null')]),
    );
  });

  it('checks the currency first', () => {
    expect(errorsThrownBy(() => moneyFromMinor(1, 'XYZ'))[0]?.code).toBe('UNKNOWN_CURRENCY');
  });
});

describe('arithmetic errors', () => {
  const usd = (s: string) => money(s, 'USD', { allowNegative: true });

  it('CURRENCY_MISMATCH names both currencies', () => {
    const expected = [{ code: 'CURRENCY_MISMATCH', path: '', message: 'cannot combine USD with EUR' }];
    expect(errorsThrownBy(() => add(usd('1'), money('1', 'EUR')))).toEqual(expected);
    expect(errorsThrownBy(() => subtract(usd('1'), money('1', 'EUR')))).toEqual(expected);
    expect(errorsThrownBy(() => sum([usd('1')], 'EUR'))).toEqual([{ code: 'CURRENCY_MISMATCH', path: '', message: 'cannot combine EUR with USD' }]);
    expect(errorsThrownBy(() => sum([usd('1'), money('1', 'JPY')]))).toEqual([{ code: 'CURRENCY_MISMATCH', path: '', message: 'cannot combine USD with JPY' }]);
  });

  it('INVALID_QUANTITY names the range and the value', () => {
    for (const q of [1.5, -1, 1_000_000_001, Number.NaN, 2 ** 60]) {
      expect(errorsThrownBy(() => multiply(usd('1'), q))).toEqual([
        { code: 'INVALID_QUANTITY', path: '', message: `a quantity is an integer from 0 to 1000000000, got ${String(q)}` },
      ]);
    }
    for (const q of [-1n, 1_000_000_001n]) {
      expect(errorsThrownBy(() => lineTotal(unitPrice('1', 'USD'), q))).toEqual([
        { code: 'INVALID_QUANTITY', path: '', message: `a quantity is an integer from 0 to 1000000000, got ${String(q)}` },
      ]);
    }
  });

  it('ratio parts are checked at the path "numerator" or "denominator"', () => {
    expect(errorsThrownBy(() => multiplyByRatio(usd('10'), -1n, 3))).toEqual([
      { code: 'SIGN_NOT_ALLOWED', path: 'numerator', message: 'the numerator must not be negative' },
    ]);
    expect(errorsThrownBy(() => multiplyByRatio(usd('10'), 1, -3n))).toEqual([
      { code: 'SIGN_NOT_ALLOWED', path: 'denominator', message: 'the denominator must not be negative' },
    ]);
    expect(errorsThrownBy(() => multiplyByRatio(usd('10'), 1, '-3'))).toEqual([
      { code: 'SIGN_NOT_ALLOWED', path: 'denominator', message: 'this amount must not be negative' },
    ]);
    expect(errorsThrownBy(() => percentage(usd('10'), '-10'))).toEqual([
      { code: 'SIGN_NOT_ALLOWED', path: 'numerator', message: 'this amount must not be negative' },
    ]);
    expect(errorsThrownBy(() => percentage(usd('10'), `1.${'5'.repeat(31)}`))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'numerator', message: 'numerator amounts have at most 30 decimals, got 31' },
    ]);
    expect(errorsThrownBy(() => multiplyByRatio(usd('10'), 1, `1.${'5'.repeat(31)}`))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'denominator', message: 'denominator amounts have at most 30 decimals, got 31' },
    ]);
    expect(errorsThrownBy(() => percentage(usd('10'), 0.1))).toEqual([
      { code: 'FLOAT_AMOUNT', path: 'numerator', message: 'the binary float 0.1 is not an exact amount: pass a decimal string such as "0.10"' },
    ]);
  });

  it('INVALID_RATIO when the denominator is zero, however written', () => {
    const expected = [{ code: 'INVALID_RATIO', path: 'denominator', message: 'the denominator must be positive' }];
    for (const d of [0, 0n, '0', '0.000']) expect(errorsThrownBy(() => multiplyByRatio(usd('10'), 1, d))).toEqual(expected);
  });

  it('CURRENCY_REQUIRED for the sum of nothing without a currency', () => {
    expect(errorsThrownBy(() => sum([]))).toEqual([{ code: 'CURRENCY_REQUIRED', path: '', message: 'the sum of no amounts needs a currency' }]);
  });

  it('AMOUNT_OUT_OF_RANGE for a result of 10^30 major units or more', () => {
    const expected = [{ code: 'AMOUNT_OUT_OF_RANGE', path: '', message: 'the result is beyond 10^30 major units, the documented bound' }];
    expect(errorsThrownBy(() => moneyFromMinor(10n ** 30n, 'JPY'))).toEqual(expected);
    expect(errorsThrownBy(() => moneyFromMinor(-(10n ** 30n), 'JPY'))).toEqual(expected);
    expect(errorsThrownBy(() => moneyFromMinor(10n ** 32n, 'USD'))).toEqual(expected);
    expect(moneyFromMinor(10n ** 30n - 1n, 'JPY').amount).toBe('9'.repeat(30));
    expect(moneyFromMinor(-(10n ** 32n - 1n), 'USD').amount).toBe(`-${'9'.repeat(30)}.99`);
  });
});

describe('allocate errors list every bad weight', () => {
  const one = money('1.00', 'USD');

  it('a negative weight', () => {
    expect(errorsThrownBy(() => allocate(one, [1, -1, '-0.5', -2n]))).toEqual([
      { code: 'INVALID_WEIGHTS', path: '1', message: 'weight 1 is negative' },
      { code: 'INVALID_WEIGHTS', path: '2', message: 'weight 2 is negative' },
      { code: 'INVALID_WEIGHTS', path: '3', message: 'weight 3 is negative' },
    ]);
  });

  it('a weight that is not a non-negative amount, with the reason', () => {
    expect(errorsThrownBy(() => allocate(one, [0.5, 'x', `0.${'1'.repeat(31)}`, 1]))).toEqual([
      { code: 'INVALID_WEIGHTS', path: '0', message: 'the binary float 0.5 is not an exact amount: pass a decimal string such as "0.50"' },
      { code: 'INVALID_WEIGHTS', path: '1', message: '"x" is not a decimal amount (digits, optionally "." and more digits)' },
      { code: 'INVALID_WEIGHTS', path: '2', message: 'weight amounts have at most 30 decimals, got 31' },
    ]);
  });

  it('a Money weight in another currency', () => {
    expect(errorsThrownBy(() => allocate(one, [money('1', 'USD'), money('1', 'EUR')]))).toEqual([
      { code: 'CURRENCY_MISMATCH', path: '1', message: 'weight 1 is in EUR, the amount in USD' },
    ]);
  });

  it('an empty list', () => {
    expect(errorsThrownBy(() => allocate(one, []))).toEqual([{ code: 'INVALID_WEIGHTS', path: '', message: 'allocate needs at least one weight' }]);
  });

  it('all-zero weights, however written', () => {
    expect(errorsThrownBy(() => allocate(one, [0, 0n, '0.00', '-0', money('0', 'USD')]))).toEqual([
      { code: 'INVALID_WEIGHTS', path: '', message: 'the weights are all zero' },
    ]);
  });

  it('says nothing of "all zero" when a weight is bad already', () => {
    expect(errorsThrownBy(() => allocate(one, [0, 'x']))).toEqual([
      { code: 'INVALID_WEIGHTS', path: '1', message: '"x" is not a decimal amount (digits, optionally "." and more digits)' },
    ]);
    expect(errorsThrownBy(() => allocate(one, [0, -1]))).toEqual([{ code: 'INVALID_WEIGHTS', path: '1', message: 'weight 1 is negative' }]);
  });

  it('the thrown error has the code of the first problem', () => {
    const run = () => allocate(one, [money('1', 'EUR'), -1]);
    expect(run).toThrow(expect.objectContaining({ name: 'CouponRulesError', code: 'CURRENCY_MISMATCH' }));
    expect(errorsThrownBy(run).map((x) => x.code)).toEqual(['CURRENCY_MISMATCH', 'INVALID_WEIGHTS']);
  });
});

describe('values not made by this library are re-validated', () => {
  const usdJson = { code: 'USD', minorUnits: 2 };
  const rebuilt = (amount: unknown, kind: unknown = 'money', currency: unknown = usdJson) => ({ kind, amount, currency }) as unknown as Money;

  it('a non-object is INVALID_TYPE naming what it got', () => {
    expect(errorsThrownBy(() => multiply(null as unknown as Money, 1))).toEqual([err('INVALID_TYPE', '', 'expected Money, got null')]);
    expect(errorsThrownBy(() => multiply('1.00' as unknown as Money, 1))).toEqual([err('INVALID_TYPE', '', 'expected Money, got the string "1.00"')]);
  });

  it('an object of another kind is INVALID_TYPE', () => {
    expect(errorsThrownBy(() => multiply(rebuilt('1.00', 'price'), 1))).toEqual([err('INVALID_TYPE', '', 'expected Money or UnitPrice, got an object')]);
    expect(errorsThrownBy(() => multiply(rebuilt('1.00', null), 1))).toEqual([err('INVALID_TYPE', '', 'expected Money or UnitPrice, got an object')]);
  });

  it('a bad currency is reported with its error', () => {
    expect(errorsThrownBy(() => multiply(rebuilt('1.00', 'money', 'usd'), 1))).toEqual([
      { code: 'UNKNOWN_CURRENCY', path: '', message: '"usd" is not an active ISO 4217 currency code' },
    ]);
  });

  it('the amount must be a canonical decimal string, reported at "amount"', () => {
    expect(errorsThrownBy(() => multiply(rebuilt(5), 1))).toEqual([
      { code: 'NOT_AN_AMOUNT', path: 'amount', message: 'amounts are decimal strings: write "5", not the number 5' },
    ]);
    expect(errorsThrownBy(() => multiply(rebuilt(0.5), 1))).toEqual([
      { code: 'FLOAT_AMOUNT', path: 'amount', message: 'the binary float 0.5 is not an exact amount: pass a decimal string such as "0.50"' },
    ]);
    expect(errorsThrownBy(() => multiply(rebuilt('1.001'), 1))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'amount', message: 'USD amounts have at most 2 decimals, got 3' },
    ]);
    expect(errorsThrownBy(() => multiply(rebuilt('1'.repeat(31)), 1))).toEqual([
      { code: 'AMOUNT_OUT_OF_RANGE', path: 'amount', message: 'amounts must be below 10^30 major units' },
    ]);
    expect(errorsThrownBy(() => lineTotal(rebuilt('-1.00', 'unit-price'), 1))).toEqual([
      { code: 'SIGN_NOT_ALLOWED', path: 'amount', message: 'this amount must not be negative' },
    ]);
    expect(errorsThrownBy(() => lineTotal(rebuilt(`0.${'1'.repeat(31)}`, 'unit-price'), 1))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'amount', message: 'USD amounts have at most 30 decimals, got 31' },
    ]);
  });
});

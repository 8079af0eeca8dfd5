import { describe, expect, it } from 'vitest';
import {
  type Money,
  type UnitPrice,
  add,
  allocate,
  compare,
  equals,
  formatMoney,
  isMoney,
  isNegative,
  isZero,
  lineTotal,
  max,
  min,
  money,
  moneyFromMinor,
  multiply,
  multiplyByRatio,
  parseMoney,
  percentage,
  subtract,
  sum,
  toMinorUnits,
  unitPrice,
} from '../../src/index.js';

const usd = (s: string) => money(s, 'USD', { allowNegative: true });
const amounts = (ms: readonly Money[]) => ms.map((m) => m.amount);

describe('Money and UnitPrice values', () => {
  it('carry their kind, amount and currency, and print as "<amount> <code>"', () => {
    const m = money('12.3', 'USD');
    expect(m.kind).toBe('money');
    expect(m.currency).toEqual({ code: 'USD', minorUnits: 2 });
    expect(m.toString()).toBe('12.30 USD');
    const p = unitPrice('0.0125', 'USD');
    expect(p.kind).toBe('unit-price');
    expect(p.currency).toEqual({ code: 'USD', minorUnits: 2 });
    expect(p.toString()).toBe('0.0125 USD');
    expect(String(unitPrice('5', 'JPY'))).toBe('5 JPY');
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('accept a safe-integer JS number as whole major units', () => {
    expect(money(100, 'USD').amount).toBe('100.00');
    expect(money(0, 'USD').amount).toBe('0.00');
    expect(money(-0, 'USD').amount).toBe('0.00');
    expect(money(999_999_999_999_999, 'USD').amount).toBe('999999999999999.00');
    expect(money(-5, 'USD', { allowNegative: true }).amount).toBe('-5.00');
    expect(money(1005, 'JPY').amount).toBe('1005');
    expect(unitPrice(10, 'BHD').amount).toBe('10.000');
  });

  it('accept negatives only when asked, and never a negative zero', () => {
    expect(money('-1', 'JPY', { allowNegative: true }).amount).toBe('-1');
    expect(money('-10', 'JPY', { allowNegative: true }).amount).toBe('-10');
    expect(money('-0', 'JPY', { allowNegative: true }).amount).toBe('0');
    expect(money('-0.10', 'USD', { allowNegative: true }).amount).toBe('-0.10');
    expect(money('-0.01', 'USD', { allowNegative: true }).amount).toBe('-0.01');
    expect(money('-5.5', 'USD', { allowNegative: true }).amount).toBe('-5.50');
    expect(money('-12.12', 'USD', { allowNegative: true }).amount).toBe('-12.12');
    expect(parseMoney('-1.00', 'USD', { allowNegative: false }).ok).toBe(false);
    expect(parseMoney('-1.00', 'USD').ok).toBe(false);
    expect(parseMoney('-1.00', 'USD', { allowNegative: true }).ok).toBe(true);
  });

  it('a unit price keeps at least the currency decimals, trailing zeros beyond them dropped', () => {
    expect(unitPrice('0.05', 'USD').amount).toBe('0.05');
    expect(unitPrice('0.012500', 'USD').amount).toBe('0.0125');
    expect(unitPrice('10.100', 'USD').amount).toBe('10.10');
    expect(unitPrice('10.1', 'USD').amount).toBe('10.10');
    expect(unitPrice('0.000', 'USD').amount).toBe('0.00');
    expect(unitPrice('0.50', 'JPY').amount).toBe('0.5');
    expect(unitPrice('0.000', 'JPY').amount).toBe('0');
    expect(unitPrice('100', 'JPY').amount).toBe('100');
    expect(unitPrice('100.0100', 'JPY').amount).toBe('100.01');
  });

  it('count minor units exactly, also below zero', () => {
    expect(toMinorUnits(usd('-12.34'))).toBe(-1234n);
    expect(toMinorUnits(usd('-0.05'))).toBe(-5n);
    expect(toMinorUnits(money('-5', 'JPY', { allowNegative: true }))).toBe(-5n);
    expect(toMinorUnits(money('1.250', 'BHD'))).toBe(1250n);
    expect(toMinorUnits(money('0', 'USD'))).toBe(0n);
    expect(moneyFromMinor(-1234, 'USD').amount).toBe('-12.34');
    expect(moneyFromMinor(5, 'USD').amount).toBe('0.05');
    expect(moneyFromMinor(0n, 'BHD').amount).toBe('0.000');
    expect(moneyFromMinor(-0, 'USD').amount).toBe('0.00');
  });

  it('isMoney is true only for Money made by this library', () => {
    expect(isMoney(money('1', 'USD'))).toBe(true);
    expect(isMoney(moneyFromMinor(1, 'USD'))).toBe(true);
    expect(isMoney(unitPrice('1', 'USD'))).toBe(false);
    expect(isMoney(JSON.parse(JSON.stringify(money('1', 'USD'))))).toBe(false);
    expect(isMoney(null)).toBe(false);
    expect(isMoney('1.00 USD')).toBe(false);
  });
});

describe('values rebuilt from JSON are re-validated, then computed with exactly', () => {
  const rebuilt = (amount: string, kind: 'money' | 'unit-price' = 'money', cur: unknown = { code: 'USD', minorUnits: 2 }) =>
    ({ kind, amount, currency: cur }) as unknown as Money;

  it('a rebuilt Money is formatted canonically', () => {
    expect(formatMoney(rebuilt('1.5'))).toBe('1.50');
    expect(formatMoney(rebuilt('0'))).toBe('0.00');
    expect(formatMoney(rebuilt('-2.5'))).toBe('-2.50');
    expect(formatMoney(rebuilt('1', 'money', 'BHD'))).toBe('1.000');
    expect(formatMoney(rebuilt('9'.repeat(30)))).toBe(`${'9'.repeat(30)}.00`);
    expect(formatMoney(money('10', 'USD'))).toBe('10.00');
  });

  it('a rebuilt Money may be negative and is counted in minor units', () => {
    expect(add(rebuilt('-1.5'), money('1', 'USD')).amount).toBe('-0.50');
    expect(toMinorUnits(rebuilt('-1.5'))).toBe(-150n);
    expect(toMinorUnits(rebuilt('3', 'money', { code: 'CREDITS', minorUnits: 0 }))).toBe(3n);
    expect(isNegative(rebuilt('-0.01'))).toBe(true);
    expect(isZero(rebuilt('0.00'))).toBe(true);
  });

  it('a rebuilt UnitPrice may carry up to 30 decimals and is rounded once in a line total', () => {
    const price = rebuilt('0.0125', 'unit-price') as unknown as UnitPrice;
    expect(lineTotal(price, 400).amount).toBe('5.00');
    expect(lineTotal(price, 2, 'down').amount).toBe('0.02');
  });

  it('a Money can be used as a line price and is not rounded', () => {
    expect(lineTotal(money('2.50', 'USD'), 3).amount).toBe('7.50');
    expect(lineTotal(rebuilt('2.5'), 3).amount).toBe('7.50');
  });
});

describe('arithmetic results', () => {
  it('zero is always written without a sign', () => {
    expect(multiply(usd('-1.00'), 0).amount).toBe('0.00');
    expect(multiply(usd('-1.00'), 0n).amount).toBe('0.00');
    expect(subtract(usd('-1.00'), usd('-1.00')).amount).toBe('0.00');
    expect(add(usd('-1.00'), usd('1.00')).amount).toBe('0.00');
    expect(multiplyByRatio(usd('-1.00'), 0, 3).amount).toBe('0.00');
    expect(multiplyByRatio(usd('-0.01'), 1, 3).amount).toBe('0.00');
    expect(isNegative(multiply(usd('-1.00'), 0))).toBe(false);
  });

  it('quantities run from 0 to 10^9, as numbers or bigints', () => {
    expect(multiply(usd('2.50'), 0).amount).toBe('0.00');
    expect(multiply(usd('2.50'), 1_000_000_000).amount).toBe('2500000000.00');
    expect(multiply(usd('2.50'), 1_000_000_000n).amount).toBe('2500000000.00');
    expect(multiply(usd('-2.50'), 4n).amount).toBe('-10.00');
    expect(lineTotal(unitPrice('0.0125', 'USD'), 0).amount).toBe('0.00');
    expect(lineTotal(unitPrice('0.0125', 'USD'), 1_000_000_000n).amount).toBe('12500000.00');
  });

  it('ratio parts may be integers, bigints or decimal strings of any scale', () => {
    expect(multiplyByRatio(usd('10.00'), '1.5', 3).amount).toBe('5.00');
    expect(multiplyByRatio(usd('10.00'), 3, '1.5').amount).toBe('20.00');
    expect(multiplyByRatio(usd('10.00'), '12.5', '0.25').amount).toBe('500.00');
    expect(multiplyByRatio(usd('10.00'), 2n, 4n).amount).toBe('5.00');
    expect(multiplyByRatio(usd('10.00'), '0', 3).amount).toBe('0.00');
    expect(multiplyByRatio(usd('10.00'), 0n, 3n).amount).toBe('0.00');
    expect(percentage(usd('10.00'), 0n).amount).toBe('0.00');
    expect(multiplyByRatio(usd('-10.00'), '2.5', '10').amount).toBe('-2.50');
    expect(percentage(usd('80.00'), '12.5').amount).toBe('10.00');
    expect(percentage(usd('80.00'), 10n).amount).toBe('8.00');
    expect(percentage(usd('80.00'), 150).amount).toBe('120.00');
  });

  it('compare gives -1, 0 or 1', () => {
    expect(compare(usd('2.00'), usd('1.99'))).toBe(1);
    expect(compare(usd('1.99'), usd('2.00'))).toBe(-1);
    expect(compare(usd('-1'), usd('-1.00'))).toBe(0);
    expect(compare(usd('-2'), usd('1'))).toBe(-1);
  });

  it('equals, isZero and isNegative', () => {
    expect(equals(usd('1.00'), usd('1.01'))).toBe(false);
    expect(equals(usd('0'), usd('-0'))).toBe(true);
    expect(isZero(usd('0.01'))).toBe(false);
    expect(isZero(usd('-0.01'))).toBe(false);
    expect(isNegative(usd('0.01'))).toBe(false);
    expect(isNegative(usd('0'))).toBe(false);
    expect(isNegative(usd('-0'))).toBe(false);
    expect(isNegative(usd('-0.01'))).toBe(true);
  });

  it('min and max return the first of equals', () => {
    const a = usd('1');
    const b = usd('1.00');
    expect(min(a, b)).toBe(a);
    expect(max(a, b)).toBe(a);
    expect(min(b, a)).toBe(b);
    expect(max(b, a)).toBe(b);
    expect(min(a)).toBe(a);
    expect(max(usd('1'), usd('3'), usd('2')).amount).toBe('3.00');
    expect(min(usd('1'), usd('-3'), usd('2')).amount).toBe('-3.00');
  });

  it('sum of amounts, with or without the currency named', () => {
    expect(sum([usd('1.10')]).amount).toBe('1.10');
    expect(sum([usd('1.10'), usd('-0.10')], 'USD').amount).toBe('1.00');
    expect(sum([usd('1.10')], { code: 'USD', minorUnits: 2 }).amount).toBe('1.10');
    expect(sum([], 'USD')).toEqual(usd('0'));
    expect(sum([], 'BHD').amount).toBe('0.000');
    expect(sum([usd('0.10'), usd('0.20'), usd('0.30')]).currency).toEqual({ code: 'USD', minorUnits: 2 });
  });
});

describe('allocate with mixed weights', () => {
  it('scales Money, decimal-string and integer weights to one unit before splitting', () => {
    expect(amounts(allocate(money('3.00', 'USD'), [money('0.50', 'USD'), 1]))).toEqual(['1.00', '2.00']);
    expect(amounts(allocate(money('3.00', 'USD'), [1, money('0.50', 'USD')]))).toEqual(['2.00', '1.00']);
    expect(amounts(allocate(money('3.00', 'USD'), ['12.5', '25', 25n]))).toEqual(['0.60', '1.20', '1.20']);
    expect(amounts(allocate(money('3.00', 'USD'), ['0.5', '1.25', 1n]))).toEqual(['0.55', '1.36', '1.09']);
    expect(amounts(allocate(money('1.000', 'BHD'), [money('0.001', 'BHD'), money('0.003', 'BHD')]))).toEqual(['0.250', '0.750']);
  });

  it('a zero or negative-zero weight gets zero', () => {
    expect(amounts(allocate(money('1.00', 'USD'), ['-0', 1]))).toEqual(['0.00', '1.00']);
    expect(amounts(allocate(money('1.00', 'USD'), [money('0', 'USD'), '0.000', 2]))).toEqual(['0.00', '0.00', '1.00']);
  });

  it('splits a negative amount as its magnitude, negated', () => {
    expect(amounts(allocate(usd('-10.00'), [1, 1, 1]))).toEqual(['-3.34', '-3.33', '-3.33']);
    expect(amounts(allocate(usd('-0.01'), [1, 2]))).toEqual(['0.00', '-0.01']);
  });
});

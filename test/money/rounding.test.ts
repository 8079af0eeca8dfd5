import { err, errorsThrownBy } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROUNDING,
  ROUNDING_MODES,
  type RoundingMode,
  isRoundingMode,
  lineTotal,
  money,
  multiplyByRatio,
  percentage,
  roundToMinor,
  unitPrice,
} from '../../src/index.js';

const usd = (s: string) => money(s, 'USD', { allowNegative: true });

describe('rounding modes', () => {
  it('are half-up (the default), half-even, half-down, down and up', () => {
    expect(ROUNDING_MODES).toEqual(['half-up', 'half-even', 'half-down', 'down', 'up']);
    expect(DEFAULT_ROUNDING).toBe('half-up');
  });

  it.each(['half-up', 'half-even', 'half-down', 'down', 'up'])('isRoundingMode(%j) is true', (mode) => {
    expect(isRoundingMode(mode)).toBe(true);
  });

  it.each(['bankers', '', 'HALF-UP', 'half_up', 'half_down', 'HALF-DOWN', 'half-odd', 'floor', 'ceil', ' up', undefined, null, 4, { mode: 'up' }])(
    'isRoundingMode(%j) is false',
    (value) => {
      expect(isRoundingMode(value)).toBe(false);
    },
  );
});

// The table of docs/money.md: 1.005 →, 1.015 →, -1.005 →
const table: [RoundingMode, string, string, string][] = [
  ['half-up', '1.01', '1.02', '-1.01'],
  ['half-even', '1.00', '1.02', '-1.00'],
  ['half-down', '1.00', '1.01', '-1.00'],
  ['down', '1.00', '1.01', '-1.00'],
  ['up', '1.01', '1.02', '-1.01'],
];

describe('the rounding table of the money rules', () => {
  it.each(table)('%s rounds 1.005 to %s and 1.015 to %s (unit prices rounded to minor units)', (mode, a, b) => {
    expect(roundToMinor(unitPrice('1.005', 'USD'), mode).amount).toBe(a);
    expect(roundToMinor(unitPrice('1.015', 'USD'), mode).amount).toBe(b);
  });

  it.each(table)('%s: 1.005 → %s, 1.015 → %s, -1.005 → %s (a ratio of money: 10.05 / 10, 10.15 / 10, -10.05 / 10)', (mode, a, b, neg) => {
    expect(multiplyByRatio(usd('10.05'), 1, 10, mode).amount).toBe(a);
    expect(multiplyByRatio(usd('10.15'), 1, 10, mode).amount).toBe(b);
    expect(multiplyByRatio(usd('-10.05'), 1, 10, mode).amount).toBe(neg);
  });

  it('rounds a line total once, on price × quantity, not the price first', () => {
    // 0.335 × 3 = 1.005: rounding the price first (0.34 × 3 = 1.02) would differ
    expect(lineTotal(unitPrice('0.335', 'USD'), 3).amount).toBe('1.01');
    expect(lineTotal(unitPrice('0.335', 'USD'), 3, 'half-even').amount).toBe('1.00');
    expect(lineTotal(unitPrice('0.335', 'USD'), 3, 'half-down').amount).toBe('1.00');
    expect(lineTotal(unitPrice('0.335', 'USD'), 3, 'down').amount).toBe('1.00');
    expect(lineTotal(unitPrice('0.335', 'USD'), 3, 'up').amount).toBe('1.01');
  });

  it('half-up is the default everywhere a mode may be left out', () => {
    expect(roundToMinor(unitPrice('1.005', 'USD')).amount).toBe('1.01');
    expect(lineTotal(unitPrice('0.0125', 'USD'), 2).amount).toBe('0.03');
    expect(multiplyByRatio(usd('-10.05'), 1, 10).amount).toBe('-1.01');
    expect(percentage(usd('10.05'), '10').amount).toBe('1.01');
  });

  it('away from a tie every nearest mode goes to the nearest value, on both sides of zero', () => {
    for (const mode of ['half-up', 'half-even', 'half-down'] as const) {
      expect(roundToMinor(unitPrice('1.0049', 'USD'), mode).amount).toBe('1.00');
      expect(roundToMinor(unitPrice('1.0051', 'USD'), mode).amount).toBe('1.01');
      expect(roundToMinor(unitPrice('1.0149', 'USD'), mode).amount).toBe('1.01');
      expect(roundToMinor(unitPrice('1.0151', 'USD'), mode).amount).toBe('1.02');
      expect(multiplyByRatio(usd('-10.04'), 1, 10, mode).amount).toBe('-1.00'); // -1.004
      expect(multiplyByRatio(usd('-10.06'), 1, 10, mode).amount).toBe('-1.01'); // -1.006
      expect(multiplyByRatio(usd('-10.14'), 1, 10, mode).amount).toBe('-1.01'); // -1.014
      expect(multiplyByRatio(usd('-10.16'), 1, 10, mode).amount).toBe('-1.02'); // -1.016
    }
  });

  it('down goes toward zero and up away from zero, however small the fraction', () => {
    expect(roundToMinor(unitPrice('1.009', 'USD'), 'down').amount).toBe('1.00');
    expect(roundToMinor(unitPrice('1.001', 'USD'), 'up').amount).toBe('1.01');
    expect(multiplyByRatio(usd('-10.09'), 1, 10, 'down').amount).toBe('-1.00'); // -1.009
    expect(multiplyByRatio(usd('-10.01'), 1, 10, 'up').amount).toBe('-1.01'); // -1.001
  });

  it('an exact value is never moved, in any mode', () => {
    for (const mode of ROUNDING_MODES) {
      expect(roundToMinor(unitPrice('1.01', 'USD'), mode).amount).toBe('1.01');
      expect(multiplyByRatio(usd('10.00'), 1, 2, mode).amount).toBe('5.00');
      expect(multiplyByRatio(usd('-10.00'), 1, 2, mode).amount).toBe('-5.00');
      expect(percentage(usd('19.99'), '100', mode).amount).toBe('19.99');
    }
  });

  it('refuses a rounding mode it does not know, rather than silently using the default', () => {
    const bogus = 'bankers' as RoundingMode;
    expect(errorsThrownBy(() => roundToMinor(unitPrice('1.005', 'USD'), bogus))).toEqual([err('INVALID_ROUNDING', '', 'unknown rounding mode "bankers"')]);
    expect(errorsThrownBy(() => lineTotal(unitPrice('1.005', 'USD'), 2, bogus)).map((e) => e.code)).toEqual(['INVALID_ROUNDING']);
    expect(errorsThrownBy(() => multiplyByRatio(usd('10.05'), 1, 10, bogus))).toEqual([err('INVALID_ROUNDING', '', 'unknown rounding mode "bankers"')]);
    expect(errorsThrownBy(() => percentage(usd('10.05'), '10', bogus)).map((e) => e.code)).toEqual(['INVALID_ROUNDING']);
  });
});

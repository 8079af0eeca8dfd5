import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarYears } from '../../src/index.js';
import { addYearsToDay, civilDate, dayNumber, daysInMonth, formatDate, isLocalDate, isoWeekday, parseDate } from '../../src/time/calendar.js';
import { errorsThrownBy } from '../helpers.js';

// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), checked against
// ECMAScript's own Date in UTC, which uses the same calendar.

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1000, 0, 1) / DAY;
const LAST_DAY = Date.UTC(9000, 11, 31) / DAY;
const day = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const utcDate = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

describe('day numbers', () => {
  it('number the days as Date does, from 1000-01-01 to 9000-12-31', () => {
    fc.assert(
      fc.property(day, (n) => {
        const d = new Date(n * DAY);
        expect(dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(n);
        expect(civilDate(n)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(formatDate(n)).toBe(utcDate(n));
        expect(parseDate(utcDate(n))).toBe(n);
        expect(isoWeekday(n)).toBe(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
      }),
    );
  });

  it('know the epoch, leap days and the Gregorian century rule', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(isoWeekday(0)).toBe(4); // a Thursday
    expect(isoWeekday(-1)).toBe(3);
    expect([daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2028, 2), daysInMonth(2027, 2)]).toEqual([29, 28, 29, 28]);
    expect([daysInMonth(2026, 4), daysInMonth(2026, 6), daysInMonth(2026, 9), daysInMonth(2026, 11), daysInMonth(2026, 12)]).toEqual([30, 30, 30, 30, 31]);
    expect(formatDate(dayNumber(999, 12, 31))).toBe('0999-12-31');
    // The last day of a 400-year cycle is a leap day.
    for (const y of [1600, 2000, 2400, 8000]) expect(formatDate(dayNumber(y, 2, 29))).toBe(`${String(y)}-02-29`);
    expect(formatDate(dayNumber(2000, 3, 1))).toBe('2000-03-01');
  });

  it('read only real dates with four-digit years; accept years 1000 to 9000 as input', () => {
    // '/' is the character just before '0': a reader that took it for a digit would read '1/' as 9.
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
      '0999-12-31',
      '2026-1-01',
      '2026/01/01',
      '2026/01-01',
      '2026-01/01',
      '2026-01-01 ',
      'x026-01-01',
      '2026-0a-01',
      '2026-1/-05',
      '2026-01-1/',
      '202/-01-01',
    ]) {
      expect(parseDate(bad)).toBeUndefined();
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(parseDate('9999-12-31')).toBe(dayNumber(9999, 12, 31));
    expect(isLocalDate('9000-12-31')).toBe(true);
    expect(isLocalDate('9001-01-01')).toBe(false);
    expect(isLocalDate('1000-01-01')).toBe(true);
  });
});

describe('adding days and years', () => {
  it('adds days as Date does in UTC, and back again', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400_000, max: 400_000 }), (n, k) => {
        fc.pre(n + k >= FIRST_DAY && n + k <= LAST_DAY);
        expect(addCalendarDays(utcDate(n), k)).toBe(utcDate(n + k));
        expect(addCalendarDays(addCalendarDays(utcDate(n), k), -k)).toBe(utcDate(n));
      }),
    );
  });

  it('adds years keeping the month and day, except 29 February in a year without it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -900, max: 900 }), (n, k) => {
        const [y, m, d] = civilDate(n);
        fc.pre(y + k >= 1000 && y + k <= 9000);
        const [y2, m2, d2] = civilDate(addYearsToDay(n, k));
        expect([y2, m2]).toEqual([y + k, m]);
        expect(d2).toBe(m === 2 && d === 29 && daysInMonth(y + k, 2) === 28 ? 28 : d);
      }),
    );
  });

  it('refuses a number of days or years that is not whole', () => {
    expect(errorsThrownBy(() => addCalendarDays('2026-11-22', 1.5))).toEqual([
      { code: 'INVALID_DAYS', path: 'days', message: 'days is a whole number, got number 1.5' },
    ]);
    expect(errorsThrownBy(() => addCalendarDays('2026-11-22', Number.NaN))).toEqual([
      { code: 'INVALID_DAYS', path: 'days', message: 'days is a whole number, got number NaN' },
    ]);
    expect(errorsThrownBy(() => addCalendarYears('2026-11-22', 0.5))).toEqual([
      { code: 'INVALID_YEARS', path: 'years', message: 'years is a whole number, got number 0.5' },
    ]);
    expect(errorsThrownBy(() => addCalendarDays(20261122 as unknown as string, 1))).toEqual([
      { code: 'INVALID_DATE', path: 'date', message: 'expected a calendar date "YYYY-MM-DD", got number 20261122' },
    ]);
  });

  it('refuses a result outside the years 1000 to 9999, however far the count goes', () => {
    const outside = (path: string) => [{ code: 'DATE_OUT_OF_RANGE', path, message: 'the result would fall outside the years 1000 to 9999' }];
    expect(addCalendarDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(errorsThrownBy(() => addCalendarDays('9999-12-31', 1))).toEqual(outside('days'));
    expect(addCalendarDays('1000-01-02', -1)).toBe('1000-01-01');
    expect(errorsThrownBy(() => addCalendarDays('1000-01-01', -1))).toEqual(outside('days'));
    expect(errorsThrownBy(() => addCalendarDays('2026-11-22', 1e9))).toEqual(outside('days'));
    expect(errorsThrownBy(() => addCalendarDays('2026-11-22', Number.MAX_SAFE_INTEGER))).toEqual(outside('days'));
    expect(addCalendarYears('2026-11-22', 7973)).toBe('9999-11-22');
    expect(errorsThrownBy(() => addCalendarYears('2026-11-22', 7974))).toEqual(outside('years'));
    expect(errorsThrownBy(() => addCalendarYears('2026-11-22', -2e15))).toEqual(outside('years'));
  });
});

import { CouponRulesError, ruleError } from '../result.js';
import type { RuleErrorCode } from '../contract/index.js';
import { describe } from '../money/parse.js';
import { addYearsToDay, dayNumber, formatDate, parseDate } from './calendar.js';
import { type InstantInput, instantMs } from './instant.js';
import { isTimeZone, localDayOf, startOfLocalDay } from './zone.js';

// The public date functions return plain values, so a caller's mistake (a date that does not exist, an unknown
// zone, 1.5 days) is thrown as a CouponRulesError carrying the same structured error a Result would.

const refuse = (code: RuleErrorCode, path: string, message: string): never => {
  throw new CouponRulesError([ruleError(code, path, message)]);
};

/** Results stay four-digit years: from 1000-01-01 to 9999-12-31. */
const FIRST_DAY = dayNumber(1000, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

function dayOf(date: string, path: string): number {
  const day = typeof date === 'string' ? parseDate(date) : undefined;
  return day ?? refuse('INVALID_DATE', path, `expected a calendar date "YYYY-MM-DD", got ${describe(date)}`);
}

function zone(timeZone: string): string {
  return typeof timeZone === 'string' && isTimeZone(timeZone)
    ? timeZone
    : refuse('INVALID_TIME_ZONE', 'timeZone', `expected an IANA time zone such as "Europe/Berlin", got ${describe(timeZone)}`);
}

function wholeNumber(n: number, path: string): number {
  return Number.isSafeInteger(n) ? n : refuse(path === 'days' ? 'INVALID_DAYS' : 'INVALID_YEARS', path, `${path} is a whole number, got ${describe(n)}`);
}

function inRange(day: number, path: string): string {
  return day >= FIRST_DAY && day <= LAST_DAY ? formatDate(day) : refuse('DATE_OUT_OF_RANGE', path, 'the result would fall outside the years 1000 to 9999');
}

/**
 * @internal A date plus whole days for the library's own arithmetic, which must not throw: the result
 * stops at 9999-12-31, the last date a four-digit year can write (only a centuries-long outage gets there).
 */
export function addDaysCapped(date: string, days: number): string {
  return formatDate(Math.min(LAST_DAY, (parseDate(date) ?? LAST_DAY) + days));
}

/** @internal The local date (`YYYY-MM-DD`) of epoch milliseconds in a zone. */
export function localDateAt(ms: number, timeZone: string): string {
  return formatDate(localDayOf(ms, timeZone));
}

/** @internal The first instant of the local day after `date`, in epoch milliseconds. */
export function endOfLocalDate(date: string, timeZone: string): number {
  return startOfLocalDay(dayOf(date, 'date') + 1, zone(timeZone));
}

/**
 * The calendar date (`YYYY-MM-DD`) that an instant falls on in a time zone:
 * "today" for a store in that zone.
 *
 * @example
 * ```ts
 * import { localDateOf } from 'coupon-rules';
 * console.log(localDateOf('2026-11-22T16:00:00Z', 'Asia/Tokyo')); // → 2026-11-23
 * console.log(localDateOf('2026-11-22T16:00:00Z', 'UTC')); // → 2026-11-22
 * ```
 */
export function localDateOf(at: InstantInput, timeZone: string): string {
  const ms =
    instantMs(at) ?? refuse('INVALID_INSTANT', 'at', `expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got ${describe(at)}`);
  return localDateAt(ms, zone(timeZone));
}

/**
 * The instant a local calendar day starts in a time zone: the first instant
 * whose local date is that day. That is local midnight; the first of the two
 * midnights when clocks go back across midnight; the first moment after the
 * gap when clocks skip midnight.
 *
 * @example
 * ```ts
 * import { startOfLocalDate } from 'coupon-rules';
 * console.log(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()); // → 2026-03-29T22:00:00.000Z
 * // Gaza put its clocks back from 01:00 to 00:00 on 27 October 2018: the day began at the first midnight (+03:00).
 * console.log(startOfLocalDate('2018-10-27', 'Asia/Gaza').toISOString()); // → 2018-10-26T21:00:00.000Z
 * ```
 */
export function startOfLocalDate(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(dayOf(date, 'date'), zone(timeZone)));
}

/**
 * The instant a coupon expiring on `expires` (a date in the store's zone)
 * stops being valid: the start of the next local day. A coupon is valid
 * through the end of its expiration date.
 *
 * @example
 * ```ts
 * import { validityEnd } from 'coupon-rules';
 * // 29 March 2026 is the day Berlin moves to summer time: it has 23 hours.
 * console.log(validityEnd('2026-03-29', 'Europe/Berlin').toISOString()); // → 2026-03-29T22:00:00.000Z
 * ```
 */
export function validityEnd(expires: string, timeZone: string): Date {
  return new Date(startOfLocalDay(dayOf(expires, 'expires') + 1, zone(timeZone)));
}

/**
 * A calendar date plus whole days (negative to go back). Throws a
 * {@link CouponRulesError} for a date that does not exist, a number of days
 * that is not whole (`INVALID_DAYS`) or a result outside the years 1000 to
 * 9999 (`DATE_OUT_OF_RANGE`).
 *
 * @example
 * ```ts
 * import { addCalendarDays } from 'coupon-rules';
 * console.log(addCalendarDays('2028-02-28', 1)); // → 2028-02-29
 * ```
 */
export function addCalendarDays(date: string, days: number): string {
  return inRange(dayOf(date, 'date') + wholeNumber(days, 'days'), 'days');
}

/**
 * A calendar date plus whole years; 29 February becomes 28 February in a
 * year without it.
 *
 * @example
 * ```ts
 * import { addCalendarYears } from 'coupon-rules';
 * console.log(addCalendarYears('2028-02-29', 1)); // → 2029-02-28
 * ```
 */
export function addCalendarYears(date: string, years: number): string {
  const day = dayOf(date, 'date');
  const y = wholeNumber(years, 'years');
  // Far outside the years a date can have, the day number itself would lose precision: refuse before computing.
  return Math.abs(y) > 10_000
    ? refuse('DATE_OUT_OF_RANGE', 'years', 'the result would fall outside the years 1000 to 9999')
    : inRange(addYearsToDay(day, y), 'years');
}

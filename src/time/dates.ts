import { addYearsToDay, formatDate, parseDate } from './calendar.js';
import { type InstantInput, instantMs } from './instant.js';
import { localDayOf, startOfLocalDay } from './zone.js';

function dayOf(date: string): number {
  const day = typeof date === 'string' ? parseDate(date) : undefined;
  if (day === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return day;
}

function wholeNumber(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is a whole number, got ${String(n)}`);
  return n;
}

/** @internal The local date (`YYYY-MM-DD`) of epoch milliseconds in a zone. */
export function localDateAt(ms: number, timeZone: string): string {
  return formatDate(localDayOf(ms, timeZone));
}

/** @internal The first instant of the local day after `date`, in epoch milliseconds. */
export function endOfLocalDate(date: string, timeZone: string): number {
  return startOfLocalDay(dayOf(date) + 1, timeZone);
}

/**
 * The calendar date (`YYYY-MM-DD`) that an instant falls on in a time zone:
 * "today" for a store in that zone.
 *
 * @example
 * ```ts
 * import { localDateOf } from 'coupon-rules';
 * console.log(localDateOf('2026-11-22T16:00:00Z', 'Asia/Tokyo')); // '2026-11-23'
 * console.log(localDateOf('2026-11-22T16:00:00Z', 'UTC')); // '2026-11-22'
 * ```
 */
export function localDateOf(at: InstantInput, timeZone: string): string {
  const ms = instantMs(at);
  if (ms === undefined) throw new RangeError(`not an instant: ${String(at)}`);
  return localDateAt(ms, timeZone);
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
 * console.log(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()); // '2026-03-29T22:00:00.000Z'
 * // Gaza put its clocks back from 01:00 to 00:00 on 27 October 2018: the day began at the first midnight (+03:00).
 * console.log(startOfLocalDate('2018-10-27', 'Asia/Gaza').toISOString()); // '2018-10-26T21:00:00.000Z'
 * ```
 */
export function startOfLocalDate(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(dayOf(date), timeZone));
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
 * console.log(validityEnd('2026-03-29', 'Europe/Berlin').toISOString()); // '2026-03-29T22:00:00.000Z'
 * ```
 */
export function validityEnd(expires: string, timeZone: string): Date {
  return new Date(endOfLocalDate(expires, timeZone));
}

/**
 * A calendar date plus whole days (negative to go back).
 *
 * @example
 * ```ts
 * import { addCalendarDays } from 'coupon-rules';
 * console.log(addCalendarDays('2028-02-28', 1)); // '2028-02-29'
 * ```
 */
export function addCalendarDays(date: string, days: number): string {
  return formatDate(dayOf(date) + wholeNumber(days, 'days'));
}

/**
 * A calendar date plus whole years; 29 February becomes 28 February in a
 * year without it.
 *
 * @example
 * ```ts
 * import { addCalendarYears } from 'coupon-rules';
 * console.log(addCalendarYears('2028-02-29', 1)); // '2029-02-28'
 * ```
 */
export function addCalendarYears(date: string, years: number): string {
  return formatDate(addYearsToDay(dayOf(date), wholeNumber(years, 'years')));
}

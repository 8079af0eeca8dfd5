import { TZDate, tz } from '@date-fns/tz';
import { addDays, addYears, format } from 'date-fns';
import type { InputReader } from '../input.js';
import { describe } from '../money/parse.js';
import { joinPath } from '../result.js';

/**
 * An instant: a `Date`, or an ISO 8601 string with a time and an explicit
 * offset (`2026-11-22T15:00:00Z`, `2026-11-22T16:00:00+01:00`).
 *
 * @example
 * ```ts
 * import type { InstantInput } from 'coupon-rules';
 * const at: InstantInput = '2026-11-22T15:00:00Z';
 * ```
 */
export type InstantInput = Date | string;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Dates and instants are accepted from year 1000 to year 9000, so that every date computed from them stays a four-digit year. */
export const MAX_YEAR = 9000;

/** @internal A real calendar date `YYYY-MM-DD` with a four-digit year. */
function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // days in that month
  return d <= days;
}

/** @internal A calendar date accepted as input (years 1000 to MAX_YEAR). */
export function isLocalDate(value: string): boolean {
  return isCalendarDate(value) && Number(value.slice(0, 4)) <= MAX_YEAR;
}

/** @internal Milliseconds of a strict ISO 8601 instant, or undefined. */
export function instantMs(value: string): number | undefined {
  const m = INSTANT.exec(value);
  if (!m || !isLocalDate(`${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`)) return undefined;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** @internal Is this an IANA time zone the runtime knows? */
export function isTimeZone(value: string): boolean {
  if (value === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  // Stryker disable next-line BlockStatement: the only caller tests isTimeZone in a boolean context, where the undefined of an empty catch block is false as well
  } catch {
    return false;
  }
}

/** @internal Reads an instant (string or Date) as epoch milliseconds. */
export function readInstant(r: InputReader, value: unknown, path: string): number | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  const ms = typeof value === 'string' ? instantMs(value) : undefined;
  if (ms === undefined) r.error('INVALID_INSTANT', path, `expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got ${describe(value)}`);
  return ms;
}

/** @internal Reads a required instant field: a missing one is reported once, as `REQUIRED`. */
export function readRequiredInstant(r: InputReader, record: Record<string, unknown>, key: string, parent: string): number | undefined {
  const value = r.required(record, key, parent);
  return value === undefined ? undefined : readInstant(r, value, joinPath(parent, key));
}

/** @internal Reads a calendar date `YYYY-MM-DD`. */
export function readLocalDate(r: InputReader, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  r.error('INVALID_DATE', path, `expected a calendar date "YYYY-MM-DD", got ${describe(value)}`);
  return undefined;
}

/** @internal Reads an IANA time zone name. */
export function readTimeZone(r: InputReader, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && isTimeZone(value)) return value;
  r.error('INVALID_TIME_ZONE', path, `expected an IANA time zone such as "Europe/Berlin", got ${describe(value)}`);
  return undefined;
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
  const ms = typeof at === 'string' ? instantMs(at) : at.getTime();
  if (ms === undefined || Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

/**
 * The instant a local calendar day starts in a time zone (midnight, or the
 * first moment that exists when a DST change skips midnight).
 *
 * @example
 * ```ts
 * import { startOfLocalDate } from 'coupon-rules';
 * console.log(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()); // '2026-03-29T22:00:00.000Z'
 * ```
 */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = parts(date);
  return new Date(new TZDate(y, m, d, timeZone).getTime());
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
  return startOfLocalDate(addCalendarDays(expires, 1), timeZone);
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
  const [y, m, d] = parts(date);
  return format(addDays(new Date(Date.UTC(y, m, d)), days, { in: tz('UTC') }), 'yyyy-MM-dd', { in: tz('UTC') });
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
  const [y, m, d] = parts(date);
  return format(addYears(new Date(Date.UTC(y, m, d)), years, { in: tz('UTC') }), 'yyyy-MM-dd', { in: tz('UTC') });
}

import { DAY_MS, dayNumber, daysInMonth, MAX_YEAR, MIN_YEAR } from './calendar.js';

/**
 * An instant: a `Date`, or an ISO 8601 string with a time and an explicit
 * offset (`2026-11-22T15:00:00Z`, `2026-11-22T16:00:00+01:00`), exact to the
 * millisecond.
 *
 * @example
 * ```ts
 * import type { InstantInput } from 'coupon-rules';
 * const at: InstantInput = '2026-11-22T15:00:00Z';
 * ```
 */
export type InstantInput = Date | string;

// Up to nine fractional digits are read, so that a precise instant is refused for its precision, not its form.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/u;
const ZEROS = /^0*$/u;

/**
 * @internal What reading an instant gives: epoch milliseconds, or why not. An instant is exact
 * to the millisecond: a non-zero digit past the third decimal of its seconds is refused rather
 * than cut off, since cutting it off could put two events in an order they did not have.
 */
export type InstantParse = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly why: 'malformed' | 'sub-millisecond' };

const MALFORMED: InstantParse = { ok: false, why: 'malformed' };
const SUB_MILLISECOND: InstantParse = { ok: false, why: 'sub-millisecond' };

/** Earliest and latest epoch milliseconds of a `Date` accepted as an instant: UTC years 1000 to 9000. */
const MIN_DATE_MS = dayNumber(MIN_YEAR, 1, 1) * DAY_MS;
const MAX_DATE_MS = dayNumber(MAX_YEAR + 1, 1, 1) * DAY_MS - 1;

/** @internal Reads a strict ISO 8601 instant (years 1000 to 9000, hours 00–23, offsets up to ±23:59). */
export function parseInstant(value: string): InstantParse {
  const m = INSTANT.exec(value);
  if (!m) return MALFORMED;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  const fraction = m[7] ?? '';
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return MALFORMED;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return MALFORMED;
  if (!ZEROS.test(fraction.slice(3))) return SUB_MILLISECOND;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { ok: true, ms: dayNumber(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset };
}

/** @internal Reads a `Date` or an instant string; a `Date` must be valid and in UTC years 1000 to 9000. */
export function readInstantValue(value: unknown): InstantParse {
  if (typeof value === 'string') return parseInstant(value);
  if (!(value instanceof Date)) return MALFORMED;
  const ms = value.getTime();
  return ms >= MIN_DATE_MS && ms <= MAX_DATE_MS ? { ok: true, ms } : MALFORMED;
}

/** @internal Epoch milliseconds of an accepted instant, or `undefined`. */
export function instantMs(value: unknown): number | undefined {
  const p = readInstantValue(value);
  return p.ok ? p.ms : undefined;
}

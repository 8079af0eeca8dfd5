import { MAX_YEAR, MIN_YEAR } from '../contract/index.js';
// Calendar dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar (the
// calendar of ECMAScript dates and of Intl). Plain integer arithmetic: no Date object, no zone.

/** Milliseconds in a calendar day of UTC. */
export const DAY_MS = 86_400_000;

// Dates and instants are accepted from year 1000 to year 9000 (src/contract/bounds.ts), so that every date
// computed from them stays a four-digit year.
export { MIN_YEAR, MAX_YEAR };

/** @internal The day number of a proleptic Gregorian date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  // Years start in March here, so that the leap day is the last day of a year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** @internal The proleptic Gregorian date of a day number, as `[year, month 1–12, day]`. */
export function civilDate(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - Math.floor((153 * mp + 2) / 5) + 1];
}

/** @internal Days in a month of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/**
 * @internal The day number of a string `YYYY-MM-DD` naming a real date with a
 * four-digit year, or `undefined`. Years are not bounded here: see {@link isLocalDate}.
 */
export function parseDate(value: string): number | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  // NaN fails every comparison below.
  if (!(year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  return dayNumber(year, month, day);
}

/** @internal A calendar date accepted as input: a real date from year 1000 to {@link MAX_YEAR}. */
export function isLocalDate(value: string): boolean {
  return parseDate(value) !== undefined && Number(value.slice(0, 4)) <= MAX_YEAR;
}

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

/** @internal The `YYYY-MM-DD` text of a day number (years below 1000 padded to four digits). */
export function formatDate(days: number): string {
  const [year, month, day] = civilDate(days);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** @internal ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** @internal A date plus whole years; 29 February becomes 28 February in a year without it. */
export function addYearsToDay(days: number, years: number): number {
  const [year, month, day] = civilDate(days);
  const y = year + years;
  return dayNumber(y, month, Math.min(day, daysInMonth(y, month)));
}

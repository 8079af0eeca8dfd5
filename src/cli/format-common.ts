import type { CouponTerms } from '../coupon/terms.js';
import { DAY_MS, formatDate, isoWeekday, parseDate } from '../time/calendar.js';
import { instantMs } from '../time/instant.js';
import { offsetAt } from '../time/zone.js';

// What every breakdown shares: instants in a named zone (never the host's: TZ must not change a
// breakdown), durations, coupon terms in words and aligned columns. Pure functions of their arguments.

/** Epoch milliseconds of an instant the library has accepted (the answer was ok, so it parses). */
export const msOf = (instant: string): number => instantMs(instant) ?? Number.NaN;

const two = (n: number): string => String(n).padStart(2, '0');

/** A UTC offset as `+01:00`, with seconds when it has them (`-00:44:30`, Monrovia before 1972). */
export function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const s = Math.round(Math.abs(offsetMs) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${sign}${two(h)}:${two(m)}${s % 60 === 0 ? '' : `:${two(s % 60)}`}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** An ISO weekday (1 = Monday … 7 = Sunday) as `Mon` … `Sun`. */
export const weekdayName = (isoDay: number): string => WEEKDAYS[isoDay - 1] ?? '';

/** The weekday of a date `YYYY-MM-DD`, as `Mon` … `Sun`. */
export function weekdayOf(date: string): string {
  const day = parseDate(date);
  return day === undefined ? '' : weekdayName(isoWeekday(day));
}

/** A date with its weekday: `Wed 2026-12-09`. */
export const dayText = (date: string): string => `${weekdayOf(date)} ${date}`;

/** The wall-clock time of an instant in a zone, with the zone's offset then: `Wed 2026-12-09 11:00 +01:00`. */
export function localTime(ms: number, timeZone: string): string {
  const offset = offsetAt(ms, timeZone);
  const local = ms + offset;
  const day = Math.floor(local / DAY_MS);
  const t = local - day * DAY_MS;
  const seconds = Math.floor(t / 1000) % 60;
  const millis = t % 1000;
  // Seconds and milliseconds only when there are some: most instants of a shop are whole minutes.
  const fine = millis !== 0 ? `:${two(seconds)}.${String(millis).padStart(3, '0')}` : seconds !== 0 ? `:${two(seconds)}` : '';
  return `${dayText(formatDate(day))} ${two(Math.floor(t / 3_600_000))}:${two(Math.floor(t / 60_000) % 60)}${fine} ${offsetText(offset)}`;
}

/** An instant in UTC, as the answers write it. */
export const utcText = (ms: number): string => new Date(ms).toISOString();

/** An instant both ways: local wall-clock time, then the UTC instant in brackets. */
export const bothText = (ms: number, timeZone: string): string => `${localTime(ms, timeZone)} [${utcText(ms)}]`;

/** A length of time in days, hours and minutes (seconds and milliseconds when there are some): `4d 13h 0m`. */
export function durationText(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const d = Math.floor(whole / DAY_MS);
  const h = Math.floor(whole / 3_600_000) % 24;
  const m = Math.floor(whole / 60_000) % 60;
  const s = Math.floor(whole / 1000) % 60;
  const milli = whole % 1000;
  const parts: string[] = [];
  if (d > 0) parts.push(`${String(d)}d`);
  if (d > 0 || h > 0) parts.push(`${String(h)}h`);
  parts.push(`${String(m)}m`);
  if (s > 0 || milli > 0) parts.push(milli > 0 ? `${String(s)}.${String(milli).padStart(3, '0')}s` : `${String(s)}s`);
  return parts.join(' ');
}

/** When `instant` is, seen from `now`: `in 4d 13h 0m`, or `passed 2h 0m ago`. */
export const relativeText = (instant: number, now: number): string =>
  now < instant ? `in ${durationText(instant - now)}` : `passed ${durationText(now - instant)} ago`;

/** Coupon terms in words, as the quote's breakdown writes them. */
export function termsText(c: CouponTerms): string {
  if (c.type === 'fixed') return `fixed amount off order total, ${c.amount}`;
  const parts = [`${c.percent}% off`];
  if (c.tiers?.length) parts.push(`tiers ${c.tiers.map((t) => `${t.percent}% from ${t.minTotal}`).join(', ')}`);
  if (c.maxDiscount !== undefined && !/^0(\.0+)?$/.test(c.maxDiscount)) parts.push(`maximum discount ${c.maxDiscount}`);
  if (c.itemTypeLimit) parts.push(`${c.itemTypeLimit.mode === 'only' ? 'only' : 'all except'} ${c.itemTypeLimit.itemTypes.join(', ')}`);
  if (c.excludeSaleItems === true) parts.push('sale items excluded');
  return `percentage off order total: ${parts.join('; ')}`;
}

/** A list of ids, cut after `max` with how many more (an outage window can merge thousands of incidents). */
export function idsText(ids: readonly string[], max = 5): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${String(ids.length - max)} more`;
}

/** Rows of cells as aligned columns, two spaces apart, indented by `indent`; `right` lists the right-aligned columns. */
export function columns(rows: readonly (readonly string[])[], indent = '  ', right: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) =>
    `${indent}${r.map((cell, i) => (right.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd(),
  );
}

/** Lines of text as printed: one per line, ending with a newline. */
export const joinLines = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

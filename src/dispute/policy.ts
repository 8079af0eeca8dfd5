import { FIELD_NAMES, MAX_POLICY_DAYS as CONTRACT_MAX_POLICY_DAYS, MAX_WEEKDAY, MIN_WEEKDAY } from '../contract/index.js';
import { InputReader } from '../input.js';
import { CouponRulesError, joinPath } from '../result.js';
import { formatDate, isLocalDate, isoWeekday, parseDate } from '../time/calendar.js';
import { addCalendarDays, endOfLocalDate, localDateAt } from '../time/dates.js';
import { readInstant, readTimeZone } from '../time/read.js';
import { countWhile } from '../search.js';

/**
 * The buyer-protection policy. Every field is optional; the defaults are
 * the rules' own: UTC, a 15-day request window, 5 days for each party to
 * respond, 15 days for the whole process (the last 3 kept for the
 * platform's review), calendar days.
 *
 * @example
 * ```ts
 * import type { DisputePolicy } from 'coupon-rules';
 * const policy: DisputePolicy = { timeZone: 'Europe/Berlin', dayCount: 'business', holidays: ['2026-12-25', '2026-12-26'] };
 * ```
 */
export interface DisputePolicy {
  readonly timeZone?: string;
  readonly requestWindowDays?: number;
  readonly sellerResponseDays?: number;
  readonly buyerResponseDays?: number;
  readonly maxProcessDays?: number;
  /**
   * The days kept for the platform's review at the end of the process: the parties negotiate
   * until `maxProcessDays − platformReviewDays` after the opening, then the dispute is under review.
   * Default 3 (at most `maxProcessDays`).
   */
  readonly platformReviewDays?: number;
  readonly dayCount?: 'calendar' | 'business';
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that are not business days; default `[6, 7]`. */
  readonly weekend?: readonly number[];
  /** Local dates (`YYYY-MM-DD`) that are not business days. */
  readonly holidays?: readonly string[];
}

/** @internal A policy with every default filled in. */
export interface ResolvedPolicy {
  readonly timeZone: string;
  readonly requestWindowDays: number;
  readonly sellerResponseDays: number;
  readonly buyerResponseDays: number;
  readonly maxProcessDays: number;
  readonly platformReviewDays: number;
  readonly dayCount: 'calendar' | 'business';
  readonly weekend: ReadonlySet<number>;
  /** The holidays that fall on business weekdays, as day numbers, ascending and distinct. */
  readonly holidays: readonly number[];
}

/**
 * The default policy.
 *
 * @example
 * ```ts
 * import { DEFAULT_DISPUTE_POLICY } from 'coupon-rules';
 * console.log(DEFAULT_DISPUTE_POLICY.requestWindowDays); // → 15
 * ```
 */
export const DEFAULT_DISPUTE_POLICY: Required<DisputePolicy> = Object.freeze({
  timeZone: 'UTC',
  requestWindowDays: 15,
  sellerResponseDays: 5,
  buyerResponseDays: 5,
  maxProcessDays: 15,
  platformReviewDays: 3,
  dayCount: 'calendar',
  weekend: Object.freeze([6, 7]),
  holidays: Object.freeze([]),
});

/** Longest period a policy may name, in days.
 *
 * @example
 * ```ts
 * import { MAX_POLICY_DAYS } from 'coupon-rules';
 * console.log(MAX_POLICY_DAYS); // → 3650
 * ```
 */
export const MAX_POLICY_DAYS: number = CONTRACT_MAX_POLICY_DAYS;

/** @internal Reads a policy object (absent: the defaults). */
export function readPolicy(r: InputReader, value: unknown, path: string): ResolvedPolicy | undefined {
  const d = DEFAULT_DISPUTE_POLICY;
  if (value === undefined) return { ...d, weekend: new Set(d.weekend), holidays: [] };
  const o = r.object(value, path, FIELD_NAMES.disputePolicy);
  if (!o) return undefined;
  const before = r.count;
  const days = (key: 'requestWindowDays' | 'sellerResponseDays' | 'buyerResponseDays' | 'maxProcessDays' | 'platformReviewDays') => {
    const raw = r.field(o, key);
    return raw === undefined ? d[key] : (r.integer(raw, joinPath(path, key), 0, MAX_POLICY_DAYS, 'INVALID_POLICY', key) ?? d[key]);
  };
  const rawZone = r.field(o, 'timeZone');
  const timeZone = rawZone === undefined ? d.timeZone : (readTimeZone(r, rawZone, joinPath(path, 'timeZone')) ?? d.timeZone);
  const rawCount = r.field(o, 'dayCount');
  if (rawCount !== undefined && rawCount !== 'calendar' && rawCount !== 'business')
    r.error('INVALID_ENUM', joinPath(path, 'dayCount'), '"dayCount" is "calendar" or "business"');
  const rawWeekend = r.field(o, 'weekend');
  const weekend = new Set<number>(d.weekend);
  if (rawWeekend !== undefined) {
    weekend.clear();
    r.array(rawWeekend, joinPath(path, 'weekend'))?.forEach((w, i) => {
      const n = r.integer(w, joinPath(joinPath(path, 'weekend'), i), MIN_WEEKDAY, MAX_WEEKDAY, 'INVALID_POLICY', 'an ISO weekday');
      if (n !== undefined) weekend.add(n);
    });
    if (weekend.size === 7) r.error('INVALID_POLICY', joinPath(path, 'weekend'), 'a week needs at least one business day');
  }
  const holidayDays: number[] = [];
  const rawHolidays = r.field(o, 'holidays');
  if (rawHolidays !== undefined) {
    r.array(rawHolidays, joinPath(path, 'holidays'))?.forEach((h, i) => {
      const day = typeof h === 'string' && isLocalDate(h) ? parseDate(h) : undefined;
      if (day === undefined) r.error('INVALID_DATE', joinPath(joinPath(path, 'holidays'), i), 'a holiday is a calendar date "YYYY-MM-DD"');
      else if (!weekend.has(isoWeekday(day))) holidayDays.push(day);
    });
  }
  // Only holidays on business weekdays change a count of business days; each counts once.
  const holidays = holidayDays.sort((a, b) => a - b).filter((day, i, all) => i === 0 || day !== all[i - 1]);
  const requestWindowDays = days('requestWindowDays');
  const sellerResponseDays = days('sellerResponseDays');
  const buyerResponseDays = days('buyerResponseDays');
  const maxProcessDays = days('maxProcessDays');
  // An unset review period shrinks with a shorter process; a set one must fit in it.
  const platformReviewDays = r.field(o, 'platformReviewDays') === undefined ? Math.min(d.platformReviewDays, maxProcessDays) : days('platformReviewDays');
  if (platformReviewDays > maxProcessDays) {
    r.error(
      'INVALID_POLICY',
      joinPath(path, 'platformReviewDays'),
      `platformReviewDays (${String(platformReviewDays)}) is at most maxProcessDays (${String(maxProcessDays)}): the review is part of the process`,
    );
  }
  if (r.count > before) return undefined;
  return {
    timeZone,
    requestWindowDays,
    sellerResponseDays,
    buyerResponseDays,
    maxProcessDays,
    platformReviewDays,
    dayCount: rawCount === 'business' ? 'business' : 'calendar',
    weekend,
    holidays,
  };
}

/**
 * A deadline: the last local date on which an action is in time, and
 * `endsAt`, the first instant that is too late (the start of the next
 * local day).
 *
 * @example
 * ```ts
 * import type { Deadline } from 'coupon-rules';
 * const d: Deadline = { date: '2026-12-06', endsAt: '2026-12-07T00:00:00.000Z' };
 * ```
 */
export interface Deadline {
  readonly date: string;
  readonly endsAt: string;
}

/** @internal A deadline with its end in epoch milliseconds. */
export interface DeadlineMs {
  readonly date: string;
  readonly endsAt: number;
}

/** How many of the days after `from`, up to `to` included, are business weekdays (neither weekend nor holiday aside). */
function weekdaysBetween(from: number, to: number, weekend: ReadonlySet<number>): number {
  const span = to - from;
  const weeks = Math.floor(span / 7);
  let count = weeks * (7 - weekend.size);
  for (let day = from + weeks * 7 + 1; day <= to; day++) if (!weekend.has(isoWeekday(day))) count++;
  return count;
}

/** How many of the sorted days are at most `day`. */
function countUpTo(days: readonly number[], day: number): number {
  return countWhile(days.length, (i) => (days[i] ?? 0) <= day);
}

/**
 * @internal The local date N days (calendar or business, by policy) after a local date. Business
 * days are counted, not walked: the answer is the first day by which N business days have passed,
 * found by halving, each step counting whole weeks and the holidays by binary search. O(log² n).
 */
export function addPolicyDays(date: string, days: number, p: ResolvedPolicy): string {
  if (p.dayCount === 'calendar' || days === 0) return addCalendarDays(date, days);
  const from = parseDate(date) ?? 0;
  const businessDaysBy = (day: number) => weekdaysBetween(from, day, p.weekend) - (countUpTo(p.holidays, day) - countUpTo(p.holidays, from));
  // Every 7 days hold at least one business weekday, and each holiday can push the answer one business day further.
  let low = from;
  let high = from + 7 * (days + p.holidays.length + 1);
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2);
    if (businessDaysBy(mid) >= days) high = mid;
    else low = mid;
  }
  return formatDate(high);
}

/**
 * @internal N days after an instant: its local date in the policy's zone,
 * plus N days, and the deadline is the end of that local day.
 */
export function deadlineAfter(at: number, days: number, p: ResolvedPolicy): DeadlineMs {
  const date = addPolicyDays(localDateAt(at, p.timeZone), days, p);
  return { date, endsAt: endOfLocalDate(date, p.timeZone) };
}

/**
 * The deadline N days after an instant under a policy: take the instant's
 * local date in the policy's time zone, add N calendar days (or business
 * days, skipping the weekend days and holidays), and the action is in time
 * until the end of that local day. Throws a {@link CouponRulesError} with
 * every problem of the instant, the days and the policy.
 *
 * @example
 * ```ts
 * import { disputeDeadline } from 'coupon-rules';
 * // Friday 18 December + 5 business days, skipping the weekend and 25 December:
 * const d = disputeDeadline('2026-12-18T15:00:00Z', 5, { dayCount: 'business', holidays: ['2026-12-25'] });
 * console.log(d); // → { date: '2026-12-28', endsAt: '2026-12-29T00:00:00.000Z' }
 * ```
 */
export function disputeDeadline(at: Date | string, days: number, policy: DisputePolicy = {}): Deadline {
  const r = new InputReader();
  const p = readPolicy(r, policy, 'policy');
  const ms = readInstant(r, at, 'at');
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_POLICY_DAYS)
    r.error('INVALID_POLICY', 'days', `days is a whole number from 0 to ${String(MAX_POLICY_DAYS)}`);
  if (!p || ms === undefined || r.count > 0) throw new CouponRulesError(r.errors);
  const dl = deadlineAfter(ms, days, p);
  return { date: dl.date, endsAt: new Date(dl.endsAt).toISOString() };
}

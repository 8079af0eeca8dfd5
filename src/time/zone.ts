import { CouponRulesError, ruleError } from '../result.js';
import { DAY_MS, dayNumber } from './calendar.js';

// Local days in an IANA time zone, exactly, from the runtime's own zone data (Intl).
//
// A zone's UTC offset is a step function of the instant. Intl answers one point at a time: the
// local wall-clock time of an instant, to the second. From it the offset is `wall - instant`
// (never read from an offset string, whose sign is lost for offsets between -01:00 and 00:00).
//
// Offsets are sampled at the start of each UTC day and memoised. The tz database never changes a
// zone's offset twice within 48 hours (its closest pair of changes, Freetown 1939, is 95 hours
// apart: scripts/zone-change-gaps.py measures it on compiled tz data, and test/time/zones.test.ts
// checks it around every change it samples), so a UTC day holds at most one change: none when
// both ends have the same offset, else exactly one, found by halving the day to the second. That
// makes the offset known everywhere from a few memoised look-ups, and the two questions below are
// answered from it exactly:
//
// - the local date of an instant is the date of `instant + offset(instant)`;
// - a local date D starts at the first instant whose local date is D or later: the first
//   instant after midnight when midnight is skipped, the first of the two midnights when it
//   happens twice.
//
// The memo holds only values of a pure function (the runtime's zone data does not change while
// it runs), and is bounded: no answer depends on what was asked before.

/** How many day samples and transitions the memo keeps over all zones before it starts again. */
const MEMO_LIMIT = 100_000;
/** How many zone names (valid or not) the memo keeps before it starts again. */
const ZONE_LIMIT = 4096;
/** The longest name of an IANA zone is 32 characters; longer strings are refused without asking Intl. */
const MAX_ZONE_NAME = 64;

interface Zone {
  /** The offset in milliseconds at an instant; `undefined` for a fixed offset of zero. */
  readonly lookUp: ((ms: number) => number) | undefined;
  /** Offset at the start of UTC day N. */
  readonly midnight: Map<number, number>;
  /** The instant a UTC day's offset changes, for days whose two ends differ. */
  readonly change: Map<number, number>;
}

const zones = new Map<string, Zone | null>();
const byCanonicalName = new Map<string, Zone>();
let memoSize = 0;

function offsetReader(format: Intl.DateTimeFormat): (ms: number) => number {
  return (ms: number) => {
    // Intl tells the wall clock to the second; zone changes fall on whole seconds.
    const second = Math.floor(ms / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    for (const part of format.formatToParts(second)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          sec = Number(part.value);
          break;
        default:
          break;
      }
    }
    return dayNumber(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + sec) * 1000 - second;
  };
}

function createZone(name: string): Zone | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  const canonical = format.resolvedOptions().timeZone;
  const known = byCanonicalName.get(canonical);
  if (known) return known;
  const zone: Zone = { lookUp: canonical === 'UTC' || canonical === 'Etc/UTC' ? undefined : offsetReader(format), midnight: new Map(), change: new Map() };
  byCanonicalName.set(canonical, zone);
  return zone;
}

function zoneNamed(name: string): Zone | null {
  const known = zones.get(name);
  if (known !== undefined) return known;
  if (name === '' || name.length > MAX_ZONE_NAME) return null;
  if (zones.size >= ZONE_LIMIT) forget();
  const zone = createZone(name);
  zones.set(name, zone);
  return zone;
}

function forget(): void {
  zones.clear();
  byCanonicalName.clear();
  memoSize = 0;
}

function remember(map: Map<number, number>, key: number, value: number): number {
  if (memoSize >= MEMO_LIMIT) {
    for (const zone of byCanonicalName.values()) {
      zone.midnight.clear();
      zone.change.clear();
    }
    memoSize = 0;
  }
  map.set(key, value);
  memoSize++;
  return value;
}

function offsetAtMidnight(zone: Zone, lookUp: (ms: number) => number, day: number): number {
  return zone.midnight.get(day) ?? remember(zone.midnight, day, lookUp(day * DAY_MS));
}

/** The first whole second of UTC day `day` with the offset of the day's end (the day's ends differ). */
function changeWithin(zone: Zone, lookUp: (ms: number) => number, day: number, before: number): number {
  const known = zone.change.get(day);
  if (known !== undefined) return known;
  let low = day * DAY_MS; // offset `before`
  let high = low + DAY_MS; // the other offset
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (lookUp(mid) === before) low = mid;
    else high = mid;
  }
  return remember(zone.change, day, high);
}

/** The offset of UTC day `day` in two pieces: `[start, change)` at `before`, `[change, end)` at `after`. */
interface DayPieces {
  readonly before: number;
  readonly change: number;
  readonly after: number;
}

function piecesOf(zone: Zone, lookUp: (ms: number) => number, day: number): DayPieces {
  const before = offsetAtMidnight(zone, lookUp, day);
  const after = offsetAtMidnight(zone, lookUp, day + 1);
  const change = before === after ? (day + 1) * DAY_MS : changeWithin(zone, lookUp, day, before);
  return { before, change, after };
}

/** @internal What the memo holds now: zone names (valid or not) and day samples with change instants. */
export function zoneMemoSize(): { readonly names: number; readonly entries: number } {
  return { names: zones.size, entries: memoSize };
}

/** @internal The most the memo holds. */
export const ZONE_MEMO_LIMITS = { names: ZONE_LIMIT, entries: MEMO_LIMIT } as const;

/** @internal Is this a time zone the runtime knows (an IANA name, in any letter case, or a link to one)? */
export function isTimeZone(name: string): boolean {
  return zoneNamed(name) !== null;
}

function known(name: string): Zone {
  const zone = zoneNamed(name);
  if (zone === null) throw new CouponRulesError([ruleError('INVALID_TIME_ZONE', '', `not a time zone: ${name}`)]);
  return zone;
}

/** @internal The UTC offset of a zone at an instant, in milliseconds (local time = instant + offset). */
export function offsetAt(ms: number, timeZone: string): number {
  const zone = known(timeZone);
  const lookUp = zone.lookUp;
  if (lookUp === undefined) return 0;
  const day = Math.floor(ms / DAY_MS);
  const p = piecesOf(zone, lookUp, day);
  return ms < p.change ? p.before : p.after;
}

/** @internal The local day number (days since 1970-01-01) of an instant in a zone. */
export function localDayOf(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY_MS);
}

/**
 * @internal The first instant whose local date is local day `day` or later: local midnight, the
 * first of two midnights when clocks go back across it, the end of the gap when they skip it.
 */
export function startOfLocalDay(day: number, timeZone: string): number {
  const zone = known(timeZone);
  const midnight = day * DAY_MS;
  const lookUp = zone.lookUp;
  if (lookUp === undefined) return midnight;
  // Offsets stay within ±16 hours, so the answer lies in the UTC day before `midnight` or the one it starts.
  for (const utcDay of [day - 1, day]) {
    const start = utcDay * DAY_MS;
    const p = piecesOf(zone, lookUp, utcDay);
    // In a piece of constant offset o, local time reaches `midnight` at `midnight - o`.
    const first = Math.max(start, midnight - p.before);
    if (first < p.change) return first;
    const second = Math.max(p.change, midnight - p.after);
    if (second < start + DAY_MS) return second;
  }
  // Unreachable while offsets stay below 24 hours.
  throw new CouponRulesError([ruleError('INTERNAL_ERROR', '', `no start found for local day ${String(day)} in ${timeZone}`)]);
}

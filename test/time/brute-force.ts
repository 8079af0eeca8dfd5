// An independent, deliberately naive reading of the runtime's zone data (Intl), to check src/time against.
// Nothing here is shared with src/time: local dates come straight from Intl's date parts, and the
// start of a local day is found by walking the clock forward.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The local wall-clock fields of an instant, as Intl prints them. */
export function wallClock(ms: number, zone: string): { date: string; utcMs: number } {
  const parts: Record<string, string> = {};
  for (const p of format(zone).formatToParts(ms)) parts[p.type] = p.value;
  const date = `${(parts.year ?? '').padStart(4, '0')}-${parts.month ?? ''}-${parts.day ?? ''}`;
  const wall = new Date(0);
  wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return { date, utcMs: wall.getTime() };
}

/** The local date of an instant, from Intl's own date parts. */
export function intlLocalDate(ms: number, zone: string): string {
  return wallClock(ms, zone).date;
}

/** The UTC offset at an instant (whole seconds), as the wall clock minus the instant. */
export function intlOffset(ms: number, zone: string): number {
  const second = Math.floor(ms / 1000) * 1000;
  return wallClock(second, zone).utcMs - second;
}

/**
 * The first instant whose local date is `date` or later, by walking: from 16 hours before the UTC
 * midnight of `date` (every offset is smaller), forward ten minutes at a time until the local
 * date is reached, then second by second through the last ten minutes.
 */
export function bruteStartOfLocalDate(date: string, zone: string): number {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  let t = midnight - 16 * HOUR;
  while (intlLocalDate(t, zone) < date) t += 10 * MINUTE;
  let s = t - 10 * MINUTE;
  while (intlLocalDate(s, zone) < date) s += 1000;
  return s;
}

/** Every instant in [from, to) at which the zone's offset changes: sampled every 3 hours, then halved to the second. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  const step = 3 * HOUR;
  let before = intlOffset(from, zone);
  for (let t = from + step; t < to + step; t += step) {
    const now = intlOffset(t, zone);
    if (now === before) continue;
    let low = t - step;
    let high = t;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (intlOffset(mid, zone) === before) low = mid;
      else high = mid;
    }
    if (high < to) changes.push(high);
    before = now;
  }
  return changes;
}

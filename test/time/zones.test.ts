import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWireRequest, disputeDeadline, localDateOf, startOfLocalDate, validityEnd } from '../../src/index.js';
import { ZONE_MEMO_LIMITS, zoneMemoSize } from '../../src/time/zone.js';
import { bruteStartOfLocalDate, intlLocalDate, intlOffset, offsetChanges } from './brute-force.js';
import { errorsThrownBy } from '../helpers.js';

// One question under expiry, deadlines and outage windows: when does a local day start in an IANA zone,
// and which local day is an instant in? src/time answers from memoised samples of Intl; here the answers
// are checked against a naive walk over Intl itself, in every zone the runtime knows.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONES = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
const FIRST = Date.parse('1000-01-01T00:00:00Z');
const LAST = Date.parse('9000-12-31T23:59:59.999Z');
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
const runs = (share: number) => ({ numRuns: Math.max(10, Math.round(fc.readConfigureGlobal().numRuns ?? 100) * share) });

describe('a local date starts at its first instant (examples)', () => {
  it('takes the first of two midnights when clocks go back across midnight, east of UTC', () => {
    // Gaza, 27 October 2018: clocks went back from 01:00 (+03) to 00:00 (+02), so midnight happened twice.
    expect(validityEnd('2018-10-26', 'Asia/Gaza').toISOString()).toBe('2018-10-26T21:00:00.000Z');
    const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2018-10-26', timeZone: 'Asia/Gaza', terms: { type: 'percent', percent: '10' } };
    expect(answerWireRequest({ op: 'coupon-state', coupon, events: [], at: '2018-10-26T21:30:00Z' })).toEqual({
      ok: true,
      result: {
        status: 'expired',
        expiresAt: '2018-10-26T21:00:00.000Z',
        allowed: {
          edit: { ok: false, code: 'COUPON_EXPIRED' },
          delete: { ok: true },
          decline: { ok: false, code: 'COUPON_EXPIRED' },
          redeem: { ok: false, code: 'COUPON_EXPIRED' },
        },
      },
    });
  });

  it('ends a dispute deadline at the first midnight too (Amman, 28 October 2011)', () => {
    expect(startOfLocalDate('2011-10-28', 'Asia/Amman').toISOString()).toBe('2011-10-27T21:00:00.000Z');
    expect(disputeDeadline('2011-10-22T10:00:00Z', 5, { timeZone: 'Asia/Amman' })).toEqual({ date: '2011-10-27', endsAt: '2011-10-27T21:00:00.000Z' });
  });

  it('keeps the sign of an offset between -01:00 and 00:00 that has seconds (Monrovia, -00:44:30 until 1972)', () => {
    expect(validityEnd('1971-06-01', 'Africa/Monrovia').toISOString()).toBe('1971-06-02T00:44:30.000Z');
    const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '1971-06-01', timeZone: 'Africa/Monrovia', terms: { type: 'percent', percent: '10' } };
    const answer = answerWireRequest({ op: 'coupon-state', coupon, events: [{ type: 'declined', at: '1971-06-02T00:30:00Z' }], at: '1971-06-02T00:30:00Z' });
    expect(answer).toMatchObject({ ok: true, result: { status: 'declined', expiresAt: '1971-06-02T00:44:30.000Z' } });
  });

  it('reads local mean time to the second (London -00:01:15 before 1848, Casablanca -00:30:20 before 1913)', () => {
    expect(startOfLocalDate('1800-01-01', 'Europe/London').toISOString()).toBe('1800-01-01T00:01:15.000Z');
    expect(localDateOf('1800-01-01T00:01:14Z', 'Europe/London')).toBe('1799-12-31');
    expect(localDateOf('1800-01-01T00:01:15Z', 'Europe/London')).toBe('1800-01-01');
    expect(startOfLocalDate('1900-06-01', 'Africa/Casablanca').toISOString()).toBe('1900-06-01T00:30:20.000Z');
  });

  it('starts a skipped day where the next one starts (Apia skipped 30 December 2011)', () => {
    expect(startOfLocalDate('2011-12-30', 'Pacific/Apia').toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(startOfLocalDate('2011-12-31', 'Pacific/Apia').toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(localDateOf('2011-12-30T09:59:59.999Z', 'Pacific/Apia')).toBe('2011-12-29');
    expect(localDateOf('2011-12-30T10:00:00Z', 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('starts the day after a skipped midnight at the end of the gap (Santiago, 6 September 2026)', () => {
    expect(startOfLocalDate('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('answers the same for every spelling of a zone (links and letter case share one memo)', () => {
    expect(startOfLocalDate('2026-03-29', 'europe/kiev').toISOString()).toBe(startOfLocalDate('2026-03-29', 'Europe/Kyiv').toISOString());
    expect(localDateOf('2026-11-22T16:00:00Z', 'US/Pacific')).toBe(localDateOf('2026-11-22T16:00:00Z', 'America/Los_Angeles'));
  });
});

describe('local dates and day starts agree with a brute-force walk over Intl, in every zone', () => {
  const zone = fc.constantFrom(...ZONES);

  it('gives the local date Intl prints, for instants from year 1000 to 9000', () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: FIRST, max: LAST }), (z, t) => {
        expect(localDateOf(iso(t), z)).toBe(intlLocalDate(t, z));
      }),
      runs(2),
    );
  });

  it('starts every date from year 1000 to 9000 at the first instant whose local date is that date', () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: FIRST, max: LAST }), (z, t) => {
        const date = dateOf(t);
        expect(startOfLocalDate(date, z).getTime()).toBe(bruteStartOfLocalDate(date, z));
      }),
      runs(0.5),
    );
  });

  // Zones and years where the mistakes of the past lived: midnights that happen twice east of UTC, offsets
  // with seconds just west of UTC, skipped days and midnights. Half the runs draw from them.
  const hard: readonly (readonly [string, number, number])[] = [
    ['Asia/Amman', 2010, 2021],
    ['Asia/Gaza', 2012, 2018],
    ['Asia/Hebron', 2012, 2018],
    ['Antarctica/Casey', 2009, 2020],
    ['Antarctica/Davis', 2009, 2011],
    ['Antarctica/Vostok', 2023, 2024],
    ['Asia/Chita', 2014, 2016],
    ['Asia/Magadan', 2014, 2016],
    ['Africa/Monrovia', 1900, 1972],
    ['Europe/London', 1840, 1847],
    ['Europe/Dublin', 1880, 1916],
    ['Africa/Casablanca', 1900, 1913],
    ['Pacific/Apia', 2010, 2012],
    ['America/Santiago', 2020, 2030],
    ['Asia/Beirut', 2000, 2030],
    ['America/Havana', 2000, 2030],
    ['America/Asuncion', 2000, 2030],
    ['America/Sao_Paulo', 2000, 2019],
    // Clocks went back at 00:01 to 23:01 of the day before: the date comes back for an hour.
    ['America/St_Johns', 1988, 2010],
  ];
  const anywhere = fc.tuple(
    zone,
    fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1840, max: 2040 }) }, { weight: 1, arbitrary: fc.integer({ min: 2041, max: 8999 }) }),
  );
  const whereItWasWrong = fc.constantFrom(...hard).chain(([z, from, to]) => fc.tuple(fc.constant(z), fc.integer({ min: from, max: to })));

  it('is exact right next to offset changes, and finds no two changes within 48 hours', () => {
    // A year is scanned for offset changes, and instants just around one are checked, with the dates they fall on.
    const near = fc.constantFrom(-DAY, -HOUR, -1000, -1, 0, 1, 1000, HOUR, DAY);
    fc.assert(
      fc.property(fc.oneof(anywhere, whereItWasWrong), fc.nat(), near, fc.integer({ min: -36 * HOUR, max: 36 * HOUR }), ([z, y], pick, delta, drift) => {
        const from = Date.UTC(y, 0, 1);
        const changes = offsetChanges(z, from, Date.UTC(y + 1, 0, 1));
        const change = changes[pick % Math.max(1, changes.length)] ?? from;
        changes.reduce((before, next) => {
          expect(next - before).toBeGreaterThan(48 * HOUR);
          return next;
        }, Number.NEGATIVE_INFINITY);
        for (const t of [change + delta, change + drift]) {
          expect(localDateOf(iso(t), z)).toBe(intlLocalDate(t, z));
          const date = intlLocalDate(t, z);
          expect(startOfLocalDate(date, z).getTime()).toBe(bruteStartOfLocalDate(date, z));
        }
      }),
      runs(0.25),
    );
  });

  it('sees offsets with seconds on both sides of UTC (the brute force itself reads them right)', () => {
    expect(intlOffset(Date.parse('1971-06-01T00:00:00Z'), 'Africa/Monrovia')).toBe(-(44 * 60 + 30) * 1000);
    expect(intlOffset(Date.parse('1800-01-01T00:00:00Z'), 'Europe/Dublin')).toBe(-(25 * 60 + 21) * 1000);
    expect(intlOffset(Date.parse('1800-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(((5 * 60 + 53) * 60 + 28) * 1000);
  });
});

describe('the memo of offsets is a cache of a pure function', () => {
  it('gives the same answers however many zones, spellings and days were asked before (the memo starts again when full)', () => {
    const before = ZONES.map((z) => startOfLocalDate('2018-10-27', z).getTime());
    // 5,000 spellings of one zone overflow the memo of names (4,096), which then starts again.
    const spell = (i: number) => {
      let bit = 0;
      return Array.from('america/argentina/buenos_aires', (c) => (/[a-z]/u.test(c) && (i >> bit++) & 1 ? c.toUpperCase() : c)).join('');
    };
    const spellings = Array.from({ length: 5000 }, (_, i) => spell(i));
    expect(new Set(spellings).size).toBe(5000);
    const expected = startOfLocalDate('1999-10-03', 'America/Argentina/Buenos_Aires').toISOString();
    for (const z of spellings) expect(startOfLocalDate('1999-10-03', z).toISOString()).toBe(expected);
    expect(ZONES.map((z) => startOfLocalDate('2018-10-27', z).getTime())).toEqual(before);
  });

  it('throws a CouponRulesError for a zone the runtime does not know', () => {
    expect(errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', 'Mars/Base'))).toEqual([
      { code: 'INVALID_TIME_ZONE', path: 'timeZone', message: 'expected an IANA time zone such as "Europe/Berlin", got the string "Mars/Base"' },
    ]);
    expect(errorsThrownBy(() => startOfLocalDate('2026-11-22', ''))).toEqual([
      { code: 'INVALID_TIME_ZONE', path: 'timeZone', message: 'expected an IANA time zone such as "Europe/Berlin", got the string ""' },
    ]);
    expect(errorsThrownBy(() => validityEnd('2026-11-22', `Europe/${'x'.repeat(60)}`)).map((e) => e.code)).toEqual(['INVALID_TIME_ZONE']);
  });
});

describe('day starts where clocks change at midnight itself', () => {
  it('starts the day after a fall-back at local midnight one hour after that midnight (Beirut, 29 October 2023)', () => {
    // At 00:00 (+03) clocks went back to 23:00 (+02) on the 28th: the 29th first appears at 00:00 +02.
    expect(startOfLocalDate('2023-10-29', 'Asia/Beirut').toISOString()).toBe('2023-10-28T22:00:00.000Z');
    expect(bruteStartOfLocalDate('2023-10-29', 'Asia/Beirut')).toBe(Date.parse('2023-10-28T22:00:00Z'));
    expect(localDateOf('2023-10-28T21:00:00Z', 'Asia/Beirut')).toBe('2023-10-28');
  });
});

describe('the memo is bounded', () => {
  // The memo outlives a test: a runner that runs this file again in the same process (mutation testing does) finds
  // what the last run put there. Each run asks about names and days of its own.
  const run = ((globalThis as { memoTestRuns?: number }).memoTestRuns = ((globalThis as { memoTestRuns?: number }).memoTestRuns ?? 0) + 1);

  it('keeps nothing for a zone with a fixed offset of zero', () => {
    const before = zoneMemoSize();
    localDateOf(new Date(Date.UTC(1234, 4, 6 + run, 16)), 'UTC');
    startOfLocalDate(new Date(Date.UTC(1234, 4, 7 + run)).toISOString().slice(0, 10), 'Etc/UTC');
    expect(zoneMemoSize().entries).toBe(before.entries);
    // A zone with offset changes does keep its day samples.
    localDateOf(new Date(Date.UTC(1234, 4, 6 + run, 16)), 'Europe/Berlin');
    expect(zoneMemoSize().entries).toBeGreaterThan(before.entries);
  });

  it('forgets every name once it holds its limit, and keeps no name longer than any zone', () => {
    // New names until the memo starts again: it never holds more than its limit, and drops to the one just asked.
    let peak = 0;
    let names = zoneMemoSize().names;
    for (let i = 0, dropped = false; !dropped && i <= ZONE_MEMO_LIMITS.names; i++) {
      errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', `Nowhere/${String(run)}-${String(i)}`));
      const now = zoneMemoSize().names;
      peak = Math.max(peak, now);
      dropped = now < names;
      names = now;
    }
    expect(peak).toBe(ZONE_MEMO_LIMITS.names);
    expect(names).toBe(1);
    expect(errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', `Europe/${'y'.repeat(60)}${String(run)}`)).map((e) => e.code)).toEqual([
      'INVALID_TIME_ZONE',
    ]);
    expect(errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', '')).map((e) => e.code)).toEqual(['INVALID_TIME_ZONE']);
    expect(zoneMemoSize().names).toBe(names);
    // A name that is not a zone, short enough to ask the runtime (64 characters at most), is remembered as such.
    expect(errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', `Mars/Base${String(run)}`)).map((e) => e.code)).toEqual(['INVALID_TIME_ZONE']);
    expect(zoneMemoSize().names).toBe(names + 1);
    const longest = `Mars/${String(run)}-`.padEnd(64, 'x');
    expect(errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', longest)).map((e) => e.code)).toEqual(['INVALID_TIME_ZONE']);
    expect(zoneMemoSize().names).toBe(names + 2);
    expect(errorsThrownBy(() => localDateOf('2026-11-22T16:00:00Z', `${longest}x`)).map((e) => e.code)).toEqual(['INVALID_TIME_ZONE']);
    expect(zoneMemoSize().names).toBe(names + 2);
  });

  it('keeps at most its limit of day samples, then starts again', () => {
    const first = Date.UTC(1900 + run, 0, 1);
    let peak = 0;
    for (let day = 0; day < ZONE_MEMO_LIMITS.entries + 10; day++) {
      localDateOf(new Date(first + day * DAY), 'Europe/Berlin');
      peak = Math.max(peak, zoneMemoSize().entries);
    }
    expect(peak).toBe(ZONE_MEMO_LIMITS.entries);
    expect(zoneMemoSize().entries).toBeLessThan(ZONE_MEMO_LIMITS.entries);
    expect(localDateOf('2018-10-26T21:30:00Z', 'Asia/Gaza')).toBe('2018-10-27');
  });
});

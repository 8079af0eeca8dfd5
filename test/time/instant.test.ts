import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs, parseInstant } from '../../src/time/instant.js';

// The library reads instant strings itself (not with Date.parse, whose handling of more than three
// fractional digits differs between engines): exact to the millisecond, offsets applied as written.

const FIRST = Date.UTC(1000, 0, 1);
const LAST = Date.UTC(9000, 11, 31, 23, 59, 59, 999);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('reading instants', () => {
  it('reads back every instant Date prints, from year 1000 to 9000', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toEqual({ ok: true, ms });
      }),
    );
  });

  it('applies an offset as written: local time minus offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST + 86_400_000, max: LAST - 86_400_000 }), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), (utc, minutes) => {
        const ms = Math.floor(utc / 1000) * 1000;
        const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
        const sign = minutes < 0 ? '-' : '+';
        const text = `${local}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
        fc.pre(Number(text.slice(0, 4)) >= 1000 && Number(text.slice(0, 4)) <= 9000);
        expect(parseInstant(text)).toEqual({ ok: true, ms });
        expect(Date.parse(text)).toBe(ms);
      }),
    );
  });

  it('takes up to nine fractional digits, all zero after the third', () => {
    expect(parseInstant('2026-11-22T15:00:00.5Z')).toEqual({ ok: true, ms: Date.UTC(2026, 10, 22, 15, 0, 0, 500) });
    expect(parseInstant('2026-11-22T15:00:00.05Z')).toEqual({ ok: true, ms: Date.UTC(2026, 10, 22, 15, 0, 0, 50) });
    expect(parseInstant('2026-11-22T15:00:00.123000000Z')).toEqual({ ok: true, ms: Date.UTC(2026, 10, 22, 15, 0, 0, 123) });
    expect(parseInstant('2026-11-22T15:00:00.1230001Z')).toEqual({ ok: false, why: 'sub-millisecond' });
    expect(parseInstant('2026-11-22T15:00:00.0000000000Z')).toEqual({ ok: false, why: 'malformed' });
    expect(parseInstant('2026-11-22T15:00Z')).toEqual({ ok: true, ms: Date.UTC(2026, 10, 22, 15, 0) });
    expect(parseInstant('2026-11-22T15:00:00-00:00')).toEqual({ ok: true, ms: Date.UTC(2026, 10, 22, 15, 0) });
  });

  it('refuses what is not a real instant', () => {
    for (const bad of [
      '2026-11-22T24:00:00Z',
      '2026-11-22T23:60:00Z',
      '2026-11-22T23:00:60Z',
      '2026-11-22T16:00:00+24:00',
      '2026-11-22T16:00:00+01:60',
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-01T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '0999-12-31T23:59:59Z',
      '9001-01-01T00:00:00Z',
      '2026-11-22T16:00:00',
      '2026-11-22T16:00:00z',
    ]) {
      expect(parseInstant(bad)).toEqual({ ok: false, why: 'malformed' });
    }
    expect(parseInstant('2026-11-22T16:00:00+23:59')).toEqual({ ok: true, ms: Date.UTC(2026, 10, 21, 16, 1) });
  });

  it('takes a Date in UTC years 1000 to 9000, and nothing else that is not a string', () => {
    expect(instantMs(new Date(FIRST))).toBe(FIRST);
    expect(instantMs(new Date(LAST))).toBe(LAST);
    expect(instantMs(new Date(FIRST - 1))).toBeUndefined();
    expect(instantMs(new Date(LAST + 1))).toBeUndefined();
    expect(instantMs(new Date(Number.NaN))).toBeUndefined();
    expect(instantMs(FIRST)).toBeUndefined();
    expect(instantMs(null)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disputeDeadline } from '../../src/index.js';
import { InputReader } from '../../src/input.js';
import { addPolicyDays, readPolicy } from '../../src/dispute/policy.js';

// Business days are counted, not walked (docs/disputes.md): checked here against the walk itself,
// the rule in its own words — step one day at a time, and count the days that are neither a weekend
// day nor a holiday.

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
function walk(date: string, days: number, weekend: readonly number[], holidays: readonly string[]): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  for (let left = days; left > 0;) {
    t += DAY;
    const weekday = new Date(t).getUTCDay() || 7;
    if (!weekend.includes(weekday) && !holidays.includes(iso(t))) left--;
  }
  return iso(t);
}

describe('business days', () => {
  it('land where walking day by day lands, for any weekend, holidays and count', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7], { maxLength: 6 }),
        fc.array(fc.integer({ min: -10, max: 400 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 120 }),
        (offset, weekend, holidayOffsets, days) => {
          const date = iso(start + offset * DAY);
          const holidays = holidayOffsets.map((h) => iso(start + (offset + h) * DAY));
          const r = new InputReader();
          const p = readPolicy(r, { dayCount: 'business', weekend, holidays }, 'policy');
          expect(r.errors).toEqual([]);
          if (!p) throw new Error('policy');
          expect(addPolicyDays(date, days, p)).toBe(walk(date, days, weekend, holidays));
        },
      ),
    );
  });

  it("skip the weekend and the holidays in the rule's own example", () => {
    // Friday 18 December + 5 business days, skipping the weekend and 25 December.
    expect(disputeDeadline('2026-12-18T15:00:00Z', 5, { dayCount: 'business', holidays: ['2026-12-25'] })).toEqual({
      date: '2026-12-28',
      endsAt: '2026-12-29T00:00:00.000Z',
    });
    // Holidays given twice, or falling on a weekend, change nothing.
    expect(disputeDeadline('2026-12-18T15:00:00Z', 5, { dayCount: 'business', holidays: ['2026-12-25', '2026-12-25', '2026-12-26'] })).toEqual({
      date: '2026-12-28',
      endsAt: '2026-12-29T00:00:00.000Z',
    });
  });

  it('cost a count, not a walk: 3,650 business days past 36,500 holidays', () => {
    const holidays = Array.from({ length: 36_500 }, (_, i) => iso(Date.parse('2027-01-01T00:00:00Z') + i * DAY));
    // Every day of 2027–2126 is a holiday: the 3,650 business days start in 2127.
    const d = disputeDeadline('2026-12-31T12:00:00Z', 3650, { dayCount: 'business', weekend: [], holidays });
    expect(d.date).toBe(iso(Date.parse('2026-12-31T00:00:00Z') + (36_500 + 3650) * DAY));
  });
});

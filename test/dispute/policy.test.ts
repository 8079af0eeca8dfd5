import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISPUTE_POLICY,
  type Dispute,
  type DisputeEvent,
  type DisputeOrder,
  type DisputePolicy,
  type DisputeView,
  MAX_POLICY_DAYS,
  disputeDeadline,
  disputeView,
} from '../../src/index.js';
import { err, errorsOf, errorsThrownBy, unwrap } from '../helpers.js';

// December 2026: Tuesday 1, Friday 4, Saturday 5, Sunday 6, Monday 7.
const FRIDAY = '2026-12-04T10:00:00Z';
const SATURDAY = '2026-12-05T10:00:00Z';

const order: DisputeOrder = {
  quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] },
  shippedAt: '2026-11-20T09:00:00Z',
  receiptConfirmedAt: '2026-11-28T18:00:00Z',
};
// Opened Tuesday 1 December; the seller counters on Wednesday 2 December.
const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '10.00' };
const countered: DisputeEvent = { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' };

function view(policy: DisputePolicy | undefined, events: readonly DisputeEvent[] = [opened, countered], at = '2026-12-02T12:00:00Z'): DisputeView {
  const dispute: Dispute = policy === undefined ? { order, events } : { policy, order, events };
  return unwrap(disputeView(dispute, at));
}
/** The errors a policy gets, read through disputeView (they carry their messages there). */
function policyErrors(policy: unknown) {
  return errorsOf(disputeView({ policy: policy as DisputePolicy, order, events: [opened] }, '2026-12-02T12:00:00Z'));
}
const deadlines = (policy: DisputePolicy | undefined) => view(policy).deadlines;
/** The codes and paths of what a call threw, as `CODE at path; …` (it must throw a CouponRulesError). */
const thrown = (f: () => unknown): string =>
  errorsThrownBy(f)
    .map((e) => `${e.code} at ${e.path}`)
    .join('; ');

describe('policy defaults', () => {
  it('are UTC, a 15-day window, 5 days for each party, 15 days in all with the last 3 for the review, calendar days, Saturday and Sunday off', () => {
    expect(DEFAULT_DISPUTE_POLICY).toEqual({
      timeZone: 'UTC',
      requestWindowDays: 15,
      sellerResponseDays: 5,
      buyerResponseDays: 5,
      maxProcessDays: 15,
      platformReviewDays: 3,
      dayCount: 'calendar',
      weekend: [6, 7],
      holidays: [],
    });
    expect(MAX_POLICY_DAYS).toBe(3650);
  });

  it('apply when the dispute has no policy, or an empty one', () => {
    const expected = {
      seller: { date: '2026-12-06', endsAt: '2026-12-07T00:00:00.000Z' },
      buyer: { date: '2026-12-07', endsAt: '2026-12-08T00:00:00.000Z' },
      ruling: { date: '2026-12-16', endsAt: '2026-12-17T00:00:00.000Z' },
    };
    expect(deadlines(undefined)).toEqual(expected);
    expect(deadlines({})).toEqual(expected);
    expect(deadlines({ ...DEFAULT_DISPUTE_POLICY })).toEqual(expected);
  });

  it('count calendar days by default: a deadline over a weekend is not pushed back', () => {
    expect(disputeDeadline(FRIDAY, 5)).toEqual({ date: '2026-12-09', endsAt: '2026-12-10T00:00:00.000Z' });
    expect(disputeDeadline(FRIDAY, 5, {})).toEqual({ date: '2026-12-09', endsAt: '2026-12-10T00:00:00.000Z' });
    expect(disputeDeadline(FRIDAY, 5, { dayCount: 'calendar' })).toEqual({ date: '2026-12-09', endsAt: '2026-12-10T00:00:00.000Z' });
    // Holidays and the weekend only matter when business days are counted.
    expect(disputeDeadline(FRIDAY, 5, { dayCount: 'calendar', holidays: ['2026-12-07'], weekend: [1, 2] }).date).toBe('2026-12-09');
  });
});

describe('policy periods', () => {
  it('gives the seller sellerResponseDays, the buyer buyerResponseDays and the whole process maxProcessDays', () => {
    expect(deadlines({ sellerResponseDays: 2, buyerResponseDays: 1, maxProcessDays: 10 })).toEqual({
      seller: { date: '2026-12-03', endsAt: '2026-12-04T00:00:00.000Z' },
      buyer: { date: '2026-12-03', endsAt: '2026-12-04T00:00:00.000Z' },
      ruling: { date: '2026-12-11', endsAt: '2026-12-12T00:00:00.000Z' },
    });
    // With zero days, each party answers on the local day it got the turn.
    const sameDay = view(
      { sellerResponseDays: 0, buyerResponseDays: 0, maxProcessDays: 0 },
      [opened, { ...countered, at: '2026-12-01T23:59:59.999Z' }],
      '2026-12-01T23:59:59.999Z',
    );
    expect(sameDay.status).toBe('awaiting-buyer');
    expect(sameDay.deadlines).toEqual({
      seller: { date: '2026-12-01', endsAt: '2026-12-02T00:00:00.000Z' },
      buyer: { date: '2026-12-01', endsAt: '2026-12-02T00:00:00.000Z' },
      ruling: { date: '2026-12-01', endsAt: '2026-12-02T00:00:00.000Z' },
    });
  });

  it('opens disputes for requestWindowDays after receipt is confirmed', () => {
    // Confirmed 28 November: with 3 days the window ends with 1 December.
    const policy = { requestWindowDays: 3 };
    expect(view(policy, [opened], '2026-12-02T00:00:00Z').status).toBe('awaiting-seller');
    const late = disputeView({ policy, order, events: [{ ...opened, at: '2026-12-02T00:00:00Z' }] }, '2026-12-02T12:00:00Z');
    expect(late).toEqual({
      ok: false,
      errors: [err('WINDOW_CLOSED', 'events.0', 'the request window closed at the end of 2026-12-01 (3 days after receipt was confirmed)')],
    });
  });

  it('are whole days from 0 to 3650', () => {
    expect(deadlines({ maxProcessDays: MAX_POLICY_DAYS }).ruling.date).toBe('2036-11-28');
    const message = (key: string, got: string) => `${key} must be an integer from 0 to 3650 (a JSON number), got ${got}`;
    expect(policyErrors({ requestWindowDays: -1, sellerResponseDays: 3651, buyerResponseDays: 1.5, maxProcessDays: '15' })).toEqual([
      err('INVALID_POLICY', 'policy.requestWindowDays', message('requestWindowDays', 'number -1')),
      err('INVALID_POLICY', 'policy.sellerResponseDays', message('sellerResponseDays', 'number 3651')),
      err('INVALID_POLICY', 'policy.buyerResponseDays', message('buyerResponseDays', 'number 1.5')),
      err('INVALID_POLICY', 'policy.maxProcessDays', message('maxProcessDays', 'the string "15"')),
    ]);
  });

  it('refuses a policy that is not an object, and unknown policy fields', () => {
    expect(policyErrors('UTC')).toEqual([err('INVALID_TYPE', 'policy', 'expected an object, got the string "UTC"')]);
    expect(policyErrors(null)).toEqual([err('INVALID_TYPE', 'policy', 'expected an object, got null')]);
    expect(policyErrors({ timezone: 'UTC' })).toEqual([err('UNKNOWN_FIELD', 'policy.timezone', 'unknown field "timezone"')]);
  });
});

describe('policy time zone', () => {
  it('ends each deadline at local midnight of the policy zone', () => {
    // Berlin is UTC+1 in December: local midnight is 23:00 UTC the day before.
    expect(deadlines({ timeZone: 'Europe/Berlin' }).seller).toEqual({ date: '2026-12-06', endsAt: '2026-12-06T23:00:00.000Z' });
    // 23:30 UTC on Friday is already Saturday in Berlin.
    expect(disputeDeadline('2026-12-04T23:30:00Z', 1, { timeZone: 'Europe/Berlin' })).toEqual({ date: '2026-12-06', endsAt: '2026-12-06T23:00:00.000Z' });
    expect(disputeDeadline('2026-12-04T23:30:00Z', 1)).toEqual({ date: '2026-12-05', endsAt: '2026-12-06T00:00:00.000Z' });
  });

  it('refuses a zone the runtime does not know', () => {
    expect(policyErrors({ timeZone: 'Mars/Olympus' })).toEqual([
      err('INVALID_TIME_ZONE', 'policy.timeZone', 'expected an IANA time zone such as "Europe/Berlin", got the string "Mars/Olympus"'),
    ]);
  });
});

describe('policy day count', () => {
  it('skips Saturday and Sunday when counting business days', () => {
    // Friday + 5 business days: Monday 7 … Friday 11.
    expect(disputeDeadline(FRIDAY, 5, { dayCount: 'business' })).toEqual({ date: '2026-12-11', endsAt: '2026-12-12T00:00:00.000Z' });
    expect(disputeDeadline(FRIDAY, 1, { dayCount: 'business' }).date).toBe('2026-12-07');
    expect(deadlines({ dayCount: 'business' }).buyer).toEqual({ date: '2026-12-09', endsAt: '2026-12-10T00:00:00.000Z' });
  });

  it('ends a period of zero business days on the same local day, even a weekend day', () => {
    expect(disputeDeadline(SATURDAY, 0, { dayCount: 'business' })).toEqual({ date: '2026-12-05', endsAt: '2026-12-06T00:00:00.000Z' });
  });

  it('numbers weekdays the ISO way: 6 is Saturday, 7 is Sunday', () => {
    expect(disputeDeadline(FRIDAY, 1, { dayCount: 'business', weekend: [6] }).date).toBe('2026-12-06');
    expect(disputeDeadline(FRIDAY, 1, { dayCount: 'business', weekend: [7] }).date).toBe('2026-12-05');
    expect(disputeDeadline(FRIDAY, 2, { dayCount: 'business', weekend: [7] }).date).toBe('2026-12-07');
    // Monday (1) to Friday (5) off: only weekends count. Friday 4 + 2 → Saturday 5, Sunday 6.
    expect(disputeDeadline(FRIDAY, 2, { dayCount: 'business', weekend: [1, 2, 3, 4, 5] }).date).toBe('2026-12-06');
    expect(disputeDeadline(FRIDAY, 3, { dayCount: 'business', weekend: [1, 2, 3, 4, 5] }).date).toBe('2026-12-12');
  });

  it('counts every day as a business day when the weekend is empty', () => {
    expect(disputeDeadline(FRIDAY, 5, { dayCount: 'business', weekend: [] }).date).toBe('2026-12-09');
  });

  it('skips holidays, and a holiday on a weekend day is skipped only once', () => {
    expect(disputeDeadline(FRIDAY, 5, { dayCount: 'business', holidays: ['2026-12-08'] }).date).toBe('2026-12-14');
    expect(disputeDeadline(FRIDAY, 5, { dayCount: 'business', holidays: ['2026-12-05', '2026-12-06'] }).date).toBe('2026-12-11');
    expect(disputeDeadline(FRIDAY, 1, { dayCount: 'business', weekend: [], holidays: ['2026-12-05'] }).date).toBe('2026-12-06');
  });

  it('refuses a day count other than calendar or business', () => {
    expect(policyErrors({ dayCount: 'weekly' })).toEqual([err('INVALID_ENUM', 'policy.dayCount', '"dayCount" is "calendar" or "business"')]);
  });

  it('refuses weekend days that are not ISO weekdays, and a week with no business day', () => {
    const weekday = (i: number, got: string) =>
      err('INVALID_POLICY', `policy.weekend.${String(i)}`, `an ISO weekday must be an integer from 1 to 7 (a JSON number), got ${got}`);
    expect(policyErrors({ weekend: [0, 6, 8, 6.5, '7'] })).toEqual([
      weekday(0, 'number 0'),
      weekday(2, 'number 8'),
      weekday(3, 'number 6.5'),
      weekday(4, 'the string "7"'),
    ]);
    expect(policyErrors({ weekend: [1, 2, 3, 4, 5, 6, 7] })).toEqual([err('INVALID_POLICY', 'policy.weekend', 'a week needs at least one business day')]);
    // Six valid days and one invalid entry: only the entry is wrong, the week still has a business day.
    expect(policyErrors({ weekend: [1, 2, 3, 4, 5, 6, 0] })).toEqual([weekday(6, 'number 0')]);
    // Repeated days count once: Sunday is still a business day.
    expect(disputeDeadline(FRIDAY, 1, { dayCount: 'business', weekend: [1, 2, 3, 4, 5, 6, 6] }).date).toBe('2026-12-06');
    expect(policyErrors({ weekend: 'Saturday' })).toEqual([err('INVALID_TYPE', 'policy.weekend', 'expected an array, got the string "Saturday"')]);
  });

  it('refuses holidays that are not calendar dates', () => {
    const holiday = (i: number) => err('INVALID_DATE', `policy.holidays.${String(i)}`, 'a holiday is a calendar date "YYYY-MM-DD"');
    // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- a String object is not a string
    const boxed: String = new String('2026-12-25');
    expect(policyErrors({ holidays: ['2026-12-25', '2026-02-30', 20261225, boxed, '25.12.2026'] })).toEqual([holiday(1), holiday(2), holiday(3), holiday(4)]);
    expect(policyErrors({ holidays: '2026-12-25' })).toEqual([err('INVALID_TYPE', 'policy.holidays', 'expected an array, got the string "2026-12-25"')]);
  });

  it('reports every problem of a policy at once', () => {
    expect(policyErrors({ timeZone: '', dayCount: 'business days', weekend: [9], holidays: ['soon'], maxProcessDays: -5 }).map((e) => e.path)).toEqual([
      'policy.timeZone',
      'policy.dayCount',
      'policy.weekend.0',
      'policy.holidays.0',
      'policy.maxProcessDays',
    ]);
  });
});

describe('disputeDeadline', () => {
  it('computes N days after an instant in the policy zone, to the start of the next local day', () => {
    expect(disputeDeadline(new Date(FRIDAY), 0)).toEqual({ date: '2026-12-04', endsAt: '2026-12-05T00:00:00.000Z' });
    expect(disputeDeadline('2026-12-04T11:00:00+01:00', MAX_POLICY_DAYS)).toEqual({ date: '2036-12-01', endsAt: '2036-12-02T00:00:00.000Z' });
    expect(disputeDeadline('2026-12-18T15:00:00Z', 5, { dayCount: 'business', holidays: ['2026-12-25'] })).toEqual({
      date: '2026-12-28',
      endsAt: '2026-12-29T00:00:00.000Z',
    });
  });

  it('throws a CouponRulesError with each problem: instant without an offset, days out of range, invalid policy', () => {
    expect(thrown(() => disputeDeadline('2026-12-04T10:00:00', 5))).toBe('INVALID_INSTANT at at');
    expect(thrown(() => disputeDeadline(FRIDAY, -1))).toBe('INVALID_POLICY at days');
    expect(thrown(() => disputeDeadline(FRIDAY, MAX_POLICY_DAYS + 1))).toBe('INVALID_POLICY at days');
    expect(thrown(() => disputeDeadline(FRIDAY, 1.5))).toBe('INVALID_POLICY at days');
    expect(thrown(() => disputeDeadline(FRIDAY, Number.NaN))).toBe('INVALID_POLICY at days');
    expect(thrown(() => disputeDeadline(FRIDAY, 5, { weekend: [1, 2, 3, 4, 5, 6, 7] }))).toBe('INVALID_POLICY at policy.weekend');
    expect(thrown(() => disputeDeadline(FRIDAY, 5, { timeZone: 'Mars/Olympus' }))).toBe('INVALID_TIME_ZONE at policy.timeZone');
    expect(thrown(() => disputeDeadline('noon', -1, { timeZone: 'Mars/Olympus' }))).toBe(
      'INVALID_TIME_ZONE at policy.timeZone; INVALID_INSTANT at at; INVALID_POLICY at days',
    );
  });
});

describe('disputeDeadline: policies and instants it cannot use', () => {
  it('refuses a deadline with no business day or an instant without an offset, instead of hanging or reading TZ', () => {
    expect(
      errorsThrownBy(() => disputeDeadline('2026-12-18T15:00:00Z', 1, { dayCount: 'business', weekend: [1, 2, 3, 4, 5, 6, 7] })).map((e) => e.code),
    ).toEqual(['INVALID_POLICY']);
    expect(() => disputeDeadline('2026-12-18T23:30:00', 0)).toThrow(/INVALID_INSTANT/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarYears,
  checkCouponIssue,
  type CouponIssueRequest,
  couponState,
  localDateOf,
  startOfLocalDate,
  validityEnd,
} from '../../src/index.js';
import { MAX_YEAR } from '../../src/time/calendar.js';
import { codePathsOf, err, errorsOf, errorsThrownBy, unwrap } from '../helpers.js';

// The time rules of docs/lifecycle.md: expiration dates are calendar dates in the store's IANA zone,
// instants carry an explicit offset, years run from 1000 to 9000, and nothing depends on the process TZ.

const issue: CouponIssueRequest = {
  at: '2026-11-22T15:00:00Z',
  timeZone: 'UTC',
  seller: { id: 's1' },
  recipient: { id: 'b1', registered: true, emailConfirmed: true },
  stoplisted: { bySeller: false, byRecipient: false },
  expires: '2026-12-01',
};
/** The full result of an issue check with some fields changed (malformed values are passed on purpose). */
const check = (change: Record<string, unknown>) => checkCouponIssue({ ...issue, ...change });
const issueErrors = (change: Record<string, unknown>) => errorsOf(check(change));
const instantError = (got: string) => err('INVALID_INSTANT', 'at', `expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got ${got}`);
const dateError = (got: string) => err('INVALID_DATE', 'expires', `expected a calendar date "YYYY-MM-DD", got ${got}`);
const zoneError = (got: string) => err('INVALID_TIME_ZONE', 'timeZone', `expected an IANA time zone such as "Europe/Berlin", got ${got}`);

describe('instants must carry an explicit offset and a valid time of day', () => {
  it.each([
    '2026-11-22T15:00:00Z',
    '2026-11-22T15:00Z',
    '2026-11-22T15:00:00.5Z',
    '2026-11-22T15:00:00.123000000Z',
    '2026-11-22T15:00:00.1200Z',
    '2026-11-22T16:00:00+01:00',
    '2026-11-22T10:00:00-05:00',
    '2026-11-22T23:59:59Z',
    '2026-11-22T00:00:00Z',
    '1000-01-01T00:00:00Z',
    '9000-12-31T23:59:59Z',
  ])('accepts %s', (at) => {
    expect(check({ at, expires: null }).ok).toBe(true);
  });

  it.each([
    ['2026-11-22T15:00:00', 'no offset'],
    ['2026-11-22 15:00:00Z', 'a space instead of T'],
    ['2026-11-22T24:00:00Z', 'hour 24 (which Date.parse would read as the next midnight)'],
    ['2026-11-22T15:60:00Z', 'minute 60'],
    ['2026-11-22T15:00:60Z', 'second 60'],
    ['2026-11-22T15:00:00.1234567890Z', 'more than 9 fractional digits'],
    ['2026-02-30T15:00:00Z', 'a day that does not exist'],
    ['0999-12-31T23:59:59Z', 'a year before 1000'],
    ['9001-01-01T00:00:00Z', 'a year after 9000'],
    ['2026-11-22T15:00:00+25:00', 'an offset beyond 24 hours'],
    ['+2026-11-22T15:00:00Z', 'text before the date'],
    ['2026-11-22T15:00:00Zx', 'text after the offset'],
  ])('refuses %s (%s) with a message that shows the value', (at) => {
    expect(issueErrors({ at, expires: null })).toEqual([instantError(`the string "${at}"`)]);
  });

  it.each(['2026-11-22T15:00:00.123456789Z', '2026-11-22T15:00:00.0001Z', '2026-11-22T15:00:00.000000001Z', '2026-11-22T15:00:00.9999Z'])(
    'refuses %s: instants are exact to the millisecond, and a finer digit is not cut off',
    (at) => {
      expect(issueErrors({ at, expires: null })).toEqual([
        err(
          'SUB_MILLISECOND_INSTANT',
          'at',
          `instants are exact to the millisecond, and the string "${at}" has a non-zero digit after the third decimal of its seconds: round it to the millisecond you mean`,
        ),
      ]);
    },
  );

  it('never reorders events by cutting digits: two events 0.0009 s apart in the wrong order are refused, not judged in order', () => {
    const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed' as const, amount: '1.00' } };
    const events = [
      { type: 'edited' as const, at: '2026-12-01T10:00:00.0009Z', expires: '2026-12-20' },
      { type: 'declined' as const, at: '2026-12-01T10:00:00.0000Z' },
    ];
    const r = couponState({ ...coupon, events }, '2026-12-02T00:00:00Z');
    expect(codePathsOf(r)).toEqual(['SUB_MILLISECOND_INSTANT@events.0.at']);
  });

  it('accepts a Date only in UTC years 1000 to 9000, like an instant string', () => {
    expect(check({ at: new Date('1000-01-01T00:00:00.000Z'), expires: null }).ok).toBe(true);
    expect(check({ at: new Date('9000-12-31T23:59:59.999Z'), expires: null }).ok).toBe(true);
    expect(issueErrors({ at: new Date('0999-12-31T23:59:59.999Z'), expires: null })).toEqual([instantError('an object')]);
    expect(issueErrors({ at: new Date('9001-01-01T00:00:00.000Z'), expires: null })).toEqual([instantError('an object')]);
  });

  it('takes the hour 23, minute 59 and second 59 as the last of their kind', () => {
    // Each field is accepted up to its maximum: one more is refused (see above).
    expect(localDateOf('2026-11-22T23:59:59Z', 'UTC')).toBe('2026-11-22');
    expect(localDateOf('2026-11-22T23:00:00Z', 'UTC')).toBe('2026-11-22');
    expect(localDateOf('2026-11-22T10:59:00Z', 'UTC')).toBe('2026-11-22');
    expect(localDateOf('2026-11-22T10:00:59Z', 'UTC')).toBe('2026-11-22');
  });

  it('accepts a valid Date and refuses an invalid one, describing what it got', () => {
    expect(check({ at: new Date('2026-11-22T15:00:00Z') })).toEqual({ ok: true, value: { allowed: true, violations: [] } });
    expect(issueErrors({ at: new Date(Number.NaN), expires: null })).toEqual([instantError('an object')]);
    expect(issueErrors({ at: 1_795_392_000_000, expires: null })).toEqual([instantError('number 1795392000000')]);
    expect(issueErrors({ at: null, expires: null })).toEqual([instantError('null')]);
    // Only a string is read as text: a list holding an instant is not an instant.
    expect(issueErrors({ at: ['2026-11-22T15:00:00Z'], expires: null })).toEqual([instantError('an array')]);
  });
});

describe('expiration dates are calendar dates from year 1000 to year 9000', () => {
  it('exports the upper year bound', () => {
    expect(MAX_YEAR).toBe(9000);
  });

  it.each([
    ['2027-02-29', 'no 29 February in 2027'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-01-32', 'no month has 32 days'],
    ['2026-12-00', 'day zero'],
    ['2026-00-10', 'month zero'],
    ['2026-13-01', 'month 13'],
    ['0999-12-31', 'a year before 1000'],
    ['9001-01-01', 'a year after 9000'],
    ['2026-1-01', 'a one-digit month'],
    ['2026-11-22T00:00:00Z', 'an instant, not a date'],
    [' 2026-11-22', 'leading space'],
    ['2026-11-22 ', 'trailing space'],
  ])('refuses %s (%s)', (expires) => {
    expect(issueErrors({ expires })).toEqual([dateError(`the string "${expires}"`)]);
  });

  it('describes a value that is not a string', () => {
    expect(issueErrors({ expires: 20261201 })).toEqual([dateError('number 20261201')]);
    expect(issueErrors({ expires: ['2026-12-01'] })).toEqual([dateError('an array')]);
    // A String object is not a string.
    expect(issueErrors({ expires: new String('2026-12-01') })).toEqual([dateError('an object')]);
  });

  it.each(['2028-02-29', '2026-01-31', '2026-04-30', '2026-12-31', '1000-01-01', '9000-12-31'])('accepts the real date %s as a date', (expires) => {
    // Far dates are well-formed: they are violations (too far, in the past), not malformed input.
    expect(check({ expires }).ok).toBe(true);
  });

  it('accepts the first and the last accepted years, as violations rather than malformed input', () => {
    expect(check({ expires: '1000-01-01' })).toEqual({
      ok: true,
      value: { allowed: false, violations: [{ code: 'EXPIRATION_IN_PAST', message: 'the expiration date 1000-01-01 is before today, 2026-11-22' }] },
    });
    expect(check({ expires: '9000-12-31' })).toEqual({
      ok: true,
      value: {
        allowed: false,
        violations: [{ code: 'EXPIRATION_TOO_FAR', message: 'the expiration date 9000-12-31 is after 2027-11-22, one year from today (2026-11-22)' }],
      },
    });
  });
});

describe('time zones are IANA names the runtime knows', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/Santiago', 'Asia/Tokyo', 'europe/berlin'])('accepts %s', (timeZone) => {
    expect(check({ timeZone }).ok).toBe(true);
  });

  it.each(['', 'Mars/Base', '+05:00', 'Europe/Berlin '])('refuses %j', (timeZone) => {
    expect(issueErrors({ timeZone })).toEqual([zoneError(`the string "${timeZone}"`)]);
  });

  it('refuses a name longer than any zone', () => {
    const timeZone = `Europe/${'x'.repeat(60)}`;
    expect(issueErrors({ timeZone }).map((e) => e.code)).toEqual(['INVALID_TIME_ZONE']);
  });

  it('describes a value that is not a string', () => {
    expect(issueErrors({ timeZone: 1 })).toEqual([zoneError('number 1')]);
    expect(issueErrors({ timeZone: {} })).toEqual([zoneError('an object')]);
    expect(issueErrors({ timeZone: ['UTC'] })).toEqual([zoneError('an array')]);
  });
});

describe('today is the local date of the instant in the store zone', () => {
  it('reads strings and Dates alike', () => {
    expect(localDateOf('2026-11-22T16:00:00Z', 'Asia/Tokyo')).toBe('2026-11-23');
    expect(localDateOf(new Date('2026-11-22T16:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-23');
    expect(localDateOf(new Date('2026-11-22T16:00:00Z'), 'UTC')).toBe('2026-11-22');
    expect(localDateOf('2026-11-23T04:59:59Z', 'America/New_York')).toBe('2026-11-22');
    expect(localDateOf('2026-11-23T05:00:00Z', 'America/New_York')).toBe('2026-11-23');
  });

  it('throws a CouponRulesError for something that is not an instant', () => {
    expect(errorsThrownBy(() => localDateOf('2026-11-22', 'UTC'))).toEqual([
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-11-22"'),
    ]);
    expect(errorsThrownBy(() => localDateOf('2026-11-22T24:00:00Z', 'UTC'))).toEqual([
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-11-22T24:00:00Z"'),
    ]);
    expect(errorsThrownBy(() => localDateOf(new Date(Number.NaN), 'UTC'))).toEqual([
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got an object'),
    ]);
  });
});

describe('local days, validity ends and calendar arithmetic', () => {
  it('starts a day at local midnight, or at the first instant that exists', () => {
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDate('2026-01-15', 'Europe/Berlin').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDate('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    // Chile skips midnight on 6 September 2026: the day starts at 01:00 local (-03:00).
    expect(startOfLocalDate('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfLocalDate('2026-09-05', 'America/Santiago').toISOString()).toBe('2026-09-05T04:00:00.000Z');
  });

  it('ends validity at the start of the next local day, across month and year ends', () => {
    expect(validityEnd('2026-12-31', 'Europe/Berlin').toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(validityEnd('2026-11-30', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(validityEnd('2028-02-28', 'Asia/Tokyo').toISOString()).toBe('2028-02-28T15:00:00.000Z');
    expect(validityEnd('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('adds and subtracts calendar days, across leap days and year ends', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('2026-11-22', 0)).toBe('2026-11-22');
    expect(addCalendarDays('2026-11-22', 40)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('adds calendar years; 29 February becomes 28 February in a year without it', () => {
    expect(addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addCalendarYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addCalendarYears('2026-11-22', 1)).toBe('2027-11-22');
    expect(addCalendarYears('2026-01-01', -1)).toBe('2025-01-01');
    expect(addCalendarYears('9000-06-01', 1)).toBe('9001-06-01');
  });

  it('throws a CouponRulesError for a date that does not exist', () => {
    expect(errorsThrownBy(() => startOfLocalDate('2027-02-30', 'UTC'))).toEqual([
      err('INVALID_DATE', 'date', 'expected a calendar date "YYYY-MM-DD", got the string "2027-02-30"'),
    ]);
    expect(errorsThrownBy(() => validityEnd('2026-13-01', 'UTC'))).toEqual([
      err('INVALID_DATE', 'expires', 'expected a calendar date "YYYY-MM-DD", got the string "2026-13-01"'),
    ]);
    expect(errorsThrownBy(() => addCalendarDays('2026-11-22T00:00:00Z', 1))).toEqual([
      err('INVALID_DATE', 'date', 'expected a calendar date "YYYY-MM-DD", got the string "2026-11-22T00:00:00Z"'),
    ]);
    expect(errorsThrownBy(() => addCalendarYears('22-11-2026', 1))).toEqual([
      err('INVALID_DATE', 'date', 'expected a calendar date "YYYY-MM-DD", got the string "22-11-2026"'),
    ]);
  });
});

describe('results do not depend on the process time zone (TZ)', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('computes the same dates with TZ=%s', (zone) => {
    process.env.TZ = zone;
    expect(addCalendarDays('2026-11-22', 1)).toBe('2026-11-23');
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-08', 1)).toBe('2026-03-09'); // the US moves to summer time that day
    expect(addCalendarDays('2026-11-01', 1)).toBe('2026-11-02'); // and back to standard time
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addCalendarYears('2026-11-22', 1)).toBe('2027-11-22');
    expect(addCalendarYears('2027-03-13', 1)).toBe('2028-03-13'); // standard time then, summer time a year later in the US
    expect(addCalendarYears('2026-03-10', 1)).toBe('2027-03-10');
    expect(localDateOf('2026-11-22T16:00:00Z', 'UTC')).toBe('2026-11-22');
    expect(validityEnd('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDate('2026-11-22', 'UTC').toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(check({ at: '2026-11-22T15:00:00Z', expires: '2027-11-22' })).toEqual({ ok: true, value: { allowed: true, violations: [] } });
    const r = couponState(
      { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '1.00' }, events: [] },
      '2026-12-31T23:59:59Z',
    );
    expect(unwrap(r)).toMatchObject({ status: 'open', expiresAt: '2027-01-01T00:00:00.000Z' });
  });
});

describe('the last accepted year', () => {
  const coupon = (expires: string) => ({
    id: 'c',
    seller: 's1',
    recipient: 'b1',
    expires,
    timeZone: 'UTC',
    terms: { type: 'percent' as const, percent: '10' },
    events: [],
  });

  it('accepts dates up to the year 9000 and answers later ones with an error, not a crash', () => {
    expect(couponState(coupon('9999-12-31'), '2026-12-06T00:00:00Z')).toMatchObject({ ok: false, errors: [{ code: 'INVALID_DATE', path: 'expires' }] });
    expect(couponState(coupon('9000-12-31'), '9000-12-31T12:00:00Z')).toMatchObject({ ok: true, value: { status: 'open' } });
  });
});

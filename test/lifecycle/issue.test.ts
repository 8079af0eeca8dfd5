import { describe, expect, it } from 'vitest';
import { addCalendarYears, checkCouponIssue, type CouponIssueRequest, localDateOf, validityEnd } from '../../src/index.js';
import { codePathsOf } from '../helpers.js';

const base: CouponIssueRequest = {
  at: '2026-11-22T15:00:00Z',
  timeZone: 'America/New_York',
  seller: { id: 's1' },
  recipient: { id: 'b1', registered: true, emailConfirmed: true },
  stoplisted: { bySeller: false, byRecipient: false },
  expires: '2027-11-22',
};
/** The codes of the violations, or `code@path` of each error when the request is malformed. */
const violationCodes = (req: Record<string, unknown>) => {
  const r = checkCouponIssue({ ...base, ...req });
  return r.ok ? r.value.violations.map((v) => v.code) : codePathsOf(r);
};

describe('who may be given a coupon', () => {
  it('allows an ordinary issue', () => {
    expect(checkCouponIssue(base)).toEqual({ ok: true, value: { allowed: true, violations: [] } });
  });

  it.each([
    [{ recipient: { id: 's1', registered: true, emailConfirmed: true } }, 'SELF'],
    [{ recipient: { id: 'b1', registered: false, emailConfirmed: true } }, 'RECIPIENT_UNREGISTERED'],
    [{ recipient: { id: 'b1', registered: true, emailConfirmed: false } }, 'RECIPIENT_EMAIL_UNCONFIRMED'],
    [{ stoplisted: { bySeller: true, byRecipient: false } }, 'STOPLISTED_BY_SELLER'],
    [{ stoplisted: { bySeller: false, byRecipient: true } }, 'STOPLISTED_BY_RECIPIENT'],
    [{ expires: null }, 'EXPIRATION_REQUIRED'],
    [{ expires: undefined }, 'EXPIRATION_REQUIRED'],
    [{ expires: '2026-11-21' }, 'EXPIRATION_IN_PAST'],
    [{ expires: '2027-11-23' }, 'EXPIRATION_TOO_FAR'],
  ])('refuses %j: %s', (change, code) => {
    expect(violationCodes(change)).toEqual([code]);
  });

  it('reports every violation at once', () => {
    expect(
      violationCodes({
        recipient: { id: 's1', registered: false, emailConfirmed: false },
        stoplisted: { bySeller: true, byRecipient: true },
        expires: '2030-01-01',
      }),
    ).toEqual(['SELF', 'RECIPIENT_UNREGISTERED', 'RECIPIENT_EMAIL_UNCONFIRMED', 'STOPLISTED_BY_SELLER', 'STOPLISTED_BY_RECIPIENT', 'EXPIRATION_TOO_FAR']);
  });

  it('accepts today and exactly one year from today', () => {
    expect(violationCodes({ expires: '2026-11-22' })).toEqual([]);
    expect(violationCodes({ expires: '2027-11-22' })).toEqual([]);
  });

  it('takes "today" in the store time zone', () => {
    // 16:00 UTC on 22 November is already 23 November in Tokyo, still 22 November in UTC.
    const at = '2026-11-22T16:00:00Z';
    expect(violationCodes({ at, timeZone: 'UTC', expires: '2026-11-22' })).toEqual([]);
    expect(violationCodes({ at, timeZone: 'Asia/Tokyo', expires: '2026-11-22' })).toEqual(['EXPIRATION_IN_PAST']);
    expect(violationCodes({ at, timeZone: 'Asia/Tokyo', expires: '2027-11-23' })).toEqual([]);
    expect(violationCodes({ at, timeZone: 'UTC', expires: '2027-11-23' })).toEqual(['EXPIRATION_TOO_FAR']);
    expect(localDateOf('2026-11-22T16:00:00Z', 'Asia/Tokyo')).toBe('2026-11-23');
    expect(localDateOf('2026-11-23T04:59:59Z', 'America/New_York')).toBe('2026-11-22');
  });

  it('takes 29 February + 1 year as 28 February', () => {
    expect(addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    const at = '2028-02-29T12:00:00Z';
    expect(violationCodes({ at, timeZone: 'UTC', expires: '2029-02-28' })).toEqual([]);
    expect(violationCodes({ at, timeZone: 'UTC', expires: '2029-03-01' })).toEqual(['EXPIRATION_TOO_FAR']);
  });

  it('ends validity at the end of the local expiration day, across DST', () => {
    // 29 March 2026: Berlin moves from CET to CEST; the day has 23 hours.
    expect(validityEnd('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(validityEnd('2026-03-28', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // 25 October 2026: back to CET, 25 hours.
    expect(validityEnd('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    // 6 September 2026: Chile skips midnight; the next day starts at 01:00 local.
    expect(validityEnd('2026-09-05', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('answers malformed input with errors, not violations', () => {
    expect(violationCodes({ timeZone: 'Mars/Base', expires: '2027-02-30', at: '2026-11-22 15:00' })).toEqual([
      'INVALID_INSTANT@at',
      'INVALID_TIME_ZONE@timeZone',
      'INVALID_DATE@expires',
    ]);
    expect(violationCodes({ at: '2026-11-22T15:00:00' })).toEqual(['INVALID_INSTANT@at']);
    expect(violationCodes({ seller: { id: '' }, extra: 1 })).toEqual(['UNKNOWN_FIELD@extra', 'EMPTY_STRING@seller.id']);
  });
});

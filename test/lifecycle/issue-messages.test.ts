import { describe, expect, it } from 'vitest';
import { checkCouponIssue, type CouponIssueRequest } from '../../src/index.js';
import { err, errorsOf } from '../helpers.js';

// docs/lifecycle.md, "Who may be given a coupon": every violation that applies is listed, each with its
// code and a message for people; malformed input is an `ok: false` result with the path of each problem.

const base: CouponIssueRequest = {
  at: '2026-11-22T15:00:00Z',
  timeZone: 'America/New_York',
  seller: { id: 's1' },
  recipient: { id: 'b1', registered: true, emailConfirmed: true },
  stoplisted: { bySeller: false, byRecipient: false },
  expires: '2027-11-22',
};
const check = (change: Record<string, unknown>) => checkCouponIssue({ ...base, ...change });
const refused = (...violations: { code: string; message: string }[]) => ({ ok: true, value: { allowed: false, violations } });

const SELF = { code: 'SELF', message: 'a seller cannot issue a coupon to themself' };
const UNREGISTERED = { code: 'RECIPIENT_UNREGISTERED', message: 'the recipient is not a registered member' };
const UNCONFIRMED = { code: 'RECIPIENT_EMAIL_UNCONFIRMED', message: 'the recipient has not confirmed their e-mail address' };
const BY_SELLER = { code: 'STOPLISTED_BY_SELLER', message: 'the seller has stoplisted the recipient' };
const BY_RECIPIENT = { code: 'STOPLISTED_BY_RECIPIENT', message: 'the recipient has stoplisted the seller' };
const REQUIRED = { code: 'EXPIRATION_REQUIRED', message: 'a coupon needs an expiration date' };

describe('each issue violation comes with its message', () => {
  it('a seller cannot issue a coupon to themself', () => {
    expect(check({ recipient: { id: 's1', registered: true, emailConfirmed: true } })).toEqual(refused(SELF));
  });

  it('nor to a member who is not registered, or has not confirmed their e-mail address', () => {
    expect(check({ recipient: { id: 'b1', registered: false, emailConfirmed: true } })).toEqual(refused(UNREGISTERED));
    expect(check({ recipient: { id: 'b1', registered: true, emailConfirmed: false } })).toEqual(refused(UNCONFIRMED));
    expect(check({ recipient: { id: 'b1', registered: false, emailConfirmed: false } })).toEqual(refused(UNREGISTERED, UNCONFIRMED));
  });

  it('nor across a stoplist, either way', () => {
    expect(check({ stoplisted: { bySeller: true, byRecipient: false } })).toEqual(refused(BY_SELLER));
    expect(check({ stoplisted: { bySeller: false, byRecipient: true } })).toEqual(refused(BY_RECIPIENT));
    expect(check({ stoplisted: { bySeller: true, byRecipient: true } })).toEqual(refused(BY_SELLER, BY_RECIPIENT));
  });

  it('the expiration date is required, whether null or absent', () => {
    expect(check({ expires: null })).toEqual(refused(REQUIRED));
    const { expires: _omitted, ...withoutExpiry } = base;
    expect(checkCouponIssue(withoutExpiry)).toEqual(refused(REQUIRED));
  });

  it('it may be today, not earlier: the message names both dates', () => {
    expect(check({ expires: '2026-11-22' })).toEqual({ ok: true, value: { allowed: true, violations: [] } });
    expect(check({ expires: '2026-11-21' })).toEqual(
      refused({ code: 'EXPIRATION_IN_PAST', message: 'the expiration date 2026-11-21 is before today, 2026-11-22' }),
    );
  });

  it('it may be at most one calendar year from today: the message names the limit and today', () => {
    expect(check({ expires: '2027-11-22' })).toEqual({ ok: true, value: { allowed: true, violations: [] } });
    expect(check({ expires: '2027-11-23' })).toEqual(
      refused({ code: 'EXPIRATION_TOO_FAR', message: 'the expiration date 2027-11-23 is after 2027-11-22, one year from today (2026-11-22)' }),
    );
  });

  it('takes today in the store zone, also in the messages', () => {
    // 16:00 UTC on 22 November is 23 November in Tokyo.
    expect(check({ at: '2026-11-22T16:00:00Z', timeZone: 'Asia/Tokyo', expires: '2026-11-22' })).toEqual(
      refused({ code: 'EXPIRATION_IN_PAST', message: 'the expiration date 2026-11-22 is before today, 2026-11-23' }),
    );
    expect(check({ at: '2026-11-22T16:00:00Z', timeZone: 'Asia/Tokyo', expires: '2027-11-24' })).toEqual(
      refused({ code: 'EXPIRATION_TOO_FAR', message: 'the expiration date 2027-11-24 is after 2027-11-23, one year from today (2026-11-23)' }),
    );
  });

  it('takes 29 February + 1 year as 28 February, also in the message', () => {
    expect(check({ at: '2028-02-29T12:00:00Z', timeZone: 'UTC', expires: '2029-03-01' })).toEqual(
      refused({ code: 'EXPIRATION_TOO_FAR', message: 'the expiration date 2029-03-01 is after 2029-02-28, one year from today (2028-02-29)' }),
    );
  });

  it('lists every violation that applies, in the order of the rules', () => {
    expect(
      check({ recipient: { id: 's1', registered: false, emailConfirmed: false }, stoplisted: { bySeller: true, byRecipient: true }, expires: null }),
    ).toEqual(refused(SELF, UNREGISTERED, UNCONFIRMED, BY_SELLER, BY_RECIPIENT, REQUIRED));
  });
});

describe('malformed issue requests are errors, with the path of each problem', () => {
  const at = (r: ReturnType<typeof check>, path: string) => errorsOf(r).filter((e) => e.path === path);

  it('refuses a request that is not an object', () => {
    expect(checkCouponIssue(null as never)).toEqual({ ok: false, errors: [err('INVALID_TYPE', '', 'expected an object, got null')] });
    expect(checkCouponIssue([] as never)).toEqual({ ok: false, errors: [err('INVALID_TYPE', '', 'expected an object, got an array')] });
  });

  it('requires the instant, the zone, both parties and the stoplists', () => {
    const r = checkCouponIssue({} as never);
    expect(r.ok).toBe(false);
    // A missing instant, zone, party or stoplist is reported once, as missing, not also as invalid.
    for (const path of ['at', 'timeZone', 'seller', 'recipient', 'stoplisted']) expect(at(r, path)).toEqual([err('REQUIRED', path, `"${path}" is required`)]);
    expect(errorsOf(r).filter((e) => e.path.includes('.'))).toEqual([]);
  });

  it('reports a missing party without reading its fields', () => {
    const { recipient: _r, stoplisted: _s, ...rest } = base;
    expect(checkCouponIssue(rest as never)).toEqual({
      ok: false,
      errors: [err('REQUIRED', 'recipient', '"recipient" is required'), err('REQUIRED', 'stoplisted', '"stoplisted" is required')],
    });
    const { seller: _seller, ...noSeller } = base;
    expect(checkCouponIssue(noSeller as never)).toEqual({ ok: false, errors: [err('REQUIRED', 'seller', '"seller" is required')] });
  });

  it('refuses parties and stoplists that are not objects', () => {
    expect(check({ seller: 's1', recipient: [], stoplisted: 1 })).toEqual({
      ok: false,
      errors: [
        err('INVALID_TYPE', 'seller', 'expected an object, got the string "s1"'),
        err('INVALID_TYPE', 'recipient', 'expected an object, got an array'),
        err('INVALID_TYPE', 'stoplisted', 'expected an object, got number 1'),
      ],
    });
  });

  it('requires each field of the parties and the stoplists, at its own path', () => {
    expect(check({ seller: {}, recipient: {}, stoplisted: {} })).toEqual({
      ok: false,
      errors: [
        err('REQUIRED', 'seller.id', '"id" is required'),
        err('REQUIRED', 'recipient.id', '"id" is required'),
        err('REQUIRED', 'recipient.registered', '"registered" is required'),
        err('REQUIRED', 'recipient.emailConfirmed', '"emailConfirmed" is required'),
        err('REQUIRED', 'stoplisted.bySeller', '"bySeller" is required'),
        err('REQUIRED', 'stoplisted.byRecipient', '"byRecipient" is required'),
      ],
    });
  });

  it('checks the type of each field, and refuses unknown fields at every level', () => {
    expect(
      check({
        seller: { id: 1, name: 'x' },
        recipient: { id: '', registered: 'yes', emailConfirmed: null, x: 1 },
        stoplisted: { bySeller: 0, byRecipient: false, y: 2 },
        note: 'hi',
      }),
    ).toEqual({
      ok: false,
      errors: [
        err('UNKNOWN_FIELD', 'note', 'unknown field "note"'),
        err('UNKNOWN_FIELD', 'seller.name', 'unknown field "name"'),
        err('UNKNOWN_FIELD', 'recipient.x', 'unknown field "x"'),
        err('INVALID_TYPE', 'seller.id', 'expected a string, got number 1'),
        err('EMPTY_STRING', 'recipient.id', 'must not be empty'),
        err('INVALID_TYPE', 'recipient.registered', 'expected true or false, got the string "yes"'),
        err('INVALID_TYPE', 'recipient.emailConfirmed', 'expected true or false, got null'),
        err('UNKNOWN_FIELD', 'stoplisted.y', 'unknown field "y"'),
        err('INVALID_TYPE', 'stoplisted.bySeller', 'expected true or false, got number 0'),
      ],
    });
  });

  it('gives no violations while the input is malformed, even if some would apply', () => {
    // The recipient is the seller and the date is past, but a bad zone makes the whole request malformed.
    expect(check({ recipient: { id: 's1', registered: false, emailConfirmed: false }, expires: '2020-01-01', timeZone: 'Nowhere/Land' })).toEqual({
      ok: false,
      errors: [err('INVALID_TIME_ZONE', 'timeZone', 'expected an IANA time zone such as "Europe/Berlin", got the string "Nowhere/Land"')],
    });
    expect(check({ at: '2026-11-22T15:00:00', recipient: { id: 's1', registered: true, emailConfirmed: true } })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_INSTANT', path: 'at' }],
    });
    expect(check({ expires: '2027-02-30', recipient: { id: 's1', registered: true, emailConfirmed: true } })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_DATE', path: 'expires' }],
    });
  });
});

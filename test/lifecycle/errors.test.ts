import { describe, expect, it } from 'vitest';
import { type CouponRecord, couponState } from '../../src/index.js';
import { codePathsOf, err, errorsOf } from '../helpers.js';

// docs/lifecycle.md: malformed coupon records and events are `ok: false` results, with a code, the path
// of the problem and a message for people; every problem is reported at once.

const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '5.00' } } as const;
const AT = '2026-12-20T00:00:00Z';
/** couponState with a record that may be malformed on purpose. */
const stateOf = (record: unknown, at: unknown = AT) => couponState(record as CouponRecord, at as string);
const recordErrors = (record: unknown, at: unknown = AT) => errorsOf(stateOf(record, at));
const eventErrors = (...events: unknown[]) => recordErrors({ ...coupon, events });
const required = (path: string) => err('REQUIRED', path, `"${path.split('.').at(-1) ?? ''}" is required`);
const unknown = (path: string) => err('UNKNOWN_FIELD', path, `unknown field "${path.split('.').at(-1) ?? ''}"`);

describe('a coupon record', () => {
  it('must be an object', () => {
    expect(stateOf(null)).toEqual({ ok: false, errors: [err('INVALID_TYPE', '', 'expected an object, got null')] });
    expect(stateOf('c1')).toEqual({ ok: false, errors: [err('INVALID_TYPE', '', 'expected an object, got the string "c1"')] });
    expect(stateOf(undefined)).toEqual({ ok: false, errors: [err('REQUIRED', 'coupon', '"coupon" is required')] });
  });

  it('requires every coupon field, its events and the instant, each reported once', () => {
    expect(couponState({} as CouponRecord, undefined as unknown as string)).toEqual({
      ok: false,
      errors: [
        required('id'),
        required('seller'),
        required('recipient'),
        required('expires'),
        required('timeZone'),
        required('terms'),
        required('events'),
        required('at'),
      ],
    });
  });

  it('checks the type of each field', () => {
    expect(
      recordErrors(
        { id: '', seller: 1, recipient: null, expires: '2026-12-32', timeZone: 'Mars/Base', terms: 'five', remedies: 'inc-1', events: {}, extra: true },
        '2026-12-20',
      ),
    ).toEqual([
      unknown('extra'),
      err('EMPTY_STRING', 'id', 'must not be empty'),
      err('INVALID_TYPE', 'seller', 'expected a string, got number 1'),
      err('INVALID_TYPE', 'recipient', 'expected a string, got null'),
      err('INVALID_DATE', 'expires', 'expected a calendar date "YYYY-MM-DD", got the string "2026-12-32"'),
      err('INVALID_TIME_ZONE', 'timeZone', 'expected an IANA time zone such as "Europe/Berlin", got the string "Mars/Base"'),
      err('INVALID_TYPE', 'terms', 'a coupon is an object with "type": "percent" or "fixed"'),
      err('INVALID_TYPE', 'remedies', 'expected an array, got the string "inc-1"'),
      err('INVALID_TYPE', 'events', 'expected an array, got an object'),
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-20"'),
    ]);
  });

  it('checks the terms for shape, with up to 12 decimals, in no currency yet', () => {
    expect(stateOf({ ...coupon, terms: { type: 'fixed', amount: '1.000000000001' }, events: [] })).toMatchObject({
      ok: true,
      value: { terms: { type: 'fixed', amount: '1.000000000001' } },
    });
    expect(recordErrors({ ...coupon, terms: { type: 'fixed', amount: '1.0000000000001' }, events: [] })).toEqual([
      err('TOO_MANY_DECIMALS', 'terms.amount', 'the coupon currency amounts have at most 12 decimals, got 13'),
    ]);
    expect(recordErrors({ ...coupon, terms: { type: 'percent', percent: '10', amount: '1.00' }, events: [] })).toEqual([unknown('terms.amount')]);
  });

  it('may list the incidents already remedied: a list of non-empty ids, possibly empty', () => {
    expect(stateOf({ ...coupon, remedies: ['inc-1', 'inc-2'], events: [] })).toMatchObject({ ok: true, value: { id: 'c1', status: 'open' } });
    expect(stateOf({ ...coupon, remedies: [], events: [] })).toMatchObject({ ok: true, value: { id: 'c1', status: 'open' } });
    expect(recordErrors({ ...coupon, remedies: ['inc-1', '', 3], events: [] })).toEqual([
      err('EMPTY_STRING', 'remedies.1', 'must not be empty'),
      err('INVALID_TYPE', 'remedies.2', 'expected a string, got number 3'),
    ]);
  });

  it('refuses an invalid instant given as a Date', () => {
    expect(recordErrors({ ...coupon, events: [] }, new Date(Number.NaN))).toEqual([
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got an object'),
    ]);
    expect(stateOf({ ...coupon, events: [] }, new Date('2026-12-20T00:00:00Z'))).toMatchObject({ ok: true, value: { status: 'open' } });
  });
});

describe('the events of a record', () => {
  it('are each an object with a known type', () => {
    expect(eventErrors(null, 'declined', [])).toEqual([
      err('INVALID_TYPE', 'events.0', 'expected an object, got null'),
      err('INVALID_TYPE', 'events.1', 'expected an object, got the string "declined"'),
      err('INVALID_TYPE', 'events.2', 'expected an object, got an array'),
    ]);
    expect(eventErrors(undefined)).toEqual([err('INVALID_TYPE', 'events.0', 'expected an object, got undefined')]);
  });

  it('refuses an unknown type, naming the known ones', () => {
    const known = err('INVALID_EVENT_TYPE', 'events.0.type', '"type" is one of edited, redeemed, declined, deleted, extended, honored');
    expect(eventErrors({ type: 'expired', at: AT })).toEqual([known]);
    expect(eventErrors({ at: AT })).toEqual([known]);
    expect(eventErrors({ type: 7, at: AT })).toEqual([known]);
    // Names of Object.prototype members are not event types either.
    expect(eventErrors({ type: 'toString', at: AT })).toEqual([known]);
    expect(eventErrors({ type: 'constructor', at: AT })).toEqual([known]);
    // A type that is not a string is unknown too, even a list holding a known one.
    expect(eventErrors({ type: ['declined'], at: AT })).toEqual([known]);
    expect(eventErrors({ type: ['edited'], at: AT, expires: '2027-01-01' })).toEqual([unknown('events.0.expires'), known]);
    // An unknown type is read like a decline: other fields are unknown.
    expect(eventErrors({ type: 'expired', at: AT, orderId: 'o1' })).toEqual([unknown('events.0.orderId'), known]);
  });

  it('need an instant with an offset', () => {
    expect(eventErrors({ type: 'declined' })).toEqual([required('events.0.at')]);
    expect(eventErrors({ type: 'deleted', at: '2026-12-02T10:00:00' })).toEqual([
      err(
        'INVALID_INSTANT',
        'events.0.at',
        'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-02T10:00:00"',
      ),
    ]);
  });

  it('accept only the fields of their type', () => {
    expect(eventErrors({ type: 'declined', at: AT, expires: '2027-01-01' })).toEqual([unknown('events.0.expires')]);
    expect(eventErrors({ type: 'deleted', at: AT, orderId: 'o1' })).toEqual([unknown('events.0.orderId')]);
    expect(eventErrors({ type: 'edited', at: AT, expires: '2027-01-01', orderId: 'o1' })).toEqual([unknown('events.0.orderId')]);
    expect(
      eventErrors({ type: 'redeemed', at: AT, orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false, expires: '2027-01-01' }),
    ).toEqual([unknown('events.0.expires')]);
    expect(eventErrors({ type: 'extended', at: AT, expires: '2027-01-01', incidents: ['i'], orderId: 'o1' })).toEqual([unknown('events.0.orderId')]);
    expect(eventErrors({ type: 'honored', at: AT, orderId: 'o1', attemptAt: AT, incidents: ['i'], expires: '2027-01-01' })).toEqual([
      unknown('events.0.expires'),
    ]);
  });

  it('accept every field of their type', () => {
    const all = [
      { type: 'edited', at: '2026-12-01T00:00:00Z', terms: { type: 'fixed', amount: '6.00' }, expires: '2027-01-01' },
      { type: 'extended', at: '2026-12-02T00:00:00Z', expires: '2027-01-05', incidents: ['inc-1'] },
      { type: 'declined', at: '2026-12-03T00:00:00Z' },
      { type: 'deleted', at: '2026-12-04T00:00:00Z' },
    ];
    expect(stateOf({ ...coupon, events: all })).toEqual({
      ok: true,
      value: {
        id: 'c1',
        status: 'deleted',
        expires: '2027-01-05',
        expiresAt: '2027-01-05T23:00:00.000Z',
        terms: { type: 'fixed', amount: '6.00' },
        redemption: null,
        allowed: {
          edit: { ok: false, code: 'COUPON_DELETED' },
          delete: { ok: false, code: 'COUPON_DELETED' },
          decline: { ok: false, code: 'COUPON_DELETED' },
          redeem: { ok: false, code: 'COUPON_DELETED' },
        },
      },
    });
  });

  describe('edited', () => {
    it('changes the terms, the expiration date or both', () => {
      expect(eventErrors({ type: 'edited', at: AT })).toEqual([err('EMPTY_EDIT', 'events.0', 'an edit changes the terms, the expiration date or both')]);
      expect(eventErrors({ type: 'edited', at: AT, terms: { type: 'fixed', amount: '6.00' } })).toEqual([]);
      expect(eventErrors({ type: 'edited', at: AT, expires: '2027-01-01' })).toEqual([]);
    });

    it('checks new terms and a new date for shape', () => {
      expect(eventErrors({ type: 'edited', at: AT, terms: { type: 'fixed', amount: '0' }, expires: '2027-02-29' })).toEqual([
        err('AMOUNT_NOT_POSITIVE', 'events.0.terms.amount', 'a fixed coupon takes more than zero off'),
        err('INVALID_DATE', 'events.0.expires', 'expected a calendar date "YYYY-MM-DD", got the string "2027-02-29"'),
      ]);
      expect(eventErrors({ type: 'edited', at: AT, terms: null })).toEqual([
        err('INVALID_TYPE', 'events.0.terms', 'a coupon is an object with "type": "percent" or "fixed"'),
      ]);
      expect(eventErrors({ type: 'edited', at: AT, expires: null })).toEqual([
        err('INVALID_DATE', 'events.0.expires', 'expected a calendar date "YYYY-MM-DD", got null'),
      ]);
    });
  });

  describe('redeemed', () => {
    it('requires the order, the buyer, the store and both order flags', () => {
      expect(eventErrors({ type: 'redeemed', at: AT })).toEqual([
        required('events.0.orderId'),
        required('events.0.buyer'),
        required('events.0.store'),
        required('events.0.newOrder'),
        required('events.0.orderHasCoupon'),
      ]);
    });

    it('checks their types', () => {
      expect(eventErrors({ type: 'redeemed', at: AT, orderId: '', buyer: 2, store: 's1', newOrder: 'yes', orderHasCoupon: 0 })).toEqual([
        err('EMPTY_STRING', 'events.0.orderId', 'must not be empty'),
        err('INVALID_TYPE', 'events.0.buyer', 'expected a string, got number 2'),
        err('INVALID_TYPE', 'events.0.newOrder', 'expected true or false, got the string "yes"'),
        err('INVALID_TYPE', 'events.0.orderHasCoupon', 'expected true or false, got number 0'),
      ]);
    });

    it('records the order and the instant of a valid redemption', () => {
      const r = stateOf({
        ...coupon,
        events: [{ type: 'redeemed', at: '2026-12-02T10:00:00Z', orderId: 'o7', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }],
      });
      expect(r).toMatchObject({ ok: true, value: { status: 'redeemed', redemption: { orderId: 'o7', at: '2026-12-02T10:00:00.000Z' } } });
    });
  });

  describe('extended', () => {
    it('requires a new date and at least one incident', () => {
      expect(eventErrors({ type: 'extended', at: AT })).toEqual([required('events.0.expires'), required('events.0.incidents')]);
      expect(eventErrors({ type: 'extended', at: AT, expires: '2027-01-05', incidents: [] })).toEqual([
        err('EMPTY_INCIDENTS', 'events.0.incidents', 'a remedy names at least one incident it answers'),
      ]);
    });

    it('checks the date and each incident id', () => {
      expect(eventErrors({ type: 'extended', at: AT, expires: '5 Jan', incidents: ['inc-1', ''] })).toEqual([
        err('INVALID_DATE', 'events.0.expires', 'expected a calendar date "YYYY-MM-DD", got the string "5 Jan"'),
        err('EMPTY_STRING', 'events.0.incidents.1', 'must not be empty'),
      ]);
      expect(eventErrors({ type: 'extended', at: AT, expires: '2027-01-05', incidents: 'inc-1' })).toEqual([
        err('INVALID_TYPE', 'events.0.incidents', 'expected an array, got the string "inc-1"'),
      ]);
    });
  });

  describe('honored', () => {
    const honored = { type: 'honored', at: '2026-12-05T00:00:00Z', orderId: 'o9', attemptAt: '2026-12-01T10:30:00Z', incidents: ['inc-1'] };

    it('requires the order, the attempt and at least one incident', () => {
      expect(eventErrors({ type: 'honored', at: AT })).toEqual([required('events.0.orderId'), required('events.0.attemptAt'), required('events.0.incidents')]);
      expect(eventErrors({ ...honored, incidents: [] })).toEqual([
        err('EMPTY_INCIDENTS', 'events.0.incidents', 'a remedy names at least one incident it answers'),
      ]);
    });

    it('checks the attempt instant, which may not come after the honoring', () => {
      expect(eventErrors({ ...honored, orderId: '', attemptAt: '2026-12-01' })).toEqual([
        err('EMPTY_STRING', 'events.0.orderId', 'must not be empty'),
        err(
          'INVALID_INSTANT',
          'events.0.attemptAt',
          'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-01"',
        ),
      ]);
      expect(eventErrors({ ...honored, attemptAt: '2026-12-05T00:00:00.001Z' })).toEqual([
        err('INVALID_INSTANT', 'events.0.attemptAt', 'a redemption is honored after the attempt, not before'),
      ]);
      // An attempt at the very instant it is honored is fine.
      expect(stateOf({ ...coupon, events: [{ ...honored, attemptAt: honored.at }] })).toMatchObject({
        ok: true,
        value: { status: 'redeemed', redemption: { orderId: 'o9', at: '2026-12-05T00:00:00.000Z' } },
      });
    });
  });

  it('are all checked for shape, and folded only when every one is well-formed', () => {
    // The first event is fine but the second is malformed: no fold, so the third (a second decline) is not refused.
    expect(
      eventErrors({ type: 'declined', at: '2026-12-01T00:00:00Z' }, { type: 'deleted', at: 'soon' }, { type: 'declined', at: '2026-12-03T00:00:00Z' }),
    ).toEqual([err('INVALID_INSTANT', 'events.1.at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "soon"')]);
  });
});

describe('a redemption with its fields missing', () => {
  it('reports each missing field once', () => {
    const record = { id: 'c', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'percent' as const, percent: '10' } };
    const r = couponState({ ...record, events: [{ type: 'redeemed', at: '2026-12-02T00:00:00Z' } as never] }, '2026-12-03T00:00:00Z');
    expect(codePathsOf(r)).toEqual([
      'REQUIRED@events.0.orderId',
      'REQUIRED@events.0.buyer',
      'REQUIRED@events.0.store',
      'REQUIRED@events.0.newOrder',
      'REQUIRED@events.0.orderHasCoupon',
    ]);
  });
});

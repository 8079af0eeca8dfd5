import { describe, expect, it } from 'vitest';
import {
  type ActionBlock,
  type ActionCheck,
  allowedActions,
  type Coupon,
  type CouponRecord,
  type CouponEvent,
  couponState,
  type CouponView,
  planOutageRemedies,
} from '../../src/index.js';
import { codePathsOf, codesOf, err, errorsOf } from '../helpers.js';
import { redeem } from './fixtures.js';

// docs/lifecycle.md, "Statuses and events": each event is checked against the rules as they stood when
// it happened; a refused event is an error at `events.N` whose message names the event and its instant,
// and the fold goes on past it as if it had not happened.

// Valid through 31 December 2026 in Berlin: expired from 2026-12-31T23:00:00Z on.
const coupon: Coupon = {
  id: 'c1',
  seller: 's1',
  recipient: 'b1',
  expires: '2026-12-31',
  timeZone: 'Europe/Berlin',
  terms: { type: 'percent', percent: '10', maxDiscount: '20.00' },
};
const END = '2026-12-31T23:00:00.000Z';
const declined = (at: string): CouponEvent => ({ type: 'declined', at });
const deleted = (at: string): CouponEvent => ({ type: 'deleted', at });
const state = (events: readonly CouponEvent[], at = '2026-12-20T00:00:00Z', c: Coupon = coupon) => couponState({ ...c, events }, at);
const errors = (events: readonly CouponEvent[], at = '2026-12-20T00:00:00Z', c: Coupon = coupon) => errorsOf(state(events, at, c));

const YES = { ok: true } as const;
const no = (code: ActionBlock): ActionCheck => ({ ok: false, code });
const openView = (extra: Partial<CouponView> = {}): CouponView => ({
  id: 'c1',
  status: 'open',
  expires: '2026-12-31',
  expiresAt: END,
  terms: coupon.terms,
  redemption: null,
  allowed: { edit: YES, delete: YES, decline: YES, redeem: YES },
  ...extra,
});

describe('the view of a coupon', () => {
  it('is open by default, with every action allowed', () => {
    expect(state([], '2026-12-01T00:00:00Z')).toEqual({ ok: true, value: openView() });
  });

  it('is expired from the start of the day after its expiration date, not one millisecond before', () => {
    expect(state([], '2026-12-31T22:59:59.999Z')).toEqual({ ok: true, value: openView() });
    const expired = openView({
      status: 'expired',
      allowed: { edit: no('COUPON_EXPIRED'), delete: YES, decline: no('COUPON_EXPIRED'), redeem: no('COUPON_EXPIRED') },
    });
    expect(state([], END)).toEqual({ ok: true, value: expired });
    expect(state([], '2027-06-01T00:00:00Z')).toEqual({ ok: true, value: expired });
  });

  it('is redeemed for good, with the order and the instant of redemption', () => {
    const redeemed = openView({
      status: 'redeemed',
      redemption: { orderId: 'o1', at: '2026-12-02T10:00:00.000Z' },
      allowed: { edit: no('COUPON_REDEEMED'), delete: no('COUPON_REDEEMED'), decline: no('COUPON_REDEEMED'), redeem: no('COUPON_REDEEMED') },
    });
    expect(state([redeem('2026-12-02T11:00:00+01:00')], '2026-12-05T00:00:00Z')).toEqual({ ok: true, value: redeemed });
    // Still redeemed, never expired, after its expiration date.
    expect(state([redeem('2026-12-02T10:00:00Z')], '2027-06-01T00:00:00Z')).toEqual({ ok: true, value: redeemed });
  });

  it('is declined: it may still be deleted, nothing else; it does not become expired', () => {
    const view = openView({
      status: 'declined',
      allowed: { edit: no('COUPON_DECLINED'), delete: YES, decline: no('COUPON_DECLINED'), redeem: no('COUPON_DECLINED') },
    });
    expect(state([declined('2026-12-02T10:00:00Z')], '2026-12-05T00:00:00Z')).toEqual({ ok: true, value: view });
    expect(state([declined('2026-12-02T10:00:00Z')], '2027-06-01T00:00:00Z')).toEqual({ ok: true, value: view });
  });

  it('is deleted: terminal, every action refused', () => {
    const view = openView({
      status: 'deleted',
      allowed: { edit: no('COUPON_DELETED'), delete: no('COUPON_DELETED'), decline: no('COUPON_DELETED'), redeem: no('COUPON_DELETED') },
    });
    expect(state([deleted('2026-12-02T10:00:00Z')], '2026-12-05T00:00:00Z')).toEqual({ ok: true, value: view });
    expect(state([deleted('2026-12-02T10:00:00Z')], '2027-06-01T00:00:00Z')).toEqual({ ok: true, value: view });
  });

  it('gives allowedActions as the view does', () => {
    expect(allowedActions({ ...coupon, events: [declined('2026-12-01T00:00:00Z')] }, '2026-12-02T00:00:00Z')).toEqual({
      ok: true,
      value: { edit: no('COUPON_DECLINED'), delete: YES, decline: no('COUPON_DECLINED'), redeem: no('COUPON_DECLINED') },
    });
    expect(allowedActions({ ...coupon, events: [] }, END)).toEqual({
      ok: true,
      value: { edit: no('COUPON_EXPIRED'), delete: YES, decline: no('COUPON_EXPIRED'), redeem: no('COUPON_EXPIRED') },
    });
    expect(allowedActions({ ...coupon, events: [deleted('2026-12-01T00:00:00Z'), deleted('2026-12-02T00:00:00Z')] }, '2026-12-03T00:00:00Z')).toEqual({
      ok: false,
      errors: [
        err(
          'COUPON_DELETED',
          'events.1',
          '"deleted" at 2026-12-02T00:00:00.000Z is not allowed: a coupon may be deleted unless it is redeemed, and the coupon has been deleted',
        ),
      ],
    });
  });
});

describe('events in time', () => {
  it('applies an event at exactly the instant asked about, not one after it', () => {
    expect(state([redeem('2026-12-02T10:00:00Z')], '2026-12-02T10:00:00Z')).toMatchObject({ ok: true, value: { status: 'redeemed' } });
    expect(state([redeem('2026-12-02T10:00:00.001Z')], '2026-12-02T10:00:00Z')).toEqual({ ok: true, value: openView() });
  });

  it('does not check events after the instant asked about, except for their time order', () => {
    // Two declines after `at`: the second would be refused, but neither has happened yet.
    expect(state([declined('2026-12-10T00:00:00Z'), declined('2026-12-11T00:00:00Z')], '2026-12-01T00:00:00Z')).toEqual({ ok: true, value: openView() });
    expect(errors([declined('2026-12-10T00:00:00Z'), deleted('2026-12-09T00:00:00Z')], '2026-12-01T00:00:00Z')).toEqual([
      err('EVENTS_OUT_OF_ORDER', 'events.1', 'this "deleted" event is earlier than the event before it: events must be in time order'),
    ]);
  });

  it('allows events at the same instant, applied in list order', () => {
    expect(state([declined('2026-12-02T10:00:00Z'), deleted('2026-12-02T10:00:00Z')], '2026-12-03T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'deleted' },
    });
    expect(errors([declined('2026-12-02T10:00:00Z'), redeem('2026-12-02T10:00:00Z')])).toEqual([
      err(
        'COUPON_DECLINED',
        'events.1',
        '"redeemed" at 2026-12-02T10:00:00.000Z is not allowed: only an open, unexpired coupon may be redeemed, and the coupon has been declined',
      ),
    ]);
  });

  it('leaves an event out of time order unapplied, and compares the next one with the last event in order', () => {
    const events: CouponEvent[] = [
      { type: 'edited', at: '2026-12-03T00:00:00Z', expires: '2027-01-31' },
      deleted('2026-12-02T00:00:00Z'), // out of order: not applied, so the decline below is allowed
      declined('2026-12-04T00:00:00Z'),
    ];
    expect(errors(events)).toEqual([
      err('EVENTS_OUT_OF_ORDER', 'events.1', 'this "deleted" event is earlier than the event before it: events must be in time order'),
    ]);
    // The event after one out of order is compared with the last event that was in order.
    expect(codePathsOf(state([declined('2026-12-03T00:00:00Z'), deleted('2026-12-01T00:00:00Z'), deleted('2026-12-02T00:00:00Z')]))).toEqual([
      'EVENTS_OUT_OF_ORDER@events.1',
      'EVENTS_OUT_OF_ORDER@events.2',
    ]);
  });

  it('goes on past a refused event as if it had not happened, reporting every problem at once', () => {
    // The first redemption is by someone else: refused, so the coupon is still open for the second.
    expect(errors([redeem('2026-12-02T10:00:00Z', { buyer: 'b2' }), redeem('2026-12-03T10:00:00Z')])).toEqual([
      err('NOT_RECIPIENT', 'events.0', '"redeemed" at 2026-12-02T10:00:00.000Z is not allowed: the buyer b2 is not the coupon\'s recipient'),
    ]);
    expect(codePathsOf(state([redeem('2026-12-02T10:00:00Z'), declined('2026-12-03T10:00:00Z'), deleted('2026-12-04T10:00:00Z')]))).toEqual([
      'COUPON_REDEEMED@events.1',
      'COUPON_REDEEMED@events.2',
    ]);
  });
});

describe('edited: only an open, unexpired coupon; a new expiration is re-checked against the edit date', () => {
  it('replaces the expiration date and keeps the terms when only the date changes', () => {
    expect(state([{ type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2027-01-15' }], '2026-12-02T00:00:00Z')).toEqual({
      ok: true,
      value: openView({ expires: '2027-01-15', expiresAt: '2027-01-15T23:00:00.000Z' }),
    });
  });

  it('replaces the terms whole and keeps the expiration date when only the terms change', () => {
    expect(state([{ type: 'edited', at: '2026-12-01T10:00:00Z', terms: { type: 'fixed', amount: '5.00' } }], '2026-12-02T00:00:00Z')).toEqual({
      ok: true,
      value: openView({ terms: { type: 'fixed', amount: '5.00' } }),
    });
  });

  it('lets a later expiration keep the coupon open past the old one', () => {
    const events: CouponEvent[] = [{ type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2027-01-15' }, redeem('2027-01-10T10:00:00Z')];
    expect(state(events, '2027-01-11T00:00:00Z')).toMatchObject({ ok: true, value: { status: 'redeemed' } });
    // And an earlier one ends it sooner.
    expect(state([{ type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2026-12-10' }], '2026-12-10T23:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'expired', expiresAt: '2026-12-10T23:00:00.000Z' },
    });
  });

  it('refuses to edit a coupon that is not open, saying why', () => {
    const edit: CouponEvent = { type: 'edited', at: '2026-12-03T10:00:00Z', expires: '2027-01-15' };
    const why = (block: string) => `"edited" at 2026-12-03T10:00:00.000Z is not allowed: only an open coupon may be edited, and ${block}`;
    expect(errors([redeem('2026-12-02T10:00:00Z'), edit])).toEqual([err('COUPON_REDEEMED', 'events.1', why('the coupon has been redeemed'))]);
    expect(errors([declined('2026-12-02T10:00:00Z'), edit])).toEqual([err('COUPON_DECLINED', 'events.1', why('the coupon has been declined'))]);
    expect(errors([deleted('2026-12-02T10:00:00Z'), edit])).toEqual([err('COUPON_DELETED', 'events.1', why('the coupon has been deleted'))]);
  });

  it('refuses to edit an expired coupon, from the first instant of expiry', () => {
    expect(errors([{ type: 'edited', at: END, expires: '2027-03-01' }], '2027-01-03T00:00:00Z')).toEqual([
      err('COUPON_EXPIRED', 'events.0', `"edited" at ${END} is not allowed: only an open coupon may be edited, and the coupon has expired`),
    ]);
    expect(state([{ type: 'edited', at: '2026-12-31T22:59:59.999Z', expires: '2027-03-01' }], '2027-01-03T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'open', expires: '2027-03-01' },
    });
  });

  it('re-checks the new expiration against the local date of the edit, with messages', () => {
    // 23:30 UTC on 1 December is already 2 December in Berlin.
    expect(errors([{ type: 'edited', at: '2026-12-01T23:30:00Z', expires: '2026-12-01' }])).toEqual([
      err('EXPIRATION_IN_PAST', 'events.0.expires', 'the expiration date 2026-12-01 is before today, 2026-12-02'),
    ]);
    expect(errors([{ type: 'edited', at: '2026-12-01T23:30:00Z', expires: '2026-12-02' }])).toEqual([]);
    expect(errors([{ type: 'edited', at: '2026-12-01T23:30:00Z', expires: '2027-12-02' }])).toEqual([]);
    expect(errors([{ type: 'edited', at: '2026-12-01T23:30:00Z', expires: '2027-12-03' }])).toEqual([
      err('EXPIRATION_TOO_FAR', 'events.0.expires', 'the expiration date 2027-12-03 is after 2027-12-02, one year from today (2026-12-02)'),
    ]);
  });

  it('does not apply an edit with a refused expiration (terms included)', () => {
    // Had the past date been applied, the redemption a day later would be refused as expired.
    const events: CouponEvent[] = [
      { type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2026-11-30', terms: { type: 'fixed', amount: '5.00' } },
      redeem('2026-12-02T10:00:00Z'),
    ];
    expect(codePathsOf(state(events))).toEqual(['EXPIRATION_IN_PAST@events.0.expires']);
  });
});

describe('redeemed: open and unexpired, by the recipient, in the issuing store, on a new order without a coupon', () => {
  const at = '2026-12-02T10:00:00Z';
  const prefix = `"redeemed" at 2026-12-02T10:00:00.000Z is not allowed: `;

  it('reports each failed guard with its message', () => {
    expect(errors([redeem(at, { buyer: 'b2', store: 's2', newOrder: false, orderHasCoupon: true })])).toEqual([
      err('NOT_RECIPIENT', 'events.0', `${prefix}the buyer b2 is not the coupon's recipient`),
      err('WRONG_STORE', 'events.0', `${prefix}the order is in store s2, not in the issuing seller's store`),
      err('NOT_NEW_ORDER', 'events.0', `${prefix}a coupon applies only to a new order submission, not to an addition to an existing order`),
      err('ORDER_HAS_COUPON', 'events.0', `${prefix}the order already has a coupon: one coupon per order`),
    ]);
  });

  it.each([
    [{ buyer: 'b2' }, 'NOT_RECIPIENT'],
    [{ store: 's2' }, 'WRONG_STORE'],
    [{ newOrder: false }, 'NOT_NEW_ORDER'],
    [{ orderHasCoupon: true }, 'ORDER_HAS_COUPON'],
  ] as const)('refuses %j alone with %s', (extra, code) => {
    expect(codesOf(state([redeem(at, extra)]))).toEqual([code]);
  });

  it('reports the status together with the order guards', () => {
    expect(errors([declined('2026-12-01T10:00:00Z'), redeem(at, { store: 's2' })])).toEqual([
      err('COUPON_DECLINED', 'events.1', `${prefix}only an open, unexpired coupon may be redeemed, and the coupon has been declined`),
      err('WRONG_STORE', 'events.1', `${prefix}the order is in store s2, not in the issuing seller's store`),
    ]);
    expect(errors([deleted('2026-12-01T10:00:00Z'), redeem(at)])).toEqual([
      err('COUPON_DELETED', 'events.1', `${prefix}only an open, unexpired coupon may be redeemed, and the coupon has been deleted`),
    ]);
    expect(errors([redeem('2026-12-01T10:00:00Z'), redeem(at)])).toEqual([
      err('COUPON_REDEEMED', 'events.1', `${prefix}only an open, unexpired coupon may be redeemed, and the coupon has been redeemed`),
    ]);
  });

  it('is refused from the first instant of expiry, allowed one millisecond before', () => {
    expect(errors([redeem(END)], '2027-01-01T00:00:00Z')).toEqual([
      err('COUPON_EXPIRED', 'events.0', `"redeemed" at ${END} is not allowed: only an open, unexpired coupon may be redeemed, and the coupon has expired`),
    ]);
    expect(state([redeem('2026-12-31T22:59:59.999Z')], '2027-01-01T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'redeemed', redemption: { orderId: 'o1', at: '2026-12-31T22:59:59.999Z' } },
    });
  });
});

describe('declined: only an open, unexpired coupon', () => {
  it('refuses to decline a coupon that is not open, saying why', () => {
    const why = (block: string) => `"declined" at 2026-12-03T10:00:00.000Z is not allowed: only an open coupon may be declined, and ${block}`;
    expect(errors([redeem('2026-12-02T10:00:00Z'), declined('2026-12-03T10:00:00Z')])).toEqual([
      err('COUPON_REDEEMED', 'events.1', why('the coupon has been redeemed')),
    ]);
    expect(errors([declined('2026-12-02T10:00:00Z'), declined('2026-12-03T10:00:00Z')])).toEqual([
      err('COUPON_DECLINED', 'events.1', why('the coupon has been declined')),
    ]);
    expect(errors([deleted('2026-12-02T10:00:00Z'), declined('2026-12-03T10:00:00Z')])).toEqual([
      err('COUPON_DELETED', 'events.1', why('the coupon has been deleted')),
    ]);
  });

  it('refuses to decline an expired coupon', () => {
    expect(errors([declined(END)], '2027-01-03T00:00:00Z')).toEqual([
      err('COUPON_EXPIRED', 'events.0', `"declined" at ${END} is not allowed: only an open coupon may be declined, and the coupon has expired`),
    ]);
  });
});

describe('deleted: unless redeemed or already deleted; an expired or declined coupon may be deleted', () => {
  it('deletes an open, an expired or a declined coupon', () => {
    expect(state([deleted('2026-12-02T10:00:00Z')], '2026-12-03T00:00:00Z')).toMatchObject({ ok: true, value: { status: 'deleted' } });
    expect(state([deleted(END)], '2027-01-03T00:00:00Z')).toMatchObject({ ok: true, value: { status: 'deleted' } });
    expect(state([declined('2026-12-02T10:00:00Z'), deleted('2026-12-03T10:00:00Z')], '2026-12-04T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'deleted' },
    });
  });

  it('refuses to delete a redeemed or deleted coupon, saying why', () => {
    const why = (block: string) => `"deleted" at 2026-12-03T10:00:00.000Z is not allowed: a coupon may be deleted unless it is redeemed, and ${block}`;
    expect(errors([redeem('2026-12-02T10:00:00Z'), deleted('2026-12-03T10:00:00Z')])).toEqual([
      err('COUPON_REDEEMED', 'events.1', why('the coupon has been redeemed')),
    ]);
    expect(errors([deleted('2026-12-02T10:00:00Z'), deleted('2026-12-03T10:00:00Z')])).toEqual([
      err('COUPON_DELETED', 'events.1', why('the coupon has been deleted')),
    ]);
  });
});

describe('extended (outage remedy): later, never earlier, only of an open, unexpired coupon', () => {
  const extended = (at: string, expires: string): CouponEvent => ({ type: 'extended', at, expires, incidents: ['inc-1'] });

  it('moves the expiration date later, past the one-year limit if need be', () => {
    expect(state([extended('2026-12-05T00:00:00Z', '2027-01-20')], '2026-12-06T00:00:00Z')).toEqual({
      ok: true,
      value: openView({ expires: '2027-01-20', expiresAt: '2027-01-20T23:00:00.000Z' }),
    });
    // Open after the old expiry, until the end of the new date.
    expect(state([extended('2026-12-05T00:00:00Z', '2027-01-20')], '2027-01-20T22:59:59.999Z')).toMatchObject({ ok: true, value: { status: 'open' } });
    expect(state([extended('2026-12-05T00:00:00Z', '2027-01-20')], '2027-01-20T23:00:00Z')).toMatchObject({ ok: true, value: { status: 'expired' } });
    expect(state([extended('2026-12-05T00:00:00Z', '2028-01-31')], '2027-06-01T00:00:00Z')).toEqual({
      ok: true,
      value: openView({ expires: '2028-01-31', expiresAt: '2028-01-31T23:00:00.000Z' }),
    });
  });

  it('accepts the same date, refuses an earlier one', () => {
    expect(state([extended('2026-12-05T00:00:00Z', '2026-12-31')], '2026-12-06T00:00:00Z')).toEqual({ ok: true, value: openView() });
    expect(errors([extended('2026-12-05T00:00:00Z', '2026-12-30')])).toEqual([
      err('EXPIRATION_SHORTENED', 'events.0.expires', 'an extension never shortens: 2026-12-30 is before the current expiration date 2026-12-31'),
    ]);
  });

  it('does not apply a refused extension', () => {
    // Had the shorter date been applied, the redemption on 31 December would be refused as expired.
    expect(codesOf(state([extended('2026-12-05T00:00:00Z', '2026-12-01'), redeem('2026-12-31T12:00:00Z')], '2027-01-02T00:00:00Z'))).toEqual([
      'EXPIRATION_SHORTENED',
    ]);
  });

  it('refuses to extend a coupon that has expired (it is reissued instead) or is not open', () => {
    const why = (at: string, block: string) =>
      `"extended" at ${at} is not allowed: only an open, unexpired coupon is extended (an expired one is reissued), and ${block}`;
    expect(errors([extended(END, '2027-01-10')], '2027-01-02T00:00:00Z')).toEqual([err('COUPON_EXPIRED', 'events.0', why(END, 'the coupon has expired'))]);
    expect(errors([redeem('2026-12-02T10:00:00Z'), extended('2026-12-03T10:00:00Z', '2027-01-10')])).toEqual([
      err('COUPON_REDEEMED', 'events.1', why('2026-12-03T10:00:00.000Z', 'the coupon has been redeemed')),
    ]);
    expect(errors([declined('2026-12-02T10:00:00Z'), extended('2026-12-03T10:00:00Z', '2027-01-10')])).toEqual([
      err('COUPON_DECLINED', 'events.1', why('2026-12-03T10:00:00.000Z', 'the coupon has been declined')),
    ]);
  });

  it('extends a coupon one millisecond before it expires', () => {
    expect(state([extended('2026-12-31T22:59:59.999Z', '2027-01-10')], '2027-01-05T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'open', expires: '2027-01-10' },
    });
  });
});

describe('honored (outage remedy): redeems a coupon still open or expired since, as of the failed attempt', () => {
  const honored = (at: string, attemptAt: string): CouponEvent => ({ type: 'honored', at, orderId: 'o9', attemptAt, incidents: ['inc-1'] });

  it('redeems the coupon on that order as of the attempt', () => {
    expect(state([honored('2026-12-05T00:00:00Z', '2026-12-01T10:30:00Z')], '2026-12-06T00:00:00Z')).toEqual({
      ok: true,
      value: openView({
        status: 'redeemed',
        redemption: { orderId: 'o9', at: '2026-12-01T10:30:00.000Z' },
        allowed: { edit: no('COUPON_REDEEMED'), delete: no('COUPON_REDEEMED'), decline: no('COUPON_REDEEMED'), redeem: no('COUPON_REDEEMED') },
      }),
    });
  });

  it('honors an attempt made one millisecond before expiry, even once the coupon has expired', () => {
    expect(state([honored('2027-01-05T00:00:00Z', '2026-12-31T22:59:59.999Z')], '2027-01-06T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'redeemed', redemption: { orderId: 'o9', at: '2026-12-31T22:59:59.999Z' } },
    });
  });

  it('refuses an attempt made at or after the coupon expired', () => {
    expect(errors([honored('2027-01-05T00:00:00Z', END)], '2027-01-06T00:00:00Z')).toEqual([
      err(
        'COUPON_EXPIRED',
        'events.0',
        '"honored" at 2027-01-05T00:00:00.000Z is not allowed: the coupon had already expired when the redemption was attempted',
      ),
    ]);
  });

  it('refuses a coupon redeemed, declined or deleted since, saying why', () => {
    const why = (block: string) =>
      `"honored" at 2026-12-05T00:00:00.000Z is not allowed: only a coupon that is still open (or expired since) is honored, and ${block}`;
    const honor = honored('2026-12-05T00:00:00Z', '2026-12-01T10:30:00Z');
    expect(errors([redeem('2026-12-02T10:00:00Z'), honor])).toEqual([err('COUPON_REDEEMED', 'events.1', why('the coupon has been redeemed'))]);
    expect(errors([declined('2026-12-02T10:00:00Z'), honor])).toEqual([err('COUPON_DECLINED', 'events.1', why('the coupon has been declined'))]);
    expect(errors([deleted('2026-12-02T10:00:00Z'), honor])).toEqual([err('COUPON_DELETED', 'events.1', why('the coupon has been deleted'))]);
  });

  it('takes the expiry as it stands after an extension', () => {
    const events: CouponEvent[] = [
      { type: 'extended', at: '2026-12-05T00:00:00Z', expires: '2027-01-10', incidents: ['inc-0'] },
      honored('2027-01-08T00:00:00Z', '2027-01-05T10:00:00Z'),
    ];
    expect(state(events, '2027-01-09T00:00:00Z')).toMatchObject({
      ok: true,
      value: { status: 'redeemed', expires: '2027-01-10', redemption: { orderId: 'o9', at: '2027-01-05T10:00:00.000Z' } },
    });
  });
});

describe('the incidents a coupon has been remedied for', () => {
  // An incident 23:30-02:30 Berlin time; a coupon expiring 2 December is in its grace day: the outage
  // planner extends it, unless its record says the incident has been answered already.
  const input = { at: '2026-12-02T08:00:00Z', incidents: [{ id: 'inc-1', start: '2026-12-01T22:30:00Z', end: '2026-12-02T01:30:00Z' }] };
  const W1 = 'w-f3eaf40f811f88bbc313a24833369561'; // the window of inc-1 (docs/outages.md)
  const c2: CouponRecord = {
    id: 'c2',
    seller: 's1',
    recipient: 'b1',
    expires: '2026-12-02',
    timeZone: 'Europe/Berlin',
    terms: { type: 'fixed', amount: '3.00' },
    events: [],
  };
  const extensions = (c: CouponRecord) => {
    const plan = planOutageRemedies({ ...input, coupons: [c] });
    return plan.ok ? plan.value.extend.map((e) => `${e.couponId}:${e.from}->${e.to}:${e.windows.join('+')}`) : codePathsOf(plan);
  };

  it('are none by default: the coupon is remedied', () => {
    expect(extensions(c2)).toEqual([`c2:2026-12-02->2026-12-03:${W1}`]);
    expect(extensions({ ...c2, remedies: [] })).toEqual([`c2:2026-12-02->2026-12-03:${W1}`]);
    expect(extensions({ ...c2, remedies: ['inc-0'] })).toEqual([`c2:2026-12-02->2026-12-03:${W1}`]);
  });

  it("are listed in the record's remedies", () => {
    expect(extensions({ ...c2, remedies: ['inc-1'] })).toEqual([]);
    expect(extensions({ ...c2, remedies: ['inc-0', 'inc-1'] })).toEqual([]);
    expect(extensions({ ...c2, remedies: [W1] })).toEqual([]); // the window's id counts too
  });

  it('are recorded by an extension', () => {
    const extended: CouponEvent = { type: 'extended', at: '2026-12-02T07:00:00Z', expires: '2026-12-03', incidents: ['inc-1'] };
    expect(extensions({ ...c2, events: [extended] })).toEqual([]);
    expect(extensions({ ...c2, remedies: ['inc-0'], events: [extended] })).toEqual([]);
  });
});

describe('outage remedies that break the rules', () => {
  const c = { id: 'c', seller: 's1', recipient: 'b1', expires: '2026-12-01', timeZone: 'UTC', terms: { type: 'percent' as const, percent: '10' }, events: [] };

  it('refuses to honor an attempt made after the coupon expired, and remedies without incidents', () => {
    expect(
      couponState(
        { ...c, events: [{ type: 'honored', at: '2026-12-05T00:00:00Z', attemptAt: '2026-12-03T00:00:00Z', orderId: 'o', incidents: ['i'] }] },
        '2026-12-06T00:00:00Z',
      ),
    ).toMatchObject({ ok: false, errors: [{ code: 'COUPON_EXPIRED', path: 'events.0' }] });
    expect(
      couponState({ ...c, events: [{ type: 'extended', at: '2026-11-30T00:00:00Z', expires: '2036-01-01', incidents: [] }] }, '2026-12-06T00:00:00Z'),
    ).toMatchObject({ ok: false, errors: [{ code: 'EMPTY_INCIDENTS', path: 'events.0.incidents' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { decideDispute, type Dispute, type DisputeEvent, disputeView } from '../../src/index.js';
import { unwrap } from '../helpers.js';
import { order, refusalAt, viewAt } from './fixtures.js'; // paid 49.00: see fixtures.ts

const unconfirmed: Partial<Dispute> = { order: { ...order, receiptConfirmedAt: null } };
const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] };
const countered: DisputeEvent = { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' };
// seller: until the end of 6 December (endsAt 7 December 00:00 UTC); buyer after the counter-offer: until the end of 7 December.
const SELLER_ENDS = '2026-12-07T00:00:00.000Z';
const BUYER_ENDS = '2026-12-08T00:00:00.000Z';
const RULING_ENDS = '2026-12-17T00:00:00.000Z';
const DAY = 86_400_000;

const ms = (iso: string, delta = 0) => new Date(Date.parse(iso) + delta).toISOString();
const view = viewAt;
const codes = (events: readonly DisputeEvent[], at = '2026-12-31T00:00:00Z', extra: Partial<Dispute> = {}) => refusalAt(events, at, extra);

describe('the seller deadline: the end of the local day, five days after the opening', () => {
  it('a reply one millisecond before endsAt is in time; at endsAt it is refused with DEADLINE_PASSED', () => {
    expect(codes([opened, { type: 'seller-agreed', at: ms(SELLER_ENDS, -1) }])).toEqual([]);
    expect(codes([opened, { type: 'seller-agreed', at: SELLER_ENDS }])).toEqual(['DEADLINE_PASSED@events.1']);
    expect(codes([opened, { type: 'seller-countered', at: SELLER_ENDS, amount: '5.00' }])).toEqual(['DEADLINE_PASSED@events.1']);
    expect(codes([opened, { type: 'escalated', at: SELLER_ENDS, by: 'seller' }])).toEqual(['DEADLINE_PASSED@events.1']);
  });

  it('the view one millisecond before endsAt is still the seller turn, with 1 ms left', () => {
    const v = view([opened], ms(SELLER_ENDS, -1));
    expect(v).toMatchObject({ status: 'awaiting-seller', underReviewSince: null, timeRemainingMs: { buyer: null, seller: 1, platform: null } });
    expect(v.offers[0]?.fate).toBe('pending');
  });

  it('at endsAt the dispute is under review since endsAt, without any event', () => {
    expect(view([opened], SELLER_ENDS)).toMatchObject({
      status: 'under-review',
      version: 1,
      underReviewSince: SELLER_ENDS,
      timeRemainingMs: { buyer: null, seller: null, platform: 10 * DAY },
    });
  });

  it('while the seller is silent the buyer may still change the claim, and that restarts the seller clock', () => {
    const changed: DisputeEvent = { type: 'claim-changed', at: ms(SELLER_ENDS, -1), amount: '10.00' };
    const v = view([opened, changed], ms(SELLER_ENDS, 3 * DAY));
    expect(v).toMatchObject({ status: 'awaiting-seller', deadlines: { seller: { date: '2026-12-11', endsAt: '2026-12-12T00:00:00.000Z' } } });
    expect(codes([opened, { ...changed, at: SELLER_ENDS }])).toEqual(['UNDER_REVIEW@events.1']);
  });

  it('the buyer may cancel until the seller deadline; at the deadline the buyer is blocked by UNDER_REVIEW', () => {
    expect(codes([opened, { type: 'cancelled', at: ms(SELLER_ENDS, -1) }])).toEqual([]);
    expect(codes([opened, { type: 'cancelled', at: SELLER_ENDS }])).toEqual(['UNDER_REVIEW@events.1']);
  });
});

describe('the buyer deadline: the end of the local day, five days after the seller reply', () => {
  it('accepting one millisecond before endsAt is in time; at endsAt it is refused with DEADLINE_PASSED', () => {
    expect(codes([opened, countered, { type: 'buyer-accepted', at: ms(BUYER_ENDS, -1) }])).toEqual([]);
    expect(codes([opened, countered, { type: 'buyer-accepted', at: BUYER_ENDS }])).toEqual(['DEADLINE_PASSED@events.2']);
    expect(codes([opened, countered, { type: 'escalated', at: BUYER_ENDS, by: 'buyer' }])).toEqual(['DEADLINE_PASSED@events.2']);
    expect(codes([opened, countered, { type: 'claim-changed', at: BUYER_ENDS, amount: '10.00' }])).toEqual(['DEADLINE_PASSED@events.2']);
    expect(codes([opened, countered, { type: 'cancelled', at: BUYER_ENDS }])).toEqual(['DEADLINE_PASSED@events.2']);
    expect(codes([opened, countered, { type: 'claim-changed', at: ms(BUYER_ENDS, -1), amount: '10.00' }])).toEqual([]);
  });

  it('the seller, waiting, is blocked by UNDER_REVIEW once the buyer deadline has passed', () => {
    expect(codes([opened, countered, { type: 'seller-agreed', at: BUYER_ENDS }])).toEqual(['UNDER_REVIEW@events.2']);
    expect(codes([opened, countered, { type: 'seller-agreed', at: ms(BUYER_ENDS, -1) }])).toEqual(['WRONG_TURN@events.2']);
  });

  it('the view one millisecond before endsAt is still the buyer turn; at endsAt it is under review since endsAt', () => {
    expect(view([opened, countered], ms(BUYER_ENDS, -1))).toMatchObject({
      status: 'awaiting-buyer',
      timeRemainingMs: { buyer: 1, seller: null, platform: null },
    });
    expect(view([opened, countered], BUYER_ENDS)).toMatchObject({
      status: 'under-review',
      underReviewSince: BUYER_ENDS,
      timeRemainingMs: { buyer: null, seller: null, platform: 9 * DAY },
    });
  });

  it('the seller deadline that passed while it was the buyer turn does not put the dispute under review', () => {
    // the seller replied on 2 December; 7 December 00:00 (the old seller deadline) is still the buyer turn
    expect(view([opened, countered], SELLER_ENDS).status).toBe('awaiting-buyer');
  });
});

describe('the ruling deadline and overdue', () => {
  it('overdue from the ruling deadline on, not one millisecond before', () => {
    expect(view([opened], ms(RULING_ENDS, -1))).toMatchObject({ status: 'under-review', overdue: false, timeRemainingMs: { platform: 1 } });
    expect(view([opened], RULING_ENDS)).toMatchObject({ status: 'under-review', overdue: true, timeRemainingMs: { buyer: null, seller: null, platform: 0 } });
    expect(view([opened], ms(RULING_ENDS, DAY))).toMatchObject({
      overdue: true,
      timeRemainingMs: { platform: 0 },
      deadlines: { ruling: { date: '2026-12-16', endsAt: RULING_ENDS } },
    });
  });

  it('a ruling after the deadline is still accepted, and the view keeps saying it was late; a dispute closed in time is not overdue', () => {
    expect(view([opened, { type: 'ruled', at: RULING_ENDS, amount: '3.00' }], ms(RULING_ENDS, DAY))).toMatchObject({
      status: 'resolved',
      overdue: true,
      refund: '3.00',
    });
    expect(view([opened, { type: 'ruled', at: ms(RULING_ENDS, -1), amount: '3.00' }], ms(RULING_ENDS, DAY))).toMatchObject({
      status: 'resolved',
      overdue: false,
    });
    expect(view([opened, { type: 'cancelled', at: '2026-12-02T00:00:00Z' }], RULING_ENDS)).toMatchObject({ status: 'cancelled', overdue: false });
  });

  it('is counted from the opening, and claim changes do not move it', () => {
    const v = view([opened, { type: 'claim-changed', at: '2026-12-06T10:00:00Z', amount: '10.00' }], '2026-12-07T00:00:00Z');
    expect(v.deadlines.ruling).toEqual({ date: '2026-12-16', endsAt: RULING_ENDS });
    expect(v.deadlines.seller).toEqual({ date: '2026-12-11', endsAt: '2026-12-12T00:00:00.000Z' });
  });
});

describe('each policy period is used for its own deadline', () => {
  // distinct periods: window 2, seller 3, buyer 4, whole process 10
  const policy = { requestWindowDays: 2, sellerResponseDays: 3, buyerResponseDays: 4, maxProcessDays: 10 };
  const early: DisputeEvent = { ...opened, at: '2026-11-29T10:00:00Z' };

  it('the request window is requestWindowDays after the confirmation', () => {
    expect(codes([{ ...opened, at: '2026-11-30T23:59:59.999Z' }], '2026-12-31T00:00:00Z', { policy })).toEqual([]);
    expect(codes([{ ...opened, at: '2026-12-01T00:00:00Z' }], '2026-12-31T00:00:00Z', { policy })).toEqual(['WINDOW_CLOSED@events.0']);
  });

  it('the seller, buyer and ruling deadlines use their own periods', () => {
    const v = view([early, { type: 'seller-countered', at: '2026-11-30T10:00:00Z', amount: '8.00' }], '2026-11-30T12:00:00Z', { policy });
    expect(v.deadlines).toEqual({
      seller: { date: '2026-12-02', endsAt: '2026-12-03T00:00:00.000Z' },
      buyer: { date: '2026-12-04', endsAt: '2026-12-05T00:00:00.000Z' },
      ruling: { date: '2026-12-09', endsAt: '2026-12-10T00:00:00.000Z' },
    });
  });

  it('a changed claim restarts the seller clock with sellerResponseDays', () => {
    const v = view([early, { type: 'claim-changed', at: '2026-11-30T10:00:00Z', amount: '10.00' }], '2026-11-30T12:00:00Z', { policy });
    expect(v.deadlines.seller).toEqual({ date: '2026-12-03', endsAt: '2026-12-04T00:00:00.000Z' });
  });

  it('a period of zero days ends with the same local day', () => {
    const zero = { sellerResponseDays: 0 };
    expect(view([opened], '2026-12-01T23:59:59.999Z', { policy: zero })).toMatchObject({
      status: 'awaiting-seller',
      deadlines: { seller: { date: '2026-12-01', endsAt: '2026-12-02T00:00:00.000Z' } },
    });
    expect(view([opened], '2026-12-02T00:00:00Z', { policy: zero }).status).toBe('under-review');
  });
});

describe('deadlines in the policy time zone', () => {
  it('a seller in New York answers until the end of the local day', () => {
    // opened 1 December 10:00 UTC = 05:00 in New York: 6 December ends at 7 December 05:00 UTC
    const policy = { timeZone: 'America/New_York' };
    expect(view([opened], '2026-12-02T00:00:00Z', { policy }).deadlines.seller).toEqual({ date: '2026-12-06', endsAt: '2026-12-07T05:00:00.000Z' });
    expect(codes([opened, { type: 'seller-agreed', at: '2026-12-07T04:59:59.999Z' }], '2026-12-31T00:00:00Z', { policy })).toEqual([]);
    expect(codes([opened, { type: 'seller-agreed', at: '2026-12-07T05:00:00Z' }], '2026-12-31T00:00:00Z', { policy })).toEqual(['DEADLINE_PASSED@events.1']);
  });

  it('an opening late in the UTC day counts from the next local day east of UTC', () => {
    // 1 December 23:30 UTC is already 2 December in Berlin: the seller answers until the end of 7 December, 23:00 UTC
    const late: DisputeEvent = { ...opened, at: '2026-12-01T23:30:00Z' };
    expect(view([late], '2026-12-02T00:00:00Z', { policy: { timeZone: 'Europe/Berlin' } }).deadlines.seller).toEqual({
      date: '2026-12-07',
      endsAt: '2026-12-07T23:00:00.000Z',
    });
  });
});

describe('when a dispute may be opened', () => {
  it('receipt counts as confirmed from the confirmation instant on: NOT_RECEIVED is refused with RECEIPT_CONFIRMED at that instant', () => {
    const notReceived: DisputeEvent = { type: 'opened', at: '2026-11-28T18:00:00Z', reason: 'NOT_RECEIVED', amount: '1.00' };
    expect(codes([notReceived])).toEqual(['RECEIPT_CONFIRMED@events.0.reason']);
    // one millisecond earlier, receipt was not confirmed yet: the claim is judged by the expected delivery date
    expect(codes([{ ...notReceived, at: '2026-11-28T17:59:59.999Z' }])).toEqual(['DELIVERY_NOT_DUE@events.0.reason']);
  });

  it('a claim made before confirmation is not subject to the request window', () => {
    // with a 0-day window, a claim one millisecond before confirmation is still judged as unconfirmed
    expect(codes([{ ...opened, at: '2026-11-28T17:59:59.999Z' }], '2026-12-31T00:00:00Z', { policy: { requestWindowDays: 0 } })).toEqual([]);
    expect(codes([{ ...opened, at: '2026-11-28T18:00:00Z' }], '2026-12-31T00:00:00Z', { policy: { requestWindowDays: 0 } })).toEqual([]);
    expect(codes([{ ...opened, at: '2026-11-29T00:00:00Z' }], '2026-12-31T00:00:00Z', { policy: { requestWindowDays: 0 } })).toEqual([
      'WINDOW_CLOSED@events.0',
    ]);
  });

  it('the window closes at the start of the local day after the last one, also when the claim is NOT_RECEIVED', () => {
    expect(codes([{ ...opened, at: '2026-12-14T00:00:00Z', reason: 'NOT_RECEIVED' }])).toEqual(['WINDOW_CLOSED@events.0', 'RECEIPT_CONFIRMED@events.0.reason']);
  });

  it('before confirmation, a dispute may be opened from the shipping instant on', () => {
    expect(codes([{ ...opened, at: '2026-11-20T09:00:00Z' }], '2026-12-31T00:00:00Z', unconfirmed)).toEqual([]);
    expect(codes([{ ...opened, at: '2026-11-20T08:59:59.999Z' }], '2026-12-31T00:00:00Z', unconfirmed)).toEqual(['NOT_SHIPPED@events.0']);
  });

  it('an order that has not shipped cannot be disputed before confirmation', () => {
    expect(codes([opened], '2026-12-31T00:00:00Z', { order: { ...order, receiptConfirmedAt: null, shippedAt: null } })).toEqual(['NOT_SHIPPED@events.0']);
    const { shippedAt: _s, receiptConfirmedAt: _c, ...bare } = order;
    expect(codes([opened], '2026-12-31T00:00:00Z', { order: bare })).toEqual(['NOT_SHIPPED@events.0']);
  });

  it('a confirmed order may be disputed even without a shipping instant', () => {
    expect(codes([opened], '2026-12-31T00:00:00Z', { order: { ...order, shippedAt: null } })).toEqual([]);
  });

  it('NOT_RECEIVED from the start of the local day after the expected delivery date, in the policy time zone', () => {
    const notReceived: DisputeEvent = { type: 'opened', at: '2026-12-05T22:59:59.999Z', reason: 'NOT_RECEIVED', amount: '49.00' };
    const berlin = { ...unconfirmed, policy: { timeZone: 'Europe/Berlin' } };
    expect(codes([notReceived], '2026-12-31T00:00:00Z', berlin)).toEqual(['DELIVERY_NOT_DUE@events.0.reason']);
    expect(codes([{ ...notReceived, at: '2026-12-05T23:00:00Z' }], '2026-12-31T00:00:00Z', berlin)).toEqual([]);
    expect(codes([{ ...notReceived, at: '2026-12-05T23:59:59.999Z' }], '2026-12-31T00:00:00Z', unconfirmed)).toEqual(['DELIVERY_NOT_DUE@events.0.reason']);
  });

  it('NOT_RECEIVED with no expected delivery date is refused before confirmation', () => {
    const notReceived: DisputeEvent = { type: 'opened', at: '2026-12-20T00:00:00Z', reason: 'NOT_RECEIVED', amount: '49.00' };
    expect(codes([notReceived], '2026-12-31T00:00:00Z', { order: { ...order, receiptConfirmedAt: null, expectedDeliveryBy: null } })).toEqual([
      'DELIVERY_NOT_DUE@events.0.reason',
    ]);
    const { expectedDeliveryBy: _e, receiptConfirmedAt: _c, ...bare } = order;
    expect(codes([notReceived], '2026-12-31T00:00:00Z', { order: bare })).toEqual(['DELIVERY_NOT_DUE@events.0.reason']);
  });

  it('an order with neither shipping nor delivery facts reports both NOT_SHIPPED and DELIVERY_NOT_DUE', () => {
    const notReceived: DisputeEvent = { type: 'opened', at: '2026-12-20T00:00:00Z', reason: 'NOT_RECEIVED', amount: '49.00' };
    expect(codes([notReceived], '2026-12-31T00:00:00Z', { order: { quote: order.quote } })).toEqual([
      'NOT_SHIPPED@events.0',
      'DELIVERY_NOT_DUE@events.0.reason',
    ]);
  });
});

describe('the view is the dispute as of now', () => {
  it('an event exactly at now is applied; one a millisecond later is not', () => {
    const agreed: DisputeEvent = { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' };
    expect(view([opened, agreed], '2026-12-02T10:00:00Z')).toMatchObject({ status: 'resolved', version: 2 });
    expect(view([opened, agreed], '2026-12-02T09:59:59.999Z')).toMatchObject({ status: 'awaiting-seller', version: 2 });
  });

  it('the opening itself is applied at its own instant', () => {
    expect(view([opened], '2026-12-01T10:00:00Z')).toMatchObject({
      status: 'awaiting-seller',
      version: 1,
      timeRemainingMs: { seller: 5 * DAY + 14 * 3_600_000 },
    });
  });

  it('events at the same instant are in order', () => {
    expect(view([opened, { type: 'cancelled', at: '2026-12-01T10:00:00Z' }], '2026-12-01T10:00:00Z')).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('events after now must still be in time order', () => {
    const later: DisputeEvent[] = [opened, { type: 'seller-disagreed', at: '2026-12-05T00:00:00Z' }, { type: 'buyer-accepted', at: '2026-12-04T00:00:00Z' }];
    expect(codes(later, '2026-12-02T00:00:00Z')).toEqual(['EVENTS_OUT_OF_ORDER@events.2']);
  });

  it('the version is the number of stored events, whatever now: the one decideDispute expects', () => {
    const events: DisputeEvent[] = [opened, countered, { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' }];
    expect([view(events, '2026-12-01T12:00:00Z').version, view(events, '2026-12-02T12:00:00Z').version, view(events, '2026-12-03T12:00:00Z').version]).toEqual([
      3, 3, 3,
    ]);
  });

  it('lets the documented pattern work with an event stamped after now: view, then decide on its version', () => {
    // A seller's counter-offer stored with a clock ahead of the shop's: the view at now does not apply it yet,
    // but a command decided on the view's version is not stale.
    const dispute = { order, events: [opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' }] as DisputeEvent[] };
    const v = unwrap(disputeView(dispute, '2026-12-02T09:00:00Z'));
    expect(v.version).toBe(2);
    expect(decideDispute(dispute, { type: 'accept', actor: 'buyer', at: '2026-12-02T11:00:00Z', expectedVersion: v.version }).ok).toBe(true);
  });
});

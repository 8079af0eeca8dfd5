import { describe, expect, it } from 'vitest';
import { decideDispute, type Dispute, type DisputeEvent, type DisputeOrder, disputeDeadline } from '../../src/index.js';
import { order, refusalAt, viewAt } from './fixtures.js'; // paid 49.00: see fixtures.ts

const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'], description: 'cracked' };
const view = viewAt;
const errors = (events: readonly DisputeEvent[], at = '2026-12-20T00:00:00Z', extra: Partial<Dispute> = {}) => refusalAt(events, at, extra);

describe('opening a dispute', () => {
  it('opens with a reason, an amount, a description and evidence', () => {
    const v = view([opened], '2026-12-01T12:00:00Z');
    expect(v).toMatchObject({
      status: 'awaiting-seller',
      requested: '12.00',
      refundable: '49.00',
      offer: null,
      refund: null,
      version: 1,
      blocksOtherRefunds: true,
    });
    expect(v.deadlines.seller).toEqual({ date: '2026-12-06', endsAt: '2026-12-07T00:00:00.000Z' });
    expect(v.deadlines.ruling).toEqual({ date: '2026-12-16', endsAt: '2026-12-17T00:00:00.000Z' });
  });

  it('requires evidence for not-as-described, damaged and missing-parts claims', () => {
    for (const reason of ['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS'] as const) {
      expect(errors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason, amount: '5.00' }])).toEqual(['EVIDENCE_REQUIRED@events.0.evidence']);
    }
    expect(errors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '5.00' }])).toEqual([]);
  });

  it('is open for 15 days after receipt is confirmed, to the end of the local day', () => {
    // confirmed 2026-11-28 (UTC): the window ends with 2026-12-13
    expect(errors([{ ...opened, at: '2026-12-13T23:59:59.999Z' }])).toEqual([]);
    expect(errors([{ ...opened, at: '2026-12-14T00:00:00Z' }])).toEqual(['WINDOW_CLOSED@events.0']);
    // In New York the confirmation instant is still 28 November, and the window ends with 13 December local.
    expect(errors([{ ...opened, at: '2026-12-14T04:59:59Z' }], '2026-12-20T00:00:00Z', { policy: { timeZone: 'America/New_York' } })).toEqual([]);
    expect(errors([{ ...opened, at: '2026-12-14T05:00:00Z' }], '2026-12-20T00:00:00Z', { policy: { timeZone: 'America/New_York' } })).toEqual([
      'WINDOW_CLOSED@events.0',
    ]);
  });

  it('before confirmation, opens once shipped, and NOT_RECEIVED only after the expected delivery date', () => {
    const unconfirmed = { order: { ...order, receiptConfirmedAt: null } };
    expect(errors([{ ...opened, at: '2026-11-20T08:59:59Z' }], '2026-12-20T00:00:00Z', unconfirmed)).toEqual(['NOT_SHIPPED@events.0']);
    expect(errors([{ ...opened, at: '2026-11-21T00:00:00Z' }], '2026-12-20T00:00:00Z', unconfirmed)).toEqual([]);
    const notReceived: DisputeEvent = { type: 'opened', at: '2026-12-05T23:59:59Z', reason: 'NOT_RECEIVED', amount: '49.00' };
    expect(errors([notReceived], '2026-12-20T00:00:00Z', unconfirmed)).toEqual(['DELIVERY_NOT_DUE@events.0.reason']);
    expect(errors([{ ...notReceived, at: '2026-12-06T00:00:00Z' }], '2026-12-20T00:00:00Z', unconfirmed)).toEqual([]);
    expect(errors([{ ...notReceived, at: '2026-12-06T00:00:00Z' }])).toEqual(['RECEIPT_CONFIRMED@events.0.reason']);
  });

  it('asks for more than zero and at most what was paid, less what was refunded', () => {
    expect(errors([{ ...opened, amount: '0.00' }])).toEqual(['AMOUNT_NOT_POSITIVE@events.0.amount']);
    expect(errors([{ ...opened, amount: '49.01' }])).toEqual(['AMOUNT_EXCEEDS_REFUNDABLE@events.0.amount']);
    expect(errors([{ ...opened, amount: '49.00' }])).toEqual([]);
    expect(view([{ ...opened, amount: '5.00' }], '2026-12-02T00:00:00Z', { order: { ...order, refunded: '40.00' } }).refundable).toBe('9.00');
    expect(errors([opened], '2026-12-02T00:00:00Z', { order: { ...order, refunded: '40.00' } })).toEqual(['AMOUNT_EXCEEDS_REFUNDABLE@events.0.amount']);
    expect(errors([opened], '2026-12-02T00:00:00Z', { order: { ...order, refunded: '49.01' } })).toEqual(['REFUNDED_EXCEEDS_PAID@order.refunded']);
  });

  it('refunds a coupon-discounted line at its net, never at list price', () => {
    // L1: 30.00 list, 3.00 coupon share → 27.00 net: 9.00 a unit; L2: 20.00 − 2.00 = 18.00
    expect(view([{ ...opened, lines: [{ id: 'L1', quantity: 1 }], amount: '9.00' }], '2026-12-02T00:00:00Z').refundable).toBe('9.00');
    expect(errors([{ ...opened, lines: [{ id: 'L1', quantity: 1 }], amount: '10.00' }])).toEqual(['AMOUNT_EXCEEDS_REFUNDABLE@events.0.amount']);
    expect(
      view(
        [
          {
            ...opened,
            lines: [
              { id: 'L1', quantity: 3 },
              { id: 'L2', quantity: 1 },
            ],
            amount: '9.00',
          },
        ],
        '2026-12-02T00:00:00Z',
      ).refundable,
    ).toBe('45.00');
    expect(
      errors([
        {
          ...opened,
          lines: [
            { id: 'L9', quantity: 1 },
            { id: 'L1', quantity: 4 },
          ],
        },
      ]),
    ).toEqual(['UNKNOWN_LINE@events.0.lines.0.id', 'LINE_QUANTITY_EXCEEDED@events.0.lines.1.quantity']);
  });

  it("caps k of n units at the line net × k / n, rounded with the order's mode, so all units give exactly the net", () => {
    // 3 units at 3.3333: a line of 10.00 (9.9999 rounded), no coupon: 1 unit 3.33, 2 units 6.67, all three 10.00
    const odd: DisputeOrder = { ...order, quote: { currency: 'USD', lines: [{ id: 'X', itemType: 'Part', unitPrice: '3.3333', quantity: 3 }] } };
    const cap = (q: number) =>
      view([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '0.01', lines: [{ id: 'X', quantity: q }] }], '2026-12-02T00:00:00Z', {
        order: odd,
      }).refundable;
    expect([cap(1), cap(2), cap(3)]).toEqual(['3.33', '6.67', '10.00']);
  });

  it('never refunds a discounted unit above its list price, even below a cent per unit', () => {
    // 2000 × 0.0125 = 25.00 with a 10% coupon: net 22.50. One unit is capped at 0.01 (its list price is 0.0125),
    // a thousand at half the net, 11.25 (their list value is 12.50), all of them at the net.
    const tiny: DisputeOrder = {
      ...order,
      quote: { currency: 'USD', lines: [{ id: 'X', itemType: 'Part', unitPrice: '0.0125', quantity: 2000 }], coupon: { type: 'percent', percent: '10' } },
    };
    const cap = (q: number) =>
      view([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '0.01', lines: [{ id: 'X', quantity: q }] }], '2026-12-02T00:00:00Z', {
        order: tiny,
      }).refundable;
    expect([cap(1), cap(1000), cap(2000)]).toEqual(['0.01', '11.25', '22.50']);
  });
});

describe('responses, turns and deadlines', () => {
  it('resolves at the requested amount when the seller agrees', () => {
    expect(view([opened, { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }], '2026-12-03T00:00:00Z')).toMatchObject({
      status: 'resolved',
      refund: '12.00',
      outcome: 'seller-agreed',
      blocksOtherRefunds: false,
    });
  });

  it('passes the turn to the buyer on a counter-offer, who may accept it', () => {
    const countered = [opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' } as const];
    expect(view(countered, '2026-12-02T11:00:00Z')).toMatchObject({ status: 'awaiting-buyer', offer: '8.00', deadlines: { buyer: { date: '2026-12-07' } } });
    expect(view([...countered, { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' }], '2026-12-04T00:00:00Z')).toMatchObject({
      status: 'resolved',
      refund: '8.00',
      outcome: 'buyer-accepted',
    });
    expect(errors([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '12.00' }])).toEqual(['OFFER_NOT_BELOW_CLAIM@events.1.amount']);
    expect(errors([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '0.00' }])).toEqual(['AMOUNT_NOT_POSITIVE@events.1.amount']);
  });

  it('gives no refund when the buyer accepts a disagreement', () => {
    expect(
      view(
        [opened, { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z', note: 'no damage visible' }, { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' }],
        '2026-12-04T00:00:00Z',
      ),
    ).toMatchObject({
      status: 'resolved',
      refund: '0.00',
      outcome: 'buyer-accepted',
    });
  });

  it('restarts the seller clock on each claim change', () => {
    const changed = [opened, { type: 'claim-changed', at: '2026-12-05T10:00:00Z', amount: '10.00' } as const];
    const v = view(changed, '2026-12-07T12:00:00Z');
    expect(v).toMatchObject({
      status: 'awaiting-seller',
      requested: '10.00',
      deadlines: { seller: { date: '2026-12-10', endsAt: '2026-12-11T00:00:00.000Z' } },
    });
    expect(v.offers.map((o) => [o.kind, o.amount, o.fate])).toEqual([
      ['claim', '12.00', 'superseded'],
      ['claim', '10.00', 'pending'],
    ]);
  });

  it('lets the buyer change the claim on the buyer turn too, back to the seller', () => {
    const v = view(
      [
        opened,
        { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' },
        { type: 'claim-changed', at: '2026-12-03T10:00:00Z', amount: '10.00' },
      ],
      '2026-12-03T11:00:00Z',
    );
    expect(v).toMatchObject({ status: 'awaiting-seller', offer: null, requested: '10.00' });
  });

  it('lets the buyer cancel only while the seller has not yet responded', () => {
    expect(view([opened, { type: 'cancelled', at: '2026-12-02T10:00:00Z' }], '2026-12-03T00:00:00Z').status).toBe('cancelled');
    expect(errors([opened, { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' }, { type: 'cancelled', at: '2026-12-03T10:00:00Z' }])).toEqual([
      'SELLER_ALREADY_RESPONDED@events.2',
    ]);
    const v = view([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' }], '2026-12-02T11:00:00Z');
    expect(v.allowed.buyer).toEqual(['change-claim', 'accept', 'decline', 'escalate']);
    expect(v.blocked.buyer.cancel).toBe('SELLER_ALREADY_RESPONDED');
  });

  it('puts a silent seller under review from the end of the deadline day: a reply one millisecond late is refused', () => {
    expect(errors([opened, { type: 'seller-agreed', at: '2026-12-06T23:59:59.999Z' }])).toEqual([]);
    expect(errors([opened, { type: 'seller-agreed', at: '2026-12-07T00:00:00.001Z' }])).toEqual(['DEADLINE_PASSED@events.1']);
    const v = view([opened], '2026-12-07T00:00:00.001Z');
    expect(v).toMatchObject({ status: 'under-review', underReviewSince: '2026-12-07T00:00:00.000Z', allowed: { buyer: [], seller: [], platform: ['rule'] } });
    expect(v.blocked.seller.agree).toBe('DEADLINE_PASSED');
    expect(v.offers[0]?.fate).toBe('lapsed');
  });

  it('puts a silent buyer under review after a counter-offer', () => {
    const v = view([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' }], '2026-12-08T00:00:00Z');
    expect(v).toMatchObject({ status: 'under-review', underReviewSince: '2026-12-08T00:00:00.000Z' });
  });

  it('escalates on the buyer, and the platform rules from 0 up to the refundable amount', () => {
    const escalated = [
      opened,
      { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' } as const,
      { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'buyer' } as const,
    ];
    expect(view(escalated, '2026-12-04T00:00:00Z')).toMatchObject({ status: 'under-review', underReviewSince: '2026-12-03T10:00:00.000Z' });
    expect(view([...escalated, { type: 'ruled', at: '2026-12-05T00:00:00Z', amount: '0.00' }], '2026-12-06T00:00:00Z')).toMatchObject({
      status: 'resolved',
      refund: '0.00',
      outcome: 'ruled',
    });
    expect(errors([...escalated, { type: 'ruled', at: '2026-12-05T00:00:00Z', amount: '49.01' }])).toEqual(['AMOUNT_EXCEEDS_REFUNDABLE@events.3.amount']);
    expect(errors([opened, { type: 'ruled', at: '2026-12-02T00:00:00Z', amount: '1.00' }])).toEqual(['NOT_UNDER_REVIEW@events.1']);
    expect(errors([...escalated, { type: 'seller-agreed', at: '2026-12-04T00:00:00Z' }])).toEqual(['UNDER_REVIEW@events.3']);
  });

  it('lets the seller escalate on the seller turn, not the buyer turn', () => {
    expect(view([opened, { type: 'escalated', at: '2026-12-02T00:00:00Z', by: 'seller' }], '2026-12-03T00:00:00Z').status).toBe('under-review');
    expect(errors([opened, { type: 'escalated', at: '2026-12-02T00:00:00Z', by: 'buyer' }])).toEqual(['WRONG_TURN@events.1']);
  });

  it('reports the ruling deadline and whether the process is overdue', () => {
    expect(view([opened], '2026-12-16T23:59:59Z').overdue).toBe(false);
    expect(view([opened], '2026-12-17T00:00:00Z').overdue).toBe(true);
    expect(view([opened, { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }], '2027-01-30T00:00:00Z').overdue).toBe(false);
  });

  it('acts on nothing after a terminal state', () => {
    expect(errors([opened, { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }, { type: 'seller-agreed', at: '2026-12-02T11:00:00Z' }])).toEqual([
      'DISPUTE_CLOSED@events.2',
    ]);
    expect(errors([opened, { type: 'cancelled', at: '2026-12-02T10:00:00Z' }, { type: 'claim-changed', at: '2026-12-02T11:00:00Z', amount: '1.00' }])).toEqual([
      'DISPUTE_CLOSED@events.2',
    ]);
    expect(errors([opened, opened])).toEqual(['ALREADY_OPENED@events.1']);
    expect(errors([{ type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }])).toEqual(['NOT_OPENED@events.0']);
    expect(errors([])).toEqual(['NOT_OPENED@events']);
  });

  it('requires events in time order and applies only those at or before the instant asked', () => {
    expect(errors([opened, { type: 'seller-agreed', at: '2026-12-01T09:00:00Z' }])).toEqual(['EVENTS_OUT_OF_ORDER@events.1']);
    expect(view([opened, { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }], '2026-12-02T09:00:00Z')).toMatchObject({
      status: 'awaiting-seller',
      version: 2,
    });
  });

  it('counts business days across a holiday weekend, in the policy time zone', () => {
    // Opened Thursday 24 December 2026 in Berlin; 25 and 26 December are holidays, 26/27 a weekend.
    const policy = { timeZone: 'Europe/Berlin', dayCount: 'business' as const, holidays: ['2026-12-25', '2026-12-26'] };
    // Fri 25 and Sat 26 holidays, Sun 27 weekend; then Mon 28, Tue 29, Wed 30, Thu 31, Fri 1 January.
    expect(disputeDeadline('2026-12-24T10:00:00Z', 5, policy)).toEqual({ date: '2027-01-01', endsAt: '2027-01-01T23:00:00.000Z' });
    expect(disputeDeadline('2026-12-24T10:00:00Z', 5, { ...policy, holidays: [...policy.holidays, '2027-01-01'] }).date).toBe('2027-01-04');
    // Only Sunday off and no holidays: Fri 25, Sat 26, Mon 28, Tue 29, Wed 30.
    expect(disputeDeadline('2026-12-24T10:00:00Z', 5, { timeZone: 'Europe/Berlin', dayCount: 'business', weekend: [7] }).date).toBe('2026-12-30');
    // A seller in a business-day dispute opened before the holidays answers in time on 1 January.
    const opened24: DisputeEvent = { ...opened, at: '2026-12-24T10:00:00Z' };
    expect(
      errors([opened24, { type: 'seller-agreed', at: '2027-01-01T22:59:59Z' }], '2027-01-05T00:00:00Z', {
        policy,
        order: { ...order, receiptConfirmedAt: null },
      }),
    ).toEqual([]);
    expect(
      errors([opened24, { type: 'seller-agreed', at: '2027-01-01T23:00:00Z' }], '2027-01-05T00:00:00Z', {
        policy,
        order: { ...order, receiptConfirmedAt: null },
      }),
    ).toEqual(['DEADLINE_PASSED@events.1']);
  });

  it('computes deadlines across DST and leap days', () => {
    expect(disputeDeadline('2026-03-27T12:00:00Z', 2, { timeZone: 'Europe/Berlin' })).toEqual({ date: '2026-03-29', endsAt: '2026-03-29T22:00:00.000Z' });
    expect(disputeDeadline('2028-02-27T12:00:00Z', 2).date).toBe('2028-02-29');
  });
});

describe('commands', () => {
  const dispute: Dispute = { order, events: [opened] };
  it('returns the new events of an allowed command', () => {
    expect(decideDispute(dispute, { type: 'counter', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 1, amount: '8.00' })).toEqual({
      ok: true,
      value: { events: [{ type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' }] },
    });
    expect(
      decideDispute({ order, events: [] }, { type: 'open', actor: 'buyer', at: '2026-12-01T10:00:00Z', expectedVersion: 0, reason: 'OTHER', amount: '5.00' }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a stale command: a cancel racing the seller reply', () => {
    const replied: Dispute = { order, events: [opened, { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' }] };
    expect(decideDispute(replied, { type: 'cancel', actor: 'buyer', at: '2026-12-02T10:00:01Z', expectedVersion: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: 'STALE_VERSION', path: 'command.expectedVersion' }],
    });
    expect(decideDispute(replied, { type: 'cancel', actor: 'buyer', at: '2026-12-02T10:00:01Z', expectedVersion: 2 })).toMatchObject({
      ok: false,
      errors: [{ code: 'SELLER_ALREADY_RESPONDED', path: 'command' }],
    });
  });

  it('refuses the wrong actor, and reports the rule a command breaks at its own path', () => {
    expect(decideDispute(dispute, { type: 'agree', actor: 'buyer', at: '2026-12-02T10:00:00Z', expectedVersion: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: 'WRONG_ACTOR' }],
    });
    expect(decideDispute(dispute, { type: 'escalate', actor: 'platform', at: '2026-12-02T10:00:00Z', expectedVersion: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: 'WRONG_ACTOR' }],
    });
    expect(decideDispute(dispute, { type: 'counter', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 1, amount: '20.00' })).toMatchObject({
      ok: false,
      errors: [{ code: 'OFFER_NOT_BELOW_CLAIM', path: 'command.amount' }],
    });
    expect(decideDispute(dispute, { type: 'agree', actor: 'seller', at: '2026-12-01T09:00:00Z', expectedVersion: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: 'EVENTS_OUT_OF_ORDER', path: 'command' }],
    });
  });
});

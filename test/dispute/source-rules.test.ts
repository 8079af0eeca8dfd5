import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDispute, type Dispute, type DisputeEvent, disputeView } from '../../src/index.js';
import { disputeArb } from '../../src/testing/index.js';
import { order, refusalAt, viewAt } from './fixtures.js'; // paid 49.00, receipt confirmed 28 November 18:00 UTC: see fixtures.ts

// The rules of partial-refund-disputes.txt that the negotiation follows, each in its own words.

const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] };
const countered: DisputeEvent = { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' };
const NEGOTIATION_ENDS = '2026-12-14T00:00:00.000Z'; // 15 − 3 days after 1 December: the end of 13 December
const RULING_ENDS = '2026-12-17T00:00:00.000Z';

const view = viewAt;
const codes = (events: readonly DisputeEvent[], at = '2026-12-31T00:00:00Z', extra: Partial<Dispute> = {}) => refusalAt(events, at, extra);
const change = (at: string, amount = '11.00'): DisputeEvent => ({ type: 'claim-changed', at, amount });

// Each claim change restarts the seller's five days: without the limit the seller would answer until 17 December.
const changes = [change('2026-12-05T10:00:00Z', '11.00'), change('2026-12-09T10:00:00Z', '10.00'), change('2026-12-12T10:00:00Z', '9.00')];

describe('"The entire process should not exceed 15 days"', () => {
  it('claim changes never push the seller deadline past the end of negotiation (opening + 15 − 3 days)', () => {
    const v = view([opened, ...changes], '2026-12-12T12:00:00Z');
    // 12 December + 5 days would be 17 December: the deadline is the end of negotiation instead
    expect(v.deadlines.seller).toEqual({ date: '2026-12-13', endsAt: NEGOTIATION_ENDS });
    expect(v.negotiationEnds).toEqual({ date: '2026-12-13', endsAt: NEGOTIATION_ENDS });
    expect(v.deadlines.ruling.endsAt).toBe(RULING_ENDS);
  });

  it('from the end of negotiation the dispute is under review: the parties are blocked with PROCESS_LIMIT_REACHED and the platform may rule', () => {
    const v = view([opened, ...changes], NEGOTIATION_ENDS);
    expect(v).toMatchObject({ status: 'under-review', underReviewSince: NEGOTIATION_ENDS, allowed: { buyer: [], seller: [], platform: ['rule'] } });
    expect(v.blocked.buyer).toEqual({
      'change-claim': 'PROCESS_LIMIT_REACHED',
      cancel: 'PROCESS_LIMIT_REACHED',
      accept: 'PROCESS_LIMIT_REACHED',
      decline: 'PROCESS_LIMIT_REACHED',
      escalate: 'PROCESS_LIMIT_REACHED',
    });
    expect(v.blocked.seller.agree).toBe('PROCESS_LIMIT_REACHED');
    expect(v.timeRemainingMs.platform).toBe(3 * 86_400_000);
    // a claim change at the limit is refused; one a millisecond before is in time
    expect(codes([opened, ...changes, change(NEGOTIATION_ENDS)])).toEqual(['PROCESS_LIMIT_REACHED@events.4']);
    expect(codes([opened, ...changes, change('2026-12-13T23:59:59.999Z')])).toEqual([]);
  });

  it('a buyer deadline is capped the same way', () => {
    const late = [opened, ...changes, { type: 'seller-countered', at: '2026-12-12T12:00:00Z', amount: '5.00' } as const];
    expect(view(late, '2026-12-12T13:00:00Z').deadlines.buyer).toEqual({ date: '2026-12-13', endsAt: NEGOTIATION_ENDS });
  });

  it('the silence of a party whose own deadline ends earlier is silence, not the process limit', () => {
    expect(view([opened], '2026-12-07T00:00:00Z').blocked.seller.agree).toBe('DEADLINE_PASSED');
  });

  it('a ruling after 15 days is accepted, and the view keeps saying the process was overdue', () => {
    const ruled: DisputeEvent = { type: 'ruled', at: '2026-12-18T10:00:00Z', amount: '6.00' };
    expect(view([opened, ...changes, ruled], '2027-01-01T00:00:00Z')).toMatchObject({ status: 'resolved', overdue: true });
    expect(view([opened, ...changes, { ...ruled, at: '2026-12-16T10:00:00Z' }], '2027-01-01T00:00:00Z')).toMatchObject({ status: 'resolved', overdue: false });
  });

  it('platformReviewDays sets the reserve; unset it shrinks with a short process; set it must fit in the process', () => {
    expect(view([opened], '2026-12-02T00:00:00Z', { policy: { platformReviewDays: 10 } }).negotiationEnds).toEqual({
      date: '2026-12-06',
      endsAt: '2026-12-07T00:00:00.000Z',
    });
    // maxProcessDays 2: the review takes both days, so negotiation ends with the opening day
    expect(view([opened], '2026-12-01T12:00:00Z', { policy: { maxProcessDays: 2 } }).deadlines.seller).toEqual({
      date: '2026-12-01',
      endsAt: '2026-12-02T00:00:00.000Z',
    });
    expect(codes([opened], undefined, { policy: { maxProcessDays: 5, platformReviewDays: 6 } })).toEqual(['INVALID_POLICY@policy.platformReviewDays']);
    expect(codes([opened], undefined, { policy: { maxProcessDays: 5, platformReviewDays: 5 } })).toEqual([]);
  });

  it('in business days, negotiation ends (maxProcessDays − platformReviewDays) business days after the opening', () => {
    // Tuesday 1 December + 12 business days: Thursday 17 December
    expect(view([opened], '2026-12-02T00:00:00Z', { policy: { dayCount: 'business' } }).negotiationEnds.date).toBe('2026-12-17');
  });

  it('property: no deadline lies past opening + maxProcessDays, and from the negotiation limit on the platform can always rule', () => {
    fc.assert(
      fc.property(disputeArb(), ({ dispute, at }) => {
        const r = disputeView(dispute, at);
        if (!r.ok) return false;
        const v = r.value;
        const { seller, buyer, ruling } = v.deadlines;
        for (const dl of [seller, buyer, v.negotiationEnds]) if (dl && dl.endsAt > ruling.endsAt) return false;
        const open = v.status !== 'resolved' && v.status !== 'cancelled';
        return !(open && Date.parse(at) >= Date.parse(v.negotiationEnds.endsAt)) || (v.status === 'under-review' && v.allowed.platform.includes('rule'));
      }),
    );
  });
});

describe('"It\'s up to you to accept, negotiate, or decline the offer"', () => {
  const declined: DisputeEvent = { type: 'buyer-declined', at: '2026-12-03T10:00:00Z' };

  it('declining records the counter-offer as declined; the claim stands and the seller answers it again within a fresh deadline', () => {
    const v = view([opened, countered, declined], '2026-12-03T12:00:00Z');
    expect(v).toMatchObject({
      status: 'awaiting-seller',
      offer: null,
      requested: '12.00',
      deadlines: { seller: { date: '2026-12-08', endsAt: '2026-12-09T00:00:00.000Z' } },
    });
    expect(v.offers.map((o) => [o.by, o.kind, o.amount, o.fate])).toEqual([
      ['buyer', 'claim', '12.00', 'superseded'],
      ['seller', 'counter-offer', '8.00', 'declined'],
      ['buyer', 'claim', '12.00', 'pending'],
    ]);
    expect(v.allowed.seller).toEqual(['agree', 'counter', 'disagree', 'escalate']);
  });

  it('the seller may then agree, counter anew or disagree', () => {
    expect(view([opened, countered, declined, { type: 'seller-agreed', at: '2026-12-04T10:00:00Z' }], '2026-12-05T00:00:00Z')).toMatchObject({
      status: 'resolved',
      refund: '12.00',
    });
    expect(
      view([opened, countered, declined, { type: 'seller-countered', at: '2026-12-04T10:00:00Z', amount: '10.00' }], '2026-12-05T00:00:00Z'),
    ).toMatchObject({ status: 'awaiting-buyer', offer: '10.00' });
    expect(view([opened, countered, declined, { type: 'seller-disagreed', at: '2026-12-04T10:00:00Z' }], '2026-12-05T00:00:00Z')).toMatchObject({
      status: 'awaiting-buyer',
      offer: null,
    });
  });

  it('only a counter-offer can be declined, and only on the buyer turn', () => {
    expect(codes([opened, { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' }, declined])).toEqual(['NO_OFFER@events.2']);
    expect(codes([opened, declined])).toEqual(['WRONG_TURN@events.1']);
    expect(view([opened, { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' }], '2026-12-02T12:00:00Z').blocked.buyer.decline).toBe('NO_OFFER');
  });

  it('the fresh seller deadline is bounded by the end of negotiation', () => {
    const late = [
      opened,
      change('2026-12-05T10:00:00Z'),
      change('2026-12-09T10:00:00Z'),
      { type: 'seller-countered', at: '2026-12-10T10:00:00Z', amount: '5.00' } as const,
      { type: 'buyer-declined', at: '2026-12-12T10:00:00Z' } as const,
    ];
    expect(view(late, '2026-12-12T11:00:00Z').deadlines.seller?.endsAt).toBe(NEGOTIATION_ENDS);
  });

  it('decideDispute turns the buyer\'s "decline" into a buyer-declined event, and refuses it from anyone else', () => {
    const dispute = { order, events: [opened, countered] };
    expect(decideDispute(dispute, { type: 'decline', actor: 'buyer', at: '2026-12-03T10:00:00Z', expectedVersion: 2 })).toEqual({
      ok: true,
      value: { events: [{ type: 'buyer-declined', at: '2026-12-03T10:00:00Z' }] },
    });
    expect(decideDispute(dispute, { type: 'decline', actor: 'seller', at: '2026-12-03T10:00:00Z', expectedVersion: 2 })).toMatchObject({
      ok: false,
      errors: [{ code: 'WRONG_ACTOR' }],
    });
  });
});

describe('"The platform will review the evidence provided by both parties"', () => {
  it('lists the evidence of each party with when it was given, each item once', () => {
    const events: DisputeEvent[] = [
      opened,
      { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00', evidence: ['packing-photo'] },
      { type: 'claim-changed', at: '2026-12-03T10:00:00Z', amount: '11.00', evidence: ['photo-1', 'photo-2'] },
      { type: 'seller-disagreed', at: '2026-12-04T10:00:00Z', note: 'packed with care', evidence: ['courier-receipt'] },
      { type: 'escalated', at: '2026-12-05T10:00:00Z', by: 'buyer', evidence: ['chat-log'], note: 'the seller stopped answering' },
    ];
    expect(view(events, '2026-12-06T00:00:00Z').evidence).toEqual({
      buyer: [
        { item: 'photo-1', at: '2026-12-01T10:00:00.000Z' },
        { item: 'photo-2', at: '2026-12-03T10:00:00.000Z' },
        { item: 'chat-log', at: '2026-12-05T10:00:00.000Z' },
      ],
      seller: [
        { item: 'packing-photo', at: '2026-12-02T10:00:00.000Z' },
        { item: 'courier-receipt', at: '2026-12-04T10:00:00.000Z' },
      ],
    });
  });

  it('the seller may add evidence when escalating, and decideDispute carries evidence and notes into the events', () => {
    const v = view([opened, { type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'seller', evidence: ['tracking'] }], '2026-12-03T00:00:00Z');
    expect(v.evidence.seller).toEqual([{ item: 'tracking', at: '2026-12-02T10:00:00.000Z' }]);
    const dispute = { order, events: [opened] };
    expect(
      decideDispute(dispute, {
        type: 'escalate',
        actor: 'seller',
        at: '2026-12-02T10:00:00Z',
        expectedVersion: 1,
        evidence: ['tracking'],
        note: 'see tracking',
      }),
    ).toEqual({
      ok: true,
      value: { events: [{ type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'seller', evidence: ['tracking'], note: 'see tracking' }] },
    });
    expect(
      decideDispute(dispute, { type: 'counter', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 1, amount: '5.00', evidence: ['x'] }),
    ).toMatchObject({ ok: true, value: { events: [{ evidence: ['x'] }] } });
    expect(decideDispute(dispute, { type: 'disagree', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 1, evidence: ['y'] })).toMatchObject({
      ok: true,
      value: { events: [{ evidence: ['y'] }] },
    });
  });

  it('evidence items are non-empty strings in a list', () => {
    expect(codes([opened, { type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'seller', evidence: [''] }])).toEqual(['EMPTY_STRING@events.1.evidence.0']);
    expect(codes([opened, { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z', evidence: 'x' as unknown as string[] }])).toEqual([
      'INVALID_TYPE@events.1.evidence',
    ]);
  });
});

describe('buyer protection covers "late delivery"', () => {
  const late = (extra: Partial<typeof order>): Partial<Dispute> => ({ order: { ...order, ...extra } });
  const lateClaim: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'LATE_DELIVERY', amount: '5.00' };

  it('may be claimed once receipt is confirmed after the end of the expected delivery date', () => {
    expect(view([lateClaim], '2026-12-02T00:00:00Z', late({ expectedDeliveryBy: '2026-11-25' })).reason).toBe('LATE_DELIVERY');
  });

  it('is refused when delivery was on time, when no date was promised, or before receipt is confirmed', () => {
    expect(codes([lateClaim], undefined, late({ expectedDeliveryBy: '2026-12-05' }))).toEqual(['DELIVERED_ON_TIME@events.0.reason']);
    expect(codes([lateClaim], undefined, late({ expectedDeliveryBy: null }))).toEqual(['NO_DELIVERY_DATE@events.0.reason']);
    expect(codes([lateClaim], undefined, late({ receiptConfirmedAt: null, expectedDeliveryBy: '2026-11-25' }))).toEqual([
      'RECEIPT_NOT_CONFIRMED@events.0.reason',
    ]);
  });

  it('the expected date ends at local midnight in the policy zone', () => {
    // Berlin: 28 November ends at 23:00 UTC
    const berlin = { policy: { timeZone: 'Europe/Berlin' } };
    expect(codes([lateClaim], undefined, { ...berlin, ...late({ expectedDeliveryBy: '2026-11-28', receiptConfirmedAt: '2026-11-28T22:59:59.999Z' }) })).toEqual(
      ['DELIVERED_ON_TIME@events.0.reason'],
    );
    expect(codes([lateClaim], undefined, { ...berlin, ...late({ expectedDeliveryBy: '2026-11-28', receiptConfirmedAt: '2026-11-28T23:00:00Z' }) })).toEqual([]);
  });
});

describe('"You will receive a notification confirming that your dispute has been opened … You will be notified of the outcome"', () => {
  it('tells both parties of the opening, the other party of each move, both of an escalation and of the outcome', () => {
    const events: DisputeEvent[] = [
      opened,
      countered,
      { type: 'buyer-declined', at: '2026-12-03T10:00:00Z' },
      { type: 'escalated', at: '2026-12-04T10:00:00Z', by: 'seller' },
      { type: 'ruled', at: '2026-12-05T10:00:00Z', amount: '9.00' },
    ];
    expect(view(events, '2026-12-06T00:00:00Z').notices.map((n) => `${n.id} ${n.to} ${n.kind}`)).toEqual([
      'e0-buyer buyer opened',
      'e0-seller seller opened',
      'e1-buyer buyer offer-made',
      'e2-seller seller offer-declined',
      'e3-buyer buyer escalated',
      'e3-seller seller escalated',
      'e4-buyer buyer ruled',
      'e4-seller seller ruled',
    ]);
  });

  it('tells both parties when silence or the process limit puts the dispute under review, at that instant', () => {
    expect(view([opened], '2026-12-08T00:00:00Z').notices.slice(2)).toEqual([
      { id: 'review-buyer', to: 'buyer', kind: 'under-review', at: '2026-12-07T00:00:00.000Z' },
      { id: 'review-seller', to: 'seller', kind: 'under-review', at: '2026-12-07T00:00:00.000Z' },
    ]);
    expect(view([opened], '2026-12-06T00:00:00Z').notices.map((n) => n.id)).toEqual(['e0-buyer', 'e0-seller']);
  });

  it('the same history gives the same ids, however often and whenever it is asked', () => {
    const events = [opened, countered];
    const first = view(events, '2026-12-02T12:00:00Z').notices;
    expect(view(events, '2026-12-02T12:00:00Z').notices).toEqual(first);
    expect(view(events, '2026-12-09T00:00:00Z').notices.slice(0, first.length)).toEqual(first);
  });
});

import { describe, expect, it } from 'vitest';
import { type DisputeEvent, type DisputeOrder, disputeView } from '../../src/index.js';
import { order, viewAt } from './fixtures.js'; // paid 49.00: see fixtures.ts

const DAY = 86_400_000;
const HOUR = 3_600_000;

// Opened Tuesday 1 December 2026 10:00 UTC: the seller answers until the end of 6 December, the ruling is due by the end of 16 December.
const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] };
const countered: DisputeEvent = { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' };
const disagreed: DisputeEvent = { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z', note: 'no damage visible' };

const sellerDeadline = { date: '2026-12-06', endsAt: '2026-12-07T00:00:00.000Z' };
const buyerDeadline = { date: '2026-12-07', endsAt: '2026-12-08T00:00:00.000Z' }; // after a reply on 2 December
const ruling = { date: '2026-12-16', endsAt: '2026-12-17T00:00:00.000Z' };
// 15 days in all, the last 3 kept for the platform's review: the parties negotiate until the end of 13 December.
const negotiationEnds = { date: '2026-12-13', endsAt: '2026-12-14T00:00:00.000Z' };
const photo = { buyer: [{ item: 'photo-1', at: '2026-12-01T10:00:00.000Z' }], seller: [] };

/** The notices of events (index, recipients, kind, instant) in order. */
function told(...list: readonly (readonly [string, 'buyer' | 'seller' | 'both', string, string])[]) {
  return list.flatMap(([key, to, kind, at]) =>
    (to === 'both' ? (['buyer', 'seller'] as const) : [to]).map((party) => ({ id: `${key}-${party}`, to: party, kind, at })),
  );
}
const openedNotice = ['e0', 'both', 'opened', '2026-12-01T10:00:00.000Z'] as const;

const view = viewAt;

const closedBlocks = {
  buyer: { 'change-claim': 'DISPUTE_CLOSED', cancel: 'DISPUTE_CLOSED', accept: 'DISPUTE_CLOSED', decline: 'DISPUTE_CLOSED', escalate: 'DISPUTE_CLOSED' },
  seller: { agree: 'DISPUTE_CLOSED', counter: 'DISPUTE_CLOSED', disagree: 'DISPUTE_CLOSED', escalate: 'DISPUTE_CLOSED' },
  platform: { rule: 'DISPUTE_CLOSED' },
};
const nothingAllowed = { buyer: [], seller: [], platform: [] };
const noTime = { buyer: null, seller: null, platform: null };

describe('the view on the seller turn', () => {
  it('after the opening: the seller may answer in any way, the buyer may change or cancel the claim', () => {
    expect(view([opened], '2026-12-02T00:00:00Z')).toEqual({
      status: 'awaiting-seller',
      version: 1,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: null,
      refundable: '49.00',
      refund: null,
      outcome: null,
      deadlines: { seller: sellerDeadline, buyer: null, ruling },
      negotiationEnds,
      overdue: false,
      underReviewSince: null,
      allowed: { buyer: ['change-claim', 'cancel'], seller: ['agree', 'counter', 'disagree', 'escalate'], platform: [] },
      blocked: { buyer: { accept: 'WRONG_TURN', decline: 'WRONG_TURN', escalate: 'WRONG_TURN' }, seller: {}, platform: { rule: 'NOT_UNDER_REVIEW' } },
      timeRemainingMs: { buyer: null, seller: 5 * DAY, platform: null },
      offers: [{ by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'pending' }],
      evidence: photo,
      notices: told(openedNotice),
      blocksOtherRefunds: true,
    });
  });

  it('after a counter-offer and a changed claim: the seller has responded, so cancel stays refused', () => {
    const changed: DisputeEvent = { type: 'claim-changed', at: '2026-12-03T10:00:00Z', amount: '10.00' };
    expect(view([opened, countered, changed], '2026-12-04T00:00:00Z')).toEqual({
      status: 'awaiting-seller',
      version: 3,
      reason: 'DAMAGED',
      requested: '10.00',
      offer: null,
      refundable: '49.00',
      refund: null,
      outcome: null,
      // the seller clock restarts on 3 December; the buyer's deadline of the counter-offer is still reported
      deadlines: { seller: { date: '2026-12-08', endsAt: '2026-12-09T00:00:00.000Z' }, buyer: buyerDeadline, ruling },
      negotiationEnds,
      overdue: false,
      underReviewSince: null,
      allowed: { buyer: ['change-claim'], seller: ['agree', 'counter', 'disagree', 'escalate'], platform: [] },
      blocked: {
        buyer: { cancel: 'SELLER_ALREADY_RESPONDED', accept: 'WRONG_TURN', decline: 'WRONG_TURN', escalate: 'WRONG_TURN' },
        seller: {},
        platform: { rule: 'NOT_UNDER_REVIEW' },
      },
      timeRemainingMs: { buyer: null, seller: 5 * DAY, platform: null },
      offers: [
        { by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'superseded' },
        { by: 'seller', kind: 'counter-offer', amount: '8.00', at: '2026-12-02T10:00:00.000Z', fate: 'superseded' },
        { by: 'buyer', kind: 'claim', amount: '10.00', at: '2026-12-03T10:00:00.000Z', fate: 'pending' },
      ],
      evidence: photo,
      notices: told(openedNotice, ['e1', 'buyer', 'offer-made', '2026-12-02T10:00:00.000Z'], ['e2', 'seller', 'claim-changed', '2026-12-03T10:00:00.000Z']),
      blocksOtherRefunds: true,
    });
  });

  it('a claim changed on the seller turn supersedes the pending claim and keeps the reason', () => {
    const v = view([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '9.00', lines: [{ id: 'L1', quantity: 1 }] }], '2026-12-02T12:00:00Z');
    expect(v).toMatchObject({ status: 'awaiting-seller', reason: 'DAMAGED', requested: '9.00', refundable: '9.00', version: 2 });
    expect(v.offers).toEqual([
      { by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'superseded' },
      { by: 'buyer', kind: 'claim', amount: '9.00', at: '2026-12-02T10:00:00.000Z', fate: 'pending' },
    ]);
    expect(v.allowed.buyer).toEqual(['change-claim', 'cancel']);
  });
});

describe('the view on the buyer turn', () => {
  it('after a counter-offer: the buyer may accept, change the claim or escalate; the seller waits', () => {
    expect(view([opened, countered], '2026-12-03T10:00:00Z')).toEqual({
      status: 'awaiting-buyer',
      version: 2,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: '8.00',
      refundable: '49.00',
      refund: null,
      outcome: null,
      deadlines: { seller: sellerDeadline, buyer: buyerDeadline, ruling },
      negotiationEnds,
      overdue: false,
      underReviewSince: null,
      allowed: { buyer: ['change-claim', 'accept', 'decline', 'escalate'], seller: [], platform: [] },
      blocked: {
        buyer: { cancel: 'SELLER_ALREADY_RESPONDED' },
        seller: { agree: 'WRONG_TURN', counter: 'WRONG_TURN', disagree: 'WRONG_TURN', escalate: 'WRONG_TURN' },
        platform: { rule: 'NOT_UNDER_REVIEW' },
      },
      timeRemainingMs: { buyer: 4 * DAY + 14 * HOUR, seller: null, platform: null },
      offers: [
        { by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'superseded' },
        { by: 'seller', kind: 'counter-offer', amount: '8.00', at: '2026-12-02T10:00:00.000Z', fate: 'pending' },
      ],
      evidence: photo,
      notices: told(openedNotice, ['e1', 'buyer', 'offer-made', '2026-12-02T10:00:00.000Z']),
      blocksOtherRefunds: true,
    });
  });

  it('after a disagreement: the refusal is an offer of 0.00, and no counter-offer stands', () => {
    const v = view([opened, disagreed], '2026-12-02T12:00:00Z');
    expect(v).toMatchObject({ status: 'awaiting-buyer', offer: null, timeRemainingMs: { buyer: 5 * DAY + 12 * HOUR, seller: null, platform: null } });
    expect(v.offers).toEqual([
      { by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'superseded' },
      { by: 'seller', kind: 'refusal', amount: '0.00', at: '2026-12-02T10:00:00.000Z', fate: 'pending' },
    ]);
  });

  it('a claim changed on the buyer turn hands the turn back to the seller and withdraws the counter-offer', () => {
    const v = view([opened, countered, { type: 'claim-changed', at: '2026-12-03T10:00:00Z', amount: '11.00' }], '2026-12-03T10:00:00Z');
    expect(v).toMatchObject({
      status: 'awaiting-seller',
      offer: null,
      requested: '11.00',
      timeRemainingMs: { buyer: null, seller: 5 * DAY + 14 * HOUR, platform: null },
    });
    expect(v.offers.map((o) => o.fate)).toEqual(['superseded', 'superseded', 'pending']);
  });
});

describe('the view under review', () => {
  const reviewBlocks = (silent: 'buyer' | 'seller' | null) => {
    const buyer = silent === 'buyer' ? 'DEADLINE_PASSED' : 'UNDER_REVIEW';
    const seller = silent === 'seller' ? 'DEADLINE_PASSED' : 'UNDER_REVIEW';
    return {
      buyer: { 'change-claim': buyer, cancel: buyer, accept: buyer, decline: buyer, escalate: buyer },
      seller: { agree: seller, counter: seller, disagree: seller, escalate: seller },
      platform: {},
    };
  };

  it('a silent seller: under review from the end of the deadline day, the seller blocked by DEADLINE_PASSED, the buyer by UNDER_REVIEW', () => {
    expect(view([opened], '2026-12-07T00:00:00Z')).toEqual({
      status: 'under-review',
      version: 1,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: null,
      refundable: '49.00',
      refund: null,
      outcome: null,
      deadlines: { seller: sellerDeadline, buyer: null, ruling },
      negotiationEnds,
      overdue: false,
      underReviewSince: '2026-12-07T00:00:00.000Z',
      allowed: { buyer: [], seller: [], platform: ['rule'] },
      blocked: reviewBlocks('seller'),
      timeRemainingMs: { buyer: null, seller: null, platform: 10 * DAY },
      offers: [{ by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'lapsed' }],
      evidence: photo,
      notices: [
        ...told(openedNotice),
        { id: 'review-buyer', to: 'buyer', kind: 'under-review', at: '2026-12-07T00:00:00.000Z' },
        { id: 'review-seller', to: 'seller', kind: 'under-review', at: '2026-12-07T00:00:00.000Z' },
      ],
      blocksOtherRefunds: true,
    });
  });

  it('a silent buyer: the buyer blocked by DEADLINE_PASSED, the seller by UNDER_REVIEW, the refusal lapsed', () => {
    const v = view([opened, disagreed], '2026-12-09T00:00:00Z');
    expect(v).toMatchObject({ status: 'under-review', underReviewSince: '2026-12-08T00:00:00.000Z', allowed: { buyer: [], seller: [], platform: ['rule'] } });
    expect(v.blocked).toEqual(reviewBlocks('buyer'));
    expect(v.timeRemainingMs).toEqual({ buyer: null, seller: null, platform: 8 * DAY });
    expect(v.offers.map((o) => [o.kind, o.fate])).toEqual([
      ['claim', 'superseded'],
      ['refusal', 'lapsed'],
    ]);
  });

  it('a silent buyer after a counter-offer: the counter-offer lapses and stays the offer on record', () => {
    const v = view([opened, countered], '2026-12-08T00:00:00Z');
    expect(v).toMatchObject({ status: 'under-review', offer: '8.00', underReviewSince: '2026-12-08T00:00:00.000Z' });
    expect(v.offers.map((o) => o.fate)).toEqual(['superseded', 'lapsed']);
  });

  it('an escalation by the buyer: both parties blocked by UNDER_REVIEW, the refusal escalated', () => {
    const v = view([opened, disagreed, { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'buyer' }], '2026-12-04T10:00:00Z');
    expect(v).toMatchObject({
      status: 'under-review',
      version: 3,
      underReviewSince: '2026-12-03T10:00:00.000Z',
      allowed: { buyer: [], seller: [], platform: ['rule'] },
    });
    expect(v.blocked).toEqual(reviewBlocks(null));
    expect(v.timeRemainingMs).toEqual({ buyer: null, seller: null, platform: 12 * DAY + 14 * HOUR });
    expect(v.offers.map((o) => [o.kind, o.fate])).toEqual([
      ['claim', 'superseded'],
      ['refusal', 'escalated'],
    ]);
  });

  it('an escalation by the seller on the seller turn: the claim is escalated, both parties blocked by UNDER_REVIEW', () => {
    const v = view([opened, { type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'seller' }], '2026-12-08T00:00:00Z');
    expect(v).toMatchObject({
      status: 'under-review',
      underReviewSince: '2026-12-02T10:00:00.000Z',
      deadlines: { seller: sellerDeadline, buyer: null, ruling },
    });
    expect(v.blocked).toEqual(reviewBlocks(null));
    expect(v.offers).toEqual([{ by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'escalated' }]);
  });

  it('an escalation is not silence: passing the party deadline afterwards changes nothing', () => {
    const v = view([opened, countered, { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'buyer' }], '2026-12-10T00:00:00Z');
    expect(v).toMatchObject({ status: 'under-review', underReviewSince: '2026-12-03T10:00:00.000Z', offer: '8.00' });
    expect(v.offers.map((o) => o.fate)).toEqual(['superseded', 'escalated']);
  });
});

describe('the view once closed', () => {
  const closedView = { allowed: nothingAllowed, blocked: closedBlocks, timeRemainingMs: noTime, overdue: false, blocksOtherRefunds: false };

  it('seller-agreed: resolved at the amount requested, the claim accepted', () => {
    expect(view([opened, { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }], '2026-12-03T00:00:00Z')).toEqual({
      status: 'resolved',
      version: 2,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: null,
      refundable: '49.00',
      refund: '12.00',
      outcome: 'seller-agreed',
      deadlines: { seller: sellerDeadline, buyer: null, ruling },
      negotiationEnds,
      underReviewSince: null,
      offers: [{ by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'accepted' }],
      evidence: photo,
      notices: told(openedNotice, ['e1', 'both', 'resolved', '2026-12-02T10:00:00.000Z']),
      ...closedView,
    });
  });

  it('buyer-accepted: resolved at the counter-offer, which is accepted', () => {
    const v = view([opened, countered, { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' }], '2026-12-04T00:00:00Z');
    expect(v).toEqual({
      status: 'resolved',
      version: 3,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: '8.00',
      refundable: '49.00',
      refund: '8.00',
      outcome: 'buyer-accepted',
      deadlines: { seller: sellerDeadline, buyer: buyerDeadline, ruling },
      underReviewSince: null,
      offers: [
        { by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'superseded' },
        { by: 'seller', kind: 'counter-offer', amount: '8.00', at: '2026-12-02T10:00:00.000Z', fate: 'accepted' },
      ],
      negotiationEnds,
      evidence: photo,
      notices: told(openedNotice, ['e1', 'buyer', 'offer-made', '2026-12-02T10:00:00.000Z'], ['e2', 'both', 'resolved', '2026-12-03T10:00:00.000Z']),
      ...closedView,
    });
  });

  it('buyer-accepted after a disagreement: resolved with a refund of 0.00, the refusal accepted', () => {
    const v = view([opened, disagreed, { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' }], '2026-12-04T00:00:00Z');
    expect(v).toMatchObject({ status: 'resolved', refund: '0.00', offer: null, outcome: 'buyer-accepted', ...closedView });
    expect(v.offers.map((o) => [o.kind, o.amount, o.fate])).toEqual([
      ['claim', '12.00', 'superseded'],
      ['refusal', '0.00', 'accepted'],
    ]);
  });

  it('cancelled: the claim withdrawn, no refund and no outcome', () => {
    expect(view([opened, { type: 'cancelled', at: '2026-12-02T10:00:00Z' }], '2026-12-20T00:00:00Z')).toEqual({
      status: 'cancelled',
      version: 2,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: null,
      refundable: '49.00',
      refund: null,
      outcome: null,
      deadlines: { seller: sellerDeadline, buyer: null, ruling },
      underReviewSince: null,
      offers: [{ by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'withdrawn' }],
      negotiationEnds,
      evidence: photo,
      notices: told(openedNotice, ['e1', 'both', 'cancelled', '2026-12-02T10:00:00.000Z']),
      ...closedView,
    });
  });

  it('ruled: the ruling is final and added to the offers; the time under review stays on record', () => {
    const events: DisputeEvent[] = [
      opened,
      disagreed,
      { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'buyer' },
      { type: 'ruled', at: '2026-12-05T10:00:00Z', amount: '6.50' },
    ];
    expect(view(events, '2027-01-10T00:00:00Z')).toEqual({
      status: 'resolved',
      version: 4,
      reason: 'DAMAGED',
      requested: '12.00',
      offer: null,
      refundable: '49.00',
      refund: '6.50',
      outcome: 'ruled',
      deadlines: { seller: sellerDeadline, buyer: buyerDeadline, ruling },
      underReviewSince: '2026-12-03T10:00:00.000Z',
      offers: [
        { by: 'buyer', kind: 'claim', amount: '12.00', at: '2026-12-01T10:00:00.000Z', fate: 'superseded' },
        { by: 'seller', kind: 'refusal', amount: '0.00', at: '2026-12-02T10:00:00.000Z', fate: 'escalated' },
        { by: 'platform', kind: 'ruling', amount: '6.50', at: '2026-12-05T10:00:00.000Z', fate: 'final' },
      ],
      negotiationEnds,
      evidence: photo,
      notices: told(
        openedNotice,
        ['e1', 'buyer', 'seller-responded', '2026-12-02T10:00:00.000Z'],
        ['e2', 'both', 'escalated', '2026-12-03T10:00:00.000Z'],
        ['e3', 'both', 'ruled', '2026-12-05T10:00:00.000Z'],
      ),
      ...closedView,
    });
  });

  it('ruled after the seller was silent: the lapsed claim stays lapsed next to the final ruling', () => {
    const v = view([opened, { type: 'ruled', at: '2026-12-08T00:00:00Z', amount: '12.00' }], '2026-12-09T00:00:00Z');
    expect(v).toMatchObject({ status: 'resolved', refund: '12.00', outcome: 'ruled', underReviewSince: '2026-12-07T00:00:00.000Z' });
    expect(v.offers.map((o) => [o.by, o.kind, o.fate])).toEqual([
      ['buyer', 'claim', 'lapsed'],
      ['platform', 'ruling', 'final'],
    ]);
  });

  it('the ruling may be the whole refundable amount of the current claim, not more', () => {
    const claimL2: DisputeEvent = { ...opened, amount: '5.00', lines: [{ id: 'L2', quantity: 1 }] };
    expect(view([claimL2, { type: 'ruled', at: '2026-12-08T00:00:00Z', amount: '18.00' }], '2026-12-09T00:00:00Z')).toMatchObject({
      status: 'resolved',
      refund: '18.00',
      refundable: '18.00',
    });
  });
});

describe('changing the claim', () => {
  const oneUnit: DisputeEvent = { ...opened, amount: '9.00', lines: [{ id: 'L1', quantity: 1 }], evidence: ['photo-1'] };

  it('keeps the previous lines when they are left out, so the new amount is capped by them', () => {
    const r = disputeView({ order, events: [oneUnit, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '8.50' }] }, '2026-12-03T00:00:00Z');
    expect(r).toMatchObject({ ok: true, value: { requested: '8.50', refundable: '9.00' } });
  });

  it('replaces the lines when a list is given, and checks the amount against the new cap', () => {
    const v = view(
      [oneUnit, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '18.00', lines: [{ id: 'L2', quantity: 1 }] }],
      '2026-12-03T00:00:00Z',
    );
    expect(v).toMatchObject({ requested: '18.00', refundable: '18.00' });
  });

  it('keeps the previous evidence when it is left out, and a list given replaces it', () => {
    // a DAMAGED claim keeps its photo: no EVIDENCE_REQUIRED on a change that leaves evidence out
    expect(view([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '11.00' }], '2026-12-03T00:00:00Z').requested).toBe('11.00');
    expect(
      view([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '11.00', evidence: ['photo-2'] }], '2026-12-03T00:00:00Z').requested,
    ).toBe('11.00');
    // an OTHER claim needs no evidence, so an empty list is fine
    const other: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '5.00', evidence: ['note-1'] };
    expect(view([other, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '4.00', evidence: [] }], '2026-12-03T00:00:00Z')).toMatchObject({
      reason: 'OTHER',
      requested: '4.00',
    });
  });

  it('a claim with lines is capped by their net value and by what remains of the payment, whichever is lower', () => {
    // 40.00 refunded already: 9.00 remains, below L2's 18.00 net
    const v = view([{ ...opened, amount: '9.00', lines: [{ id: 'L2', quantity: 1 }] }], '2026-12-02T00:00:00Z', { order: { ...order, refunded: '40.00' } });
    expect(v.refundable).toBe('9.00');
    // nothing refunded: the net value of the lines is the cap
    expect(view([{ ...opened, amount: '9.00', lines: [{ id: 'L2', quantity: 1 }] }], '2026-12-02T00:00:00Z').refundable).toBe('18.00');
  });

  it('claiming every unit of a line gives exactly its net', () => {
    expect(view([{ ...opened, amount: '1.00', lines: [{ id: 'L1', quantity: 3 }] }], '2026-12-02T00:00:00Z').refundable).toBe('27.00');
    expect(view([{ ...opened, amount: '1.00', lines: [{ id: 'L1', quantity: 2 }] }], '2026-12-02T00:00:00Z').refundable).toBe('18.00');
  });

  it("rounds each proportion on its own, with the order's rounding mode", () => {
    // 3 × 3.3367 = 10.0101 → a 10.01 net: 1 unit 10.01 / 3 = 3.3367 → 3.34; 2 units 6.6733 → 6.67; all three 10.01
    const odd: DisputeOrder = { ...order, quote: { currency: 'USD', lines: [{ id: 'X', itemType: 'Part', unitPrice: '3.3367', quantity: 3 }] } };
    const cap = (q: number, rounding?: 'half-even') =>
      view([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '0.01', lines: [{ id: 'X', quantity: q }] }], '2026-12-02T00:00:00Z', {
        order: { ...odd, quote: { ...odd.quote, ...(rounding ? { rounding } : {}) } },
      }).refundable;
    expect([cap(1), cap(2), cap(3)]).toEqual(['3.34', '6.67', '10.01']);
    // 2 units at 0.125, no coupon: a 0.25 line; one unit is 0.125 → 0.13 half-up, 0.12 half-even (its list value alike)
    const half: DisputeOrder = { ...order, quote: { currency: 'USD', lines: [{ id: 'X', itemType: 'Part', unitPrice: '0.125', quantity: 2 }] } };
    const one = (rounding: 'half-up' | 'half-even') =>
      view([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '0.01', lines: [{ id: 'X', quantity: 1 }] }], '2026-12-02T00:00:00Z', {
        order: { ...half, quote: { ...half.quote, rounding } },
      }).refundable;
    expect([one('half-up'), one('half-even')]).toEqual(['0.13', '0.12']);
  });
});

describe('events of every kind, with every field they may carry', () => {
  it('accepts each event type with all its own fields', () => {
    const full: DisputeEvent[] = [
      {
        type: 'opened',
        at: '2026-12-01T10:00:00Z',
        reason: 'MISSING_PARTS',
        amount: '9.00',
        lines: [{ id: 'L1', quantity: 1 }],
        evidence: ['photo-1'],
        description: 'one part missing',
      },
      { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z', note: 'all parts were packed' },
      { type: 'claim-changed', at: '2026-12-03T10:00:00Z', amount: '18.00', lines: [{ id: 'L1', quantity: 2 }], evidence: ['photo-1', 'photo-2'] },
      { type: 'seller-countered', at: '2026-12-04T10:00:00Z', amount: '9.00' },
      { type: 'escalated', at: '2026-12-05T10:00:00Z', by: 'buyer' },
      { type: 'ruled', at: '2026-12-06T10:00:00Z', amount: '18.00' },
    ];
    expect(view(full, '2026-12-07T00:00:00Z')).toMatchObject({
      status: 'resolved',
      version: 6,
      reason: 'MISSING_PARTS',
      refund: '18.00',
      refundable: '18.00',
      offer: '9.00',
    });
    expect(view([full[0] as DisputeEvent, { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }], '2026-12-03T00:00:00Z').refund).toBe('9.00');
    expect(view([full[0] as DisputeEvent, { type: 'cancelled', at: '2026-12-02T10:00:00Z' }], '2026-12-03T00:00:00Z').status).toBe('cancelled');
    expect(
      view(
        [
          full[0] as DisputeEvent,
          { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '4.00' },
          { type: 'buyer-accepted', at: '2026-12-03T10:00:00Z' },
        ],
        '2026-12-04T00:00:00Z',
      ).refund,
    ).toBe('4.00');
  });

  it('opens for every reason: NOT_RECEIVED and OTHER without evidence', () => {
    const unconfirmed = { order: { ...order, receiptConfirmedAt: null } };
    expect(view([{ type: 'opened', at: '2026-12-06T00:00:00Z', reason: 'NOT_RECEIVED', amount: '49.00' }], '2026-12-06T01:00:00Z', unconfirmed).reason).toBe(
      'NOT_RECEIVED',
    );
    expect(view([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '1.00' }], '2026-12-02T00:00:00Z').reason).toBe('OTHER');
    for (const reason of ['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS'] as const) {
      expect(view([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason, amount: '1.00', evidence: ['photo-1'] }], '2026-12-02T00:00:00Z').reason).toBe(reason);
    }
  });

  it('the seller may counter just below the claim', () => {
    expect(view([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '11.99' }], '2026-12-02T11:00:00Z').offer).toBe('11.99');
    expect(view([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '0.01' }], '2026-12-02T11:00:00Z').offer).toBe('0.01');
  });

  it('the buyer may open a claim for exactly what remains of the payment', () => {
    expect(view([{ ...opened, amount: '9.00' }], '2026-12-02T00:00:00Z', { order: { ...order, refunded: '40.00' } })).toMatchObject({
      requested: '9.00',
      refundable: '9.00',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { answerWireRequest, type Dispute, type DisputeEvent, disputeView, type RuleError, type RuleErrorCode } from '../../src/index.js';
import { err, errorsOf } from '../helpers.js';
import { order } from './fixtures.js'; // paid 49.00: see fixtures.ts

const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] };
const disagreed: DisputeEvent = { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' };
const escalated: DisputeEvent = { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'buyer' };
const unconfirmed: Partial<Dispute> = { order: { ...order, receiptConfirmedAt: null } };
const EVENT_TYPES =
  '"type" is one of opened, claim-changed, cancelled, seller-agreed, seller-countered, seller-disagreed, buyer-accepted, buyer-declined, escalated, ruled';

/** The errors of a dispute viewed at `at` (none when it is valid). */
function viewErrors(events: unknown, at: unknown = '2026-12-31T00:00:00Z', extra: Record<string, unknown> = {}): readonly RuleError[] {
  return errorsOf(disputeView({ order, events, ...extra } as unknown as Dispute, at as string));
}

describe('rules of the opening, with their messages', () => {
  it('WINDOW_CLOSED names the last day and the period', () => {
    expect(viewErrors([{ ...opened, at: '2026-12-14T00:00:00Z' }])).toEqual([
      err('WINDOW_CLOSED', 'events.0', 'the request window closed at the end of 2026-12-13 (15 days after receipt was confirmed)'),
    ]);
    expect(viewErrors([{ ...opened, at: '2026-12-04T00:00:00Z' }], undefined, { policy: { requestWindowDays: 3 } })).toEqual([
      err('WINDOW_CLOSED', 'events.0', 'the request window closed at the end of 2026-12-01 (3 days after receipt was confirmed)'),
    ]);
  });

  it('RECEIPT_CONFIRMED: a confirmed order cannot be claimed as not received', () => {
    expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'NOT_RECEIVED', amount: '1.00' }])).toEqual([
      err('RECEIPT_CONFIRMED', 'events.0.reason', 'the buyer has confirmed receipt: the order cannot be claimed as not received'),
    ]);
  });

  it('NOT_SHIPPED: before confirmation, only once shipped', () => {
    expect(viewErrors([{ ...opened, at: '2026-11-19T10:00:00Z' }], undefined, unconfirmed)).toEqual([
      err('NOT_SHIPPED', 'events.0', 'before receipt is confirmed, a dispute may be opened only once the order has shipped'),
    ]);
  });

  it('DELIVERY_NOT_DUE: not received only after the expected delivery date', () => {
    expect(viewErrors([{ type: 'opened', at: '2026-12-05T10:00:00Z', reason: 'NOT_RECEIVED', amount: '1.00' }], undefined, unconfirmed)).toEqual([
      err('DELIVERY_NOT_DUE', 'events.0.reason', 'an order may be claimed as not received only after its expected delivery date has passed'),
    ]);
  });

  it('EVIDENCE_REQUIRED names the reason, for a missing and for an empty list', () => {
    for (const reason of ['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS'] as const) {
      const expected = [err('EVIDENCE_REQUIRED', 'events.0.evidence', `a ${reason} claim needs at least one piece of evidence`)];
      expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason, amount: '5.00' }])).toEqual(expected);
      expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason, amount: '5.00', evidence: [] }])).toEqual(expected);
    }
    expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '5.00', evidence: [] }])).toEqual([]);
  });

  it('AMOUNT_NOT_POSITIVE and AMOUNT_EXCEEDS_REFUNDABLE, with the amounts', () => {
    expect(viewErrors([{ ...opened, amount: '0.00' }])).toEqual([err('AMOUNT_NOT_POSITIVE', 'events.0.amount', 'the amount must be above zero')]);
    expect(viewErrors([{ ...opened, amount: '49.01' }])).toEqual([
      err('AMOUNT_EXCEEDS_REFUNDABLE', 'events.0.amount', '49.01 is more than the 49.00 that may be refunded on this claim'),
    ]);
    expect(viewErrors([{ ...opened, amount: '9.01', lines: [{ id: 'L1', quantity: 1 }] }])).toEqual([
      err('AMOUNT_EXCEEDS_REFUNDABLE', 'events.0.amount', '9.01 is more than the 9.00 that may be refunded on this claim'),
    ]);
  });

  it('with everything refunded, nothing more may be claimed', () => {
    expect(viewErrors([{ ...opened, amount: '0.01' }], undefined, { order: { ...order, refunded: '49.00' } })).toEqual([
      err('AMOUNT_EXCEEDS_REFUNDABLE', 'events.0.amount', '0.01 is more than the 0.00 that may be refunded on this claim'),
    ]);
  });

  it('reports every broken rule of one opening together', () => {
    expect(viewErrors([{ type: 'opened', at: '2026-11-19T10:00:00Z', reason: 'NOT_RECEIVED', amount: '0.00' }], undefined, unconfirmed)).toEqual([
      err('NOT_SHIPPED', 'events.0', 'before receipt is confirmed, a dispute may be opened only once the order has shipped'),
      err('DELIVERY_NOT_DUE', 'events.0.reason', 'an order may be claimed as not received only after its expected delivery date has passed'),
      err('AMOUNT_NOT_POSITIVE', 'events.0.amount', 'the amount must be above zero'),
    ]);
  });

  it('a refused opening is not applied: the next events find no open dispute', () => {
    expect(
      viewErrors([
        { ...opened, amount: '0.00' },
        { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' },
      ]),
    ).toEqual([
      err('AMOUNT_NOT_POSITIVE', 'events.0.amount', 'the amount must be above zero'),
      err('NOT_OPENED', 'events.1', '"seller-agreed" before the dispute was opened: the first event is "opened"'),
    ]);
    expect(
      viewErrors([
        { ...opened, lines: [{ id: 'L9', quantity: 1 }] },
        { type: 'cancelled', at: '2026-12-02T10:00:00Z' },
      ]),
    ).toEqual([
      err('UNKNOWN_LINE', 'events.0.lines.0.id', 'the order has no line L9'),
      err('NOT_OPENED', 'events.1', '"cancelled" before the dispute was opened: the first event is "opened"'),
    ]);
  });
});

describe('claimed lines', () => {
  it('UNKNOWN_LINE, DUPLICATE_LINE and LINE_QUANTITY_EXCEEDED each name the line', () => {
    const lines = [
      { id: 'L1', quantity: 1 },
      { id: 'L1', quantity: 1 },
      { id: 'L9', quantity: 1 },
      { id: 'L2', quantity: 2 },
    ];
    expect(viewErrors([{ ...opened, lines }])).toEqual([
      err('DUPLICATE_LINE', 'events.0.lines.1.id', 'line L1 is claimed twice'),
      err('UNKNOWN_LINE', 'events.0.lines.2.id', 'the order has no line L9'),
      err('LINE_QUANTITY_EXCEEDED', 'events.0.lines.3.quantity', 'line L2 has 1 units, not 2'),
    ]);
  });

  it('a zero amount is reported with refused lines, on opening and on a changed claim', () => {
    const unknown = [{ id: 'L9', quantity: 1 }];
    expect(viewErrors([{ ...opened, amount: '0.00', lines: unknown }])).toEqual([
      err('UNKNOWN_LINE', 'events.0.lines.0.id', 'the order has no line L9'),
      err('AMOUNT_NOT_POSITIVE', 'events.0.amount', 'the amount must be above zero'),
    ]);
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '0', lines: unknown }])).toEqual([
      err('UNKNOWN_LINE', 'events.1.lines.0.id', 'the order has no line L9'),
      err('AMOUNT_NOT_POSITIVE', 'events.1.amount', 'the amount must be above zero'),
    ]);
  });

  it('a duplicated line is refused even when both quantities fit', () => {
    expect(
      viewErrors([
        {
          ...opened,
          amount: '1.00',
          lines: [
            { id: 'L2', quantity: 1 },
            { id: 'L2', quantity: 1 },
          ],
        },
      ]),
    ).toEqual([err('DUPLICATE_LINE', 'events.0.lines.1.id', 'line L2 is claimed twice')]);
  });

  it('a claim with a duplicated line has no cap: its amount is not judged against the units counted twice', () => {
    // counted twice, 2 + 2 units of L1 would be 36.00; the claim is refused for the duplicate alone
    const lines = [
      { id: 'L1', quantity: 2 },
      { id: 'L1', quantity: 2 },
    ];
    expect(viewErrors([{ ...opened, amount: '40.00', lines }])).toEqual([err('DUPLICATE_LINE', 'events.0.lines.1.id', 'line L1 is claimed twice')]);
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '40.00', lines }])).toEqual([
      err('DUPLICATE_LINE', 'events.1.lines.1.id', 'line L1 is claimed twice'),
    ]);
  });

  it('a line may be claimed up to its own quantity', () => {
    expect(viewErrors([{ ...opened, amount: '27.00', lines: [{ id: 'L1', quantity: 3 }] }])).toEqual([]);
    expect(viewErrors([{ ...opened, amount: '1.00', lines: [{ id: 'L1', quantity: 4 }] }])).toEqual([
      err('LINE_QUANTITY_EXCEEDED', 'events.0.lines.0.quantity', 'line L1 has 3 units, not 4'),
    ]);
  });

  it('the same line rules hold for a changed claim, at its own path', () => {
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '1.00', lines: [{ id: 'L3', quantity: 1 }] }])).toEqual([
      err('UNKNOWN_LINE', 'events.1.lines.0.id', 'the order has no line L3'),
    ]);
  });

  it('EMPTY_LINES, INVALID_QUANTITY and malformed line entries', () => {
    expect(viewErrors([{ ...opened, lines: [] }])).toEqual([err('EMPTY_LINES', 'events.0.lines', 'a claim that names lines names at least one')]);
    expect(viewErrors([{ ...opened, lines: [{ id: 'L1', quantity: 0 }] }])).toEqual([
      err('INVALID_QUANTITY', 'events.0.lines.0.quantity', 'a quantity must be an integer from 1 to 1000000000 (a JSON number), got number 0'),
    ]);
    expect(viewErrors([{ ...opened, lines: [{ id: 'L1', quantity: 1_000_000_001 }] }])).toEqual([
      err('INVALID_QUANTITY', 'events.0.lines.0.quantity', 'a quantity must be an integer from 1 to 1000000000 (a JSON number), got number 1000000001'),
    ]);
    expect(viewErrors([{ ...opened, lines: [{ id: 'L1', quantity: 1_000_000_000 }] }])).toEqual([
      err('LINE_QUANTITY_EXCEEDED', 'events.0.lines.0.quantity', 'line L1 has 3 units, not 1000000000'),
    ]);
    expect(viewErrors([{ ...opened, lines: [{ id: '', quantity: 1 }, 5, { id: 'L1', quantity: 1, price: '1.00' }, { quantity: 1 }, { id: 'L2' }] }])).toEqual([
      err('EMPTY_STRING', 'events.0.lines.0.id', 'must not be empty'),
      err('INVALID_TYPE', 'events.0.lines.1', 'expected an object, got number 5'),
      err('UNKNOWN_FIELD', 'events.0.lines.2.price', 'unknown field "price"'),
      err('REQUIRED', 'events.0.lines.3.id', '"id" is required'),
      err('REQUIRED', 'events.0.lines.4.quantity', '"quantity" is required'),
    ]);
    expect(viewErrors([{ ...opened, lines: 'L1' }])).toEqual([err('INVALID_TYPE', 'events.0.lines', 'expected an array, got the string "L1"')]);
  });

  it('evidence is a list of non-empty strings', () => {
    expect(viewErrors([{ ...opened, evidence: ['photo-1', '', 7] }])).toEqual([
      err('EMPTY_STRING', 'events.0.evidence.1', 'must not be empty'),
      err('INVALID_TYPE', 'events.0.evidence.2', 'expected a string, got number 7'),
    ]);
    expect(viewErrors([{ ...opened, evidence: 'photo-1' }])).toEqual([err('INVALID_TYPE', 'events.0.evidence', 'expected an array, got the string "photo-1"')]);
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '1.00', evidence: [''] }])).toEqual([
      err('EMPTY_STRING', 'events.1.evidence.0', 'must not be empty'),
    ]);
  });
});

describe('rules of the responses, with their messages', () => {
  it('a counter-offer of zero is AMOUNT_NOT_POSITIVE: to offer nothing, disagree', () => {
    expect(viewErrors([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '0.00' }])).toEqual([
      err('AMOUNT_NOT_POSITIVE', 'events.1.amount', 'a counter-offer is above zero (to offer nothing, disagree)'),
    ]);
  });

  it('a counter-offer of the whole claim or more is OFFER_NOT_BELOW_CLAIM: to give it all, agree', () => {
    const expected = [err('OFFER_NOT_BELOW_CLAIM', 'events.1.amount', 'a counter-offer is below the amount requested (to give it all, agree)')];
    expect(viewErrors([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '12.00' }])).toEqual(expected);
    expect(viewErrors([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '12.01' }])).toEqual(expected);
  });

  it('a changed claim is checked for evidence and amount, and a refused change leaves the claim as it was', () => {
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '50.00', evidence: [] }])).toEqual([
      err('EVIDENCE_REQUIRED', 'events.1.evidence', 'a DAMAGED claim needs at least one piece of evidence'),
      err('AMOUNT_EXCEEDS_REFUNDABLE', 'events.1.amount', '50.00 is more than the 49.00 that may be refunded on this claim'),
    ]);
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '0.00' }])).toEqual([
      err('AMOUNT_NOT_POSITIVE', 'events.1.amount', 'the amount must be above zero'),
    ]);
    // the refused change kept 12.00 as the claim: a counter-offer of 11.00 is still below it
    expect(
      viewErrors([
        opened,
        { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '5.00', evidence: [] },
        { type: 'seller-countered', at: '2026-12-02T11:00:00Z', amount: '11.00' },
      ]),
    ).toEqual([err('EVIDENCE_REQUIRED', 'events.1.evidence', 'a DAMAGED claim needs at least one piece of evidence')]);
    // a refused change does not restart the seller clock
    expect(
      viewErrors([opened, { type: 'claim-changed', at: '2026-12-06T10:00:00Z', amount: '0.00' }, { type: 'seller-agreed', at: '2026-12-07T00:00:00Z' }]),
    ).toEqual([
      err('AMOUNT_NOT_POSITIVE', 'events.1.amount', 'the amount must be above zero'),
      err('DEADLINE_PASSED', 'events.2', '"seller-agreed" at 2026-12-07T00:00:00.000Z is not allowed now (deadline passed)'),
    ]);
  });

  it('a refused counter-offer leaves the turn with the seller', () => {
    expect(
      viewErrors([opened, { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '12.00' }, { type: 'seller-agreed', at: '2026-12-02T11:00:00Z' }]),
    ).toEqual([err('OFFER_NOT_BELOW_CLAIM', 'events.1.amount', 'a counter-offer is below the amount requested (to give it all, agree)')]);
  });

  it('a ruling above the refundable amount of the current claim is refused, and not applied', () => {
    const claimL2: DisputeEvent = { ...opened, amount: '5.00', lines: [{ id: 'L2', quantity: 1 }] };
    expect(
      viewErrors([
        claimL2,
        disagreed,
        escalated,
        { type: 'ruled', at: '2026-12-04T00:00:00Z', amount: '18.01' },
        { type: 'ruled', at: '2026-12-04T01:00:00Z', amount: '18.00' },
      ]),
    ).toEqual([err('AMOUNT_EXCEEDS_REFUNDABLE', 'events.3.amount', '18.01 is more than the 18.00 that may be refunded on this claim')]);
  });
});

describe('turn blocks: code, path and message', () => {
  const at = (iso: string) => new Date(iso).toISOString();
  const blocked = (code: RuleErrorCode, i: number, type: string, when: string, words: string) =>
    err(code, `events.${String(i)}`, `"${type}" at ${at(when)} is not allowed now (${words})`);

  it('WRONG_TURN for the seller on the buyer turn and for the buyer on the seller turn', () => {
    expect(viewErrors([opened, disagreed, { type: 'seller-countered', at: '2026-12-03T10:00:00Z', amount: '5.00' }])).toEqual([
      blocked('WRONG_TURN', 2, 'seller-countered', '2026-12-03T10:00:00Z', 'wrong turn'),
    ]);
    expect(viewErrors([opened, { type: 'buyer-accepted', at: '2026-12-02T10:00:00Z' }])).toEqual([
      blocked('WRONG_TURN', 1, 'buyer-accepted', '2026-12-02T10:00:00Z', 'wrong turn'),
    ]);
    expect(viewErrors([opened, { type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'buyer' }])).toEqual([
      blocked('WRONG_TURN', 1, 'escalated', '2026-12-02T10:00:00Z', 'wrong turn'),
    ]);
    expect(viewErrors([opened, disagreed, { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'seller' }])).toEqual([
      blocked('WRONG_TURN', 2, 'escalated', '2026-12-03T10:00:00Z', 'wrong turn'),
    ]);
    expect(viewErrors([opened, disagreed, { type: 'seller-agreed', at: '2026-12-03T10:00:00Z' }])).toEqual([
      blocked('WRONG_TURN', 2, 'seller-agreed', '2026-12-03T10:00:00Z', 'wrong turn'),
    ]);
    expect(viewErrors([opened, disagreed, { type: 'seller-disagreed', at: '2026-12-03T10:00:00Z' }])).toEqual([
      blocked('WRONG_TURN', 2, 'seller-disagreed', '2026-12-03T10:00:00Z', 'wrong turn'),
    ]);
  });

  it('SELLER_ALREADY_RESPONDED for a cancel after any seller response, also after a changed claim', () => {
    expect(viewErrors([opened, disagreed, { type: 'cancelled', at: '2026-12-03T10:00:00Z' }])).toEqual([
      blocked('SELLER_ALREADY_RESPONDED', 2, 'cancelled', '2026-12-03T10:00:00Z', 'seller already responded'),
    ]);
    const changed: DisputeEvent = { type: 'claim-changed', at: '2026-12-03T10:00:00Z', amount: '10.00' };
    expect(
      viewErrors([
        opened,
        { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' },
        changed,
        { type: 'cancelled', at: '2026-12-03T11:00:00Z' },
      ]),
    ).toEqual([blocked('SELLER_ALREADY_RESPONDED', 3, 'cancelled', '2026-12-03T11:00:00Z', 'seller already responded')]);
  });

  it('the buyer may cancel after changing the claim while the seller has not responded', () => {
    expect(
      viewErrors([opened, { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '10.00' }, { type: 'cancelled', at: '2026-12-02T11:00:00Z' }]),
    ).toEqual([]);
  });

  it('DEADLINE_PASSED for the silent party, UNDER_REVIEW for the other and after an escalation', () => {
    expect(viewErrors([opened, { type: 'seller-disagreed', at: '2026-12-07T00:00:00Z' }])).toEqual([
      blocked('DEADLINE_PASSED', 1, 'seller-disagreed', '2026-12-07T00:00:00Z', 'deadline passed'),
    ]);
    expect(viewErrors([opened, { type: 'claim-changed', at: '2026-12-07T00:00:00Z', amount: '1.00' }])).toEqual([
      blocked('UNDER_REVIEW', 1, 'claim-changed', '2026-12-07T00:00:00Z', 'under review'),
    ]);
    expect(viewErrors([opened, disagreed, { type: 'buyer-accepted', at: '2026-12-08T00:00:00Z' }])).toEqual([
      blocked('DEADLINE_PASSED', 2, 'buyer-accepted', '2026-12-08T00:00:00Z', 'deadline passed'),
    ]);
    expect(viewErrors([opened, disagreed, { type: 'seller-agreed', at: '2026-12-08T00:00:00Z' }])).toEqual([
      blocked('UNDER_REVIEW', 2, 'seller-agreed', '2026-12-08T00:00:00Z', 'under review'),
    ]);
    expect(viewErrors([opened, disagreed, escalated, { type: 'buyer-accepted', at: '2026-12-04T00:00:00Z' }])).toEqual([
      blocked('UNDER_REVIEW', 3, 'buyer-accepted', '2026-12-04T00:00:00Z', 'under review'),
    ]);
    expect(viewErrors([opened, disagreed, escalated, { type: 'escalated', at: '2026-12-04T00:00:00Z', by: 'seller' }])).toEqual([
      blocked('UNDER_REVIEW', 3, 'escalated', '2026-12-04T00:00:00Z', 'under review'),
    ]);
    expect(
      viewErrors([opened, { type: 'escalated', at: '2026-12-02T00:00:00Z', by: 'seller' }, { type: 'seller-agreed', at: '2026-12-03T00:00:00Z' }]),
    ).toEqual([blocked('UNDER_REVIEW', 2, 'seller-agreed', '2026-12-03T00:00:00Z', 'under review')]);
  });

  it('NOT_UNDER_REVIEW for a ruling on either party turn', () => {
    expect(viewErrors([opened, { type: 'ruled', at: '2026-12-02T00:00:00Z', amount: '1.00' }])).toEqual([
      blocked('NOT_UNDER_REVIEW', 1, 'ruled', '2026-12-02T00:00:00Z', 'not under review'),
    ]);
    expect(viewErrors([opened, disagreed, { type: 'ruled', at: '2026-12-03T00:00:00Z', amount: '1.00' }])).toEqual([
      blocked('NOT_UNDER_REVIEW', 2, 'ruled', '2026-12-03T00:00:00Z', 'not under review'),
    ]);
  });

  it('DISPUTE_CLOSED after resolved and cancelled, for every party', () => {
    const agreed: DisputeEvent = { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' };
    expect(viewErrors([opened, agreed, { type: 'ruled', at: '2026-12-03T00:00:00Z', amount: '1.00' }])).toEqual([
      blocked('DISPUTE_CLOSED', 2, 'ruled', '2026-12-03T00:00:00Z', 'dispute closed'),
    ]);
    expect(viewErrors([opened, agreed, { type: 'escalated', at: '2026-12-03T00:00:00Z', by: 'buyer' }])).toEqual([
      blocked('DISPUTE_CLOSED', 2, 'escalated', '2026-12-03T00:00:00Z', 'dispute closed'),
    ]);
    const ruled: DisputeEvent[] = [opened, disagreed, escalated, { type: 'ruled', at: '2026-12-04T00:00:00Z', amount: '1.00' }];
    expect(viewErrors([...ruled, { type: 'ruled', at: '2026-12-05T00:00:00Z', amount: '2.00' }])).toEqual([
      blocked('DISPUTE_CLOSED', 4, 'ruled', '2026-12-05T00:00:00Z', 'dispute closed'),
    ]);
    expect(viewErrors([opened, { type: 'cancelled', at: '2026-12-02T00:00:00Z' }, { type: 'cancelled', at: '2026-12-03T00:00:00Z' }])).toEqual([
      blocked('DISPUTE_CLOSED', 2, 'cancelled', '2026-12-03T00:00:00Z', 'dispute closed'),
    ]);
  });

  it('reports every refused event and applies the allowed ones between them', () => {
    expect(
      viewErrors([
        opened,
        { type: 'buyer-accepted', at: '2026-12-02T09:00:00Z' },
        disagreed,
        { type: 'seller-agreed', at: '2026-12-02T11:00:00Z' },
        { type: 'buyer-accepted', at: '2026-12-02T12:00:00Z' },
      ]),
    ).toEqual([
      blocked('WRONG_TURN', 1, 'buyer-accepted', '2026-12-02T09:00:00Z', 'wrong turn'),
      blocked('WRONG_TURN', 3, 'seller-agreed', '2026-12-02T11:00:00Z', 'wrong turn'),
    ]);
  });
});

describe('the event list as a whole', () => {
  it('NOT_OPENED for an empty list, and for a first event that is not an opening', () => {
    expect(viewErrors([])).toEqual([err('NOT_OPENED', 'events', 'a dispute starts with an "opened" event')]);
    expect(viewErrors([{ type: 'cancelled', at: '2026-12-01T10:00:00Z' }])).toEqual([
      err('NOT_OPENED', 'events.0', '"cancelled" before the dispute was opened: the first event is "opened"'),
    ]);
  });

  it('NOT_OPENED at "at" when the dispute was opened only after the instant asked', () => {
    expect(viewErrors([opened], '2026-12-01T09:59:59.999Z')).toEqual([err('NOT_OPENED', 'at', 'the dispute was not open yet at this instant')]);
  });

  it('ALREADY_OPENED for a second opening', () => {
    expect(viewErrors([opened, { ...opened, at: '2026-12-02T00:00:00Z' }])).toEqual([err('ALREADY_OPENED', 'events.1', 'the dispute is already open')]);
  });

  it('EVENTS_OUT_OF_ORDER names the event type; each later event is compared with the last event in order', () => {
    expect(viewErrors([opened, { type: 'seller-agreed', at: '2026-12-01T09:59:59.999Z' }])).toEqual([
      err('EVENTS_OUT_OF_ORDER', 'events.1', 'this "seller-agreed" event is earlier than the event before it'),
    ]);
    expect(viewErrors([opened, { type: 'seller-disagreed', at: '2026-12-01T09:00:00Z' }, { type: 'seller-agreed', at: '2026-12-01T09:30:00Z' }])).toEqual([
      err('EVENTS_OUT_OF_ORDER', 'events.1', 'this "seller-disagreed" event is earlier than the event before it'),
      err('EVENTS_OUT_OF_ORDER', 'events.2', 'this "seller-agreed" event is earlier than the event before it'),
    ]);
    // an opening out of order is reported as out of order, not as a second opening
    expect(viewErrors([opened, { ...opened, at: '2026-12-01T09:00:00Z' }])).toEqual([
      err('EVENTS_OUT_OF_ORDER', 'events.1', 'this "opened" event is earlier than the event before it'),
    ]);
  });

  it('a missing or unknown event type, with the list of types', () => {
    expect(
      viewErrors([
        { at: '2026-12-01T10:00:00Z' },
        { type: 'refunded', at: '2026-12-01T10:00:00Z' },
        { type: 7 },
        null,
        'opened',
        { type: 'toString' },
        undefined,
      ]),
    ).toEqual([
      err('REQUIRED', 'events.0.type', EVENT_TYPES),
      err('INVALID_EVENT_TYPE', 'events.1.type', EVENT_TYPES),
      err('INVALID_EVENT_TYPE', 'events.2.type', EVENT_TYPES),
      err('REQUIRED', 'events.3.type', EVENT_TYPES),
      err('REQUIRED', 'events.4.type', EVENT_TYPES),
      err('INVALID_EVENT_TYPE', 'events.5.type', EVENT_TYPES),
      err('REQUIRED', 'events.6.type', EVENT_TYPES),
    ]);
  });

  it('an event type is a string, and an event is an object, not a list', () => {
    expect(viewErrors([opened, { type: ['cancelled'], at: '2026-12-02T10:00:00Z' }])).toEqual([err('INVALID_EVENT_TYPE', 'events.1.type', EVENT_TYPES)]);
    const listWithType = Object.assign([], { type: 'cancelled', at: '2026-12-02T10:00:00Z' });
    expect(viewErrors([opened, listWithType])).toEqual([err('INVALID_TYPE', 'events.1', 'expected an object, got an array')]);
  });

  it('only an own "type" names the event', () => {
    const inherited = Object.create({ type: 'cancelled' }) as object;
    Object.assign(inherited, { at: '2026-12-02T10:00:00Z' });
    expect(viewErrors([opened, inherited])).toEqual([err('REQUIRED', 'events.1.type', EVENT_TYPES)]);
  });

  it('unknown fields of each event type', () => {
    expect(
      viewErrors([
        { ...opened, note: 'x' },
        { type: 'cancelled', at: '2026-12-02T10:00:00Z', amount: '1.00' },
        { type: 'seller-agreed', at: '2026-12-02T10:00:00Z', note: 'ok' },
        { type: 'buyer-accepted', at: '2026-12-02T10:00:00Z', by: 'buyer' },
        { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '1.00', lines: [] },
        { type: 'claim-changed', at: '2026-12-02T10:00:00Z', amount: '1.00', reason: 'OTHER' },
        { type: 'ruled', at: '2026-12-02T10:00:00Z', amount: '1.00', by: 'platform' },
        { type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'buyer', amount: '1.00' },
        { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z', amount: '0.00' },
      ]),
    ).toEqual([
      err('UNKNOWN_FIELD', 'events.0.note', 'unknown field "note"'),
      err('UNKNOWN_FIELD', 'events.1.amount', 'unknown field "amount"'),
      err('UNKNOWN_FIELD', 'events.2.note', 'unknown field "note"'),
      err('UNKNOWN_FIELD', 'events.3.by', 'unknown field "by"'),
      err('UNKNOWN_FIELD', 'events.4.lines', 'unknown field "lines"'),
      err('UNKNOWN_FIELD', 'events.5.reason', 'unknown field "reason"'),
      err('UNKNOWN_FIELD', 'events.6.by', 'unknown field "by"'),
      err('UNKNOWN_FIELD', 'events.7.amount', 'unknown field "amount"'),
      err('UNKNOWN_FIELD', 'events.8.amount', 'unknown field "amount"'),
    ]);
  });

  it('missing fields: only REQUIRED, no second complaint about the same value', () => {
    expect(
      viewErrors([
        { type: 'opened', at: '2026-12-01T10:00:00Z' },
        { type: 'seller-countered', at: '2026-12-02T10:00:00Z' },
        { type: 'escalated', at: '2026-12-02T10:00:00Z' },
        { type: 'claim-changed', at: '2026-12-02T10:00:00Z' },
        { type: 'ruled', at: '2026-12-02T10:00:00Z' },
      ]),
    ).toEqual([
      err('REQUIRED', 'events.0.reason', '"reason" is required'),
      err('REQUIRED', 'events.0.amount', '"amount" is required'),
      err('REQUIRED', 'events.1.amount', '"amount" is required'),
      err('REQUIRED', 'events.2.by', '"by" is required'),
      err('REQUIRED', 'events.3.amount', '"amount" is required'),
      err('REQUIRED', 'events.4.amount', '"amount" is required'),
    ]);
  });

  it('a missing instant, reported once', () => {
    expect(viewErrors([opened, { type: 'seller-agreed' }])).toEqual([err('REQUIRED', 'events.1.at', '"at" is required')]);
  });

  it('invalid values: reason, by, note, description, instant and amount', () => {
    expect(
      viewErrors([
        { ...opened, reason: 'BROKEN', description: 5 },
        { type: 'escalated', at: '2026-12-02T10:00:00Z', by: 'platform' },
        { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z', note: false },
        { type: 'seller-agreed', at: '2026-12-02 10:00' },
        { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '1.001' },
      ]),
    ).toEqual([
      err('INVALID_ENUM', 'events.0.reason', '"reason" is one of NOT_AS_DESCRIBED, DAMAGED, MISSING_PARTS, NOT_RECEIVED, LATE_DELIVERY, OTHER'),
      err('INVALID_TYPE', 'events.0.description', 'expected a string, got number 5'),
      err('INVALID_ENUM', 'events.1.by', '"by" is "buyer" or "seller"'),
      err('INVALID_TYPE', 'events.2.note', 'expected a string, got boolean false'),
      err('INVALID_INSTANT', 'events.3.at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-02 10:00"'),
      err('TOO_MANY_DECIMALS', 'events.4.amount', 'USD amounts have at most 2 decimals, got 3'),
    ]);
  });

  it('with an unreadable order, event amounts are still checked for shape, against the widest currency', () => {
    const badQuote = { order: { ...order, quote: { ...order.quote, currency: 'XXX' } } };
    expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '1.000000000001' }], undefined, badQuote)).toEqual([
      err('UNKNOWN_CURRENCY', 'order.quote.currency', '"XXX" is not an active ISO 4217 currency code'),
    ]);
    expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '1.0000000000001' }], undefined, badQuote)).toEqual([
      err('UNKNOWN_CURRENCY', 'order.quote.currency', '"XXX" is not an active ISO 4217 currency code'),
      err('TOO_MANY_DECIMALS', 'events.0.amount', 'the order currency amounts have at most 12 decimals, got 13'),
    ]);
  });

  it('events that are not a list, and a missing list', () => {
    expect(viewErrors({ 0: opened })).toEqual([err('INVALID_TYPE', 'events', 'expected an array, got an object')]);
    const r = disputeView({ order } as unknown as Dispute, '2026-12-02T00:00:00Z');
    expect(r).toEqual({ ok: false, errors: [err('REQUIRED', 'events', '"events" is required')] });
  });
});

describe('the order and the instant', () => {
  it('REFUNDED_EXCEEDS_PAID names both amounts; refunding exactly what was paid is allowed', () => {
    expect(viewErrors([opened], undefined, { order: { ...order, refunded: '49.01' } })).toEqual([
      err('REFUNDED_EXCEEDS_PAID', 'order.refunded', '49.01 was refunded, more than the 49.00 paid'),
    ]);
    expect(viewErrors([{ ...opened, amount: '0.01' }], undefined, { order: { ...order, refunded: '49.00' } }).map((e) => e.code)).toEqual([
      'AMOUNT_EXCEEDS_REFUNDABLE',
    ]);
  });

  it('an unreadable refunded amount, delivery facts and unknown order fields', () => {
    expect(
      viewErrors([opened], undefined, {
        order: { ...order, refunded: '1.001', shippedAt: 'soon', receiptConfirmedAt: 5, expectedDeliveryBy: '2026-12-32', paidAt: 'x' },
      }),
    ).toEqual([
      err('UNKNOWN_FIELD', 'order.paidAt', 'unknown field "paidAt"'),
      err('TOO_MANY_DECIMALS', 'order.refunded', 'USD amounts have at most 2 decimals, got 3'),
      err('INVALID_INSTANT', 'order.shippedAt', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "soon"'),
      err('INVALID_INSTANT', 'order.receiptConfirmedAt', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got number 5'),
      err('INVALID_DATE', 'order.expectedDeliveryBy', 'expected a calendar date "YYYY-MM-DD", got the string "2026-12-32"'),
    ]);
  });

  it('event amounts are checked against the order currency even when another order field is refused', () => {
    expect(viewErrors([{ ...opened, amount: '1.001' }], undefined, { order: { ...order, shippedAt: 'soon' } })).toEqual([
      err('INVALID_INSTANT', 'order.shippedAt', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "soon"'),
      err('TOO_MANY_DECIMALS', 'events.0.amount', 'USD amounts have at most 2 decimals, got 3'),
    ]);
    // Without a readable quote there is no currency: amounts are read as plain decimals.
    expect(viewErrors([{ ...opened, amount: '1.001' }], undefined, { order: { ...order, quote: { ...order.quote, currency: 'XYZ' } } })).toEqual([
      err('UNKNOWN_CURRENCY', 'order.quote.currency', '"XYZ" is not an active ISO 4217 currency code'),
    ]);
  });

  it('an order with only its quote is readable: absent and null delivery facts are unknown', () => {
    expect(
      viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '1.00' }], undefined, { order: { quote: order.quote } }).map(
        (e) => e.code,
      ),
    ).toEqual(['NOT_SHIPPED']);
    const nulls = { order: { quote: order.quote, refunded: '0.00', shippedAt: '2026-11-20T09:00:00Z', receiptConfirmedAt: null, expectedDeliveryBy: null } };
    expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '1.00' }], undefined, nulls)).toEqual([]);
    const allNull = { order: { quote: order.quote, shippedAt: null, receiptConfirmedAt: null, expectedDeliveryBy: null } };
    expect(viewErrors([{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'OTHER', amount: '1.00' }], undefined, allNull).map((e) => e.code)).toEqual([
      'NOT_SHIPPED',
    ]);
  });

  it('quote errors are reported under order.quote, and a refunded amount is not judged without a currency', () => {
    expect(viewErrors([opened], undefined, { order: { ...order, quote: { ...order.quote, currency: 'XXX' }, refunded: 'lots' } })).toEqual([
      err('UNKNOWN_CURRENCY', 'order.quote.currency', '"XXX" is not an active ISO 4217 currency code'),
    ]);
    expect(viewErrors([opened], undefined, { order: { ...order, quote: { ...order.quote, lines: [] } } })).toEqual([
      err('EMPTY_LINES', 'order.quote.lines', 'an order has at least one line'),
    ]);
  });

  it('the quote of the TypeScript API carries no "op"', () => {
    expect(viewErrors([opened], undefined, { order: { ...order, quote: { op: 'quote', ...order.quote } } })).toEqual([
      err('UNKNOWN_FIELD', 'order.quote.op', 'unknown field "op"'),
    ]);
  });

  it('an order without a quote: only the quote is reported missing', () => {
    const { quote: _quote, ...noQuote } = order;
    expect(viewErrors([opened], undefined, { order: noQuote })).toEqual([err('REQUIRED', 'order.quote', '"quote" is required')]);
    expect(answerWireRequest({ op: 'dispute-state', order: noQuote, events: [opened], at: '2026-12-02T00:00:00Z' })).toEqual({
      ok: false,
      errors: [err('REQUIRED', 'order.quote', '"quote" is required')],
    });
  });

  it('an order that is missing or not an object', () => {
    expect(disputeView({ events: [opened] } as unknown as Dispute, '2026-12-02T00:00:00Z')).toEqual({
      ok: false,
      errors: [err('REQUIRED', 'order', '"order" is required')],
    });
    expect(viewErrors([opened], undefined, { order: 'order-1' })).toEqual([err('INVALID_TYPE', 'order', 'expected an object, got the string "order-1"')]);
  });

  it('the instant asked: required, and an instant with an offset', () => {
    expect(disputeView({ order, events: [opened] }, undefined as unknown as string)).toEqual({
      ok: false,
      errors: [err('REQUIRED', 'at', '"at" is required')],
    });
    expect(viewErrors([opened], '2026-12-02T00:00:00')).toEqual([
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-02T00:00:00"'),
    ]);
  });

  it('with an unreadable instant the events are not judged', () => {
    const late: DisputeEvent[] = [opened, { type: 'seller-agreed', at: '2026-12-08T00:00:00Z' }];
    expect(viewErrors(late, 'tomorrow').map((e) => `${e.code}@${e.path}`)).toEqual(['INVALID_INSTANT@at']);
  });

  it('a dispute that is not an object, or has unknown fields', () => {
    expect(disputeView(null as unknown as Dispute, '2026-12-02T00:00:00Z')).toEqual({
      ok: false,
      errors: [err('INVALID_TYPE', '', 'expected an object, got null')],
    });
    expect(viewErrors([opened], '2026-12-02T00:00:00Z', { status: 'open' })).toEqual([err('UNKNOWN_FIELD', 'status', 'unknown field "status"')]);
  });

  it('a malformed dispute is not folded: its events are not judged', () => {
    expect(viewErrors([], '2026-12-02T00:00:00Z', { status: 'open' })).toEqual([err('UNKNOWN_FIELD', 'status', 'unknown field "status"')]);
    expect(viewErrors([opened, { type: 'seller-agreed', at: '2026-12-08T00:00:00Z' }], '2026-12-09T00:00:00Z', { id: 'D-1' }).map((e) => e.code)).toEqual([
      'UNKNOWN_FIELD',
    ]);
  });

  it('an invalid policy is reported with the rest', () => {
    expect(viewErrors([opened], '2026-12-02T00:00:00Z', { policy: { sellerResponseDays: -1 } }).map((e) => `${e.code}@${e.path}`)).toEqual([
      'INVALID_POLICY@policy.sellerResponseDays',
    ]);
  });
});

describe('the wire form of the order', () => {
  const wire = (quote: unknown) => answerWireRequest({ op: 'dispute-state', order: { ...order, quote }, events: [opened], at: '2026-12-02T00:00:00Z' });

  it('the order quote is a whole quote request with "op": "quote"', () => {
    expect(wire({ op: 'quote', ...order.quote })).toMatchObject({ ok: true, result: { status: 'awaiting-seller', refundable: '49.00' } });
    expect(wire(order.quote)).toEqual({ ok: false, errors: [err('REQUIRED', 'order.quote.op', 'the order quote is a whole quote request: "op": "quote"')] });
    expect(wire({ op: 'quotes', ...order.quote })).toEqual({
      ok: false,
      errors: [err('UNKNOWN_OP', 'order.quote.op', 'the order quote is a quote request: "op" is "quote"')],
    });
  });

  it('an inherited "op" does not count', () => {
    const quote = Object.assign(Object.create({ op: 'quote' }) as object, order.quote);
    expect(wire(quote)).toEqual({ ok: false, errors: [err('REQUIRED', 'order.quote.op', 'the order quote is a whole quote request: "op": "quote"')] });
  });

  it('a quote that is not an object is refused as such, without asking for its "op"', () => {
    for (const quote of [null, ['quote'], 'quote']) {
      const a = wire(quote);
      expect(a.ok).toBe(false);
      expect(a.ok ? [] : a.errors.map((e) => e.code)).toEqual(['INVALID_TYPE']);
    }
  });
});

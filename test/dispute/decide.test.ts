import { describe, expect, it } from 'vitest';
import { decideDispute, type Dispute, type DisputeCommand, type DisputeEvent, type RuleError } from '../../src/index.js';
import { codePathsOf, err, errorsOf } from '../helpers.js';
import { order } from './fixtures.js';

const opened: DisputeEvent = { type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] };
const countered: DisputeEvent = { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '8.00' };
const disagreed: DisputeEvent = { type: 'seller-disagreed', at: '2026-12-02T10:00:00Z' };
const escalatedByBuyer: DisputeEvent = { type: 'escalated', at: '2026-12-03T10:00:00Z', by: 'buyer' };

const awaitingSeller: Dispute = { order, events: [opened] };
const awaitingBuyer: Dispute = { order, events: [opened, countered] };
const underReview: Dispute = { order, events: [opened, disagreed, escalatedByBuyer] };

const AT = '2026-12-04T10:00:00Z';
const cmd = (c: Record<string, unknown>): DisputeCommand => c as unknown as DisputeCommand;
const added = (events: DisputeEvent[]) => ({ ok: true, value: { events } });
const refused = (...errors: RuleError[]) => ({ ok: false, errors });

describe('decideDispute: a command adds exactly the event it names', () => {
  it('opens a dispute with the reason, amount, lines, evidence and description given', () => {
    const c = cmd({
      type: 'open',
      actor: 'buyer',
      at: AT,
      expectedVersion: 0,
      reason: 'DAMAGED',
      amount: '9.00',
      lines: [{ id: 'L1', quantity: 1 }],
      evidence: ['photo-1'],
      description: 'cracked',
    });
    expect(decideDispute({ order, events: [] }, c)).toStrictEqual(
      added([{ type: 'opened', at: AT, reason: 'DAMAGED', amount: '9.00', lines: [{ id: 'L1', quantity: 1 }], evidence: ['photo-1'], description: 'cracked' }]),
    );
  });

  it('leaves out of the opened event the lines, evidence and description the buyer did not give', () => {
    const c = cmd({ type: 'open', actor: 'buyer', at: AT, expectedVersion: 0, reason: 'OTHER', amount: '5.00' });
    expect(decideDispute({ order, events: [] }, c)).toStrictEqual(added([{ type: 'opened', at: AT, reason: 'OTHER', amount: '5.00' }]));
  });

  it('keeps an empty description: only a missing one is left out', () => {
    const c = cmd({ type: 'open', actor: 'buyer', at: AT, expectedVersion: 0, reason: 'OTHER', amount: '5.00', description: '' });
    expect(decideDispute({ order, events: [] }, c)).toStrictEqual(added([{ type: 'opened', at: AT, reason: 'OTHER', amount: '5.00', description: '' }]));
  });

  it('changes the claim with new lines and evidence, and without them when none are given', () => {
    const withLists = cmd({
      type: 'change-claim',
      actor: 'buyer',
      at: AT,
      expectedVersion: 1,
      amount: '18.00',
      lines: [{ id: 'L1', quantity: 2 }],
      evidence: ['photo-2'],
    });
    expect(decideDispute(awaitingSeller, withLists)).toStrictEqual(
      added([{ type: 'claim-changed', at: AT, amount: '18.00', lines: [{ id: 'L1', quantity: 2 }], evidence: ['photo-2'] }]),
    );
    const amountOnly = cmd({ type: 'change-claim', actor: 'buyer', at: AT, expectedVersion: 1, amount: '10.00' });
    expect(decideDispute(awaitingSeller, amountOnly)).toStrictEqual(added([{ type: 'claim-changed', at: AT, amount: '10.00' }]));
  });

  it('cancels while the seller has not responded', () => {
    expect(decideDispute(awaitingSeller, cmd({ type: 'cancel', actor: 'buyer', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'cancelled', at: AT }]),
    );
  });

  it('records the seller agreeing, countering and disagreeing (with or without a note)', () => {
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'seller-agreed', at: AT }]),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 1, amount: '11.99' }))).toStrictEqual(
      added([{ type: 'seller-countered', at: AT, amount: '11.99' }]),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'disagree', actor: 'seller', at: AT, expectedVersion: 1, note: 'no damage visible' }))).toStrictEqual(
      added([{ type: 'seller-disagreed', at: AT, note: 'no damage visible' }]),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'disagree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'seller-disagreed', at: AT }]),
    );
  });

  it('records the buyer accepting an offer on the buyer turn', () => {
    expect(decideDispute(awaitingBuyer, cmd({ type: 'accept', actor: 'buyer', at: AT, expectedVersion: 2 }))).toStrictEqual(
      added([{ type: 'buyer-accepted', at: AT }]),
    );
  });

  it('records who escalates: the buyer on the buyer turn, the seller on the seller turn', () => {
    expect(decideDispute(awaitingBuyer, cmd({ type: 'escalate', actor: 'buyer', at: AT, expectedVersion: 2 }))).toStrictEqual(
      added([{ type: 'escalated', at: AT, by: 'buyer' }]),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'escalate', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'escalated', at: AT, by: 'seller' }]),
    );
  });

  it('records the platform ruling under review, zero included', () => {
    expect(decideDispute(underReview, cmd({ type: 'rule', actor: 'platform', at: AT, expectedVersion: 3, amount: '6.00' }))).toStrictEqual(
      added([{ type: 'ruled', at: AT, amount: '6.00' }]),
    );
    expect(decideDispute(underReview, cmd({ type: 'rule', actor: 'platform', at: AT, expectedVersion: 3, amount: '0.00' }))).toStrictEqual(
      added([{ type: 'ruled', at: AT, amount: '0.00' }]),
    );
  });

  it('accepts the instant as a Date and keeps it in the event', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'seller-agreed', at }]),
    );
  });
});

describe('decideDispute: who may issue a command', () => {
  const wrong = (type: string, actor: string) => err('WRONG_ACTOR', 'command.actor', `"${type}" is not the ${actor}'s to do`);
  const cases: [Dispute, string, 'buyer' | 'seller' | 'platform', Record<string, unknown>][] = [
    [{ order, events: [] }, 'open', 'buyer', { reason: 'OTHER', amount: '5.00' }],
    [awaitingSeller, 'change-claim', 'buyer', { amount: '10.00' }],
    [awaitingSeller, 'cancel', 'buyer', {}],
    [awaitingBuyer, 'accept', 'buyer', {}],
    [awaitingSeller, 'agree', 'seller', {}],
    [awaitingSeller, 'counter', 'seller', { amount: '8.00' }],
    [awaitingSeller, 'disagree', 'seller', {}],
    [underReview, 'rule', 'platform', { amount: '1.00' }],
  ];
  for (const [dispute, type, owner, extra] of cases) {
    it(`lets only the ${owner} ${type}`, () => {
      const base = { type, at: AT, expectedVersion: dispute.events.length, ...extra };
      expect(decideDispute(dispute, cmd({ ...base, actor: owner })).ok).toBe(true);
      for (const other of (['buyer', 'seller', 'platform'] as const).filter((p) => p !== owner)) {
        expect(decideDispute(dispute, cmd({ ...base, actor: other }))).toStrictEqual(refused(wrong(type, other)));
      }
    });
  }

  it('lets the buyer and the seller escalate, never the platform', () => {
    expect(decideDispute(awaitingBuyer, cmd({ type: 'escalate', actor: 'platform', at: AT, expectedVersion: 2 }))).toStrictEqual(
      refused(wrong('escalate', 'platform')),
    );
  });

  it('refuses an escalation out of turn as WRONG_TURN, not as a wrong actor', () => {
    const message = (at: string) => `"escalated" at ${at} is not allowed now (wrong turn)`;
    expect(decideDispute(awaitingSeller, cmd({ type: 'escalate', actor: 'buyer', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused(err('WRONG_TURN', 'command', message('2026-12-04T10:00:00.000Z'))),
    );
    expect(decideDispute(awaitingBuyer, cmd({ type: 'escalate', actor: 'seller', at: AT, expectedVersion: 2 }))).toStrictEqual(
      refused(err('WRONG_TURN', 'command', message('2026-12-04T10:00:00.000Z'))),
    );
  });

  it('refuses an unknown actor once, whatever the command', () => {
    const unknownActor = err('WRONG_ACTOR', 'command.actor', 'the actor is "buyer", "seller" or "platform"');
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'admin', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownActor));
    expect(decideDispute(awaitingSeller, cmd({ type: 'escalate', actor: 'support', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownActor));
    expect(decideDispute(awaitingSeller, cmd({ type: 'escalate', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownActor));
  });

  it('refuses an unknown command type, including names inherited by every object', () => {
    const unknownType = (got: string) => err('INVALID_COMMAND', 'command.type', `unknown command type, got ${got}`);
    for (const type of ['refund', 'toString', '__proto__', 'constructor']) {
      expect(decideDispute(awaitingSeller, cmd({ type, actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
        refused(unknownType(`the string "${type}"`)),
      );
    }
    expect(decideDispute(awaitingSeller, cmd({ type: 'refund', actor: 'admin', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused(err('WRONG_ACTOR', 'command.actor', 'the actor is "buyer", "seller" or "platform"'), unknownType('the string "refund"')),
    );
  });

  it('never throws on a command made of objects without a prototype: each field is reported', () => {
    const bare = Object.create(null) as unknown;
    expect(decideDispute(awaitingSeller, cmd({ type: bare, actor: bare, at: bare, expectedVersion: bare }))).toStrictEqual(
      refused(
        err('INVALID_INSTANT', 'command.at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got an object'),
        err('WRONG_ACTOR', 'command.actor', 'the actor is "buyer", "seller" or "platform"'),
        err('INVALID_TYPE', 'command.expectedVersion', 'expectedVersion is the number of events the command was decided on, got an object'),
        err('INVALID_COMMAND', 'command.type', 'unknown command type, got an object'),
      ),
    );
  });
});

describe('decideDispute: a command is decided on the current version', () => {
  const stale = (expected: string, events: number) =>
    err('STALE_VERSION', 'command.expectedVersion', `the command was decided on version ${expected}, but the dispute has ${String(events)} events`);
  const badVersion = (got: string) =>
    err('INVALID_TYPE', 'command.expectedVersion', `expectedVersion is the number of events the command was decided on, got ${got}`);

  it('refuses a command decided on an older or a newer version than the dispute', () => {
    expect(decideDispute(awaitingBuyer, cmd({ type: 'cancel', actor: 'buyer', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(stale('1', 2)));
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 2 }))).toStrictEqual(refused(stale('2', 1)));
  });

  it('accepts version 0 for the opening of a dispute with no events', () => {
    expect(decideDispute({ order, events: [] }, cmd({ type: 'open', actor: 'buyer', at: AT, expectedVersion: 0, reason: 'OTHER', amount: '5.00' })).ok).toBe(
      true,
    );
  });

  it('refuses a version that is not a whole number of events (malformed, so not also stale)', () => {
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: -1 }))).toStrictEqual(refused(badVersion('number -1')));
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 0.5 }))).toStrictEqual(
      refused(badVersion('number 0.5')),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: '1' }))).toStrictEqual(
      refused(badVersion('the string "1"')),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT }))).toStrictEqual(refused(badVersion('undefined')));
  });

  it('does not check the rules of a stale command: it is not applied at all', () => {
    // 20.00 is not below the claim, but the stale version is the only problem reported.
    expect(decideDispute(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 0, amount: '20.00' }))).toStrictEqual(
      refused(stale('0', 1)),
    );
  });
});

describe('decideDispute: input that is not a dispute or not a command', () => {
  const noEvents = err('INVALID_TYPE', 'events', 'a dispute has a list of events');
  const notACommand = err('INVALID_TYPE', 'command', 'a command is an object');
  const agree = cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 });

  it('refuses a dispute without a list of events', () => {
    for (const dispute of [null, undefined, 'dispute', { order }, { order, events: 'opened' }, { order, events: { 0: opened } }]) {
      expect(decideDispute(dispute as unknown as Dispute, agree)).toStrictEqual(refused(noEvents));
    }
  });

  it('refuses a command that is not an object', () => {
    for (const c of [null, undefined, 'agree', 1]) {
      expect(decideDispute(awaitingSeller, c as unknown as DisputeCommand)).toStrictEqual(refused(notACommand));
    }
  });

  it('reports both when neither is usable', () => {
    expect(decideDispute(null as unknown as Dispute, null as unknown as DisputeCommand)).toStrictEqual(refused(noEvents, notACommand));
  });

  it('refuses an instant without an offset at command.at', () => {
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: '2026-12-04T10:00:00', expectedVersion: 1 }))).toStrictEqual(
      refused(
        err(
          'INVALID_INSTANT',
          'command.at',
          'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-04T10:00:00"',
        ),
      ),
    );
  });

  it('reports every problem of the command envelope at once', () => {
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'buyer', at: 'tomorrow', expectedVersion: 0 })).ok).toBe(false);
    const r = decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'buyer', at: 'tomorrow', expectedVersion: 0 }));
    expect(codePathsOf(r)).toEqual(['INVALID_INSTANT@command.at', 'WRONG_ACTOR@command.actor', 'STALE_VERSION@command.expectedVersion']);
  });
});

describe('decideDispute: a broken rule is reported at the command', () => {
  it('reports the rule of the new event at command and its fields at command.<field>', () => {
    expect(decideDispute(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 1, amount: '12.00' }))).toStrictEqual(
      refused(err('OFFER_NOT_BELOW_CLAIM', 'command.amount', 'a counter-offer is below the amount requested (to give it all, agree)')),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: '2026-12-07T00:00:00Z', expectedVersion: 1 }))).toStrictEqual(
      refused(err('DEADLINE_PASSED', 'command', '"seller-agreed" at 2026-12-07T00:00:00.000Z is not allowed now (deadline passed)')),
    );
    expect(decideDispute(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: '2026-12-06T23:59:59.999Z', expectedVersion: 1 })).ok).toBe(true);
  });

  it('reports a command earlier than the last event as EVENTS_OUT_OF_ORDER at command', () => {
    expect(decideDispute(awaitingBuyer, cmd({ type: 'accept', actor: 'buyer', at: '2026-12-02T09:59:59.999Z', expectedVersion: 2 }))).toStrictEqual(
      refused(err('EVENTS_OUT_OF_ORDER', 'command', 'this "buyer-accepted" event is earlier than the event before it')),
    );
    expect(decideDispute(awaitingBuyer, cmd({ type: 'accept', actor: 'buyer', at: '2026-12-02T10:00:00Z', expectedVersion: 2 })).ok).toBe(true);
  });

  it('reports the claimed lines of a new claim at command.lines', () => {
    const c = cmd({
      type: 'change-claim',
      actor: 'buyer',
      at: AT,
      expectedVersion: 1,
      amount: '9.00',
      lines: [
        { id: 'L9', quantity: 1 },
        { id: 'L1', quantity: 4 },
      ],
    });
    expect(decideDispute(awaitingSeller, c)).toStrictEqual(
      refused(
        err('UNKNOWN_LINE', 'command.lines.0.id', 'the order has no line L9'),
        err('LINE_QUANTITY_EXCEEDED', 'command.lines.1.quantity', 'line L1 has 3 units, not 4'),
      ),
    );
  });

  it('reports an amount that is not money at command.amount, without deciding further', () => {
    const r = decideDispute(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 1, amount: 'eight' }));
    expect(r.ok).toBe(false);
    expect(errorsOf(r).map((e) => e.path)).toEqual(['command.amount']);
  });

  it('leaves the problems of the existing events and of the policy at their own paths', () => {
    // The opening asked for more than was paid: the dispute never opened, so the new event is NOT_OPENED.
    const broken: Dispute = { order, events: [{ ...opened, amount: '60.00' }] };
    expect(decideDispute(broken, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused(
        err('AMOUNT_EXCEEDS_REFUNDABLE', 'events.0.amount', '60.00 is more than the 49.00 that may be refunded on this claim'),
        err('NOT_OPENED', 'command', '"seller-agreed" before the dispute was opened: the first event is "opened"'),
      ),
    );
    const badPolicy: Dispute = { ...awaitingSeller, policy: { sellerResponseDays: 3651 } };
    expect(decideDispute(badPolicy, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused(err('INVALID_POLICY', 'policy.sellerResponseDays', 'sellerResponseDays must be an integer from 0 to 3650 (a JSON number), got number 3651')),
    );
  });

  it('applies the policy of the dispute to the command', () => {
    const short: Dispute = { ...awaitingSeller, policy: { sellerResponseDays: 1 } };
    // Opened 1 December: with one day, the seller answers in time until the end of 2 December.
    expect(decideDispute(short, cmd({ type: 'agree', actor: 'seller', at: '2026-12-02T23:59:59.999Z', expectedVersion: 1 })).ok).toBe(true);
    expect(decideDispute(short, cmd({ type: 'agree', actor: 'seller', at: '2026-12-03T00:00:00Z', expectedVersion: 1 }))).toMatchObject({
      ok: false,
      errors: [{ code: 'DEADLINE_PASSED', path: 'command' }],
    });
  });
});

describe('decideDispute: actors and disputes that are not what they claim', () => {
  it('refuses an unknown actor and a malformed dispute with structured errors', () => {
    const dispute = {
      order: { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] }, shippedAt: '2026-11-20T09:00:00Z' },
      events: [{ type: 'opened' as const, at: '2026-12-01T10:00:00Z', reason: 'OTHER' as const, amount: '10.00' }],
    };
    expect(decideDispute(dispute, { type: 'escalate', actor: 'admin' as never, at: '2026-12-02T10:00:00Z', expectedVersion: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: 'WRONG_ACTOR' }],
    });
    expect(decideDispute({ order: dispute.order } as never, { type: 'agree', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 0 })).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_TYPE', path: 'events' }],
    });
    expect(decideDispute(dispute, null as never)).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TYPE', path: 'command' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { decide, type Dispute, type DisputeCommand, type DisputeEvent } from '../../src/index.js';
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
const refused = (...errors: { code: string; path: string; message: string }[]) => ({ ok: false, errors });

describe('decide: a command adds exactly the event it names', () => {
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
    expect(decide({ order, events: [] }, c)).toStrictEqual(
      added([{ type: 'opened', at: AT, reason: 'DAMAGED', amount: '9.00', lines: [{ id: 'L1', quantity: 1 }], evidence: ['photo-1'], description: 'cracked' }]),
    );
  });

  it('leaves out of the opened event the lines, evidence and description the buyer did not give', () => {
    const c = cmd({ type: 'open', actor: 'buyer', at: AT, expectedVersion: 0, reason: 'OTHER', amount: '5.00' });
    expect(decide({ order, events: [] }, c)).toStrictEqual(added([{ type: 'opened', at: AT, reason: 'OTHER', amount: '5.00' }]));
  });

  it('keeps an empty description: only a missing one is left out', () => {
    const c = cmd({ type: 'open', actor: 'buyer', at: AT, expectedVersion: 0, reason: 'OTHER', amount: '5.00', description: '' });
    expect(decide({ order, events: [] }, c)).toStrictEqual(added([{ type: 'opened', at: AT, reason: 'OTHER', amount: '5.00', description: '' }]));
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
    expect(decide(awaitingSeller, withLists)).toStrictEqual(
      added([{ type: 'claim-changed', at: AT, amount: '18.00', lines: [{ id: 'L1', quantity: 2 }], evidence: ['photo-2'] }]),
    );
    const amountOnly = cmd({ type: 'change-claim', actor: 'buyer', at: AT, expectedVersion: 1, amount: '10.00' });
    expect(decide(awaitingSeller, amountOnly)).toStrictEqual(added([{ type: 'claim-changed', at: AT, amount: '10.00' }]));
  });

  it('cancels while the seller has not responded', () => {
    expect(decide(awaitingSeller, cmd({ type: 'cancel', actor: 'buyer', at: AT, expectedVersion: 1 }))).toStrictEqual(added([{ type: 'cancelled', at: AT }]));
  });

  it('records the seller agreeing, countering and disagreeing (with or without a note)', () => {
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'seller-agreed', at: AT }]),
    );
    expect(decide(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 1, amount: '11.99' }))).toStrictEqual(
      added([{ type: 'seller-countered', at: AT, amount: '11.99' }]),
    );
    expect(decide(awaitingSeller, cmd({ type: 'disagree', actor: 'seller', at: AT, expectedVersion: 1, note: 'no damage visible' }))).toStrictEqual(
      added([{ type: 'seller-disagreed', at: AT, note: 'no damage visible' }]),
    );
    expect(decide(awaitingSeller, cmd({ type: 'disagree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'seller-disagreed', at: AT }]),
    );
  });

  it('records the buyer accepting an offer on the buyer turn', () => {
    expect(decide(awaitingBuyer, cmd({ type: 'accept', actor: 'buyer', at: AT, expectedVersion: 2 }))).toStrictEqual(
      added([{ type: 'buyer-accepted', at: AT }]),
    );
  });

  it('records who escalates: the buyer on the buyer turn, the seller on the seller turn', () => {
    expect(decide(awaitingBuyer, cmd({ type: 'escalate', actor: 'buyer', at: AT, expectedVersion: 2 }))).toStrictEqual(
      added([{ type: 'escalated', at: AT, by: 'buyer' }]),
    );
    expect(decide(awaitingSeller, cmd({ type: 'escalate', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      added([{ type: 'escalated', at: AT, by: 'seller' }]),
    );
  });

  it('records the platform ruling under review, zero included', () => {
    expect(decide(underReview, cmd({ type: 'rule', actor: 'platform', at: AT, expectedVersion: 3, amount: '6.00' }))).toStrictEqual(
      added([{ type: 'ruled', at: AT, amount: '6.00' }]),
    );
    expect(decide(underReview, cmd({ type: 'rule', actor: 'platform', at: AT, expectedVersion: 3, amount: '0.00' }))).toStrictEqual(
      added([{ type: 'ruled', at: AT, amount: '0.00' }]),
    );
  });

  it('accepts the instant as a Date and keeps it in the event', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at, expectedVersion: 1 }))).toStrictEqual(added([{ type: 'seller-agreed', at }]));
  });
});

describe('decide: who may issue a command', () => {
  const wrong = (type: string, actor: string) => ({ code: 'WRONG_ACTOR', path: 'command.actor', message: `"${type}" is not the ${actor}'s to do` });
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
      expect(decide(dispute, cmd({ ...base, actor: owner })).ok).toBe(true);
      for (const other of (['buyer', 'seller', 'platform'] as const).filter((p) => p !== owner)) {
        expect(decide(dispute, cmd({ ...base, actor: other }))).toStrictEqual(refused(wrong(type, other)));
      }
    });
  }

  it('lets the buyer and the seller escalate, never the platform', () => {
    expect(decide(awaitingBuyer, cmd({ type: 'escalate', actor: 'platform', at: AT, expectedVersion: 2 }))).toStrictEqual(
      refused(wrong('escalate', 'platform')),
    );
  });

  it('refuses an escalation out of turn as WRONG_TURN, not as a wrong actor', () => {
    const message = (at: string) => `"escalated" at ${at} is not allowed now (wrong turn)`;
    expect(decide(awaitingSeller, cmd({ type: 'escalate', actor: 'buyer', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused({ code: 'WRONG_TURN', path: 'command', message: message('2026-12-04T10:00:00.000Z') }),
    );
    expect(decide(awaitingBuyer, cmd({ type: 'escalate', actor: 'seller', at: AT, expectedVersion: 2 }))).toStrictEqual(
      refused({ code: 'WRONG_TURN', path: 'command', message: message('2026-12-04T10:00:00.000Z') }),
    );
  });

  it('refuses an unknown actor once, whatever the command', () => {
    const unknownActor = { code: 'WRONG_ACTOR', path: 'command.actor', message: 'the actor is "buyer", "seller" or "platform"' };
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'admin', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownActor));
    expect(decide(awaitingSeller, cmd({ type: 'escalate', actor: 'support', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownActor));
    expect(decide(awaitingSeller, cmd({ type: 'escalate', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownActor));
  });

  it('refuses an unknown command type, including names inherited by every object', () => {
    const unknownType = (got: string) => ({ code: 'INVALID_COMMAND', path: 'command.type', message: `unknown command type, got ${got}` });
    for (const type of ['refund', 'toString', '__proto__', 'constructor']) {
      expect(decide(awaitingSeller, cmd({ type, actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(unknownType(`the string "${type}"`)));
    }
    expect(decide(awaitingSeller, cmd({ type: 'refund', actor: 'admin', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused({ code: 'WRONG_ACTOR', path: 'command.actor', message: 'the actor is "buyer", "seller" or "platform"' }, unknownType('the string "refund"')),
    );
  });

  it('never throws on a command made of objects without a prototype: each field is reported', () => {
    const bare = Object.create(null) as unknown;
    expect(decide(awaitingSeller, cmd({ type: bare, actor: bare, at: bare, expectedVersion: bare }))).toStrictEqual(
      refused(
        { code: 'INVALID_INSTANT', path: 'command.at', message: 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got an object' },
        { code: 'WRONG_ACTOR', path: 'command.actor', message: 'the actor is "buyer", "seller" or "platform"' },
        { code: 'INVALID_TYPE', path: 'command.expectedVersion', message: 'expectedVersion is the number of events the command was decided on, got an object' },
        { code: 'INVALID_COMMAND', path: 'command.type', message: 'unknown command type, got an object' },
      ),
    );
  });
});

describe('decide: a command is decided on the current version', () => {
  const stale = (expected: string, events: number) => ({
    code: 'STALE_VERSION',
    path: 'command.expectedVersion',
    message: `the command was decided on version ${expected}, but the dispute has ${String(events)} events`,
  });
  const badVersion = (got: string) => ({
    code: 'INVALID_TYPE',
    path: 'command.expectedVersion',
    message: `expectedVersion is the number of events the command was decided on, got ${got}`,
  });

  it('refuses a command decided on an older or a newer version than the dispute', () => {
    expect(decide(awaitingBuyer, cmd({ type: 'cancel', actor: 'buyer', at: AT, expectedVersion: 1 }))).toStrictEqual(refused(stale('1', 2)));
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 2 }))).toStrictEqual(refused(stale('2', 1)));
  });

  it('accepts version 0 for the opening of a dispute with no events', () => {
    expect(decide({ order, events: [] }, cmd({ type: 'open', actor: 'buyer', at: AT, expectedVersion: 0, reason: 'OTHER', amount: '5.00' })).ok).toBe(true);
  });

  it('refuses a version that is not a whole number of events (malformed, so not also stale)', () => {
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: -1 }))).toStrictEqual(refused(badVersion('number -1')));
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 0.5 }))).toStrictEqual(refused(badVersion('number 0.5')));
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: '1' }))).toStrictEqual(refused(badVersion('the string "1"')));
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: AT }))).toStrictEqual(refused(badVersion('undefined')));
  });

  it('does not check the rules of a stale command: it is not applied at all', () => {
    // 20.00 is not below the claim, but the stale version is the only problem reported.
    expect(decide(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 0, amount: '20.00' }))).toStrictEqual(
      refused(stale('0', 1)),
    );
  });
});

describe('decide: input that is not a dispute or not a command', () => {
  const noEvents = { code: 'INVALID_TYPE', path: 'events', message: 'a dispute has a list of events' };
  const notACommand = { code: 'INVALID_TYPE', path: 'command', message: 'a command is an object' };
  const agree = cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 });

  it('refuses a dispute without a list of events', () => {
    for (const dispute of [null, undefined, 'dispute', { order }, { order, events: 'opened' }, { order, events: { 0: opened } }]) {
      expect(decide(dispute as unknown as Dispute, agree)).toStrictEqual(refused(noEvents));
    }
  });

  it('refuses a command that is not an object', () => {
    for (const c of [null, undefined, 'agree', 1]) {
      expect(decide(awaitingSeller, c as unknown as DisputeCommand)).toStrictEqual(refused(notACommand));
    }
  });

  it('reports both when neither is usable', () => {
    expect(decide(null as unknown as Dispute, null as unknown as DisputeCommand)).toStrictEqual(refused(noEvents, notACommand));
  });

  it('refuses an instant without an offset at command.at', () => {
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: '2026-12-04T10:00:00', expectedVersion: 1 }))).toStrictEqual(
      refused({
        code: 'INVALID_INSTANT',
        path: 'command.at',
        message: 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-04T10:00:00"',
      }),
    );
  });

  it('reports every problem of the command envelope at once', () => {
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'buyer', at: 'tomorrow', expectedVersion: 0 })).ok).toBe(false);
    const r = decide(awaitingSeller, cmd({ type: 'agree', actor: 'buyer', at: 'tomorrow', expectedVersion: 0 }));
    expect(r.ok ? [] : r.errors.map((e) => `${e.code}@${e.path}`)).toEqual([
      'INVALID_INSTANT@command.at',
      'WRONG_ACTOR@command.actor',
      'STALE_VERSION@command.expectedVersion',
    ]);
  });
});

describe('decide: a broken rule is reported at the command', () => {
  it('reports the rule of the new event at command and its fields at command.<field>', () => {
    expect(decide(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 1, amount: '12.00' }))).toStrictEqual(
      refused({ code: 'OFFER_NOT_BELOW_CLAIM', path: 'command.amount', message: 'a counter-offer is below the amount requested (to give it all, agree)' }),
    );
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: '2026-12-07T00:00:00Z', expectedVersion: 1 }))).toStrictEqual(
      refused({ code: 'DEADLINE_PASSED', path: 'command', message: '"seller-agreed" at 2026-12-07T00:00:00.000Z is not allowed now (deadline passed)' }),
    );
    expect(decide(awaitingSeller, cmd({ type: 'agree', actor: 'seller', at: '2026-12-06T23:59:59.999Z', expectedVersion: 1 })).ok).toBe(true);
  });

  it('reports a command earlier than the last event as EVENTS_OUT_OF_ORDER at command', () => {
    expect(decide(awaitingBuyer, cmd({ type: 'accept', actor: 'buyer', at: '2026-12-02T09:59:59.999Z', expectedVersion: 2 }))).toStrictEqual(
      refused({ code: 'EVENTS_OUT_OF_ORDER', path: 'command', message: 'this "buyer-accepted" event is earlier than the event before it' }),
    );
    expect(decide(awaitingBuyer, cmd({ type: 'accept', actor: 'buyer', at: '2026-12-02T10:00:00Z', expectedVersion: 2 })).ok).toBe(true);
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
    expect(decide(awaitingSeller, c)).toStrictEqual(
      refused(
        { code: 'UNKNOWN_LINE', path: 'command.lines.0.id', message: 'the order has no line L9' },
        { code: 'LINE_QUANTITY_EXCEEDED', path: 'command.lines.1.quantity', message: 'line L1 has 3 units, not 4' },
      ),
    );
  });

  it('reports an amount that is not money at command.amount, without deciding further', () => {
    const r = decide(awaitingSeller, cmd({ type: 'counter', actor: 'seller', at: AT, expectedVersion: 1, amount: 'eight' }));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['command.amount']);
  });

  it('leaves the problems of the existing events and of the policy at their own paths', () => {
    // The opening asked for more than was paid: the dispute never opened, so the new event is NOT_OPENED.
    const broken: Dispute = { order, events: [{ ...opened, amount: '60.00' }] };
    expect(decide(broken, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused(
        { code: 'AMOUNT_EXCEEDS_REFUNDABLE', path: 'events.0.amount', message: '60.00 is more than the 49.00 that may be refunded on this claim' },
        { code: 'NOT_OPENED', path: 'command', message: '"seller-agreed" before the dispute was opened: the first event is "opened"' },
      ),
    );
    const badPolicy: Dispute = { ...awaitingSeller, policy: { sellerResponseDays: 3651 } };
    expect(decide(badPolicy, cmd({ type: 'agree', actor: 'seller', at: AT, expectedVersion: 1 }))).toStrictEqual(
      refused({
        code: 'INVALID_POLICY',
        path: 'policy.sellerResponseDays',
        message: 'sellerResponseDays must be an integer from 0 to 3650 (a JSON number), got number 3651',
      }),
    );
  });

  it('applies the policy of the dispute to the command', () => {
    const short: Dispute = { ...awaitingSeller, policy: { sellerResponseDays: 1 } };
    // Opened 1 December: with one day, the seller answers in time until the end of 2 December.
    expect(decide(short, cmd({ type: 'agree', actor: 'seller', at: '2026-12-02T23:59:59.999Z', expectedVersion: 1 })).ok).toBe(true);
    expect(decide(short, cmd({ type: 'agree', actor: 'seller', at: '2026-12-03T00:00:00Z', expectedVersion: 1 }))).toMatchObject({
      ok: false,
      errors: [{ code: 'DEADLINE_PASSED', path: 'command' }],
    });
  });
});

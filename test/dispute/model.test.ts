import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDispute, type DisputeCommand, type DisputeEvent, type DisputeOrder, disputeView } from '../../src/index.js';
import { unwrap } from '../helpers.js';

const order: DisputeOrder = {
  quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 }], coupon: { type: 'fixed', amount: '1.00' } },
  shippedAt: '2026-11-20T09:00:00Z',
  receiptConfirmedAt: '2026-11-28T18:00:00Z',
};
const PAID = 2900n; // 30.00 − 1.00, in cents
const HOUR = 3_600_000;
const cents = (s: string) => BigInt(s.replace('.', ''));
const money = (c: number) => `${String(Math.floor(c / 100))}.${String(c % 100).padStart(2, '0')}`;

interface Model {
  now: number;
  closed: boolean;
  /** The notice ids of the last view: every later view lists them first, in the same order. */
  told: readonly string[];
}
interface Real {
  events: DisputeEvent[];
}

type Kind = DisputeCommand['type'];
class Act implements fc.Command<Model, Real> {
  constructor(
    readonly kind: Kind,
    readonly chosen: 'buyer' | 'seller' | 'platform' | 'usual',
    readonly amount: number,
    readonly stale: boolean,
  ) {}
  get actor(): 'buyer' | 'seller' | 'platform' {
    if (this.chosen !== 'usual') return this.chosen;
    return this.kind === 'agree' || this.kind === 'counter' || this.kind === 'disagree' ? 'seller' : this.kind === 'rule' ? 'platform' : 'buyer';
  }
  check = () => true;
  run(m: Model, real: Real): void {
    const base = { actor: this.actor, at: new Date(m.now).toISOString(), expectedVersion: real.events.length - (this.stale ? 1 : 0) };
    const amount = money(this.amount);
    const cmd = (
      this.kind === 'open'
        ? { ...base, type: 'open', reason: 'OTHER', amount }
        : this.kind === 'change-claim' || this.kind === 'rule'
          ? { ...base, type: this.kind, amount }
          : this.kind === 'counter'
            ? { ...base, type: this.kind, amount, evidence: ['chat-1'] }
            : { ...base, type: this.kind }
    ) as DisputeCommand;
    const decision = decideDispute({ order, events: real.events }, cmd);
    if (m.closed || this.stale) expect(decision.ok).toBe(false); // nothing acts after a terminal state; stale commands never apply
    if (decision.ok) real.events.push(...decision.value.events);
    if (real.events.length === 0) return;
    const v = unwrap(disputeView({ order, events: real.events }, new Date(m.now).toISOString()));
    const resolutions = real.events.filter((e) => e.type === 'seller-agreed' || e.type === 'buyer-accepted' || e.type === 'ruled');
    expect(resolutions.length).toBeLessThanOrEqual(1);
    expect(cents(v.refundable)).toBeLessThanOrEqual(PAID);
    if (v.refund !== null) {
      expect(cents(v.refund)).toBeLessThanOrEqual(cents(v.refundable));
      expect(cents(v.refund)).toBeGreaterThanOrEqual(0n);
    }
    expect(v.version).toBe(real.events.length);
    // No deadline lies past the ruling's, and from the end of negotiation on the platform can rule.
    const ruling = v.deadlines.ruling.endsAt;
    for (const dl of [v.deadlines.seller, v.deadlines.buyer, v.negotiationEnds]) if (dl) expect(dl.endsAt <= ruling).toBe(true);
    if (m.now >= Date.parse(v.negotiationEnds.endsAt) && v.status !== 'resolved' && v.status !== 'cancelled') expect(v.allowed.platform).toEqual(['rule']);
    // Notices: each id once, and those already told stay first (a shop sends each exactly once).
    const ids = v.notices.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, m.told.length)).toEqual(m.told);
    m.told = ids;
    m.closed = v.status === 'resolved' || v.status === 'cancelled';
    expect(v.blocksOtherRefunds).toBe(!m.closed);
  }
  toString = () => `${this.actor}:${this.kind}(${money(this.amount)}${this.stale ? ', stale' : ''})`;
}
class Wait implements fc.Command<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true;
  run(m: Model): void {
    m.now += this.hours * HOUR;
  }
  toString = () => `Wait(${String(this.hours)}h)`;
}

describe('dispute command model', () => {
  it('never resolves twice, never refunds more than was paid, never acts after a terminal state, never lets a deadline pass the process limit, never retells a notice', () => {
    const kinds: Kind[] = ['open', 'change-claim', 'cancel', 'accept', 'decline', 'escalate', 'agree', 'counter', 'disagree', 'rule'];
    const act = fc
      .record({
        kind: fc.constantFrom(...kinds),
        actor: fc.constantFrom(
          'usual' as const,
          'usual' as const,
          'usual' as const,
          'usual' as const,
          'buyer' as const,
          'seller' as const,
          'platform' as const,
        ),
        amount: fc.integer({ min: 0, max: 3500 }),
        stale: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      })
      .map(({ kind, actor, amount, stale }) => new Act(kind, actor, amount, stale));
    const commands = fc.commands([act, act, act, fc.integer({ min: 1, max: 24 * 8 }).map((h) => new Wait(h))], { maxCommands: 30 });
    fc.assert(
      fc.property(commands, (cmds) => {
        const opened: DisputeEvent = { type: 'opened', at: '2026-11-29T00:00:00Z', reason: 'OTHER', amount: '20.00' };
        const setup = (): { model: Model; real: Real } => ({
          model: { now: Date.parse('2026-11-29T01:00:00Z'), closed: false, told: [] },
          real: { events: [opened] },
        });
        fc.modelRun(setup, cmds);
      }),
    );
  });
});

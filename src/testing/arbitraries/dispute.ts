import fc from 'fast-check';
import { DAY_COUNTS, DISPUTE_ACTIONS } from '../../contract/index.js';
import { type DisputeCommand, decideDispute } from '../../dispute/decide.js';
import type { Dispute, DisputeEvent, DisputeOrder } from '../../dispute/types.js';
import { type ArbitraryOptions, decimal, HOUR, iso, zoneArb } from './shared.js';

const disputeOrder: DisputeOrder = {
  quote: {
    currency: 'USD',
    lines: [
      { id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 },
      { id: 'L2', itemType: 'Set', unitPrice: '20.00', quantity: 1 },
    ],
    coupon: { type: 'percent', percent: '10' },
    sellerCredit: '1.00',
    charges: { shipping: '5.00' },
  },
  shippedAt: '2026-11-20T09:00:00Z',
  receiptConfirmedAt: '2026-11-28T18:00:00Z',
  expectedDeliveryBy: '2026-12-05',
};
// Received after the end of the expected delivery date: the order may be claimed as late.
const lateOrder: DisputeOrder = { ...disputeOrder, expectedDeliveryBy: '2026-11-25' };

/**
 * A dispute built by random commands, each kept only if the library allows it: valid histories
 * that reach every status (awaiting either party, under review, resolved, cancelled), with a policy
 * (its process and review periods among them), declined counter-offers, evidence from both parties
 * and late-delivery claims.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { disputeArb } from 'coupon-rules/testing';
 * const [d] = fc.sample(disputeArb(), 1);
 * console.log(d?.dispute.events[0]?.type); // → opened
 * ```
 */
export function disputeArb(options: ArbitraryOptions = {}): fc.Arbitrary<{ readonly dispute: Dispute; readonly at: string }> {
  const kinds = DISPUTE_ACTIONS;
  const commandArb = fc.record({
    kind: fc.constantFrom(...kinds),
    gapHours: fc.integer({ min: 1, max: 24 * 4 }),
    cents: fc.integer({ min: 0, max: 4900 }),
    seller: fc.boolean(),
    evidence: fc.option(fc.constantFrom(['chat-1'], ['photo-2', 'photo-1']), { nil: undefined }),
  });
  const policyArb = fc.record(
    {
      timeZone: zoneArb,
      dayCount: fc.constantFrom(...DAY_COUNTS),
      maxProcessDays: fc.integer({ min: 5, max: 20 }),
      platformReviewDays: fc.integer({ min: 0, max: 5 }),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      policy: policyArb,
      late: fc.boolean(),
      claim: fc.integer({ min: 1, max: 4900 }),
      lines: fc.option(fc.constant([{ id: 'L1', quantity: 2 }]), { nil: undefined }),
      commands: fc.array(commandArb, { maxLength: options.maxEvents ?? 8 }),
      tailHours: fc.integer({ min: 0, max: 24 * 20 }),
    })
    .map(({ policy, late, claim, lines, commands, tailHours }) => {
      const cap = lines ? 1800 : 4900;
      const amount = (c: number) => decimal(BigInt(c), 2);
      const order = late ? lateOrder : disputeOrder;
      let t = Date.parse('2026-12-01T10:00:00Z');
      const events: DisputeEvent[] = [
        {
          type: 'opened',
          at: iso(t),
          reason: late ? 'LATE_DELIVERY' : 'DAMAGED',
          amount: amount(Math.min(claim, cap)),
          evidence: ['photo-1'],
          ...(lines ? { lines } : {}),
        },
      ];
      for (const c of commands) {
        t += c.gapHours * HOUR;
        const actor =
          c.kind === 'rule'
            ? 'platform'
            : c.kind === 'agree' || c.kind === 'counter' || c.kind === 'disagree' || (c.kind === 'escalate' && c.seller)
              ? 'seller'
              : 'buyer';
        const base = { actor, at: iso(t), expectedVersion: events.length } as const;
        const money = amount(Math.min(c.cents, cap));
        const evidence = c.evidence ? { evidence: c.evidence } : {};
        const command = (
          c.kind === 'change-claim' || c.kind === 'rule'
            ? { ...base, type: c.kind, amount: money }
            : c.kind === 'counter'
              ? { ...base, type: c.kind, amount: money, ...evidence }
              : c.kind === 'disagree' || c.kind === 'escalate'
                ? { ...base, type: c.kind, ...evidence }
                : { ...base, type: c.kind }
        ) as DisputeCommand;
        const d = decideDispute({ policy, order, events }, command);
        if (d.ok) events.push(...d.value.events);
      }
      return { dispute: { policy, order, events }, at: iso(t + tailHours * HOUR) };
    });
}

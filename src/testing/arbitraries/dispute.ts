import type { Arbitrary } from 'fast-check';
import fc from '../fast-check.js';
import { DAY_COUNTS, DISPUTE_ACTIONS, DISPUTE_PARTIES, EVIDENCE_REASONS } from '../../contract/index.js';
import { type DisputeCommand, decideDispute } from '../../dispute/decide.js';
import { DEFAULT_DISPUTE_POLICY } from '../../dispute/policy.js';
import type { Dispute, DisputeEvent, DisputeOrder } from '../../dispute/types.js';
import { disputeView } from '../../dispute/view.js';
import { quoteCoupon } from '../../order/compute.js';
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
export function disputeArb(options: ArbitraryOptions = {}): Arbitrary<{ readonly dispute: Dispute; readonly at: string }> {
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

/** @internal A dispute with the instant it is viewed at, as {@link disputeArb} gives it. */
export interface ViewedDispute {
  readonly dispute: Dispute;
  readonly at: string;
}

/**
 * The ways {@link breakDispute} breaks a valid dispute, each refused by a rule of the fold, of the opening or of the
 * order, with how often each is drawn: the first four have many variants each (blocks, scripts, amounts, openings).
 */
const DISPUTE_MISTAKES = {
  blocked: 2,
  scripted: 3,
  content: 4,
  opening: 8,
  'already-opened': 1,
  'not-opened': 1,
  'viewed-before-opening': 1,
  'out-of-order': 1,
  refunded: 1,
  policy: 1,
} as const;
type DisputeMistake = keyof typeof DISPUTE_MISTAKES;

/** Openings that break one rule each, on the order as {@link disputeArb} gives it (or as the change beside it leaves it). */
const BAD_OPENINGS: readonly { readonly order: Partial<DisputeOrder>; readonly opened: Partial<Extract<DisputeEvent, { type: 'opened' }>> }[] = [
  // Receipt confirmed on 2026-11-28: the order can no longer be said not to have arrived (RECEIPT_CONFIRMED).
  { order: {}, opened: { reason: 'NOT_RECEIVED' } },
  // Two months after receipt: the request window is closed (WINDOW_CLOSED).
  { order: {}, opened: { at: '2027-02-01T10:00:00Z' } },
  // Damage needs evidence (EVIDENCE_REQUIRED).
  { order: {}, opened: { evidence: [] } },
  // Neither shipped nor received (NOT_SHIPPED).
  { order: { shippedAt: null, receiptConfirmedAt: null }, opened: { reason: 'OTHER' } },
  // Late, but receipt not confirmed (RECEIPT_NOT_CONFIRMED).
  { order: { receiptConfirmedAt: null }, opened: { reason: 'LATE_DELIVERY' } },
  // Late, but no delivery date was promised (NO_DELIVERY_DATE).
  { order: { expectedDeliveryBy: null }, opened: { reason: 'LATE_DELIVERY' } },
  // Late, but received before the promised date (DELIVERED_ON_TIME).
  { order: { expectedDeliveryBy: '2026-12-05' }, opened: { reason: 'LATE_DELIVERY' } },
  // Not received, but not due yet (DELIVERY_NOT_DUE).
  { order: { receiptConfirmedAt: null, expectedDeliveryBy: '2026-12-05' }, opened: { reason: 'NOT_RECEIVED' } },
  // Nothing claimed (AMOUNT_NOT_POSITIVE), more than was paid (AMOUNT_EXCEEDS_REFUNDABLE).
  { order: {}, opened: { amount: '0.00' } },
  { order: {}, opened: { amount: '1000000.00' } },
  // Lines the order does not have, twice, or more units than it has (UNKNOWN_LINE, DUPLICATE_LINE, LINE_QUANTITY_EXCEEDED).
  { order: {}, opened: { lines: [{ id: 'L9', quantity: 1 }] } },
  {
    order: {},
    opened: {
      lines: [
        { id: 'L1', quantity: 1 },
        { id: 'L1', quantity: 1 },
      ],
    },
  },
  { order: {}, opened: { lines: [{ id: 'L1', quantity: 99 }] } },
];

/**
 * Short histories after the opening whose last event is blocked, one per block (the rest of the history decides
 * which blocks a drawn one meets, and the rarer ones, such as a decline with no offer, come up seldom that way).
 * Each step is hours after the opening; the amounts are small enough for any claim.
 */
const SCRIPTS: readonly (readonly { readonly hours: number; readonly event: (at: string) => DisputeEvent }[])[] = [
  // NO_OFFER: the seller refused outright, and there is no counter-offer to decline.
  [
    { hours: 1, event: (at) => ({ type: 'seller-disagreed', at }) },
    { hours: 2, event: (at) => ({ type: 'buyer-declined', at }) },
  ],
  // SELLER_ALREADY_RESPONDED: the buyer may cancel only before the seller answers.
  [
    { hours: 1, event: (at) => ({ type: 'seller-disagreed', at }) },
    { hours: 2, event: (at) => ({ type: 'cancelled', at }) },
  ],
  // DEADLINE_PASSED (or PROCESS_LIMIT_REACHED when the process is short): the seller answers a month late.
  [{ hours: 24 * 30, event: (at) => ({ type: 'seller-agreed', at }) }],
  // UNDER_REVIEW: the seller acts once the buyer has escalated.
  [
    { hours: 1, event: (at) => ({ type: 'seller-disagreed', at }) },
    { hours: 2, event: (at) => ({ type: 'escalated', at, by: 'buyer' }) },
    { hours: 3, event: (at) => ({ type: 'seller-agreed', at }) },
  ],
  // NOT_UNDER_REVIEW: a ruling before any review.
  [{ hours: 1, event: (at) => ({ type: 'ruled', at, amount: '0.01' }) }],
  // DISPUTE_CLOSED: a claim changed after the seller agreed.
  [
    { hours: 1, event: (at) => ({ type: 'seller-agreed', at }) },
    { hours: 2, event: (at) => ({ type: 'claim-changed', at, amount: '0.01' }) },
  ],
  // WRONG_TURN: the buyer accepts while the seller has yet to answer.
  [{ hours: 1, event: (at) => ({ type: 'buyer-accepted', at }) }],
];

const money = (s: string) => BigInt(s.replace('.', ''));
const decimalsOf = (s: string) => s.split('.')[1]?.length ?? 0;
const plus = (s: string, minor: bigint) => decimal(money(s) + minor, decimalsOf(s));

/** The event of a party's action at `at`, with plain amounts: enough for a refusal by its block. */
function eventOf(party: 'buyer' | 'seller' | 'platform', action: (typeof DISPUTE_ACTIONS)[number], at: string, amount: string): DisputeEvent {
  switch (action) {
    case 'change-claim':
      return { type: 'claim-changed', at, amount };
    case 'cancel':
      return { type: 'cancelled', at };
    case 'accept':
      return { type: 'buyer-accepted', at };
    case 'decline':
      return { type: 'buyer-declined', at };
    case 'escalate':
      return { type: 'escalated', at, by: party === 'seller' ? 'seller' : 'buyer' };
    case 'agree':
      return { type: 'seller-agreed', at };
    case 'counter':
      return { type: 'seller-countered', at, amount };
    case 'disagree':
      return { type: 'seller-disagreed', at };
    case 'rule':
      return { type: 'ruled', at, amount };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/**
 * A valid dispute with one mistake: an event of an action the view says is blocked (its block is the code), or a
 * short scripted history ending in a block; an allowed action with an amount or lines it may not have; a bad opening
 * (one rule each); a second opening; no opening, or a view before it; an event out of order; a refund above what was
 * paid; a policy whose review outlasts its process or whose week has no business day. Events are appended `minutes`
 * (and now and then `days`) after the last one, and the view moves with them, so that the mistake is folded.
 */
function breakDispute(whole: ViewedDispute, mistake: DisputeMistake, minutes: number, days: number, pick: number, cut: number, cents: bigint): ViewedDispute {
  // A prefix of the history (the opening at least): a dispute caught mid-way, not only where the commands left it,
  // so that the blocks and turns of every status come up, not mostly those of a closed dispute.
  const base = { ...whole, dispute: { ...whole.dispute, events: whole.dispute.events.slice(0, 1 + (cut % Math.max(1, whole.dispute.events.length))) } };
  const { dispute } = base;
  const events = dispute.events;
  const last = Math.max(...events.map((e) => Date.parse(String(e.at))));
  // Days later the dispute may have gone under review by a party's silence or the process limit: other blocks.
  const t = iso(last + minutes * 60_000 + days * 24 * HOUR);
  const viewAt = (d: Dispute, at: string): ViewedDispute => ({ dispute: d, at: iso(Math.max(Date.parse(at), Date.parse(base.at))) });
  const append = (...more: DisputeEvent[]) => viewAt({ ...dispute, events: [...events, ...more] }, t);
  const view = disputeView(dispute, t);
  const blockedAt = (): ViewedDispute => {
    if (!view.ok) return append({ type: 'opened', at: t, reason: 'OTHER', amount: '1.00' });
    const blocked = DISPUTE_PARTIES.flatMap((party) =>
      Object.entries(view.value.blocked[party]).map(([action, block]) => ({ party, action: action as (typeof DISPUTE_ACTIONS)[number], block })),
    );
    // One block drawn first, then one of the actions it blocks: most actions are blocked for the same few reasons.
    const blocks = [...new Set(blocked.map((b) => b.block))];
    const block = blocks[pick % Math.max(1, blocks.length)];
    const those = blocked.filter((b) => b.block === block);
    const chosen = those[Math.floor(pick / Math.max(1, blocks.length)) % Math.max(1, those.length)] ?? { party: 'platform', action: 'rule' };
    return append(eventOf(chosen.party, chosen.action, t, view.value.requested));
  };
  switch (mistake) {
    case 'blocked':
      return blockedAt();
    case 'scripted': {
      const opened = Date.parse(String(events[0]?.at ?? t));
      const script = SCRIPTS[pick % SCRIPTS.length] ?? [];
      const steps = script.map((step) => step.event(iso(opened + step.hours * HOUR)));
      return viewAt({ ...dispute, events: [...events.slice(0, 1), ...steps] }, steps.at(-1)?.at === undefined ? t : String(steps.at(-1)?.at));
    }
    case 'content': {
      if (!view.ok) return blockedAt();
      const v = view.value;
      const over = plus(v.refundable, cents);
      const zero = decimal(0n, decimalsOf(v.requested));
      const allowed = (party: 'buyer' | 'seller' | 'platform', action: (typeof DISPUTE_ACTIONS)[number]) => v.allowed[party].includes(action);
      const claims: readonly DisputeEvent[] = [
        { type: 'claim-changed', at: t, amount: over },
        { type: 'claim-changed', at: t, amount: zero },
        { type: 'claim-changed', at: t, amount: v.requested, lines: [{ id: 'L9', quantity: 1 }] },
        { type: 'claim-changed', at: t, amount: v.requested, lines: [{ id: 'L1', quantity: 99 }] },
        // Taking the evidence away is a mistake only for the reasons that need it.
        ...((EVIDENCE_REASONS as readonly string[]).includes(v.reason) ? [{ type: 'claim-changed', at: t, amount: v.requested, evidence: [] } as const] : []),
      ];
      const counters: readonly DisputeEvent[] = [
        { type: 'seller-countered', at: t, amount: v.requested },
        { type: 'seller-countered', at: t, amount: zero },
      ];
      const rulings: readonly DisputeEvent[] = [{ type: 'ruled', at: t, amount: over }];
      const wrong = [
        ...(allowed('buyer', 'change-claim') ? claims : []),
        ...(allowed('seller', 'counter') ? counters : []),
        ...(allowed('platform', 'rule') ? rulings : []),
      ];
      const chosen = wrong[pick % Math.max(1, wrong.length)];
      return chosen ? append(chosen) : blockedAt();
    }
    case 'opening': {
      const bad = BAD_OPENINGS[pick % BAD_OPENINGS.length] ?? { order: {}, opened: {} };
      const opened: DisputeEvent = {
        type: 'opened',
        at: '2026-12-01T10:00:00Z',
        reason: 'DAMAGED',
        amount: '5.00',
        evidence: ['photo-1'],
        ...bad.opened,
      };
      // Only the opening: the events after a refused opening would each add a NOT_OPENED of their own.
      return {
        dispute: { ...dispute, order: { ...dispute.order, ...bad.order }, events: [opened] },
        at: iso(Date.parse(String(opened.at)) + minutes * 60_000),
      };
    }
    case 'already-opened':
      // The opening again (a valid dispute always starts with one), later.
      return append({ ...(events[0] ?? { type: 'opened', at: t, reason: 'OTHER', amount: '1.00' }), at: t });
    case 'not-opened':
      return { ...base, dispute: { ...dispute, events: events.slice(1) } };
    case 'viewed-before-opening':
      return { ...base, at: iso(Date.parse(String(events[0]?.at ?? t)) - minutes * 60_000) };
    case 'out-of-order':
      return viewAt({ ...dispute, events: [...events, { type: 'buyer-declined', at: iso(last - minutes * 60_000) }] }, base.at);
    case 'refunded': {
      const quote = quoteCoupon(dispute.order.quote);
      const paid = quote.ok ? quote.value.grandTotal : '1000000.00';
      return { ...base, dispute: { ...dispute, order: { ...dispute.order, refunded: plus(paid, cents) } } };
    }
    case 'policy': {
      const policy = dispute.policy ?? {};
      const max = policy.maxProcessDays ?? DEFAULT_DISPUTE_POLICY.maxProcessDays;
      const broken = pick % 2 === 0 ? { ...policy, maxProcessDays: max, platformReviewDays: max + 1 } : { ...policy, weekend: [1, 2, 3, 4, 5, 6, 7] };
      return { ...base, dispute: { ...dispute, policy: broken } };
    }
    default: {
      const never: never = mistake;
      return never;
    }
  }
}

/** @internal A way to break a valid dispute (see {@link breakDispute}). */
export function disputeMistakeArb(): Arbitrary<(d: ViewedDispute) => ViewedDispute> {
  return fc
    .record({
      mistake: fc.oneof(...Object.entries(DISPUTE_MISTAKES).map(([m, weight]) => ({ weight, arbitrary: fc.constant(m as DisputeMistake) }))),
      minutes: fc.integer({ min: 1, max: 24 * 60 }),
      days: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 25 })),
      pick: fc.nat(),
      cut: fc.nat(),
      cents: fc.bigInt({ min: 1n, max: 10_000n }),
    })
    .map(
      ({ mistake, minutes, days, pick, cut, cents }) =>
        (d: ViewedDispute) =>
          breakDispute(d, mistake, minutes, days, pick, cut, cents),
    );
}

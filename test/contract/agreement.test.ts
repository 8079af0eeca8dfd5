import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordName } from '../../src/contract/index.js';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_OPS, type WireOp } from '../../src/schema.js';
import { couponRecordArb, disputeArb, outageInputArb, quoteRequestArb } from '../../src/testing/index.js';
import { FULL_REQUESTS } from './full-requests.js';
import { shapeMutationArb, shapeMutationsOf } from './mutations.js';

// For every op: a valid request's shape is accepted by its zod schema, and whatever shape mutation the schema
// refuses, the library refuses too (it may refuse more: rules across fields are the library's alone).

const at = '2026-12-10T12:00:00Z';
const issueCheckArb = fc.record({
  op: fc.constant('coupon-issue-check' as const),
  at: fc.constant(at),
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
  seller: fc.record({ id: fc.constantFrom('s1', 'b1') }),
  recipient: fc.record({ id: fc.constant('b1'), registered: fc.boolean(), emailConfirmed: fc.boolean() }),
  stoplisted: fc.record({ bySeller: fc.boolean(), byRecipient: fc.boolean() }),
  expires: fc.option(fc.constantFrom('2026-12-31', '2027-06-01'), { nil: undefined }),
});
const couponStateArb = couponRecordArb({ maxEvents: 4 }).map(({ events, ...coupon }) => ({ op: 'coupon-state' as const, coupon, events, at }));
const choicesArb = fc
  .tuple(quoteRequestArb({ maxLines: 3 }), fc.array(couponRecordArb({ maxEvents: 2 }), { maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([q, coupons, newOrder, hasCoupon]) => ({
    op: 'coupon-choices' as const,
    at,
    store: 's1',
    buyer: 'b1',
    order: { currency: q.currency, lines: q.lines, newOrder, hasCoupon, ...(q.rounding === undefined ? {} : { rounding: q.rounding }) },
    coupons: coupons.map((c, i) => ({ ...c, id: `c${String(i)}` })),
  }));
// On the wire the order carries a whole quote request, "op" included.
const disputeStateArb = disputeArb({ maxEvents: 4 }).map(({ dispute, at: when }) => ({
  op: 'dispute-state' as const,
  ...dispute,
  order: { ...dispute.order, quote: { op: 'quote' as const, ...dispute.order.quote } },
  at: when,
}));
const outagePlanArb = outageInputArb({ maxCoupons: 3 }).map((input) => ({ op: 'outage-plan' as const, ...input }));

const cases: readonly { readonly op: WireOp; readonly record: RecordName; readonly arb: fc.Arbitrary<object> }[] = [
  { op: 'quote', record: 'quoteRequest', arb: quoteRequestArb({ maxLines: 3 }).map((q) => ({ op: 'quote' as const, ...q })) },
  { op: 'coupon-issue-check', record: 'couponIssueCheckRequest', arb: issueCheckArb },
  { op: 'coupon-state', record: 'couponStateRequest', arb: couponStateArb },
  { op: 'coupon-choices', record: 'couponChoicesRequest', arb: choicesArb },
  { op: 'dispute-state', record: 'disputeStateRequest', arb: disputeStateArb },
  { op: 'outage-plan', record: 'outagePlanRequest', arb: outagePlanArb },
];

describe.each(cases)('the zod schema and the library agree on $op', ({ op, record, arb }) => {
  const schema = WIRE_OPS[op].request;

  it('the schema accepts every generated request', () => {
    fc.assert(
      fc.property(arb, (request) => {
        const parsed = schema.safeParse(JSON.parse(JSON.stringify(request)) as unknown);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
    );
  });

  it('accepts a request with every optional field, and refuses each field of it broken', () => {
    const full: unknown = FULL_REQUESTS[op];
    expect(schema.safeParse(full).error?.issues ?? []).toEqual([]);
    expect(answerWireRequest(full)).toMatchObject({ ok: true });
    const mutations = shapeMutationsOf(record, full);
    expect(mutations.length).toBeGreaterThan(10);
    const wrong = mutations.flatMap(({ bad, what }) => [
      ...(schema.safeParse(bad).success ? [`the schema accepts ${what}`] : []),
      ...(answerWireRequest(bad).ok ? [`the library accepts ${what}`] : []),
    ]);
    expect(wrong).toEqual([]);
  });

  it('whatever the schema refuses, the library refuses', () => {
    const mutated = arb.chain((request) => shapeMutationArb(record, JSON.parse(JSON.stringify(request)) as unknown));
    fc.assert(
      fc.property(mutated, ({ bad, what }) => {
        expect(schema.safeParse(bad).success, `the schema accepts ${what}`).toBe(false);
        expect(answerWireRequest(bad).ok, `the library accepts ${what}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

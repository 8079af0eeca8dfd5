import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { MAX_MINOR_UNITS, type RecordName, type RuleErrorCode, WIRE_OPS_LIST } from '../contract/index.js';
import type { CouponTerms } from '../coupon/terms.js';
import type { CouponRecord } from '../lifecycle/types.js';
import { findCurrency } from '../money/currency.js';
import { quoteCoupon } from '../order/compute.js';
import type { QuoteRequest } from '../order/types.js';
import type { OutageInput } from '../outage/types.js';
import { CouponRulesError } from '../result.js';
import { disputeArb, disputeMistakeArb, type ViewedDispute } from './arbitraries/dispute.js';
import { historyMistakeArb, issueCheckRequestArb, swapParties, validCouponRecordArb } from './arbitraries/lifecycle.js';
import { mistakeArb, shapeMistakesOf, valueMistakesOf } from './arbitraries/mutations.js';
import { couponSpecArb, duplicateLineId, invalidCouponTermsArb, quoteMistakeArb, quoteRequestArb } from './arbitraries/order.js';
import { outageInputArb, outageMistakeArb } from './arbitraries/outage.js';
import { type ArbitraryOptions, decimal, HOUR, iso, T0 } from './arbitraries/shared.js';

// Generated wire requests of every op: valid ones, and refusals spread over the op's error codes, so that a
// conformance run checks the codes of refusals as closely as the results of answers (issue 17). A refusal is a
// valid request with one thing wrong: its shape (found by walking the contract's field tables) or one rule.

/**
 * The wire ops {@link wireRequestArb} generates requests of: every op of the contract (a frozen copy of its list,
 * so that a caller cannot change the contract's own).
 *
 * @example
 * ```ts
 * import { WIRE_REQUEST_OPS } from 'coupon-rules/testing';
 * console.log(WIRE_REQUEST_OPS); // → [ 'quote', 'coupon-issue-check', 'coupon-state', 'coupon-choices', 'dispute-state', 'outage-plan' ]
 * ```
 */
export const WIRE_REQUEST_OPS = Object.freeze([...WIRE_OPS_LIST] as const);

/**
 * One of {@link WIRE_REQUEST_OPS}.
 *
 * @example
 * ```ts
 * import type { WireRequestOp } from 'coupon-rules/testing';
 * const op: WireRequestOp = 'coupon-choices';
 * ```
 */
export type WireRequestOp = (typeof WIRE_REQUEST_OPS)[number];

/**
 * Options of {@link wireRequestArb}: the sizes of {@link ArbitraryOptions}, and the share of refused requests.
 *
 * @example
 * ```ts
 * import type { WireRequestOptions } from 'coupon-rules/testing';
 * const halfRefused: WireRequestOptions = { maxEvents: 4, refusals: 0.5 };
 * ```
 */
export interface WireRequestOptions extends ArbitraryOptions {
  /**
   * The share of requests the library refuses, from 0 (only requests it answers) to 1 (only refusals); default 0.25.
   * Drawn with a precision of a thousandth.
   */
  readonly refusals?: number;
}

type WireRequest = Readonly<Record<string, unknown>>;

/**
 * @internal A refusal with what kind of mistake made it: `shape` when the op's zod schema (and JSON Schema) refuses
 * it too, `rule` when the shape is valid and only the library's rules refuse it.
 */
export interface TaggedRefusal {
  readonly request: WireRequest;
  readonly kind: 'shape' | 'rule';
}

/** The record of the contract each op's request is. */
const RECORD_OF: { readonly [Op in WireRequestOp]: RecordName } = {
  quote: 'quoteRequest',
  'coupon-issue-check': 'couponIssueCheckRequest',
  'coupon-state': 'couponStateRequest',
  'coupon-choices': 'couponChoicesRequest',
  'dispute-state': 'disputeStateRequest',
  'outage-plan': 'outagePlanRequest',
};

/**
 * How many rule refusals an op draws per shape refusal. Shape mistakes give the same dozen codes on every op; the
 * ops whose rules have many codes of their own (histories, disputes, outages) draw more of those.
 */
const RULE_WEIGHT: { readonly [Op in WireRequestOp]: number } = {
  quote: 1,
  'coupon-issue-check': 1,
  'coupon-state': 2,
  'coupon-choices': 2,
  'dispute-state': 2,
  'outage-plan': 2,
};

/** The default share of refusals: a quarter, enough for every code of an op to come up within a few hundred runs. */
const DEFAULT_REFUSALS = 0.25;
/** The weights of valid requests and refusals are whole numbers: shares are drawn to the thousandth. */
const SCALE = 1000;

// ---------------------------------------------------------------------------------------------
// Valid requests

/** A quote the library answers: a seller credit above the order's total (which quoteRequestArb allows) is left out. */
function answerableQuote(q: QuoteRequest): QuoteRequest {
  if (quoteCoupon(q).ok) return q;
  const { sellerCredit, ...rest } = q;
  return rest;
}

const validQuoteArb = (options: ArbitraryOptions) => quoteRequestArb(options).map(answerableQuote);

// Stryker disable next-line OptionalChaining: only the currencies of valid orders are looked up, and every one is in the ISO 4217 list
const minorUnitsOf = (code: string): number => findCurrency(code)?.minorUnits ?? MAX_MINOR_UNITS;

/** A coupon-state request as parts: the record and the instant (epoch ms) it is read at. */
const couponStatePartsArb = (options: ArbitraryOptions) =>
  fc.tuple(validCouponRecordArb(options), fc.integer({ min: 0, max: 24 * 90 })).map(([record, hours]) => ({ record, at: T0 + hours * HOUR }));

const couponStateRequest = ({ record, at }: { readonly record: CouponRecord; readonly at: number }): WireRequest => {
  const { events, ...coupon } = record;
  return { op: 'coupon-state', coupon, events, at: iso(at) };
};

/** A checkout: an order, and the buyer's coupons (some of another store or buyer), each with a valid history and terms in the order's currency. */
const choicesPartsArb = (options: ArbitraryOptions) =>
  fc
    .record({
      order: validQuoteArb(options),
      coupons: fc.array(
        fc.record({
          record: validCouponRecordArb({ maxEvents: Math.min(4, options.maxEvents ?? 4) }),
          terms: couponSpecArb(),
          otherStore: fc.constantFrom(false, false, false, true),
          otherBuyer: fc.constantFrom(false, false, false, true),
        }),
        { minLength: 1, maxLength: options.maxCoupons ?? 4 },
      ),
      newOrder: fc.constantFrom(true, true, true, false),
      hasCoupon: fc.constantFrom(false, false, false, true),
      hours: fc.integer({ min: 0, max: 24 * 60 }),
    })
    .map(({ order, coupons, newOrder, hasCoupon, hours }) => {
      const mu = minorUnitsOf(order.currency);
      return {
        at: T0 + hours * HOUR,
        order: { currency: order.currency, ...(order.rounding === undefined ? {} : { rounding: order.rounding }), lines: order.lines, newOrder, hasCoupon },
        coupons: coupons.map(({ record, terms, otherStore, otherBuyer }, i) => ({
          ...swapParties(record, otherStore, otherBuyer),
          id: `c${String(i)}`,
          terms: terms(mu),
        })),
      };
    });
type ChoicesParts = ReturnType<typeof choicesPartsArb> extends Arbitrary<infer T> ? T : never;

const choicesRequest = ({ at, order, coupons }: ChoicesParts): WireRequest => ({ op: 'coupon-choices', at: iso(at), store: 's1', buyer: 'b1', order, coupons });

// On the wire the order of a dispute carries a whole quote request, "op" included.
const disputeRequest = ({ dispute, at }: ViewedDispute): WireRequest => ({
  op: 'dispute-state',
  ...(dispute.policy === undefined ? {} : { policy: dispute.policy }),
  order: { ...dispute.order, quote: { op: 'quote', ...dispute.order.quote } },
  events: dispute.events,
  at,
});

const outageRequest = (input: OutageInput): WireRequest => ({ op: 'outage-plan', ...input });

/** Requests of `op` the library answers (`ok: true`). */
function validRequestArb(op: WireRequestOp, options: ArbitraryOptions): Arbitrary<WireRequest> {
  switch (op) {
    case 'quote':
      return validQuoteArb(options).map((q) => ({ op, ...q }));
    case 'coupon-issue-check':
      return issueCheckRequestArb().map((r) => ({ op, ...r }));
    case 'coupon-state':
      return couponStatePartsArb(options).map(couponStateRequest);
    case 'coupon-choices':
      return choicesPartsArb(options).map(choicesRequest);
    case 'dispute-state':
      return disputeArb(options).map(disputeRequest);
    case 'outage-plan':
      return outageInputArb(options).map(outageRequest);
    default: {
      const never: never = op;
      throw new CouponRulesError([{ code: 'UNKNOWN_OP', path: 'op', message: `unknown op ${String(never)}` }]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Refusals by rule

// The codes of invalidCouponTermsArb's cases whose shape is valid: only the library's rules refuse them.
const RULE_TERM_CODES: ReadonlySet<RuleErrorCode> = new Set<RuleErrorCode>([
  'INVALID_PERCENT',
  'AMOUNT_NOT_POSITIVE',
  'TOO_MANY_DECIMALS',
  'TIER_MIN_TOTAL_NOT_POSITIVE',
  'TIERS_NOT_INCREASING',
  'TIER_PERCENT_DECREASING',
  'TIER_BELOW_BASE_PERCENT',
]);

/**
 * Invalid terms for a currency's minor units, as a function of them (so that a request can choose its currency
 * first). Terms judged without a currency (a coupon record's, a compensation's) are read with up to 12 decimals:
 * their too-many-decimals case has 13, which no currency accepts.
 */
function invalidTermsArb(): Arbitrary<(minorUnits: number) => { readonly terms: unknown; readonly kind: 'shape' | 'rule' }> {
  const units = [0, 2, 3, 4, MAX_MINOR_UNITS] as const;
  return fc.tuple(...units.map((mu) => invalidCouponTermsArb(mu))).map((cases) => (mu: number) => {
    // Stryker disable next-line ArithmeticOperator,ObjectLiteral: every `mu` passed is one of `units` (ISO 4217 currencies have 0, 2, 3 or 4 minor units; the rest pass MAX_MINOR_UNITS), so the fallbacks never run
    const c = cases[units.indexOf(mu as (typeof units)[number])] ?? cases[cases.length - 1] ?? { terms: null, code: 'INVALID_TYPE' as const };
    return { terms: c.terms, kind: RULE_TERM_CODES.has(c.code) ? 'rule' : 'shape' };
  });
}

const rule = (request: WireRequest): TaggedRefusal => ({ request, kind: 'rule' });
const weighted = <T>(weight: number, arbitrary: Arbitrary<T>) => ({ weight, arbitrary });

/** A coupon of a list broken by `breakIt`, and the instant moved as far as it needs. */
function breakCoupon(
  coupons: readonly CouponRecord[],
  at: number,
  index: number,
  breakIt: (record: CouponRecord, at: number) => { record: CouponRecord; at: number },
): { coupons: CouponRecord[]; at: number } {
  const i = index % Math.max(1, coupons.length);
  const target = coupons[i];
  // Stryker disable next-line ObjectLiteral,ArrayDeclaration: never returned, as checkouts and outage inputs always have a coupon (minLength 1)
  if (!target) return { coupons: [...coupons], at };
  const broken = breakIt(target, at);
  return { coupons: coupons.map((c, k) => (k === i ? broken.record : c)), at: broken.at };
}

/** Refusals of `op` whose shape is valid, each with one rule of the op broken (and coupon terms, which may be either). */
function ruleRefusalArb(op: WireRequestOp, options: ArbitraryOptions): Arbitrary<TaggedRefusal> {
  const values = mistakeArb(RECORD_OF[op], validRequestArb(op, options), valueMistakesOf).map(rule);
  switch (op) {
    case 'quote':
      return fc.oneof(
        weighted(2, values),
        weighted(
          2,
          fc.tuple(validQuoteArb(options), quoteMistakeArb()).map(([q, breakIt]) => rule({ op, ...breakIt(q) })),
        ),
        weighted(
          2,
          fc.tuple(validQuoteArb(options), invalidTermsArb()).map(([q, terms]) => {
            const bad = terms(minorUnitsOf(q.currency));
            return { request: { op, ...q, coupon: bad.terms }, kind: bad.kind };
          }),
        ),
      );
    case 'coupon-issue-check':
      // An issue check has no rule to break: its violations are answers. What is left is a date, instant or zone.
      return values;
    case 'coupon-state':
      return fc.oneof(
        weighted(1, values),
        weighted(
          4,
          fc.tuple(couponStatePartsArb(options), historyMistakeArb()).map(([parts, breakIt]) => rule(couponStateRequest(breakIt(parts.record, parts.at)))),
        ),
        weighted(
          1,
          fc.tuple(couponStatePartsArb(options), invalidTermsArb()).map(([parts, terms]) => {
            const bad = terms(MAX_MINOR_UNITS);
            return { request: couponStateRequest({ ...parts, record: { ...parts.record, terms: bad.terms as CouponTerms } }), kind: bad.kind };
          }),
        ),
      );
    case 'coupon-choices': {
      const parts = choicesPartsArb(options);
      return fc.oneof(
        weighted(1, values),
        weighted(
          3,
          fc.tuple(parts, historyMistakeArb(), fc.nat()).map(([p, breakIt, i]) => rule(choicesRequest({ ...p, ...breakCoupon(p.coupons, p.at, i, breakIt) }))),
        ),
        // A coupon id used twice (DUPLICATE_COUPON_ID).
        weighted(
          1,
          fc
            .tuple(parts, fc.nat())
            .map(([p, i]) => rule(choicesRequest({ ...p, coupons: [...p.coupons, ...p.coupons.slice(i % p.coupons.length).slice(0, 1)] }))),
        ),
        // A coupon the buyer could use whose amount has more decimals than the order's currency (TOO_MANY_DECIMALS).
        weighted(
          1,
          fc.tuple(parts, fc.bigInt({ min: 1n, max: 10_000n })).map(([p, units]) => {
            const mu = minorUnitsOf(p.order.currency);
            const coupon: CouponRecord = {
              id: 'c-extra',
              seller: 's1',
              recipient: 'b1',
              expires: iso(p.at + 30 * 24 * HOUR).slice(0, 10),
              timeZone: 'UTC',
              terms: { type: 'fixed', amount: decimal(units * 10n + 1n, mu + 1) },
              events: [],
            };
            return rule(choicesRequest({ ...p, coupons: [...p.coupons, coupon] }));
          }),
        ),
        weighted(
          1,
          fc.tuple(parts, invalidTermsArb(), fc.nat()).map(([p, terms, i]) => {
            const bad = terms(MAX_MINOR_UNITS);
            const k = i % p.coupons.length;
            return {
              request: choicesRequest({ ...p, coupons: p.coupons.map((c, j) => (j === k ? { ...c, terms: bad.terms as CouponTerms } : c)) }),
              kind: bad.kind,
            };
          }),
        ),
        // Two lines of the order under one id (DUPLICATE_LINE_ID).
        weighted(
          1,
          fc.tuple(parts, fc.nat(), fc.nat()).map(([p, from, to]) => rule(choicesRequest({ ...p, order: duplicateLineId(p.order, from, to) }))),
        ),
      );
    }
    case 'dispute-state': {
      const disputes = disputeArb(options);
      return fc.oneof(
        weighted(1, values),
        weighted(
          8,
          fc.tuple(disputes, disputeMistakeArb()).map(([d, breakIt]) => rule(disputeRequest(breakIt(d)))),
        ),
        // The order's quote breaks a rule of quotes (DUPLICATE_LINE_ID, CREDIT_EXCEEDS_TOTAL), or its coupon is invalid.
        weighted(
          1,
          fc
            .tuple(disputes, quoteMistakeArb())
            .map(([d, breakIt]) =>
              rule(disputeRequest({ ...d, dispute: { ...d.dispute, order: { ...d.dispute.order, quote: breakIt(d.dispute.order.quote) } } })),
            ),
        ),
        weighted(
          1,
          fc.tuple(disputes, invalidTermsArb()).map(([d, terms]) => {
            const bad = terms(minorUnitsOf(d.dispute.order.quote.currency));
            const quote = { ...d.dispute.order.quote, coupon: bad.terms as CouponTerms };
            return { request: disputeRequest({ ...d, dispute: { ...d.dispute, order: { ...d.dispute.order, quote } } }), kind: bad.kind };
          }),
        ),
      );
    }
    case 'outage-plan': {
      const inputs = outageInputArb(options);
      return fc.oneof(
        weighted(1, values),
        weighted(
          3,
          fc.tuple(inputs, outageMistakeArb()).map(([input, breakIt]) => rule(outageRequest(breakIt(input)))),
        ),
        weighted(
          2,
          fc.tuple(inputs, historyMistakeArb(), fc.nat()).map(([input, breakIt, i]) => {
            const broken = breakCoupon(input.coupons, Date.parse(String(input.at)), i, breakIt);
            return rule(outageRequest({ ...input, coupons: broken.coupons, at: iso(broken.at) }));
          }),
        ),
        // The compensation coupon's terms are invalid.
        weighted(
          1,
          fc.tuple(inputs, invalidTermsArb()).map(([input, terms]) => {
            const bad = terms(MAX_MINOR_UNITS);
            const compensation = {
              terms: { type: 'fixed', amount: '1.00' } as CouponTerms,
              validDays: 10,
              minOutageMinutes: 120,
              // Stryker disable next-line OptionalChaining: outageInputArb always gives a policy
              ...input.policy?.compensation,
            };
            return {
              request: outageRequest({ ...input, policy: { ...input.policy, compensation: { ...compensation, terms: bad.terms as CouponTerms } } }),
              kind: bad.kind,
            };
          }),
        ),
      );
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable `default:` of an exhaustive switch; an unknown op has already thrown in validRequestArb, above
    default: {
      const never: never = op;
      // Stryker disable next-line ArrayDeclaration,ObjectLiteral,StringLiteral: unreachable, see above
      throw new CouponRulesError([{ code: 'UNKNOWN_OP', path: 'op', message: `unknown op ${String(never)}` }]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The public arbitraries

/**
 * @internal Refusals of `op` with the kind of their mistake: half break the request's shape (the field tables say
 * how), half keep it and break a rule. Every one is a valid request with one thing wrong.
 */
export function taggedRefusalArb(op: WireRequestOp, options: ArbitraryOptions = {}): Arbitrary<TaggedRefusal> {
  const shape = mistakeArb(RECORD_OF[op], validRequestArb(op, options), shapeMistakesOf).map((request): TaggedRefusal => ({ request, kind: 'shape' }));
  return fc.oneof(weighted(1, shape), weighted(RULE_WEIGHT[op], ruleRefusalArb(op, options)));
}

/**
 * Wire requests of `op` that the library refuses (`answerWireRequest(r).ok === false`), spread over the op's error
 * codes: each is a valid request with one thing wrong, either its shape (a missing or unknown field, a value of the
 * wrong type, form or range, an empty list, found by walking the contract's field tables) or one rule (a history
 * that breaks the coupon or dispute rules, inconsistent incidents, invalid coupon terms, an unknown time zone, a
 * date not on the calendar…).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { answerWireRequest } from 'coupon-rules';
 * import { refusalArb } from 'coupon-rules/testing';
 * const answers = fc.sample(refusalArb('dispute-state'), { numRuns: 100, seed: 1 }).map((r) => answerWireRequest(r));
 * console.log(answers.every((a) => !a.ok)); // → true
 * // One of them: a time zone the runtime does not know, in an otherwise valid request.
 * const [request] = fc.sample(refusalArb('coupon-issue-check'), { numRuns: 1, seed: 6 });
 * console.log(request?.timeZone); // → Mars/Olympus
 * const answer = answerWireRequest(request);
 * if (!answer.ok) console.log(answer.errors.map((e) => `${e.code} at ${e.path}`)); // → [ 'INVALID_TIME_ZONE at timeZone' ]
 * ```
 */
export function refusalArb(op: WireRequestOp, options: ArbitraryOptions = {}): Arbitrary<WireRequest> {
  return taggedRefusalArb(op, options).map((t) => t.request);
}

/**
 * Wire requests of `op` (any of {@link WIRE_REQUEST_OPS}): a share `refusals` (default a quarter) that the library
 * refuses, spread over the op's error codes as {@link refusalArb} gives them, and the rest valid requests it answers.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { answerWireRequest } from 'coupon-rules';
 * import { wireRequestArb } from 'coupon-rules/testing';
 * const requests = fc.sample(wireRequestArb('coupon-issue-check'), { numRuns: 400, seed: 1 });
 * // 103 of 400 refused, about a quarter.
 * console.log(requests.filter((r) => !answerWireRequest(r).ok).length); // → 103
 * // With `refusals: 0`, only requests the library answers.
 * console.log(fc.sample(wireRequestArb('outage-plan', { refusals: 0 }), { numRuns: 50, seed: 1 }).every((r) => answerWireRequest(r).ok)); // → true
 * ```
 */
export function wireRequestArb(op: WireRequestOp, options: WireRequestOptions = {}): Arbitrary<WireRequest> {
  const share = options.refusals ?? DEFAULT_REFUSALS;
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new CouponRulesError([{ code: 'INVALID_RATIO', path: 'refusals', message: `refusals is a share from 0 to 1, got ${String(share)}` }]);
  }
  const refused = Math.round(share * SCALE);
  if (refused === 0) return validRequestArb(op, options);
  if (refused === SCALE) return refusalArb(op, options);
  return fc.oneof(weighted(SCALE - refused, validRequestArb(op, options)), weighted(refused, refusalArb(op, options)));
}

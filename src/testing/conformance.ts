import { CouponRulesError } from '../result.js';
import fc from 'fast-check';
import { answerWireRequest } from '../wire/answer.js';
import { couponRecordArb, disputeArb, outageInputArb, quoteRequestArb, type ArbitraryOptions } from './arbitraries/index.js';

/**
 * The wire ops a shop may implement itself and check against the library.
 *
 * @example
 * ```ts
 * import { CONFORMANCE_OPS } from 'coupon-rules/testing';
 * console.log(CONFORMANCE_OPS); // → [ 'quote', 'coupon-state', 'dispute-state', 'outage-plan' ]
 * ```
 */
export const CONFORMANCE_OPS = ['quote', 'coupon-state', 'dispute-state', 'outage-plan'] as const;

/**
 * One of {@link CONFORMANCE_OPS}.
 *
 * @example
 * ```ts
 * import type { ConformanceOp } from 'coupon-rules/testing';
 * const op: ConformanceOp = 'dispute-state';
 * ```
 */
export type ConformanceOp = (typeof CONFORMANCE_OPS)[number];

/**
 * A wire request: a JSON object with an `op`.
 *
 * @example
 * ```ts
 * import type { WireRequest } from 'coupon-rules/testing';
 * const r: WireRequest = { op: 'quote', currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '1', quantity: 1 }] };
 * ```
 */
export type WireRequest = Readonly<Record<string, unknown>>;

/**
 * A shop's implementation: takes a wire request and returns (or resolves to) its wire answer.
 *
 * @example
 * ```ts
 * import type { Candidate } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * const same: Candidate = (request) => answerWireRequest(request);
 * ```
 */
export type Candidate = (request: WireRequest) => unknown;

/**
 * Options of a conformance run. `errors: 'codes'` (default) compares the sets
 * of error codes of refusals; `'exact'` compares codes and paths in order.
 *
 * @example
 * ```ts
 * import type { ConformanceOptions } from 'coupon-rules/testing';
 * const o: ConformanceOptions = { numRuns: 500, seed: 42, errors: 'exact' };
 * ```
 */
export interface ConformanceOptions extends ArbitraryOptions {
  readonly numRuns?: number;
  readonly seed?: number;
  readonly errors?: 'codes' | 'exact';
}

/**
 * One field where the candidate's answer differs from the library's.
 *
 * @example
 * ```ts
 * import type { FieldDiff } from 'coupon-rules/testing';
 * const d: FieldDiff = { path: 'result.lines.0.lineTotal', expected: '0.03', actual: '0.02' };
 * ```
 */
export interface FieldDiff {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * The outcome of a conformance run: a pass with the number of cases, or the
 * smallest counterexample found, both answers, their field-by-field diff and
 * the seed to replay it.
 *
 * @example
 * ```ts
 * import { checkQuoteConformance, type ConformanceReport } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * const report: ConformanceReport = await checkQuoteConformance((r) => answerWireRequest(r), { numRuns: 20 });
 * console.log(report.ok); // → true
 * ```
 */
export type ConformanceReport =
  | { readonly ok: true; readonly op: ConformanceOp; readonly numRuns: number; readonly seed: number }
  | {
      readonly ok: false;
      readonly op: ConformanceOp;
      readonly numRuns: number;
      readonly seed: number;
      /** The shrunk request on which the answers differ. */
      readonly counterexample: WireRequest;
      readonly expected: unknown;
      readonly actual: unknown;
      readonly diff: readonly FieldDiff[];
      /** How many cases ran before the first failure. */
      readonly failedAfter: number;
    };

/**
 * Generated wire requests of an op (valid shapes; for `coupon-state` some histories break the rules on purpose).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { wireRequestArb } from 'coupon-rules/testing';
 * console.log(fc.sample(wireRequestArb('quote'), 1)[0]?.op); // → quote
 * ```
 */
export function wireRequestArb(op: ConformanceOp, options: ArbitraryOptions = {}): fc.Arbitrary<WireRequest> {
  switch (op) {
    case 'quote':
      return quoteRequestArb(options).map((r) => ({ op, ...r }));
    case 'coupon-state':
      return fc
        .tuple(couponRecordArb(options), fc.integer({ min: 0, max: 24 * 90 }))
        .map(([{ events, ...coupon }, hours]) => ({ op, coupon, events, at: new Date(Date.parse('2026-12-01T00:00:00Z') + hours * 3_600_000).toISOString() }));
    case 'dispute-state':
      return disputeArb(options).map(({ dispute, at }) => ({
        op,
        policy: dispute.policy,
        order: { ...dispute.order, quote: { op: 'quote', ...dispute.order.quote } },
        events: dispute.events,
        at,
      }));
    case 'outage-plan':
      return outageInputArb(options).map((input) => ({ op, ...input }));
    default: {
      const never: never = op;
      throw new CouponRulesError([{ code: 'UNKNOWN_OP', path: 'op', message: `unknown op ${String(never)}` }]);
    }
  }
}

const json = (v: unknown): unknown => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

const codeAndPath = (e: unknown): unknown =>
  typeof e === 'object' && e !== null ? { code: (e as { code?: unknown }).code, path: (e as { path?: unknown }).path } : e;

function normalise(answer: unknown, errors: 'codes' | 'exact'): unknown {
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== false) return answer;
  const list = (answer as { errors?: unknown }).errors;
  // Messages are for people and may change: even the exact comparison looks at codes and paths only.
  if (errors === 'exact') return Array.isArray(list) ? { ...answer, errors: (list as unknown[]).map(codeAndPath) } : answer;
  const codes = Array.isArray(list)
    ? [...new Set((list as unknown[]).map((e) => String(typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : e)))].sort()
    : list;
  return { ok: false, errorCodes: codes };
}

/**
 * The field-by-field differences between two JSON values (paths dot-separated).
 *
 * @example
 * ```ts
 * import { diffAnswers } from 'coupon-rules/testing';
 * console.log(diffAnswers({ ok: true, result: { a: '1.00' } }, { ok: true, result: { a: '1.0' } })); // → [ { path: 'result.a', expected: '1.00', actual: '1.0' } ]
 * ```
 */
export function diffAnswers(expected: unknown, actual: unknown, path = ''): FieldDiff[] {
  const join = (k: string | number) => (path === '' ? String(k) : `${path}.${String(k)}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: FieldDiff[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) out.push(...diffAnswers(expected[i], actual[i], join(i)));
    return out;
  }
  if (
    typeof expected === 'object' &&
    expected !== null &&
    typeof actual === 'object' &&
    actual !== null &&
    !Array.isArray(expected) &&
    !Array.isArray(actual)
  ) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => diffAnswers((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], join(k)));
  }
  return Object.is(expected, actual) ? [] : [{ path: path === '' ? '(answer)' : path, expected, actual }];
}

/**
 * Property-tests a shop's own implementation of a wire op against the
 * library: generated requests go to both, and the answers must agree
 * (refusals by their error codes, unless `errors: 'exact'`). Resolves to a
 * pass with the number of cases, or the smallest counterexample fast-check
 * can shrink to, with a field-by-field diff and a reproducible seed.
 *
 * @example
 * ```ts
 * import { checkConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * const report = await checkConformance('outage-plan', (r) => answerWireRequest(r), { numRuns: 25, seed: 7 });
 * console.log(report.ok); // → true
 * ```
 */
export async function checkConformance(op: ConformanceOp, candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const numRuns = options.numRuns ?? 100;
  // Stryker disable next-line StringLiteral: normalise only tests errors === 'exact', so any other default behaves like 'codes'
  const errors = options.errors ?? 'codes';
  const compare = async (request: WireRequest) => {
    const expected = normalise(json(answerWireRequest(request)), errors);
    let actual: unknown;
    try {
      actual = normalise(json(await candidate(json(request) as WireRequest)), errors);
    } catch (e) {
      actual = { thrown: e instanceof Error ? e.message : String(e) };
    }
    return { expected, actual, diff: diffAnswers(expected, actual) };
  };
  const details = await fc.check(
    fc.asyncProperty(wireRequestArb(op, options), async (request) => (await compare(request)).diff.length === 0),
    // Without a seed, fast-check draws one; it is reported either way so that any run can be replayed.
    options.seed === undefined ? { numRuns } : { numRuns, seed: options.seed },
  );
  const seed = details.seed;
  // Stryker disable next-line LogicalOperator: without fc.pre or interruption, fast-check gives a counterexample exactly when the run failed
  if (!details.failed || !details.counterexample) return { ok: true, op, numRuns, seed };
  const [counterexample] = details.counterexample;
  const { expected, actual, diff } = await compare(counterexample);
  return { ok: false, op, numRuns, seed, counterexample, expected, actual, diff, failedAfter: details.numRuns };
}

/**
 * {@link checkConformance} for `op: "quote"`.
 *
 * @example
 * ```ts
 * import { checkQuoteConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * console.log((await checkQuoteConformance((r) => answerWireRequest(r), { numRuns: 20 })).ok); // → true
 * ```
 */
export function checkQuoteConformance(candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  return checkConformance('quote', candidate, options);
}

/**
 * {@link checkConformance} for `op: "coupon-state"`.
 *
 * @example
 * ```ts
 * import { checkCouponStateConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * console.log((await checkCouponStateConformance((r) => answerWireRequest(r), { numRuns: 20 })).ok); // → true
 * ```
 */
export function checkCouponStateConformance(candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  return checkConformance('coupon-state', candidate, options);
}

/**
 * {@link checkConformance} for `op: "dispute-state"`.
 *
 * @example
 * ```ts
 * import { checkDisputeStateConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * console.log((await checkDisputeStateConformance((r) => answerWireRequest(r), { numRuns: 20 })).ok); // → true
 * ```
 */
export function checkDisputeStateConformance(candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  return checkConformance('dispute-state', candidate, options);
}

/**
 * {@link checkConformance} for `op: "outage-plan"`.
 *
 * @example
 * ```ts
 * import { checkOutagePlanConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * console.log((await checkOutagePlanConformance((r) => answerWireRequest(r), { numRuns: 20 })).ok); // → true
 * ```
 */
export function checkOutagePlanConformance(candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  return checkConformance('outage-plan', candidate, options);
}

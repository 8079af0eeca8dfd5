import fc from './fast-check.js';
import { answerWireRequest } from '../wire/answer.js';
import { compareAnswers, type ErrorsMode, type FieldDiff } from './compare.js';
import { WIRE_REQUEST_OPS, type WireRequestOp, type WireRequestOptions, wireRequestArb } from './requests.js';

/**
 * The wire ops a shop may implement itself and check against the library: all six.
 *
 * @example
 * ```ts
 * import { CONFORMANCE_OPS } from 'coupon-rules/testing';
 * console.log(CONFORMANCE_OPS); // → [ 'quote', 'coupon-issue-check', 'coupon-state', 'coupon-choices', 'dispute-state', 'outage-plan' ]
 * ```
 */
export const CONFORMANCE_OPS = WIRE_REQUEST_OPS;

/**
 * One of {@link CONFORMANCE_OPS}.
 *
 * @example
 * ```ts
 * import type { ConformanceOp } from 'coupon-rules/testing';
 * const op: ConformanceOp = 'dispute-state';
 * ```
 */
export type ConformanceOp = WireRequestOp;

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
 * Options of a conformance run. `errors` says how refusals are compared
 * (see {@link ERRORS_MODES}): `'codes'` (default) the sets of error codes,
 * `'exact'` codes and paths in order, `'outcome'` only ok versus refused;
 * `refusals` the share of generated requests the library refuses (default a quarter).
 *
 * @example
 * ```ts
 * import type { ConformanceOptions } from 'coupon-rules/testing';
 * const o: ConformanceOptions = { numRuns: 500, seed: 42, errors: 'exact', refusals: 0.5 };
 * ```
 */
export interface ConformanceOptions extends WireRequestOptions {
  readonly numRuns?: number;
  readonly seed?: number;
  readonly errors?: ErrorsMode;
}

/**
 * Thrown (or rejected with) by a candidate that can no longer answer: a
 * program that hung, crashed or fell out of step. The run stops at once and
 * reports the request it was answering, unshrunk (shrinking would ask a
 * program that is gone); `details` says what happened, for people.
 *
 * @example
 * ```ts
 * import { CandidateFailure } from 'coupon-rules/testing';
 * const hang = new CandidateFailure('timeout', 'no answer within 5000 ms');
 * console.log(hang.kind, hang.message); // → timeout no answer within 5000 ms
 * ```
 */
export class CandidateFailure extends Error {
  constructor(
    /** `timeout`: no answer in time; `crash`: the program ended or cannot start; `desync`: its answers are out of step with the requests. */
    readonly kind: 'timeout' | 'crash' | 'desync',
    message: string,
    /** Lines that help to see why (the last lines of the program's stderr, say). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CandidateFailure';
  }
}

/**
 * The outcome of a conformance run: a pass with the number of cases, or the
 * first failing request (shrunk to the smallest fast-check finds, unless the
 * candidate stopped answering), both answers as they were given, their
 * field-by-field diff as compared, and the seed to replay it.
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
      /** The request on which the answers differ: shrunk, or the very request a failing candidate was answering. */
      readonly counterexample: WireRequest;
      /** The library's answer, as it is. */
      readonly expected: unknown;
      /** The candidate's answer, as it is (`undefined` when it failed to answer). */
      readonly actual: unknown;
      /** The differences as compared (refusals reduced as `errors` says). */
      readonly diff: readonly FieldDiff[];
      /** How many cases ran before the first failure. */
      readonly failedAfter: number;
      /** Present when the candidate hung, crashed or fell out of step: the run stopped there. */
      readonly failure?: { readonly kind: CandidateFailure['kind']; readonly message: string; readonly details: readonly string[] };
    };

const json = (v: unknown): unknown => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

/**
 * Property-tests a shop's own implementation of a wire op against the
 * library: generated requests (valid ones and, about a quarter, ones the
 * rules refuse) go to both, and the answers must agree (refusals compared
 * as `errors` says). Resolves to a pass with the number of cases, or the
 * smallest counterexample fast-check can shrink to, with both answers, a
 * field-by-field diff and a reproducible seed. A candidate that throws a
 * {@link CandidateFailure} ends the run at once, reported with the request
 * it was answering; any other throw is a wrong answer (`{ thrown: message }`).
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
  const errors = options.errors ?? 'codes';
  // The first failure the candidate cannot recover from, and the request it was answering.
  let stopped: { readonly request: WireRequest; readonly failure: CandidateFailure; readonly run: number } | undefined;
  let runs = 0;
  // The two answers and their differences; or, when the candidate can no longer answer, why.
  const compare = async (request: WireRequest) => {
    const expected = json(answerWireRequest(request));
    let actual: unknown;
    try {
      actual = json(await candidate(json(request) as WireRequest));
    } catch (e) {
      if (e instanceof CandidateFailure) return { failure: e };
      actual = { thrown: e instanceof Error ? e.message : String(e) };
    }
    return { expected, actual, diff: compareAnswers(expected, actual, errors) };
  };
  const details = await fc.check(
    fc.asyncProperty(wireRequestArb(op, options), async (request) => {
      // Once the candidate is gone, every further case (shrinking's among them) is skipped: the failing request stays as it was.
      fc.pre(stopped === undefined);
      runs++;
      const compared = await compare(request);
      if ('failure' in compared) {
        stopped = { request, failure: compared.failure, run: runs };
        // Stryker disable next-line BooleanLiteral: true would only let fast-check draw more cases, each skipped by fc.pre above; the report comes from `stopped` either way
        return false;
      }
      return compared.diff.length === 0;
    }),
    // Without a seed, fast-check draws one; it is reported either way so that any run can be replayed.
    options.seed === undefined ? { numRuns } : { numRuns, seed: options.seed },
  );
  const seed = details.seed;
  const stoppedReport = (request: WireRequest, failure: CandidateFailure, run: number): ConformanceReport => ({
    ok: false,
    op,
    numRuns,
    seed,
    counterexample: request,
    expected: json(answerWireRequest(request)),
    actual: undefined,
    diff: [],
    failedAfter: run,
    failure: { kind: failure.kind, message: failure.message, details: failure.details },
  });
  if (stopped !== undefined) return stoppedReport(stopped.request, stopped.failure, stopped.run);
  // Stryker disable next-line LogicalOperator: without interruption, fast-check gives a counterexample exactly when the run failed
  if (!details.failed || !details.counterexample) return { ok: true, op, numRuns, seed };
  const [counterexample] = details.counterexample;
  const compared = await compare(counterexample);
  // A candidate that fails only now, on the shrunk request, is reported as failing there.
  if ('failure' in compared) return stoppedReport(counterexample, compared.failure, details.numRuns);
  return { ok: false, op, numRuns, seed, counterexample, ...compared, failedAfter: details.numRuns };
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

/**
 * {@link checkConformance} for `op: "coupon-issue-check"`.
 *
 * @example
 * ```ts
 * import { checkCouponIssueCheckConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * console.log((await checkCouponIssueCheckConformance((r) => answerWireRequest(r), { numRuns: 20 })).ok); // → true
 * ```
 */
export function checkCouponIssueCheckConformance(candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  return checkConformance('coupon-issue-check', candidate, options);
}

/**
 * {@link checkConformance} for `op: "coupon-choices"`.
 *
 * @example
 * ```ts
 * import { checkCouponChoicesConformance } from 'coupon-rules/testing';
 * import { answerWireRequest } from 'coupon-rules';
 * console.log((await checkCouponChoicesConformance((r) => answerWireRequest(r), { numRuns: 20 })).ok); // → true
 * ```
 */
export function checkCouponChoicesConformance(candidate: Candidate, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  return checkConformance('coupon-choices', candidate, options);
}

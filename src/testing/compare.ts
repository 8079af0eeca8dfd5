// How two wire answers are compared: by `conform`, `audit` and the conformance runners. It loads no
// fast-check, so that `coupon-rules audit` runs where fast-check is not installed.

/**
 * How refusals are compared: `codes` (the same set of error codes), `exact`
 * (the same codes and paths, in order), `outcome` (only ok versus refused,
 * for an implementation that does not adopt the library's codes). Successful
 * answers are always compared field by field; messages never are.
 *
 * @example
 * ```ts
 * import { ERRORS_MODES } from 'coupon-rules/testing';
 * console.log(ERRORS_MODES); // → [ 'codes', 'exact', 'outcome' ]
 * ```
 */
export const ERRORS_MODES = ['codes', 'exact', 'outcome'] as const;

/**
 * One of {@link ERRORS_MODES}.
 *
 * @example
 * ```ts
 * import type { ErrorsMode } from 'coupon-rules/testing';
 * const mode: ErrorsMode = 'outcome';
 * ```
 */
export type ErrorsMode = (typeof ERRORS_MODES)[number];

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

/** @internal A JSON object (not null, not an array): what a wire answer, an error or a recorded pair must be. */
export const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

const codeOf = (e: unknown): string => String(isRecord(e) ? e.code : e);

/**
 * An answer as the comparison in `mode` sees it: a success unchanged; a
 * refusal reduced to its sorted set of codes (`codes`), to its codes and
 * paths in order (`exact`), or to `{ ok: false }` (`outcome`). Anything
 * that is not a wire answer is returned as it is, so that it differs.
 *
 * @example
 * ```ts
 * import { normaliseAnswer } from 'coupon-rules/testing';
 * const refusal = { ok: false, errors: [{ code: 'INVALID_AMOUNT', path: 'lines.1.unitPrice', message: '…' }, { code: 'INVALID_AMOUNT', path: 'lines.0.unitPrice', message: '…' }] };
 * console.log(normaliseAnswer(refusal, 'codes')); // → { ok: false, errorCodes: [ 'INVALID_AMOUNT' ] }
 * console.log(normaliseAnswer(refusal, 'outcome')); // → { ok: false }
 * ```
 */
export function normaliseAnswer(answer: unknown, mode: ErrorsMode): unknown {
  if (!isRecord(answer) || answer.ok !== false) return answer;
  const list = answer.errors;
  switch (mode) {
    case 'outcome':
      return { ok: false };
    case 'exact':
      // Messages are for people and may change: even the exact comparison looks at codes and paths only.
      return Array.isArray(list) ? { ok: false, errors: list.map((e: unknown) => (isRecord(e) ? { code: e.code, path: e.path } : e)) } : answer;
    case 'codes':
      return Array.isArray(list) ? { ok: false, errorCodes: [...new Set(list.map(codeOf))].sort() } : answer;
    // Stryker disable next-line all: the exhaustive check; no ErrorsMode reaches it
    default: {
      const never: never = mode;
      return never;
    }
  }
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
  const out: FieldDiff[] = [];
  diffInto(out, expected, actual, path);
  return out;
}

function diffInto(out: FieldDiff[], expected: unknown, actual: unknown, path: string): void {
  const join = (k: string | number) => (path === '' ? String(k) : `${path}.${String(k)}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    // Stryker disable next-line EqualityOperator: one index past both ends compares undefined with undefined, which never differs
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) diffInto(out, expected[i], actual[i], join(i));
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    for (const k of new Set([...Object.keys(expected), ...Object.keys(actual)])) diffInto(out, expected[k], actual[k], join(k));
    return;
  }
  if (!Object.is(expected, actual)) out.push({ path: path === '' ? '(answer)' : path, expected, actual });
}

/**
 * Where a candidate's wire answer differs from the library's, refusals
 * compared as `mode` says (see {@link normaliseAnswer}); empty when they agree.
 *
 * @example
 * ```ts
 * import { compareAnswers } from 'coupon-rules/testing';
 * const library = { ok: false, errors: [{ code: 'INVALID_AMOUNT', path: 'lines.0.unitPrice', message: 'not an amount' }] };
 * const mine = { ok: false, errors: [{ code: 'BAD_PRICE', path: 'lines.0.unitPrice', message: 'bad price' }] };
 * console.log(compareAnswers(library, mine, 'codes')); // → [ { path: 'errorCodes.0', expected: 'INVALID_AMOUNT', actual: 'BAD_PRICE' } ]
 * console.log(compareAnswers(library, mine, 'outcome')); // → []
 * ```
 */
export function compareAnswers(expected: unknown, actual: unknown, mode: ErrorsMode = 'codes'): FieldDiff[] {
  return diffAnswers(normaliseAnswer(expected, mode), normaliseAnswer(actual, mode));
}

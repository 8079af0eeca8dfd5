import { MAX_ERRORS, type RuleErrorCode } from './contract/index.js';

/**
 * One problem found in an input: a stable machine-readable `code`, a `path`
 * into the input (dot-separated, array indexes as numbers, `""` for the input
 * itself) and a human `message`.
 *
 * @example
 * ```ts
 * import type { RuleError } from 'coupon-rules';
 * const e: RuleError = { code: 'TOO_MANY_DECIMALS', path: 'lines.0.unitPrice', message: 'USD allows at most 2 decimals' };
 * ```
 */
export interface RuleError {
  /** One of {@link RuleErrorCode}: stable, for machines. */
  readonly code: RuleErrorCode;
  readonly path: string;
  readonly message: string;
  /** Only on the `TOO_MANY_ERRORS` entry that ends a capped list: how many problems were found in all. */
  readonly total?: number;
}

// MAX_ERRORS (the cap of an error list) is a bound of the contract: src/contract/bounds.ts.
export { MAX_ERRORS };

/** @internal The code of the entry that ends a capped error list. */
export const TOO_MANY_ERRORS = 'TOO_MANY_ERRORS';

/** @internal The entry that ends a capped error list. */
export const tooManyErrors = (total: number): RuleError => ({
  code: TOO_MANY_ERRORS,
  path: '',
  message: `${String(total)} problems found; the first ${String(MAX_ERRORS)} are listed`,
  total,
});

/**
 * The outcome of an operation that can fail for reasons of its input or of
 * the business rules: either `{ ok: true, value }` or `{ ok: false, errors }`
 * with every problem found (never just the first).
 *
 * @example
 * ```ts
 * import { parseMoney } from 'coupon-rules';
 * const r = parseMoney('12.345', 'USD');
 * if (!r.ok) console.log(r.errors.map((e) => e.code)); // → [ 'TOO_MANY_DECIMALS' ]
 * ```
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly RuleError[] };

/** @internal Exhaustiveness guard for `switch` over unions. */
export function assertNever(value: never): never {
  throw new CouponRulesError([ruleError('INTERNAL_ERROR', '', `unexpected value: ${String(value)}`)]);
}

/** @internal */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** @internal A failed result; a list longer than {@link MAX_ERRORS} keeps its first problems and their total. */
export const fail = <T = never>(errors: readonly RuleError[]): Result<T> => ({ ok: false, errors: capErrors(errors) });

/** @internal The first {@link MAX_ERRORS} problems, then one `TOO_MANY_ERRORS` entry; a list capped already is kept. */
export function capErrors(errors: readonly RuleError[]): readonly RuleError[] {
  if (errors.length <= MAX_ERRORS || errors[MAX_ERRORS]?.code === TOO_MANY_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), tooManyErrors(errors.length)];
}
/** @internal */
export const ruleError = (code: RuleErrorCode, path: string, message: string): RuleError => ({ code, path, message });
/** @internal */
export const joinPath = (base: string, key: string | number): string => (base === '' ? String(key) : `${base}.${String(key)}`);
/** @internal Re-roots the path of an error found in a nested input: the nested root (`''`) is the input's own path. */
export const nestPath = (base: string, path: string): string => (path === '' ? base : joinPath(base, path));

/**
 * Thrown by the convenience constructors (`money`, `unitPrice`, `currency`)
 * and by arithmetic misuse (mixing currencies, leaving the documented bounds).
 * It carries the same structured `errors` that the `parse*` functions return.
 *
 * @example
 * ```ts
 * import { money, CouponRulesError } from 'coupon-rules';
 * try { money('1e3', 'USD'); } catch (e) {
 *   if (e instanceof CouponRulesError) console.log(e.code); // → EXPONENT_NOTATION
 * }
 * ```
 */
export class CouponRulesError extends Error {
  /** The code of the first error (all of them are in `errors`). */
  readonly code: RuleErrorCode;
  readonly errors: readonly RuleError[];

  constructor(errors: readonly RuleError[]) {
    const first = errors[0] ?? ruleError('INTERNAL_ERROR', '', 'an error with no details');
    super(errors.map((e) => (e.path === '' ? `${e.code}: ${e.message}` : `${e.code} at ${e.path}: ${e.message}`)).join('; '));
    this.name = 'CouponRulesError';
    this.code = first.code;
    this.errors = errors;
  }
}

/**
 * Returns the value of an ok result, or throws a {@link CouponRulesError}
 * carrying its errors.
 *
 * @example
 * ```ts
 * import { CouponRulesError, parseMoney, unwrap } from 'coupon-rules';
 * const price = unwrap(parseMoney('9.99', 'USD'));
 * console.log(price.amount); // → 9.99
 * try {
 *   unwrap(parseMoney('9.999', 'USD'));
 * } catch (e) {
 *   if (e instanceof CouponRulesError) console.log(e.errors); // → [ { code: 'TOO_MANY_DECIMALS', path: '', message: 'USD amounts have at most 2 decimals, got 3' } ]
 * }
 * ```
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CouponRulesError(result.errors);
}

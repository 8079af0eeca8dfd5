import { CouponRulesError, type Result, type RuleError, type RuleErrorCode } from '../src/index.js';

// The few helpers every test folder needs, written once. `unwrap` (ok-or-throw) is the library's own.
export { unwrap } from '../src/index.js';

/** One expected error, written as the library reports it. */
export const err = (code: RuleErrorCode, path: string, message: string): RuleError => ({ code, path, message });

/** The errors of a result: `[]` when it succeeded. */
export const errorsOf = <T>(result: Result<T>): readonly RuleError[] => (result.ok ? [] : result.errors);

/** The codes of a result's errors, in order: `[]` when it succeeded. */
export const codesOf = <T>(result: Result<T>): string[] => errorsOf(result).map((e) => e.code);

/** `code@path` for each of a result's errors, in order: `[]` when it succeeded. */
export const codePathsOf = <T>(result: Result<T>): string[] => errorsOf(result).map((e) => `${e.code}@${e.path}`);

/** The structured errors a convenience function threw, as a CouponRulesError (anything else thrown fails the test). */
export function errorsThrownBy(run: () => unknown): readonly RuleError[] {
  try {
    run();
  } catch (e) {
    if (e instanceof CouponRulesError) return e.errors;
    throw e;
  }
  throw new Error('expected a CouponRulesError, but nothing was thrown');
}

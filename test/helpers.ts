import { CouponRulesError, type RuleError } from '../src/index.js';

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

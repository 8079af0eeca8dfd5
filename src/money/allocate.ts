import { CouponRulesError, ruleError, type RuleError } from '../result.js';
import { sameCurrency } from './currency.js';
import { minorOf, moneyFromMinor, type Money } from './money.js';
import { allocateInteger } from './integer.js';
import { parseDecimalInput } from './parse.js';

/** A weight for {@link allocate}: a non-negative integer, bigint, decimal string, or Money of the same currency.
 *
 * @example
 * ```ts
 * import { allocate, money, type Weight } from 'coupon-rules';
 * const weights: Weight[] = [1, '2.5', money('1.00', 'USD')];
 * console.log(allocate(money('4.50', 'USD'), weights).map((m) => m.amount)); // → [ '1.00', '2.50', '1.00' ]
 * ```
 */
export type Weight = number | bigint | string | Money;

/**
 * Splits an amount into parts proportional to `weights` by the
 * largest-remainder method, in whole minor units: the parts sum exactly to
 * the amount, each is within one minor unit of its exact share, units left
 * over go to the largest remainders (equal remainders: the earlier weight
 * first), and a zero weight gets zero. Negative weights, all-zero weights,
 * an empty list or a float weight throw `INVALID_WEIGHTS`.
 *
 * @example
 * ```ts
 * import { allocate, money } from 'coupon-rules';
 * console.log(allocate(money('10.00', 'USD'), [1, 1, 1]).map((m) => m.amount)); // → [ '3.34', '3.33', '3.33' ]
 * console.log(allocate(money('0.05', 'USD'), [70, 30]).map((m) => m.amount)); // → [ '0.04', '0.01' ]
 * ```
 */
export function allocate(amount: Money, weights: readonly Weight[]): Money[] {
  const errors: RuleError[] = [];
  let scale = 0;
  const parsed = weights.map((w, i) => {
    if (typeof w === 'bigint') return { units: w, scale: 0 };
    if (typeof w === 'object') {
      if (!sameCurrency(w.currency, amount.currency))
        errors.push(ruleError('CURRENCY_MISMATCH', String(i), `weight ${i} is in ${w.currency.code}, the amount in ${amount.currency.code}`));
      scale = Math.max(scale, w.currency.minorUnits);
      return { units: minorOf(w), scale: w.currency.minorUnits };
    }
    const p = parseDecimalInput(w, { maxDecimals: 30, allowNegative: true, currencyCode: 'weight' }, String(i));
    if (!p.value) {
      errors.push(...p.errors.map((e) => ({ ...e, code: 'INVALID_WEIGHTS' as const })));
      // Stryker disable next-line ObjectLiteral: after a bad weight the error is thrown below, so its units are never read
      return { units: 0n, scale: 0 };
    }
    scale = Math.max(scale, p.value.fraction.length);
    // Stryker disable next-line StringLiteral: BigInt('' + fraction) equals BigInt('0' + fraction), as BigInt('') is 0n
    const units = BigInt((p.value.integer || '0') + p.value.fraction);
    return { units: p.value.negative ? -units : units, scale: p.value.fraction.length };
  });
  parsed.forEach((p, i) => {
    if (p.units < 0n) errors.push(ruleError('INVALID_WEIGHTS', String(i), `weight ${i} is negative`));
  });
  if (weights.length === 0) errors.push(ruleError('INVALID_WEIGHTS', '', 'allocate needs at least one weight'));
  else if (errors.length === 0 && parsed.every((p) => p.units === 0n)) errors.push(ruleError('INVALID_WEIGHTS', '', 'the weights are all zero'));
  if (errors.length > 0) throw new CouponRulesError(errors);
  const ints = parsed.map((p) => p.units * 10n ** BigInt(scale - p.scale));
  return allocateInteger(minorOf(amount), ints).map((m) => moneyFromMinor(m, amount.currency));
}

import { CouponRulesError, ruleError } from '../result.js';
import { type Currency, type CurrencyInput, currency as toCurrency, sameCurrency } from './currency.js';
import { MAX_QUANTITY } from './bounds.js';
import { Dec } from './decimal.js';
import { decimalOf, minorOf, moneyFromMinor, moneyOf, type Money, type UnitPrice } from './money.js';
import { parseDecimalInput } from './parse.js';
import { Decimal } from 'decimal.js';
import { divRound, unknownRoundingMode } from './integer.js';
import { DEFAULT_ROUNDING, type RoundingMode } from './rounding.js';

/** @internal decimal.js rounding constant for a mode. */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  switch (mode) {
    case 'half-up':
      return Decimal.ROUND_HALF_UP;
    case 'half-even':
      return Decimal.ROUND_HALF_EVEN;
    case 'half-down':
      return Decimal.ROUND_HALF_DOWN;
    case 'down':
      return Decimal.ROUND_DOWN;
    case 'up':
      return Decimal.ROUND_UP;
    default:
      return unknownRoundingMode(mode);
  }
}

function checkSame(a: Money | UnitPrice, b: Money | UnitPrice): Currency {
  if (!sameCurrency(a.currency, b.currency)) throw mismatch(a.currency, b.currency);
  return a.currency;
}

function mismatch(a: Currency, b: Currency): CouponRulesError {
  return new CouponRulesError([ruleError('CURRENCY_MISMATCH', '', `cannot combine ${a.code} with ${b.code}`)]);
}

/** @internal A quantity: a non-negative safe integer up to MAX_QUANTITY. */
export function checkQuantity(quantity: number | bigint): bigint {
  const q = typeof quantity === 'bigint' ? quantity : Number.isSafeInteger(quantity) ? BigInt(quantity) : undefined;
  if (q === undefined || q < 0n || q > BigInt(MAX_QUANTITY)) {
    throw new CouponRulesError([ruleError('INVALID_QUANTITY', '', `a quantity is an integer from 0 to ${MAX_QUANTITY}, got ${String(quantity)}`)]);
  }
  return q;
}

/** A ratio part: a safe integer, a bigint or a non-negative decimal string such as `"12.5"`.
 *
 * @example
 * ```ts
 * import { multiplyByRatio, money, type RatioPart } from 'coupon-rules';
 * const third: RatioPart = '1';
 * console.log(multiplyByRatio(money('9.00', 'USD'), third, 3).amount); // → 3.00
 * ```
 */
export type RatioPart = number | bigint | string;

// An exact rational n / 10^scale from a ratio part.
function scaled(part: RatioPart, what: string): { units: bigint; scale: number } {
  if (typeof part === 'bigint') {
    if (part < 0n) throw new CouponRulesError([ruleError('SIGN_NOT_ALLOWED', what, `the ${what} must not be negative`)]);
    return { units: part, scale: 0 };
  }
  // Stryker disable next-line StringLiteral: the path given here is replaced by `what` on every error below
  const p = parseDecimalInput(part, { maxDecimals: 30, allowNegative: false, currencyCode: what }, '');
  if (!p.value) throw new CouponRulesError(p.errors.map((e) => ({ ...e, path: what })));
  const { negative, integer, fraction } = p.value;
  // Stryker disable next-line StringLiteral: BigInt('' + fraction) equals BigInt('0' + fraction), as BigInt('') is 0n
  const units = BigInt((integer || '0') + fraction);
  // Stryker disable next-line UnaryOperator: negative is always false here (allowNegative: false rejects every sign, even on -0)
  return { units: negative ? -units : units, scale: fraction.length };
}

/**
 * `a + b`, exact. Throws `CURRENCY_MISMATCH` when the currencies differ.
 *
 * @example
 * ```ts
 * import { add, money } from 'coupon-rules';
 * console.log(add(money('0.10', 'USD'), money('0.20', 'USD')).amount); // → 0.30
 * ```
 */
export function add(a: Money, b: Money): Money {
  const c = checkSame(a, b);
  return moneyOf(decimalOf(a).plus(decimalOf(b)), c);
}

/**
 * `a − b`, exact; may be negative. Throws `CURRENCY_MISMATCH` when the currencies differ.
 *
 * @example
 * ```ts
 * import { subtract, money } from 'coupon-rules';
 * console.log(subtract(money('5.00', 'USD'), money('7.25', 'USD')).amount); // → -2.25
 * ```
 */
export function subtract(a: Money, b: Money): Money {
  const c = checkSame(a, b);
  return moneyOf(decimalOf(a).minus(decimalOf(b)), c);
}

/**
 * Money times a whole quantity (0 to 10^9): exact, no rounding needed.
 *
 * @example
 * ```ts
 * import { multiply, money } from 'coupon-rules';
 * console.log(multiply(money('2.50', 'USD'), 3).amount); // → 7.50
 * ```
 */
export function multiply(value: Money, quantity: number | bigint): Money {
  const q = checkQuantity(quantity);
  return moneyOf(decimalOf(value).times(q.toString()), value.currency);
}

/**
 * Unit price times quantity, rounded once to the currency's minor unit with
 * the named mode (default `half-up`): the total of an order line.
 *
 * @example
 * ```ts
 * import { lineTotal, unitPrice } from 'coupon-rules';
 * const part = unitPrice('0.0125', 'USD');
 * console.log(lineTotal(part, 400).amount); // → 5.00
 * console.log(lineTotal(part, 3).amount, lineTotal(part, 3, 'down').amount); // → 0.04 0.03
 * ```
 */
export function lineTotal(price: UnitPrice | Money, quantity: number | bigint, rounding: RoundingMode = DEFAULT_ROUNDING): Money {
  const q = checkQuantity(quantity);
  const exact = decimalOf(price).times(q.toString());
  return moneyOf(exact.toDecimalPlaces(price.currency.minorUnits, decimalRounding(rounding)), price.currency);
}

/**
 * A unit price rounded to whole minor units with the named mode.
 *
 * @example
 * ```ts
 * import { roundToMinor, unitPrice } from 'coupon-rules';
 * console.log(roundToMinor(unitPrice('0.125', 'USD'), 'half-even').amount); // → 0.12
 * ```
 */
export function roundToMinor(price: UnitPrice, rounding: RoundingMode = DEFAULT_ROUNDING): Money {
  return lineTotal(price, 1, rounding);
}

/**
 * `value × numerator / denominator`, computed exactly and rounded once to
 * minor units with the named mode. Parts are integers or decimal strings;
 * the denominator must be positive.
 *
 * @example
 * ```ts
 * import { multiplyByRatio, money } from 'coupon-rules';
 * console.log(multiplyByRatio(money('10.00', 'USD'), 1, 3).amount); // → 3.33
 * console.log(multiplyByRatio(money('10.00', 'USD'), 2, 3, 'down').amount); // → 6.66
 * ```
 */
export function multiplyByRatio(value: Money, numerator: RatioPart, denominator: RatioPart, rounding: RoundingMode = DEFAULT_ROUNDING): Money {
  const n = scaled(numerator, 'numerator');
  const d = scaled(denominator, 'denominator');
  if (d.units <= 0n) throw new CouponRulesError([ruleError('INVALID_RATIO', 'denominator', 'the denominator must be positive')]);
  // value × (n.units / 10^n.scale) / (d.units / 10^d.scale)
  const num = minorOf(value) * n.units * 10n ** BigInt(d.scale);
  const den = d.units * 10n ** BigInt(n.scale);
  return moneyFromMinor(divRound(num, den, rounding), value.currency);
}

/**
 * `percent`% of an amount (`"12.5"` for 12.5%), rounded once to minor units
 * with the named mode.
 *
 * @example
 * ```ts
 * import { percentage, money } from 'coupon-rules';
 * // 15% of 19.99 is 2.9985, rounded half-up by default:
 * console.log(percentage(money('19.99', 'USD'), '15').amount); // → 3.00
 * console.log(percentage(money('19.99', 'USD'), '15', 'down').amount); // → 2.99
 * ```
 */
export function percentage(value: Money, percent: RatioPart, rounding: RoundingMode = DEFAULT_ROUNDING): Money {
  return multiplyByRatio(value, percent, 100, rounding);
}

/**
 * Compares two amounts of the same currency: -1, 0 or 1.
 *
 * @example
 * ```ts
 * import { compare, money } from 'coupon-rules';
 * console.log(compare(money('1.00', 'USD'), money('2.00', 'USD'))); // → -1
 * ```
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  checkSame(a, b);
  const c = decimalOf(a).comparedTo(decimalOf(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/**
 * Whether two amounts are equal (same currency and value).
 *
 * @example
 * ```ts
 * import { equals, money } from 'coupon-rules';
 * console.log(equals(money('1', 'USD'), money('1.00', 'USD'))); // → true
 * ```
 */
export function equals(a: Money, b: Money): boolean {
  return sameCurrency(a.currency, b.currency) && compare(a, b) === 0;
}

/**
 * Whether an amount is zero.
 *
 * @example
 * ```ts
 * import { isZero, money } from 'coupon-rules';
 * console.log(isZero(money('0.00', 'USD'))); // → true
 * ```
 */
export function isZero(value: Money): boolean {
  return decimalOf(value).isZero();
}

/**
 * Whether an amount is below zero.
 *
 * @example
 * ```ts
 * import { isNegative, money, subtract } from 'coupon-rules';
 * console.log(isNegative(subtract(money('1', 'USD'), money('2', 'USD')))); // → true
 * ```
 */
export function isNegative(value: Money): boolean {
  const d = decimalOf(value);
  return d.isNegative() && !d.isZero();
}

/**
 * The smallest of one or more amounts (the first of equals).
 *
 * @example
 * ```ts
 * import { min, money } from 'coupon-rules';
 * console.log(min(money('5', 'USD'), money('3', 'USD')).amount); // → 3.00
 * ```
 */
export function min(first: Money, ...rest: readonly Money[]): Money {
  return rest.reduce((best, m) => (compare(m, best) < 0 ? m : best), first);
}

/**
 * The largest of one or more amounts (the first of equals).
 *
 * @example
 * ```ts
 * import { max, money } from 'coupon-rules';
 * console.log(max(money('5', 'USD'), money('3', 'USD')).amount); // → 5.00
 * ```
 */
export function max(first: Money, ...rest: readonly Money[]): Money {
  return rest.reduce((best, m) => (compare(m, best) > 0 ? m : best), first);
}

/**
 * The exact sum of amounts of one currency. An empty list needs the currency
 * to say what zero it is.
 *
 * @example
 * ```ts
 * import { sum, money } from 'coupon-rules';
 * console.log(sum([money('0.10', 'USD'), money('0.20', 'USD')]).amount); // → 0.30
 * console.log(sum([], 'JPY').amount); // → 0
 * ```
 */
export function sum(values: readonly Money[], currency?: CurrencyInput): Money {
  const first = values[0];
  const c = currency === undefined ? first?.currency : toCurrency(currency);
  if (c === undefined) throw new CouponRulesError([ruleError('CURRENCY_REQUIRED', '', 'the sum of no amounts needs a currency')]);
  let total = new Dec(0);
  for (const v of values) {
    if (!sameCurrency(v.currency, c)) throw mismatch(c, v.currency);
    total = total.plus(decimalOf(v));
  }
  return moneyOf(total, c);
}

import { CouponRulesError, fail, ok, type Result, ruleError, unwrap } from '../result.js';
import { type Currency, type CurrencyInput, parseCurrency, currency as toCurrency } from './currency.js';
import { MAX_RESULT_INTEGER_DIGITS, MAX_UNIT_PRICE_DECIMALS } from './bounds.js';
import { Dec } from './decimal.js';
import { decimalText, describe, parseDecimalInput } from './parse.js';

/**
 * An exact amount of money in whole minor units of its currency
 * (`12.34 USD`, `1000 JPY`, `1.250 BHD`). Immutable (frozen). `amount` is its
 * canonical decimal string with exactly the currency's decimals.
 *
 * Build one with {@link money}, {@link parseMoney} or {@link moneyFromMinor}.
 *
 * @example
 * ```ts
 * import { money } from 'coupon-rules';
 * const m = money('12.3', 'USD');
 * console.log(m.amount, m.currency.code, String(m)); // → 12.30 USD 12.30 USD
 * ```
 */
export interface Money {
  readonly kind: 'money';
  readonly amount: string;
  readonly currency: Currency;
  /** `"12.34 USD"`. */
  toString(): string;
}

/**
 * A price per unit, which may carry more decimals than its currency
 * (a part at `0.0125 USD`). It becomes {@link Money} only through
 * {@link lineTotal} or {@link roundToMinor}, with a named rounding mode.
 *
 * @example
 * ```ts
 * import { unitPrice } from 'coupon-rules';
 * console.log(unitPrice('0.0125', 'USD').amount); // → 0.0125
 * ```
 */
export interface UnitPrice {
  readonly kind: 'unit-price';
  readonly amount: string;
  readonly currency: Currency;
  /** `"0.0125 USD"`. */
  toString(): string;
}

/** What {@link parseMoney} accepts: a decimal string, or a safe integer number of major units.
 *
 * @example
 * ```ts
 * import { money, type AmountInput } from 'coupon-rules';
 * const input: AmountInput = '12.50';
 * console.log(money(input, 'USD').amount); // → 12.50
 * ```
 */
export type AmountInput = string | number;

/**
 * Options of {@link parseMoney}.
 *
 * @example
 * ```ts
 * import { parseMoney, type ParseMoneyOptions } from 'coupon-rules';
 * const opts: ParseMoneyOptions = { allowNegative: true, path: 'refund' };
 * console.log(parseMoney('-1.00', 'USD', opts).ok); // → true
 * ```
 */
export interface ParseMoneyOptions {
  /** Accept a leading `-` (default false: amounts are non-negative). */
  readonly allowNegative?: boolean;
  /** Path prefix used in errors (default `""`). */
  readonly path?: string;
}

class MoneyValue implements Money {
  readonly kind = 'money' as const;
  constructor(
    readonly amount: string,
    readonly currency: Currency,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return `${this.amount} ${this.currency.code}`;
  }
}

class UnitPriceValue implements UnitPrice {
  readonly kind = 'unit-price' as const;
  constructor(
    readonly amount: string,
    readonly currency: Currency,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return `${this.amount} ${this.currency.code}`;
  }
}

const LIMIT = new Dec(10).pow(MAX_RESULT_INTEGER_DIGITS);

/** @internal Builds Money from an exact decimal that is already whole minor units; enforces the bounds. */
export function moneyOf(value: Dec, currency: Currency): Money {
  if (value.abs().gte(LIMIT)) {
    throw new CouponRulesError([
      ruleError('AMOUNT_OUT_OF_RANGE', '', `the result is beyond 10^${MAX_RESULT_INTEGER_DIGITS} major units, the documented bound`),
    ]);
  }
  return new MoneyValue(value.isZero() ? new Dec(0).toFixed(currency.minorUnits) : value.toFixed(currency.minorUnits), currency);
}

/** @internal The exact decimal value of a Money or UnitPrice, re-checked when it was not made by this copy of the library. */
export function decimalOf(value: Money | UnitPrice): Dec {
  // Stryker disable next-line LogicalOperator: re-validating a value this library made yields the same amount (it is only slower)
  if (value instanceof MoneyValue || value instanceof UnitPriceValue) return new Dec(value.amount);
  return new Dec(revalidate(value).amount);
}

/** @internal Minor units of a Money as a bigint. */
export function minorOf(value: Money): bigint {
  const m = value instanceof MoneyValue ? value : revalidate(value);
  const text = m.amount;
  const negative = text.startsWith('-');
  const digits = BigInt(text.replace(/[-.]/gu, ''));
  return negative ? -digits : digits;
}

// A Money-shaped object from elsewhere (another copy of the package, JSON): trust nothing.
function revalidate(value: unknown): Money | UnitPrice {
  if (typeof value !== 'object' || value === null) throw new CouponRulesError([ruleError('INVALID_TYPE', '', `expected Money, got ${describe(value)}`)]);
  const { kind, amount, currency } = value as Partial<Money> | Partial<UnitPrice>;
  const c = parseCurrency(currency);
  if (!c.ok) throw new CouponRulesError(c.errors);
  if (kind !== 'money' && kind !== 'unit-price')
    throw new CouponRulesError([ruleError('INVALID_TYPE', '', `expected Money or UnitPrice, got ${describe(value)}`)]);
  // Computed amounts may reach the result bound, so re-check against it, not the input bound.
  const rules = {
    maxDecimals: kind === 'money' ? c.value.minorUnits : MAX_UNIT_PRICE_DECIMALS,
    allowNegative: kind === 'money',
    currencyCode: c.value.code,
    stringsOnly: true,
    maxIntegerDigits: MAX_RESULT_INTEGER_DIGITS,
  };
  const p = parseDecimalInput(amount, rules, 'amount');
  if (!p.value) throw new CouponRulesError(p.errors);
  const text = decimalText(p.value, c.value.minorUnits);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: callers of revalidate read only the amount, which is the same for both kinds
  return kind === 'money' ? new MoneyValue(text, c.value) : new UnitPriceValue(text, c.value);
}

function resolve(currency: CurrencyInput, path: string): Result<Currency> {
  return parseCurrency(currency, path === '' ? '' : `${path}.currency`);
}

/**
 * Parses an amount of money that must be whole minor units of its currency.
 * Reports every problem at once: `FLOAT_AMOUNT` (a number with a fraction),
 * `NON_FINITE_AMOUNT`, `EXPONENT_NOTATION`, `SIGN_NOT_ALLOWED`, `WHITESPACE`,
 * `TOO_MANY_DECIMALS`, `INVALID_AMOUNT`, `AMOUNT_OUT_OF_RANGE`,
 * `NOT_AN_AMOUNT`, `UNKNOWN_CURRENCY`.
 *
 * @example
 * ```ts
 * import { parseMoney } from 'coupon-rules';
 * const r = parseMoney('19.99', 'EUR');
 * if (r.ok) console.log(r.value.amount); // → 19.99
 * // Every problem is reported, each with a code, a path and a message:
 * const bad = parseMoney(' 1.999', 'USD');
 * if (!bad.ok) console.log(bad.errors.map((e) => e.code)); // → [ 'WHITESPACE', 'TOO_MANY_DECIMALS' ]
 * ```
 */
export function parseMoney(input: unknown, currency: CurrencyInput, options: ParseMoneyOptions = {}): Result<Money> {
  const path = options.path ?? '';
  const c = resolve(currency, path);
  if (!c.ok) return c;
  const p = parseDecimalInput(input, { maxDecimals: c.value.minorUnits, allowNegative: options.allowNegative ?? false, currencyCode: c.value.code }, path);
  if (!p.value) return fail(p.errors);
  return ok(new MoneyValue(decimalText(p.value, c.value.minorUnits), c.value));
}

/**
 * Like {@link parseMoney} but throws a `CouponRulesError`: for amounts
 * written in code.
 *
 * @example
 * ```ts
 * import { money } from 'coupon-rules';
 * const price = money('10', 'USD');
 * const yen = money('1000', 'JPY');
 * console.log(String(price), String(yen)); // → 10.00 USD 1000 JPY
 * ```
 */
export function money(input: AmountInput, currency: CurrencyInput, options: ParseMoneyOptions = {}): Money {
  return unwrap(parseMoney(input, currency, options));
}

/**
 * Parses a unit price: non-negative, with any number of decimals up to 30
 * (more than the currency has is fine; totals are rounded later).
 *
 * @example
 * ```ts
 * import { parseUnitPrice } from 'coupon-rules';
 * const r = parseUnitPrice('0.0125', 'USD');
 * if (r.ok) console.log(r.value.amount); // → 0.0125
 * ```
 */
export function parseUnitPrice(input: unknown, currency: CurrencyInput, options: Pick<ParseMoneyOptions, 'path'> = {}): Result<UnitPrice> {
  const path = options.path ?? '';
  const c = resolve(currency, path);
  if (!c.ok) return c;
  const p = parseDecimalInput(input, { maxDecimals: MAX_UNIT_PRICE_DECIMALS, allowNegative: false, currencyCode: 'unit price' }, path);
  if (!p.value) return fail(p.errors);
  return ok(new UnitPriceValue(decimalText(p.value, c.value.minorUnits), c.value));
}

/**
 * Like {@link parseUnitPrice} but throws a `CouponRulesError`.
 *
 * @example
 * ```ts
 * import { unitPrice, lineTotal } from 'coupon-rules';
 * // 0.0125 × 401 = 5.0125, rounded half-up:
 * console.log(lineTotal(unitPrice('0.0125', 'USD'), 401).amount); // → 5.01
 * ```
 */
export function unitPrice(input: AmountInput, currency: CurrencyInput): UnitPrice {
  return unwrap(parseUnitPrice(input, currency));
}

/**
 * Builds Money from an integer count of minor units (cents, yen, fils).
 * A `number` must be a safe integer; a float is a `CouponRulesError`
 * (`FLOAT_AMOUNT`), never silently rounded.
 *
 * @example
 * ```ts
 * import { moneyFromMinor } from 'coupon-rules';
 * console.log(moneyFromMinor(1234, 'USD').amount); // → 12.34
 * console.log(moneyFromMinor(1234n, 'BHD').amount); // → 1.234
 * ```
 */
export function moneyFromMinor(minor: bigint | number, currency: CurrencyInput): Money {
  const c = toCurrency(currency);
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    const code = Number.isInteger(minor) ? 'AMOUNT_OUT_OF_RANGE' : Number.isFinite(minor) ? 'FLOAT_AMOUNT' : 'NON_FINITE_AMOUNT';
    throw new CouponRulesError([ruleError(code, '', `minor units must be a safe integer or a bigint, got ${String(minor)}`)]);
  }
  if (typeof minor !== 'number' && typeof minor !== 'bigint')
    throw new CouponRulesError([ruleError('INVALID_TYPE', '', `minor units must be a bigint or a safe integer, got ${describe(minor)}`)]);
  return moneyOf(new Dec(minor.toString()).div(new Dec(10).pow(c.minorUnits)), c);
}

/**
 * The integer number of minor units in an amount (exact, as a bigint).
 *
 * @example
 * ```ts
 * import { money, toMinorUnits } from 'coupon-rules';
 * console.log(toMinorUnits(money('12.34', 'USD'))); // → 1234n
 * ```
 */
export function toMinorUnits(value: Money): bigint {
  return minorOf(value);
}

/**
 * The amount as a string fixed to the currency's minor units: `"10.00"`,
 * JPY `"1000"`, BHD `"1.000"`. Never exponent notation.
 *
 * @example
 * ```ts
 * import { formatMoney, money } from 'coupon-rules';
 * console.log(formatMoney(money('10', 'USD'))); // → 10.00
 * console.log(formatMoney(money('1', 'BHD'))); // → 1.000
 * ```
 */
export function formatMoney(value: Money): string {
  return value instanceof MoneyValue ? value.amount : revalidate(value).amount;
}

/**
 * Tells whether a value is a {@link Money} made by this library.
 *
 * @example
 * ```ts
 * import { isMoney, money } from 'coupon-rules';
 * console.log(isMoney(money('1', 'USD')), isMoney({ amount: '1' })); // → true false
 * ```
 */
export function isMoney(value: unknown): value is Money {
  return value instanceof MoneyValue;
}

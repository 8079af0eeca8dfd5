import { MAX_MINOR_UNITS as CONTRACT_MAX_MINOR_UNITS } from '../contract/bounds.js';
import { fail, ok, ruleError, type Result, unwrap } from '../result.js';
import { ISO_4217_MINOR_UNITS } from './iso4217.js';

/**
 * A currency: its code and how many decimal places its minor unit has
 * (2 for USD cents, 0 for JPY, 3 for BHD fils).
 *
 * @example
 * ```ts
 * import { type Currency } from 'coupon-rules';
 * const credits: Currency = { code: 'CREDITS', minorUnits: 0 };
 * ```
 */
export interface Currency {
  readonly code: string;
  readonly minorUnits: number;
}

/**
 * What the library accepts wherever a currency is expected: an ISO 4217 code
 * (`"USD"`) or a custom {@link Currency} (`{ code: "CREDITS", minorUnits: 0 }`).
 *
 * @example
 * ```ts
 * import { type CurrencyInput, money } from 'coupon-rules';
 * const usd: CurrencyInput = 'USD';
 * console.log(String(money('1.00', usd))); // → 1.00 USD
 * ```
 */
export type CurrencyInput = string | Currency;

/** The largest number of minor-unit decimals a custom currency may declare.
 *
 * @example
 * ```ts
 * import { MAX_MINOR_UNITS, parseCurrency } from 'coupon-rules';
 * console.log(parseCurrency({ code: 'MILLI', minorUnits: MAX_MINOR_UNITS + 1 }).ok); // → false
 * ```
 */
export const MAX_MINOR_UNITS: number = CONTRACT_MAX_MINOR_UNITS;

const ISO = new Map<string, Currency>(Object.entries(ISO_4217_MINOR_UNITS).map(([code, minorUnits]) => [code, Object.freeze({ code, minorUnits })]));
const CODE = /^[A-Z][A-Z0-9]{2,15}$/;

/**
 * Looks up an active ISO 4217 currency by its code (exact, upper case).
 * Returns `undefined` for codes that are not active ISO 4217 currencies.
 *
 * @example
 * ```ts
 * import { findCurrency } from 'coupon-rules';
 * console.log(findCurrency('JPY')); // → { code: 'JPY', minorUnits: 0 }
 * console.log(findCurrency('XYZ')); // → undefined
 * ```
 */
export function findCurrency(code: string): Currency | undefined {
  return ISO.get(code);
}

/**
 * All active ISO 4217 currencies the library knows, sorted by code.
 *
 * @example
 * ```ts
 * import { isoCurrencies } from 'coupon-rules';
 * console.log(isoCurrencies().filter((c) => c.minorUnits === 3).map((c) => c.code)); // → [ 'BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND' ]
 * ```
 */
export function isoCurrencies(): readonly Currency[] {
  return [...ISO.values()];
}

/**
 * Validates a currency input: an ISO code is looked up (`UNKNOWN_CURRENCY`
 * if it is not an active one); a custom currency needs a code of 3–16
 * upper-case letters or digits starting with a letter, and `minorUnits` an
 * integer from 0 to {@link MAX_MINOR_UNITS} (`INVALID_CURRENCY`). A custom
 * currency that reuses an ISO code must agree with ISO's minor units.
 *
 * @example
 * ```ts
 * import { parseCurrency } from 'coupon-rules';
 * console.log(parseCurrency('KWD')); // → { ok: true, value: { code: 'KWD', minorUnits: 3 } }
 * // Codes are matched exactly:
 * const lower = parseCurrency('usd');
 * if (!lower.ok) console.log(lower.errors[0]?.code); // → UNKNOWN_CURRENCY
 * ```
 */
export function parseCurrency(input: unknown, path = ''): Result<Currency> {
  if (typeof input === 'string') {
    const found = ISO.get(input);
    return found ? ok(found) : fail([ruleError('UNKNOWN_CURRENCY', path, `"${input.slice(0, 40)}" is not an active ISO 4217 currency code`)]);
  }
  if (typeof input !== 'object' || input === null) {
    return fail([ruleError('INVALID_CURRENCY', path, 'a currency is an ISO 4217 code or { code, minorUnits }')]);
  }
  const { code, minorUnits } = input as { code?: unknown; minorUnits?: unknown };
  const errors = [];
  if (typeof code !== 'string' || !CODE.test(code)) {
    errors.push(
      ruleError('INVALID_CURRENCY', path === '' ? 'code' : `${path}.code`, 'a currency code is 3–16 upper-case letters or digits, starting with a letter'),
    );
  }
  if (typeof minorUnits !== 'number' || !Number.isInteger(minorUnits) || minorUnits < 0 || minorUnits > MAX_MINOR_UNITS) {
    errors.push(ruleError('INVALID_CURRENCY', path === '' ? 'minorUnits' : `${path}.minorUnits`, `minorUnits is an integer from 0 to ${MAX_MINOR_UNITS}`));
  }
  if (errors.length > 0) return fail(errors);
  const c = code as string;
  const iso = ISO.get(c);
  if (iso && iso.minorUnits !== minorUnits) {
    return fail([ruleError('INVALID_CURRENCY', path, `${c} has ${iso.minorUnits} minor units in ISO 4217, not ${String(minorUnits)}`)]);
  }
  return ok(iso ?? Object.freeze({ code: c, minorUnits: minorUnits as number }));
}

/**
 * Like {@link parseCurrency}, but throws a `CouponRulesError` on bad input.
 *
 * @example
 * ```ts
 * import { currency } from 'coupon-rules';
 * console.log(currency('BHD').minorUnits); // → 3
 * ```
 */
export function currency(input: CurrencyInput): Currency {
  return unwrap(parseCurrency(input));
}

/** @internal Two currencies are the same when code and minor units agree. */
export function sameCurrency(a: Currency, b: Currency): boolean {
  return a === b || (a.code === b.code && a.minorUnits === b.minorUnits);
}

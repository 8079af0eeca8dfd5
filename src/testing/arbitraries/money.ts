import type { Arbitrary } from 'fast-check';
import fc from '../fast-check.js';
import { decimal } from './shared.js';

const ISO_SAMPLE = [
  { code: 'USD', minorUnits: 2 },
  { code: 'EUR', minorUnits: 2 },
  { code: 'JPY', minorUnits: 0 },
  { code: 'BHD', minorUnits: 3 },
  { code: 'CLF', minorUnits: 4 },
] as const;

/**
 * A currency the library knows, with its minor units (a sample of 0-, 2-, 3- and 4-decimal currencies).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { currencyArb } from 'coupon-rules/testing';
 * // a fixed seed gives the same sample on every run
 * console.log(fc.sample(currencyArb(), { numRuns: 1, seed: 42 })[0]); // → { code: 'EUR', minorUnits: 2 }
 * ```
 */
export function currencyArb(): Arbitrary<{ readonly code: string; readonly minorUnits: number }> {
  return fc.constantFrom(...ISO_SAMPLE);
}

/**
 * An amount as a decimal string with exactly `minorUnits` decimals, from `min` to `max` minor units.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { moneyStringArb } from 'coupon-rules/testing';
 * console.log(fc.sample(moneyStringArb(2, { max: 999n }), { numRuns: 3, seed: 42 })); // → [ '9.96', '7.94', '2.72' ]
 * ```
 */
export function moneyStringArb(minorUnits: number, range: { readonly min?: bigint; readonly max?: bigint } = {}): Arbitrary<string> {
  return fc.bigInt({ min: range.min ?? 0n, max: range.max ?? 10n ** 9n }).map((v) => decimal(v, minorUnits));
}

/**
 * A unit price as a decimal string, with up to `maxDecimals` decimals (default 6), often more than the currency has.
 * `maxUnits` (default 10^8) bounds its digits: the price read without its decimal point is at most that.
 * A quarter of the prices are rounding ties, ending in 5 at the third or fourth decimal (at the last allowed
 * decimal when `maxDecimals` is 1 or 2; none when it is 0).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { unitPriceStringArb } from 'coupon-rules/testing';
 * console.log(fc.sample(unitPriceStringArb(), { numRuns: 3, seed: 42 })); // → [ '10000000.0', '0.0075', '0.000002' ]
 * ```
 */
export function unitPriceStringArb(options: { readonly maxDecimals?: number; readonly maxUnits?: bigint } = {}): Arbitrary<string> {
  const maxUnits = options.maxUnits ?? 10n ** 8n;
  const maxDecimals = options.maxDecimals ?? 6;
  const any = fc.tuple(fc.bigInt({ min: 0n, max: maxUnits }), fc.integer({ min: 0, max: maxDecimals })).map(([u, s]) => decimal(u, s));
  // Prices ending in a half of a cent (or of a tenth of a cent) make rounding ties common: they are where implementations differ.
  const tieScales = maxDecimals >= 3 ? [3, 4].filter((s) => s <= maxDecimals) : maxDecimals >= 1 ? [maxDecimals] : [];
  if (tieScales.length === 0) return any;
  const tie = fc.tuple(fc.bigInt({ min: 0n, max: maxUnits / 100n }), fc.constantFrom(...tieScales)).map(([u, s]) => decimal(u * 10n + 5n, s));
  return fc.oneof({ arbitrary: any, weight: 3 }, { arbitrary: tie, weight: 1 });
}

/**
 * A percentage string above 0 and at most 100, with up to 2 decimals.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { percentStringArb } from 'coupon-rules/testing';
 * console.log(fc.sample(percentStringArb(), { numRuns: 3, seed: 42 })); // → [ '99.89', '27.95', '72.73' ]
 * ```
 */
export function percentStringArb(): Arbitrary<string> {
  return fc.integer({ min: 1, max: 10_000 }).map((bp) => decimal(BigInt(bp), 2).replace(/\.?0+$/u, ''));
}

import * as BOUNDS from '../contract/bounds.js';
// The documented bounds of the money layer, apart from decimal.js so that code needing only them stays light.

/** Largest number of integer digits an amount given as input may have: amounts are below 10^15 major units.
 *
 * @example
 * ```ts
 * import { MAX_INPUT_INTEGER_DIGITS } from 'coupon-rules';
 * console.log(MAX_INPUT_INTEGER_DIGITS); // → 15
 * ```
 */
export const MAX_INPUT_INTEGER_DIGITS: number = BOUNDS.MAX_INPUT_INTEGER_DIGITS;
/** Largest number of decimals a unit price may have.
 *
 * @example
 * ```ts
 * import { MAX_UNIT_PRICE_DECIMALS } from 'coupon-rules';
 * console.log(MAX_UNIT_PRICE_DECIMALS); // → 30
 * ```
 */
export const MAX_UNIT_PRICE_DECIMALS: number = BOUNDS.MAX_UNIT_PRICE_DECIMALS;
/** Largest quantity a line may have.
 *
 * @example
 * ```ts
 * import { MAX_QUANTITY } from 'coupon-rules';
 * console.log(MAX_QUANTITY); // → 1000000000
 * ```
 */
export const MAX_QUANTITY: number = BOUNDS.MAX_QUANTITY;
/** Every computed amount stays below 10^30 major units, else `AMOUNT_OUT_OF_RANGE`.
 *
 * @example
 * ```ts
 * import { MAX_RESULT_INTEGER_DIGITS } from 'coupon-rules';
 * console.log(MAX_RESULT_INTEGER_DIGITS); // → 30
 * ```
 */
export const MAX_RESULT_INTEGER_DIGITS: number = BOUNDS.MAX_RESULT_INTEGER_DIGITS;

import { Decimal } from 'decimal.js';

/**
 * The library's private decimal.js constructor. It is a clone, so no global
 * `Decimal.set` elsewhere in the host program changes our arithmetic.
 *
 * 100 significant digits is far above the largest value the documented
 * bounds allow (30 integer digits + 30 decimals, times a 10-digit quantity),
 * so every addition, subtraction and multiplication we do is exact; rounding
 * happens only where a rule names it, through `toDecimalPlaces`.
 * @internal
 */
export const Dec = Decimal.clone({ defaults: true, precision: 100, toExpNeg: -100, toExpPos: 100 });
/** @internal */
export type Dec = InstanceType<typeof Dec>;

/**
 * How a value is brought to fewer decimals. Always named, never implied. Every mode is symmetric about zero:
 * `down` and `up` name a direction in magnitude (toward or away from zero), never toward −∞ or +∞, and the three
 * `half-*` modes differ only on an exact tie.
 * - `half-up`: to the nearest; a tie goes away from zero (1.005 → 1.01, -1.005 → -1.01). The default.
 * - `half-even`: to the nearest; a tie goes to the even neighbour (banker's rounding: 1.005 → 1.00, 1.015 → 1.02).
 * - `half-down`: to the nearest; a tie goes toward zero (1.005 → 1.00, 1.015 → 1.01, -1.005 → -1.00; WooCommerce's coupon rounding).
 * - `down`: toward zero (truncation: 1.009 → 1.00, -1.009 → -1.00; EC-CUBE's).
 * - `up`: away from zero (1.001 → 1.01, -1.001 → -1.01).
 *
 * @example
 * ```ts
 * import { type RoundingMode, ROUNDING_MODES } from 'coupon-rules';
 * const mode: RoundingMode = 'half-down';
 * console.log(ROUNDING_MODES.includes(mode)); // → true
 * ```
 */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'down' | 'up';

/**
 * Every rounding mode the library knows, in a stable order: the three nearest modes, then the two directed ones.
 *
 * @example
 * ```ts
 * import { ROUNDING_MODES } from 'coupon-rules';
 * console.log(ROUNDING_MODES); // → [ 'half-up', 'half-even', 'half-down', 'down', 'up' ]
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(['half-up', 'half-even', 'half-down', 'down', 'up'] as const);

/**
 * The rounding mode used when none is given: `half-up`.
 *
 * @example
 * ```ts
 * import { DEFAULT_ROUNDING } from 'coupon-rules';
 * console.log(DEFAULT_ROUNDING); // → half-up
 * ```
 */
export const DEFAULT_ROUNDING: RoundingMode = 'half-up';

/**
 * Tells whether a value is one of the {@link ROUNDING_MODES}.
 *
 * @example
 * ```ts
 * import { isRoundingMode } from 'coupon-rules';
 * console.log(isRoundingMode('half-down'), isRoundingMode('bankers')); // → true false
 * ```
 */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return value === 'half-up' || value === 'half-even' || value === 'half-down' || value === 'down' || value === 'up';
}

import { Decimal } from 'decimal.js';

/**
 * How a value is brought to fewer decimals. Always named, never implied:
 * - `half-up`: to the nearest; a tie goes away from zero (1.005 → 1.01, -1.005 → -1.01). The default.
 * - `half-even`: to the nearest; a tie goes to the even neighbour (banker's rounding: 1.005 → 1.00, 1.015 → 1.02).
 * - `down`: toward zero (truncation: 1.009 → 1.00, -1.009 → -1.00).
 * - `up`: away from zero (1.001 → 1.01, -1.001 → -1.01).
 *
 * @example
 * ```ts
 * import { type RoundingMode, ROUNDING_MODES } from 'coupon-rules';
 * const mode: RoundingMode = 'half-even';
 * console.log(ROUNDING_MODES.includes(mode)); // true
 * ```
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

/**
 * Every rounding mode the library knows, in a stable order.
 *
 * @example
 * ```ts
 * import { ROUNDING_MODES } from 'coupon-rules';
 * console.log(ROUNDING_MODES); // ['half-up', 'half-even', 'down', 'up']
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(['half-up', 'half-even', 'down', 'up'] as const);

/**
 * The rounding mode used when none is given: `half-up`.
 *
 * @example
 * ```ts
 * import { DEFAULT_ROUNDING } from 'coupon-rules';
 * console.log(DEFAULT_ROUNDING); // 'half-up'
 * ```
 */
export const DEFAULT_ROUNDING: RoundingMode = 'half-up';

/**
 * Tells whether a value is one of the {@link ROUNDING_MODES}.
 *
 * @example
 * ```ts
 * import { isRoundingMode } from 'coupon-rules';
 * console.log(isRoundingMode('half-even'), isRoundingMode('bankers')); // true false
 * ```
 */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return value === 'half-up' || value === 'half-even' || value === 'down' || value === 'up';
}

/** @internal decimal.js rounding constant for a mode. */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  switch (mode) {
    case 'half-up':
      return Decimal.ROUND_HALF_UP;
    case 'half-even':
      return Decimal.ROUND_HALF_EVEN;
    case 'down':
      return Decimal.ROUND_DOWN;
    case 'up':
      return Decimal.ROUND_UP;
    default:
      return assertNever(mode);
  }
}

/**
 * @internal Exact `numerator / denominator` rounded to an integer with `mode`
 * (denominator > 0). The one integer rounding kernel: ratios, allocation and
 * the quote's integer fast path all go through it.
 */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator;
  if (r === 0n) return q;
  const away = numerator < 0n ? q - 1n : q + 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'half-up':
      return twice >= denominator ? away : q;
    case 'half-even':
      if (twice !== denominator) return twice > denominator ? away : q;
      return q % 2n === 0n ? q : away;
    default:
      return assertNever(mode);
  }
}

/** @internal Exhaustiveness guard for `switch` over unions. */
export function assertNever(value: never): never {
  throw new TypeError(`unexpected value: ${String(value)}`);
}

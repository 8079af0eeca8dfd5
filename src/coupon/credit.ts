import { pow10 } from '../money/parse.js';
import { divRound } from '../money/integer.js';
import type { RoundingMode } from '../money/rounding.js';
import type { ParsedCoupon, ParsedPercent } from './terms.js';

/** @internal What a coupon takes off an eligible total, in minor units. */
export interface CreditOutcome {
  readonly credit: bigint;
  /** Before the cap (percentage) or the order total (fixed) cut it down. */
  readonly uncapped: bigint;
  readonly capped: boolean;
  /** The percentage applied (`null` for a fixed coupon). */
  readonly percent: ParsedPercent | null;
  /** Index of the tier reached, -1 for the base percentage or a fixed coupon. */
  readonly tierIndex: number;
}

/**
 * @internal The coupon credit on an eligible total (for a fixed coupon every
 * line is eligible, so this is the subtotal). Monotone in `eligible`: a larger
 * total never gives a smaller credit, which is what keeps batch credits
 * non-negative.
 */
export function creditOn(coupon: ParsedCoupon, eligible: bigint, rounding: RoundingMode): CreditOutcome {
  if (coupon.type === 'fixed') {
    const capped = coupon.amount > eligible;
    // Stryker disable next-line UnaryOperator: the tier index of a fixed coupon is never read (the quote looks up tiers for percentage coupons only)
    return { credit: capped ? eligible : coupon.amount, uncapped: coupon.amount, capped, percent: null, tierIndex: -1 };
  }
  // Thresholds increase strictly: binary-search the highest one reached.
  let lo = 0;
  let hi = coupon.tiers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // Stryker disable next-line OptionalChaining: mid is always below tiers.length in this binary search, so the tier exists
    if ((coupon.tiers[mid]?.minTotal ?? 0n) <= eligible) lo = mid + 1;
    else hi = mid;
  }
  const tierIndex = lo - 1;
  const percent = coupon.tiers[tierIndex]?.percent ?? coupon.percent;
  const uncapped = divRound(eligible * percent.units, 100n * pow10(percent.scale), rounding);
  const capped = coupon.maxDiscount > 0n && uncapped > coupon.maxDiscount;
  return { credit: capped ? coupon.maxDiscount : uncapped, uncapped, capped, percent, tierIndex };
}

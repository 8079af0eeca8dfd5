import { pow10 } from '../money/parse.js';
import { divRound } from '../money/integer.js';
import { divRoundSafe } from '../money/safe.js';
import type { RoundingMode } from '../money/rounding.js';
import type { ParsedCoupon, ParsedPercent } from './terms.js';
import { countWhile } from '../search.js';

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
  // Stryker disable next-line OptionalChaining: the search asks only indexes below tiers.length, so the tier exists
  const tierIndex = countWhile(coupon.tiers.length, (i) => (coupon.tiers[i]?.minTotal ?? 0n) <= eligible) - 1;
  const percent = coupon.tiers[tierIndex]?.percent ?? coupon.percent;
  const uncapped = divRound(eligible * percent.units, 100n * pow10(percent.scale), rounding);
  const capped = coupon.maxDiscount > 0n && uncapped > coupon.maxDiscount;
  return { credit: capped ? coupon.maxDiscount : uncapped, uncapped, capped, percent, tierIndex };
}

/** @internal A coupon's amounts as safe integers, when they all are (percent scales stay below 14 decimals). */
export type SafeCoupon =
  | { readonly type: 'fixed'; readonly amount: number }
  | {
      readonly type: 'percent';
      readonly percent: SafePercent;
      readonly maxDiscount: number;
      readonly tiers: readonly { readonly minTotal: number; readonly percent: SafePercent }[];
    };

interface SafePercent {
  readonly units: number;
  readonly scale: number;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const safe = (v: bigint): number | undefined => (v <= MAX_SAFE ? Number(v) : undefined);
const safePercent = (p: ParsedPercent): SafePercent | undefined => {
  const units = safe(p.units);
  return units === undefined || p.scale > 13 ? undefined : { units, scale: p.scale };
};

/** @internal {@link SafeCoupon} of a coupon, or `undefined` when an amount is past 2^53. */
export function safeCoupon(coupon: ParsedCoupon): SafeCoupon | undefined {
  if (coupon.type === 'fixed') {
    const amount = safe(coupon.amount);
    return amount === undefined ? undefined : { type: 'fixed', amount };
  }
  const percent = safePercent(coupon.percent);
  const maxDiscount = safe(coupon.maxDiscount);
  const tiers: { minTotal: number; percent: SafePercent }[] = [];
  for (const t of coupon.tiers) {
    const minTotal = safe(t.minTotal);
    const p = safePercent(t.percent);
    if (minTotal === undefined || !p) return undefined;
    tiers.push({ minTotal, percent: p });
  }
  return percent && maxDiscount !== undefined ? { type: 'percent', percent, maxDiscount, tiers } : undefined;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * @internal {@link creditOn} on safe integers: the same credit, cap and tier, or `undefined` when
 * `eligible × percent` would pass 2^53 (the bigint {@link creditOn} then answers).
 */
export function creditOnSafe(
  coupon: SafeCoupon,
  eligible: number,
  rounding: RoundingMode,
): { credit: number; uncapped: number; capped: boolean; tierIndex: number } | undefined {
  if (coupon.type === 'fixed') {
    const capped = coupon.amount > eligible;
    return { credit: capped ? eligible : coupon.amount, uncapped: coupon.amount, capped, tierIndex: -1 };
  }
  const tierIndex = countWhile(coupon.tiers.length, (i) => (coupon.tiers[i]?.minTotal ?? 0) <= eligible) - 1;
  const percent = coupon.tiers[tierIndex]?.percent ?? coupon.percent;
  const product = eligible * percent.units;
  if (!Number.isSafeInteger(product)) return undefined;
  const uncapped = divRoundSafe(product, POW10[percent.scale + 2] ?? 1, rounding);
  const capped = coupon.maxDiscount > 0 && uncapped > coupon.maxDiscount;
  return { credit: capped ? coupon.maxDiscount : uncapped, uncapped, capped, tierIndex };
}

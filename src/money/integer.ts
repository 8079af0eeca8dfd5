import { CouponRulesError, ruleError } from '../result.js';
import type { RoundingMode } from './rounding.js';

/** @internal The end of an exhaustive switch over rounding modes: a JavaScript caller passed a mode no type allows. */
export function unknownRoundingMode(mode: never): never {
  const shown: unknown = mode;
  throw new CouponRulesError([ruleError('INVALID_ROUNDING', '', `unknown rounding mode ${typeof shown === 'string' ? `"${shown}"` : String(shown)}`)]);
}

// Integer kernels of the money layer, on bigint minor units. They import nothing heavy, so that the
// quote (which needs only these) does not pull decimal.js into a consumer's bundle.

/**
 * @internal Exact `numerator / denominator` rounded to an integer with `mode`
 * (denominator > 0), symmetric about zero: `down` truncates toward zero, `up` goes away from it,
 * and a tie goes away from zero (`half-up`), toward it (`half-down`) or to the even neighbour (`half-even`).
 * The one bigint rounding kernel: ratios, percentages, line totals and the quote's credit go through it.
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
    case 'half-down':
      return twice > denominator ? away : q;
    default:
      return unknownRoundingMode(mode);
  }
}

/**
 * @internal Largest-remainder split of an integer `total` by non-negative
 * integer weights (not all zero): each part is floor(total × w / W), and the
 * units left over go one each to the largest remainders, ties to the earlier
 * weight. Parts sum to `total`; a zero weight gets zero.
 */
export function allocateInteger(total: bigint, weights: readonly bigint[]): bigint[] {
  const negative = total < 0n;
  const t = negative ? -total : total;
  let sumW = 0n;
  for (const w of weights) sumW += w;
  // Stryker disable next-line ArrayDeclaration: the loop below assigns every index, so a presized and an empty array end the same
  const parts: bigint[] = new Array<bigint>(weights.length);
  // Stryker disable next-line ArrayDeclaration: the loop below assigns every index, so a presized and an empty array end the same
  const rems: bigint[] = new Array<bigint>(weights.length);
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const p = t * (weights[i] ?? 0n);
    const q = p / sumW;
    parts[i] = q;
    rems[i] = p - q * sumW;
    given += q;
  }
  let left = Number(t - given); // < weights.length
  if (left > 0) {
    const order = weights.map((_, i) => i);
    order.sort((a, b) => {
      const ra = rems[a] ?? 0n;
      const rb = rems[b] ?? 0n;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
    for (const i of order) {
      if (left === 0) break;
      parts[i] = (parts[i] ?? 0n) + 1n;
      left--;
    }
  }
  return negative ? parts.map((p) => -p) : parts;
}

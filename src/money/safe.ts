import { unknownRoundingMode } from './integer.js';

import type { ParsedDecimal } from './parse.js';
import type { RoundingMode } from './rounding.js';

// The same integer kernels as integer.ts, on JavaScript numbers that are safe integers (below 2^53),
// where every operation below is exact. The quote takes this path for each line while its amounts
// fit, and the bigint path otherwise: the answers are the same, bigint allocation is not.

const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** @internal A parsed decimal (not negative) as `units / 10^scale` in safe integers, or `undefined` past 15 digits. */
export function safeScaled(p: ParsedDecimal): { readonly units: number; readonly scale: number } | undefined {
  const scale = p.fraction.length;
  if (p.negative || p.integer.length + scale > 15) return undefined;
  const whole = p.integer === '' ? 0 : Number(p.integer);
  return { units: whole * (POW10[scale] ?? 1) + (scale === 0 ? 0 : Number(p.fraction)), scale };
}

/**
 * @internal Exact `n / d` rounded to an integer with `mode`, for safe integers `n ≥ 0` and
 * `d = 10^k`, 1 ≤ k ≤ 15; the remainder is computed exactly.
 */
export function divRoundSafe(n: number, d: number, mode: RoundingMode): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // For n < 2^53 the rounded quotient never crosses an integer (half an ulp of n / d is below 1 / d), so
  // neither correction runs; they stay as a guard, and test/money/safe.test.ts compares with bigints.
  // Stryker disable all: unreachable for safe integers (see above)
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  // Stryker restore all
  if (r === 0) return q;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + 1;
    case 'half-up':
      return 2 * r >= d ? q + 1 : q;
    case 'half-even':
      return 2 * r > d || (2 * r === d && q % 2 === 1) ? q + 1 : q;
    case 'half-down':
      return 2 * r > d ? q + 1 : q;
    default:
      return unknownRoundingMode(mode);
  }
}

/**
 * @internal A line total in minor units, `unit price × quantity` rounded once with `mode`, when every
 * step stays a safe integer; `undefined` when it would not (the bigint path takes over).
 */
export function safeLineTotal(price: ParsedDecimal, quantity: number, minorUnits: number, mode: RoundingMode): number | undefined {
  const scaled = safeScaled(price);
  return scaled ? safeTotalOf(scaled.units, scaled.scale, quantity, minorUnits, mode) : undefined;
}

/** @internal {@link safeLineTotal} from a price already read as `units / 10^scale` (scale ≤ 15). */
export function safeTotalOf(units: number, scale: number, quantity: number, minorUnits: number, mode: RoundingMode): number | undefined {
  const product = units * quantity;
  if (!Number.isSafeInteger(product)) return undefined;
  if (scale <= minorUnits) {
    const total = product * (POW10[minorUnits - scale] ?? Number.POSITIVE_INFINITY);
    return Number.isSafeInteger(total) ? total : undefined;
  }
  return divRoundSafe(product, POW10[scale - minorUnits] ?? 1, mode);
}

/**
 * @internal A decimal string in the strict grammar (`0` or digits without a leading zero, then
 * optionally `.` and digits), of at most 15 digits, read as `units / 10^scale` without allocating;
 * `undefined` for anything else (the full parser then decides, and reports).
 */
export function readSafeDecimal(text: string): { units: number; scale: number } | undefined {
  const n = text.length;
  let units = 0;
  let digits = 0;
  let scale = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      // one point, after at least one digit, before at least one
      if (scale !== -1 || i === 0 || i === n - 1) return undefined;
      scale = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    if (c === 48 && i === 0 && n > 1 && text.charCodeAt(1) !== 46) return undefined; // a leading zero
    units = units * 10 + (c - 48);
    digits++;
    if (scale !== -1) scale++;
  }
  return digits === 0 || digits > 15 ? undefined : { units, scale: scale === -1 ? 0 : scale };
}

/**
 * @internal {@link allocateInteger} on safe integers: each part is floor(total × w / W), the rest one
 * unit each to the largest remainders, ties to the earlier weight. `total ≥ 0`, weights ≥ 0 and not
 * all zero, `W` their (safe) sum. Parts and remainders are below 2^53; the products `total × w` are
 * exact numbers while `total × W ≤ 2^52`, and exact bigints for the one line that needs them otherwise.
 */
export function allocateSafe(total: number, weights: readonly number[], sumW: number): number[] {
  const n = weights.length;
  // Plain arrays of numbers: V8 keeps them unboxed, and they cost less than typed arrays to make for a short order.
  // Stryker disable next-line ArrayDeclaration: the loop below assigns every index
  const parts: number[] = new Array<number>(n);
  // Stryker disable next-line ArrayDeclaration: the loop below assigns every index
  const rems: number[] = new Array<number>(n);
  const small = total * sumW <= 2 ** 52;
  const bigTotal = small ? 0n : BigInt(total);
  const bigSum = small ? 0n : BigInt(sumW);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] ?? 0;
    let part: number;
    let r: number;
    if (w === 0) {
      part = 0;
      r = 0;
    } else if (small) {
      const p = total * w;
      // p and part × sumW (at most p + sumW ≤ 2^53) are exact, so the remainder is; the quotient estimate is corrected by it.
      part = Math.floor(p / sumW);
      r = p - part * sumW;
      // Stryker disable all: unreachable while p < 2^53, as in divRoundSafe
      if (r < 0) {
        part -= 1;
        r += sumW;
      } else if (r >= sumW) {
        part += 1;
        r -= sumW;
      }
      // Stryker restore all
    } else {
      const p = bigTotal * BigInt(w);
      const q = p / bigSum;
      part = Number(q);
      r = Number(p - q * bigSum);
    }
    parts[i] = part;
    rems[i] = r;
    given += part;
  }
  let left = total - given; // < n
  if (left > 0) {
    const order: number[] = [];
    for (let i = 0; i < n; i++) order.push(i);
    order.sort((a, b) => (rems[b] ?? 0) - (rems[a] ?? 0) || a - b);
    for (const i of order) {
      if (left === 0) break;
      parts[i] = (parts[i] ?? 0) + 1;
      left--;
    }
  }
  return parts;
}

/** The fraction parts `.00` … `.99` (and for 1, 3 and 4 minor units likewise), made once: most amounts then cost one integer's text and one concatenation. */
const FRACTIONS: (readonly string[] | undefined)[] = [];
function fractionsOf(minorUnits: number): readonly string[] {
  let table = FRACTIONS[minorUnits];
  if (!table) {
    table = Array.from({ length: 10 ** minorUnits }, (_, f) => `.${String(f).padStart(minorUnits, '0')}`);
    FRACTIONS[minorUnits] = table;
  }
  return table;
}

/** @internal A safe integer of minor units as the canonical fixed string (`1234, 2` → `"12.34"`); not negative. */
export function formatSafeMinor(units: number, minorUnits: number): string {
  if (minorUnits === 0) return String(units);
  if (minorUnits <= 4) {
    const scale = POW10[minorUnits] ?? 1;
    const whole = Math.floor(units / scale);
    return `${String(whole)}${fractionsOf(minorUnits)[units - whole * scale] ?? ''}`;
  }
  const digits = String(units);
  const padded = digits.length > minorUnits ? digits : digits.padStart(minorUnits + 1, '0');
  const cut = padded.length - minorUnits;
  return `${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

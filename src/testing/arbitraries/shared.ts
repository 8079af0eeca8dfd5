import fc from '../fast-check.js';

/**
 * Sizes of generated data. Smaller sizes shrink to smaller counterexamples.
 *
 * @example
 * ```ts
 * import type { ArbitraryOptions } from 'coupon-rules/testing';
 * const small: ArbitraryOptions = { maxLines: 3, maxEvents: 4 };
 * ```
 */
export interface ArbitraryOptions {
  /** Most lines in an order (default 8). */
  readonly maxLines?: number;
  /** Most events in a history (default 8). */
  readonly maxEvents?: number;
  /** Most coupons in an outage input (default 6). */
  readonly maxCoupons?: number;
  /**
   * Bounds the digits of unit prices: a price read without its decimal point is at most `100 × maxUnitMinor`
   * (default 10^6: up to 10,000.00 at two decimals, 100.0000 at four, 100,000,000 with none).
   */
  readonly maxUnitMinor?: number;
}

/** @internal A decimal string of `units` at `scale` decimals. */
export const decimal = (units: bigint, scale: number): string => {
  if (scale === 0) return units.toString();
  const s = units.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
};

// The instants and dates the histories are drawn around.
export const T0 = Date.parse('2026-12-01T00:00:00Z');
export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const zoneArb = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Santiago');
export const dayArb = (from: number, to: number) => fc.integer({ min: from, max: to }).map((d) => iso(T0 + d * 24 * HOUR).slice(0, 10));

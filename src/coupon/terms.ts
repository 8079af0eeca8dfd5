import { FIELD_NAMES, MAX_PERCENT_DECIMALS as CONTRACT_MAX_PERCENT_DECIMALS } from '../contract/index.js';
import { InputReader } from '../input.js';
import { type Currency, parseCurrency } from '../money/currency.js';
import { describe, formatMinor, formatScaled, minorFromParsed, parseDecimalInput, pow10, scaledOf } from '../money/parse.js';
import { fail, joinPath, ok, type Result, ruleError } from '../result.js';

/**
 * A tier of a percentage coupon: from an eligible total of `minTotal`
 * (inclusive) the coupon takes `percent` off.
 *
 * @example
 * ```ts
 * import type { CouponTier } from 'coupon-rules';
 * const tier: CouponTier = { minTotal: '25.00', percent: '15' };
 * ```
 */
export interface CouponTier {
  readonly minTotal: string;
  readonly percent: string;
}

/**
 * Restricts a percentage coupon to lines whose item type is in `itemTypes`
 * (`only`) or is not (`except`).
 *
 * @example
 * ```ts
 * import type { ItemTypeLimit } from 'coupon-rules';
 * const partsOnly: ItemTypeLimit = { mode: 'only', itemTypes: ['Part'] };
 * ```
 */
export interface ItemTypeLimit {
  readonly mode: 'only' | 'except';
  readonly itemTypes: readonly string[];
}

/**
 * "Percentage off order total": `percent` of the eligible total, optionally
 * raised by tiers, capped by `maxDiscount` (absent or `"0"`: no maximum),
 * limited by item type and blind to sale items.
 *
 * @example
 * ```ts
 * import type { PercentCoupon } from 'coupon-rules';
 * const coupon: PercentCoupon = { type: 'percent', percent: '10', maxDiscount: '20.00', excludeSaleItems: true };
 * ```
 */
export interface PercentCoupon {
  readonly type: 'percent';
  readonly percent: string;
  readonly maxDiscount?: string;
  readonly tiers?: readonly CouponTier[];
  readonly itemTypeLimit?: ItemTypeLimit;
  readonly excludeSaleItems?: boolean;
}

/**
 * "Fixed amount off order total": `amount`, never more than the order total.
 * It has no cap, tiers, item-type limit or sale exclusion.
 *
 * @example
 * ```ts
 * import type { FixedCoupon } from 'coupon-rules';
 * const coupon: FixedCoupon = { type: 'fixed', amount: '5.00' };
 * ```
 */
export interface FixedCoupon {
  readonly type: 'fixed';
  readonly amount: string;
}

/**
 * A seller's coupon terms: one of the two kinds, told apart by `type`.
 *
 * @example
 * ```ts
 * import type { CouponTerms } from 'coupon-rules';
 * const describe = (c: CouponTerms) => (c.type === 'percent' ? `${c.percent}% off` : `${c.amount} off`);
 * ```
 */
export type CouponTerms = PercentCoupon | FixedCoupon;

/** Largest number of decimals a percentage may have.
 *
 * @example
 * ```ts
 * import { MAX_PERCENT_DECIMALS } from 'coupon-rules';
 * console.log(MAX_PERCENT_DECIMALS); // → 10
 * ```
 */
export const MAX_PERCENT_DECIMALS: number = CONTRACT_MAX_PERCENT_DECIMALS;

/** @internal A percentage as `units / 10^scale` percent. */
export interface ParsedPercent {
  readonly units: bigint;
  readonly scale: number;
}

/** @internal Coupon terms ready for integer arithmetic (amounts in minor units). */
export type ParsedCoupon =
  | {
      readonly type: 'percent';
      readonly percent: ParsedPercent;
      readonly maxDiscount: bigint; // 0n: no maximum
      readonly tiers: readonly { readonly minTotal: bigint; readonly percent: ParsedPercent }[];
      readonly limit: { readonly mode: 'only' | 'except'; readonly itemTypes: ReadonlySet<string> } | null;
      readonly excludeSaleItems: boolean;
    }
  | { readonly type: 'fixed'; readonly amount: bigint };

const PERCENT_KEYS = FIELD_NAMES.percentCoupon;
const FIXED_KEYS = FIELD_NAMES.fixedCoupon;
const HUNDRED: ParsedPercent = { units: 100n, scale: 0 };

function comparePercent(a: ParsedPercent, b: ParsedPercent): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * pow10(scale - a.scale);
  const y = b.units * pow10(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Coupon terms, credits and charges repeat from request to request ("10", "5.00"): the amounts read well are
// memoised by their text and the currency's minor units, a bounded cache of a pure function.
const MINOR_MEMO = new Map<string, bigint>();
const MINOR_MEMO_LIMIT = 4096;

/** @internal Reads an amount that must be whole minor units and ≥ 0. */
export function readMinor(r: InputReader, value: unknown, path: string, currency: Currency): bigint | undefined {
  const key = typeof value === 'string' && value.length <= 32 ? `${String(currency.minorUnits)}|${value}` : undefined;
  const known = key === undefined ? undefined : MINOR_MEMO.get(key);
  if (known !== undefined) return known;
  const p = parseDecimalInput(value, { maxDecimals: currency.minorUnits, allowNegative: false, currencyCode: currency.code, stringsOnly: true }, path);
  if (!p.value) {
    r.absorb(p.errors);
    return undefined;
  }
  const minor = minorFromParsed(p.value, currency.minorUnits);
  if (key !== undefined) {
    if (MINOR_MEMO.size >= MINOR_MEMO_LIMIT) MINOR_MEMO.clear();
    MINOR_MEMO.set(key, minor);
  }
  return minor;
}

const PERCENT_MEMO = new Map<string, ParsedPercent>();

function readPercent(r: InputReader, value: unknown, path: string): ParsedPercent | undefined {
  const known = typeof value === 'string' ? PERCENT_MEMO.get(value) : undefined;
  if (known) return known;
  // Four integer digits are already too many: the parse stops there, so a long digit string costs nothing.
  const p = parseDecimalInput(
    value,
    { maxDecimals: MAX_PERCENT_DECIMALS, allowNegative: false, currencyCode: 'percentages', stringsOnly: true, maxIntegerDigits: 3 },
    path,
  );
  if (!p.value) {
    r.absorb(
      p.errors.map((e) =>
        e.code === 'AMOUNT_OUT_OF_RANGE' ? { ...e, code: 'INVALID_PERCENT', message: 'a percentage is above 0 and at most 100, got 1000 or more' } : e,
      ),
    );
    return undefined;
  }
  const pct = scaledOf(p.value);
  if (pct.units <= 0n || comparePercent(pct, HUNDRED) > 0) {
    r.error('INVALID_PERCENT', path, `a percentage is above 0 and at most 100, got ${formatScaled(pct.units, pct.scale)}`);
    return undefined;
  }
  if (typeof value === 'string' && value.length <= 32) {
    if (PERCENT_MEMO.size >= MINOR_MEMO_LIMIT) PERCENT_MEMO.clear();
    PERCENT_MEMO.set(value, pct);
  }
  return pct;
}

const ZERO = /^0(\.0+)?$/u;

/** Tiers whose every field is a zero ("0", "0.00"): the form's way of saying "no tiers". One non-zero field, and the tiers are read as given. */
function allZeroTiers(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.every((t: unknown) => {
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return false;
    const keys = Object.keys(t);
    const { minTotal, percent } = t as { minTotal?: unknown; percent?: unknown };
    return keys.length === 2 && typeof minTotal === 'string' && typeof percent === 'string' && ZERO.test(minTotal) && ZERO.test(percent);
  });
}

/** @internal Reads coupon terms, reporting every problem into the reader. */
export function readCoupon(r: InputReader, value: unknown, path: string, currency: Currency): ParsedCoupon | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    r.error('INVALID_TYPE', path, 'a coupon is an object with "type": "percent" or "fixed"');
    return undefined;
  }
  const type = Object.hasOwn(value, 'type') ? (value as { type?: unknown }).type : undefined;
  if (type !== 'fixed' && type !== 'percent') {
    // Without a kind, judge the fields against both kinds so nothing else goes unreported.
    r.object(value, path, [...new Set<string>([...PERCENT_KEYS, ...FIXED_KEYS])]);
    if (type === undefined) r.error('REQUIRED', joinPath(path, 'type'), '"type" is required: "percent" or "fixed"');
    else r.error('INVALID_COUPON_TYPE', joinPath(path, 'type'), '"type" is "percent" or "fixed"');
    return undefined;
  }
  if (type === 'fixed') {
    const o = r.object(value, path, FIXED_KEYS);
    if (!o) return undefined;
    const amountPath = joinPath(path, 'amount');
    const raw = r.required(o, 'amount', path);
    if (raw === undefined) return undefined;
    const amount = readMinor(r, raw, amountPath, currency);
    if (amount === 0n) r.error('AMOUNT_NOT_POSITIVE', amountPath, 'a fixed coupon takes more than zero off');
    return amount === undefined || amount === 0n ? undefined : { type: 'fixed', amount };
  }
  const o = r.object(value, path, PERCENT_KEYS);
  if (!o) return undefined;
  const before = r.count;
  const rawPercent = r.required(o, 'percent', path);
  const percent = rawPercent === undefined ? undefined : readPercent(r, rawPercent, joinPath(path, 'percent'));
  const rawMax = r.field(o, 'maxDiscount');
  const maxDiscount = rawMax === undefined ? 0n : readMinor(r, rawMax, joinPath(path, 'maxDiscount'), currency);

  const tiers: { minTotal: bigint; percent: ParsedPercent }[] = [];
  let lastMin: bigint | undefined;
  let lastPercent: ParsedPercent | undefined;
  const rawTiers = r.field(o, 'tiers');
  // "0" in every tier field removes the tiers (the seller form's way to switch them off): no tiers at all.
  const tierList = rawTiers === undefined || allZeroTiers(rawTiers) ? [] : r.array(rawTiers, joinPath(path, 'tiers'));
  tierList?.forEach((t, i) => {
    const tp = joinPath(joinPath(path, 'tiers'), i);
    const to = r.object(t, tp, FIELD_NAMES.couponTier);
    if (!to) return;
    const rawMin = r.required(to, 'minTotal', tp);
    const rawPct = r.required(to, 'percent', tp);
    const minTotal = rawMin === undefined ? undefined : readMinor(r, rawMin, joinPath(tp, 'minTotal'), currency);
    const pct = rawPct === undefined ? undefined : readPercent(r, rawPct, joinPath(tp, 'percent'));
    if (minTotal === 0n) r.error('TIER_MIN_TOTAL_NOT_POSITIVE', joinPath(tp, 'minTotal'), 'a tier starts above zero');
    // Each check compares with the nearest earlier tier whose field parsed, so one bad tier hides nothing after it.
    if (minTotal !== undefined) {
      if (lastMin !== undefined && minTotal <= lastMin)
        r.error('TIERS_NOT_INCREASING', joinPath(tp, 'minTotal'), 'tier thresholds must be strictly increasing');
      lastMin = minTotal;
    }
    if (pct !== undefined) {
      if (lastPercent && comparePercent(pct, lastPercent) < 0)
        r.error('TIER_PERCENT_DECREASING', joinPath(tp, 'percent'), 'a higher tier may not take a smaller percentage');
      if (percent && comparePercent(pct, percent) < 0)
        r.error('TIER_BELOW_BASE_PERCENT', joinPath(tp, 'percent'), 'a tier may not take less than the base percentage');
      lastPercent = pct;
    }
    // Stryker disable next-line LogicalOperator: a tier missing either field has an error reported, and a coupon read with errors is discarded
    if (minTotal !== undefined && pct !== undefined) tiers.push({ minTotal, percent: pct });
  });

  let limit: { mode: 'only' | 'except'; itemTypes: ReadonlySet<string> } | null = null;
  const rawLimit = r.field(o, 'itemTypeLimit');
  if (rawLimit !== undefined) {
    const lp = joinPath(path, 'itemTypeLimit');
    const lo = r.object(rawLimit, lp, FIELD_NAMES.itemTypeLimit);
    if (lo) {
      const mode = r.required(lo, 'mode', lp);
      if (mode !== undefined && mode !== 'only' && mode !== 'except') r.error('INVALID_ENUM', joinPath(lp, 'mode'), '"mode" is "only" or "except"');
      const rawTypes = r.required(lo, 'itemTypes', lp);
      const types = rawTypes === undefined ? undefined : r.array(rawTypes, joinPath(lp, 'itemTypes'));
      if (types?.length === 0) r.error('EMPTY_ITEM_TYPES', joinPath(lp, 'itemTypes'), 'an item-type limit names at least one item type');
      const set = new Set<string>();
      types?.forEach((t, i) => {
        const s = r.nonEmptyString(t, joinPath(joinPath(lp, 'itemTypes'), i));
        if (s !== undefined) set.add(s);
      });
      if (mode === 'only' || mode === 'except') limit = { mode, itemTypes: set };
    }
  }
  const rawExclude = r.field(o, 'excludeSaleItems');
  const excludeSaleItems = rawExclude === undefined ? false : (r.boolean(rawExclude, joinPath(path, 'excludeSaleItems')) ?? false);
  if (r.count > before || percent === undefined || maxDiscount === undefined) return undefined;
  return { type: 'percent', percent, maxDiscount, tiers, limit, excludeSaleItems };
}

/** @internal Canonical public terms from parsed ones. */
export function couponTermsOf(c: ParsedCoupon, currency: Currency): CouponTerms {
  if (c.type === 'fixed') return { type: 'fixed', amount: formatMinor(c.amount, currency.minorUnits) };
  const terms: { -readonly [K in keyof PercentCoupon]: PercentCoupon[K] } = { type: 'percent', percent: formatScaled(c.percent.units, c.percent.scale) };
  if (c.maxDiscount > 0n) terms.maxDiscount = formatMinor(c.maxDiscount, currency.minorUnits);
  if (c.tiers.length > 0)
    terms.tiers = c.tiers.map((t) => ({ minTotal: formatMinor(t.minTotal, currency.minorUnits), percent: formatScaled(t.percent.units, t.percent.scale) }));
  if (c.limit) terms.itemTypeLimit = { mode: c.limit.mode, itemTypes: [...c.limit.itemTypes] };
  if (c.excludeSaleItems) terms.excludeSaleItems = true;
  return terms;
}

/**
 * Validates a seller's coupon terms for a currency and returns them in
 * canonical form (percentages without trailing zeros, amounts at the
 * currency's minor units, `maxDiscount: "0"`, empty tiers and
 * `excludeSaleItems: false` dropped as the defaults they are). Every
 * problem is reported: `INVALID_COUPON_TYPE`, `INVALID_PERCENT`,
 * `AMOUNT_NOT_POSITIVE`, `TIER_MIN_TOTAL_NOT_POSITIVE`, `TIERS_NOT_INCREASING`,
 * `TIER_PERCENT_DECREASING`, `TIER_BELOW_BASE_PERCENT`, `EMPTY_ITEM_TYPES`,
 * `INVALID_ENUM`, `UNKNOWN_FIELD`, `REQUIRED`, `INVALID_TYPE` and the money codes.
 *
 * @example
 * ```ts
 * import { unwrap, validateCouponTerms } from 'coupon-rules';
 * const terms = unwrap(validateCouponTerms({ type: 'percent', percent: '10.0', tiers: [{ minTotal: '25', percent: '15' }] }, 'USD'));
 * console.log(terms); // → { type: 'percent', percent: '10', tiers: [ { minTotal: '25.00', percent: '15' } ] }
 * ```
 */
export function validateCouponTerms(input: unknown, currency: string | Currency, path = ''): Result<CouponTerms> {
  const c = parseCurrency(currency);
  if (!c.ok) return c;
  const r = new InputReader();
  const parsed = readCoupon(r, input, path, c.value);
  return parsed && r.count === 0 ? ok(couponTermsOf(parsed, c.value)) : fail(r.errors);
}

/**
 * Changes a coupon to "fixed amount off" `amount` (validated for the
 * currency): the percentage, cap, tiers, item-type limit and sale exclusion
 * are dropped, as the rules require when a seller changes the type.
 *
 * @example
 * ```ts
 * import { toFixedCoupon } from 'coupon-rules';
 * console.log(toFixedCoupon({ type: 'percent', percent: '10', maxDiscount: '20.00' }, '5.00', 'USD')); // → { ok: true, value: { type: 'fixed', amount: '5.00' } }
 * ```
 */
export function toFixedCoupon(_terms: CouponTerms, amount: string, currency: string | Currency): Result<FixedCoupon> {
  // Nothing of a percentage coupon survives the change: no cap, tiers, limit or sale exclusion.
  return validateCouponTerms({ type: 'fixed', amount }, currency) as Result<FixedCoupon>;
}

/**
 * Changes a coupon to "percentage off" `percent`. A fixed coupon becomes a
 * plain percentage coupon (it has no cap, tiers or limits to carry over); a
 * percentage coupon keeps its other settings with the new base percent. The
 * result is validated (a base percent above a tier's is an error).
 *
 * @example
 * ```ts
 * import { toPercentCoupon } from 'coupon-rules';
 * console.log(toPercentCoupon({ type: 'fixed', amount: '5.00' }, '10', 'USD')); // → { ok: true, value: { type: 'percent', percent: '10' } }
 * ```
 */
export function toPercentCoupon(terms: CouponTerms, percent: string, currency: string | Currency): Result<PercentCoupon> {
  // Terms come from callers' data too: anything but an object is reported, never dereferenced.
  if (typeof terms !== 'object' || (terms as unknown) === null || Array.isArray(terms))
    return fail([ruleError('INVALID_TYPE', '', `expected coupon terms (an object), got ${describe(terms)}`)]);
  const next: PercentCoupon = terms.type === 'percent' ? { ...terms, percent } : { type: 'percent', percent };
  return validateCouponTerms(next, currency) as Result<PercentCoupon>;
}

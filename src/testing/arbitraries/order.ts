import type { Arbitrary } from 'fast-check';
import fc from '../fast-check.js';
import type { CouponTerms } from '../../coupon/terms.js';
import { ITEM_TYPE_LIMIT_MODES, QUOTE_ROUNDINGS, type RuleErrorCode } from '../../contract/index.js';
import { quoteCoupon } from '../../order/compute.js';
import type { OrderLine, QuoteRequest } from '../../order/types.js';
import { currencyArb, unitPriceStringArb } from './money.js';
import { type ArbitraryOptions, decimal } from './shared.js';

const itemTypeArb = fc.constantFrom('Part', 'Set', 'Minifig', 'Book');

/**
 * An order line with the given id: item type, unit price, quantity, and sometimes `onSale` and `batch`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderLineArb } from 'coupon-rules/testing';
 * console.log(fc.sample(orderLineArb('L1'), { numRuns: 1, seed: 42 })[0]); // → { id: 'L1', itemType: 'Minifig', unitPrice: '0.8', quantity: 993, onSale: true, batch: 1 }
 * ```
 */
export function orderLineArb(id: string, options: ArbitraryOptions = {}): Arbitrary<OrderLine> {
  return fc.record(
    {
      id: fc.constant(id),
      itemType: itemTypeArb,
      unitPrice: unitPriceStringArb({ maxUnits: BigInt(options.maxUnitMinor ?? 1_000_000) * 100n }),
      quantity: fc.integer({ min: 1, max: 1000 }),
      onSale: fc.boolean(),
      batch: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: ['id', 'itemType', 'unitPrice', 'quantity'] },
  );
}

/**
 * One to `maxLines` order lines with ids `L1`, `L2`, ….
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { orderLinesArb } from 'coupon-rules/testing';
 * console.log(fc.sample(orderLinesArb({ maxLines: 2 }), 20).every((lines) => lines.length >= 1 && lines.length <= 2)); // → true
 * ```
 */
export function orderLinesArb(options: ArbitraryOptions = {}): Arbitrary<OrderLine[]> {
  // An array (not a chain) so that shrinking can drop lines; ids are given by position afterwards.
  return fc
    .array(orderLineArb('', options), { minLength: 1, maxLength: options.maxLines ?? 8 })
    .map((lines) => lines.map((l, i) => ({ ...l, id: `L${String(i + 1)}` })));
}

/**
 * Valid coupon terms for a currency: fixed, or percentage with tiers, a cap, an item-type limit and sale exclusion in any combination.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { couponTermsArb } from 'coupon-rules/testing';
 * console.log(fc.sample(couponTermsArb(2), { numRuns: 1, seed: 42 })[0]); // → { type: 'fixed', amount: '999999.93' }
 * ```
 */
export function couponTermsArb(minorUnits: number): Arbitrary<CouponTerms> {
  return couponSpecArb().map((terms) => terms(minorUnits));
}

/**
 * @internal Terms as a function of the currency's minor units, so that a request can pick its currency without `chain`
 * (which would stop fast-check from shrinking the rest of the request).
 */
export function couponSpecArb(): Arbitrary<(minorUnits: number) => CouponTerms> {
  const bp = (v: number) => decimal(BigInt(v), 2).replace(/\.?0+$/u, '');
  return fc.oneof(
    fc.bigInt({ min: 1n, max: 10n ** 8n }).map((amount) => (mu: number): CouponTerms => ({ type: 'fixed', amount: decimal(amount, mu) })),
    fc
      .record({
        percent: fc.integer({ min: 1, max: 5000 }),
        steps: fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 7n }), fc.integer({ min: 0, max: 2000 })), { maxLength: 3 }),
        maxDiscount: fc.option(fc.bigInt({ min: 0n, max: 10n ** 7n }), { nil: undefined }),
        limit: fc.option(
          fc.record({ mode: fc.constantFrom(...ITEM_TYPE_LIMIT_MODES), itemTypes: fc.uniqueArray(itemTypeArb, { minLength: 1, maxLength: 2 }) }),
          { nil: undefined },
        ),
        excludeSaleItems: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map(({ percent, steps, maxDiscount, limit, excludeSaleItems }) => (mu: number): CouponTerms => {
        let min = 0n;
        let p = percent;
        const tiers = steps.map(([dMin, dP]) => {
          min += dMin;
          p = Math.min(10_000, p + dP);
          return { minTotal: decimal(min, mu), percent: bp(p) };
        });
        return {
          type: 'percent',
          percent: bp(percent),
          ...(tiers.length > 0 ? { tiers } : {}),
          ...(maxDiscount === undefined ? {} : { maxDiscount: decimal(maxDiscount, mu) }),
          ...(limit === undefined ? {} : { itemTypeLimit: limit }),
          ...(excludeSaleItems === undefined ? {} : { excludeSaleItems }),
        };
      }),
  );
}

/**
 * Invalid coupon terms, each tagged with the error code the library must give.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { invalidCouponTermsArb } from 'coupon-rules/testing';
 * const [bad] = fc.sample(invalidCouponTermsArb(2), { numRuns: 1, seed: 42 });
 * console.log(bad?.code); // → INVALID_PERCENT
 * ```
 */
export function invalidCouponTermsArb(minorUnits: number): Arbitrary<{ readonly terms: unknown; readonly code: RuleErrorCode }> {
  const too = `1.${'0'.repeat(minorUnits)}1`;
  return fc.constantFrom(
    { terms: { type: 'percent', percent: '0' }, code: 'INVALID_PERCENT' },
    { terms: { type: 'percent', percent: '100.5' }, code: 'INVALID_PERCENT' },
    { terms: { type: 'percent' }, code: 'REQUIRED' },
    { terms: { percent: '10' }, code: 'REQUIRED' },
    { terms: { type: 'discount', amount: '1' }, code: 'INVALID_COUPON_TYPE' },
    { terms: { type: 'fixed', amount: '0' }, code: 'AMOUNT_NOT_POSITIVE' },
    { terms: { type: 'fixed', amount: too }, code: 'TOO_MANY_DECIMALS' },
    { terms: { type: 'fixed', amount: 5 }, code: 'NOT_AN_AMOUNT' },
    { terms: { type: 'fixed', amount: '1e3' }, code: 'EXPONENT_NOTATION' },
    { terms: { type: 'fixed', amount: '5', maxDiscount: '1' }, code: 'UNKNOWN_FIELD' },
    { terms: { type: 'percent', percent: '10', tiers: [{ minTotal: '0', percent: '15' }] }, code: 'TIER_MIN_TOTAL_NOT_POSITIVE' },
    {
      terms: {
        type: 'percent',
        percent: '10',
        tiers: [
          { minTotal: '50', percent: '15' },
          { minTotal: '25', percent: '20' },
        ],
      },
      code: 'TIERS_NOT_INCREASING',
    },
    {
      terms: {
        type: 'percent',
        percent: '10',
        tiers: [
          { minTotal: '25', percent: '20' },
          { minTotal: '50', percent: '15' },
        ],
      },
      code: 'TIER_PERCENT_DECREASING',
    },
    { terms: { type: 'percent', percent: '10', tiers: [{ minTotal: '25', percent: '5' }] }, code: 'TIER_BELOW_BASE_PERCENT' },
    { terms: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: [] } }, code: 'EMPTY_ITEM_TYPES' },
    { terms: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'some', itemTypes: ['Part'] } }, code: 'INVALID_ENUM' },
    { terms: { type: 'percent', percent: '10', maxDiscount: '-1' }, code: 'SIGN_NOT_ALLOWED' },
  );
}

/**
 * A valid quote request (without `op`): an order in a sample currency, maybe a coupon, a small seller credit and charges.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { quoteRequestArb } from 'coupon-rules/testing';
 * import { quoteCoupon } from 'coupon-rules';
 * fc.assert(fc.property(quoteRequestArb({ maxLines: 3 }), (req) => { quoteCoupon(req); }));
 * ```
 */
export function quoteRequestArb(options: ArbitraryOptions = {}): Arbitrary<QuoteRequest> {
  return fc
    .record({
      currency: currencyArb(),
      rounding: fc.option(fc.constantFrom(...QUOTE_ROUNDINGS), { nil: undefined }),
      lines: orderLinesArb(options),
      coupon: fc.option(couponSpecArb(), { nil: undefined }),
      sellerCredit: fc.option(fc.bigInt({ min: 0n, max: 10n }), { nil: undefined }),
      charges: fc.option(fc.dictionary(fc.constantFrom('shipping', 'insurance', 'handling'), fc.bigInt({ min: 0n, max: 10n ** 5n })), { nil: undefined }),
    })
    .map(({ currency, rounding, lines, coupon, sellerCredit, charges }): QuoteRequest => {
      const mu = currency.minorUnits;
      return {
        currency: currency.code,
        ...(rounding === undefined ? {} : { rounding }),
        lines,
        ...(coupon === undefined ? {} : { coupon: coupon(mu) }),
        ...(sellerCredit === undefined ? {} : { sellerCredit: decimal(sellerCredit, mu) }),
        ...(charges === undefined ? {} : { charges: Object.fromEntries(Object.entries(charges).map(([k, v]) => [k, decimal(v, mu)])) }),
      };
    });
}

/**
 * @internal A valid quote request with one rule of the quote broken, its shape kept: two lines with one id
 * (`DUPLICATE_LINE_ID`), or a seller credit just above what the order totals once the coupon has taken its part
 * (`CREDIT_EXCEEDS_TOTAL`, computed from the library's own quote of the request).
 */
export function quoteMistakeArb(): Arbitrary<(quote: QuoteRequest) => QuoteRequest> {
  return fc.record({ mistake: fc.constantFrom('duplicate-line', 'credit'), from: fc.nat(), to: fc.nat(), over: fc.bigInt({ min: 1n, max: 10_000n }) }).map(
    ({ mistake, from, to, over }) =>
      (quote: QuoteRequest): QuoteRequest =>
        mistake === 'credit' ? creditAboveTotal(quote, over) : duplicateLineId(quote, from, to),
  );
}

/** @internal The order with line `to` given the id of line `from` (another line); a one-line order gets a copy of its line. */
export function duplicateLineId<T extends Pick<QuoteRequest, 'lines'>>(quote: T, from: number, to: number): T {
  const n = quote.lines.length;
  if (n < 2) return { ...quote, lines: [...quote.lines, ...quote.lines] };
  const i = from % n;
  const j = (i + 1 + (to % (n - 1))) % n;
  const id = quote.lines[i]?.id ?? 'L1';
  return { ...quote, lines: quote.lines.map((l, k) => (k === j ? { ...l, id } : l)) };
}

/**
 * The request with a seller credit `over` minor units above subtotal + charges − coupon credit: the total credit is
 * then above what the order totals. The grand total plus the seller credit already given is exactly that bound.
 */
function creditAboveTotal(quote: QuoteRequest, over: bigint): QuoteRequest {
  const q = quoteCoupon(quote);
  if (!q.ok) return { ...quote, sellerCredit: '999999999999999' };
  const minor = (s: string) => BigInt(s.replace('.', ''));
  const decimals = q.value.grandTotal.split('.')[1]?.length ?? 0;
  return { ...quote, sellerCredit: decimal(minor(q.value.grandTotal) + minor(q.value.sellerCredit) + over, decimals) };
}

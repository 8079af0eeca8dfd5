import { type CHOICE_PROMPTS, FIELD_NAMES, fieldNamesWithout } from '../contract/index.js';
import { couponTermsOf, type CouponTerms, type ParsedCoupon, readCoupon } from '../coupon/terms.js';
import { InputReader } from '../input.js';
import { computeQuote, couponCreditsOn } from '../order/compute.js';
import { readQuoteRequest } from '../order/read.js';
import type { OrderLine, ParsedQuoteRequest, Quote, QuoteRounding } from '../order/types.js';
import { formatMinor } from '../money/parse.js';
import { CouponRulesError, fail, joinPath, nestPath, ok, type Result } from '../result.js';
import { foldEvents, openBlock } from './fold.js';
import { readCouponRecords } from './read.js';
import type { CouponRecord } from './types.js';
import type { InstantInput } from '../time/instant.js';
import { readRequiredInstant } from '../time/read.js';

// The request's fields as the TypeScript API takes them (the wire adds its op), computed once.
const REQUEST_KEYS = fieldNamesWithout('couponChoicesRequest', 'op');

/**
 * The order a buyer is about to submit in a store.
 *
 * @example
 * ```ts
 * import type { CheckoutOrder } from 'coupon-rules';
 * const order: CheckoutOrder = { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2.00', quantity: 10 }], newOrder: true, hasCoupon: false };
 * ```
 */
export interface CheckoutOrder {
  readonly currency: string;
  readonly rounding?: QuoteRounding;
  readonly lines: readonly OrderLine[];
  readonly newOrder: boolean;
  readonly hasCoupon: boolean;
}

/**
 * What {@link couponChoices} takes: the instant, the store and buyer, the
 * order, and the buyer's coupons (any store, any status) with their events.
 *
 * @example
 * ```ts
 * import type { CouponChoicesRequest } from 'coupon-rules';
 * const req: CouponChoicesRequest = { at: '2026-12-01T10:00:00Z', store: 's1', buyer: 'b1',
 *   order: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20', quantity: 1 }], newOrder: true, hasCoupon: false }, coupons: [] };
 * ```
 */
export interface CouponChoicesRequest {
  readonly at: InstantInput;
  readonly store: string;
  readonly buyer: string;
  readonly order: CheckoutOrder;
  readonly coupons: readonly CouponRecord[];
}

/**
 * One coupon the buyer may redeem on this order: the credit it would give, when it expires, its current
 * `terms` (after its edits, in canonical form for the order's currency) and `quote()`, the quote of this
 * order with those terms — computed on the first call only, then kept, so that showing the choices costs
 * no quote per coupon while redeeming the chosen one needs no second fold or quote. `quote().couponCredit`
 * is the choice's `couponCredit`. `quote` is a function: `JSON.stringify` leaves it out, and the wire
 * answer of `coupon-choices` carries `couponId`, `couponCredit`, `expiresAt` and `terms` only.
 *
 * @example
 * ```ts
 * import { quoteCoupon, unwrap, type CouponChoice } from 'coupon-rules';
 * const lines = [{ id: 'L1', itemType: 'Part', unitPrice: '15.00', quantity: 1 }];
 * const terms = { type: 'fixed', amount: '1.50' } as const;
 * const c: CouponChoice = {
 *   couponId: 'c1',
 *   couponCredit: '1.50',
 *   expiresAt: '2026-12-31T23:00:00.000Z',
 *   terms,
 *   quote: () => unwrap(quoteCoupon({ currency: 'USD', lines, coupon: terms })),
 * };
 * console.log(c.quote().grandTotal); // → 13.50
 * console.log(JSON.stringify(c)); // → {"couponId":"c1","couponCredit":"1.50","expiresAt":"2026-12-31T23:00:00.000Z","terms":{"type":"fixed","amount":"1.50"}}
 * ```
 */
export interface CouponChoice {
  readonly couponId: string;
  readonly couponCredit: string;
  readonly expiresAt: string;
  /** The coupon's terms at `at` (its `edited` events applied), canonical for the order's currency (as `validateCouponTerms` gives them). */
  readonly terms: CouponTerms;
  /** The quote of this order with this coupon's `terms` (no seller credit, no charges): computed on the first call, the same object after. */
  readonly quote: () => Quote;
}

/**
 * The checkout prompt: `none` (no open coupon), `offer` (one), `choose`
 * (two or more), and the coupons ranked best first.
 *
 * @example
 * ```ts
 * import type { CouponChoices } from 'coupon-rules';
 * const nothing: CouponChoices = { prompt: 'none', choices: [] };
 * ```
 */
export interface CouponChoices {
  readonly prompt: (typeof CHOICE_PROMPTS)[number];
  readonly choices: readonly CouponChoice[];
}

/**
 * The buyer's open coupons in this store for the order they are about to
 * submit, ranked by the credit each would give on it (largest first, as
 * the quote computes it), then earliest expiry, then id — so a shop can
 * pre-select the best. Each choice carries the coupon's current terms and
 * a `quote()` of the order with them, computed only when called (once): the
 * answer stays linear in the request however many coupons and lines. A
 * coupon counts when it was issued to this buyer by this store and is open
 * and unexpired at `at`. An order that is not a new order submission, or
 * already has a coupon, can take none: the prompt is `none`. Keeping the
 * coupon for another order changes nothing.
 *
 * @example
 * ```ts
 * import { couponChoices, unwrap } from 'coupon-rules';
 * const base = { seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'America/New_York', events: [] };
 * const checkout = unwrap(couponChoices({
 *   at: '2026-12-01T10:00:00Z', store: 's1', buyer: 'b1',
 *   order: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }], newOrder: true, hasCoupon: false },
 *   coupons: [
 *     { ...base, id: 'c1', terms: { type: 'fixed', amount: '1.50' } },
 *     { ...base, id: 'c2', terms: { type: 'percent', percent: '10' } },
 *   ],
 * }));
 * console.log(checkout.prompt); // → choose
 * // 10% of 20.00 beats 1.50 off.
 * console.log(checkout.choices.map((c) => [c.couponId, c.couponCredit])); // → [ [ 'c2', '2.00' ], [ 'c1', '1.50' ] ]
 * // The buyer takes the best: its terms to record, and its quote, computed only now.
 * const best = checkout.choices[0];
 * console.log(best?.terms); // → { type: 'percent', percent: '10' }
 * console.log(best?.quote().grandTotal); // → 18.00
 * ```
 */
export function couponChoices(request: CouponChoicesRequest): Result<CouponChoices> {
  return readCouponChoices(request, []);
}

// The checkout order's fields that are also a quote request's.
const QUOTABLE = FIELD_NAMES.checkoutOrder.filter((k) => FIELD_NAMES.quoteRequest.includes(k));

/**
 * The quote of a checkout order with one coupon, computed on the first call and kept: a full quote per
 * choice up front would cost coupons × lines, while the ranking needs only each coupon's credit.
 */
function lazyQuote(order: ParsedQuoteRequest, coupon: ParsedCoupon): () => Quote {
  let quote: Quote | undefined;
  return () => {
    if (quote === undefined) {
      const q = computeQuote({ ...order, coupon });
      // Stryker disable next-line ConditionalExpression: unreachable — no seller credit or charges, and a coupon credit is at most the subtotal
      if (!q.ok) throw new CouponRulesError(q.errors);
      quote = q.value;
    }
    return quote;
  };
}

/** @internal */
export function readCouponChoices(input: unknown, extraKeys: readonly string[]): Result<CouponChoices> {
  const r = new InputReader();
  const o = r.object(input, '', extraKeys.length === 0 ? REQUEST_KEYS : [...REQUEST_KEYS, ...extraKeys]);
  if (!o) return fail(r.errors);
  const at = readRequiredInstant(r, o, 'at', '');
  const store = r.nonEmptyString(r.required(o, 'store', ''), 'store');
  const buyer = r.nonEmptyString(r.required(o, 'buyer', ''), 'buyer');
  const rawOrder = r.required(o, 'order', '');
  const order = rawOrder === undefined ? undefined : r.object(rawOrder, 'order', FIELD_NAMES.checkoutOrder);
  const newOrder = order && r.boolean(r.required(order, 'newOrder', 'order'), 'order.newOrder');
  const hasCoupon = order && r.boolean(r.required(order, 'hasCoupon', 'order'), 'order.hasCoupon');
  let quoteBase;
  if (order) {
    // Only the quotable fields go on: an unknown field has been reported above and must not be reported twice.
    const quotable = Object.fromEntries(QUOTABLE.filter((k) => Object.hasOwn(order, k)).map((k) => [k, order[k]]));
    const q = readQuoteRequest(quotable);
    if (q.ok) quoteBase = q.value;
    else r.absorb(q.errors.map((e) => ({ ...e, path: nestPath('order', e.path) })));
  }
  const { records: coupons } = readCouponRecords(r, r.required(o, 'coupons', ''), 'coupons');
  // Shape errors do not stop the checks below: every problem is reported at once.
  if (at === undefined || !quoteBase) return fail(r.errors);

  const choices: CouponChoice[] = [];
  const expiry = new Map<string, number>();
  // The order is summed once by item type: each coupon's credit then costs its own item types, not the order's lines.
  const creditOf = couponCreditsOn(quoteBase);
  const zero = formatMinor(0n, quoteBase.currency.minorUnits);
  for (const c of coupons) {
    const s = foldEvents(r, c, at, joinPath(c.path, 'events'));
    if (c.seller !== store || c.recipient !== buyer || openBlock(s, at) !== null) continue;
    const terms = readCoupon(r, s.terms, joinPath(c.path, 'terms'), quoteBase.currency);
    if (!terms) continue;
    const credit = creditOf(terms);
    expiry.set(c.id, s.expiresAt);
    choices.push({
      couponId: c.id,
      couponCredit: credit === 0n ? zero : formatMinor(credit, quoteBase.currency.minorUnits),
      expiresAt: new Date(s.expiresAt).toISOString(),
      terms: couponTermsOf(terms, quoteBase.currency),
      quote: lazyQuote(quoteBase, terms),
    });
  }
  if (r.count > 0) return fail(r.errors);
  if (newOrder !== true || hasCoupon !== false) return ok({ prompt: 'none', choices: [] });
  const minor = (s: string) => BigInt(s.replace('.', ''));
  choices.sort((a, b) => {
    const ca = minor(a.couponCredit);
    const cb = minor(b.couponCredit);
    if (ca !== cb) return ca > cb ? -1 : 1;
    const ea = expiry.get(a.couponId) ?? 0;
    const eb = expiry.get(b.couponId) ?? 0;
    if (ea !== eb) return ea - eb;
    return a.couponId < b.couponId ? -1 : a.couponId > b.couponId ? 1 : 0;
  });
  return ok({ prompt: choices.length === 0 ? 'none' : choices.length === 1 ? 'offer' : 'choose', choices });
}

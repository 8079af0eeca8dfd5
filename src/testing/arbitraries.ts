import fc from 'fast-check';
import type { CouponTerms } from '../coupon/terms.js';
import { DAY_COUNTS, DISPUTE_ACTIONS, ITEM_TYPE_LIMIT_MODES, QUOTE_ROUNDINGS, type RuleErrorCode } from '../contract/index.js';
import { type DisputeCommand, decideDispute } from '../dispute/decide.js';
import type { Dispute, DisputeEvent, DisputeOrder } from '../dispute/types.js';
import type { CouponEvent, CouponRecord } from '../lifecycle/types.js';
import type { OrderLine, QuoteRequest } from '../order/types.js';
import type { OutageInput } from '../outage/types.js';

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

const ISO_SAMPLE = [
  { code: 'USD', minorUnits: 2 },
  { code: 'EUR', minorUnits: 2 },
  { code: 'JPY', minorUnits: 0 },
  { code: 'BHD', minorUnits: 3 },
  { code: 'CLF', minorUnits: 4 },
] as const;

const decimal = (units: bigint, scale: number): string => {
  if (scale === 0) return units.toString();
  const s = units.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
};

/**
 * A currency the library knows, with its minor units (a sample of 0-, 2-, 3- and 4-decimal currencies).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { currencyArb } from 'coupon-rules/testing';
 * // a fixed seed gives the same sample on every run
 * console.log(fc.sample(currencyArb(), { numRuns: 1, seed: 42 })[0]); // → { code: 'EUR', minorUnits: 2 }
 * ```
 */
export function currencyArb(): fc.Arbitrary<{ readonly code: string; readonly minorUnits: number }> {
  return fc.constantFrom(...ISO_SAMPLE);
}

/**
 * An amount as a decimal string with exactly `minorUnits` decimals, from `min` to `max` minor units.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { moneyStringArb } from 'coupon-rules/testing';
 * console.log(fc.sample(moneyStringArb(2, { max: 999n }), { numRuns: 3, seed: 42 })); // → [ '9.96', '7.94', '2.72' ]
 * ```
 */
export function moneyStringArb(minorUnits: number, range: { readonly min?: bigint; readonly max?: bigint } = {}): fc.Arbitrary<string> {
  return fc.bigInt({ min: range.min ?? 0n, max: range.max ?? 10n ** 9n }).map((v) => decimal(v, minorUnits));
}

/**
 * A unit price as a decimal string, with up to `maxDecimals` decimals (default 6), often more than the currency has.
 * `maxUnits` (default 10^8) bounds its digits: the price read without its decimal point is at most that.
 * A quarter of the prices are rounding ties, ending in 5 at the third or fourth decimal (at the last allowed
 * decimal when `maxDecimals` is 1 or 2; none when it is 0).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { unitPriceStringArb } from 'coupon-rules/testing';
 * console.log(fc.sample(unitPriceStringArb(), { numRuns: 3, seed: 42 })); // → [ '10000000.0', '0.0075', '0.000002' ]
 * ```
 */
export function unitPriceStringArb(options: { readonly maxDecimals?: number; readonly maxUnits?: bigint } = {}): fc.Arbitrary<string> {
  const maxUnits = options.maxUnits ?? 10n ** 8n;
  const maxDecimals = options.maxDecimals ?? 6;
  const any = fc.tuple(fc.bigInt({ min: 0n, max: maxUnits }), fc.integer({ min: 0, max: maxDecimals })).map(([u, s]) => decimal(u, s));
  // Prices ending in a half of a cent (or of a tenth of a cent) make rounding ties common: they are where implementations differ.
  const tieScales = maxDecimals >= 3 ? [3, 4].filter((s) => s <= maxDecimals) : maxDecimals >= 1 ? [maxDecimals] : [];
  if (tieScales.length === 0) return any;
  const tie = fc.tuple(fc.bigInt({ min: 0n, max: maxUnits / 100n }), fc.constantFrom(...tieScales)).map(([u, s]) => decimal(u * 10n + 5n, s));
  return fc.oneof({ arbitrary: any, weight: 3 }, { arbitrary: tie, weight: 1 });
}

/**
 * A percentage string above 0 and at most 100, with up to 2 decimals.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { percentStringArb } from 'coupon-rules/testing';
 * console.log(fc.sample(percentStringArb(), { numRuns: 3, seed: 42 })); // → [ '99.89', '27.95', '72.73' ]
 * ```
 */
export function percentStringArb(): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 10_000 }).map((bp) => decimal(BigInt(bp), 2).replace(/\.?0+$/u, ''));
}

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
export function orderLineArb(id: string, options: ArbitraryOptions = {}): fc.Arbitrary<OrderLine> {
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
export function orderLinesArb(options: ArbitraryOptions = {}): fc.Arbitrary<OrderLine[]> {
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
export function couponTermsArb(minorUnits: number): fc.Arbitrary<CouponTerms> {
  return couponSpecArb().map((terms) => terms(minorUnits));
}

// Terms as a function of the currency's minor units, so that a request can pick its currency without `chain`
// (which would stop fast-check from shrinking the rest of the request).
function couponSpecArb(): fc.Arbitrary<(minorUnits: number) => CouponTerms> {
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
export function invalidCouponTermsArb(minorUnits: number): fc.Arbitrary<{ readonly terms: unknown; readonly code: RuleErrorCode }> {
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
export function quoteRequestArb(options: ArbitraryOptions = {}): fc.Arbitrary<QuoteRequest> {
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

const T0 = Date.parse('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const zoneArb = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Santiago');
const dayArb = (from: number, to: number) => fc.integer({ min: from, max: to }).map((d) => iso(T0 + d * 24 * HOUR).slice(0, 10));

/**
 * A coupon with a history: random lifecycle events (edits, redemptions, declines, deletions) in time order.
 * Some histories break the rules on purpose, so that both answers (a state or a refusal) are exercised.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { couponRecordArb } from 'coupon-rules/testing';
 * const [record] = fc.sample(couponRecordArb({ maxEvents: 3 }), 1);
 * console.log(record !== undefined && record.events.length <= 3); // → true
 * ```
 */
export function couponRecordArb(options: ArbitraryOptions = {}): fc.Arbitrary<CouponRecord> {
  const eventArb = fc.record({
    kind: fc.constantFrom('edited', 'redeemed', 'declined', 'deleted'),
    gapHours: fc.integer({ min: 0, max: 24 * 10 }),
    buyer: fc.constantFrom('b1', 'b1', 'b1', 'b2'),
    store: fc.constantFrom('s1', 's1', 's1', 's2'),
    newOrder: fc.constantFrom(true, true, true, false),
    orderHasCoupon: fc.constantFrom(false, false, false, true),
    expiresDay: fc.integer({ min: -5, max: 400 }),
  });
  return fc
    .record({
      expires: dayArb(0, 60),
      timeZone: zoneArb,
      terms: couponTermsArb(2),
      events: fc.array(eventArb, { maxLength: options.maxEvents ?? 8 }),
    })
    .map(({ expires, timeZone, terms, events }): CouponRecord => {
      let t = T0 - 24 * HOUR;
      const out: CouponEvent[] = events.map((e, i): CouponEvent => {
        t += e.gapHours * HOUR;
        const at = iso(t);
        switch (e.kind) {
          case 'edited':
            return { type: 'edited', at, expires: iso(t + e.expiresDay * 24 * HOUR).slice(0, 10) };
          case 'redeemed':
            return { type: 'redeemed', at, orderId: `o${String(i)}`, buyer: e.buyer, store: e.store, newOrder: e.newOrder, orderHasCoupon: e.orderHasCoupon };
          default:
            return { type: e.kind, at };
        }
      });
      return { id: 'c1', seller: 's1', recipient: 'b1', expires, timeZone, terms, events: out };
    });
}

const disputeOrder: DisputeOrder = {
  quote: {
    currency: 'USD',
    lines: [
      { id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 },
      { id: 'L2', itemType: 'Set', unitPrice: '20.00', quantity: 1 },
    ],
    coupon: { type: 'percent', percent: '10' },
    sellerCredit: '1.00',
    charges: { shipping: '5.00' },
  },
  shippedAt: '2026-11-20T09:00:00Z',
  receiptConfirmedAt: '2026-11-28T18:00:00Z',
  expectedDeliveryBy: '2026-12-05',
};
// Received after the end of the expected delivery date: the order may be claimed as late.
const lateOrder: DisputeOrder = { ...disputeOrder, expectedDeliveryBy: '2026-11-25' };

/**
 * A dispute built by random commands, each kept only if the library allows it: valid histories
 * that reach every status (awaiting either party, under review, resolved, cancelled), with a policy
 * (its process and review periods among them), declined counter-offers, evidence from both parties
 * and late-delivery claims.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { disputeArb } from 'coupon-rules/testing';
 * const [d] = fc.sample(disputeArb(), 1);
 * console.log(d?.dispute.events[0]?.type); // → opened
 * ```
 */
export function disputeArb(options: ArbitraryOptions = {}): fc.Arbitrary<{ readonly dispute: Dispute; readonly at: string }> {
  const kinds = DISPUTE_ACTIONS;
  const commandArb = fc.record({
    kind: fc.constantFrom(...kinds),
    gapHours: fc.integer({ min: 1, max: 24 * 4 }),
    cents: fc.integer({ min: 0, max: 4900 }),
    seller: fc.boolean(),
    evidence: fc.option(fc.constantFrom(['chat-1'], ['photo-2', 'photo-1']), { nil: undefined }),
  });
  const policyArb = fc.record(
    {
      timeZone: zoneArb,
      dayCount: fc.constantFrom(...DAY_COUNTS),
      maxProcessDays: fc.integer({ min: 5, max: 20 }),
      platformReviewDays: fc.integer({ min: 0, max: 5 }),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      policy: policyArb,
      late: fc.boolean(),
      claim: fc.integer({ min: 1, max: 4900 }),
      lines: fc.option(fc.constant([{ id: 'L1', quantity: 2 }]), { nil: undefined }),
      commands: fc.array(commandArb, { maxLength: options.maxEvents ?? 8 }),
      tailHours: fc.integer({ min: 0, max: 24 * 20 }),
    })
    .map(({ policy, late, claim, lines, commands, tailHours }) => {
      const cap = lines ? 1800 : 4900;
      const amount = (c: number) => decimal(BigInt(c), 2);
      const order = late ? lateOrder : disputeOrder;
      let t = Date.parse('2026-12-01T10:00:00Z');
      const events: DisputeEvent[] = [
        {
          type: 'opened',
          at: iso(t),
          reason: late ? 'LATE_DELIVERY' : 'DAMAGED',
          amount: amount(Math.min(claim, cap)),
          evidence: ['photo-1'],
          ...(lines ? { lines } : {}),
        },
      ];
      for (const c of commands) {
        t += c.gapHours * HOUR;
        const actor =
          c.kind === 'rule'
            ? 'platform'
            : c.kind === 'agree' || c.kind === 'counter' || c.kind === 'disagree' || (c.kind === 'escalate' && c.seller)
              ? 'seller'
              : 'buyer';
        const base = { actor, at: iso(t), expectedVersion: events.length } as const;
        const money = amount(Math.min(c.cents, cap));
        const evidence = c.evidence ? { evidence: c.evidence } : {};
        const command = (
          c.kind === 'change-claim' || c.kind === 'rule'
            ? { ...base, type: c.kind, amount: money }
            : c.kind === 'counter'
              ? { ...base, type: c.kind, amount: money, ...evidence }
              : c.kind === 'disagree' || c.kind === 'escalate'
                ? { ...base, type: c.kind, ...evidence }
                : { ...base, type: c.kind }
        ) as DisputeCommand;
        const d = decideDispute({ policy, order, events }, command);
        if (d.ok) events.push(...d.value.events);
      }
      return { dispute: { policy, order, events }, at: iso(t + tailHours * HOUR) };
    });
}

/**
 * An outage planning input: up to 3 incidents over a few days, coupons in several time zones and
 * states, failed attempts, and a compensation policy in which extension, reissue and honoring
 * are now and then switched off, with or without loyalty members and their extra days.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { outageInputArb } from 'coupon-rules/testing';
 * import { planOutageRemedies } from 'coupon-rules';
 * fc.assert(fc.property(outageInputArb(), (input) => planOutageRemedies(input).ok));
 * ```
 */
export function outageInputArb(options: ArbitraryOptions = {}): fc.Arbitrary<OutageInput> {
  const incidentArb = fc.tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 1, max: 40 }));
  const couponArb = fc.record({
    expires: dayArb(-2, 9),
    timeZone: zoneArb,
    recipient: fc.constantFrom('b1', 'b2'),
    fate: fc.constantFrom('none', 'none', 'none', 'declined', 'deleted', 'redeemed'),
  });
  return fc
    .record({
      incidents: fc.array(incidentArb, { maxLength: 3 }),
      coupons: fc.array(couponArb, { minLength: 1, maxLength: options.maxCoupons ?? 6 }),
      attempts: fc.array(fc.record({ coupon: fc.nat(5), hour: fc.integer({ min: 0, max: 130 }), buyer: fc.constantFrom('b1', 'b2') }), { maxLength: 4 }),
      now: fc.integer({ min: 100, max: 300 }),
      extension: fc.constantFrom<'outage-length' | { days: number }>('outage-length', { days: 2 }),
      // Each retailer's own policy: a remedy is switched off now and then (left out: on).
      switches: fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        { weight: 2, arbitrary: fc.record({ extend: fc.boolean(), reissue: fc.boolean(), honor: fc.boolean() }, { requiredKeys: [] }) },
      ),
      loyalty: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      loyaltyMembers: fc.option(fc.subarray(['b1', 'b2']), { nil: undefined }),
    })
    .map(({ incidents, coupons, attempts, now, extension, switches, loyalty, loyaltyMembers }): OutageInput => {
      const at = T0 + now * HOUR;
      const when = iso(T0 - 72 * HOUR);
      const records = coupons.map((c, i): CouponRecord => {
        const events: CouponEvent[] =
          c.fate === 'declined'
            ? [{ type: 'declined', at: when }]
            : c.fate === 'deleted'
              ? [{ type: 'deleted', at: when }]
              : c.fate === 'redeemed'
                ? [{ type: 'redeemed', at: when, orderId: 'o0', buyer: c.recipient, store: 's1', newOrder: true, orderHasCoupon: false }]
                : [];
        return {
          id: `c${String(i)}`,
          seller: 's1',
          recipient: c.recipient,
          expires: c.expires,
          timeZone: c.timeZone,
          terms: { type: 'percent', percent: '10' },
          events,
        };
      });
      return {
        at: iso(at),
        policy: {
          graceDays: 1,
          extension,
          compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 10, minOutageMinutes: 120 },
          ...switches,
          ...(loyalty === undefined ? {} : { loyalty: { extraGraceDays: loyalty } }),
        },
        ...(loyaltyMembers ? { loyaltyMembers } : {}),
        incidents: incidents.map(([s, len], i) => ({ id: `inc${String(i)}`, start: iso(T0 + s * HOUR), end: iso(T0 + (s + len) * HOUR) })),
        coupons: records,
        attempts: attempts
          .filter((a) => a.coupon < records.length && T0 + a.hour * HOUR <= at)
          .map((a, i) => ({
            couponId: `c${String(a.coupon)}`,
            orderId: `o${String(i)}`,
            at: iso(T0 + a.hour * HOUR),
            order: {
              currency: 'USD',
              lines: [{ id: 'L', itemType: 'Part', unitPrice: '9.99', quantity: 1 }],
              buyer: a.buyer,
              store: 's1',
              newOrder: true,
              hasCoupon: false,
            },
          })),
      };
    });
}

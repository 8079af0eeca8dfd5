import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  couponState,
  disputeView,
  parseMoney,
  parseUnitPrice,
  planOutageRemedies,
  quoteCoupon,
  validateCouponTerms,
  type CouponTerms,
} from '../../src/index.js';
import { QUOTE_ROUNDINGS } from '../../src/contract/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import {
  couponRecordArb,
  couponTermsArb,
  currencyArb,
  disputeArb,
  invalidCouponTermsArb,
  moneyStringArb,
  orderLineArb,
  orderLinesArb,
  outageInputArb,
  percentStringArb,
  quoteRequestArb,
  unitPriceStringArb,
} from '../../src/testing/index.js';
import { order as exampleOrder } from '../dispute/fixtures.js';
import { codesOf, errorsOf } from '../helpers.js';

// The generators shipped as `coupon-rules/testing` (docs/oracle.md): every value they give is valid input, every
// variant they document is reachable, and their ranges hold. Samples use a fixed seed so that the checks are exact.
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 500): T[] => fc.sample(arb, { seed: 42, numRuns });
type Sampled<F extends (...args: never[]) => fc.Arbitrary<unknown>> = ReturnType<F> extends fc.Arbitrary<infer T> ? T[] : never;
// The larger generators are sampled before each test, not when the file is collected: mutation testing credits
// a test only with the code that runs during it, so a sample taken at collection would guard nothing.
const distinct = (values: readonly unknown[]): string[] =>
  [...new Set(values.map((v) => (typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v))))].sort();
const decimalsOf = (s: string): number => s.split('.')[1]?.length ?? 0;
/** The digits of a decimal string as an integer ('12.345' → 12345n): the generators' "units". */
const unitsOf = (s: string): bigint => BigInt(s.replace('.', ''));
const DECIMAL = /^\d+(\.\d+)?$/u;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CURRENCY_OF = { 0: 'JPY', 2: 'USD', 3: 'BHD', 4: 'CLF' } as const;
const MINOR_UNITS = [0, 2, 3, 4] as const;

describe('currencyArb', () => {
  it('gives each sample currency (0, 2, 3 and 4 decimals) with its minor units', () => {
    expect(distinct(sample(currencyArb()))).toEqual(
      distinct([
        { code: 'USD', minorUnits: 2 },
        { code: 'EUR', minorUnits: 2 },
        { code: 'JPY', minorUnits: 0 },
        { code: 'BHD', minorUnits: 3 },
        { code: 'CLF', minorUnits: 4 },
      ]),
    );
  });
});

describe('moneyStringArb', () => {
  it.each(MINOR_UNITS)('writes amounts with exactly %i decimals that parse as money of the currency', (mu) => {
    for (const s of sample(moneyStringArb(mu), 200)) {
      expect(s).toMatch(mu === 0 ? /^\d+$/u : new RegExp(`^\\d+\\.\\d{${String(mu)}}$`, 'u'));
      expect(parseMoney(s, CURRENCY_OF[mu]).ok).toBe(true);
    }
  });

  it('writes minor units as a decimal with a leading zero and the exact digits', () => {
    expect(sample(moneyStringArb(2, { min: 5n, max: 5n }), 3)).toEqual(['0.05', '0.05', '0.05']);
    expect(sample(moneyStringArb(3, { min: 12_345n, max: 12_345n }), 1)).toEqual(['12.345']);
    expect(sample(moneyStringArb(0, { min: 12_345n, max: 12_345n }), 1)).toEqual(['12345']);
    expect(sample(moneyStringArb(4, { min: 0n, max: 0n }), 1)).toEqual(['0.0000']);
  });

  it('ranges from 0 to 10^9 minor units by default, reaching both ends', () => {
    const units = sample(moneyStringArb(2)).map(unitsOf);
    expect(units.every((u) => u >= 0n && u <= 10n ** 9n)).toBe(true);
    expect(units).toContain(0n);
    expect(units).toContain(10n ** 9n);
  });

  it('keeps to the given min and max, reaching both', () => {
    const values = sample(moneyStringArb(2, { min: 995n, max: 1_005n }));
    expect(values.every((s) => unitsOf(s) >= 995n && unitsOf(s) <= 1_005n)).toBe(true);
    expect(values).toContain('9.95');
    expect(values).toContain('10.05');
  });
});

describe('unitPriceStringArb', () => {
  it('gives non-negative decimal prices the library parses, with 0 to 6 decimals by default', () => {
    const prices = sample(unitPriceStringArb());
    for (const p of prices) {
      expect(p).toMatch(DECIMAL);
      expect(parseUnitPrice(p, 'USD').ok).toBe(true);
    }
    expect(distinct(prices.map(decimalsOf))).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const units = prices.map(unitsOf);
    expect(units.every((u) => u <= 10n ** 8n)).toBe(true);
    expect(units).toContain(10n ** 8n);
  });

  it('makes rounding ties frequent: prices ending in 5 at the third or fourth decimal', () => {
    const prices = sample(unitPriceStringArb());
    const ties = prices.filter((p) => /\.\d{2,3}5$/u.test(p));
    expect(ties.length).toBeGreaterThan(prices.length / 5);
    expect(ties.some((p) => decimalsOf(p) === 3)).toBe(true);
    expect(ties.some((p) => decimalsOf(p) === 4)).toBe(true);
    // The smallest ties: half a cent and half a tenth of a cent.
    expect(prices).toContain('0.005');
    expect(prices).toContain('0.0005');
  });

  it('keeps to maxUnits (ties included) and to maxDecimals: with 2 decimals, ties end in 5 at the second', () => {
    const prices = sample(unitPriceStringArb({ maxUnits: 1_000n, maxDecimals: 2 }));
    expect(prices.every((p) => unitsOf(p) <= 1_000n && decimalsOf(p) <= 2)).toBe(true);
    expect(prices).toContain('1000');
    expect(prices).toContain('10.00');
    expect(distinct(prices.map(decimalsOf))).toEqual(['0', '1', '2']);
    // Ties stay within a tenth of maxUnits (from 5 to 105 units) and are frequent.
    const ties = prices.filter((p) => decimalsOf(p) === 2 && /5$/u.test(p));
    expect(ties.length).toBeGreaterThan(prices.length / 5);
    expect(prices).toContain('0.05');
    expect(prices).toContain('1.05');
  });

  it('draws ties at the only decimal with maxDecimals 1, at the third with 3, and none with 0', () => {
    const one = sample(unitPriceStringArb({ maxUnits: 1_000n, maxDecimals: 1 }));
    expect(one.every((p) => decimalsOf(p) <= 1)).toBe(true);
    expect(one.filter((p) => decimalsOf(p) === 1 && /5$/u.test(p)).length).toBeGreaterThan(one.length / 5);
    const three = sample(unitPriceStringArb({ maxDecimals: 3 }));
    expect(three.every((p) => decimalsOf(p) <= 3)).toBe(true);
    expect(three).toContain('0.005');
    const none = sample(unitPriceStringArb({ maxUnits: 1_000n, maxDecimals: 0 }));
    expect(none.every((p) => /^\d+$/u.test(p) && BigInt(p) <= 1_000n)).toBe(true);
  });
});

describe('percentStringArb', () => {
  it('gives percentages above 0 and at most 100, written without trailing zeros, that coupons accept', () => {
    const values = sample(percentStringArb());
    for (const p of values) {
      expect(String(Number(p))).toBe(p);
      expect(Number(p)).toBeGreaterThan(0);
      expect(Number(p)).toBeLessThanOrEqual(100);
      expect(decimalsOf(p)).toBeLessThanOrEqual(2);
      expect(validateCouponTerms({ type: 'percent', percent: p }, 'USD').ok).toBe(true);
    }
    expect(values).toContain('0.01');
    expect(values).toContain('100');
    expect(values.some((p) => decimalsOf(p) === 1)).toBe(true);
    expect(values.some((p) => decimalsOf(p) === 2)).toBe(true);
  });
});

describe('orderLineArb and orderLinesArb', () => {
  it('gives a line with the given id, every item type, quantities 1 to 1000, and onSale and batch sometimes', () => {
    const lines = sample(orderLineArb('X1'));
    for (const l of lines) {
      expect(l.id).toBe('X1');
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'itemType', 'unitPrice', 'quantity']));
      expect(l.quantity).toBeGreaterThanOrEqual(1);
      expect(l.quantity).toBeLessThanOrEqual(1000);
      expect(quoteCoupon({ currency: 'USD', lines: [l] }).ok).toBe(true);
    }
    expect(distinct(lines.map((l) => l.itemType))).toEqual(['Book', 'Minifig', 'Part', 'Set']);
    expect(lines.map((l) => l.quantity)).toEqual(expect.arrayContaining([1, 1000]));
    expect(distinct(lines.map((l) => l.onSale))).toEqual(['false', 'true', 'undefined']);
    expect(distinct(lines.map((l) => l.batch))).toEqual(['1', '2', '3', 'undefined']);
  });

  it('keeps unit prices to 100 × maxUnitMinor, read without the decimal point', () => {
    const prices = sample(orderLineArb('L1', { maxUnitMinor: 10 })).map((l) => l.unitPrice);
    expect(prices.every((p) => unitsOf(p) <= 1_000n)).toBe(true);
    expect(prices).toContain('1000');
    const defaults = sample(orderLineArb('L1')).map((l) => unitsOf(l.unitPrice));
    expect(defaults.every((u) => u <= 10n ** 8n)).toBe(true);
    expect(defaults).toContain(10n ** 8n);
  });

  it('gives 1 to 8 lines by default, numbered L1, L2, … in order', () => {
    const orders = sample(orderLinesArb());
    for (const lines of orders) expect(lines.map((l) => l.id)).toEqual(lines.map((_, i) => `L${String(i + 1)}`));
    expect(distinct(orders.map((l) => l.length))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('gives at most maxLines lines', () => {
    expect(distinct(sample(orderLinesArb({ maxLines: 2 })).map((l) => l.length))).toEqual(['1', '2']);
  });
});

type Percent = Extract<CouponTerms, { type: 'percent' }>;
const percents = (terms: readonly CouponTerms[]): Percent[] => terms.filter((t): t is Percent => t.type === 'percent');

describe('couponTermsArb', () => {
  it.each(MINOR_UNITS)('gives terms valid in a currency with %i decimals, amounts written with its decimals', (mu) => {
    const terms = sample(couponTermsArb(mu), 300);
    for (const t of terms) {
      const r = validateCouponTerms(t, CURRENCY_OF[mu]);
      expect(errorsOf(r)).toEqual([]);
      const amounts = t.type === 'fixed' ? [t.amount] : [...(t.maxDiscount === undefined ? [] : [t.maxDiscount]), ...(t.tiers ?? []).map((x) => x.minTotal)];
      for (const a of amounts) expect(decimalsOf(a)).toBe(mu);
    }
  });

  it('gives fixed amounts from one minor unit to 10^8 minor units', () => {
    const fixed = sample(couponTermsArb(2)).flatMap((t) => (t.type === 'fixed' ? [t.amount] : []));
    expect(fixed.every((a) => unitsOf(a) >= 1n && unitsOf(a) <= 10n ** 8n)).toBe(true);
    expect(fixed).toContain('0.01');
    expect(fixed).toContain('1000000.00');
  });

  it('gives percentage terms with 0 to 3 tiers, a cap, an item-type limit and sale exclusion in any combination', () => {
    const terms = sample(couponTermsArb(2));
    expect(distinct(terms.map((t) => t.type))).toEqual(['fixed', 'percent']);
    const p = percents(terms);
    expect(distinct(p.map((t) => t.tiers?.length))).toEqual(['1', '2', '3', 'undefined']);
    expect(p.some((t) => t.maxDiscount === undefined)).toBe(true);
    expect(p.some((t) => t.maxDiscount === '0.00')).toBe(true);
    expect(p.some((t) => t.maxDiscount !== undefined && unitsOf(t.maxDiscount) > 0n)).toBe(true);
    expect(distinct(p.map((t) => (t.itemTypeLimit ? `${t.itemTypeLimit.mode} ${String(t.itemTypeLimit.itemTypes.length)}` : 'none')))).toEqual([
      'except 1',
      'except 2',
      'none',
      'only 1',
      'only 2',
    ]);
    expect(distinct(p.map((t) => t.excludeSaleItems))).toEqual(['false', 'true', 'undefined']);
    // Only the fields a coupon uses: no empty tier list, no undefined values.
    for (const t of p) {
      expect(t.tiers).not.toEqual([]);
      expect(Object.values(t)).not.toContain(undefined);
    }
  });

  it('gives base percentages from 0.01 to 50, and tiers with rising thresholds and non-decreasing percentages up to 100', () => {
    const p = percents(sample(couponTermsArb(2)));
    for (const t of p) expect(String(Number(t.percent))).toBe(t.percent);
    expect(p.some((t) => decimalsOf(t.percent) === 1)).toBe(true);
    expect(p.some((t) => decimalsOf(t.percent) === 0 && t.percent.endsWith('0'))).toBe(true);
    const base = p.map((t) => Number(t.percent));
    expect(Math.min(...base)).toBe(0.01);
    expect(Math.max(...base)).toBe(50);
    const tiered = p.filter((t) => t.tiers);
    for (const t of tiered) {
      const tiers = t.tiers ?? [];
      tiers.forEach((tier, i) => {
        const before = i === 0 ? { minTotal: '0', percent: t.percent } : tiers[i - 1];
        expect(Number(tier.minTotal)).toBeGreaterThan(Number(before?.minTotal));
        expect(Number(tier.percent)).toBeGreaterThanOrEqual(Number(before?.percent));
        expect(Number(tier.percent)).toBeLessThanOrEqual(100);
        expect(String(Number(tier.percent))).toBe(tier.percent);
      });
    }
    expect(tiered.some((t) => (t.tiers ?? []).some((x) => Number(x.percent) < 100))).toBe(true);
  });
});

describe('invalidCouponTermsArb', () => {
  const CODES = [
    'AMOUNT_NOT_POSITIVE',
    'EMPTY_ITEM_TYPES',
    'EXPONENT_NOTATION',
    'INVALID_COUPON_TYPE',
    'INVALID_ENUM',
    'INVALID_PERCENT',
    'NOT_AN_AMOUNT',
    'REQUIRED',
    'SIGN_NOT_ALLOWED',
    'TIERS_NOT_INCREASING',
    'TIER_BELOW_BASE_PERCENT',
    'TIER_MIN_TOTAL_NOT_POSITIVE',
    'TIER_PERCENT_DECREASING',
    'TOO_MANY_DECIMALS',
    'UNKNOWN_FIELD',
  ];

  it.each(MINOR_UNITS)('gives 17 invalid terms covering 15 codes, each refused with its code alone (%i decimals)', (mu) => {
    const cases = sample(invalidCouponTermsArb(mu));
    expect(distinct(cases)).toHaveLength(17);
    expect(distinct(cases.map((c) => c.code))).toEqual(CODES);
    for (const c of distinct(cases).map((s) => JSON.parse(s) as { terms: unknown; code: string })) {
      const r = validateCouponTerms(c.terms, CURRENCY_OF[mu]);
      expect(r.ok).toBe(false);
      expect(codesOf(r)).toEqual([c.code]);
    }
  });

  it('gives this catalogue of mistakes, one per case (a change to it is a change of the published generator)', () => {
    expect(distinct(sample(invalidCouponTermsArb(2)))).toEqual(
      distinct([
        { terms: { type: 'percent', percent: '0' }, code: 'INVALID_PERCENT' },
        { terms: { type: 'percent', percent: '100.5' }, code: 'INVALID_PERCENT' },
        { terms: { type: 'percent' }, code: 'REQUIRED' },
        { terms: { percent: '10' }, code: 'REQUIRED' },
        { terms: { type: 'discount', amount: '1' }, code: 'INVALID_COUPON_TYPE' },
        { terms: { type: 'fixed', amount: '0' }, code: 'AMOUNT_NOT_POSITIVE' },
        { terms: { type: 'fixed', amount: '1.001' }, code: 'TOO_MANY_DECIMALS' },
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
      ]),
    );
  });

  it('gives an amount one decimal too precise for the currency', () => {
    const tooPrecise = (mu: number) => sample(invalidCouponTermsArb(mu)).find((c) => c.code === 'TOO_MANY_DECIMALS')?.terms;
    expect(tooPrecise(0)).toEqual({ type: 'fixed', amount: '1.1' });
    expect(tooPrecise(2)).toEqual({ type: 'fixed', amount: '1.001' });
    expect(tooPrecise(3)).toEqual({ type: 'fixed', amount: '1.0001' });
  });
});

describe('quoteRequestArb', () => {
  let requests: Sampled<typeof quoteRequestArb> = [];
  beforeEach(() => {
    requests = sample(quoteRequestArb());
  });

  it('gives requests the library quotes, refusing at most a seller credit above the total', () => {
    for (const req of requests) {
      const r = quoteCoupon(req);
      if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['CREDIT_EXCEEDS_TOTAL']);
      expect(WIRE_OPS.quote.request.safeParse({ op: 'quote', ...req }).success).toBe(true);
    }
    expect(requests.filter((req) => quoteCoupon(req).ok).length).toBeGreaterThan(requests.length * 0.9);
  });

  it('uses every sample currency, every rounding mode of the contract or none, with and without a coupon of each type', () => {
    expect(distinct(requests.map((r) => r.currency))).toEqual(['BHD', 'CLF', 'EUR', 'JPY', 'USD']);
    expect(distinct(requests.map((r) => r.rounding))).toEqual([...QUOTE_ROUNDINGS, 'undefined'].sort());
    expect(distinct(requests.map((r) => r.coupon?.type))).toEqual(['fixed', 'percent', 'undefined']);
    for (const r of requests) expect(Object.values(r)).not.toContain(undefined);
  });

  it('writes the coupon, seller credit and charges in the currency’s decimals', () => {
    const mu = { USD: 2, EUR: 2, JPY: 0, BHD: 3, CLF: 4 } as Record<string, number>;
    for (const r of requests) {
      const amounts = [
        ...(r.sellerCredit === undefined ? [] : [r.sellerCredit]),
        ...Object.values(r.charges ?? {}),
        ...(r.coupon?.type === 'fixed' ? [r.coupon.amount] : []),
        ...(r.coupon?.type === 'percent' && r.coupon.maxDiscount !== undefined ? [r.coupon.maxDiscount] : []),
      ];
      for (const a of amounts) expect(decimalsOf(a)).toBe(mu[r.currency]);
    }
  });

  it('gives a seller credit of 0 to 10 minor units, or none', () => {
    const credits = requests.map((r) => r.sellerCredit);
    expect(credits).toContain(undefined);
    const units = credits.flatMap((c) => (c === undefined ? [] : [unitsOf(c)]));
    expect(units.every((u) => u >= 0n && u <= 10n)).toBe(true);
    expect(units).toContain(0n);
    expect(units).toContain(10n);
  });

  it('gives shipping, insurance and handling charges of 0 to 10^5 minor units, some, none or no charges at all', () => {
    expect(requests.some((r) => r.charges === undefined)).toBe(true);
    expect(requests.some((r) => r.charges !== undefined && Object.keys(r.charges).length === 0)).toBe(true);
    expect(distinct(requests.flatMap((r) => Object.keys(r.charges ?? {})))).toEqual(['handling', 'insurance', 'shipping']);
    const units = requests.flatMap((r) => Object.values(r.charges ?? {}).map(unitsOf));
    expect(units.every((u) => u >= 0n && u <= 10n ** 5n)).toBe(true);
    expect(units).toContain(0n);
    expect(units).toContain(10n ** 5n);
  });

  it('gives at most maxLines lines', () => {
    expect(distinct(sample(quoteRequestArb({ maxLines: 3 })).map((r) => r.lines.length))).toEqual(['1', '2', '3']);
  });
});

describe('couponRecordArb', () => {
  const eventsOf = (rs: Sampled<typeof couponRecordArb>) => rs.flatMap((r) => r.events.map((e, i) => ({ e, i, record: r })));
  let records: Sampled<typeof couponRecordArb> = [];
  let events: ReturnType<typeof eventsOf> = [];
  beforeEach(() => {
    records = sample(couponRecordArb());
    events = eventsOf(records);
  });

  it('gives coupon c1 of seller s1 for buyer b1, in the wire shape, with valid USD terms', () => {
    for (const r of records) {
      expect(r).toMatchObject({ id: 'c1', seller: 's1', recipient: 'b1' });
      expect(Object.keys(r).sort()).toEqual(['events', 'expires', 'id', 'recipient', 'seller', 'terms', 'timeZone']);
      expect(validateCouponTerms(r.terms, 'USD').ok).toBe(true);
      const { events: history, ...coupon } = r;
      expect(WIRE_OPS['coupon-state'].request.safeParse({ op: 'coupon-state', coupon, events: history, at: '2026-12-05T00:00:00Z' }).success).toBe(true);
    }
  });

  it('answers with a state or a refusal about the history, both of which occur', () => {
    const answers = records.map((r) => couponState(r, '2027-03-01T00:00:00Z'));
    expect(answers.some((a) => a.ok)).toBe(true);
    const refused = answers.flatMap((a) => errorsOf(a));
    expect(refused.length).toBeGreaterThan(0);
    for (const e of refused) expect(e.path).toMatch(/^events\.\d+/u);
  });

  it('expires from 2026-12-01 to 2027-01-30, in every sample time zone', () => {
    const days = records.map((r) => r.expires).sort();
    expect(days[0]).toBe('2026-12-01');
    expect(days.at(-1)).toBe('2027-01-30');
    expect(distinct(records.map((r) => r.timeZone))).toEqual(['America/New_York', 'America/Santiago', 'Asia/Tokyo', 'Europe/Berlin', 'UTC']);
  });

  it('has 0 to 8 events by default, and at most maxEvents', () => {
    expect(distinct(records.map((r) => r.events.length))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(distinct(sample(couponRecordArb({ maxEvents: 2 })).map((r) => r.events.length))).toEqual(['0', '1', '2']);
  });

  it('orders events in time from 2026-11-30T00:00Z, 0 to 240 hours apart', () => {
    const gaps = events.map(
      ({ e, i, record }) => (Date.parse(String(e.at)) - (i === 0 ? Date.parse('2026-11-30T00:00:00Z') : Date.parse(String(record.events[i - 1]?.at)))) / HOUR,
    );
    expect(gaps.every((g) => Number.isInteger(g) && g >= 0 && g <= 240)).toBe(true);
    expect(gaps).toContain(0);
    expect(gaps).toContain(240);
    expect(events.every(({ e }) => String(e.at).endsWith(':00:00.000Z'))).toBe(true);
    const firsts = records.flatMap((r) => (r.events[0] ? [String(r.events[0].at)] : [])).sort();
    expect(firsts[0]).toBe('2026-11-30T00:00:00.000Z');
    expect(firsts.at(-1)).toBe('2026-12-10T00:00:00.000Z');
  });

  it('has edits, redemptions, declines and deletions, with only the fields of their type', () => {
    expect(distinct(events.map(({ e }) => e.type))).toEqual(['declined', 'deleted', 'edited', 'redeemed']);
    for (const { e, i } of events) {
      if (e.type === 'edited') expect(Object.keys(e).sort()).toEqual(['at', 'expires', 'type']);
      else if (e.type === 'redeemed') {
        expect(Object.keys(e).sort()).toEqual(['at', 'buyer', 'newOrder', 'orderHasCoupon', 'orderId', 'store', 'type']);
        expect(e.orderId).toBe(`o${String(i)}`);
      } else expect(Object.keys(e).sort()).toEqual(['at', 'type']);
    }
  });

  it('moves the expiry from 5 days before to 400 days after the day of the edit', () => {
    const shifts = events.flatMap(({ e }) => (e.type === 'edited' ? [(Date.parse(String(e.expires)) - Date.parse(String(e.at).slice(0, 10))) / DAY] : []));
    expect(Math.min(...shifts)).toBe(-5);
    expect(Math.max(...shifts)).toBe(400);
  });

  it('redeems for the recipient or another buyer, in the seller’s store or another, new orders or not, with or without another coupon', () => {
    const redeemed = events.flatMap(({ e }) => (e.type === 'redeemed' ? [e] : []));
    expect(distinct(redeemed.map((e) => e.buyer))).toEqual(['b1', 'b2']);
    expect(distinct(redeemed.map((e) => e.store))).toEqual(['s1', 's2']);
    expect(distinct(redeemed.map((e) => e.newOrder))).toEqual(['false', 'true']);
    expect(distinct(redeemed.map((e) => e.orderHasCoupon))).toEqual(['false', 'true']);
    // Each rule is broken in about one redemption in four: the usual case (the recipient, in the seller's store, a new
    // order without another coupon) stays the frequent one.
    const share = (pred: (e: (typeof redeemed)[number]) => boolean) => redeemed.filter(pred).length / redeemed.length;
    for (const usual of [share((e) => e.buyer === 'b1'), share((e) => e.store === 's1'), share((e) => e.newOrder), share((e) => !e.orderHasCoupon)]) {
      expect(usual).toBeGreaterThan(0.65);
      expect(usual).toBeLessThan(0.85);
    }
  });
});

describe('disputeArb', () => {
  let disputes: Sampled<typeof disputeArb> = [];
  let events: Sampled<typeof disputeArb>[number]['dispute']['events'][number][] = [];
  beforeEach(() => {
    disputes = sample(disputeArb());
    events = disputes.flatMap((d) => d.dispute.events);
  });

  it('gives disputes the library can view at the given instant', () => {
    for (const { dispute, at } of disputes) {
      const v = disputeView(dispute, at);
      expect(errorsOf(v)).toEqual([]);
    }
  });

  it('reaches every status', () => {
    const statuses = disputes.map(({ dispute, at }) => {
      const v = disputeView(dispute, at);
      return v.ok ? v.value.status : 'refused';
    });
    expect(distinct(statuses)).toEqual(['awaiting-buyer', 'awaiting-seller', 'cancelled', 'resolved', 'under-review']);
  });

  it('contains every type of dispute event, and escalations by either party', () => {
    expect(distinct(events.map((e) => e.type))).toEqual([
      'buyer-accepted',
      'buyer-declined',
      'cancelled',
      'claim-changed',
      'escalated',
      'opened',
      'ruled',
      'seller-agreed',
      'seller-countered',
      'seller-disagreed',
    ]);
    expect(distinct(events.flatMap((e) => (e.type === 'escalated' ? [e.by] : [])))).toEqual(['buyer', 'seller']);
  });

  it('gives evidence with counter-offers, refusals and escalations, sometimes', () => {
    for (const type of ['seller-countered', 'seller-disagreed', 'escalated'] as const) {
      const of = events.filter((e) => e.type === type);
      expect(distinct(of.map((e) => JSON.stringify('evidence' in e ? e.evidence : null)))).toEqual(['["chat-1"]', '["photo-2","photo-1"]', 'null']);
    }
  });

  it('reaches the end of negotiation: some disputes go under review by the process limit', () => {
    const limited = disputes.filter(({ dispute, at }) => {
      const v = disputeView(dispute, at);
      return v.ok && v.value.status === 'under-review' && v.value.blocked.buyer.accept === 'PROCESS_LIMIT_REACHED';
    });
    expect(limited.length).toBeGreaterThan(0);
  });

  it('opens every dispute at 2026-12-01T10:00Z for damage or late delivery with one photo, claiming 0.01 to 49.00, at most 18.00 for two units of L1', () => {
    for (const { dispute } of disputes) {
      const [opened, ...rest] = dispute.events;
      expect(opened).toMatchObject({ type: 'opened', at: '2026-12-01T10:00:00.000Z', evidence: ['photo-1'] });
      // A late-delivery claim comes with the order whose receipt was confirmed after its expected date.
      expect(opened?.type === 'opened' && opened.reason).toBe(dispute.order.expectedDeliveryBy === '2026-11-25' ? 'LATE_DELIVERY' : 'DAMAGED');
      expect(rest.every((e) => e.type !== 'opened')).toBe(true);
      const amount = opened?.type === 'opened' ? Number(opened.amount) : NaN;
      expect(amount).toBeGreaterThanOrEqual(0.01);
      expect(amount).toBeLessThanOrEqual(opened?.type === 'opened' && opened.lines ? 18 : 49);
      if (opened?.type === 'opened' && opened.lines) expect(opened.lines).toEqual([{ id: 'L1', quantity: 2 }]);
    }
    const opened = disputes.map((d) => d.dispute.events[0]).flatMap((e) => (e?.type === 'opened' ? [e] : []));
    expect(opened.some((e) => e.lines === undefined && Number(e.amount) > 18)).toBe(true);
    expect(opened.some((e) => e.lines !== undefined)).toBe(true);
    expect(opened.map((e) => e.amount)).toContain('0.01');
    expect(opened.map((e) => e.amount)).toContain('18.00');
    for (const e of opened)
      expect(Object.keys(e).sort()).toEqual(e.lines ? ['amount', 'at', 'evidence', 'lines', 'reason', 'type'] : ['amount', 'at', 'evidence', 'reason', 'type']);
  });

  it('keeps later amounts within the claimable cap (18.00 for the claimed lines, else 49.00)', () => {
    for (const { dispute } of disputes) {
      const cap = dispute.events[0]?.type === 'opened' && dispute.events[0].lines ? 18 : 49;
      for (const e of dispute.events) if ('amount' in e) expect(Number(e.amount)).toBeLessThanOrEqual(cap);
    }
    const amounts = events.flatMap((e) => (e.type !== 'opened' && 'amount' in e ? [e.amount] : []));
    expect(amounts).toContain('18.00');
    expect(amounts.some((a) => Number(a) > 18)).toBe(true);
    expect(amounts.some((a) => Number(a) > 0 && Number(a) < 18)).toBe(true);
  });

  it('uses the order of the example (or it delivered late) and every policy variant (each zone or none, calendar or business days or none, process and review periods)', () => {
    for (const { dispute } of disputes) {
      expect([exampleOrder, { ...exampleOrder, expectedDeliveryBy: '2026-11-25' }]).toContainEqual(dispute.order);
    }
    expect(distinct(disputes.map((d) => d.dispute.order.expectedDeliveryBy))).toEqual(['2026-11-25', '2026-12-05']);
    const process = disputes.map((d) => d.dispute.policy?.maxProcessDays);
    expect(process).toContain(5);
    expect(process).toContain(20);
    expect(process).toContain(undefined);
    const review = disputes.map((d) => d.dispute.policy?.platformReviewDays);
    expect(review).toContain(0);
    expect(review).toContain(5);
    expect(review).toContain(undefined);
    expect(distinct(disputes.map((d) => d.dispute.policy?.timeZone))).toEqual([
      'America/New_York',
      'America/Santiago',
      'Asia/Tokyo',
      'Europe/Berlin',
      'UTC',
      'undefined',
    ]);
    expect(distinct(disputes.map((d) => d.dispute.policy?.dayCount))).toEqual(['business', 'calendar', 'undefined']);
  });

  it('spaces events by whole hours (1 to 96) and views the dispute at or after its last event, within 8 × 96 + 480 hours', () => {
    for (const { dispute, at } of disputes) {
      const times = dispute.events.map((e) => Date.parse(String(e.at)));
      times.slice(1).forEach((t, i) => {
        const gap = (t - (times[i] ?? 0)) / HOUR;
        expect(Number.isInteger(gap) && gap >= 1).toBe(true);
      });
      const last = times.at(-1) ?? 0;
      expect(Date.parse(at)).toBeGreaterThanOrEqual(last);
      expect(Date.parse(at) - Date.parse('2026-12-01T10:00:00Z')).toBeLessThanOrEqual((8 * 96 + 480) * HOUR);
    }
    expect(disputes.some((d) => Date.parse(d.at) === Date.parse(String(d.dispute.events.at(-1)?.at)))).toBe(true);
    // Commands come up to 96 hours apart: more than 8 × 6 hours between two events happens.
    const gaps = disputes.flatMap(({ dispute }) =>
      dispute.events.slice(1).map((e, i) => (Date.parse(String(e.at)) - Date.parse(String(dispute.events[i]?.at))) / HOUR),
    );
    expect(gaps).toContain(1);
    expect(gaps.some((g) => g > 48)).toBe(true);
    // The view may come up to 480 hours after the last command: beyond what the commands alone span.
    expect(disputes.some((d) => Date.parse(d.at) - Date.parse('2026-12-01T10:00:00Z') > 8 * 96 * HOUR)).toBe(true);
  });

  it('keeps at most maxEvents commands', () => {
    const small = sample(disputeArb({ maxEvents: 1 }));
    expect(distinct(small.map((d) => d.dispute.events.length))).toEqual(['1', '2']);
  });
});

describe('outageInputArb', () => {
  let inputs: Sampled<typeof outageInputArb> = [];
  beforeEach(() => {
    inputs = sample(outageInputArb());
  });
  const T0 = Date.parse('2026-12-01T00:00:00Z');

  it('gives inputs the library plans', () => {
    for (const input of inputs) {
      const r = planOutageRemedies(input);
      expect(errorsOf(r)).toEqual([]);
    }
  });

  it('plans at 100 to 300 hours after 2026-12-01T00:00Z, with the fixed policy and either extension', () => {
    const at = inputs.map((i) => (Date.parse(String(i.at)) - T0) / HOUR);
    expect(Math.min(...at)).toBe(100);
    expect(Math.max(...at)).toBe(300);
    for (const i of inputs)
      expect(i.policy).toMatchObject({
        graceDays: 1,
        extension: i.policy?.extension,
        compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 10, minOutageMinutes: 120 },
      });
    expect(distinct(inputs.map((i) => i.policy?.extension))).toEqual(['outage-length', JSON.stringify({ days: 2 })].sort());
  });

  it('switches each remedy on, off or leaves it out, and names loyalty members with 0 to 3 extra days or none', () => {
    for (const key of ['extend', 'reissue', 'honor'] as const) expect(distinct(inputs.map((i) => i.policy?.[key]))).toEqual(['false', 'true', 'undefined']);
    expect(distinct(inputs.map((i) => i.policy?.loyalty?.extraGraceDays))).toEqual(['0', '1', '2', '3', 'undefined']);
    expect(distinct(inputs.map((i) => i.loyaltyMembers))).toEqual(
      ['undefined', JSON.stringify([]), JSON.stringify(['b1']), JSON.stringify(['b1', 'b2']), JSON.stringify(['b2'])].sort(),
    );
    // Most inputs keep every remedy: a plan with nothing to do tests little.
    expect(inputs.filter((i) => i.policy?.extend !== false && i.policy?.reissue !== false && i.policy?.honor !== false).length).toBeGreaterThan(
      inputs.length / 2,
    );
  });

  it('has 0 to 3 incidents inc0, inc1, … starting 0 to 96 hours after 2026-12-01T00:00Z and lasting 1 to 40 hours', () => {
    expect(distinct(inputs.map((i) => i.incidents.length))).toEqual(['0', '1', '2', '3']);
    const starts: number[] = [];
    const lengths: number[] = [];
    for (const input of inputs) {
      input.incidents.forEach((inc, k) => {
        expect(inc.id).toBe(`inc${String(k)}`);
        starts.push((Date.parse(String(inc.start)) - T0) / HOUR);
        lengths.push((Date.parse(String(inc.end)) - Date.parse(String(inc.start))) / HOUR);
      });
    }
    expect([Math.min(...starts), Math.max(...starts)]).toEqual([0, 96]);
    expect([Math.min(...lengths), Math.max(...lengths)]).toEqual([1, 40]);
  });

  it('has 1 to 6 coupons c0, c1, … (at most maxCoupons) expiring 2026-11-29 to 2026-12-10, for either buyer, open or declined, deleted or redeemed', () => {
    expect(distinct(inputs.map((i) => i.coupons.length))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(distinct(sample(outageInputArb({ maxCoupons: 2 })).map((i) => i.coupons.length))).toEqual(['1', '2']);
    const coupons = inputs.flatMap((i) => i.coupons);
    for (const input of inputs) {
      input.coupons.forEach((c, k) => {
        expect(c).toMatchObject({ id: `c${String(k)}`, seller: 's1', terms: { type: 'percent', percent: '10' } });
      });
    }
    const days = coupons.map((c) => c.expires).sort();
    expect([days[0], days.at(-1)]).toEqual(['2026-11-29', '2026-12-10']);
    expect(distinct(coupons.map((c) => c.recipient))).toEqual(['b1', 'b2']);
    expect(distinct(coupons.map((c) => c.timeZone))).toEqual(['America/New_York', 'America/Santiago', 'Asia/Tokyo', 'Europe/Berlin', 'UTC']);
    const fates = coupons.map((c) => c.events.map((e) => e.type).join('+') || 'none');
    expect(distinct(fates)).toEqual(['declined', 'deleted', 'none', 'redeemed']);
    for (const c of coupons) {
      for (const e of c.events) {
        expect(e.at).toBe('2026-11-28T00:00:00.000Z');
        if (e.type === 'redeemed')
          expect(e).toEqual({
            type: 'redeemed',
            at: '2026-11-28T00:00:00.000Z',
            orderId: 'o0',
            buyer: c.recipient,
            store: 's1',
            newOrder: true,
            orderHasCoupon: false,
          });
      }
    }
  });

  it('has up to 4 failed attempts on existing coupons, numbered o0, o1, …, none after the planning instant (some exactly at it)', () => {
    expect(distinct(inputs.map((i) => i.attempts?.length ?? 0))).toEqual(['0', '1', '2', '3', '4']);
    for (const input of inputs) {
      const ids = input.coupons.map((c) => c.id);
      (input.attempts ?? []).forEach((a, k) => {
        expect(ids).toContain(a.couponId);
        expect(a.orderId).toBe(`o${String(k)}`);
        expect(Date.parse(String(a.at))).toBeGreaterThanOrEqual(T0);
        expect(Date.parse(String(a.at))).toBeLessThanOrEqual(Date.parse(String(input.at)));
        expect(a.order).toEqual({
          currency: 'USD',
          lines: [{ id: 'L', itemType: 'Part', unitPrice: '9.99', quantity: 1 }],
          buyer: a.order.buyer,
          store: 's1',
          newOrder: true,
          hasCoupon: false,
        });
      });
    }
    const attempts = inputs.flatMap((i) => (i.attempts ?? []).map((a) => ({ a, input: i })));
    expect(attempts.some(({ a, input }) => a.at === input.at)).toBe(true);
    expect(attempts.some(({ a, input }) => a.couponId === `c${String(input.coupons.length - 1)}`)).toBe(true);
    expect(attempts.map(({ a }) => a.at)).toContain('2026-12-01T00:00:00.000Z');
    expect(distinct(attempts.map(({ a }) => a.order.buyer))).toEqual(['b1', 'b2']);
    expect(attempts.map(({ a }) => a.couponId)).toContain('c5');
  });
});

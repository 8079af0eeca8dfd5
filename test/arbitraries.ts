import fc from 'fast-check';
import type { CouponTerms, OrderLine, QuoteRequest } from '../src/index.js';

// Generators of valid quote requests, small enough to read when shrunk.
export const currencies = fc.constantFrom({ code: 'USD', mu: 2 }, { code: 'JPY', mu: 0 }, { code: 'BHD', mu: 3 });

export const minorString = (mu: number, max = 10n ** 9n, min = 0n) =>
  fc.bigInt({ min, max }).map((v) => {
    const s = v.toString().padStart(mu + 1, '0');
    return mu === 0 ? s : `${s.slice(0, -mu)}.${s.slice(-mu)}`;
  });

export const unitPriceString = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => {
    const s = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  });

export const percentString = fc.integer({ min: 1, max: 10_000 }).map((bp) => {
  const s = String(bp).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, '');
});

const itemType = fc.constantFrom('Part', 'Set', 'Minifig', 'Book');

export const lineArb = (id: string): fc.Arbitrary<OrderLine> =>
  fc.record(
    {
      id: fc.constant(id),
      itemType,
      unitPrice: unitPriceString,
      quantity: fc.integer({ min: 1, max: 1000 }),
      onSale: fc.boolean(),
      batch: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: ['id', 'itemType', 'unitPrice', 'quantity'] },
  );

export const linesArb = (minLength = 1, maxLength = 8) =>
  fc.integer({ min: minLength, max: maxLength }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(`L${i + 1}`))));

export const couponArb = (mu: number): fc.Arbitrary<CouponTerms> =>
  fc.oneof(
    minorString(mu, 10n ** 8n, 1n).map((amount) => ({ type: 'fixed' as const, amount })),
    fc
      .record({
        percent: fc.integer({ min: 1, max: 5000 }),
        steps: fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 7n }), fc.integer({ min: 0, max: 2000 })), { maxLength: 3 }),
        maxDiscount: fc.option(minorString(mu, 10n ** 7n), { nil: undefined }),
        limit: fc.option(fc.record({ mode: fc.constantFrom('only' as const, 'except' as const), itemTypes: fc.uniqueArray(itemType, { minLength: 1, maxLength: 2 }) }), { nil: undefined }),
        excludeSaleItems: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map(({ percent, steps, maxDiscount, limit, excludeSaleItems }) => {
        const bp = (v: number) => `${String(Math.floor(v / 100))}.${String(v % 100).padStart(2, '0')}`.replace(/\.?0+$/, '');
        let min = 0n;
        let p = percent;
        const tiers = steps.map(([dMin, dP]) => {
          min += dMin;
          p = Math.min(10_000, p + dP);
          const s = min.toString().padStart(mu + 1, '0');
          return { minTotal: mu === 0 ? s : `${s.slice(0, -mu)}.${s.slice(-mu)}`, percent: bp(p) };
        });
        return {
          type: 'percent' as const,
          percent: bp(percent),
          ...(tiers.length > 0 ? { tiers } : {}),
          ...(maxDiscount === undefined ? {} : { maxDiscount }),
          ...(limit === undefined ? {} : { itemTypeLimit: limit }),
          ...(excludeSaleItems === undefined ? {} : { excludeSaleItems }),
        };
      }),
  );

/** A valid quote request (seller credit kept small so that most requests quote). */
export const quoteRequestArb: fc.Arbitrary<QuoteRequest> = currencies.chain(({ code, mu }) =>
  fc
    .record(
      {
        currency: fc.constant(code),
        rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
        lines: linesArb(),
        coupon: fc.option(couponArb(mu), { nil: null }),
        sellerCredit: minorString(mu, 10n),
        charges: fc.dictionary(fc.constantFrom('shipping', 'insurance', 'handling'), minorString(mu, 10n ** 5n)),
      },
      { requiredKeys: ['currency', 'lines'] },
    ),
);

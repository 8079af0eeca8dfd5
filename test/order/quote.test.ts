import { describe, expect, it } from 'vitest';
import { type CouponTerms, type OrderLine, type Quote, type QuoteRequest, quoteCoupon } from '../../src/index.js';
import { codePathsOf, unwrap } from '../helpers.js';

const quote = (req: QuoteRequest): Quote => unwrap(quoteCoupon(req));
const codes = (req: unknown) => codePathsOf(quoteCoupon(req as QuoteRequest));
const line = (id: string, itemType: string, unitPrice: string, quantity = 1, extra: Partial<OrderLine> = {}): OrderLine => ({
  id,
  itemType,
  unitPrice,
  quantity,
  ...extra,
});

describe('quoteCoupon: the worked examples of the rules', () => {
  it('answers the wire-contract example exactly', () => {
    const { explain, ...result } = quote({
      currency: 'USD',
      rounding: 'half-up',
      lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400, onSale: false, batch: 1 }],
      coupon: {
        type: 'percent',
        percent: '5',
        maxDiscount: '20.00',
        tiers: [{ minTotal: '25.00', percent: '15' }],
        itemTypeLimit: { mode: 'only', itemTypes: ['Part'] },
        excludeSaleItems: true,
      },
      sellerCredit: '1.00',
      charges: { shipping: '3.50' },
    });
    expect(result).toEqual({
      subtotal: '5.00',
      eligibleTotal: '5.00',
      appliedPercent: '5',
      couponCredit: '0.25',
      capped: false,
      sellerCredit: '1.00',
      totalCredit: '1.25',
      grandTotal: '7.25',
      feeBasis: '5.00',
      lines: [{ id: 'L1', lineTotal: '5.00', eligible: true, couponCredit: '0.25', net: '4.75' }],
      batches: [{ batch: 1, subtotal: '5.00', feeBasis: '5.00', couponCredit: '0.25' }],
    });
    expect(explain.tier).toBeNull();
  });

  // "10% off if order total is $10 or more, 15% off if $25 or more, 20% off if $50 or more"
  const tiered: CouponTerms = {
    type: 'percent',
    percent: '5',
    tiers: [
      { minTotal: '10.00', percent: '10' },
      { minTotal: '25.00', percent: '15' },
      { minTotal: '50.00', percent: '20' },
    ],
  };
  it.each([
    ['9.99', '5', '0.50'],
    ['10.00', '10', '1.00'],
    ['24.99', '10', '2.50'],
    ['25.00', '15', '3.75'],
    ['49.99', '15', '7.50'],
    ['50.00', '20', '10.00'],
    ['1000.00', '20', '200.00'],
  ])('tiers: an order of %s gets %s%% (thresholds inclusive)', (total, percent, credit) => {
    const q = quote({ currency: 'USD', lines: [line('a', 'Set', total)], coupon: tiered });
    expect(q.appliedPercent).toBe(percent);
    expect(q.couponCredit).toBe(credit);
  });

  it('measures tiers on the total of the limited item types, not the whole order', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('parts', 'Part', '20.00'), line('set', 'Set', '40.00')],
      coupon: { ...tiered, itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } },
    });
    expect(q.subtotal).toBe('60.00');
    expect(q.eligibleTotal).toBe('20.00');
    expect(q.appliedPercent).toBe('10'); // 20.00 reaches the 10.00 tier only, although the order is 60.00
    expect(q.couponCredit).toBe('2.00');
    expect(q.explain.tier).toEqual({ index: 0, minTotal: '10.00', percent: '10' });
    expect(q.explain.lines[1]?.reasons).toEqual(['ITEM_TYPE_NOT_IN_LIMIT']);
  });

  it('limits to all item types except the listed ones', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('p', 'Part', '10'), line('s', 'Set', '30'), line('m', 'Minifig', '5')],
      coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'except', itemTypes: ['Set'] } },
    });
    expect(q.lines.map((l) => l.eligible)).toEqual([true, false, true]);
    expect(q.eligibleTotal).toBe('15.00');
    expect(q.couponCredit).toBe('1.50');
    expect(q.explain.lines[1]?.reasons).toEqual(['ITEM_TYPE_EXCLUDED']);
  });

  it('excludes items on sale when asked, and only then', () => {
    const lines = [line('a', 'Part', '10'), line('b', 'Part', '20', 1, { onSale: true })];
    expect(quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', excludeSaleItems: true } }).couponCredit).toBe('1.00');
    expect(quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10' } }).couponCredit).toBe('3.00');
    const both = quote({
      currency: 'USD',
      lines,
      coupon: { type: 'percent', percent: '10', excludeSaleItems: true, itemTypeLimit: { mode: 'only', itemTypes: ['Set'] } },
    });
    expect(both.explain.lines[1]?.reasons).toEqual(['ITEM_TYPE_NOT_IN_LIMIT', 'ON_SALE']);
  });

  it('caps a percentage coupon at its maximum discount; "0" or absent means no maximum', () => {
    const lines = [line('a', 'Set', '300.00')];
    const capped = quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', maxDiscount: '20.00' } });
    expect([capped.couponCredit, capped.capped, capped.explain.uncappedCredit]).toEqual(['20.00', true, '30.00']);
    expect(quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', maxDiscount: '0' } }).couponCredit).toBe('30.00');
    expect(quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', maxDiscount: '30.00' } }).capped).toBe(false);
  });

  it('gives a fixed coupon in full, never more than the order total', () => {
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '10.00')], coupon: { type: 'fixed', amount: '5.00' } })).toMatchObject({
      couponCredit: '5.00',
      capped: false,
      appliedPercent: null,
      eligibleTotal: '10.00',
    });
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '3.00')], coupon: { type: 'fixed', amount: '5.00' } })).toMatchObject({
      couponCredit: '3.00',
      capped: true,
      grandTotal: '0.00',
    });
  });

  it('rounds line totals once with the request mode', () => {
    const lines = [line('a', 'Part', '0.0125', 2), line('b', 'Part', '0.0375', 2)]; // 0.025 and 0.075
    expect(quote({ currency: 'USD', lines }).lines.map((l) => l.lineTotal)).toEqual(['0.03', '0.08']);
    expect(quote({ currency: 'USD', rounding: 'half-even', lines }).lines.map((l) => l.lineTotal)).toEqual(['0.02', '0.08']);
    expect(quote({ currency: 'USD', rounding: 'half-even', lines: [line('a', 'Set', '10.05')], coupon: { type: 'percent', percent: '50' } }).couponCredit).toBe(
      '5.02',
    );
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '10.05')], coupon: { type: 'percent', percent: '50' } }).couponCredit).toBe('5.03');
  });

  it('spreads the credit over eligible lines by largest remainder, ties to the earlier line', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '1.00'), line('b', 'Set', '5.00'), line('c', 'Part', '1.00'), line('d', 'Part', '1.00')],
      coupon: { type: 'fixed', amount: '0.05' },
    });
    expect(q.lines.map((l) => l.couponCredit)).toEqual(['0.01', '0.03', '0.01', '0.00']);
    const limited = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '1.00'), line('b', 'Set', '5.00'), line('c', 'Part', '1.00')],
      coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } },
    });
    expect(limited.lines.map((l) => [l.couponCredit, l.net])).toEqual([
      ['0.10', '0.90'],
      ['0.00', '5.00'],
      ['0.10', '0.90'],
    ]);
  });

  it('applies one coupon to the whole order across batches', () => {
    // Batch 1 alone reaches the 10% tier; with batch 2 the order reaches 20%.
    const q = quote({ currency: 'USD', lines: [line('a', 'Part', '20.00'), line('b', 'Part', '40.00', 1, { batch: 2 })], coupon: tiered });
    expect(q.couponCredit).toBe('12.00');
    expect(q.batches).toEqual([
      { batch: 1, subtotal: '20.00', feeBasis: '20.00', couponCredit: '2.00' },
      { batch: 2, subtotal: '40.00', feeBasis: '40.00', couponCredit: '10.00' },
    ]);
    const gaps = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '5.00', 1, { batch: 7 }), line('b', 'Part', '5.00', 1, { batch: 3 })],
      coupon: { type: 'fixed', amount: '8.00' },
    });
    expect(gaps.batches).toEqual([
      { batch: 3, subtotal: '5.00', feeBasis: '5.00', couponCredit: '5.00' },
      { batch: 7, subtotal: '5.00', feeBasis: '5.00', couponCredit: '3.00' },
    ]);
  });

  it('keeps the coupon credit apart from the seller credit, and totals them', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Set', '50.00')],
      coupon: { type: 'fixed', amount: '5.00' },
      sellerCredit: '2.50',
      charges: { shipping: '4.00', insurance: '1.00' },
    });
    expect([q.couponCredit, q.sellerCredit, q.totalCredit, q.grandTotal, q.feeBasis]).toEqual(['5.00', '2.50', '7.50', '47.50', '50.00']);
    expect(q.explain.chargesTotal).toBe('5.00');
  });

  it('refuses a total credit above subtotal plus charges instead of a negative total', () => {
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '5.00')], coupon: { type: 'fixed', amount: '5.00' }, sellerCredit: '0.01' })).toEqual([
      'CREDIT_EXCEEDS_TOTAL@sellerCredit',
    ]);
    expect(
      quote({
        currency: 'USD',
        lines: [line('a', 'Set', '5.00')],
        coupon: { type: 'fixed', amount: '5.00' },
        sellerCredit: '1.00',
        charges: { shipping: '1.00' },
      }).grandTotal,
    ).toBe('0.00');
  });

  it('takes the fee basis before the coupon', () => {
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '80.00')], coupon: { type: 'percent', percent: '25' }, sellerCredit: '5.00' }).feeBasis).toBe(
      '80.00',
    );
  });

  it('works in currencies with 0 and 3 decimals', () => {
    expect(quote({ currency: 'JPY', lines: [line('a', 'Set', '1005')], coupon: { type: 'percent', percent: '10' } }).couponCredit).toBe('101');
    expect(quote({ currency: 'BHD', lines: [line('a', 'Set', '1.0005')], coupon: { type: 'percent', percent: '10' } })).toMatchObject({
      subtotal: '1.001',
      couponCredit: '0.100',
    });
  });

  it('quotes without a coupon', () => {
    for (const coupon of [null, undefined]) {
      const q = quote({ currency: 'USD', lines: [line('a', 'Set', '8.00')], ...(coupon === null ? { coupon } : {}) });
      expect(q).toMatchObject({
        appliedPercent: null,
        couponCredit: '0.00',
        capped: false,
        eligibleTotal: '8.00',
        grandTotal: '8.00',
        batches: [{ batch: 1, couponCredit: '0.00' }],
      });
    }
  });
});

describe('quoteCoupon: validation', () => {
  it('reports every problem with its path', () => {
    expect(
      codes({
        currency: 'usd',
        rounding: 'bankers',
        lines: [
          { id: '', itemType: 'Part', unitPrice: 0.1, quantity: '2', colour: 'red' },
          { id: 'x', itemType: 'Part', unitPrice: '1.00', quantity: 0, batch: 0 },
        ],
        sellerCredit: '-1',
        extra: true,
      }),
    ).toEqual([
      'UNKNOWN_FIELD@extra',
      'UNKNOWN_CURRENCY@currency',
      'INVALID_ROUNDING@rounding',
      'UNKNOWN_FIELD@lines.0.colour',
      'EMPTY_STRING@lines.0.id',
      'FLOAT_AMOUNT@lines.0.unitPrice',
      'INVALID_QUANTITY@lines.0.quantity',
      'INVALID_QUANTITY@lines.1.quantity',
      'INVALID_BATCH@lines.1.batch',
      'SIGN_NOT_ALLOWED@sellerCredit',
    ]);
  });

  it('requires whole minor units for amounts but not for unit prices', () => {
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1.001')], coupon: { type: 'fixed', amount: '1.001' }, charges: { shipping: '1.5' } })).toEqual([
      'TOO_MANY_DECIMALS@coupon.amount',
    ]);
    expect(codes({ currency: 'JPY', lines: [line('a', 'Set', '1')], sellerCredit: '0.5' })).toEqual(['TOO_MANY_DECIMALS@sellerCredit']);
  });

  it('checks lines, ids and charges', () => {
    expect(codes({ currency: 'USD', lines: [] })).toEqual(['EMPTY_LINES@lines']);
    expect(codes({ currency: 'USD' })).toEqual(['REQUIRED@lines']);
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1'), line('a', 'Set', '1')] })).toEqual(['DUPLICATE_LINE_ID@lines.1.id']);
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1')], charges: { '': '1.00', __proto__: '1.00', ok: 1.5 } })).toEqual([
      'INVALID_CHARGE_NAME@charges.',
      'FLOAT_AMOUNT@charges.ok',
    ]);
    expect(codes(JSON.parse('{"currency":"USD","lines":[{"id":"a","itemType":"S","unitPrice":"1","quantity":1}],"charges":{"__proto__":"1.00"}}'))).toEqual([
      'INVALID_CHARGE_NAME@charges.__proto__',
    ]);
    expect(codes(JSON.parse('{"currency":"USD","__proto__":{"x":1},"lines":[{"id":"a","itemType":"S","unitPrice":"1","quantity":1}]}'))).toEqual([
      'UNKNOWN_FIELD@__proto__',
    ]);
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1', 1_000_000_001)] })).toEqual(['INVALID_QUANTITY@lines.0.quantity']);
  });

  it.each([
    [{ type: 'percent', percent: '0' }, 'INVALID_PERCENT@coupon.percent'],
    [{ type: 'percent', percent: '100.01' }, 'INVALID_PERCENT@coupon.percent'],
    [{ type: 'percent' }, 'REQUIRED@coupon.percent'],
    [{ type: 'coupon', percent: '5' }, 'INVALID_COUPON_TYPE@coupon.type'],
    [{ type: 'fixed', amount: '0' }, 'AMOUNT_NOT_POSITIVE@coupon.amount'],
    [{ type: 'percent', percent: '10', tiers: [{ minTotal: '0', percent: '15' }] }, 'TIER_MIN_TOTAL_NOT_POSITIVE@coupon.tiers.0.minTotal'],
    [
      {
        type: 'percent',
        percent: '10',
        tiers: [
          { minTotal: '50', percent: '15' },
          { minTotal: '50', percent: '20' },
        ],
      },
      'TIERS_NOT_INCREASING@coupon.tiers.1.minTotal',
    ],
    [
      {
        type: 'percent',
        percent: '10',
        tiers: [
          { minTotal: '25', percent: '20' },
          { minTotal: '50', percent: '15' },
        ],
      },
      'TIER_PERCENT_DECREASING@coupon.tiers.1.percent',
    ],
    [{ type: 'percent', percent: '10', tiers: [{ minTotal: '25', percent: '5' }] }, 'TIER_BELOW_BASE_PERCENT@coupon.tiers.0.percent'],
    [{ type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: [] } }, 'EMPTY_ITEM_TYPES@coupon.itemTypeLimit.itemTypes'],
    [{ type: 'percent', percent: '10', itemTypeLimit: { mode: 'all', itemTypes: ['Part'] } }, 'INVALID_ENUM@coupon.itemTypeLimit.mode'],
    [{ type: 'percent', percent: '10', excludeSaleItems: 'yes' }, 'INVALID_TYPE@coupon.excludeSaleItems'],
  ])('rejects coupon terms %j with %s', (coupon, code) => {
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1')], coupon })).toEqual([code]);
  });

  it('reports every tier problem, even after a tier that does not parse', () => {
    expect(
      codes({
        currency: 'USD',
        lines: [line('a', 'Set', '1')],
        coupon: {
          type: 'percent',
          percent: '20',
          tiers: [
            { minTotal: '5.001', percent: '15' },
            { minTotal: '1', percent: '12' },
          ],
        },
      }),
    ).toEqual([
      'TOO_MANY_DECIMALS@coupon.tiers.0.minTotal',
      'TIER_BELOW_BASE_PERCENT@coupon.tiers.0.percent',
      'TIER_PERCENT_DECREASING@coupon.tiers.1.percent',
      'TIER_BELOW_BASE_PERCENT@coupon.tiers.1.percent',
    ]);
    expect(
      codes({
        currency: 'USD',
        lines: [line('a', 'Set', '1')],
        coupon: {
          type: 'percent',
          percent: '10',
          tiers: [
            { minTotal: '50', percent: '150' },
            { minTotal: '20', percent: '12' },
          ],
        },
      }),
    ).toEqual(['INVALID_PERCENT@coupon.tiers.0.percent', 'TIERS_NOT_INCREASING@coupon.tiers.1.minTotal']);
  });

  it('requires a coupon type, and still reports the other fields', () => {
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1')], coupon: { percent: '10', junk: 1 } })).toEqual([
      'UNKNOWN_FIELD@coupon.junk',
      'REQUIRED@coupon.type',
    ]);
  });

  it('takes amounts only as decimal strings, never JSON numbers', () => {
    expect(
      codes({
        currency: 'USD',
        lines: [{ id: 'a', itemType: 'P', unitPrice: 5, quantity: 1 }],
        coupon: { type: 'percent', percent: 10, maxDiscount: 2 },
        sellerCredit: 1,
        charges: { shipping: 3 },
      }),
    ).toEqual([
      'NOT_AN_AMOUNT@lines.0.unitPrice',
      'NOT_AN_AMOUNT@coupon.percent',
      'NOT_AN_AMOUNT@coupon.maxDiscount',
      'NOT_AN_AMOUNT@sellerCredit',
      'NOT_AN_AMOUNT@charges.shipping',
    ]);
  });

  it('answers a very long amount at once (no regex backtracking)', () => {
    const long = '1'.repeat(1_000_000);
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', long), line('b', 'Set', `${long}e5`)] })).toEqual([
      'AMOUNT_OUT_OF_RANGE@lines.0.unitPrice',
      'EXPONENT_NOTATION@lines.1.unitPrice',
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type OrderLine, type Quote, type QuoteRequest, quoteCoupon } from '../../src/index.js';
import { computeQuote } from '../../src/order/compute.js';
import { readQuoteRequest } from '../../src/order/read.js';
import { unwrap } from '../helpers.js';

// Whole quotes, `explain` included, for the rules of docs/quote.md step by step and its decisions.

const quote = (req: QuoteRequest): Quote => unwrap(quoteCoupon(req));
const line = (id: string, itemType: string, unitPrice: string, quantity = 1, extra: Partial<OrderLine> = {}): OrderLine => ({
  id,
  itemType,
  unitPrice,
  quantity,
  ...extra,
});
const eligible = (id: string, lineTotal: string, couponCredit: string, net: string) => ({ id, lineTotal, eligible: true, couponCredit, net });
const outside = (id: string, lineTotal: string) => ({ id, lineTotal, eligible: false, couponCredit: '0.00', net: lineTotal });

describe('the worked example of docs/quote.md (examples/tiered-parts-order.json)', () => {
  it('quotes every figure of the table and the bullet points', () => {
    const { op, ...request } = JSON.parse(readFileSync(new URL('../../examples/tiered-parts-order.json', import.meta.url), 'utf8')) as QuoteRequest & {
      op: string;
    };
    expect(op).toBe('quote');
    expect(quote(request)).toEqual({
      subtotal: '173.39',
      eligibleTotal: '63.50',
      appliedPercent: '20',
      couponCredit: '12.00',
      capped: true,
      sellerCredit: '2.00',
      totalCredit: '14.00',
      grandTotal: '167.14',
      feeBasis: '173.39',
      lines: [
        eligible('L1', '25.00', '4.72', '20.28'),
        eligible('L2', '21.00', '3.97', '17.03'),
        outside('L3', '19.90'),
        outside('L4', '89.99'),
        eligible('L5', '17.50', '3.31', '14.19'),
      ],
      batches: [
        { batch: 1, subtotal: '155.89', feeBasis: '155.89', couponCredit: '6.90' },
        { batch: 2, subtotal: '17.50', feeBasis: '17.50', couponCredit: '5.10' },
      ],
      explain: {
        tier: { index: 1, minTotal: '50.00', percent: '20' },
        uncappedCredit: '12.70',
        chargesTotal: '7.75',
        lines: [
          { id: 'L1', reasons: [] },
          { id: 'L2', reasons: [] },
          { id: 'L3', reasons: ['ON_SALE'] },
          { id: 'L4', reasons: ['ITEM_TYPE_NOT_IN_LIMIT'] },
          { id: 'L5', reasons: [] },
        ],
      },
    });
  });
});

describe('step 1: line totals are unit price × quantity, rounded once to the minor unit', () => {
  it('keeps prices with as many, fewer or more decimals than the currency', () => {
    const q = quote({
      currency: 'USD',
      lines: [
        line('a', 'Part', '2.50', 3),
        line('b', 'Part', '2.5', 3),
        line('c', 'Part', '7', 2),
        line('d', 'Part', '0.333', 3),
        line('e', 'Part', '0.0049', 1),
      ],
    });
    expect(q.lines.map((l) => l.lineTotal)).toEqual(['7.50', '7.50', '14.00', '1.00', '0.00']);
    expect(q.subtotal).toBe('30.00');
  });

  it('rounds half-up by default and half-even on request, in 0- and 3-decimal currencies too', () => {
    expect(quote({ currency: 'JPY', lines: [line('a', 'Set', '1000.5'), line('b', 'Set', '1001.5')] }).lines.map((l) => l.lineTotal)).toEqual(['1001', '1002']);
    expect(
      quote({ currency: 'JPY', rounding: 'half-even', lines: [line('a', 'Set', '1000.5'), line('b', 'Set', '1001.5')] }).lines.map((l) => l.lineTotal),
    ).toEqual(['1000', '1002']);
    expect(
      quote({ currency: 'BHD', rounding: 'half-even', lines: [line('a', 'Set', '0.0005', 1), line('b', 'Set', '0.0005', 3)] }).lines.map((l) => l.lineTotal),
    ).toEqual(['0.000', '0.002']);
  });

  it('takes up to 30 decimals in a unit price', () => {
    expect(quote({ currency: 'USD', lines: [line('a', 'Part', `0.${'0'.repeat(27)}125`, 1_000_000_000)] }).subtotal).toBe('0.00');
    expect(quote({ currency: 'USD', lines: [line('a', 'Part', `1.${'0'.repeat(29)}5`, 1)] }).subtotal).toBe('1.00');
  });
});

describe('step 2: eligibility', () => {
  it('an "only" limit keeps the listed item types, compared exactly (case and all)', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '10'), line('b', 'part', '20'), line('c', 'Set', '30')],
      coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part', 'Set'] } },
    });
    expect(q.lines).toEqual([eligible('a', '10.00', '1.00', '9.00'), outside('b', '20.00'), eligible('c', '30.00', '3.00', '27.00')]);
    expect(q.explain.lines).toEqual([
      { id: 'a', reasons: [] },
      { id: 'b', reasons: ['ITEM_TYPE_NOT_IN_LIMIT'] },
      { id: 'c', reasons: [] },
    ]);
  });

  it('an "except" limit leaves out the listed item types only', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '10'), line('b', 'Set', '20', 1, { onSale: true })],
      coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'except', itemTypes: ['Set'] } },
    });
    expect(q.lines).toEqual([eligible('a', '10.00', '1.00', '9.00'), outside('b', '20.00')]);
    expect(q.explain.lines).toEqual([
      { id: 'a', reasons: [] },
      { id: 'b', reasons: ['ITEM_TYPE_EXCLUDED'] },
    ]);
  });

  it('a line on sale stays eligible unless sale items are excluded; a line not on sale always does', () => {
    const lines = [line('a', 'Part', '10', 1, { onSale: false }), line('b', 'Part', '20', 1, { onSale: true })];
    expect(quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', excludeSaleItems: false } }).lines).toEqual([
      eligible('a', '10.00', '1.00', '9.00'),
      eligible('b', '20.00', '2.00', '18.00'),
    ]);
    const excluded = quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', excludeSaleItems: true } });
    expect(excluded.lines).toEqual([eligible('a', '10.00', '1.00', '9.00'), outside('b', '20.00')]);
    expect(excluded.explain.lines).toEqual([
      { id: 'a', reasons: [] },
      { id: 'b', reasons: ['ON_SALE'] },
    ]);
  });

  it('a fixed coupon applies to every line, on sale or not, whatever its type', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '30', 1, { onSale: true }), line('b', 'Set', '10')],
      coupon: { type: 'fixed', amount: '4.00' },
    });
    expect(q.lines).toEqual([eligible('a', '30.00', '3.00', '27.00'), eligible('b', '10.00', '1.00', '9.00')]);
    expect(q.eligibleTotal).toBe('40.00');
    expect(q.explain.lines).toEqual([
      { id: 'a', reasons: [] },
      { id: 'b', reasons: [] },
    ]);
  });
});

describe('steps 3 and 4: tier and credit', () => {
  const tiered = {
    type: 'percent' as const,
    percent: '5',
    tiers: [
      { minTotal: '10.00', percent: '10' },
      { minTotal: '25.00', percent: '15' },
      { minTotal: '50.00', percent: '20' },
    ],
  };

  it('names the tier reached in the explanation, and none below the first threshold', () => {
    const at = (total: string) => quote({ currency: 'USD', lines: [line('a', 'Set', total)], coupon: tiered }).explain.tier;
    expect(at('9.99')).toBeNull();
    expect(at('10.00')).toEqual({ index: 0, minTotal: '10.00', percent: '10' });
    expect(at('49.99')).toEqual({ index: 1, minTotal: '25.00', percent: '15' });
    expect(at('50.00')).toEqual({ index: 2, minTotal: '50.00', percent: '20' });
  });

  it('finds the tier with a single threshold, and with two', () => {
    const one = { type: 'percent' as const, percent: '5', tiers: [{ minTotal: '10.00', percent: '10' }] };
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '9.99')], coupon: one }).appliedPercent).toBe('5');
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '10.00')], coupon: one }).appliedPercent).toBe('10');
    const two = {
      type: 'percent' as const,
      percent: '5',
      tiers: [
        { minTotal: '10.00', percent: '10' },
        { minTotal: '20.00', percent: '12.5' },
      ],
    };
    expect(['9.99', '10.00', '19.99', '20.00'].map((t) => quote({ currency: 'USD', lines: [line('a', 'Set', t)], coupon: two }).appliedPercent)).toEqual([
      '5',
      '10',
      '10',
      '12.5',
    ]);
  });

  it('rounds a fractional percentage of the eligible total with the request mode', () => {
    // 12.5% of 0.20 is 0.025
    const coupon = { type: 'percent' as const, percent: '12.5' };
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '0.20')], coupon }).couponCredit).toBe('0.03');
    expect(quote({ currency: 'USD', rounding: 'half-even', lines: [line('a', 'Set', '0.20')], coupon }).couponCredit).toBe('0.02');
    expect(quote({ currency: 'USD', lines: [line('a', 'Set', '19.99')], coupon: { type: 'percent', percent: '0.0000000001' } }).couponCredit).toBe('0.00');
  });

  it('is capped only above the maximum discount', () => {
    const lines = [line('a', 'Set', '300.00')];
    const at = (maxDiscount: string) => quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10', maxDiscount } });
    expect(at('30.00')).toMatchObject({ couponCredit: '30.00', capped: false, explain: { uncappedCredit: '30.00' } });
    expect(at('29.99')).toMatchObject({ couponCredit: '29.99', capped: true, explain: { uncappedCredit: '30.00' } });
    expect(at('0')).toMatchObject({ couponCredit: '30.00', capped: false, explain: { uncappedCredit: '30.00' } });
  });

  it('gives a fixed coupon in full up to the order total, and is capped only above it', () => {
    const at = (amount: string) => quote({ currency: 'USD', lines: [line('a', 'Set', '5.00')], coupon: { type: 'fixed', amount } });
    expect(at('5.00')).toEqual({
      subtotal: '5.00',
      eligibleTotal: '5.00',
      appliedPercent: null,
      couponCredit: '5.00',
      capped: false,
      sellerCredit: '0.00',
      totalCredit: '5.00',
      grandTotal: '0.00',
      feeBasis: '5.00',
      lines: [eligible('a', '5.00', '5.00', '0.00')],
      batches: [{ batch: 1, subtotal: '5.00', feeBasis: '5.00', couponCredit: '5.00' }],
      explain: { tier: null, uncappedCredit: '5.00', chargesTotal: '0.00', lines: [{ id: 'a', reasons: [] }] },
    });
    expect(at('5.01')).toMatchObject({ couponCredit: '5.00', capped: true, explain: { uncappedCredit: '5.01', tier: null } });
  });
});

describe('decisions: no coupon, and an order of no value', () => {
  it('without a coupon every line is eligible and nothing is taken off', () => {
    expect(
      quote({
        currency: 'USD',
        lines: [line('a', 'Set', '8.00', 1, { onSale: true }), line('b', 'Part', '2.00', 1, { batch: 2 })],
        coupon: null,
        charges: { shipping: '1.00' },
      }),
    ).toEqual({
      subtotal: '10.00',
      eligibleTotal: '10.00',
      appliedPercent: null,
      couponCredit: '0.00',
      capped: false,
      sellerCredit: '0.00',
      totalCredit: '0.00',
      grandTotal: '11.00',
      feeBasis: '10.00',
      lines: [eligible('a', '8.00', '0.00', '8.00'), eligible('b', '2.00', '0.00', '2.00')],
      batches: [
        { batch: 1, subtotal: '8.00', feeBasis: '8.00', couponCredit: '0.00' },
        { batch: 2, subtotal: '2.00', feeBasis: '2.00', couponCredit: '0.00' },
      ],
      explain: {
        tier: null,
        uncappedCredit: '0.00',
        chargesTotal: '1.00',
        lines: [
          { id: 'a', reasons: [] },
          { id: 'b', reasons: [] },
        ],
      },
    });
  });

  it('an order of price 0 gets zero credit and zero shares; a fixed coupon is then capped', () => {
    const lines = [line('a', 'Part', '0'), line('b', 'Part', '0.00', 3)];
    expect(quote({ currency: 'USD', lines, coupon: { type: 'fixed', amount: '5.00' } })).toMatchObject({
      couponCredit: '0.00',
      capped: true,
      lines: [eligible('a', '0.00', '0.00', '0.00'), eligible('b', '0.00', '0.00', '0.00')],
      batches: [{ batch: 1, couponCredit: '0.00' }],
      explain: { uncappedCredit: '5.00' },
    });
    expect(quote({ currency: 'USD', lines, coupon: { type: 'percent', percent: '10' } })).toMatchObject({
      couponCredit: '0.00',
      capped: false,
      appliedPercent: '10',
    });
  });

  it('a coupon whose every line is out of it gives zero credit', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Set', '20.00'), line('b', 'Set', '5.00')],
      coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } },
    });
    expect(q).toMatchObject({
      eligibleTotal: '0.00',
      couponCredit: '0.00',
      capped: false,
      lines: [outside('a', '20.00'), outside('b', '5.00')],
      batches: [{ batch: 1, couponCredit: '0.00' }],
    });
  });
});

describe('steps 5 and 6: where the credit lands, and batches', () => {
  it("lists the batches present in ascending order, each with what it added to the order's credit", () => {
    // one percentage coupon over the whole order: 10% from 0, 20% from 30.00 of eligible value
    const q = quote({
      currency: 'USD',
      lines: [
        line('a', 'Part', '10.00', 1, { batch: 3 }),
        line('b', 'Part', '10.00', 1, { batch: 1 }),
        line('c', 'Set', '50.00', 1, { batch: 2 }),
        line('d', 'Part', '5.00', 1, { batch: 1 }),
        line('e', 'Part', '10.00', 1, { batch: 2 }),
      ],
      coupon: { type: 'percent', percent: '10', tiers: [{ minTotal: '30.00', percent: '20' }], itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } },
    });
    // batch 1: 15.00 eligible → 1.50; with batch 2: 25.00 → 2.50; with batch 3: 35.00 → 20% = 7.00
    expect(q.batches).toEqual([
      { batch: 1, subtotal: '15.00', feeBasis: '15.00', couponCredit: '1.50' },
      { batch: 2, subtotal: '60.00', feeBasis: '60.00', couponCredit: '1.00' },
      { batch: 3, subtotal: '10.00', feeBasis: '10.00', couponCredit: '4.50' },
    ]);
    expect(q.couponCredit).toBe('7.00');
    expect(q.lines).toEqual([
      eligible('a', '10.00', '2.00', '8.00'),
      eligible('b', '10.00', '2.00', '8.00'),
      outside('c', '50.00'),
      eligible('d', '5.00', '1.00', '4.00'),
      eligible('e', '10.00', '2.00', '8.00'),
    ]);
  });

  it('gives a batch of ineligible lines nothing', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Part', '10.00'), line('b', 'Set', '40.00', 1, { batch: 2 })],
      coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'except', itemTypes: ['Set'] } },
    });
    expect(q.batches).toEqual([
      { batch: 1, subtotal: '10.00', feeBasis: '10.00', couponCredit: '1.00' },
      { batch: 2, subtotal: '40.00', feeBasis: '40.00', couponCredit: '0.00' },
    ]);
  });

  it('takes batches up to 1000000', () => {
    expect(quote({ currency: 'USD', lines: [line('a', 'Part', '10.00', 1, { batch: 1_000_000 })], coupon: { type: 'fixed', amount: '1.00' } }).batches).toEqual(
      [{ batch: 1_000_000, subtotal: '10.00', feeBasis: '10.00', couponCredit: '1.00' }],
    );
  });
});

describe('step 7: credits, charges and totals', () => {
  it('sums every charge into the grand total and the explanation', () => {
    const q = quote({
      currency: 'USD',
      lines: [line('a', 'Set', '20.00')],
      coupon: { type: 'fixed', amount: '2.00' },
      sellerCredit: '1.50',
      charges: { shipping: '6.50', insurance: '1.25', handling: '0' },
    });
    expect([q.couponCredit, q.sellerCredit, q.totalCredit, q.grandTotal, q.feeBasis, q.explain.chargesTotal]).toEqual([
      '2.00',
      '1.50',
      '3.50',
      '24.25',
      '20.00',
      '7.75',
    ]);
  });

  it('allows a total credit equal to subtotal plus charges, and refuses one a minor unit above', () => {
    const request = (sellerCredit: string): QuoteRequest => ({
      currency: 'USD',
      lines: [line('a', 'Set', '1.00')],
      coupon: { type: 'fixed', amount: '1.00' },
      sellerCredit,
      charges: { shipping: '0.50' },
    });
    expect(quote(request('0.50'))).toMatchObject({ totalCredit: '1.50', grandTotal: '0.00' });
    expect(quoteCoupon(request('0.51'))).toEqual({
      ok: false,
      errors: [
        {
          code: 'CREDIT_EXCEEDS_TOTAL',
          path: 'sellerCredit',
          message: 'the total credit 1.51 (coupon 1.00 + seller 0.51) is more than the subtotal plus charges, 1.50',
        },
      ],
    });
  });

  it('refuses a total credit above the order past 2^53 minor units too (the bigint path), and allows it at equality', () => {
    const request = (sellerCredit: string): QuoteRequest => ({
      currency: 'USD',
      lines: [line('a', 'Set', '100000000000000.00')],
      coupon: { type: 'fixed', amount: '1.00' },
      sellerCredit,
    });
    expect(quote(request('99999999999999.00'))).toMatchObject({ couponCredit: '1.00', totalCredit: '100000000000000.00', grandTotal: '0.00' });
    expect(quoteCoupon(request('99999999999999.01'))).toEqual({
      ok: false,
      errors: [
        {
          code: 'CREDIT_EXCEEDS_TOTAL',
          path: 'sellerCredit',
          message: 'the total credit 100000000000000.01 (coupon 1.00 + seller 99999999999999.01) is more than the subtotal plus charges, 100000000000000.00',
        },
      ],
    });
  });

  it('refuses a seller credit above the order even without a coupon', () => {
    expect(quoteCoupon({ currency: 'JPY', lines: [line('a', 'Set', '100')], sellerCredit: '101' })).toEqual({
      ok: false,
      errors: [
        {
          code: 'CREDIT_EXCEEDS_TOTAL',
          path: 'sellerCredit',
          message: 'the total credit 101 (coupon 0 + seller 101) is more than the subtotal plus charges, 100',
        },
      ],
    });
  });
});

describe('the quote without line explanations (as the wire computes it)', () => {
  it('is the same quote with an empty explain.lines', () => {
    const parsed = unwrap(
      readQuoteRequest({
        currency: 'USD',
        lines: [line('a', 'Part', '10.00'), line('b', 'Set', '5.00', 1, { onSale: true })],
        coupon: { type: 'percent', percent: '10', excludeSaleItems: true },
      }),
    );
    const full = unwrap(computeQuote(parsed));
    const lean = unwrap(computeQuote(parsed, false));
    expect(full.explain.lines).toEqual([
      { id: 'a', reasons: [] },
      { id: 'b', reasons: ['ON_SALE'] },
    ]);
    expect(lean).toEqual({ ...full, explain: { ...full.explain, lines: [] } });
  });
});

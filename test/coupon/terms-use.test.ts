import { describe, expect, it } from 'vitest';
import {
  type CouponTerms,
  couponState,
  type OutageInput,
  planOutageRemedies,
  quoteCoupon,
  toFixedCoupon,
  toPercentCoupon,
  validateCouponTerms,
} from '../../src/index.js';
import { codePathsOf, codesOf, errorsOf } from '../helpers.js';

// Coupon terms changed from one kind to the other, and read again where they are used: in a quote, an outage
// plan and a coupon's lifecycle (docs/quote.md, "Coupon terms" and "Decisions").

const percentCoupon = (extra: Record<string, unknown>) => validateCouponTerms({ type: 'percent', percent: '10', ...extra }, 'USD');

describe('changing the type of a coupon', () => {
  const full: CouponTerms = {
    type: 'percent',
    percent: '10',
    maxDiscount: '20.00',
    tiers: [{ minTotal: '25.00', percent: '15' }],
    itemTypeLimit: { mode: 'only', itemTypes: ['Part'] },
    excludeSaleItems: true,
  };

  it('to fixed: drops every percentage setting and validates the amount for the currency', () => {
    expect(toFixedCoupon(full, '7.5', 'EUR')).toEqual({ ok: true, value: { type: 'fixed', amount: '7.50' } });
    expect(toFixedCoupon({ type: 'fixed', amount: '5.00' }, '3', 'JPY')).toEqual({ ok: true, value: { type: 'fixed', amount: '3' } });
    expect(toFixedCoupon(full, '0', 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'AMOUNT_NOT_POSITIVE', path: 'amount', message: 'a fixed coupon takes more than zero off' }],
    });
  });

  it('to percent: a percentage coupon keeps its other settings with the new base', () => {
    expect(toPercentCoupon(full, '12.50', 'USD')).toEqual({ ok: true, value: { ...full, percent: '12.5' } });
    // Terms from a caller's data that are not an object are reported, never dereferenced.
    expect(toPercentCoupon(null as unknown as CouponTerms, '10', 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_TYPE', path: '', message: 'expected coupon terms (an object), got null' }],
    });
    expect(toPercentCoupon([] as unknown as CouponTerms, '10', 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_TYPE', path: '', message: 'expected coupon terms (an object), got an array' }],
    });
    expect(toPercentCoupon(full, '15', 'USD')).toEqual({ ok: true, value: { ...full, percent: '15' } });
    expect(codePathsOf(toPercentCoupon(full, '15.01', 'USD'))).toEqual(['TIER_BELOW_BASE_PERCENT@tiers.0.percent']);
  });

  it('to percent: a fixed coupon becomes a plain percentage coupon', () => {
    expect(toPercentCoupon({ type: 'fixed', amount: '5.00' }, '7.5', 'USD')).toEqual({ ok: true, value: { type: 'percent', percent: '7.5' } });
    expect(toPercentCoupon({ type: 'fixed', amount: '5.00' }, '0', 'USD')).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 0' }],
    });
  });

  it('drops every percentage-only setting when a coupon becomes fixed', () => {
    const fixed = toFixedCoupon(
      { type: 'percent', percent: '10', maxDiscount: '20.00', tiers: [{ minTotal: '25.00', percent: '15' }], excludeSaleItems: true },
      '5.00',
      'USD',
    );
    expect(fixed).toEqual({ ok: true, value: { type: 'fixed', amount: '5.00' } });
    expect(toFixedCoupon({ type: 'percent', percent: '10' }, '-5', 'USD')).toMatchObject({ ok: false, errors: [{ code: 'SIGN_NOT_ALLOWED', path: 'amount' }] });
    expect(toPercentCoupon({ type: 'fixed', amount: '5.00' }, '10', 'USD')).toEqual({ ok: true, value: { type: 'percent', percent: '10' } });
    expect(toPercentCoupon({ type: 'percent', percent: '10', tiers: [{ minTotal: '25.00', percent: '15' }] }, '20', 'USD')).toMatchObject({
      ok: false,
      errors: [{ code: 'TIER_BELOW_BASE_PERCENT' }],
    });
    expect(validateCouponTerms({ type: 'fixed', amount: '5.00', maxDiscount: '20.00' }, 'USD')).toMatchObject({
      ok: false,
      errors: [{ code: 'UNKNOWN_FIELD', path: 'maxDiscount' }],
    });
  });
});

describe("coupon terms without a currency are checked again against the order's currency when quoted", () => {
  // Coupon records carry no currency; an outage remedy that honors a failed redemption quotes the
  // coupon on the order, in the order's currency (EUR, 2 decimals), and reports what does not fit.
  const input = (terms: CouponTerms): OutageInput => ({
    at: '2026-12-02T08:00:00Z',
    incidents: [{ id: 'inc-1', start: '2026-12-01T22:30:00Z', end: '2026-12-02T01:30:00Z' }],
    coupons: [{ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-01', timeZone: 'Europe/Berlin', terms, events: [] }],
    attempts: [
      {
        couponId: 'c1',
        orderId: 'o1',
        at: '2026-12-01T22:40:00Z',
        order: {
          currency: 'EUR',
          lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
          buyer: 'b1',
          store: 's1',
          newOrder: true,
          hasCoupon: false,
        },
      },
    ],
  });
  const tooPrecise = (path: string) => ({ ok: false, errors: [{ code: 'TOO_MANY_DECIMALS', path, message: 'EUR amounts have at most 2 decimals, got 3' }] });

  it("honors terms that fit the order's currency", () => {
    const r = planOutageRemedies(input({ type: 'percent', percent: '10', tiers: [{ minTotal: '20.00', percent: '20' }] }));
    expect(r.ok && r.value.honor).toEqual([{ couponId: 'c1', orderId: 'o1', couponCredit: '5.00', windows: ['w-f3eaf40f811f88bbc313a24833369561'] }]);
  });

  it("reports a fixed amount, a maximum or a tier threshold finer than the order's currency", () => {
    expect(planOutageRemedies(input({ type: 'fixed', amount: '5.001' }))).toEqual(tooPrecise('coupons.0.terms.amount'));
    expect(planOutageRemedies(input({ type: 'percent', percent: '10', maxDiscount: '1.001' }))).toEqual(tooPrecise('coupons.0.terms.maxDiscount'));
    expect(planOutageRemedies(input({ type: 'percent', percent: '10', tiers: [{ minTotal: '20.001', percent: '20' }] }))).toEqual(
      tooPrecise('coupons.0.terms.tiers.0.minTotal'),
    );
  });
});

describe('"enter 0 in all tiered fields to remove the tiered percentage discount"', () => {
  const zero = { minTotal: '0', percent: '0' };
  it('reads tiers that are all zero as no tiers, wherever terms are read', () => {
    expect(validateCouponTerms({ type: 'percent', percent: '10', tiers: [zero, zero, { minTotal: '0.00', percent: '0.0' }] }, 'USD')).toEqual({
      ok: true,
      value: { type: 'percent', percent: '10' },
    });
    const q = quoteCoupon({
      currency: 'USD',
      lines: [{ id: 'a', itemType: 'P', unitPrice: '100.00', quantity: 1 }],
      coupon: { type: 'percent', percent: '10', tiers: [zero, zero, zero] },
    });
    expect(q.ok && [q.value.appliedPercent, q.value.couponCredit]).toEqual(['10', '10.00']);
    const edited = couponState(
      {
        id: 'c',
        seller: 's',
        recipient: 'b',
        expires: '2026-12-31',
        timeZone: 'UTC',
        terms: { type: 'percent', percent: '10', tiers: [{ minTotal: '50.00', percent: '20' }] },
        events: [{ type: 'edited', at: '2026-12-01T00:00:00Z', terms: { type: 'percent', percent: '10', tiers: [zero] } }],
      },
      '2026-12-02T00:00:00Z',
    );
    expect(edited.ok && edited.value.terms).toEqual({ type: 'percent', percent: '10', tiers: [zero] });
  });

  it('keeps a mix of zero and non-zero tiers an error, reported at the zero ones', () => {
    expect(errorsOf(percentCoupon({ tiers: [zero, { minTotal: '50.00', percent: '15' }] }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'tiers.0.percent', message: 'a percentage is above 0 and at most 100, got 0' },
      { code: 'TIER_MIN_TOTAL_NOT_POSITIVE', path: 'tiers.0.minTotal', message: 'a tier starts above zero' },
    ]);
    expect(codesOf(percentCoupon({ tiers: [{ minTotal: '0', percent: '15' }] }))).toEqual(['TIER_MIN_TOTAL_NOT_POSITIVE']);
    expect(codesOf(percentCoupon({ tiers: [{ minTotal: '0', percent: '0', note: 'x' }] }))).toContain('UNKNOWN_FIELD');
  });

  it('measures tiers on the eligible total: excluded sale items lower what the tiers see (a decision)', () => {
    const q = quoteCoupon({
      currency: 'USD',
      lines: [
        { id: 'a', itemType: 'P', unitPrice: '30.00', quantity: 1 },
        { id: 'b', itemType: 'P', unitPrice: '30.00', quantity: 1, onSale: true },
      ],
      coupon: { type: 'percent', percent: '10', tiers: [{ minTotal: '50.00', percent: '20' }], excludeSaleItems: true },
    });
    expect(q.ok && [q.value.eligibleTotal, q.value.appliedPercent, q.value.couponCredit]).toEqual(['30.00', '10', '3.00']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { answerWireRequest, couponChoices, type CouponChoicesRequest, type CouponRecord } from '../../src/index.js';
import { unwrap } from '../helpers.js';

// docs/lifecycle.md, "The checkout choice": a choice's quote is computed when it is called, once — never for the
// choices nobody takes, so that the checkout costs the order's lines once, not coupons × lines. computeQuote is
// counted here (in this file only) to see it.
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/order/compute.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/order/compute.js')>();
  return {
    ...real,
    computeQuote: (...args: Parameters<typeof real.computeQuote>) => {
      calls.n++;
      return real.computeQuote(...args);
    },
  };
});

const coupons = Array.from({ length: 200 }, (_, i): CouponRecord => ({
  id: `c${String(i).padStart(3, '0')}`,
  seller: 's1',
  recipient: 'b1',
  expires: '2026-12-31',
  timeZone: 'UTC',
  terms: { type: 'fixed', amount: `${String(1 + (i % 9))}.00` },
  events: [],
}));
const request: CouponChoicesRequest = {
  at: '2026-12-01T10:00:00Z',
  store: 's1',
  buyer: 'b1',
  order: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }], newOrder: true, hasCoupon: false },
  coupons,
};

describe('the quote of a choice', () => {
  it('is computed on the first call only, and never for a choice not called, nor for the wire answer', () => {
    calls.n = 0;
    const { choices } = unwrap(couponChoices(request));
    expect(choices).toHaveLength(200);
    expect(calls.n).toBe(0);
    const chosen = choices[7];
    const first = chosen?.quote();
    expect(calls.n).toBe(1);
    expect(chosen?.quote()).toBe(first);
    expect(calls.n).toBe(1);
    expect(first?.couponCredit).toBe(chosen?.couponCredit);
    calls.n = 0;
    expect(answerWireRequest({ op: 'coupon-choices', ...request }).ok).toBe(true);
    expect(calls.n).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { couponChoices, type CouponChoicesRequest, type CouponRecord } from '../../src/index.js';
import { codePathsOf, unwrap } from '../helpers.js';

const base = { seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'America/New_York', events: [] } as const;
const coupon = (id: string, terms: CouponRecord['terms'], extra: Partial<CouponRecord> = {}): CouponRecord => ({ ...base, id, terms, ...extra });
const request = (coupons: CouponRecord[], order: Partial<CouponChoicesRequest['order']> = {}): CouponChoicesRequest => ({
  at: '2026-12-01T10:00:00Z',
  store: 's1',
  buyer: 'b1',
  order: {
    currency: 'USD',
    lines: [
      { id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 },
      { id: 'L2', itemType: 'Set', unitPrice: '30.00', quantity: 1 },
    ],
    newOrder: true,
    hasCoupon: false,
    ...order,
  },
  coupons,
});
const choose = (req: CouponChoicesRequest) => {
  const { prompt, choices } = unwrap(couponChoices(req));
  return { prompt, ids: choices.map((c) => `${c.couponId}:${c.couponCredit}`) };
};

describe('the checkout choice', () => {
  it('does not prompt without an open coupon', () => {
    expect(choose(request([]))).toEqual({ prompt: 'none', ids: [] });
  });

  it('offers the one open coupon', () => {
    expect(choose(request([coupon('c1', { type: 'fixed', amount: '1.50' })]))).toEqual({ prompt: 'offer', ids: ['c1:1.50'] });
  });

  it('lets the buyer choose among two or more, ranked by credit on this order, then earliest expiry, then id', () => {
    const r = choose(
      request([
        coupon('c1', { type: 'fixed', amount: '5.00' }),
        coupon('c2', { type: 'percent', percent: '20', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } }), // 4.00
        coupon('c3', { type: 'percent', percent: '10' }), // 5.00, same credit as c1, expires earlier
        coupon('c0', { type: 'fixed', amount: '5.00' }, { expires: '2026-12-15' }),
        coupon('c4', { type: 'percent', percent: '50', maxDiscount: '4.00' }), // capped at 4.00, same expiry as c2
      ]),
    );
    expect(r).toEqual({ prompt: 'choose', ids: ['c0:5.00', 'c1:5.00', 'c3:5.00', 'c2:4.00', 'c4:4.00'] });
  });

  it('counts only open, unexpired coupons of this buyer in this store', () => {
    const r = choose(
      request([
        coupon('other-store', { type: 'fixed', amount: '9.00' }, { seller: 's2' }),
        coupon('other-buyer', { type: 'fixed', amount: '9.00' }, { recipient: 'b2' }),
        coupon('expired', { type: 'fixed', amount: '9.00' }, { expires: '2026-11-30' }),
        coupon('declined', { type: 'fixed', amount: '9.00' }, { events: [{ type: 'declined', at: '2026-11-25T00:00:00Z' }] }),
        coupon(
          'redeemed',
          { type: 'fixed', amount: '9.00' },
          { events: [{ type: 'redeemed', at: '2026-11-25T00:00:00Z', orderId: 'o0', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }] },
        ),
        coupon('deleted', { type: 'fixed', amount: '9.00' }, { events: [{ type: 'deleted', at: '2026-11-25T00:00:00Z' }] }),
        coupon('ok', { type: 'fixed', amount: '1.00' }),
      ]),
    );
    expect(r).toEqual({ prompt: 'offer', ids: ['ok:1.00'] });
  });

  it('offers nothing for an addition to an existing order, or an order that already has a coupon', () => {
    const coupons = [coupon('c1', { type: 'fixed', amount: '1.50' })];
    expect(choose(request(coupons, { newOrder: false }))).toEqual({ prompt: 'none', ids: [] });
    expect(choose(request(coupons, { hasCoupon: true }))).toEqual({ prompt: 'none', ids: [] });
  });

  it('quotes each coupon in the order currency and reports bad terms or events with their paths', () => {
    const r = couponChoices(
      request([
        coupon('c1', { type: 'fixed', amount: '1.505' }),
        coupon(
          'c2',
          { type: 'fixed', amount: '1.00' },
          {
            events: [
              { type: 'deleted', at: '2026-11-25T00:00:00Z' },
              { type: 'declined', at: '2026-11-26T00:00:00Z' },
            ],
          },
        ),
        coupon('c2', { type: 'fixed', amount: '1.00' }),
      ]),
    );
    expect(codePathsOf(r)).toEqual(['DUPLICATE_COUPON_ID@coupons.2.id', 'TOO_MANY_DECIMALS@coupons.0.terms.amount', 'COUPON_DELETED@coupons.1.events.1']);
  });
});

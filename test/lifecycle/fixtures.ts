import type { CouponEvent, CouponRedeemedEvent } from '../../src/index.js';

/** A redemption by buyer b1 in store s1 on a new order without a coupon (`extra` changes any of it). */
export const redeem = (at: string, extra: Partial<CouponRedeemedEvent> = {}): CouponEvent => ({
  type: 'redeemed',
  at,
  orderId: 'o1',
  buyer: 'b1',
  store: 's1',
  newOrder: true,
  orderHasCoupon: false,
  ...extra,
});

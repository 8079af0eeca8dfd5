// One request per op with every optional field present, each accepted by the library: the agreement test
// breaks each of their fields in turn, so that every field of the contract is tried, not only those the
// generators happen to draw.
const terms = {
  type: 'percent',
  percent: '10',
  maxDiscount: '50.00',
  tiers: [{ minTotal: '50.00', percent: '15' }],
  itemTypeLimit: { mode: 'only', itemTypes: ['Part'] },
  excludeSaleItems: true,
};
const lines = [
  { id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3, onSale: false, batch: 1 },
  { id: 'L2', itemType: 'Part', unitPrice: '20.00', quantity: 1, batch: 2 },
];
const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-20', timeZone: 'Europe/Berlin', terms, remedies: ['i0'] };

export const FULL_REQUESTS = {
  quote: { op: 'quote', currency: 'USD', rounding: 'half-even', lines, coupon: terms, sellerCredit: '1.00', charges: { shipping: '5.00' } },
  'coupon-issue-check': {
    op: 'coupon-issue-check',
    at: '2026-12-01T10:00:00Z',
    timeZone: 'Europe/Berlin',
    seller: { id: 's1' },
    recipient: { id: 'b1', registered: true, emailConfirmed: true },
    stoplisted: { bySeller: false, byRecipient: false },
    expires: '2026-12-31',
  },
  'coupon-state': {
    op: 'coupon-state',
    coupon,
    events: [
      { type: 'edited', at: '2026-12-02T10:00:00Z', terms: { type: 'fixed', amount: '5.00' }, expires: '2026-12-24' },
      { type: 'extended', at: '2026-12-03T10:00:00Z', expires: '2026-12-27', incidents: ['i1'] },
      { type: 'honored', at: '2026-12-04T10:00:00Z', orderId: 'o1', attemptAt: '2026-12-03T09:30:00Z', incidents: ['i1'] },
    ],
    at: '2026-12-05T10:00:00Z',
  },
  'coupon-choices': {
    op: 'coupon-choices',
    at: '2026-12-05T10:00:00Z',
    store: 's1',
    buyer: 'b1',
    order: { currency: 'USD', rounding: 'half-up', lines, newOrder: true, hasCoupon: false },
    coupons: [
      { ...coupon, events: [{ type: 'declined', at: '2026-12-02T10:00:00Z' }] },
      { ...coupon, id: 'c2', events: [] },
    ],
  },
  'dispute-state': {
    op: 'dispute-state',
    policy: {
      timeZone: 'Europe/Berlin',
      requestWindowDays: 30,
      sellerResponseDays: 5,
      buyerResponseDays: 5,
      maxProcessDays: 20,
      platformReviewDays: 3,
      dayCount: 'business',
      weekend: [6, 7],
      holidays: ['2026-12-25'],
    },
    order: {
      quote: { op: 'quote', currency: 'USD', lines, coupon: terms },
      refunded: '0.00',
      shippedAt: '2026-11-20T09:00:00Z',
      receiptConfirmedAt: '2026-11-28T18:00:00Z',
      expectedDeliveryBy: '2026-11-25',
    },
    events: [
      {
        type: 'opened',
        at: '2026-12-01T10:00:00Z',
        reason: 'DAMAGED',
        amount: '8.00',
        lines: [{ id: 'L1', quantity: 1 }],
        evidence: ['photo-1'],
        description: 'cracked',
      },
      { type: 'claim-changed', at: '2026-12-01T12:00:00Z', amount: '16.00', lines: [{ id: 'L1', quantity: 2 }], evidence: ['photo-2'] },
      { type: 'seller-countered', at: '2026-12-02T10:00:00Z', amount: '10.00', evidence: ['invoice'] },
      { type: 'buyer-declined', at: '2026-12-02T12:00:00Z' },
      { type: 'seller-disagreed', at: '2026-12-03T10:00:00Z', note: 'not damaged', evidence: ['packing-photo'] },
      { type: 'escalated', at: '2026-12-03T12:00:00Z', by: 'buyer', evidence: ['photo-3'], note: 'please review' },
      { type: 'ruled', at: '2026-12-04T10:00:00Z', amount: '12.00' },
    ],
    at: '2026-12-05T10:00:00Z',
  },
  'outage-plan': {
    op: 'outage-plan',
    at: '2026-12-05T10:00:00Z',
    policy: {
      graceDays: 1,
      extension: { days: 3 },
      extend: true,
      reissue: true,
      honor: true,
      compensation: { terms: { type: 'fixed', amount: '5.00' }, validDays: 30, minOutageMinutes: 30 },
      loyalty: { extraGraceDays: 2 },
    },
    incidents: [{ id: 'i1', start: '2026-12-01T02:00:00Z', end: '2026-12-01T04:00:00Z' }],
    loyaltyMembers: ['b1'],
    coupons: [
      { ...coupon, expires: '2026-12-01', events: [{ type: 'declined', at: '2026-11-30T10:00:00Z' }] },
      { ...coupon, id: 'c2', events: [] },
    ],
    attempts: [
      {
        couponId: 'c2',
        orderId: 'o1',
        at: '2026-12-01T03:00:00Z',
        order: { currency: 'USD', rounding: 'half-up', lines, buyer: 'b1', store: 's1', newOrder: true, hasCoupon: false },
      },
    ],
  },
} as const;

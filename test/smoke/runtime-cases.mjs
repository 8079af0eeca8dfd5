// The cases of the runtime smoke test (test/smoke/runtimes.mjs): the same requests, answered by the built
// package in Node, Bun, Deno and headless Chromium, each in a different host time zone. Every answer must be
// the same JSON as Node's. Modeled on examples/ and test/contract/full-requests.ts: one full request per wire
// op, with time zones whose offsets are far from UTC (Pacific/Kiritimati, UTC+14) or not whole hours and
// changing with daylight saving time (America/St_Johns, UTC-3:30 / UTC-2:30), plus the same rules through the
// TypeScript API and the zod schemas of `coupon-rules/schema`.
//
// Plain JavaScript with no imports: each runtime's entry passes in the modules it loaded its own way.

const terms = {
  type: 'percent',
  percent: '10',
  maxDiscount: '50.00',
  tiers: [{ minTotal: '25.00', percent: '15' }],
  itemTypeLimit: { mode: 'only', itemTypes: ['Part'] },
  excludeSaleItems: true,
};

// Several lines, with ties that the rounding mode decides: L1 (on sale, so no coupon credit) is 0.125, which is
// 0.13 half-up and 0.12 half-even; 15% of the eligible 29.10 is 4.365, which is 4.37 half-up and 4.36 half-even;
// L5 and L6 are equal, so the split of the credit between them is a tie as well.
const tieLines = [
  { id: 'L1', itemType: 'Part', unitPrice: '0.125', quantity: 1, onSale: true },
  { id: 'L2', itemType: 'Part', unitPrice: '0.0125', quantity: 2000 },
  { id: 'L3', itemType: 'Set', unitPrice: '19.99', quantity: 1 },
  { id: 'L4', itemType: 'Part', unitPrice: '1.70', quantity: 2, batch: 2 },
  { id: 'L5', itemType: 'Part', unitPrice: '0.35', quantity: 1, batch: 2 },
  { id: 'L6', itemType: 'Part', unitPrice: '0.35', quantity: 1, batch: 2 },
];

const lines = [
  { id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3, onSale: false, batch: 1 },
  { id: 'L2', itemType: 'Part', unitPrice: '20.00', quantity: 1, batch: 2 },
];

const coupon = (timeZone, expires) => ({ id: 'c1', seller: 's1', recipient: 'b1', expires, timeZone, terms, remedies: ['i0'] });

const couponEvents = [
  { type: 'edited', at: '2026-12-02T10:00:00Z', terms: { type: 'fixed', amount: '5.00' }, expires: '2026-12-24' },
  { type: 'extended', at: '2026-12-03T10:00:00Z', expires: '2026-12-27', incidents: ['i1'] },
  { type: 'honored', at: '2026-12-04T10:00:00Z', orderId: 'o1', attemptAt: '2026-12-03T09:30:00Z', incidents: ['i1'] },
];

const disputePolicy = (timeZone) => ({
  timeZone,
  requestWindowDays: 30,
  sellerResponseDays: 5,
  buyerResponseDays: 5,
  maxProcessDays: 20,
  platformReviewDays: 3,
  dayCount: 'business',
  weekend: [6, 7],
  holidays: ['2026-12-25'],
});

const disputeOrder = {
  quote: { op: 'quote', currency: 'USD', lines, coupon: terms },
  refunded: '0.00',
  shippedAt: '2026-11-20T09:00:00Z',
  receiptConfirmedAt: '2026-11-28T18:00:00Z',
  expectedDeliveryBy: '2026-11-25',
};

const disputeEvents = [
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
];

/** One wire request per case; several per op where a time zone or a rounding mode changes the answer. */
export const WIRE_REQUESTS = {
  'quote half-up': { op: 'quote', currency: 'USD', rounding: 'half-up', lines: tieLines, coupon: terms, sellerCredit: '1.00', charges: { shipping: '4.50' } },
  'quote half-even': {
    op: 'quote',
    currency: 'USD',
    rounding: 'half-even',
    lines: tieLines,
    coupon: terms,
    sellerCredit: '1.00',
    charges: { shipping: '4.50' },
  },
  'quote JPY fixed': {
    op: 'quote',
    currency: 'JPY',
    lines: [
      { id: 'a', itemType: 'Set', unitPrice: '1000', quantity: 1 },
      { id: 'b', itemType: 'Set', unitPrice: '1000', quantity: 1 },
      { id: 'c', itemType: 'Set', unitPrice: '1000', quantity: 1 },
    ],
    coupon: { type: 'fixed', amount: '500' },
  },
  'coupon-issue-check Kiritimati, new local year': {
    op: 'coupon-issue-check',
    at: '2026-12-31T10:30:00Z',
    timeZone: 'Pacific/Kiritimati',
    seller: { id: 's1' },
    recipient: { id: 'b1', registered: true, emailConfirmed: true },
    stoplisted: { bySeller: false, byRecipient: false },
    expires: '2026-12-31',
  },
  'coupon-state Kiritimati, last local second': {
    op: 'coupon-state',
    coupon: coupon('Pacific/Kiritimati', '2026-12-20'),
    events: [],
    at: '2026-12-20T09:59:59Z',
  },
  'coupon-state Kiritimati, local midnight': { op: 'coupon-state', coupon: coupon('Pacific/Kiritimati', '2026-12-20'), events: [], at: '2026-12-20T10:00:00Z' },
  'coupon-state Kiritimati, events': {
    op: 'coupon-state',
    coupon: coupon('Pacific/Kiritimati', '2026-12-20'),
    events: couponEvents,
    at: '2026-12-05T10:00:00Z',
  },
  'coupon-state St_Johns, DST starts': { op: 'coupon-state', coupon: coupon('America/St_Johns', '2026-03-08'), events: [], at: '2026-03-09T02:29:59Z' },
  'coupon-state St_Johns, DST ends': { op: 'coupon-state', coupon: coupon('America/St_Johns', '2026-11-01'), events: [], at: '2026-11-02T03:30:00Z' },
  'coupon-choices Kiritimati': {
    op: 'coupon-choices',
    at: '2026-12-05T10:00:00Z',
    store: 's1',
    buyer: 'b1',
    order: { currency: 'USD', rounding: 'half-up', lines, newOrder: true, hasCoupon: false },
    coupons: [
      { ...coupon('Pacific/Kiritimati', '2026-12-20'), events: [{ type: 'declined', at: '2026-12-02T10:00:00Z' }] },
      { ...coupon('Pacific/Kiritimati', '2026-12-05'), id: 'c2', events: [] },
      { ...coupon('Pacific/Kiritimati', '2026-12-06'), id: 'c3', events: [] },
    ],
  },
  'dispute-state St_Johns, escalated': {
    op: 'dispute-state',
    policy: disputePolicy('America/St_Johns'),
    order: disputeOrder,
    events: disputeEvents,
    at: '2026-12-05T10:00:00Z',
  },
  'dispute-state Kiritimati, ruled': {
    op: 'dispute-state',
    policy: disputePolicy('Pacific/Kiritimati'),
    order: disputeOrder,
    events: [...disputeEvents, { type: 'ruled', at: '2026-12-04T10:00:00Z', amount: '12.00' }],
    at: '2026-12-05T10:00:00Z',
  },
  'outage-plan Kiritimati': {
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
      { ...coupon('Pacific/Kiritimati', '2026-12-01'), events: [{ type: 'declined', at: '2026-11-30T10:00:00Z' }] },
      { ...coupon('Pacific/Kiritimati', '2026-12-01'), id: 'c2', events: [] },
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
};

/** Runs every case against the root entry (`lib`) and `coupon-rules/schema` (`schema`); returns plain JSON data. */
export function runCases(lib, schema) {
  const answers = {};
  const schemas = {};
  for (const [name, request] of Object.entries(WIRE_REQUESTS)) {
    const answer = lib.answerWireRequest(request);
    answers[name] = answer;
    const ops = schema.WIRE_OPS[request.op];
    schemas[name] = { request: ops.request.safeParse(request).success, answer: ops.answer.safeParse(answer).success };
  }
  // The same rules through the TypeScript API: a quote with its explanation, a coupon's fold, a dispute's
  // view, local dates, money.
  const kiritimati = { ...coupon('Pacific/Kiritimati', '2026-12-20'), events: couponEvents };
  const money = lib.allocate(lib.money('0.05', 'USD'), [lib.money('1.00', 'USD'), lib.money('1.00', 'USD'), lib.money('1.00', 'USD')]);
  const api = {
    quoteCoupon: lib.quoteCoupon({ currency: 'USD', rounding: 'half-even', lines: tieLines, coupon: terms, sellerCredit: '1.00' }),
    couponState: lib.couponState(kiritimati, '2026-12-27T09:59:59Z'),
    allowedActions: lib.allowedActions(kiritimati, '2026-12-27T10:00:00Z'),
    disputeView: lib.disputeView(
      {
        policy: disputePolicy('America/St_Johns'),
        order: { ...disputeOrder, quote: { currency: 'USD', lines, coupon: terms } },
        events: disputeEvents.slice(0, 3),
      },
      '2026-12-02T11:00:00Z',
    ),
    localDateOf: [lib.localDateOf('2026-12-31T10:00:00Z', 'Pacific/Kiritimati'), lib.localDateOf('2026-12-31T09:59:59Z', 'Pacific/Kiritimati')],
    startOfLocalDate: [lib.startOfLocalDate('2026-03-08', 'America/St_Johns'), lib.startOfLocalDate('2026-03-09', 'America/St_Johns')].map((d) =>
      d.toISOString(),
    ),
    validityEnd: lib.validityEnd('2026-11-01', 'America/St_Johns').toISOString(),
    allocate: money.map((m) => m.amount),
    parseMoney: lib.parseMoney(' 1.999', 'USD', { path: 'price' }),
  };
  return { answers, schemas, api };
}

/** Where and in which host time zone the cases ran; reported, not compared. */
export function hostInfo() {
  const g = globalThis;
  const runtime = g.Deno
    ? `Deno ${g.Deno.version.deno}`
    : g.Bun
      ? `Bun ${g.Bun.version}`
      : g.process?.versions?.node
        ? `Node ${g.process.versions.node}`
        : (g.navigator?.userAgent ?? 'unknown');
  return { runtime, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, offsetMinutes: -new Date('2026-12-20T10:00:00Z').getTimezoneOffset() };
}

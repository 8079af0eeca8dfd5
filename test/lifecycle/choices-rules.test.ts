import { describe, expect, it } from 'vitest';
import { couponChoices, type CouponChoicesRequest, type CouponRecord } from '../../src/index.js';
import { codePathsOf, err, errorsOf, unwrap } from '../helpers.js';

// docs/lifecycle.md, "The checkout choice": the buyer's open coupons in that store, each with the credit
// it would give on this order, ranked by credit (largest first), then earliest expiry, then id (UTF-16
// code units); the prompt is none, offer or choose.

const base = { seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'America/New_York', events: [] } as const;
const coupon = (id: string, terms: CouponRecord['terms'], extra: Partial<CouponRecord> = {}): CouponRecord => ({ ...base, id, terms, ...extra });
const order = {
  currency: 'USD',
  lines: [
    { id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 },
    { id: 'L2', itemType: 'Set', unitPrice: '30.00', quantity: 1 },
  ],
  newOrder: true,
  hasCoupon: false,
};
const request = (coupons: unknown[], change: Record<string, unknown> = {}): CouponChoicesRequest =>
  ({ at: '2026-12-01T10:00:00Z', store: 's1', buyer: 'b1', order, coupons, ...change }) as CouponChoicesRequest;
const ranked = (req: CouponChoicesRequest) => {
  const r = couponChoices(req);
  return r.ok ? r.value.choices.map((c) => c.couponId) : codePathsOf(r);
};
const choiceErrors = (req: CouponChoicesRequest) => errorsOf(couponChoices(req));
// New York: 31 December 2026 ends at 05:00 UTC on 1 January.
const END_NY = '2027-01-01T05:00:00.000Z';

describe('each choice', () => {
  it('gives the coupon id, the credit on this order, the instant the coupon expires, its terms and its quote', () => {
    expect(couponChoices(request([coupon('c1', { type: 'percent', percent: '10' })]))).toEqual({
      ok: true,
      value: {
        prompt: 'offer',
        choices: [
          { couponId: 'c1', couponCredit: '5.00', expiresAt: END_NY, terms: { type: 'percent', percent: '10' }, quote: expect.any(Function) as unknown },
        ],
      },
    });
  });

  it('computes the credit as the quote does: capped, limited by item type, rounded as the order says', () => {
    const r = couponChoices(
      request([
        coupon('cap', { type: 'percent', percent: '50', maxDiscount: '4.00' }),
        coupon('parts', { type: 'percent', percent: '20', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } }),
        coupon('whole', { type: 'fixed', amount: '80.00' }),
      ]),
    );
    expect(unwrap(r).choices.map((c) => `${c.couponId}:${c.couponCredit}`)).toEqual(['whole:50.00', 'cap:4.00', 'parts:4.00']);
    // 10% of 0.25 is 0.025: half-up gives 0.03, half-even 0.02.
    const small = { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.25', quantity: 1 }], newOrder: true, hasCoupon: false };
    const ten = [coupon('c1', { type: 'percent', percent: '10' })];
    expect(couponChoices(request(ten, { order: small }))).toMatchObject({ ok: true, value: { choices: [{ couponCredit: '0.03' }] } });
    expect(couponChoices(request(ten, { order: { ...small, rounding: 'half-even' } }))).toMatchObject({
      ok: true,
      value: { choices: [{ couponCredit: '0.02' }] },
    });
  });

  it('uses the terms and the expiry as they stand after edits and extensions', () => {
    const edited = coupon(
      'c1',
      { type: 'fixed', amount: '1.00' },
      {
        events: [
          { type: 'edited', at: '2026-11-20T00:00:00Z', terms: { type: 'fixed', amount: '7.00' } },
          { type: 'extended', at: '2026-11-21T00:00:00Z', expires: '2027-01-31', incidents: ['inc-1'] },
        ],
      },
    );
    expect(couponChoices(request([edited]))).toEqual({
      ok: true,
      value: {
        prompt: 'offer',
        choices: [
          {
            couponId: 'c1',
            couponCredit: '7.00',
            expiresAt: '2027-02-01T05:00:00.000Z',
            terms: { type: 'fixed', amount: '7.00' },
            quote: expect.any(Function) as unknown,
          },
        ],
      },
    });
  });

  it('quotes in the order currency: JPY has no decimals', () => {
    const jpy = { currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '1000', quantity: 1 }], newOrder: true, hasCoupon: false };
    const r = couponChoices(request([coupon('c1', { type: 'fixed', amount: '150' }), coupon('c2', { type: 'percent', percent: '20' })], { order: jpy }));
    expect(unwrap(r).choices.map((c) => `${c.couponId}:${c.couponCredit}`)).toEqual(['c2:200', 'c1:150']);
    expect(codePathsOf(couponChoices(request([coupon('c1', { type: 'fixed', amount: '1.50' })], { order: jpy })))).toEqual([
      'TOO_MANY_DECIMALS@coupons.0.terms.amount',
    ]);
  });
});

describe('which coupons count', () => {
  it('counts a coupon until the first instant of its expiry', () => {
    const c = [coupon('c1', { type: 'fixed', amount: '1.00' })];
    expect(ranked(request(c, { at: '2027-01-01T04:59:59.999Z' }))).toEqual(['c1']);
    expect(ranked(request(c, { at: '2027-01-01T05:00:00Z' }))).toEqual([]);
  });

  it('ignores events after the instant of the checkout', () => {
    const c = [coupon('c1', { type: 'fixed', amount: '1.00' }, { events: [{ type: 'declined', at: '2026-12-01T10:00:00.001Z' }] })];
    expect(ranked(request(c))).toEqual(['c1']);
    expect(ranked(request(c, { at: '2026-12-01T10:00:00.001Z' }))).toEqual([]);
  });

  it('does not quote the terms of coupons that do not count', () => {
    // 1.505 does not fit USD, but these coupons are of another store, another buyer or expired.
    const bad = { type: 'fixed', amount: '1.505' } as const;
    const r = couponChoices(
      request([
        coupon('s2', bad, { seller: 's2' }),
        coupon('b2', bad, { recipient: 'b2' }),
        coupon('old', bad, { expires: '2026-11-30' }),
        coupon('ok', { type: 'fixed', amount: '1.00' }),
      ]),
    );
    expect(r).toMatchObject({ ok: true, value: { prompt: 'offer', choices: [{ couponId: 'ok', couponCredit: '1.00', expiresAt: END_NY }] } });
    expect(unwrap(r).choices).toHaveLength(1);
  });

  it('gives no prompt for an addition to an existing order or an order that has a coupon, whatever coupons exist', () => {
    const two = [coupon('c1', { type: 'fixed', amount: '1.00' }), coupon('c2', { type: 'fixed', amount: '2.00' })];
    expect(couponChoices(request(two, { order: { ...order, newOrder: false } }))).toEqual({ ok: true, value: { prompt: 'none', choices: [] } });
    expect(couponChoices(request(two, { order: { ...order, hasCoupon: true } }))).toEqual({ ok: true, value: { prompt: 'none', choices: [] } });
    expect(couponChoices(request(two))).toMatchObject({ ok: true, value: { prompt: 'choose' } });
  });
});

describe('the ranking', () => {
  it('puts the largest credit first, comparing amounts, not strings', () => {
    const c = [coupon('a', { type: 'fixed', amount: '9.00' }), coupon('b', { type: 'fixed', amount: '10.00' }), coupon('c', { type: 'fixed', amount: '0.50' })];
    expect(ranked(request(c))).toEqual(['b', 'a', 'c']);
    expect(ranked(request([...c].reverse()))).toEqual(['b', 'a', 'c']);
  });

  it('breaks a tie in credit by the earliest expiry instant, then by id', () => {
    const five = { type: 'fixed', amount: '5.00' } as const;
    const c = [coupon('a', five, { expires: '2027-01-10' }), coupon('b', five, { expires: '2026-12-20' }), coupon('c', five, { expires: '2026-12-20' })];
    expect(ranked(request(c))).toEqual(['b', 'c', 'a']);
    expect(ranked(request([...c].reverse()))).toEqual(['b', 'c', 'a']);
  });

  it('compares expiry as instants: the same date ends earlier in Tokyo than in New York', () => {
    const five = { type: 'fixed', amount: '5.00' } as const;
    const c = [coupon('a-ny', five), coupon('z-tokyo', five, { timeZone: 'Asia/Tokyo' })];
    expect(ranked(request(c))).toEqual(['z-tokyo', 'a-ny']);
  });

  it('compares ids by UTF-16 code units', () => {
    const five = { type: 'fixed', amount: '5.00' } as const;
    const ids = ['b', 'a9', 'B', 'a10', 'é', 'z'];
    expect(ranked(request(ids.map((id) => coupon(id, five))))).toEqual(['B', 'a10', 'a9', 'b', 'z', 'é']);
  });
});

describe('problems in a checkout request', () => {
  it('requires the instant, the store, the buyer, the order and the coupons', () => {
    const r = couponChoices({} as CouponChoicesRequest);
    const at = (path: string) => errorsOf(r).filter((e) => e.path === path);
    for (const path of ['at', 'store', 'buyer', 'order', 'coupons']) expect(at(path)).toEqual([err('REQUIRED', path, `"${path}" is required`)]);
    expect(couponChoices(null as unknown as CouponChoicesRequest)).toEqual({ ok: false, errors: [err('INVALID_TYPE', '', 'expected an object, got null')] });
  });

  it('checks the order, reporting the quote problems under "order"', () => {
    expect(choiceErrors(request([], { store: '', buyer: 3, order: { currency: 'XYZ', lines: [], rounding: 'ceiling', newOrder: 'yes' } }))).toEqual([
      err('EMPTY_STRING', 'store', 'must not be empty'),
      err('INVALID_TYPE', 'buyer', 'expected a string, got number 3'),
      err('INVALID_TYPE', 'order.newOrder', 'expected true or false, got the string "yes"'),
      err('REQUIRED', 'order.hasCoupon', '"hasCoupon" is required'),
      err('UNKNOWN_CURRENCY', 'order.currency', '"XYZ" is not an active ISO 4217 currency code'),
      err('INVALID_ROUNDING', 'order.rounding', '"rounding" is "half-up" (the default), "half-even", "half-down", "down" or "up"'),
      err('EMPTY_LINES', 'order.lines', 'an order has at least one line'),
    ]);
    expect(choiceErrors(request([], { order: [] }))).toEqual([err('INVALID_TYPE', 'order', 'expected an object, got an array')]);
    const { newOrder: _n, ...withoutNewOrder } = order;
    expect(choiceErrors(request([], { order: { ...withoutNewOrder, hasCoupon: 'no' } }))).toEqual([
      err('REQUIRED', 'order.newOrder', '"newOrder" is required'),
      err('INVALID_TYPE', 'order.hasCoupon', 'expected true or false, got the string "no"'),
    ]);
  });

  it('reports an unknown order field once, even one a quote request would know', () => {
    expect(choiceErrors(request([], { order: { ...order, colour: 'red', coupon: { type: 'fixed', amount: '1.00' } } }))).toEqual([
      err('UNKNOWN_FIELD', 'order.colour', 'unknown field "colour"'),
      err('UNKNOWN_FIELD', 'order.coupon', 'unknown field "coupon"'),
    ]);
  });

  it('reports a bad order without quoting the coupons', () => {
    const c = [coupon('c1', { type: 'fixed', amount: '1.00' })];
    expect(choiceErrors(request(c, { order: { ...order, currency: 'XYZ' } }))).toEqual([
      err('UNKNOWN_CURRENCY', 'order.currency', '"XYZ" is not an active ISO 4217 currency code'),
    ]);
  });

  it('reports a bad instant without folding the coupons', () => {
    const twice = coupon(
      'c1',
      { type: 'fixed', amount: '1.00' },
      {
        events: [
          { type: 'declined', at: '2026-11-01T00:00:00Z' },
          { type: 'declined', at: '2026-11-02T00:00:00Z' },
        ],
      },
    );
    expect(choiceErrors(request([twice], { at: '2026-12-01' }))).toEqual([
      err('INVALID_INSTANT', 'at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "2026-12-01"'),
    ]);
    expect(codePathsOf(couponChoices(request([twice])))).toEqual(['COUPON_DECLINED@coupons.0.events.1']);
  });

  it('checks every coupon record, at its index', () => {
    expect(
      choiceErrors(
        request([
          null,
          [],
          { ...base, id: 'c3', terms: { type: 'fixed', amount: '1.00' }, events: undefined },
          { ...coupon('c4', { type: 'fixed', amount: '1.00' }), events: 'none' },
        ]),
      ),
    ).toEqual([
      err('INVALID_TYPE', 'coupons.0', 'expected an object, got null'),
      err('INVALID_TYPE', 'coupons.1', 'expected an object, got an array'),
      err('REQUIRED', 'coupons.2.events', '"events" is required'),
      err('INVALID_TYPE', 'coupons.3.events', 'expected an array, got the string "none"'),
    ]);
    expect(choiceErrors(request(['c1', 7]))).toEqual([
      err('INVALID_TYPE', 'coupons.0', 'expected an object, got the string "c1"'),
      err('INVALID_TYPE', 'coupons.1', 'expected an object, got number 7'),
    ]);
    expect(choiceErrors(request([], { coupons: {} }))).toEqual([err('INVALID_TYPE', 'coupons', 'expected an array, got an object')]);
    expect(choiceErrors(request([{ ...coupon('c1', { type: 'fixed', amount: '1.00' }), extra: 1 }]))).toEqual([
      err('UNKNOWN_FIELD', 'coupons.0.extra', 'unknown field "extra"'),
    ]);
  });

  it('does not fold the events of a coupon record with a malformed field', () => {
    // The remedies are malformed: the (well-formed) events are not checked against the rules.
    const declinedTwice = [
      { type: 'declined', at: '2026-11-01T00:00:00Z' },
      { type: 'declined', at: '2026-11-02T00:00:00Z' },
    ];
    expect(choiceErrors(request([{ ...coupon('c1', { type: 'fixed', amount: '1.00' }), remedies: [''], events: declinedTwice }]))).toEqual([
      err('EMPTY_STRING', 'coupons.0.remedies.0', 'must not be empty'),
    ]);
  });

  it('does not fold the events of a coupon record with a bad field, whichever field it is', () => {
    const declinedTwice = [
      { type: 'declined', at: '2026-11-01T00:00:00Z' },
      { type: 'declined', at: '2026-11-02T00:00:00Z' },
    ];
    const good = { ...coupon('c1', { type: 'fixed', amount: '1.00' }), events: declinedTwice };
    expect(codePathsOf(couponChoices(request([good])))).toEqual(['COUPON_DECLINED@coupons.0.events.1']);
    expect(choiceErrors(request([{ ...good, id: '' }]))).toEqual([err('EMPTY_STRING', 'coupons.0.id', 'must not be empty')]);
    expect(choiceErrors(request([{ ...good, seller: '' }]))).toEqual([err('EMPTY_STRING', 'coupons.0.seller', 'must not be empty')]);
    expect(choiceErrors(request([{ ...good, recipient: '' }]))).toEqual([err('EMPTY_STRING', 'coupons.0.recipient', 'must not be empty')]);
    expect(choiceErrors(request([{ ...good, expires: '2026-02-30' }]))).toEqual([
      err('INVALID_DATE', 'coupons.0.expires', 'expected a calendar date "YYYY-MM-DD", got the string "2026-02-30"'),
    ]);
    expect(choiceErrors(request([{ ...good, timeZone: 'Nowhere' }]))).toEqual([
      err('INVALID_TIME_ZONE', 'coupons.0.timeZone', 'expected an IANA time zone such as "Europe/Berlin", got the string "Nowhere"'),
    ]);
    expect(choiceErrors(request([{ ...good, terms: { type: 'fixed' } }]))).toEqual([err('REQUIRED', 'coupons.0.terms.amount', '"amount" is required')]);
  });

  it('does not fold the events of a coupon record when one of them is malformed', () => {
    const events = [
      { type: 'declined', at: '2026-11-01T00:00:00Z' },
      { type: 'declined', at: '2026-11-02T00:00:00Z' },
      { type: 'deleted', at: 'soon' },
    ];
    expect(choiceErrors(request([coupon('c1', { type: 'fixed', amount: '1.00' }, { events: events as CouponRecord['events'] })]))).toEqual([
      err('INVALID_INSTANT', 'coupons.0.events.2.at', 'expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got the string "soon"'),
    ]);
  });

  it('reports missing coupons once', () => {
    const { coupons: _c, ...withoutCoupons } = request([]);
    expect(couponChoices(withoutCoupons as CouponChoicesRequest)).toEqual({ ok: false, errors: [err('REQUIRED', 'coupons', '"coupons" is required')] });
  });

  it('refuses a coupon id used twice, quoting at most 40 characters of it', () => {
    const long = 'x'.repeat(50);
    const one = { type: 'fixed', amount: '1.00' } as const;
    expect(choiceErrors(request([coupon('c1', one), coupon('c2', one), coupon('c1', one), coupon(long, one), coupon(long, one)]))).toEqual([
      err('DUPLICATE_COUPON_ID', 'coupons.2.id', 'coupon id "c1" is used twice'),
      err('DUPLICATE_COUPON_ID', 'coupons.4.id', `coupon id "${'x'.repeat(40)}" is used twice`),
    ]);
  });
});

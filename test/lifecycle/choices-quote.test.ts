import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerWireRequest,
  type CheckoutOrder,
  couponChoices,
  type CouponChoicesRequest,
  type CouponRecord,
  type CouponTerms,
  findCurrency,
  quoteCoupon,
  validateCouponTerms,
} from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import { couponTermsArb, wireRequestArb } from '../../src/testing/index.js';
import { unwrap } from '../helpers.js';

// docs/lifecycle.md, "The checkout choice": each choice carries the coupon's current terms (its edits applied,
// canonical for the order's currency) and quote(), the quote of this order with them, computed when called.

const base = { seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'America/New_York', events: [] } as const;
const coupon = (id: string, terms: CouponTerms, extra: Partial<CouponRecord> = {}): CouponRecord => ({ ...base, id, terms, ...extra });
const order: CheckoutOrder = {
  currency: 'USD',
  lines: [
    { id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 },
    { id: 'L2', itemType: 'Set', unitPrice: '30.00', quantity: 1, batch: 2 },
  ],
  newOrder: true,
  hasCoupon: false,
};
const request = (coupons: readonly CouponRecord[], change: Partial<CouponChoicesRequest> = {}): CouponChoicesRequest => ({
  at: '2026-12-01T10:00:00Z',
  store: 's1',
  buyer: 'b1',
  order,
  coupons,
  ...change,
});

describe('the terms of each choice', () => {
  it('are the terms as they stand at the checkout: an edit before it applies, one after it does not', () => {
    const edited = coupon(
      'c1',
      { type: 'fixed', amount: '1.00' },
      {
        events: [
          { type: 'edited', at: '2026-11-20T00:00:00Z', terms: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } } },
          { type: 'edited', at: '2026-12-02T00:00:00Z', terms: { type: 'fixed', amount: '9.00' } },
        ],
      },
    );
    const [choice] = unwrap(couponChoices(request([edited]))).choices;
    expect(choice?.terms).toEqual({ type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } });
    expect(choice?.couponCredit).toBe('2.00');
  });

  it('are canonical for the order currency, as validateCouponTerms gives them', () => {
    const loose: CouponTerms = { type: 'percent', percent: '10.50', maxDiscount: '4', tiers: [{ minTotal: '0', percent: '0' }], excludeSaleItems: false };
    const [choice] = unwrap(couponChoices(request([coupon('c1', loose)]))).choices;
    expect(choice?.terms).toEqual({ type: 'percent', percent: '10.5', maxDiscount: '4.00' });
    expect(choice?.terms).toEqual(unwrap(validateCouponTerms(loose, 'USD')));
    const jpy = { ...order, currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '1000', quantity: 1 }] };
    const [yen] = unwrap(couponChoices(request([coupon('c1', { type: 'fixed', amount: '150' })], { order: jpy }))).choices;
    expect(yen?.terms).toEqual({ type: 'fixed', amount: '150' });
  });
});

describe('the quote of each choice', () => {
  it('is the quote of this order with the choice terms, its credit the choice credit, and the same object on every call', () => {
    const { choices } = unwrap(
      couponChoices(request([coupon('c1', { type: 'percent', percent: '10', maxDiscount: '4.00' }), coupon('c2', { type: 'fixed', amount: '2.50' })])),
    );
    expect(choices.map((c) => c.couponId)).toEqual(['c1', 'c2']);
    for (const c of choices) {
      const q = c.quote();
      expect(q).toEqual(unwrap(quoteCoupon({ currency: 'USD', lines: order.lines, coupon: c.terms })));
      expect(q.couponCredit).toBe(c.couponCredit);
      expect(c.quote()).toBe(q);
    }
    // 10% of 50.00 is 5.00, capped at 4.00: batch 1 alone gives 2.00, batch 2 adds 2.00.
    expect(choices[0]?.quote()).toMatchObject({
      couponCredit: '4.00',
      capped: true,
      grandTotal: '46.00',
      batches: [
        { batch: 1, subtotal: '20.00', feeBasis: '20.00', couponCredit: '2.00' },
        { batch: 2, subtotal: '30.00', feeBasis: '30.00', couponCredit: '2.00' },
      ],
    });
  });

  it('rounds as the order says', () => {
    const small = { ...order, rounding: 'half-even' as const, lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.25', quantity: 1 }] };
    const [choice] = unwrap(couponChoices(request([coupon('c1', { type: 'percent', percent: '10' })], { order: small }))).choices;
    expect(choice?.couponCredit).toBe('0.02');
    expect(choice?.quote().couponCredit).toBe('0.02');
  });
});

describe('the wire answer of coupon-choices', () => {
  it('gives each choice its terms, and no quote', () => {
    const answer = answerWireRequest({ op: 'coupon-choices', ...request([coupon('c1', { type: 'percent', percent: '10.0' })]) });
    expect(answer).toEqual({
      ok: true,
      result: {
        prompt: 'offer',
        choices: [{ couponId: 'c1', couponCredit: '5.00', expiresAt: '2027-01-01T05:00:00.000Z', terms: { type: 'percent', percent: '10' } }],
      },
    });
    if (!answer.ok) return;
    const [wired] = (answer.result as { choices: object[] }).choices;
    expect(Object.keys(wired ?? {})).toEqual(['couponId', 'couponCredit', 'expiresAt', 'terms']);
  });
});

// Generated checkouts (the conformance generator's valid coupon-choices requests), each coupon given now and then an
// edit of its terms before everything else in its history, so that its current terms differ from those it was issued with.
const checkoutArb = wireRequestArb('coupon-choices', { refusals: 0 }).chain((generated) => {
  const { op: _op, ...req } = generated as unknown as CouponChoicesRequest & { op: string };
  const mu = findCurrency(req.order.currency)?.minorUnits ?? 2;
  return fc.array(fc.option(couponTermsArb(mu), { nil: undefined }), { minLength: req.coupons.length, maxLength: req.coupons.length }).map((edits) => ({
    req: {
      ...req,
      coupons: req.coupons.map((c, i) => {
        const terms = edits[i];
        // Before every generated event (they start at 2026-11-30T00:00Z), while the coupon is open and unexpired.
        return terms === undefined ? c : { ...c, events: [{ type: 'edited' as const, at: '2026-11-29T00:00:00Z', terms }, ...c.events] };
      }),
    },
    edits,
  }));
});

describe('choices of generated checkouts', () => {
  it('carry the current terms, and a quote whose credit is the choice credit, the same as quoteCoupon gives with those terms', () => {
    let quoted = 0;
    fc.assert(
      fc.property(checkoutArb, ({ req, edits }) => {
        const r = couponChoices(req);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const c of r.value.choices) {
          const i = req.coupons.findIndex((x) => x.id === c.couponId);
          const issued = req.coupons[i]?.terms;
          expect(c.terms).toEqual(unwrap(validateCouponTerms(edits[i] ?? issued, req.order.currency)));
          const q = c.quote();
          expect(q.couponCredit).toBe(c.couponCredit);
          const { currency, rounding, lines } = req.order;
          expect(q).toEqual(unwrap(quoteCoupon({ currency, lines, coupon: c.terms, ...(rounding === undefined ? {} : { rounding }) })));
          expect(c.quote()).toBe(q);
          quoted++;
        }
        // The wire answer: the same choices, with their terms and without quote, as its schema says.
        const answer = answerWireRequest({ op: 'coupon-choices', ...req });
        expect(WIRE_OPS['coupon-choices'].answer.safeParse(answer).success).toBe(true);
        expect(answer).toEqual({ ok: true, result: JSON.parse(JSON.stringify(r.value)) as unknown });
      }),
      { numRuns: 200 },
    );
    expect(quoted).toBeGreaterThan(20); // the property saw choices, not only empty prompts (about 40 per 100 runs)
  });
});

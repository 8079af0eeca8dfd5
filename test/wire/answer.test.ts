import { describe, expect, it } from 'vitest';
import { answerWireLine, answerWireRequest, type QuoteRequest, quoteCoupon } from '../../src/index.js';

// docs/wire-format.md, "Answers": every request gets one answer, { ok: true, result } or
// { ok: false, errors }, with errors for a request that is not an object, a missing op and an unknown op.

const OPS = 'quote, coupon-issue-check, coupon-state, coupon-choices, dispute-state, outage-plan';

describe('wire answers: requests that name no known op', () => {
  it('a request that is not a JSON object is INVALID_TYPE at the request itself', () => {
    for (const request of [null, [], [{ op: 'quote' }], 'quote', 7, true]) {
      expect(answerWireRequest(request)).toEqual({
        ok: false,
        errors: [{ code: 'INVALID_TYPE', path: '', message: 'a request is a JSON object with an "op"' }],
      });
    }
  });

  it('a missing op is REQUIRED at "op", and the message lists the known ops', () => {
    expect(answerWireRequest({ currency: 'USD' })).toEqual({
      ok: false,
      errors: [{ code: 'REQUIRED', path: 'op', message: `"op" is required: one of ${OPS}` }],
    });
  });

  it("an op inherited rather than the request's own is missing", () => {
    expect(answerWireRequest(Object.create({ op: 'quote' }) as unknown)).toEqual({
      ok: false,
      errors: [{ code: 'REQUIRED', path: 'op', message: `"op" is required: one of ${OPS}` }],
    });
  });

  it('an unknown op is UNKNOWN_OP at "op", and the message lists the known ops', () => {
    for (const op of ['refund', 'Quote', null, 1]) {
      expect(answerWireRequest({ op })).toEqual({ ok: false, errors: [{ code: 'UNKNOWN_OP', path: 'op', message: `unknown op; known ops: ${OPS}` }] });
    }
  });
});

describe('wire answers: op "quote"', () => {
  const request: QuoteRequest = {
    currency: 'USD',
    lines: [
      { id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 },
      { id: 'L2', itemType: 'Set', unitPrice: '10.00', quantity: 1, onSale: true, batch: 2 },
    ],
    coupon: { type: 'percent', percent: '5', maxDiscount: '20.00', excludeSaleItems: true },
    sellerCredit: '1.00',
    charges: { shipping: '3.50' },
  };

  it('answers the TypeScript quote without its explanation', () => {
    expect(answerWireRequest({ op: 'quote', ...request })).toEqual({
      ok: true,
      result: {
        subtotal: '15.00',
        eligibleTotal: '5.00',
        appliedPercent: '5',
        couponCredit: '0.25',
        capped: false,
        sellerCredit: '1.00',
        totalCredit: '1.25',
        grandTotal: '17.25',
        feeBasis: '15.00',
        lines: [
          { id: 'L1', lineTotal: '5.00', eligible: true, couponCredit: '0.25', net: '4.75' },
          { id: 'L2', lineTotal: '10.00', eligible: false, couponCredit: '0.00', net: '10.00' },
        ],
        batches: [
          { batch: 1, subtotal: '5.00', feeBasis: '5.00', couponCredit: '0.25' },
          { batch: 2, subtotal: '10.00', feeBasis: '10.00', couponCredit: '0.00' },
        ],
      },
    });
    const ts = quoteCoupon(request);
    expect(ts.ok && Object.keys(ts.value)).toContain('explain');
  });

  it("answers the request's errors, and a credit above the order total", () => {
    expect(answerWireRequest({ op: 'quote', currency: 'USD', lines: [], colour: 'red' })).toEqual({
      ok: false,
      errors: [
        { code: 'UNKNOWN_FIELD', path: 'colour', message: 'unknown field "colour"' },
        { code: 'EMPTY_LINES', path: 'lines', message: 'an order has at least one line' },
      ],
    });
    expect(answerWireRequest({ op: 'quote', currency: 'USD', lines: [{ id: 'a', itemType: 'Set', unitPrice: '1', quantity: 1 }], sellerCredit: '2' })).toEqual({
      ok: false,
      errors: [
        {
          code: 'CREDIT_EXCEEDS_TOTAL',
          path: 'sellerCredit',
          message: 'the total credit 2.00 (coupon 0.00 + seller 2.00) is more than the subtotal plus charges, 1.00',
        },
      ],
    });
  });
});

describe('wire answers: op "coupon-state" reports each missing or malformed field at its own path', () => {
  it('missing fields', () => {
    expect(answerWireRequest({ op: 'coupon-state' })).toEqual({
      ok: false,
      errors: [
        { code: 'REQUIRED', path: 'coupon', message: '"coupon" is required' },
        { code: 'REQUIRED', path: 'events', message: '"events" is required' },
        { code: 'REQUIRED', path: 'at', message: '"at" is required' },
      ],
    });
  });

  it('fields of the wrong type, and fields the op does not have', () => {
    const answer = answerWireRequest({ op: 'coupon-state', coupon: 1, events: 2, at: 3, terms: {} });
    expect(answer.ok ? [] : answer.errors.map((e) => `${e.code}@${e.path}`)).toEqual([
      'UNKNOWN_FIELD@terms',
      'INVALID_TYPE@coupon',
      'INVALID_TYPE@events',
      'INVALID_INSTANT@at',
    ]);
  });
});

describe('wire answers: op "dispute-state"', () => {
  const request = {
    op: 'dispute-state',
    order: {
      quote: {
        op: 'quote',
        currency: 'USD',
        lines: [{ id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 }],
        coupon: { type: 'percent', percent: '10' },
      },
      shippedAt: '2026-11-20T09:00:00Z',
      receiptConfirmedAt: '2026-11-28T18:00:00Z',
      expectedDeliveryBy: '2026-12-05',
    },
    events: [{ type: 'opened', at: '2026-12-01T10:00:00Z', reason: 'DAMAGED', amount: '12.00', evidence: ['photo-1'] }],
    at: '2026-12-01T12:00:00Z',
  };

  it('answers a buyer deadline never set as null', () => {
    const answer = answerWireRequest(request);
    expect(answer).toMatchObject({
      ok: true,
      result: { status: 'awaiting-seller', refund: null, outcome: null, requested: '12.00', refundable: '27.00', overdue: false },
    });
    const deadlines = answer.ok ? (answer.result as { deadlines: Record<string, unknown> }).deadlines : {};
    expect(deadlines.buyer).toBeNull();
    expect(typeof deadlines.seller).toBe('string');
    expect(typeof deadlines.ruling).toBe('string');
  });

  it('reports missing fields, fields it does not have, and a policy that is not an object', () => {
    expect(answerWireRequest({ op: 'dispute-state' })).toEqual({
      ok: false,
      errors: [
        { code: 'REQUIRED', path: 'order', message: '"order" is required' },
        { code: 'REQUIRED', path: 'events', message: '"events" is required' },
        { code: 'REQUIRED', path: 'at', message: '"at" is required' },
      ],
    });
    const answer = answerWireRequest({ ...request, policy: 5, coupon: {} });
    expect(answer.ok ? [] : answer.errors.map((e) => `${e.code}@${e.path}`)).toEqual(['UNKNOWN_FIELD@coupon', 'INVALID_TYPE@policy']);
  });
});

describe('wire answers: the other ops are dispatched to their readers', () => {
  it('coupon-issue-check, coupon-choices and outage-plan report their own required fields', () => {
    const paths = (request: unknown) => {
      const a = answerWireRequest(request);
      return a.ok ? [] : [...new Set(a.errors.filter((e) => e.code === 'REQUIRED').map((e) => e.path))];
    };
    expect(paths({ op: 'coupon-issue-check' })).toEqual(['at', 'timeZone', 'seller', 'recipient', 'stoplisted']);
    expect(paths({ op: 'coupon-choices' })).toEqual(['at', 'store', 'buyer', 'order', 'coupons']);
    expect(paths({ op: 'outage-plan' })).toEqual(['at', 'incidents', 'coupons']);
  });
});

describe('wire lines', () => {
  it('answers a line with the JSON text of the answer to its request', () => {
    expect(JSON.parse(answerWireLine('{"op":"nope"}'))).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_OP', path: 'op', message: `unknown op; known ops: ${OPS}` }],
    });
    expect(
      answerWireLine(
        '{"op":"quote","currency":"JPY","lines":[{"id":"a","itemType":"Set","unitPrice":"1000","quantity":2}],"coupon":{"type":"fixed","amount":"500"}}',
      ),
    ).toBe(
      '{"ok":true,"result":{"subtotal":"2000","eligibleTotal":"2000","appliedPercent":null,"couponCredit":"500","capped":false,"sellerCredit":"0","totalCredit":"500","grandTotal":"1500","feeBasis":"2000",' +
        '"lines":[{"id":"a","lineTotal":"2000","eligible":true,"couponCredit":"500","net":"1500"}],"batches":[{"batch":1,"subtotal":"2000","feeBasis":"2000","couponCredit":"500"}]}}',
    );
  });

  it("answers text that is not JSON, a blank line included, with INVALID_JSON and the parser's reason", () => {
    for (const text of ['', '{"op":', 'quote', '{"op":"quote"} x']) {
      let reason = '';
      try {
        JSON.parse(text);
      } catch (e) {
        reason = (e as Error).message;
      }
      expect(JSON.parse(answerWireLine(text))).toEqual({ ok: false, errors: [{ code: 'INVALID_JSON', path: '', message: `not a JSON value: ${reason}` }] });
    }
  });

  it('answers INVALID_JSON, with a reason of at most 200 characters, even for a "line" whose text cannot be read', () => {
    // Only a JavaScript caller can pass something that is not a string; the answer is still one JSON object.
    const throwsError = {
      toString: () => {
        throw new Error('e'.repeat(300));
      },
    } as unknown as string;
    expect(JSON.parse(answerWireLine(throwsError))).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_JSON', path: '', message: `not a JSON value: ${'e'.repeat(200)}` }],
    });
    const throwsOther = {
      toString: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a thrown non-Error is the case under test
        throw 'no text';
      },
    } as unknown as string;
    expect(JSON.parse(answerWireLine(throwsOther))).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_JSON', path: '', message: 'not a JSON value: unparseable' }],
    });
  });
});

describe('wire answers: JSON numbers where amounts are expected', () => {
  it('a whole number is NOT_AN_AMOUNT and one with a fraction FLOAT_AMOUNT, as docs/wire-format.md says', () => {
    const answer = answerWireLine(
      '{"op":"quote","currency":"USD","lines":[{"id":"a","itemType":"Set","unitPrice":12,"quantity":1},{"id":"b","itemType":"Set","unitPrice":12.5,"quantity":1}]}',
    );
    expect(JSON.parse(answer)).toEqual({
      ok: false,
      errors: [
        { code: 'NOT_AN_AMOUNT', path: 'lines.0.unitPrice', message: 'amounts are decimal strings: write "12", not the number 12' },
        { code: 'FLOAT_AMOUNT', path: 'lines.1.unitPrice', message: 'the binary float 12.5 is not an exact amount: pass a decimal string such as "12.50"' },
      ],
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WIRE_OPS_LIST } from '../../src/contract/index.js';
import { answerWireRequest, CouponRulesError, RULE_ERROR_CODES, type RuleErrorCode, type WireAnswer } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import { HOUR, T0 } from '../../src/testing/arbitraries/shared.js';
import { refusalArb, taggedRefusalArb, WIRE_REQUEST_OPS, wireRequestArb, type WireRequestOp } from '../../src/testing/requests.js';

// Issue 17, section 1: the generated requests of every op hold refusals — a quarter by default — spread over the op's
// error codes, shape mistakes and broken rules alike, so that a candidate that gets error codes wrong is caught within
// a few hundred runs. Every sample has a fixed seed, so that the measures below are exact and the bounds mean something.

type Request = Readonly<Record<string, unknown>>;
const SEED = 42;
const json = (r: Request): unknown => JSON.parse(JSON.stringify(r)) as unknown;
const codesOf = (a: WireAnswer): RuleErrorCode[] => (a.ok ? [] : [...new Set(a.errors.map((e) => e.code))].sort());

/** The share of refusals among `requests`, and the distinct codes they carry (every request is answered, none throws). */
function measure(requests: readonly Request[]): { readonly share: number; readonly codes: readonly string[]; readonly answers: readonly WireAnswer[] } {
  const answers = requests.map((r) => answerWireRequest(r));
  const refused = answers.filter((a) => !a.ok);
  return { share: refused.length / requests.length, codes: [...new Set(refused.flatMap(codesOf))].sort(), answers };
}

/**
 * Fewest distinct codes among the refusals of 400 requests (seed 42). Measured: quote 23, coupon-issue-check 7 (of
 * the 8 it can give), coupon-state 32, coupon-choices 30, dispute-state 41, outage-plan 38; the bounds leave room for
 * small changes of the generators (a new rounding mode shifts the quote samples) without letting the spread collapse.
 */
const MIN_CODES: { readonly [Op in WireRequestOp]: number } = {
  quote: 20,
  'coupon-issue-check': 7,
  'coupon-state': 27,
  'coupon-choices': 25,
  'dispute-state': 34,
  'outage-plan': 32,
};

/** The codes the refusals of each op reach (1,500 refusals, seed 42): every code its reader and rules can give on the wire. */
const SHAPE_CODES = ['INVALID_TYPE', 'REQUIRED', 'UNKNOWN_FIELD', 'EMPTY_STRING'] as const;
const AMOUNT_CODES = [
  'AMOUNT_OUT_OF_RANGE',
  'EXPONENT_NOTATION',
  'FLOAT_AMOUNT',
  'INVALID_AMOUNT',
  'NON_FINITE_AMOUNT',
  'NOT_AN_AMOUNT',
  'SIGN_NOT_ALLOWED',
] as const;
const TERMS_CODES = [
  'AMOUNT_NOT_POSITIVE',
  'EMPTY_ITEM_TYPES',
  'INVALID_COUPON_TYPE',
  'INVALID_ENUM',
  'INVALID_PERCENT',
  'TIERS_NOT_INCREASING',
  'TIER_BELOW_BASE_PERCENT',
  'TIER_MIN_TOTAL_NOT_POSITIVE',
  'TIER_PERCENT_DECREASING',
  'TOO_MANY_DECIMALS',
] as const;
const TIME_CODES = ['INVALID_DATE', 'INVALID_INSTANT', 'INVALID_TIME_ZONE', 'SUB_MILLISECOND_INSTANT'] as const;
const HISTORY_CODES = [
  'COUPON_DECLINED',
  'COUPON_DELETED',
  'COUPON_EXPIRED',
  'COUPON_REDEEMED',
  'EMPTY_EDIT',
  'EMPTY_INCIDENTS',
  'EVENTS_OUT_OF_ORDER',
  'EXPIRATION_IN_PAST',
  'EXPIRATION_SHORTENED',
  'EXPIRATION_TOO_FAR',
  'INVALID_EVENT_TYPE',
  'NOT_NEW_ORDER',
  'NOT_RECIPIENT',
  'ORDER_HAS_COUPON',
  'WRONG_STORE',
] as const;
const ORDER_CODES = ['DUPLICATE_LINE_ID', 'EMPTY_LINES', 'INVALID_QUANTITY', 'UNKNOWN_CURRENCY'] as const;
const REACHED: { readonly [Op in WireRequestOp]: readonly RuleErrorCode[] } = {
  quote: [
    ...SHAPE_CODES,
    ...AMOUNT_CODES,
    ...TERMS_CODES,
    ...ORDER_CODES,
    'WHITESPACE',
    'INVALID_BATCH',
    'INVALID_CHARGE_NAME',
    'INVALID_ROUNDING',
    'CREDIT_EXCEEDS_TOTAL',
  ],
  'coupon-issue-check': [...SHAPE_CODES, ...TIME_CODES],
  'coupon-state': [...SHAPE_CODES, ...AMOUNT_CODES, ...TERMS_CODES, ...TIME_CODES, ...HISTORY_CODES],
  'coupon-choices': [...SHAPE_CODES, ...AMOUNT_CODES, ...TERMS_CODES, ...TIME_CODES, ...HISTORY_CODES, ...ORDER_CODES, 'INVALID_BATCH', 'DUPLICATE_COUPON_ID'],
  'dispute-state': [
    ...SHAPE_CODES,
    ...AMOUNT_CODES,
    ...TERMS_CODES,
    ...TIME_CODES,
    ...ORDER_CODES,
    'CREDIT_EXCEEDS_TOTAL',
    'INVALID_CHARGE_NAME',
    'INVALID_EVENT_TYPE',
    'UNKNOWN_OP',
    'INVALID_POLICY',
    'ALREADY_OPENED',
    'NOT_OPENED',
    'EVENTS_OUT_OF_ORDER',
    'WINDOW_CLOSED',
    'EVIDENCE_REQUIRED',
    'NOT_SHIPPED',
    'RECEIPT_CONFIRMED',
    'RECEIPT_NOT_CONFIRMED',
    'NO_DELIVERY_DATE',
    'DELIVERED_ON_TIME',
    'DELIVERY_NOT_DUE',
    'AMOUNT_EXCEEDS_REFUNDABLE',
    'OFFER_NOT_BELOW_CLAIM',
    'REFUNDED_EXCEEDS_PAID',
    'DUPLICATE_LINE',
    'UNKNOWN_LINE',
    'LINE_QUANTITY_EXCEEDED',
    'DISPUTE_CLOSED',
    'DEADLINE_PASSED',
    'UNDER_REVIEW',
    'NOT_UNDER_REVIEW',
    'NO_OFFER',
    'SELLER_ALREADY_RESPONDED',
    'WRONG_TURN',
    'PROCESS_LIMIT_REACHED',
  ],
  'outage-plan': [
    ...SHAPE_CODES,
    ...AMOUNT_CODES,
    ...TERMS_CODES,
    ...TIME_CODES,
    ...HISTORY_CODES,
    'EMPTY_LINES',
    'INVALID_QUANTITY',
    'UNKNOWN_CURRENCY',
    'INVALID_POLICY',
    'DUPLICATE_COUPON_ID',
    'INVALID_INCIDENT',
    'DUPLICATE_INCIDENT_ID',
    'INCIDENT_AFTER_NOW',
    'ATTEMPT_AFTER_NOW',
    'UNKNOWN_COUPON',
  ],
};

/**
 * Codes common enough to be in the refusals of 300 requests for each of the seeds 1 to 5 (a candidate that gets one
 * of them wrong is caught by any such run). The first ones are those every op shares; the rest are the op's own.
 */
const COMMON: { readonly [Op in WireRequestOp]: readonly RuleErrorCode[] } = {
  quote: ['REQUIRED', 'UNKNOWN_FIELD', 'INVALID_TYPE', 'DUPLICATE_LINE_ID', 'CREDIT_EXCEEDS_TOTAL', 'UNKNOWN_CURRENCY', 'TOO_MANY_DECIMALS', 'INVALID_PERCENT'],
  'coupon-issue-check': ['REQUIRED', 'UNKNOWN_FIELD', 'INVALID_TYPE', 'INVALID_INSTANT', 'INVALID_DATE', 'INVALID_TIME_ZONE', 'EMPTY_STRING'],
  'coupon-state': ['REQUIRED', 'UNKNOWN_FIELD', 'INVALID_TYPE', 'COUPON_EXPIRED', 'COUPON_DECLINED', 'ORDER_HAS_COUPON', 'INVALID_DATE', 'INVALID_PERCENT'],
  'coupon-choices': ['REQUIRED', 'DUPLICATE_COUPON_ID', 'DUPLICATE_LINE_ID', 'TOO_MANY_DECIMALS', 'COUPON_EXPIRED', 'INVALID_INSTANT'],
  'dispute-state': ['REQUIRED', 'UNKNOWN_FIELD', 'NOT_OPENED', 'DUPLICATE_LINE_ID', 'AMOUNT_NOT_POSITIVE'],
  'outage-plan': [
    'REQUIRED',
    'UNKNOWN_FIELD',
    'UNKNOWN_COUPON',
    'DUPLICATE_COUPON_ID',
    'DUPLICATE_INCIDENT_ID',
    'INVALID_INCIDENT',
    'INCIDENT_AFTER_NOW',
    'ATTEMPT_AFTER_NOW',
    'COUPON_EXPIRED',
  ],
};

/** What a conformance run compares by default: a result as it is, a refusal by its set of codes. */
const compared = (a: WireAnswer): unknown => (a.ok ? a : { ok: false, errorCodes: codesOf(a) });
const sameAnswer = (expected: WireAnswer, actual: WireAnswer): boolean => JSON.stringify(compared(expected)) === JSON.stringify(compared(actual));
/** A candidate that answers like the library but writes `code` as `to` (every code, when `code` is undefined). */
const recoding =
  (code: RuleErrorCode | undefined, to: string) =>
  (a: WireAnswer): WireAnswer =>
    a.ok ? a : { ok: false, errors: a.errors.map((e) => (code === undefined || e.code === code ? { ...e, code: to as RuleErrorCode } : e)) };

describe('WIRE_REQUEST_OPS', () => {
  it('names the six ops of the contract, in its order', () => {
    expect(WIRE_REQUEST_OPS).toEqual([...WIRE_OPS_LIST]);
    expect(WIRE_REQUEST_OPS).toEqual(Object.keys(WIRE_OPS));
  });
});

describe.each(WIRE_REQUEST_OPS)('wireRequestArb(%s)', (op) => {
  const schema = WIRE_OPS[op].request;

  it('refuses about a quarter of 400 requests, over many codes; the others are answered and match the schema', () => {
    const requests = fc.sample(wireRequestArb(op), { numRuns: 400, seed: SEED });
    const { share, codes, answers } = measure(requests);
    for (const r of requests) expect(r.op).toBe(op);
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.4);
    expect(codes.length, codes.join(' ')).toBeGreaterThanOrEqual(MIN_CODES[op]);
    const answeredOffSchema = requests.filter((r, i) => answers[i]?.ok === true && !schema.safeParse(json(r)).success);
    expect(answeredOffSchema).toEqual([]);
  });

  it('the measure above tells the shares apart: none refused with refusals 0, all with refusals 1', () => {
    const none = measure(fc.sample(wireRequestArb(op, { refusals: 0 }), { numRuns: 200, seed: SEED }));
    expect(none).toMatchObject({ share: 0, codes: [] });
    const all = measure(fc.sample(wireRequestArb(op, { refusals: 1 }), { numRuns: 100, seed: SEED }));
    expect(all.share).toBe(1);
    expect(all.codes.length).toBeGreaterThan(MIN_CODES[op] / 2);
  });

  it('gives valid requests, with refusals 0, that match the schema', () => {
    for (const r of fc.sample(wireRequestArb(op, { refusals: 0 }), { numRuns: 200, seed: 7 })) {
      expect(schema.safeParse(json(r)).error?.issues ?? []).toEqual([]);
    }
  });

  it('gives refusals the schema refuses too when their shape is wrong, and accepts when only a rule is broken', () => {
    const tagged = fc.sample(taggedRefusalArb(op), { numRuns: 400, seed: SEED });
    const wrong = tagged.flatMap(({ request, kind }) => {
      const answer = answerWireRequest(request);
      const schemaOk = schema.safeParse(json(request)).success;
      return [
        ...(answer.ok ? [`the library answers a ${kind} refusal: ${JSON.stringify(request)}`] : []),
        ...(kind === 'shape' && schemaOk ? [`the schema accepts a shape refusal: ${JSON.stringify(request)}`] : []),
        ...(kind === 'rule' && !schemaOk ? [`the schema refuses a rule refusal: ${JSON.stringify(request)}`] : []),
      ];
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    const kinds = tagged.map((t) => t.kind);
    // Roughly half and half for an issue check and a quote, a third of shape mistakes for the ops with more rules.
    expect(kinds.filter((k) => k === 'shape').length).toBeGreaterThan(tagged.length / 5);
    expect(kinds.filter((k) => k === 'rule').length).toBeGreaterThan(tagged.length / 3);
  });

  it('reaches every code of the op on the wire, over 1,500 refusals', () => {
    const { share, codes } = measure(fc.sample(refusalArb(op), { numRuns: 1500, seed: SEED }));
    expect(share).toBe(1);
    expect(codes).toEqual(expect.arrayContaining([...REACHED[op]]));
    // Only codes of the contract, of course, and no code of the framing.
    expect(codes.every((c) => (RULE_ERROR_CODES as readonly string[]).includes(c))).toBe(true);
    expect(codes).not.toContain('INVALID_JSON');
  });

  it('catches, within 300 runs, a candidate that answers every refusal with the code REFUSED (seeds 1 to 5)', () => {
    const candidate = recoding(undefined, 'REFUSED');
    for (const seed of [1, 2, 3, 4, 5]) {
      const details = fc.check(
        fc.property(wireRequestArb(op), (r) => {
          const expected = answerWireRequest(r);
          return sameAnswer(expected, candidate(expected));
        }),
        { numRuns: 300, seed, endOnFailure: true },
      );
      expect(details.failed, `seed ${String(seed)}`).toBe(true);
      expect(details.numRuns).toBeLessThan(60);
    }
  });

  it('catches, within 300 runs, a candidate that gives another code for any one of the common codes (seeds 1 to 5)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const expected = fc.sample(wireRequestArb(op), { numRuns: 300, seed }).map((r) => answerWireRequest(r));
      const missed = COMMON[op].filter((code) => {
        const other = code === 'REQUIRED' ? 'UNKNOWN_FIELD' : 'REQUIRED';
        const candidate = recoding(code, other);
        return expected.every((a) => sameAnswer(a, candidate(a)));
      });
      expect(missed, `seed ${String(seed)}`).toEqual([]);
    }
  });
});

describe('refusals shrink to small requests', () => {
  it('a quote candidate that gets DUPLICATE_LINE_ID wrong is shown two lines', () => {
    const candidate = recoding('DUPLICATE_LINE_ID', 'INVALID_TYPE');
    const details = fc.check(
      fc.property(wireRequestArb('quote'), (r) => sameAnswer(answerWireRequest(r), candidate(answerWireRequest(r)))),
      { numRuns: 300, seed: 5 },
    );
    expect(details.failed).toBe(true);
    const [request] = details.counterexample ?? [];
    expect(request).toMatchObject({ op: 'quote', lines: [{ id: 'L1' }, { id: 'L1' }] });
    expect(Object.keys(request ?? {}).sort()).toEqual(['currency', 'lines', 'op']);
  });

  it('a coupon-state candidate that gets NOT_RECIPIENT wrong is shown one redemption', () => {
    const candidate = recoding('NOT_RECIPIENT', 'WRONG_STORE');
    const details = fc.check(
      fc.property(wireRequestArb('coupon-state'), (r) => sameAnswer(answerWireRequest(r), candidate(answerWireRequest(r)))),
      { numRuns: 1000, seed: 5 },
    );
    expect(details.failed).toBe(true);
    const [request] = details.counterexample ?? [];
    expect(request?.events).toEqual([expect.objectContaining({ type: 'redeemed', buyer: 'b1-other' })]);
  });
});

describe('wireRequestArb options', () => {
  it.each([-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a share of refusals of %s', (refusals) => {
    expect(() => wireRequestArb('quote', { refusals })).toThrow(CouponRulesError);
    try {
      wireRequestArb('quote', { refusals });
    } catch (e) {
      expect(e instanceof CouponRulesError ? e.errors : e).toEqual([
        { code: 'INVALID_RATIO', path: 'refusals', message: `refusals is a share from 0 to 1, got ${String(refusals)}` },
      ]);
    }
  });

  it('follows the share asked for', () => {
    const half = measure(fc.sample(wireRequestArb('coupon-issue-check', { refusals: 0.5 }), { numRuns: 400, seed: SEED }));
    expect(half.share).toBeGreaterThan(0.4);
    expect(half.share).toBeLessThan(0.6);
  });

  it('keeps the sizes of the valid requests', () => {
    for (const r of fc.sample(wireRequestArb('quote', { refusals: 0, maxLines: 2 }), { numRuns: 100, seed: SEED })) {
      expect((r.lines as unknown[]).length).toBeLessThanOrEqual(2);
    }
    for (const r of fc.sample(wireRequestArb('outage-plan', { refusals: 0, maxCoupons: 2 }), { numRuns: 100, seed: SEED })) {
      expect((r.coupons as unknown[]).length).toBeLessThanOrEqual(2);
    }
  });
});

/** The paths in `value` whose value is `undefined` (not JSON: a key that JSON.stringify would drop). */
function undefinedPaths(value: unknown, path = ''): string[] {
  if (value === undefined) return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, path === '' ? k : `${path}.${k}`));
}

type Coupon = { readonly id: string; readonly seller: string; readonly recipient: string; readonly events: readonly unknown[] };
type Checkout = { readonly at: string; readonly order: Readonly<Record<string, unknown>>; readonly coupons: readonly Coupon[] };
/** The errors of `request`'s refusal (none if it is answered). */
const errorsOf = (request: Request) => {
  const a = answerWireRequest(request);
  return a.ok ? [] : a.errors;
};
/** The index of the coupon an error path is in (`coupons.2.events.0.at` → 2), if any. */
const couponIndex = (path: string): number | undefined => {
  const m = /^coupons\.(\d+)/.exec(path);
  return m ? Number(m[1]) : undefined;
};
const HISTORY: readonly RuleErrorCode[] = [
  'COUPON_EXPIRED',
  'COUPON_DECLINED',
  'COUPON_DELETED',
  'COUPON_REDEEMED',
  'NOT_RECIPIENT',
  'WRONG_STORE',
  'EVENTS_OUT_OF_ORDER',
];

describe('valid requests', () => {
  it('are JSON as they are: no field is present with the value undefined (seed 42, every op)', () => {
    for (const op of WIRE_REQUEST_OPS) {
      const found = fc.sample(wireRequestArb(op, { refusals: 0 }), { numRuns: 100, seed: SEED }).flatMap((r) => undefinedPaths(r));
      expect(found, op).toEqual([]);
    }
  });

  it('quotes keep the seller credit when the library accepts it', () => {
    const quotes = fc.sample(wireRequestArb('quote', { refusals: 0 }), { numRuns: 100, seed: SEED });
    expect(quotes.filter((q) => q.sellerCredit !== undefined).length).toBeGreaterThan(50);
    expect(quotes.every((q) => answerWireRequest(q).ok)).toBe(true);
  });

  it('checkouts: at 0 to 60 days after 2026-12-01T00:00Z on whole hours, a quarter of the orders not new or with a coupon, a rounding now and then', () => {
    const checkouts = fc.sample(wireRequestArb('coupon-choices', { refusals: 0 }), { numRuns: 300, seed: SEED }) as unknown as Checkout[];
    const hours = checkouts.map((c) => (Date.parse(c.at) - T0) / HOUR);
    expect(hours.every((h) => Number.isInteger(h) && h >= 0 && h <= 24 * 60)).toBe(true);
    expect(Math.max(...hours)).toBeGreaterThan(24 * 30);
    const share = (f: (c: Checkout) => boolean) => checkouts.filter(f).length / checkouts.length;
    expect(share((c) => c.order.newOrder === false)).toBeGreaterThan(0.15);
    expect(share((c) => c.order.newOrder === false)).toBeLessThan(0.38);
    expect(share((c) => c.order.hasCoupon === true)).toBeGreaterThan(0.15);
    expect(share((c) => c.order.hasCoupon === true)).toBeLessThan(0.38);
    expect(share((c) => typeof c.order.rounding === 'string')).toBeGreaterThan(0.5);
  });

  it("checkouts: about one coupon in four is another store's, one in four another buyer's", () => {
    const coupons = (fc.sample(wireRequestArb('coupon-choices', { refusals: 0 }), { numRuns: 300, seed: SEED }) as unknown as Checkout[]).flatMap(
      (c) => c.coupons,
    );
    const share = (f: (c: Coupon) => boolean) => coupons.filter(f).length / coupons.length;
    expect(share((c) => c.seller !== 's1')).toBeGreaterThan(0.15);
    expect(share((c) => c.seller !== 's1')).toBeLessThan(0.38);
    expect(share((c) => c.recipient !== 'b1')).toBeGreaterThan(0.15);
    expect(share((c) => c.recipient !== 'b1')).toBeLessThan(0.38);
  });

  it('checkouts: each coupon has at most 4 events, fewer if maxEvents says so', () => {
    const most = (maxEvents: number) =>
      Math.max(
        ...(fc.sample(wireRequestArb('coupon-choices', { refusals: 0, maxEvents }), { numRuns: 200, seed: SEED }) as unknown as Checkout[]).flatMap((c) =>
          c.coupons.map((k) => k.events.length),
        ),
      );
    expect(most(10)).toBeLessThanOrEqual(4);
    expect(most(1)).toBe(1);
  });
});

describe('refusals', () => {
  it('are tagged shape or rule, nothing else', () => {
    for (const op of WIRE_REQUEST_OPS) {
      const kinds = new Set(fc.sample(taggedRefusalArb(op), { numRuns: 200, seed: SEED }).map((t) => t.kind));
      expect([...kinds].sort(), op).toEqual(['rule', 'shape']);
    }
  });

  it("with refusals 1, are refusalArb's requests: the same for the same seed", () => {
    for (const op of WIRE_REQUEST_OPS) {
      expect(fc.sample(wireRequestArb(op, { refusals: 1 }), { numRuns: 20, seed: 9 }), op).toEqual(fc.sample(refusalArb(op), { numRuns: 20, seed: 9 }));
    }
  });

  it('of a checkout have one thing wrong: their errors concern one coupon at most', () => {
    const requests = fc.sample(refusalArb('coupon-choices'), { numRuns: 1000, seed: SEED });
    const spread = requests.filter((r) => new Set(errorsOf(r).flatMap((e) => couponIndex(e.path) ?? [])).size > 1);
    expect(spread.slice(0, 1)).toEqual([]);
  });

  it.each(['coupon-choices', 'outage-plan'] as const)('of %s break the history of any of the coupons, not only the first', (op) => {
    const broken = new Set(
      fc
        .sample(refusalArb(op), { numRuns: 1000, seed: SEED })
        .flatMap((r) => errorsOf(r).filter((e) => HISTORY.includes(e.code)))
        .flatMap((e) => couponIndex(e.path) ?? []),
    );
    expect([...broken].sort()).toEqual(expect.arrayContaining([0, 1, 2]));
  });

  it('of a checkout with a coupon id used twice list one coupon twice, any of them', () => {
    const twice = fc
      .sample(refusalArb('coupon-choices'), { numRuns: 1000, seed: SEED })
      .filter((r) => errorsOf(r).some((e) => e.code === 'DUPLICATE_COUPON_ID'))
      .map((r) => {
        const ids = (r.coupons as readonly Coupon[]).map((c) => c.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      });
    expect(twice.length).toBeGreaterThan(20);
    expect(twice.filter((ids) => ids.length !== 1)).toEqual([]);
    expect(new Set(twice.flat()).size).toBeGreaterThan(2);
  });
});

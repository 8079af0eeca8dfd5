import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_POLICY_DAYS, MAX_QUANTITY, type RecordName } from '../../src/contract/index.js';
import { answerWireRequest, type RuleErrorCode } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import { shapeMistakesOf, valueMistakesOf } from '../../src/testing/arbitraries/mutations.js';
import { WIRE_REQUEST_OPS, wireRequestArb, type WireRequestOp } from '../../src/testing/requests.js';

// The mistakes the wire-request generators draw from (src/testing/arbitraries/mutations.ts), taken one by one rather
// than sampled: what each field type is broken into, that the walk reaches every field (under arrays, terms and
// events told apart by type, a oneOf), and that every mistake is refused with the code its kind and field type give —
// by the op's zod schema too for a shape mistake, by the library alone for a value mistake.

type Request = Readonly<Record<string, unknown>>;
type Row = readonly [kind: string, group: string, value: unknown];

const RECORD_OF: { readonly [Op in WireRequestOp]: RecordName } = {
  quote: 'quoteRequest',
  'coupon-issue-check': 'couponIssueCheckRequest',
  'coupon-state': 'couponStateRequest',
  'coupon-choices': 'couponChoicesRequest',
  'dispute-state': 'disputeStateRequest',
  'outage-plan': 'outagePlanRequest',
};
const json = (r: unknown): unknown => JSON.parse(JSON.stringify(r)) as unknown;
const codesOf = (r: unknown): RuleErrorCode[] => {
  const a = answerWireRequest(r);
  return a.ok ? [] : [...new Set(a.errors.map((e) => e.code))].sort();
};

const REMOVED = '(removed)';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** Where `after` differs from `before`: the one key added, removed or changed (deepest), or else the value replaced as a whole. */
function changeOf(before: unknown, after: unknown, path: readonly (string | number)[] = []): { readonly path: string; readonly to: unknown } {
  const sameShape = Array.isArray(before) && Array.isArray(after) ? before.length === after.length : !Array.isArray(before) && !Array.isArray(after);
  if (isObject(before) && isObject(after) && sameShape) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const [key] = keys;
    if (keys.length === 1 && key !== undefined) {
      if (!(key in after)) return { path: [...path, key].join('.'), to: REMOVED };
      if (!(key in before)) return { path: [...path, key].join('.'), to: after[key] };
      return changeOf(before[key], after[key], [...path, key]);
    }
  }
  return { path: path.join('.'), to: after };
}

/** The shape mistakes of `request`, by the path they change: kind, group and the value put there. */
function shapeRows(name: RecordName, request: Request): Map<string, Row[]> {
  const rows = new Map<string, Row[]>();
  for (const m of shapeMistakesOf(name, request)) {
    const { path, to } = changeOf(request, m.apply(request));
    rows.set(path, [...(rows.get(path) ?? []), [m.kind, m.group, to]]);
  }
  return rows;
}

// Valid requests with a field of every type of the contract (the generators leave out some, e.g. free text).
const QUOTE: Request = {
  op: 'quote',
  currency: 'USD',
  rounding: 'half-even',
  lines: [{ id: 'L1', itemType: 'shoes', unitPrice: '10.00', quantity: 2, onSale: true, batch: 2 }],
  coupon: {
    type: 'percent',
    percent: '10',
    maxDiscount: '5.00',
    tiers: [{ minTotal: '50.00', percent: '15' }],
    itemTypeLimit: { mode: 'only', itemTypes: ['shoes'] },
    excludeSaleItems: false,
  },
  sellerCredit: '1.00',
  charges: { shipping: '5.00' },
};
const DISPUTE: Request = {
  op: 'dispute-state',
  policy: { timeZone: 'Europe/Paris', requestWindowDays: 30, dayCount: 'calendar', weekend: [6, 7], holidays: ['2026-12-25'] },
  order: {
    quote: { op: 'quote', currency: 'EUR', lines: [{ id: 'L1', itemType: 'book', unitPrice: '20.00', quantity: 1 }] },
    refunded: '0.00',
    shippedAt: '2026-12-01T10:00:00Z',
    receiptConfirmedAt: null,
    expectedDeliveryBy: '2026-12-05',
  },
  events: [
    {
      type: 'opened',
      at: '2026-12-07T10:00:00Z',
      reason: 'NOT_RECEIVED',
      amount: '5.00',
      lines: [{ id: 'L1', quantity: 1 }],
      evidence: ['photo1'],
      description: 'never came',
    },
    { type: 'seller-disagreed', at: '2026-12-08T10:00:00Z', note: 'it did' },
  ],
  at: '2026-12-09T10:00:00Z',
};
const outage = (extension: unknown): Request => ({ op: 'outage-plan', at: '2026-12-05T00:00:00Z', policy: { extension }, incidents: [], coupons: [] });
const FIXTURES: readonly (readonly [RecordName, WireRequestOp, Request])[] = [
  ['quoteRequest', 'quote', QUOTE],
  ['disputeStateRequest', 'dispute-state', DISPUTE],
  ['outagePlanRequest', 'outage-plan', outage({ days: 2 })],
  ['outagePlanRequest', 'outage-plan', outage('outage-length')],
];

// The first values every field is given: null (unless the field may be null), a list and an object.
const ANY = (group: string): Row[] => [
  ['type', group, null],
  ['type', group, []],
  ['type', group, {}],
];
const NULLABLE = (group: string): Row[] => [
  ['type', group, []],
  ['type', group, {}],
];
const AMOUNT_FORMS = (group: string): Row[] => [
  ['type', group, 12],
  ['type', group, 1.5],
  ['pattern', group, '1e2'],
  ['pattern', group, '-1'],
  ['pattern', group, ' 1'],
  ['pattern', group, '01'],
  ['pattern', group, '1.'],
  ['pattern', group, 'NaN'],
  ['range', group, '1000000000000000'],
];
const INSTANT_FORMS: Row[] = [
  ['type', 'instant', 0],
  ['pattern', 'instant', '2026-12-01'],
  ['pattern', 'instant', '2026-12-01T10:00:00'],
  ['pattern', 'instant', 'yesterday'],
  ['pattern', 'instant', '2026-12-01T10:00:00.0001Z'],
];
const DATE_FORMS: Row[] = [
  ['type', 'localDate', 20261201],
  ['pattern', 'localDate', '2026/12/01'],
  ['pattern', 'localDate', '2026-12-01T00:00:00Z'],
];
const PERCENT_FORMS: Row[] = [
  ['type', 'percent', 10],
  ['pattern', 'percent', '1e1'],
  ['pattern', 'percent', '-5'],
  ['pattern', 'percent', '5.'],
  ['range', 'percent', '1000'],
];
const ID_FORMS = (group: string): Row[] => [
  ['pattern', group, ''],
  ['type', group, 12],
];
const RECORD_FORMS: Row[] = [
  ['type', 'record', null],
  ['type', 'record', []],
  ['type', 'record', 'x'],
  ['type', 'record', 1],
];
const missing = (record: string): Row => ['missing', record, REMOVED];
const unknown = (record: string): Row => ['unknown', record, 1];

/**
 * The codes a shape mistake is refused with, by kind and field type (by kind alone for a missing or unknown key): a
 * mistake of a kind must get one of its codes. `type` mistakes of a list with a minimum include the empty list.
 */
const SHAPE_CODES: Readonly<Record<string, readonly RuleErrorCode[]>> = {
  unknown: ['UNKNOWN_FIELD'],
  missing: ['REQUIRED'],
  'empty array': ['EMPTY_LINES', 'EMPTY_ITEM_TYPES'],
  'type boolean': ['INVALID_TYPE'],
  'type text': ['INVALID_TYPE'],
  'type id': ['INVALID_TYPE'],
  'type currency': ['INVALID_TYPE'],
  'type map': ['INVALID_TYPE'],
  'type array': ['INVALID_TYPE', 'EMPTY_LINES', 'EMPTY_ITEM_TYPES'],
  'type record': ['INVALID_TYPE', 'REQUIRED'],
  'type amount': ['NOT_AN_AMOUNT', 'FLOAT_AMOUNT'],
  'type unitPrice': ['NOT_AN_AMOUNT', 'FLOAT_AMOUNT'],
  'type percent': ['NOT_AN_AMOUNT'],
  'type instant': ['INVALID_INSTANT'],
  'type localDate': ['INVALID_DATE'],
  'type timeZone': ['INVALID_TIME_ZONE'],
  'type int': ['INVALID_QUANTITY', 'INVALID_BATCH', 'INVALID_POLICY'],
  'type enum': ['INVALID_ENUM', 'INVALID_ROUNDING'],
  'type literal': ['INVALID_COUPON_TYPE', 'INVALID_EVENT_TYPE', 'UNKNOWN_OP'],
  'pattern id': ['EMPTY_STRING'],
  'pattern timeZone': ['INVALID_TIME_ZONE'],
  'pattern currency': ['UNKNOWN_CURRENCY'],
  'pattern map': ['INVALID_CHARGE_NAME'],
  'pattern amount': ['EXPONENT_NOTATION', 'SIGN_NOT_ALLOWED', 'WHITESPACE', 'INVALID_AMOUNT', 'NON_FINITE_AMOUNT'],
  'pattern unitPrice': ['EXPONENT_NOTATION', 'SIGN_NOT_ALLOWED', 'WHITESPACE', 'INVALID_AMOUNT', 'NON_FINITE_AMOUNT'],
  'pattern percent': ['EXPONENT_NOTATION', 'SIGN_NOT_ALLOWED', 'INVALID_AMOUNT'],
  'pattern instant': ['INVALID_INSTANT', 'SUB_MILLISECOND_INSTANT'],
  'pattern localDate': ['INVALID_DATE'],
  'pattern enum': ['INVALID_ENUM', 'INVALID_ROUNDING'],
  'pattern literal': ['INVALID_COUPON_TYPE', 'INVALID_EVENT_TYPE', 'UNKNOWN_OP'],
  'range amount': ['AMOUNT_OUT_OF_RANGE'],
  'range unitPrice': ['AMOUNT_OUT_OF_RANGE', 'TOO_MANY_DECIMALS'],
  'range percent': ['INVALID_PERCENT'],
  'range int': ['INVALID_QUANTITY', 'INVALID_BATCH', 'INVALID_POLICY'],
};
/** The code a value mistake aims at, by the type of the field it sets. */
const VALUE_CODES: Readonly<Record<string, RuleErrorCode>> = {
  instant: 'INVALID_INSTANT',
  localDate: 'INVALID_DATE',
  timeZone: 'INVALID_TIME_ZONE',
  currency: 'UNKNOWN_CURRENCY',
  percent: 'INVALID_PERCENT',
  amount: 'TOO_MANY_DECIMALS',
};

/** Valid requests of every op (a few generated, seed 11) and the fixtures above, each with its record. */
function validRequests(): (readonly [RecordName, WireRequestOp, Request])[] {
  return [
    ...FIXTURES,
    ...WIRE_REQUEST_OPS.flatMap((op) =>
      fc
        .sample(wireRequestArb(op, { refusals: 0, maxLines: 2, maxEvents: 3, maxCoupons: 2 }), { numRuns: 4, seed: 11 })
        .map((r) => [RECORD_OF[op], op, r] as const),
    ),
  ];
}

describe('shapeMistakesOf', () => {
  it('the fixtures are valid requests', () => {
    for (const [, op, request] of FIXTURES) {
      expect(answerWireRequest(request).ok, op).toBe(true);
      expect(WIRE_OPS[op].request.safeParse(request).error?.issues ?? [], op).toEqual([]);
    }
  });

  it('breaks each field of a quote as its type says, and drops or adds keys on each record', () => {
    const rows = shapeRows('quoteRequest', QUOTE);
    // Every field reached, through the list of lines, the coupon's terms (told apart by type) and their lists; not the
    // request's own `op`, and not inside the map of charges (which is broken as a whole).
    expect([...rows.keys()]).toEqual([
      'unexpectedField',
      'currency',
      'lines',
      'rounding',
      'lines.0',
      'lines.0.unexpectedField',
      'lines.0.id',
      'lines.0.itemType',
      'lines.0.unitPrice',
      'lines.0.quantity',
      'lines.0.onSale',
      'lines.0.batch',
      'coupon',
      'coupon.unexpectedField',
      'coupon.type',
      'coupon.percent',
      'coupon.maxDiscount',
      'coupon.tiers',
      'coupon.tiers.0',
      'coupon.tiers.0.unexpectedField',
      'coupon.tiers.0.minTotal',
      'coupon.tiers.0.percent',
      'coupon.itemTypeLimit',
      'coupon.itemTypeLimit.unexpectedField',
      'coupon.itemTypeLimit.mode',
      'coupon.itemTypeLimit.itemTypes',
      'coupon.itemTypeLimit.itemTypes.0',
      'coupon.excludeSaleItems',
      'sellerCredit',
      'charges',
    ]);
    const at = (path: string) => rows.get(path);
    expect(at('unexpectedField')).toEqual([unknown('quoteRequest')]);
    expect(at('currency')).toEqual([
      missing('quoteRequest'),
      ...ANY('currency'),
      ['type', 'currency', 840],
      ['pattern', 'currency', 'usd'],
      ['pattern', 'currency', 'US'],
    ]);
    // A list with a minimum length: also empty.
    expect(at('lines')).toEqual([missing('quoteRequest'), ...ANY('array'), ['empty', 'array', []]]);
    expect(at('rounding')).toEqual([...ANY('enum'), ['pattern', 'enum', 'nope'], ['type', 'enum', 1]]);
    expect(at('lines.0')).toEqual(RECORD_FORMS);
    expect(at('lines.0.unexpectedField')).toEqual([unknown('orderLine')]);
    expect(at('lines.0.id')).toEqual([missing('orderLine'), ...ANY('id'), ...ID_FORMS('id')]);
    expect(at('lines.0.unitPrice')).toEqual([
      missing('orderLine'),
      ...ANY('unitPrice'),
      ...AMOUNT_FORMS('unitPrice'),
      ['range', 'unitPrice', `0.${'0'.repeat(30)}1`],
    ]);
    expect(at('lines.0.quantity')).toEqual([
      missing('orderLine'),
      ...ANY('int'),
      ['range', 'int', 0],
      ['range', 'int', MAX_QUANTITY + 1],
      ['range', 'int', 1.5],
      ['type', 'int', '1'],
    ]);
    expect(at('lines.0.onSale')).toEqual([...ANY('boolean'), ['type', 'boolean', 'true'], ['type', 'boolean', 1]]);
    // The coupon may be null: it is not set to null.
    expect(at('coupon')).toEqual([
      ['type', 'record', []],
      ['type', 'record', 'x'],
      ['type', 'record', 1],
    ]);
    expect(at('coupon.unexpectedField')).toEqual([unknown('percentCoupon')]);
    expect(at('coupon.type')).toEqual([missing('percentCoupon'), ...ANY('literal'), ['pattern', 'literal', 'percent-nope'], ['type', 'literal', 1]]);
    expect(at('coupon.percent')).toEqual([missing('percentCoupon'), ...ANY('percent'), ...PERCENT_FORMS]);
    expect(at('coupon.maxDiscount')).toEqual([...ANY('amount'), ...AMOUNT_FORMS('amount')]);
    // A list that may be empty: not a list.
    expect(at('coupon.tiers')).toEqual([
      ['type', 'array', null],
      ['type', 'array', {}],
      ['type', 'array', 'x'],
    ]);
    expect(at('coupon.tiers.0.minTotal')).toEqual([missing('couponTier'), ...ANY('amount'), ...AMOUNT_FORMS('amount')]);
    expect(at('coupon.itemTypeLimit.itemTypes')).toEqual([missing('itemTypeLimit'), ...ANY('array'), ['empty', 'array', []]]);
    expect(at('coupon.itemTypeLimit.itemTypes.0')).toEqual([...ANY('id'), ...ID_FORMS('id')]);
    expect(at('charges')).toEqual([
      ['type', 'map', null],
      ['type', 'map', []],
      ['pattern', 'map', { 'bad name': '1' }],
      ['type', 'map', 'x'],
    ]);
  });

  it('breaks instants, dates, time zones, free text and nullable fields of a dispute; the quote inside loses its op too', () => {
    const rows = shapeRows('disputeStateRequest', DISPUTE);
    expect([...rows.keys()].filter((p) => !p.startsWith('order.quote.lines'))).toEqual([
      'unexpectedField',
      'order',
      'events',
      'at',
      'policy',
      'policy.unexpectedField',
      'policy.timeZone',
      'policy.requestWindowDays',
      'policy.dayCount',
      'policy.weekend',
      'policy.weekend.0',
      'policy.weekend.1',
      'policy.holidays',
      'policy.holidays.0',
      'order.unexpectedField',
      'order.quote',
      'order.quote.unexpectedField',
      'order.quote.op',
      'order.quote.currency',
      'order.refunded',
      'order.shippedAt',
      'order.receiptConfirmedAt',
      'order.expectedDeliveryBy',
      'events.0',
      'events.0.unexpectedField',
      'events.0.type',
      'events.0.at',
      'events.0.reason',
      'events.0.amount',
      'events.0.lines',
      'events.0.lines.0',
      'events.0.lines.0.unexpectedField',
      'events.0.lines.0.id',
      'events.0.lines.0.quantity',
      'events.0.evidence',
      'events.0.evidence.0',
      'events.0.description',
      'events.1',
      'events.1.unexpectedField',
      'events.1.type',
      'events.1.at',
      'events.1.note',
    ]);
    const at = (path: string) => rows.get(path);
    expect(at('at')).toEqual([missing('disputeStateRequest'), ...ANY('instant'), ...INSTANT_FORMS]);
    expect(at('policy.timeZone')).toEqual([...ANY('timeZone'), ...ID_FORMS('timeZone')]);
    expect(at('policy.requestWindowDays')).toEqual([
      ...ANY('int'),
      ['range', 'int', -1],
      ['range', 'int', MAX_POLICY_DAYS + 1],
      ['range', 'int', 1.5],
      ['type', 'int', '0'],
    ]);
    expect(at('policy.dayCount')).toEqual([...ANY('enum'), ['pattern', 'enum', 'nope'], ['type', 'enum', 1]]);
    expect(at('policy.holidays.0')).toEqual([...ANY('localDate'), ...DATE_FORMS]);
    // The request's own op stays; the op of the quote inside the order is required there, so it may go missing.
    expect(rows.get('op')).toBeUndefined();
    expect(at('order.quote.op')).toEqual([missing('quoteRequest'), ...ANY('literal'), ['pattern', 'literal', 'quote-nope'], ['type', 'literal', 1]]);
    // Nullable fields, set or null, are not set to null.
    expect(at('order.shippedAt')).toEqual([...NULLABLE('instant'), ...INSTANT_FORMS]);
    expect(at('order.receiptConfirmedAt')).toEqual([...NULLABLE('instant'), ...INSTANT_FORMS]);
    expect(at('order.expectedDeliveryBy')).toEqual([...NULLABLE('localDate'), ...DATE_FORMS]);
    expect(at('events.0.type')).toEqual([missing('opened'), ...ANY('literal'), ['pattern', 'literal', 'opened-nope'], ['type', 'literal', 1]]);
    expect(at('events.0.description')).toEqual([...ANY('text'), ['type', 'text', 12], ['type', 'text', true]]);
    expect(at('events.1.note')).toEqual(at('events.0.description'));
    expect(at('events.1.unexpectedField')).toEqual([unknown('seller-disagreed')]);
  });

  it('reaches the record under a oneOf, and breaks its other (literal) option as a whole', () => {
    const days = shapeRows('outagePlanRequest', outage({ days: 2 }));
    expect([...days.keys()]).toEqual([
      'unexpectedField',
      'at',
      'incidents',
      'coupons',
      'policy',
      'policy.unexpectedField',
      'policy.extension',
      'policy.extension.unexpectedField',
      'policy.extension.days',
    ]);
    expect(days.get('policy.extension')).toEqual(RECORD_FORMS);
    expect(days.get('policy.extension.unexpectedField')).toEqual([unknown('extensionDays')]);
    expect(days.get('policy.extension.days')).toEqual([
      missing('extensionDays'),
      ...ANY('int'),
      ['range', 'int', 0],
      ['range', 'int', MAX_POLICY_DAYS + 1],
      ['range', 'int', 1.5],
      ['type', 'int', '1'],
    ]);
    const length = shapeRows('outagePlanRequest', outage('outage-length'));
    expect([...length.keys()]).toEqual(['unexpectedField', 'at', 'incidents', 'coupons', 'policy', 'policy.unexpectedField', 'policy.extension']);
    expect(length.get('policy.extension')).toEqual(RECORD_FORMS);
  });

  it('finds nothing in a value that is not an object, and walks a request that is already broken without throwing', () => {
    for (const value of [null, 'x', 1]) {
      expect(shapeMistakesOf('quoteRequest', value)).toEqual([]);
      expect(valueMistakesOf('quoteRequest', value)).toEqual([]);
    }
    // The walk follows only where the value and the table agree: a record given as a list or a string, a list given as
    // a string, are values to replace, not places to walk into.
    for (const [name, , request] of FIXTURES) {
      for (const m of shapeMistakesOf(name, request)) {
        const broken = m.apply(request);
        expect(() => shapeMistakesOf(name, broken)).not.toThrow();
        expect(shapeMistakesOf(name, broken).length).toBeGreaterThan(0);
      }
    }
  });

  it('every shape mistake of a valid request, of every op, is refused by the schema and by the library, with a code of its kind', () => {
    const wrong: string[] = [];
    const kinds = new Set<string>();
    for (const [name, op, request] of validRequests()) {
      for (const m of shapeMistakesOf(name, request)) {
        const broken = m.apply(request);
        const key = m.kind === 'missing' || m.kind === 'unknown' ? m.kind : `${m.kind} ${m.group}`;
        kinds.add(key);
        const codes = codesOf(broken);
        const expected = SHAPE_CODES[key] ?? [];
        // An event without its type is an event of no known type.
        const removedType = m.kind === 'missing' && changeOf(request, broken).path.endsWith('.type');
        const ok = codes.some((c) => expected.includes(c)) || (removedType && codes.includes('INVALID_EVENT_TYPE'));
        if (!ok) wrong.push(`${key}: ${codes.join(' ')} for ${JSON.stringify(changeOf(request, broken))}`);
        if (WIRE_OPS[op].request.safeParse(json(broken)).success) wrong.push(`${key}: the schema accepts ${JSON.stringify(changeOf(request, broken))}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect([...kinds].sort()).toEqual(Object.keys(SHAPE_CODES).sort());
  });
});

describe('valueMistakesOf', () => {
  it('sets each instant, date, time zone, currency, percentage and amount to a well-formed value the library refuses', () => {
    const rows = valueMistakesOf('disputeStateRequest', DISPUTE).map((m) => {
      const broken = m.apply(DISPUTE);
      return [m.kind, m.group, changeOf(DISPUTE, broken).to];
    });
    const instants = (path: string) =>
      ['2026-02-30T10:00:00Z', '2026-12-01T24:00:00Z', '0999-12-31T23:00:00Z', '2026-12-01T10:00:00+24:00'].map((v) => ['instant', path, v]);
    const dates = (path: string) => ['2026-02-29', '2026-13-01', '0999-12-31', '9001-01-01'].map((v) => ['localDate', path, v]);
    expect(rows).toEqual([
      ['timeZone', 'policy.timeZone', 'Mars/Olympus'],
      ['timeZone', 'policy.timeZone', 'Europe/Gotham'],
      ...dates('policy.holidays.0'),
      ['currency', 'order.quote.currency', 'ZZZ'],
      ['currency', 'order.quote.currency', 'ABC'],
      ['amount', 'order.refunded', '0.0000000000001'],
      ...instants('order.shippedAt'),
      ...instants('order.receiptConfirmedAt'),
      ...dates('order.expectedDeliveryBy'),
      ...instants('events.0.at'),
      ['amount', 'events.0.amount', '0.0000000000001'],
      ...instants('events.1.at'),
      ...instants('at'),
    ]);
    expect(valueMistakesOf('quoteRequest', QUOTE).map((m) => [m.kind, m.group])).toEqual([
      ['currency', 'currency'],
      ['currency', 'currency'],
      ['percent', 'coupon.percent'],
      ['percent', 'coupon.percent'],
      ['percent', 'coupon.percent'],
      ['amount', 'coupon.maxDiscount'],
      ['amount', 'coupon.tiers.0.minTotal'],
      ['percent', 'coupon.tiers.0.percent'],
      ['percent', 'coupon.tiers.0.percent'],
      ['percent', 'coupon.tiers.0.percent'],
      ['amount', 'sellerCredit'],
    ]);
  });

  it('every value mistake of a valid request, of every op, passes the schema and is refused with the code it aims at', () => {
    const wrong: string[] = [];
    const kinds = new Set<string>();
    for (const [name, op, request] of validRequests()) {
      for (const m of valueMistakesOf(name, request)) {
        const broken = m.apply(request);
        kinds.add(m.kind);
        const codes = codesOf(broken);
        if (!codes.includes(VALUE_CODES[m.kind] ?? 'INVALID_TYPE')) wrong.push(`${m.kind} at ${m.group}: ${codes.join(' ')}`);
        if (!WIRE_OPS[op].request.safeParse(json(broken)).success) wrong.push(`${m.kind} at ${m.group}: the schema refuses it`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect([...kinds].sort()).toEqual(Object.keys(VALUE_CODES).sort());
  });
});

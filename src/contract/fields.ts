import { MAX_BATCH, MAX_COMPENSATION_VALID_DAYS, MAX_OUTAGE_MINUTES, MAX_POLICY_DAYS, MAX_QUANTITY, MAX_WEEKDAY, MIN_WEEKDAY } from './bounds.js';
import { COUPON_EVENT_TYPES, DAY_COUNTS, DISPUTE_EVENT_TYPES, DISPUTE_REASONS, ESCALATING_PARTIES, ITEM_TYPE_LIMIT_MODES, QUOTE_ROUNDINGS } from './enums.js';

// The field table of every record, event and request of the wire contract: each field's name, type and
// whether it may be left out. It is plain data: the readers take their known and required keys from it,
// src/schemas builds the zod schemas (and so the JSON Schemas) from it, and docs/wire-format.md follows it.

/** The type of a field. Scalars are named; the rest compose. */
export type FieldType =
  | 'id'
  | 'text'
  | 'boolean'
  | 'instant'
  | 'localDate'
  | 'timeZone'
  | 'amount'
  | 'unitPrice'
  | 'percent'
  | 'currency'
  | 'chargeName'
  | { readonly int: readonly [min: number, max: number] }
  | { readonly enum: readonly string[] }
  | { readonly literal: string }
  // References name a record of RECORDS (a test checks that every one resolves).
  | { readonly record: string }
  | { readonly array: FieldType; readonly min?: number }
  | { readonly map: FieldType; readonly of: FieldType }
  | { readonly oneOf: readonly FieldType[] }
  | { readonly byType: readonly string[] };

/** A field: its type; whether it may be absent (`optional`) or `null` (`nullable`); a note for the JSON Schema. */
export interface Field {
  readonly type: FieldType;
  readonly optional?: true;
  readonly nullable?: true;
  readonly note?: string;
}

const req = <const T extends FieldType>(type: T): { readonly type: T } => ({ type });
const opt = <const T extends FieldType>(type: T, note?: string): { readonly type: T; readonly optional: true; readonly note?: string } =>
  note === undefined ? { type, optional: true } : { type, optional: true, note };
const maybe = <const T extends FieldType>(type: T): { readonly type: T; readonly optional: true; readonly nullable: true } => ({
  type,
  optional: true,
  nullable: true,
});
const arrayOf = <const T extends FieldType>(type: T, min?: number): { readonly array: T; readonly min?: number } =>
  min === undefined ? { array: type } : { array: type, min };
const ref = <const R extends string>(record: R): { readonly record: R } => ({ record });
const int = (min: number, max: number): { readonly int: readonly [number, number] } => ({ int: [min, max] });
const TERMS = { byType: ['percentCoupon', 'fixedCoupon'] } as const;
const days = int(0, MAX_POLICY_DAYS);

const ORDER_LINE = {
  id: req('id'),
  itemType: req('id'),
  unitPrice: req('unitPrice'),
  quantity: req(int(1, MAX_QUANTITY)),
  onSale: opt('boolean'),
  batch: opt(int(1, MAX_BATCH)),
} as const;
const CLAIMED_LINE = { id: req('id'), quantity: req(int(1, MAX_QUANTITY)) } as const;

/** The quote's order fields that other requests embed (a checkout order, an outage attempt's order). */
const ORDER_BASE = { currency: req('currency'), rounding: opt({ enum: QUOTE_ROUNDINGS }), lines: req(arrayOf(ref('orderLine'), 1)) } as const;

/** Every record of the contract, by name. */
export const RECORDS = {
  orderLine: ORDER_LINE,
  couponTier: { minTotal: req('amount'), percent: req('percent') },
  itemTypeLimit: { mode: req({ enum: ITEM_TYPE_LIMIT_MODES }), itemTypes: req(arrayOf('id', 1)) },
  percentCoupon: {
    type: req({ literal: 'percent' }),
    percent: req('percent'),
    maxDiscount: opt('amount'),
    tiers: opt(arrayOf(ref('couponTier'))),
    itemTypeLimit: opt(ref('itemTypeLimit')),
    excludeSaleItems: opt('boolean'),
  },
  fixedCoupon: { type: req({ literal: 'fixed' }), amount: req('amount') },
  quoteRequest: {
    op: req({ literal: 'quote' }),
    ...ORDER_BASE,
    coupon: maybe(TERMS),
    sellerCredit: opt('amount'),
    charges: opt({ map: 'chargeName', of: 'amount' }),
  },

  couponIssueCheckRequest: {
    op: req({ literal: 'coupon-issue-check' }),
    at: req('instant'),
    timeZone: req('timeZone'),
    seller: req(ref('issueSeller')),
    recipient: req(ref('issueRecipient')),
    stoplisted: req(ref('stoplisted')),
    expires: maybe('localDate'),
  },
  issueSeller: { id: req('id') },
  issueRecipient: { id: req('id'), registered: req('boolean'), emailConfirmed: req('boolean') },
  stoplisted: { bySeller: req('boolean'), byRecipient: req('boolean') },

  coupon: {
    id: req('id'),
    seller: req('id'),
    recipient: req('id'),
    expires: req('localDate'),
    timeZone: req('timeZone'),
    terms: req(TERMS),
    remedies: opt(arrayOf('id')),
  },
  edited: { type: req({ literal: 'edited' }), at: req('instant'), terms: opt(TERMS), expires: opt('localDate') },
  redeemed: {
    type: req({ literal: 'redeemed' }),
    at: req('instant'),
    orderId: req('id'),
    buyer: req('id'),
    store: req('id'),
    newOrder: req('boolean'),
    orderHasCoupon: req('boolean'),
  },
  declined: { type: req({ literal: 'declined' }), at: req('instant') },
  deleted: { type: req({ literal: 'deleted' }), at: req('instant') },
  extended: { type: req({ literal: 'extended' }), at: req('instant'), expires: req('localDate'), incidents: req(arrayOf('id')) },
  honored: { type: req({ literal: 'honored' }), at: req('instant'), orderId: req('id'), attemptAt: req('instant'), incidents: req(arrayOf('id')) },
  couponStateRequest: {
    op: req({ literal: 'coupon-state' }),
    coupon: req(ref('coupon')),
    events: req(arrayOf({ byType: COUPON_EVENT_TYPES })),
    at: req('instant'),
  },
  couponChoicesRequest: {
    op: req({ literal: 'coupon-choices' }),
    at: req('instant'),
    store: req('id'),
    buyer: req('id'),
    order: req(ref('checkoutOrder')),
    coupons: req(arrayOf(ref('couponRecord'))),
  },
  checkoutOrder: { ...ORDER_BASE, newOrder: req('boolean'), hasCoupon: req('boolean') },

  opened: {
    type: req({ literal: 'opened' }),
    at: req('instant'),
    reason: req({ enum: DISPUTE_REASONS }),
    amount: req('amount'),
    lines: opt(arrayOf(ref('claimedLine'), 1)),
    evidence: opt(arrayOf('id')),
    description: opt('text'),
  },
  claimedLine: CLAIMED_LINE,
  'claim-changed': {
    type: req({ literal: 'claim-changed' }),
    at: req('instant'),
    amount: req('amount'),
    lines: opt(arrayOf(ref('claimedLine'), 1)),
    evidence: opt(arrayOf('id')),
  },
  cancelled: { type: req({ literal: 'cancelled' }), at: req('instant') },
  'seller-agreed': { type: req({ literal: 'seller-agreed' }), at: req('instant') },
  'seller-countered': { type: req({ literal: 'seller-countered' }), at: req('instant'), amount: req('amount'), evidence: opt(arrayOf('id')) },
  'seller-disagreed': { type: req({ literal: 'seller-disagreed' }), at: req('instant'), note: opt('text'), evidence: opt(arrayOf('id')) },
  'buyer-accepted': { type: req({ literal: 'buyer-accepted' }), at: req('instant') },
  'buyer-declined': { type: req({ literal: 'buyer-declined' }), at: req('instant') },
  escalated: {
    type: req({ literal: 'escalated' }),
    at: req('instant'),
    by: req({ enum: ESCALATING_PARTIES }),
    evidence: opt(arrayOf('id')),
    note: opt('text'),
  },
  ruled: { type: req({ literal: 'ruled' }), at: req('instant'), amount: req('amount') },
  disputePolicy: {
    timeZone: opt('timeZone'),
    requestWindowDays: opt(days),
    sellerResponseDays: opt(days),
    buyerResponseDays: opt(days),
    maxProcessDays: opt(days),
    platformReviewDays: opt(days),
    dayCount: opt({ enum: DAY_COUNTS }),
    weekend: opt(arrayOf(int(MIN_WEEKDAY, MAX_WEEKDAY))),
    holidays: opt(arrayOf('localDate')),
  },
  disputeOrder: {
    quote: req(ref('quoteRequest')),
    refunded: opt('amount'),
    shippedAt: maybe('instant'),
    receiptConfirmedAt: maybe('instant'),
    expectedDeliveryBy: maybe('localDate'),
  },
  disputeStateRequest: {
    op: req({ literal: 'dispute-state' }),
    policy: opt(ref('disputePolicy')),
    order: req(ref('disputeOrder')),
    events: req(arrayOf({ byType: DISPUTE_EVENT_TYPES })),
    at: req('instant'),
  },

  outagePolicy: {
    graceDays: opt(days),
    extension: opt({ oneOf: [{ literal: 'outage-length' }, ref('extensionDays')] }),
    extend: opt('boolean', 'Extend open coupons an outage affected (default true)'),
    reissue: opt('boolean', 'Reissue expired coupons an outage affected (default true)'),
    honor: opt('boolean', 'Honor failed redemptions during an outage (default true)'),
    compensation: opt(ref('compensation')),
    loyalty: opt(ref('loyalty'), "Extra days on the new expiry of loyalty members' coupons"),
  },
  extensionDays: { days: req(int(1, MAX_POLICY_DAYS)) },
  compensation: {
    terms: req(TERMS),
    validDays: req(int(0, MAX_COMPENSATION_VALID_DAYS)),
    minOutageMinutes: req(int(0, MAX_OUTAGE_MINUTES)),
  },
  loyalty: { extraGraceDays: req(days) },
  incident: { id: req('id'), start: req('instant'), end: req('instant') },
  attempt: { couponId: req('id'), orderId: req('id'), at: req('instant'), order: req(ref('attemptOrder')) },
  attemptOrder: { ...ORDER_BASE, buyer: req('id'), store: req('id'), newOrder: req('boolean'), hasCoupon: req('boolean') },
  outagePlanRequest: {
    op: req({ literal: 'outage-plan' }),
    at: req('instant'),
    policy: opt(ref('outagePolicy')),
    incidents: req(arrayOf(ref('incident'))),
    loyaltyMembers: opt(arrayOf('id'), 'Buyer ids of loyalty program members'),
    coupons: req(arrayOf(ref('couponRecord'))),
    attempts: opt(arrayOf(ref('attempt'))),
  },
  // A coupon with its events: the coupon's fields, then `events`.
  couponRecord: {
    id: req('id'),
    seller: req('id'),
    recipient: req('id'),
    expires: req('localDate'),
    timeZone: req('timeZone'),
    terms: req(TERMS),
    remedies: opt(arrayOf('id')),
    events: req(arrayOf({ byType: COUPON_EVENT_TYPES })),
  },
} as const satisfies Record<string, Readonly<Record<string, Field>>>;

/** The name of a record of the contract. */
export type RecordName = keyof typeof RECORDS;

/** @internal The field names of every record, in table order, computed once: the keys a reader allows. */
export const FIELD_NAMES = Object.fromEntries(Object.entries(RECORDS).map(([name, fields]) => [name, Object.freeze(Object.keys(fields))])) as {
  readonly [N in RecordName]: readonly string[];
};

/** @internal The field names of a record without some of them (a wire request's `op`, say, for the TypeScript API). */
export const fieldNamesWithout = (name: RecordName, ...omit: readonly string[]): readonly string[] =>
  Object.freeze(FIELD_NAMES[name].filter((k) => !omit.includes(k)));

/** @internal The keys of a record, and which of them are required: what a reader checks before it reads the values. */
export function keysOf(name: RecordName): { readonly known: readonly string[]; readonly required: readonly string[] } {
  const fields: Readonly<Record<string, Field>> = RECORDS[name];
  const known = Object.keys(fields);
  return { known, required: known.filter((k) => fields[k]?.optional !== true) };
}

// The TypeScript type of a record, computed from its table: what the zod schema of src/schemas parses to.
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ValueOf<T> = T extends 'boolean'
  ? boolean
  : T extends string
    ? string
    : T extends { readonly int: unknown }
      ? number
      : T extends { readonly enum: readonly (infer E)[] }
        ? E
        : T extends { readonly literal: infer L }
          ? L
          : T extends { readonly record: infer R extends RecordName }
            ? WireRecord<R>
            : T extends { readonly array: infer A }
              ? ValueOf<A>[]
              : T extends { readonly of: infer O }
                ? Record<string, ValueOf<O>>
                : T extends { readonly oneOf: readonly (infer U)[] }
                  ? ValueOf<U>
                  : T extends { readonly byType: readonly (infer R extends RecordName)[] }
                    ? OneOf<R>
                    : never;
/** @internal One of several records, told apart by their `type`. */
export type OneOf<R extends RecordName> = R extends RecordName ? WireRecord<R> : never;
type FieldValue<F> = F extends { readonly type: infer T } ? (F extends { readonly nullable: true } ? ValueOf<T> | null : ValueOf<T>) : never;
type Table<N extends RecordName> = (typeof RECORDS)[N];
type OptionalKeys<N extends RecordName> = { [K in keyof Table<N>]: Table<N>[K] extends { readonly optional: true } ? K : never }[keyof Table<N>];

/** @internal The JSON value a record of the contract describes, as a TypeScript type (what its zod schema parses to). */
export type WireRecord<N extends RecordName> = Simplify<
  { -readonly [K in Exclude<keyof Table<N>, OptionalKeys<N>>]: FieldValue<Table<N>[K]> } & {
    -readonly [K in OptionalKeys<N>]?: FieldValue<Table<N>[K]>;
  }
>;

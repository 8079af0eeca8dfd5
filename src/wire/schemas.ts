import * as z from 'zod';

// The JSON wire contract v1 as zod schemas. They describe the shape a
// request and an answer must have; rules that depend on other fields (whole
// minor units of the request's currency, increasing tiers, unique line ids)
// are enforced by the library itself and listed in docs/wire-format.md.

const amount = z
  .string()
  .regex(/^(0|[1-9]\d{0,14})(\.\d{1,30})?$/)
  .describe('A non-negative decimal string below 10^15, no sign, exponent or whitespace; whole minor units of the request currency');
const unitPrice = z
  .string()
  .regex(/^(0|[1-9]\d{0,14})(\.\d{1,30})?$/)
  .describe('A non-negative decimal string below 10^15 with up to 30 decimals');
const percent = z
  .string()
  .regex(/^(0|[1-9]\d{0,2})(\.\d{1,10})?$/)
  .describe('A percentage above 0 and at most 100, as a decimal string with up to 10 decimals');
const answerMoney = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('Money with exactly the currency minor units');

/** A line of an order on the wire.
 *
 * @example
 * ```ts
 * import { OrderLineSchema } from 'coupon-rules/schema';
 * console.log(OrderLineSchema.safeParse({ id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 }).success); // true
 * ```
 */
export const OrderLineSchema = z.strictObject({
  id: z.string().min(1),
  itemType: z.string().min(1),
  unitPrice,
  quantity: z.int().min(1).max(1_000_000_000),
  onSale: z.boolean().optional(),
  batch: z.int().min(1).max(1_000_000).optional(),
});

/** A tier of a percentage coupon.
 *
 * @example
 * ```ts
 * import { CouponTierSchema } from 'coupon-rules/schema';
 * console.log(CouponTierSchema.safeParse({ minTotal: '25.00', percent: '15' }).success); // true
 * ```
 */
export const CouponTierSchema = z.strictObject({ minTotal: amount, percent });

/** The item-type limit of a percentage coupon.
 *
 * @example
 * ```ts
 * import { ItemTypeLimitSchema } from 'coupon-rules/schema';
 * console.log(ItemTypeLimitSchema.safeParse({ mode: 'only', itemTypes: ['Part'] }).success); // true
 * ```
 */
export const ItemTypeLimitSchema = z.strictObject({
  mode: z.enum(['only', 'except']),
  itemTypes: z.array(z.string().min(1)).min(1),
});

/** "Percentage off order total" coupon terms.
 *
 * @example
 * ```ts
 * import { PercentCouponSchema } from 'coupon-rules/schema';
 * console.log(PercentCouponSchema.safeParse({ type: 'percent', percent: '10' }).success); // true
 * ```
 */
export const PercentCouponSchema = z.strictObject({
  type: z.literal('percent'),
  percent,
  maxDiscount: amount.optional(),
  tiers: z.array(CouponTierSchema).optional(),
  itemTypeLimit: ItemTypeLimitSchema.optional(),
  excludeSaleItems: z.boolean().optional(),
});

/** "Fixed amount off order total" coupon terms.
 *
 * @example
 * ```ts
 * import { FixedCouponSchema } from 'coupon-rules/schema';
 * console.log(FixedCouponSchema.safeParse({ type: 'fixed', amount: '5.00' }).success); // true
 * ```
 */
export const FixedCouponSchema = z.strictObject({ type: z.literal('fixed'), amount });

/** Coupon terms of either kind.
 *
 * @example
 * ```ts
 * import { CouponTermsSchema } from 'coupon-rules/schema';
 * console.log(CouponTermsSchema.safeParse({ type: 'fixed', amount: '5.00' }).success); // true
 * ```
 */
export const CouponTermsSchema = z.discriminatedUnion('type', [PercentCouponSchema, FixedCouponSchema]);

/** The request of `op: "quote"`.
 *
 * @example
 * ```ts
 * import { QuoteRequestSchema } from 'coupon-rules/schema';
 * console.log(QuoteRequestSchema.safeParse({ op: 'quote', currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '5', quantity: 1 }] }).success); // true
 * ```
 */
export const QuoteRequestSchema = z.strictObject({
  op: z.literal('quote'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe('An active ISO 4217 currency code'),
  rounding: z.enum(['half-up', 'half-even']).optional(),
  lines: z.array(OrderLineSchema).min(1),
  coupon: CouponTermsSchema.nullable().optional(),
  sellerCredit: amount.optional(),
  charges: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/), amount).optional(),
});

/** A structured error in an answer.
 *
 * @example
 * ```ts
 * import { WireErrorSchema } from 'coupon-rules/schema';
 * console.log(WireErrorSchema.safeParse({ code: 'REQUIRED', path: 'lines', message: '"lines" is required' }).success); // true
 * ```
 */
export const WireErrorSchema = z.strictObject({
  code: z.string().min(1),
  path: z.string(),
  message: z.string(),
  total: z.number().int().min(101).optional().describe('Only on the TOO_MANY_ERRORS entry that ends a list capped at 100: how many problems were found in all'),
});

/** The `result` of a successful quote.
 *
 * @example
 * ```ts
 * import { QuoteResultSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(QuoteResultSchema.safeParse(answer).success); // false (a failure answer)
 * ```
 */
export const QuoteResultSchema = z.strictObject({
  subtotal: answerMoney,
  eligibleTotal: answerMoney,
  appliedPercent: z.string().nullable(),
  couponCredit: answerMoney,
  capped: z.boolean(),
  sellerCredit: answerMoney,
  totalCredit: answerMoney,
  grandTotal: answerMoney,
  feeBasis: answerMoney,
  lines: z.array(z.strictObject({ id: z.string(), lineTotal: answerMoney, eligible: z.boolean(), couponCredit: answerMoney, net: answerMoney })),
  batches: z.array(z.strictObject({ batch: z.int().min(1), couponCredit: answerMoney })),
});

/** A failed answer, for any op.
 *
 * @example
 * ```ts
 * import { FailureAnswerSchema } from 'coupon-rules/schema';
 * console.log(FailureAnswerSchema.safeParse({ ok: false, errors: [{ code: 'UNKNOWN_OP', path: 'op', message: 'unknown op' }] }).success); // true
 * ```
 */
export const FailureAnswerSchema = z.strictObject({ ok: z.literal(false), errors: z.array(WireErrorSchema).min(1).max(101) });

/** The answer to `op: "quote"`.
 *
 * @example
 * ```ts
 * import { QuoteAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(QuoteAnswerSchema.safeParse(answer).success); // true (a failure answer)
 * ```
 */
export const QuoteAnswerSchema = z.union([z.strictObject({ ok: z.literal(true), result: QuoteResultSchema }), FailureAnswerSchema]);

const instant = z
  .string()
  // Up to nine fractional digits, but exact to the millisecond: digits after the third are zeros.
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3}0{0,6})?)?(Z|[+-]\d{2}:\d{2})$/)
  .describe('An ISO 8601 instant with an explicit offset, exact to the millisecond');
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A calendar date YYYY-MM-DD, local to the store time zone');
const timeZone = z.string().min(1).describe('An IANA time zone name');
const id = z.string().min(1);

/** The request of `op: "coupon-issue-check"`.
 *
 * @example
 * ```ts
 * import { CouponIssueCheckRequestSchema } from 'coupon-rules/schema';
 * const r = CouponIssueCheckRequestSchema.safeParse({});
 * console.log(r.success); // false: every required field is missing
 * ```
 */
export const CouponIssueCheckRequestSchema = z.strictObject({
  op: z.literal('coupon-issue-check'),
  at: instant,
  timeZone,
  seller: z.strictObject({ id }),
  recipient: z.strictObject({ id, registered: z.boolean(), emailConfirmed: z.boolean() }),
  stoplisted: z.strictObject({ bySeller: z.boolean(), byRecipient: z.boolean() }),
  expires: localDate.nullable().optional(),
});

/** The answer to `op: "coupon-issue-check"`.
 *
 * @example
 * ```ts
 * import { CouponIssueCheckAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(CouponIssueCheckAnswerSchema.safeParse(answer).success); // true (a failure answer)
 * ```
 */
export const CouponIssueCheckAnswerSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    result: z.strictObject({
      allowed: z.boolean(),
      violations: z.array(
        z.strictObject({
          code: z.enum([
            'SELF',
            'RECIPIENT_UNREGISTERED',
            'RECIPIENT_EMAIL_UNCONFIRMED',
            'STOPLISTED_BY_SELLER',
            'STOPLISTED_BY_RECIPIENT',
            'EXPIRATION_REQUIRED',
            'EXPIRATION_IN_PAST',
            'EXPIRATION_TOO_FAR',
          ]),
          message: z.string(),
        }),
      ),
    }),
  }),
  FailureAnswerSchema,
]);

/** A coupon as issued (with the incidents already remedied, if any).
 *
 * @example
 * ```ts
 * import { CouponSchema } from 'coupon-rules/schema';
 * console.log(CouponSchema.safeParse({ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' } }).success); // true
 * ```
 */
export const CouponSchema = z.strictObject({
  id,
  seller: id,
  recipient: id,
  expires: localDate,
  timeZone,
  terms: CouponTermsSchema,
  remedies: z.array(id).optional(),
});

/** An event of a coupon's life.
 *
 * @example
 * ```ts
 * import { CouponEventSchema } from 'coupon-rules/schema';
 * console.log(CouponEventSchema.safeParse({ type: 'declined', at: '2026-12-01T10:00:00Z' }).success); // true
 * ```
 */
export const CouponEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('edited'), at: instant, terms: CouponTermsSchema.optional(), expires: localDate.optional() }),
  z.strictObject({ type: z.literal('redeemed'), at: instant, orderId: id, buyer: id, store: id, newOrder: z.boolean(), orderHasCoupon: z.boolean() }),
  z.strictObject({ type: z.literal('declined'), at: instant }),
  z.strictObject({ type: z.literal('deleted'), at: instant }),
  z.strictObject({ type: z.literal('extended'), at: instant, expires: localDate, incidents: z.array(id) }),
  z.strictObject({ type: z.literal('honored'), at: instant, orderId: id, attemptAt: instant, incidents: z.array(id) }),
]);

/** A coupon with its events.
 *
 * @example
 * ```ts
 * import { CouponRecordSchema } from 'coupon-rules/schema';
 * console.log(CouponRecordSchema.safeParse({ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [] }).success); // true
 * ```
 */
export const CouponRecordSchema = CouponSchema.extend({ events: z.array(CouponEventSchema) });

/** The request of `op: "coupon-state"`.
 *
 * @example
 * ```ts
 * import { CouponStateRequestSchema } from 'coupon-rules/schema';
 * const r = CouponStateRequestSchema.safeParse({});
 * console.log(r.success); // false: every required field is missing
 * ```
 */
export const CouponStateRequestSchema = z.strictObject({
  op: z.literal('coupon-state'),
  coupon: CouponSchema,
  events: z.array(CouponEventSchema),
  at: instant,
});

const actionCheck = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), code: z.enum(['COUPON_EXPIRED', 'COUPON_REDEEMED', 'COUPON_DECLINED', 'COUPON_DELETED']) }),
]);

/** The answer to `op: "coupon-state"`.
 *
 * @example
 * ```ts
 * import { CouponStateAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(CouponStateAnswerSchema.safeParse(answer).success); // true (a failure answer)
 * ```
 */
export const CouponStateAnswerSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    result: z.strictObject({
      status: z.enum(['open', 'redeemed', 'declined', 'expired', 'deleted']),
      expiresAt: z.string(),
      allowed: z.strictObject({ edit: actionCheck, delete: actionCheck, decline: actionCheck, redeem: actionCheck }),
    }),
  }),
  FailureAnswerSchema,
]);

/** The request of `op: "coupon-choices"`.
 *
 * @example
 * ```ts
 * import { CouponChoicesRequestSchema } from 'coupon-rules/schema';
 * const r = CouponChoicesRequestSchema.safeParse({});
 * console.log(r.success); // false: every required field is missing
 * ```
 */
export const CouponChoicesRequestSchema = z.strictObject({
  op: z.literal('coupon-choices'),
  at: instant,
  store: id,
  buyer: id,
  order: z.strictObject({
    currency: QuoteRequestSchema.shape.currency,
    rounding: QuoteRequestSchema.shape.rounding,
    lines: QuoteRequestSchema.shape.lines,
    newOrder: z.boolean(),
    hasCoupon: z.boolean(),
  }),
  coupons: z.array(CouponRecordSchema),
});

/** The answer to `op: "coupon-choices"`.
 *
 * @example
 * ```ts
 * import { CouponChoicesAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(CouponChoicesAnswerSchema.safeParse(answer).success); // true (a failure answer)
 * ```
 */
export const CouponChoicesAnswerSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    result: z.strictObject({
      prompt: z.enum(['none', 'offer', 'choose']),
      choices: z.array(z.strictObject({ couponId: z.string(), couponCredit: answerMoney, expiresAt: z.string() })),
    }),
  }),
  FailureAnswerSchema,
]);

/** A dispute event on the wire.
 *
 * @example
 * ```ts
 * import { DisputeEventSchema } from 'coupon-rules/schema';
 * console.log(DisputeEventSchema.safeParse({ type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }).success); // true
 * ```
 */
export const DisputeEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('opened'),
    at: instant,
    reason: z.enum(['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS', 'NOT_RECEIVED', 'LATE_DELIVERY', 'OTHER']),
    amount,
    lines: z
      .array(z.strictObject({ id, quantity: z.int().min(1).max(1_000_000_000) }))
      .min(1)
      .optional(),
    evidence: z.array(id).optional(),
    description: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('claim-changed'),
    at: instant,
    amount,
    lines: z
      .array(z.strictObject({ id, quantity: z.int().min(1).max(1_000_000_000) }))
      .min(1)
      .optional(),
    evidence: z.array(id).optional(),
  }),
  z.strictObject({ type: z.literal('cancelled'), at: instant }),
  z.strictObject({ type: z.literal('seller-agreed'), at: instant }),
  z.strictObject({ type: z.literal('seller-countered'), at: instant, amount, evidence: z.array(id).optional() }),
  z.strictObject({ type: z.literal('seller-disagreed'), at: instant, note: z.string().optional(), evidence: z.array(id).optional() }),
  z.strictObject({ type: z.literal('buyer-accepted'), at: instant }),
  z.strictObject({ type: z.literal('buyer-declined'), at: instant }),
  z.strictObject({ type: z.literal('escalated'), at: instant, by: z.enum(['buyer', 'seller']), evidence: z.array(id).optional(), note: z.string().optional() }),
  z.strictObject({ type: z.literal('ruled'), at: instant, amount }),
]);

/** The buyer-protection policy (every field optional).
 *
 * @example
 * ```ts
 * import { DisputePolicySchema } from 'coupon-rules/schema';
 * console.log(DisputePolicySchema.safeParse({ timeZone: 'Europe/Berlin', dayCount: 'business' }).success); // true
 * ```
 */
export const DisputePolicySchema = z.strictObject({
  timeZone: timeZone.optional(),
  requestWindowDays: z.int().min(0).max(3650).optional(),
  sellerResponseDays: z.int().min(0).max(3650).optional(),
  buyerResponseDays: z.int().min(0).max(3650).optional(),
  maxProcessDays: z.int().min(0).max(3650).optional(),
  platformReviewDays: z.int().min(0).max(3650).optional(),
  dayCount: z.enum(['calendar', 'business']).optional(),
  weekend: z.array(z.int().min(1).max(7)).optional(),
  holidays: z.array(localDate).optional(),
});

/** The request of `op: "dispute-state"`.
 *
 * @example
 * ```ts
 * import { DisputeStateRequestSchema } from 'coupon-rules/schema';
 * const r = DisputeStateRequestSchema.safeParse({});
 * console.log(r.success); // false: every required field is missing
 * ```
 */
export const DisputeStateRequestSchema = z.strictObject({
  op: z.literal('dispute-state'),
  policy: DisputePolicySchema.optional(),
  order: z.strictObject({
    quote: QuoteRequestSchema,
    refunded: amount.optional(),
    shippedAt: instant.nullable().optional(),
    receiptConfirmedAt: instant.nullable().optional(),
    expectedDeliveryBy: localDate.nullable().optional(),
  }),
  events: z.array(DisputeEventSchema),
  at: instant,
});

const disputeActions = z.array(z.enum(['change-claim', 'cancel', 'accept', 'decline', 'escalate', 'agree', 'counter', 'disagree', 'rule']));

/** The answer to `op: "dispute-state"`.
 *
 * @example
 * ```ts
 * import { DisputeStateAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(DisputeStateAnswerSchema.safeParse(answer).success); // true (a failure answer)
 * ```
 */
export const DisputeStateAnswerSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    result: z.strictObject({
      status: z.enum(['awaiting-seller', 'awaiting-buyer', 'under-review', 'resolved', 'cancelled']),
      refund: answerMoney.nullable(),
      outcome: z.enum(['seller-agreed', 'buyer-accepted', 'ruled']).nullable(),
      requested: answerMoney,
      refundable: answerMoney,
      deadlines: z.strictObject({ seller: z.string().nullable(), buyer: z.string().nullable(), ruling: z.string() }),
      negotiationEnds: z.string(),
      overdue: z.boolean(),
      allowed: z.strictObject({ buyer: disputeActions, seller: disputeActions, platform: disputeActions }),
      notices: z.array(
        z.strictObject({
          id: z.string(),
          to: z.enum(['buyer', 'seller']),
          kind: z.enum([
            'opened',
            'claim-changed',
            'seller-responded',
            'offer-made',
            'offer-declined',
            'escalated',
            'under-review',
            'ruled',
            'resolved',
            'cancelled',
          ]),
          at: z.string(),
        }),
      ),
    }),
  }),
  FailureAnswerSchema,
]);

/** The request of `op: "outage-plan"`.
 *
 * @example
 * ```ts
 * import { OutagePlanRequestSchema } from 'coupon-rules/schema';
 * const r = OutagePlanRequestSchema.safeParse({});
 * console.log(r.success); // false: every required field is missing
 * ```
 */
export const OutagePlanRequestSchema = z.strictObject({
  op: z.literal('outage-plan'),
  at: instant,
  policy: z
    .strictObject({
      graceDays: z.int().min(0).max(3650).optional(),
      extension: z.union([z.literal('outage-length'), z.strictObject({ days: z.int().min(1).max(3650) })]).optional(),
      extend: z.boolean().optional().describe('Extend open coupons an outage affected (default true)'),
      reissue: z.boolean().optional().describe('Reissue expired coupons an outage affected (default true)'),
      honor: z.boolean().optional().describe('Honor failed redemptions during an outage (default true)'),
      compensation: z.strictObject({ terms: CouponTermsSchema, validDays: z.int().min(0).max(366), minOutageMinutes: z.int().min(0).max(525_600) }).optional(),
      loyalty: z
        .strictObject({ extraGraceDays: z.int().min(0).max(3650) })
        .optional()
        .describe("Extra days on the new expiry of loyalty members' coupons"),
    })
    .optional(),
  incidents: z.array(z.strictObject({ id, start: instant, end: instant })),
  loyaltyMembers: z.array(id).optional().describe('Buyer ids of loyalty program members'),
  coupons: z.array(CouponRecordSchema),
  attempts: z
    .array(
      z.strictObject({
        couponId: id,
        orderId: id,
        at: instant,
        order: z.strictObject({
          currency: QuoteRequestSchema.shape.currency,
          rounding: QuoteRequestSchema.shape.rounding,
          lines: QuoteRequestSchema.shape.lines,
          buyer: id,
          store: id,
          newOrder: z.boolean(),
          hasCoupon: z.boolean(),
        }),
      }),
    )
    .optional(),
});

const windowIdPattern = 'w-[0-9a-f]{32}';
const windowRefs = z
  .array(z.string().regex(new RegExp(`^${windowIdPattern}(\\.\\.${windowIdPattern})?$`)))
  .min(1)
  .describe('The windows a remedy answers: a window id, or "first..last" for consecutive windows of the plan\'s list');

/** The answer to `op: "outage-plan"`.
 *
 * @example
 * ```ts
 * import { OutagePlanAnswerSchema } from 'coupon-rules/schema';
 * import { answerWireRequest } from 'coupon-rules';
 * const answer = answerWireRequest({ op: 'nope' });
 * console.log(OutagePlanAnswerSchema.safeParse(answer).success); // true (a failure answer)
 * ```
 */
export const OutagePlanAnswerSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    result: z.strictObject({
      windows: z.array(
        z.strictObject({ id: z.string().regex(new RegExp(`^${windowIdPattern}$`)), start: instant, end: instant, incidents: z.array(id).min(1) }),
      ),
      extend: z.array(z.strictObject({ couponId: z.string(), from: localDate, to: localDate, windows: windowRefs })),
      reissue: z.array(z.strictObject({ couponId: z.string(), newCouponId: z.string(), expires: localDate, windows: windowRefs })),
      honor: z.array(z.strictObject({ couponId: z.string(), orderId: z.string(), couponCredit: answerMoney, windows: windowRefs })),
      compensate: z.array(z.strictObject({ buyer: z.string(), store: z.string(), couponId: z.string(), expires: localDate, windows: windowRefs })),
      notices: z.array(
        z.strictObject({
          buyer: z.string(),
          priority: z.boolean().describe('A loyalty member: notify first'),
          items: z.array(
            z.discriminatedUnion('type', [
              z.strictObject({ type: z.literal('extended'), couponId: z.string(), from: localDate, to: localDate, windows: windowRefs }),
              z.strictObject({ type: z.literal('reissued'), couponId: z.string(), newCouponId: z.string(), expires: localDate, windows: windowRefs }),
              z.strictObject({ type: z.literal('honored'), couponId: z.string(), orderId: z.string(), couponCredit: answerMoney, windows: windowRefs }),
              z.strictObject({ type: z.literal('compensated'), couponId: z.string(), store: z.string(), expires: localDate, windows: windowRefs }),
            ]),
          ),
        }),
      ),
    }),
  }),
  FailureAnswerSchema,
]);

/** Every wire op with its request and answer schema.
 *
 * @example
 * ```ts
 * import { WIRE_OPS } from 'coupon-rules/schema';
 * console.log(Object.keys(WIRE_OPS)); // ['quote', 'coupon-issue-check', 'coupon-state', 'coupon-choices', 'dispute-state', 'outage-plan']
 * ```
 */
export const WIRE_OPS = {
  quote: { request: QuoteRequestSchema, answer: QuoteAnswerSchema },
  'coupon-issue-check': { request: CouponIssueCheckRequestSchema, answer: CouponIssueCheckAnswerSchema },
  'coupon-state': { request: CouponStateRequestSchema, answer: CouponStateAnswerSchema },
  'coupon-choices': { request: CouponChoicesRequestSchema, answer: CouponChoicesAnswerSchema },
  'dispute-state': { request: DisputeStateRequestSchema, answer: DisputeStateAnswerSchema },
  'outage-plan': { request: OutagePlanRequestSchema, answer: OutagePlanAnswerSchema },
} as const;

/** The name of a wire op.
 *
 * @example
 * ```ts
 * import type { WireOp } from 'coupon-rules/schema';
 * const op: WireOp = 'dispute-state';
 * ```
 */
export type WireOp = keyof typeof WIRE_OPS;

/**
 * The JSON Schema (draft 2020-12) of an op's request or answer, generated
 * from the zod schema.
 *
 * @example
 * ```ts
 * import { wireJsonSchema } from 'coupon-rules/schema';
 * console.log(wireJsonSchema('quote', 'request').required); // ['op', 'currency', 'lines']
 * ```
 */
export function wireJsonSchema(op: WireOp, which: 'request' | 'answer'): Record<string, unknown> {
  const schema = WIRE_OPS[op][which];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no wire schema has a default, transform or pipe, so zod emits the same JSON Schema for io input and output
  return { $id: `urn:coupon-rules:wire:v1:${op}.${which}`, ...z.toJSONSchema(schema, { io: which === 'request' ? 'input' : 'output' }) };
}

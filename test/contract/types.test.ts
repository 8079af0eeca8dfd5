import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type {
  Coupon,
  CouponChoicesRequest,
  CouponEvent,
  CouponIssueRequest,
  CouponRecord,
  CouponTerms,
  DisputeEvent,
  DisputeOrder,
  DisputePolicy,
  OrderLine,
  OutageInput,
  Quote,
  QuoteRequest,
} from '../../src/index.js';
import type {
  CouponChoicesRequestSchema,
  CouponEventSchema,
  CouponIssueCheckRequestSchema,
  CouponRecordSchema,
  CouponSchema,
  CouponTermsSchema,
  DisputeEventSchema,
  DisputePolicySchema,
  DisputeStateRequestSchema,
  OrderLineSchema,
  OutagePlanRequestSchema,
  QuoteRequestSchema,
  QuoteResultSchema,
} from '../../src/schema.js';

// Every request type of the TypeScript API against the zod schema of its wire form (the wire adds `op`, and the
// dispute's order carries a whole quote request): the same shape both ways, up to readonly and `?: T` versus
// `?: T | undefined`, and the API's instants, which may also be a `Date`.
type Norm<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? readonly Norm<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Norm<Exclude<T[K], undefined>> }
      : T;
type Same<A, B> = [Norm<A>] extends [Norm<B>]
  ? [Norm<B>] extends [Norm<A>]
    ? [keyof Norm<A>] extends [keyof Norm<B>]
      ? [keyof Norm<B>] extends [keyof Norm<A>]
        ? true
        : false
      : false
    : false
  : false;
type Wire<S extends z.ZodType, Omitted extends string = 'op'> = Omit<z.input<S>, Omitted>;

describe('the TypeScript types and the schemas of the contract', () => {
  it('agree on every request, record and event', () => {
    expectTypeOf<Same<Wire<typeof QuoteRequestSchema>, QuoteRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof OrderLineSchema>, OrderLine>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof CouponTermsSchema>, CouponTerms>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Wire<typeof CouponIssueCheckRequestSchema>, CouponIssueRequest>>().toEqualTypeOf<true>();
    // The wire's coupon is a record without its events (so it has the record's `remedies`, which `Coupon` has not).
    expectTypeOf<Same<z.input<typeof CouponSchema>, Omit<CouponRecord, 'events'>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof CouponSchema>, Coupon>>().toEqualTypeOf<false>();
    expectTypeOf<Same<z.input<typeof CouponEventSchema>, CouponEvent>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof CouponRecordSchema>, CouponRecord>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Wire<typeof CouponChoicesRequestSchema>, CouponChoicesRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof DisputeEventSchema>, DisputeEvent>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.input<typeof DisputePolicySchema>, DisputePolicy>>().toEqualTypeOf<true>();
    type WireOrder = z.input<typeof DisputeStateRequestSchema>['order'];
    expectTypeOf<Same<Omit<WireOrder, 'quote'> & { quote: Omit<WireOrder['quote'], 'op'> }, DisputeOrder>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Wire<typeof OutagePlanRequestSchema>, OutageInput>>().toEqualTypeOf<true>();
  });

  it('agree on the result of a quote (the wire leaves out its explanation)', () => {
    expectTypeOf<Same<z.output<typeof QuoteResultSchema>, Omit<Quote, 'explain'>>>().toEqualTypeOf<true>();
  });

  it('tell different shapes apart', () => {
    expectTypeOf<Same<z.input<typeof OrderLineSchema>, CouponTerms>>().toEqualTypeOf<false>();
    expectTypeOf<Same<Wire<typeof QuoteRequestSchema>, Omit<QuoteRequest, 'charges'>>>().toEqualTypeOf<false>();
  });
});

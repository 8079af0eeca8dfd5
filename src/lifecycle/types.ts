import type { COUPON_ACTION_BLOCKS, COUPON_STATUSES } from '../contract/index.js';
// The lifecycle's types: what callers pass in and get back, and the parsed shapes the readers hand to the fold.
import type { CouponTerms } from '../coupon/terms.js';
import type { InstantInput } from '../time/instant.js';

/**
 * A coupon as issued: who issued it to whom, its terms, and its
 * expiration date (`YYYY-MM-DD`) in the store's IANA time zone.
 *
 * @example
 * ```ts
 * import type { Coupon } from 'coupon-rules';
 * const c: Coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '5.00' } };
 * ```
 */
export interface Coupon {
  readonly id: string;
  readonly seller: string;
  readonly recipient: string;
  readonly expires: string;
  readonly timeZone: string;
  readonly terms: CouponTerms;
}

/**
 * The seller changed the terms and/or the expiration date (terms are replaced whole).
 *
 * @example
 * ```ts
 * import type { CouponEditedEvent } from 'coupon-rules';
 * const e: CouponEditedEvent = { type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2027-01-31' };
 * ```
 */
export interface CouponEditedEvent {
  readonly type: 'edited';
  readonly at: InstantInput;
  readonly terms?: CouponTerms;
  readonly expires?: string;
}

/**
 * The buyer applied the coupon to an order.
 *
 * @example
 * ```ts
 * import type { CouponRedeemedEvent } from 'coupon-rules';
 * const e: CouponRedeemedEvent = { type: 'redeemed', at: '2026-12-02T10:00:00Z', orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false };
 * ```
 */
export interface CouponRedeemedEvent {
  readonly type: 'redeemed';
  readonly at: InstantInput;
  readonly orderId: string;
  readonly buyer: string;
  readonly store: string;
  readonly newOrder: boolean;
  readonly orderHasCoupon: boolean;
}

/**
 * The buyer refused the coupon.
 *
 * @example
 * ```ts
 * import type { CouponDeclinedEvent } from 'coupon-rules';
 * const e: CouponDeclinedEvent = { type: 'declined', at: '2026-12-02T10:00:00Z' };
 * ```
 */
export interface CouponDeclinedEvent {
  readonly type: 'declined';
  readonly at: InstantInput;
}

/**
 * The seller removed the coupon (terminal).
 *
 * @example
 * ```ts
 * import type { CouponDeletedEvent } from 'coupon-rules';
 * const e: CouponDeletedEvent = { type: 'deleted', at: '2026-12-02T10:00:00Z' };
 * ```
 */
export interface CouponDeletedEvent {
  readonly type: 'deleted';
  readonly at: InstantInput;
}

/**
 * An outage remedy moved the expiration date later (never earlier). It may
 * go past the one-year issuing limit, and records the incidents it answers.
 *
 * @example
 * ```ts
 * import type { CouponExtendedEvent } from 'coupon-rules';
 * const e: CouponExtendedEvent = { type: 'extended', at: '2026-12-05T00:00:00Z', expires: '2026-12-20', incidents: ['inc-1'] };
 * ```
 */
export interface CouponExtendedEvent {
  readonly type: 'extended';
  readonly at: InstantInput;
  readonly expires: string;
  readonly incidents: readonly string[];
}

/**
 * An outage remedy honored a redemption that failed during an incident:
 * the coupon is redeemed on that order as of the attempt, even if it has
 * expired since.
 *
 * @example
 * ```ts
 * import type { CouponHonoredEvent } from 'coupon-rules';
 * const e: CouponHonoredEvent = { type: 'honored', at: '2026-12-05T00:00:00Z', orderId: 'o9', attemptAt: '2026-12-01T10:30:00Z', incidents: ['inc-1'] };
 * ```
 */
export interface CouponHonoredEvent {
  readonly type: 'honored';
  readonly at: InstantInput;
  readonly orderId: string;
  readonly attemptAt: InstantInput;
  readonly incidents: readonly string[];
}

/**
 * Something that happened to a coupon after it was issued.
 *
 * @example
 * ```ts
 * import type { CouponEvent } from 'coupon-rules';
 * const events: CouponEvent[] = [{ type: 'declined', at: '2026-12-02T10:00:00Z' }];
 * ```
 */
export type CouponEvent = CouponEditedEvent | CouponRedeemedEvent | CouponDeclinedEvent | CouponDeletedEvent | CouponExtendedEvent | CouponHonoredEvent;

/**
 * A coupon with its history.
 *
 * @example
 * ```ts
 * import type { CouponRecord } from 'coupon-rules';
 * const r: CouponRecord = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [] };
 * ```
 */
export interface CouponRecord extends Coupon {
  readonly events: readonly CouponEvent[];
  /** Ids of the incidents an outage remedy has already answered for this coupon. */
  readonly remedies?: readonly string[];
}

/**
 * A coupon's status at an instant. `expired` is derived from time: an open
 * coupon past the end of its expiration date.
 *
 * @example
 * ```ts
 * import type { CouponStatus } from 'coupon-rules';
 * const s: CouponStatus = 'open';
 * ```
 */
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/**
 * Why an action is not allowed now.
 *
 * @example
 * ```ts
 * import type { ActionBlock } from 'coupon-rules';
 * const why: ActionBlock = 'COUPON_REDEEMED';
 * ```
 */
export type ActionBlock = (typeof COUPON_ACTION_BLOCKS)[number];

/**
 * Whether one action is allowed, and if not, why.
 *
 * @example
 * ```ts
 * import type { ActionCheck } from 'coupon-rules';
 * const no: ActionCheck = { ok: false, code: 'COUPON_EXPIRED' };
 * ```
 */
export type ActionCheck = { readonly ok: true } | { readonly ok: false; readonly code: ActionBlock };

/**
 * What may be done to a coupon now. `redeem` speaks of the coupon itself
 * (open and not expired); an order's own guards are checked when it is redeemed.
 *
 * @example
 * ```ts
 * import type { AllowedActions } from 'coupon-rules';
 * const a: AllowedActions = { edit: { ok: true }, delete: { ok: true }, decline: { ok: true }, redeem: { ok: true } };
 * ```
 */
export interface AllowedActions {
  readonly edit: ActionCheck;
  readonly delete: ActionCheck;
  readonly decline: ActionCheck;
  readonly redeem: ActionCheck;
}

/**
 * A coupon's state at an instant: the fold of its events.
 *
 * @example
 * ```ts
 * import { couponState, unwrap } from 'coupon-rules';
 * const view = unwrap(couponState({ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '5.00' }, events: [] }, '2027-01-01T00:30:00+01:00'));
 * console.log(view.status); // → expired
 * console.log(view.expiresAt); // → 2026-12-31T23:00:00.000Z
 * ```
 */
export interface CouponView {
  readonly id: string;
  readonly status: CouponStatus;
  /** The current expiration date (after edits), local to the store. */
  readonly expires: string;
  /** The instant validity ends (the start of the day after `expires`), ISO 8601 UTC. */
  readonly expiresAt: string;
  readonly terms: CouponTerms;
  readonly redemption: { readonly orderId: string; readonly at: string } | null;
  readonly allowed: AllowedActions;
}

/** @internal A coupon record checked for shape, with instants as epoch milliseconds. */
export interface ParsedRecord {
  readonly id: string;
  readonly seller: string;
  readonly recipient: string;
  readonly expires: string;
  readonly timeZone: string;
  readonly terms: CouponTerms;
  readonly remedies: readonly string[];
  readonly events: readonly ParsedEvent[];
}

/** @internal */
export type ParsedEvent =
  | { readonly type: 'edited'; readonly at: number; readonly terms?: CouponTerms; readonly expires?: string }
  | {
      readonly type: 'redeemed';
      readonly at: number;
      readonly orderId: string;
      readonly buyer: string;
      readonly store: string;
      readonly newOrder: boolean;
      readonly orderHasCoupon: boolean;
    }
  | { readonly type: 'declined' | 'deleted'; readonly at: number }
  | { readonly type: 'extended'; readonly at: number; readonly expires: string; readonly incidents: readonly string[] }
  | { readonly type: 'honored'; readonly at: number; readonly orderId: string; readonly attemptAt: number; readonly incidents: readonly string[] };

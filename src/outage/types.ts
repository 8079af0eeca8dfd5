import type { CouponTerms } from '../coupon/terms.js';
import type { CouponEvent, CouponRecord } from '../lifecycle/types.js';
import type { OrderLine, QuoteRounding } from '../order/types.js';
import type { InstantInput } from '../time/instant.js';

/**
 * A time window `[start, end)` during which coupons could not be used.
 *
 * @example
 * ```ts
 * import type { Incident } from 'coupon-rules';
 * const i: Incident = { id: 'inc-1', start: '2026-12-01T22:00:00Z', end: '2026-12-02T03:30:00Z' };
 * ```
 */
export interface Incident {
  readonly id: string;
  readonly start: InstantInput;
  readonly end: InstantInput;
}

/**
 * How a shop remedies outages. `graceDays` (default 1): local days after a
 * window in which an expiry still counts as affected, and added to the
 * window's end for the earliest new expiry. `extension`: the window's
 * length rounded up to whole days (default), or a fixed number of days.
 * `extend`, `reissue`, `honor` (each default `true`): which remedies the
 * shop grants. `compensation`: an optional extra coupon per buyer and store.
 * `loyalty`: extra days on the new expiry of loyalty members' coupons
 * (the input's `loyaltyMembers`), whose notices are marked priority.
 *
 * @example
 * ```ts
 * import type { OutagePolicy } from 'coupon-rules';
 * const p: OutagePolicy = { graceDays: 1, extension: { days: 3 }, compensation: { terms: { type: 'fixed', amount: '2.00' }, validDays: 30, minOutageMinutes: 60 } };
 * ```
 */
export interface OutagePolicy {
  readonly graceDays?: number;
  readonly extension?: 'outage-length' | { readonly days: number };
  readonly extend?: boolean;
  readonly reissue?: boolean;
  readonly honor?: boolean;
  readonly compensation?: { readonly terms: CouponTerms; readonly validDays: number; readonly minOutageMinutes: number };
  readonly loyalty?: { readonly extraGraceDays: number };
}

/**
 * A redemption that failed: the buyer tried to use a coupon on an order.
 *
 * @example
 * ```ts
 * import type { RedemptionAttempt } from 'coupon-rules';
 * const a: RedemptionAttempt = { couponId: 'c1', orderId: 'o9', at: '2026-12-01T23:00:00Z',
 *   order: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '20.00', quantity: 1 }], buyer: 'b1', store: 's1', newOrder: true, hasCoupon: false } };
 * ```
 */
export interface RedemptionAttempt {
  readonly couponId: string;
  readonly orderId: string;
  readonly at: InstantInput;
  readonly order: {
    readonly currency: string;
    readonly rounding?: QuoteRounding;
    readonly lines: readonly OrderLine[];
    readonly buyer: string;
    readonly store: string;
    readonly newOrder: boolean;
    readonly hasCoupon: boolean;
  };
}

/**
 * What the planner takes: the instant, the policy, the incidents, the
 * coupons (with their events and the incidents already remedied) and the
 * failed redemption attempts.
 *
 * @example
 * ```ts
 * import type { OutageInput } from 'coupon-rules';
 * const input: OutageInput = { at: '2026-12-03T12:00:00Z', incidents: [], coupons: [] };
 * ```
 */
export interface OutageInput {
  readonly at: InstantInput;
  readonly policy?: OutagePolicy;
  readonly incidents: readonly Incident[];
  readonly coupons: readonly CouponRecord[];
  readonly attempts?: readonly RedemptionAttempt[];
  /** Buyer ids of the shop's loyalty program members (see `policy.loyalty`). */
  readonly loyaltyMembers?: readonly string[];
}

/**
 * An outage window as a plan lists it: incidents merged (overlapping or
 * touching ones become one), with a short deterministic id that every
 * remedy uses to name it.
 *
 * @example
 * ```ts
 * import type { OutageWindow } from 'coupon-rules';
 * const w: OutageWindow = { id: 'w-0c1a…', start: '2026-12-01T22:00:00.000Z', end: '2026-12-02T03:30:00.000Z', incidents: ['inc-1', 'inc-2'] };
 * ```
 */
export interface OutageWindow {
  /** `w-` and 32 hex digits: the first 128 bits of the SHA-256 of its incident ids (docs/outages.md). */
  readonly id: string;
  readonly start: string;
  readonly end: string;
  /** Its incident ids, sorted. */
  readonly incidents: readonly string[];
}

/**
 * One thing done for a buyer, as their notice lists it. `windows` names
 * the windows it answers, as in the plan's entries.
 *
 * @example
 * ```ts
 * import type { NoticeItem } from 'coupon-rules';
 * const item: NoticeItem = { type: 'extended', couponId: 'c1', from: '2026-12-02', to: '2026-12-04', windows: ['w-0c1a…'] };
 * ```
 */
export type NoticeItem =
  | { readonly type: 'extended'; readonly couponId: string; readonly from: string; readonly to: string; readonly windows: readonly string[] }
  | { readonly type: 'reissued'; readonly couponId: string; readonly newCouponId: string; readonly expires: string; readonly windows: readonly string[] }
  | { readonly type: 'honored'; readonly couponId: string; readonly orderId: string; readonly couponCredit: string; readonly windows: readonly string[] }
  | { readonly type: 'compensated'; readonly couponId: string; readonly store: string; readonly expires: string; readonly windows: readonly string[] };

/**
 * The remedies to apply. `windows` lists every outage window once, in time
 * order; every remedy names the windows it answers in `windows`, each
 * entry a window id or, for two or more consecutive windows, `first..last`
 * (so that an answer stays a small multiple of its request however many
 * incidents touched a coupon). Every list of remedies is sorted by coupon
 * id (notices by buyer). Dates are expiration dates, local to the coupon's
 * store.
 *
 * @example
 * ```ts
 * import type { OutagePlan } from 'coupon-rules';
 * const nothing: OutagePlan = { windows: [], extend: [], reissue: [], honor: [], compensate: [], notices: [] };
 * ```
 */
export interface OutagePlan {
  readonly windows: readonly OutageWindow[];
  readonly extend: readonly { readonly couponId: string; readonly from: string; readonly to: string; readonly windows: readonly string[] }[];
  readonly reissue: readonly { readonly couponId: string; readonly newCouponId: string; readonly expires: string; readonly windows: readonly string[] }[];
  readonly honor: readonly { readonly couponId: string; readonly orderId: string; readonly couponCredit: string; readonly windows: readonly string[] }[];
  readonly compensate: readonly {
    readonly buyer: string;
    readonly store: string;
    readonly couponId: string;
    readonly expires: string;
    readonly windows: readonly string[];
  }[];
  /** One per buyer: loyalty members' first (`priority: true`), then by buyer id. */
  readonly notices: readonly { readonly buyer: string; readonly priority: boolean; readonly items: readonly NoticeItem[] }[];
}

/**
 * What applying an outage plan does to one coupon already stored: the events to append to its
 * history and the incident ids to add to its `remedies`. `expectedVersion` is the number of events
 * the coupon had in the planner's input (`events.length`): an event store appends only while the
 * coupon still has that many (optimistic concurrency), and plans again otherwise; a store whose
 * streams hold more than the record's events checks the version it read instead. An entry without
 * events (the original of a reissued coupon) only adds remedies.
 *
 * @example
 * ```ts
 * import type { CouponAppend } from 'coupon-rules';
 * const a: CouponAppend = {
 *   couponId: 'c2',
 *   expectedVersion: 0,
 *   events: [{ type: 'extended', at: '2026-12-02T08:00:00.000Z', expires: '2026-12-03', incidents: ['inc-1'] }],
 *   remedies: ['inc-1'],
 * };
 * ```
 */
export interface CouponAppend {
  readonly couponId: string;
  /** How many events the coupon has in the input: the version to append at. */
  readonly expectedVersion: number;
  /** The events to append, in order: an `extended` or `honored` event at the planning instant, or none. */
  readonly events: readonly CouponEvent[];
  /** The incident ids to add to the coupon's `remedies`, none of them there already: one per window the remedy answers. */
  readonly remedies: readonly string[];
}

/**
 * What applying an outage plan changes, as an event store applies it: `append`, per coupon already
 * stored (sorted by coupon id), the events and remedies to add; `insert`, the coupons the plan
 * creates (reissued coupons, then compensating ones, each sorted by id), with no events. Applying
 * `append` to the stored coupons and adding `insert` gives exactly what `applyOutagePlan`
 * returns.
 *
 * @example
 * ```ts
 * import type { OutagePlanChanges } from 'coupon-rules';
 * const nothing: OutagePlanChanges = { append: [], insert: [] };
 * ```
 */
export interface OutagePlanChanges {
  readonly append: readonly CouponAppend[];
  readonly insert: readonly CouponRecord[];
}

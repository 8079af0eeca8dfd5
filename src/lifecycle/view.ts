// The view: a folded state at an instant, and the public functions built on it.
import { InputReader } from '../input.js';
import { fail, ok, type Result } from '../result.js';
import type { InstantInput } from '../time/instant.js';
import { readInstant } from '../time/read.js';
import { deleteBlock, type FoldState, foldEvents, openBlock } from './fold.js';
import { readCouponFields, readEvents } from './read.js';
import type { ActionBlock, ActionCheck, AllowedActions, CouponRecord, CouponView } from './types.js';

/** @internal The status and allowed actions of a folded state at an instant. */
export function viewOf(id: string, s: FoldState, at: number): CouponView {
  const check = (block: ActionBlock | null): ActionCheck => (block ? { ok: false, code: block } : { ok: true });
  const open = openBlock(s, at);
  return {
    id,
    status: s.status === 'open' && open === 'COUPON_EXPIRED' ? 'expired' : s.status,
    expires: s.expires,
    expiresAt: new Date(s.expiresAt).toISOString(),
    terms: s.terms,
    redemption: s.redemption ? { orderId: s.redemption.orderId, at: new Date(s.redemption.at).toISOString() } : null,
    allowed: { edit: check(open), delete: check(deleteBlock(s)), decline: check(open), redeem: check(open) },
  };
}

/** @internal Reads a record (coupon fields and `events`) and folds it at `at`. */
export function readCouponState(
  r: InputReader,
  coupon: unknown,
  events: unknown,
  at: unknown,
  paths: { readonly coupon: string; readonly events: string; readonly at: string },
): Result<CouponView> {
  const need = (value: unknown, path: string) => value !== undefined || (r.error('REQUIRED', path, `"${path}" is required`), false);
  const fields = need(coupon, paths.coupon || 'coupon') ? readCouponFields(r, coupon, paths.coupon, []) : undefined;
  const parsedEvents = need(events, paths.events) ? readEvents(r, events, paths.events) : undefined;
  const atMs = need(at, paths.at) ? readInstant(r, at, paths.at) : undefined;
  if (!fields || !parsedEvents || atMs === undefined || r.count > 0) return fail(r.errors);
  const s = foldEvents(r, { ...fields, events: parsedEvents }, atMs, paths.events);
  return r.count > 0 ? fail(r.errors) : ok(viewOf(fields.id, s, atMs));
}

/**
 * A coupon's state at an instant: the pure fold of its events (in time
 * order) that happened at or before `at`, each checked against the rules
 * as they stood when it happened. Expiry is derived from `at`, never
 * stored. An event that was not allowed is an error at `events.N`.
 *
 * @example
 * ```ts
 * import { couponState, unwrap } from 'coupon-rules';
 * const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed' as const, amount: '5.00' } };
 * const view = unwrap(couponState({ ...coupon, events: [{ type: 'redeemed', at: '2026-12-02T10:00:00Z', orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }] }, '2026-12-05T00:00:00Z'));
 * console.log(view.status); // → redeemed
 * console.log(view.allowed.delete); // → { ok: false, code: 'COUPON_REDEEMED' }
 * ```
 */
export function couponState(record: CouponRecord, at: InstantInput): Result<CouponView> {
  const paths = { coupon: '', events: 'events', at: 'at' };
  if (typeof record !== 'object' || (record as unknown) === null) return readCouponState(new InputReader(), record, [], at, paths);
  const { events, ...coupon } = record;
  return readCouponState(new InputReader(), coupon, events, at, paths);
}

/**
 * What may be done to a coupon at an instant — edit, delete, decline,
 * redeem — and, for each that may not, why.
 *
 * @example
 * ```ts
 * import { allowedActions, unwrap } from 'coupon-rules';
 * const allowed = unwrap(allowedActions({ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [{ type: 'declined', at: '2026-12-01T00:00:00Z' }] }, '2026-12-02T00:00:00Z'));
 * // A declined coupon may still be deleted, and nothing else.
 * console.log(allowed); // → { edit: { ok: false, code: 'COUPON_DECLINED' }, delete: { ok: true }, decline: { ok: false, code: 'COUPON_DECLINED' }, redeem: { ok: false, code: 'COUPON_DECLINED' } }
 * ```
 */
export function allowedActions(record: CouponRecord, at: InstantInput): Result<AllowedActions> {
  const r = couponState(record, at);
  return r.ok ? ok(r.value.allowed) : r;
}

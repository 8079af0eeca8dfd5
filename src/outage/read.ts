import { FIELD_NAMES, MAX_COMPENSATION_VALID_DAYS, MAX_OUTAGE_MINUTES } from '../contract/index.js';
import type { CouponTerms } from '../coupon/terms.js';
import { readCoupon } from '../coupon/terms.js';
import type { InputReader } from '../input.js';
import { readQuoteRequest } from '../order/read.js';
import type { ParsedQuoteRequest } from '../order/types.js';
import { joinPath, nestPath } from '../result.js';
import { readRequiredInstant } from '../time/read.js';
import type { ParsedIncident } from './windows.js';

// Reading an outage-plan request: incidents, policy and failed attempts (coupons are read by the lifecycle's readers).

/** @internal */
export interface ParsedAttempt {
  readonly couponId: string;
  readonly orderId: string;
  readonly at: number;
  readonly path: string;
  readonly buyer: string;
  readonly store: string;
  readonly newOrder: boolean;
  readonly hasCoupon: boolean;
  readonly quote: ParsedQuoteRequest;
}

/** @internal */
export interface ParsedPolicy {
  readonly graceDays: number;
  readonly extensionDays: number | null;
  readonly extend: boolean;
  readonly reissue: boolean;
  readonly honor: boolean;
  readonly loyaltyExtraDays: number;
  readonly compensation: { readonly terms: CouponTerms; readonly validDays: number; readonly minOutageMinutes: number } | null;
}

/**
 * @internal Reads the incidents. With `now`, an incident may not start after it: an outage is
 * something that has begun; a maintenance still to come is planned for once it starts.
 */
export function readIncidents(r: InputReader, value: unknown, path: string, now?: number): ParsedIncident[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const before = r.count;
  const seen = new Set<string>();
  const out: ParsedIncident[] = [];
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const o = r.object(raw, p, FIELD_NAMES.incident);
    if (!o) return;
    const id = r.nonEmptyString(r.required(o, 'id', p), joinPath(p, 'id'));
    const start = readRequiredInstant(r, o, 'start', p);
    const end = readRequiredInstant(r, o, 'end', p);
    if (id !== undefined && seen.has(id)) r.error('DUPLICATE_INCIDENT_ID', joinPath(p, 'id'), `incident id "${id.slice(0, 40)}" is used twice`);
    if (id !== undefined) seen.add(id);
    if (start !== undefined && end !== undefined && end <= start) r.error('INVALID_INCIDENT', p, 'an incident ends after it starts');
    if (start !== undefined && now !== undefined && start > now)
      r.error('INCIDENT_AFTER_NOW', joinPath(p, 'start'), 'an incident cannot start after the planning instant: plan for it once it has begun');
    if (id !== undefined && start !== undefined && end !== undefined) out.push({ id, start, end });
  });
  return r.count > before ? undefined : out;
}

/** @internal */
export function readOutagePolicy(r: InputReader, value: unknown): ParsedPolicy | undefined {
  if (value === undefined) return { graceDays: 1, extensionDays: null, extend: true, reissue: true, honor: true, loyaltyExtraDays: 0, compensation: null };
  const o = r.object(value, 'policy', FIELD_NAMES.outagePolicy);
  if (!o) return undefined;
  const before = r.count;
  const rawGrace = r.field(o, 'graceDays');
  const graceDays = rawGrace === undefined ? 1 : (r.integer(rawGrace, 'policy.graceDays', 0, 3650, 'INVALID_POLICY', 'graceDays') ?? 1);
  const rawExt = r.field(o, 'extension');
  let extensionDays: number | null = null;
  if (rawExt !== undefined && rawExt !== 'outage-length') {
    const e = r.object(rawExt, 'policy.extension', FIELD_NAMES.extensionDays);
    if (e) extensionDays = r.integer(r.required(e, 'days', 'policy.extension'), 'policy.extension.days', 1, 3650, 'INVALID_POLICY', 'extension days') ?? null;
  }
  let compensation: ParsedPolicy['compensation'] = null;
  const rawComp = r.field(o, 'compensation');
  if (rawComp !== undefined) {
    const c = r.object(rawComp, 'policy.compensation', FIELD_NAMES.compensation);
    if (c) {
      const rawTerms = r.required(c, 'terms', 'policy.compensation');
      const mark = r.count;
      if (rawTerms !== undefined) readCoupon(r, rawTerms, 'policy.compensation.terms', { code: 'the coupon currency', minorUnits: 12 });
      const validDays = r.integer(
        r.required(c, 'validDays', 'policy.compensation'),
        'policy.compensation.validDays',
        0,
        MAX_COMPENSATION_VALID_DAYS,
        'INVALID_POLICY',
        'validDays',
      );
      const minOutageMinutes = r.integer(
        r.required(c, 'minOutageMinutes', 'policy.compensation'),
        'policy.compensation.minOutageMinutes',
        0,
        MAX_OUTAGE_MINUTES,
        'INVALID_POLICY',
        'minOutageMinutes',
      );
      if (r.count === mark && validDays !== undefined && minOutageMinutes !== undefined)
        compensation = { terms: rawTerms as CouponTerms, validDays, minOutageMinutes };
    }
  }
  const flag = (key: 'extend' | 'reissue' | 'honor') => {
    const raw = r.field(o, key);
    return raw === undefined ? true : (r.boolean(raw, joinPath('policy', key)) ?? true);
  };
  const extend = flag('extend');
  const reissue = flag('reissue');
  const honor = flag('honor');
  let loyaltyExtraDays = 0;
  const rawLoyalty = r.field(o, 'loyalty');
  if (rawLoyalty !== undefined) {
    const l = r.object(rawLoyalty, 'policy.loyalty', FIELD_NAMES.loyalty);
    if (l)
      loyaltyExtraDays =
        r.integer(r.required(l, 'extraGraceDays', 'policy.loyalty'), 'policy.loyalty.extraGraceDays', 0, 3650, 'INVALID_POLICY', 'extraGraceDays') ?? 0;
  }
  return r.count > before ? undefined : { graceDays, extensionDays, extend, reissue, honor, loyaltyExtraDays, compensation };
}

/** @internal */
export function readAttempts(r: InputReader, value: unknown, now: number | undefined): ParsedAttempt[] | undefined {
  if (value === undefined) return [];
  const list = r.array(value, 'attempts');
  if (!list) return undefined;
  const out: ParsedAttempt[] = [];
  list.forEach((raw, i) => {
    const p = joinPath('attempts', i);
    const o = r.object(raw, p, FIELD_NAMES.attempt);
    if (!o) return;
    const couponId = r.nonEmptyString(r.required(o, 'couponId', p), joinPath(p, 'couponId'));
    const orderId = r.nonEmptyString(r.required(o, 'orderId', p), joinPath(p, 'orderId'));
    const at = readRequiredInstant(r, o, 'at', p);
    if (at !== undefined && now !== undefined && at > now)
      r.error('ATTEMPT_AFTER_NOW', joinPath(p, 'at'), 'an attempt cannot be later than the planning instant');
    const op = joinPath(p, 'order');
    const rawOrder = r.required(o, 'order', p);
    const order = rawOrder === undefined ? undefined : r.object(rawOrder, op, FIELD_NAMES.attemptOrder);
    if (!order) return;
    const buyer = r.nonEmptyString(r.required(order, 'buyer', op), joinPath(op, 'buyer'));
    const store = r.nonEmptyString(r.required(order, 'store', op), joinPath(op, 'store'));
    const newOrder = r.boolean(r.required(order, 'newOrder', op), joinPath(op, 'newOrder'));
    const hasCoupon = r.boolean(r.required(order, 'hasCoupon', op), joinPath(op, 'hasCoupon'));
    const { buyer: _b, store: _s, newOrder: _n, hasCoupon: _h, ...quotable } = order;
    const q = readQuoteRequest(quotable);
    if (!q.ok) r.absorb(q.errors.map((e) => ({ ...e, path: nestPath(op, e.path) })));
    if (
      couponId !== undefined &&
      orderId !== undefined &&
      at !== undefined &&
      buyer !== undefined &&
      store !== undefined &&
      newOrder !== undefined &&
      hasCoupon !== undefined &&
      q.ok
    ) {
      out.push({ couponId, orderId, at, path: p, buyer, store, newOrder, hasCoupon, quote: q.value });
    }
  });
  return out; // partial on errors, so that unknown coupon ids are reported too
}

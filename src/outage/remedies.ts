import { fieldNamesWithout } from '../contract/index.js';
import type { CouponTerms } from '../coupon/terms.js';
import { readCoupon } from '../coupon/terms.js';
import { InputReader } from '../input.js';
import { foldEvents, type FoldState, openBlock } from '../lifecycle/fold.js';
import { readCouponRecords, readIds } from '../lifecycle/read.js';
import type { ParsedRecord } from '../lifecycle/types.js';
import { computeQuote } from '../order/compute.js';
import { fail, joinPath, nestPath, ok, type Result } from '../result.js';
import { parseDate } from '../time/calendar.js';
import { addDaysCapped as addCalendarDays, endOfLocalDate, localDateAt } from '../time/dates.js';
import { readRequiredInstant } from '../time/read.js';
import { startOfLocalDay } from '../time/zone.js';
import { type ParsedAttempt, type ParsedPolicy, readAttempts, readIncidents, readOutagePolicy } from './read.js';
import type { NoticeItem, OutagePlan } from './types.js';
import { mergeIntoWindows, runsOf, type Window, WindowIndex } from './windows.js';
import { countWhile } from '../search.js';

const INPUT_KEYS = fieldNamesWithout('outagePlanRequest', 'op');

// The planner, in four phases over windows indexed by time: honor failed attempts, extend or
// reissue the coupons a window left without time, compensate buyers, write one notice per buyer.
// A coupon's windows are found by binary search and handled as runs of consecutive windows, so a
// plan costs O((coupons + events + remedies + attempts) · log windows + windows log windows).

const DAY = 86_400_000;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const later = (a: string, b: string) => (a < b ? b : a);

/** @internal A half-open range of window indexes. */
export type Range = readonly [from: number, to: number];

interface Coupon {
  readonly record: ParsedRecord & { readonly path: string };
  /** The state now. */
  readonly now: FoldState;
  /** The state after each event up to now, the first being the state as issued (at −∞). */
  readonly history: readonly { readonly at: number; readonly state: FoldState }[];
  /** Indexes of the windows its remedies answer, ascending. */
  readonly answered: readonly number[];
}

/** @internal What applying a plan needs besides the plan itself. */
export interface Planned {
  readonly plan: OutagePlan;
  readonly windows: readonly Window[];
  /** Each coupon's terms now (after edits), for the coupons a reissue copies. */
  readonly termsNow: ReadonlyMap<string, CouponTerms>;
  /** The instant of each honored attempt, by coupon id. */
  readonly honoredAt: ReadonlyMap<string, number>;
  /** The windows each remedied coupon's remedy answers, by coupon id. */
  readonly answers: ReadonlyMap<string, readonly Range[]>;
  /** The time zone of each compensating coupon (that of the buyer's first remedied coupon in the store, by id). */
  readonly compensationZones: ReadonlyMap<string, string>;
  /** The windows a coupon created now, expiring on `expires` in `timeZone`, could look affected by. */
  readonly createdAffectedBy: (expires: string, timeZone: string) => Range;
}

/** The part of a range not in a sorted list of indexes. */
function without(range: Range, excluded: readonly number[]): Range[] {
  const [from, to] = range;
  const out: Range[] = [];
  let start = from;
  for (let i = countWhile(excluded.length, (k) => (excluded[k] ?? 0) < from); i < excluded.length && (excluded[i] ?? to) < to; i++) {
    const x = excluded[i] ?? to;
    if (x > start) out.push([start, x]);
    start = x + 1;
  }
  if (start < to) out.push([start, to]);
  return out;
}

/** Ranges merged where they overlap or touch, ascending. */
function union(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** @internal Plans the remedies of an outage-plan request (with the wire's `op` among `extraKeys`). */
export function planRemedies(input: unknown, extraKeys: readonly string[]): Result<Planned> {
  const r = new InputReader();
  const o = r.object(input, '', [...INPUT_KEYS, ...extraKeys]);
  if (!o) return fail(r.errors);
  const now = readRequiredInstant(r, o, 'at', '');
  const policy = readOutagePolicy(r, r.field(o, 'policy'));
  const rawIncidents = r.required(o, 'incidents', '');
  const incidents = rawIncidents === undefined ? undefined : readIncidents(r, rawIncidents, 'incidents', now);
  const { ids, records } = readCouponRecords(r, r.required(o, 'coupons', ''), 'coupons');
  const attempts = readAttempts(r, r.field(o, 'attempts'), now);
  const rawMembers = r.field(o, 'loyaltyMembers');
  const loyal = new Set(rawMembers === undefined ? [] : (readIds(r, rawMembers, 'loyaltyMembers') ?? []));
  for (const a of attempts ?? [])
    if (!ids.has(a.couponId)) r.error('UNKNOWN_COUPON', joinPath(a.path, 'couponId'), `no coupon "${a.couponId.slice(0, 40)}" in "coupons"`);
  if (r.count > 0 || now === undefined || !policy || !incidents || !attempts) return fail(r.errors);

  const index = new WindowIndex(mergeIntoWindows(incidents));
  const coupons = new Map<string, Coupon>();
  for (const record of records) {
    const history: { at: number; state: FoldState }[] = [];
    const state = foldEvents(r, record, now, joinPath(record.path, 'events'), (at, s) => history.push({ at, state: s }));
    history.unshift({ at: Number.NEGATIVE_INFINITY, state: foldEvents(new InputReader(), { ...record, events: [] }, now, '') });
    coupons.set(record.id, { record, now: state, history, answered: index.answered(state.remedies) });
  }
  if (r.count > 0) return fail(r.errors);

  const honored = policy.honor ? honorAttempts(r, index, coupons, attempts) : new Map<string, Honored>();
  if (r.count > 0) return fail(r.errors);
  const { extend, reissue, hits } = extendOrReissue(index, coupons, honored, policy, now, loyal);
  for (const [id, h] of honored) hits.set(id, [[h.window.index, h.window.index + 1]]);
  const compensate = compensation(index, coupons, hits, policy, now, ids);

  const windows = index.windows;
  const named = (id: string) => runsOf(hits.get(id) ?? [], windows);
  const honor = [...honored.entries()].map(([couponId, h]) => ({ couponId, orderId: h.attempt.orderId, couponCredit: h.credit, windows: [h.window.id] }));
  const sortById = <T extends { couponId: string }>(xs: T[]) => xs.sort((a, b) => byString(a.couponId, b.couponId));
  const plan: OutagePlan = {
    windows: windows.map((w) => ({ id: w.id, start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), incidents: w.ids })),
    extend: sortById(extend.map((e) => ({ ...e, windows: named(e.couponId) }))),
    reissue: sortById(
      reissue.map((e) => ({
        couponId: e.couponId,
        newCouponId: `${e.couponId}~reissue~${windows[hits.get(e.couponId)?.[0]?.[0] ?? 0]?.id ?? ''}`,
        expires: e.expires,
        windows: named(e.couponId),
      })),
    ),
    honor: sortById(honor),
    compensate: sortById(
      compensate.map((c) => ({ buyer: c.buyer, store: c.store, couponId: c.couponId, expires: c.expires, windows: runsOf(c.ranges, windows) })),
    ),
    notices: [],
  };
  const createdAffectedBy = (expires: string, timeZone: string): Range => {
    // A coupon created now expiring on `expires` can look affected only by windows that end after the start of
    // the local day graceDays before it (they all start before its validity ends: they started by now).
    const since = startOfLocalDay((parseDate(expires) ?? 0) - policy.graceDays, timeZone);
    return [index.countBefore('end', since, true), windows.length];
  };
  return ok({
    plan: { ...plan, notices: noticesOf(plan, coupons, loyal) },
    windows,
    termsNow: new Map([...coupons.values()].map((c) => [c.record.id, c.now.terms])),
    honoredAt: new Map([...honored.entries()].map(([id, h]) => [id, h.attempt.at])),
    answers: hits,
    compensationZones: new Map(compensate.map((c) => [c.couponId, c.timeZone])),
    createdAffectedBy,
  });
}

/** The state of a coupon at an instant, from its history (events at that instant included). */
function stateAt(c: Coupon, at: number): FoldState {
  return c.history[countWhile(c.history.length, (i) => (c.history[i]?.at ?? 0) <= at) - 1]?.state ?? c.now;
}

interface Honored {
  readonly attempt: ParsedAttempt;
  readonly window: Window;
  readonly credit: string;
}

/**
 * Honor: the earliest honorable failed attempt per coupon, made during a window the coupon's
 * remedies do not answer, on a coupon open and valid then and still open now, by an order that met
 * the redeem guards; one coupon per order.
 */
function honorAttempts(r: InputReader, index: WindowIndex, coupons: ReadonlyMap<string, Coupon>, attempts: readonly ParsedAttempt[]): Map<string, Honored> {
  const honored = new Map<string, Honored>();
  const orders = new Set<string>();
  for (const a of [...attempts].sort((x, y) => x.at - y.at || byString(x.orderId, y.orderId))) {
    const c = coupons.get(a.couponId);
    const w = index.at(a.at);
    if (!c || !w || honored.has(a.couponId) || orders.has(a.orderId) || c.now.status !== 'open' || c.answered.includes(w.index)) continue;
    const then = stateAt(c, a.at);
    if (openBlock(then, a.at) !== null) continue; // not open and valid when it was tried
    const { record } = c;
    if (a.buyer !== record.recipient || a.store !== record.seller || !a.newOrder || a.hasCoupon) continue;
    const scratch = new InputReader();
    const terms = readCoupon(scratch, then.terms, 'terms', a.quote.currency);
    if (!terms) {
      r.absorb(scratch.errors.map((e) => ({ ...e, path: nestPath(record.path, e.path) })));
      continue;
    }
    const q = computeQuote({ ...a.quote, coupon: terms, sellerCredit: 0n, chargesTotal: 0n }, false);
    if (!q.ok) continue;
    honored.set(a.couponId, { attempt: a, window: w, credit: q.value.couponCredit });
    orders.add(a.orderId);
  }
  return honored;
}

/**
 * Extend or reissue every other coupon open now whose validity ended in a window or its grace days,
 * judged against the coupon as it stood when each window ended. Windows that ended are taken per
 * stretch of the coupon's history (between two events its expiry and status do not change), as
 * ranges found by binary search; the one window still under way, if any, is judged against the
 * coupon as it is now, then against its new expiry.
 */
function extendOrReissue(
  index: WindowIndex,
  coupons: ReadonlyMap<string, Coupon>,
  honored: ReadonlyMap<string, Honored>,
  policy: ParsedPolicy,
  now: number,
  loyal: ReadonlySet<string>,
) {
  const windows = index.windows;
  const lengthOf = (w: Window) => policy.extensionDays ?? Math.max(1, Math.ceil((w.end - w.start) / DAY));
  const longest = index.rangeMax(lengthOf);
  const ended = index.countBefore('end', now, true);
  const underWay = windows[ended]; // windows are disjoint and none starts after now: at most one has not ended
  const extend: { couponId: string; from: string; to: string }[] = [];
  const reissue: { couponId: string; expires: string }[] = [];
  const hits = new Map<string, Range[]>();
  for (const c of [...coupons.values()].sort((a, b) => byString(a.record.id, b.record.id))) {
    const { record: coupon, now: s } = c;
    if (s.status !== 'open' || honored.has(coupon.id)) continue;
    const zone = coupon.timeZone;
    // A window affects an expiry when it starts before the validity ends and ends after the start of the local
    // day graceDays before the expiration date (the window's last instant is at most graceDays before it).
    const affected = (exp: string, among: Range): Range => {
      const from = Math.max(among[0], index.countBefore('end', startOfLocalDay((parseDate(exp) ?? 0) - policy.graceDays, zone), true));
      const to = Math.min(among[1], index.countBefore('start', endOfLocalDate(exp, zone)));
      return [from, to];
    };
    const floorNow = addCalendarDays(localDateAt(now, zone), policy.graceDays);
    const hit: Range[] = [];
    let expires = s.expires;
    c.history.forEach(({ at, state }, k) => {
      if (state.status !== 'open') return;
      const next = c.history[k + 1]?.at ?? Number.POSITIVE_INFINITY;
      const among: Range = [k === 0 ? 0 : index.countBefore('end', at), Math.min(ended, index.countBefore('end', next))];
      for (const range of without(affected(state.expires, among), c.answered)) {
        hit.push(range);
        expires = later(expires, later(addCalendarDays(state.expires, longest(range[0], range[1])), floorNow));
      }
    });
    if (underWay && !c.answered.includes(underWay.index)) {
      const one: Range = [underWay.index, underWay.index + 1];
      const floor = addCalendarDays(localDateAt(underWay.end, zone), policy.graceDays);
      for (const exp of [s.expires, expires]) {
        const [from, to] = affected(exp, one);
        if (from >= to || hit.some(([x]) => x === underWay.index)) continue;
        hit.push(one);
        expires = later(expires, later(addCalendarDays(exp, lengthOf(underWay)), floor));
      }
    }
    if (hit.length === 0) continue;
    const open = openBlock(s, now) === null;
    // A remedy granted after the window ended may already reach as far: an extension to the same date changes nothing.
    if (open && expires === s.expires) continue;
    // The shop grants only the remedies its policy names.
    if (open ? !policy.extend : !policy.reissue) continue;
    // A loyalty member's new expiry gets the policy's extra days.
    if (loyal.has(coupon.recipient)) expires = addCalendarDays(expires, policy.loyaltyExtraDays);
    hits.set(coupon.id, union(hit));
    if (open) extend.push({ couponId: coupon.id, from: s.expires, to: expires });
    else reissue.push({ couponId: coupon.id, expires });
  }
  return { extend, reissue, hits };
}

/**
 * Compensation: one coupon per buyer and store who received any remedy in this plan, when one of
 * the windows it answers lasted at least `minOutageMinutes`; it names the windows of all their remedies.
 */
function compensation(
  index: WindowIndex,
  coupons: ReadonlyMap<string, Coupon>,
  hits: ReadonlyMap<string, readonly Range[]>,
  policy: ParsedPolicy,
  now: number,
  taken: ReadonlySet<string>,
) {
  const comp = policy.compensation;
  if (!comp) return [];
  const longest = index.rangeMax((w) => w.end - w.start);
  const byBuyer = new Map<string, { buyer: string; store: string; timeZone: string; ranges: Range[] }>();
  for (const id of [...hits.keys()].sort(byString)) {
    const c = coupons.get(id)?.record;
    if (!c) continue;
    const key = JSON.stringify([c.seller, c.recipient]);
    const entry = byBuyer.get(key) ?? { buyer: c.recipient, store: c.seller, timeZone: c.timeZone, ranges: [] };
    entry.ranges.push(...(hits.get(id) ?? []));
    byBuyer.set(key, entry);
  }
  const out: { buyer: string; store: string; couponId: string; expires: string; timeZone: string; ranges: Range[] }[] = [];
  for (const e of byBuyer.values()) {
    const ranges = union(e.ranges);
    if (!ranges.some(([from, to]) => longest(from, to) >= comp.minOutageMinutes * 60_000)) continue;
    const couponId = `compensation~${e.store}~${e.buyer}~${index.windows[ranges[0]?.[0] ?? 0]?.id ?? ''}`;
    if (taken.has(couponId)) continue;
    out.push({
      buyer: e.buyer,
      store: e.store,
      couponId,
      expires: addCalendarDays(localDateAt(now, e.timeZone), comp.validDays),
      timeZone: e.timeZone,
      ranges,
    });
  }
  return out;
}

/** Notices: one per buyer, loyalty members' first (priority), then by buyer; each lists what was done, by coupon id then kind. */
function noticesOf(plan: OutagePlan, coupons: ReadonlyMap<string, Coupon>, loyal: ReadonlySet<string>): OutagePlan['notices'] {
  const items = new Map<string, NoticeItem[]>();
  const add = (buyer: string, item: NoticeItem) => {
    const list = items.get(buyer);
    if (list) list.push(item);
    else items.set(buyer, [item]);
  };
  const recipient = (id: string) => coupons.get(id)?.record.recipient ?? '';
  for (const e of plan.extend) add(recipient(e.couponId), { type: 'extended', ...e });
  for (const e of plan.reissue) add(recipient(e.couponId), { type: 'reissued', ...e });
  for (const e of plan.honor) add(recipient(e.couponId), { type: 'honored', ...e });
  for (const e of plan.compensate) add(e.buyer, { type: 'compensated', couponId: e.couponId, store: e.store, expires: e.expires, windows: e.windows });
  return [...items.entries()]
    .map(([buyer, list]) => ({ buyer, priority: loyal.has(buyer), items: list.sort((a, b) => byString(a.couponId, b.couponId) || byString(a.type, b.type)) }))
    .sort((a, b) => Number(b.priority) - Number(a.priority) || byString(a.buyer, b.buyer));
}

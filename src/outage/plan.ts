import type { CouponTerms } from '../coupon/terms.js';
import { readCoupon } from '../coupon/terms.js';
import { InputReader } from '../input.js';
import { type CouponRecord, foldEvents, type FoldState, openBlock, type ParsedRecord, readCouponRecords } from '../lifecycle/state.js';
import { addCalendarDays, endOfLocalDate, localDateAt } from '../time/dates.js';
import type { InstantInput } from '../time/instant.js';
import { readRequiredInstant } from '../time/read.js';
import { computeQuote, type OrderLine, type QuoteRounding, readQuoteRequest } from '../order/quote.js';
import { fail, joinPath, nestPath, ok, type Result } from '../result.js';

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
 * `compensation`: an optional extra coupon per buyer, store and window.
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
  readonly compensation?: { readonly terms: CouponTerms; readonly validDays: number; readonly minOutageMinutes: number };
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
}

/**
 * One thing done for a buyer, as their notice lists it.
 *
 * @example
 * ```ts
 * import type { NoticeItem } from 'coupon-rules';
 * const item: NoticeItem = { type: 'extended', couponId: 'c1', from: '2026-12-02', to: '2026-12-04', incidents: ['inc-1'] };
 * ```
 */
export type NoticeItem =
  | { readonly type: 'extended'; readonly couponId: string; readonly from: string; readonly to: string; readonly incidents: readonly string[] }
  | { readonly type: 'reissued'; readonly couponId: string; readonly newCouponId: string; readonly expires: string; readonly incidents: readonly string[] }
  | { readonly type: 'honored'; readonly couponId: string; readonly orderId: string; readonly couponCredit: string; readonly incidents: readonly string[] }
  | { readonly type: 'compensated'; readonly couponId: string; readonly store: string; readonly expires: string; readonly incidents: readonly string[] };

/**
 * The remedies to apply. Every list is sorted by coupon id (notices by
 * buyer); every remedy names the incidents it answers. Dates are
 * expiration dates, local to the coupon's store.
 *
 * @example
 * ```ts
 * import type { OutagePlan } from 'coupon-rules';
 * const nothing: OutagePlan = { extend: [], reissue: [], honor: [], compensate: [], notices: [] };
 * ```
 */
export interface OutagePlan {
  readonly extend: readonly { readonly couponId: string; readonly from: string; readonly to: string; readonly incidents: readonly string[] }[];
  readonly reissue: readonly { readonly couponId: string; readonly newCouponId: string; readonly expires: string; readonly incidents: readonly string[] }[];
  readonly honor: readonly { readonly couponId: string; readonly orderId: string; readonly couponCredit: string; readonly incidents: readonly string[] }[];
  readonly compensate: readonly { readonly buyer: string; readonly store: string; readonly couponId: string; readonly expires: string; readonly incidents: readonly string[] }[];
  readonly notices: readonly { readonly buyer: string; readonly items: readonly NoticeItem[] }[];
}

/** @internal An outage window: merged incidents. */
interface Window {
  readonly start: number;
  readonly end: number;
  readonly ids: readonly string[];
}

interface ParsedAttempt {
  readonly couponId: string;
  readonly orderId: string;
  readonly at: number;
  readonly path: string;
  readonly buyer: string;
  readonly store: string;
  readonly newOrder: boolean;
  readonly hasCoupon: boolean;
  readonly quote: Exclude<ReturnType<typeof readQuoteRequest>, { ok: false }>['value'];
}

interface ParsedPolicy {
  readonly graceDays: number;
  readonly extensionDays: number | null;
  readonly compensation: { readonly terms: CouponTerms; readonly validDays: number; readonly minOutageMinutes: number } | null;
}

const DAY = 86_400_000;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Incidents merged into outage windows: overlapping or touching incidents
 * (`next.start ≤ current.end`) become one window carrying all their ids.
 *
 * @example
 * ```ts
 * import { mergeIncidents } from 'coupon-rules';
 * console.log(mergeIncidents([{ id: 'b', start: '2026-12-01T02:00:00Z', end: '2026-12-01T03:00:00Z' }, { id: 'a', start: '2026-12-01T01:00:00Z', end: '2026-12-01T02:00:00Z' }]));
 * // [{ start: '2026-12-01T01:00:00.000Z', end: '2026-12-01T03:00:00.000Z', incidents: ['a', 'b'] }]
 * ```
 */
export function mergeIncidents(incidents: readonly Incident[]): { start: string; end: string; incidents: string[] }[] {
  const r = new InputReader();
  const parsed = readIncidents(r, incidents, 'incidents');
  if (!parsed) throw new RangeError(r.errors.map((e) => `${e.code} at ${e.path}`).join('; '));
  return merge(parsed).map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), incidents: [...w.ids] }));
}

function merge(list: readonly { id: string; start: number; end: number }[]): Window[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end || byString(a.id, b.id));
  const out: { start: number; end: number; ids: string[] }[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      last.end = Math.max(last.end, i.end);
      last.ids.push(i.id);
    } else out.push({ start: i.start, end: i.end, ids: [i.id] });
  }
  return out.map((w) => ({ ...w, ids: [...w.ids].sort(byString) }));
}

function readIncidents(r: InputReader, value: unknown, path: string): { id: string; start: number; end: number }[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const before = r.count;
  const seen = new Set<string>();
  const out: { id: string; start: number; end: number }[] = [];
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const o = r.object(raw, p, ['id', 'start', 'end']);
    if (!o) return;
    const id = r.nonEmptyString(r.required(o, 'id', p), joinPath(p, 'id'));
    const start = readRequiredInstant(r, o, 'start', p);
    const end = readRequiredInstant(r, o, 'end', p);
    if (id !== undefined && seen.has(id)) r.error('DUPLICATE_INCIDENT_ID', joinPath(p, 'id'), `incident id "${id.slice(0, 40)}" is used twice`);
    if (id !== undefined) seen.add(id);
    if (start !== undefined && end !== undefined && end <= start) r.error('INVALID_INCIDENT', p, 'an incident ends after it starts');
    if (id !== undefined && start !== undefined && end !== undefined) out.push({ id, start, end });
  });
  return r.count > before ? undefined : out;
}

function readOutagePolicy(r: InputReader, value: unknown): ParsedPolicy | undefined {
  if (value === undefined) return { graceDays: 1, extensionDays: null, compensation: null };
  const o = r.object(value, 'policy', ['graceDays', 'extension', 'compensation']);
  if (!o) return undefined;
  const before = r.count;
  const rawGrace = r.field(o, 'graceDays');
  const graceDays = rawGrace === undefined ? 1 : (r.integer(rawGrace, 'policy.graceDays', 0, 3650, 'INVALID_POLICY', 'graceDays') ?? 1);
  const rawExt = r.field(o, 'extension');
  let extensionDays: number | null = null;
  if (rawExt !== undefined && rawExt !== 'outage-length') {
    const e = r.object(rawExt, 'policy.extension', ['days']);
    if (e) extensionDays = r.integer(r.required(e, 'days', 'policy.extension'), 'policy.extension.days', 1, 3650, 'INVALID_POLICY', 'extension days') ?? null;
  }
  let compensation: ParsedPolicy['compensation'] = null;
  const rawComp = r.field(o, 'compensation');
  if (rawComp !== undefined) {
    const c = r.object(rawComp, 'policy.compensation', ['terms', 'validDays', 'minOutageMinutes']);
    if (c) {
      const rawTerms = r.required(c, 'terms', 'policy.compensation');
      const mark = r.count;
      if (rawTerms !== undefined) readCoupon(r, rawTerms, 'policy.compensation.terms', { code: 'the coupon currency', minorUnits: 12 });
      const validDays = r.integer(r.required(c, 'validDays', 'policy.compensation'), 'policy.compensation.validDays', 0, 366, 'INVALID_POLICY', 'validDays');
      const minOutageMinutes = r.integer(r.required(c, 'minOutageMinutes', 'policy.compensation'), 'policy.compensation.minOutageMinutes', 0, 525_600, 'INVALID_POLICY', 'minOutageMinutes');
      if (r.count === mark && validDays !== undefined && minOutageMinutes !== undefined) compensation = { terms: rawTerms as CouponTerms, validDays, minOutageMinutes };
    }
  }
  return r.count > before ? undefined : { graceDays, extensionDays, compensation };
}

function readAttempts(r: InputReader, value: unknown, now: number | undefined): ParsedAttempt[] | undefined {
  if (value === undefined) return [];
  const list = r.array(value, 'attempts');
  if (!list) return undefined;
  const out: ParsedAttempt[] = [];
  list.forEach((raw, i) => {
    const p = joinPath('attempts', i);
    const o = r.object(raw, p, ['couponId', 'orderId', 'at', 'order']);
    if (!o) return;
    const couponId = r.nonEmptyString(r.required(o, 'couponId', p), joinPath(p, 'couponId'));
    const orderId = r.nonEmptyString(r.required(o, 'orderId', p), joinPath(p, 'orderId'));
    const at = readRequiredInstant(r, o, 'at', p);
    if (at !== undefined && now !== undefined && at > now) r.error('ATTEMPT_AFTER_NOW', joinPath(p, 'at'), 'an attempt cannot be later than the planning instant');
    const op = joinPath(p, 'order');
    const rawOrder = r.required(o, 'order', p);
    const order = rawOrder === undefined ? undefined : r.object(rawOrder, op, ['currency', 'rounding', 'lines', 'buyer', 'store', 'newOrder', 'hasCoupon']);
    if (!order) return;
    const buyer = r.nonEmptyString(r.required(order, 'buyer', op), joinPath(op, 'buyer'));
    const store = r.nonEmptyString(r.required(order, 'store', op), joinPath(op, 'store'));
    const newOrder = r.boolean(r.required(order, 'newOrder', op), joinPath(op, 'newOrder'));
    const hasCoupon = r.boolean(r.required(order, 'hasCoupon', op), joinPath(op, 'hasCoupon'));
    const { buyer: _b, store: _s, newOrder: _n, hasCoupon: _h, ...quotable } = order;
    const q = readQuoteRequest(quotable);
    if (!q.ok) r.absorb(q.errors.map((e) => ({ ...e, path: nestPath(op, e.path) })));
    if (couponId !== undefined && orderId !== undefined && at !== undefined && buyer !== undefined && store !== undefined && newOrder !== undefined && hasCoupon !== undefined && q.ok) {
      out.push({ couponId, orderId, at, path: p, buyer, store, newOrder, hasCoupon, quote: q.value });
    }
  });
  return out; // partial on errors, so that unknown coupon ids are reported too
}

interface Planned {
  readonly plan: OutagePlan;
  /** For applying the plan: each coupon's terms now (after edits). */
  readonly termsNow: ReadonlyMap<string, CouponTerms>;
  /** For applying the plan: the instant of each honoured attempt. */
  readonly honouredAt: ReadonlyMap<string, number>;
  /** Every incident id of the input: coupons the plan creates are not victims of any of them. */
  readonly allIncidents: readonly string[];
}

function plan(input: unknown, extraKeys: readonly string[]): Result<Planned> {
  const r = new InputReader();
  const o = r.object(input, '', ['at', 'policy', 'incidents', 'coupons', 'attempts', ...extraKeys]);
  if (!o) return fail(r.errors);
  const now = readRequiredInstant(r, o, 'at', '');
  const policy = readOutagePolicy(r, r.field(o, 'policy'));
  const rawIncidents = r.required(o, 'incidents', '');
  const incidents = rawIncidents === undefined ? undefined : readIncidents(r, rawIncidents, 'incidents');
  const { ids, records: coupons } = readCouponRecords(r, r.required(o, 'coupons', ''), 'coupons');
  const attempts = readAttempts(r, r.field(o, 'attempts'), now);
  for (const a of attempts ?? []) if (!ids.has(a.couponId)) r.error('UNKNOWN_COUPON', joinPath(a.path, 'couponId'), `no coupon "${a.couponId.slice(0, 40)}" in "coupons"`);
  if (r.count > 0 || now === undefined || !policy || !incidents || !attempts) return fail(r.errors);

  const states = new Map<string, FoldState>();
  for (const c of coupons) states.set(c.id, foldEvents(r, c, now, joinPath(c.path, 'events')));
  if (r.count > 0) return fail(r.errors);

  const windows = merge(incidents);
  const answered = (remedies: readonly string[], w: Window) => w.ids.some((id) => remedies.includes(id));
  const windowAt = (t: number) => windows.find((w) => w.start <= t && t < w.end);
  const byId = new Map(coupons.map((c) => [c.id, c]));

  // Honour: the earliest honourable failed attempt per coupon.
  const honor: { couponId: string; orderId: string; couponCredit: string; incidents: string[] }[] = [];
  const honoured = new Map<string, Window>();
  const honouredAt = new Map<string, number>();
  const ordersHonoured = new Set<string>(); // one coupon per order
  const sortedAttempts = [...attempts].sort((a, b) => a.at - b.at || byString(a.orderId, b.orderId));
  for (const a of sortedAttempts) {
    const c = byId.get(a.couponId);
    const now_ = c && states.get(c.id);
    const w = windowAt(a.at);
    if (!c || !now_ || !w || honoured.has(c.id) || ordersHonoured.has(a.orderId) || now_.status !== 'open' || answered(now_.remedies, w)) continue;
    const then = foldEvents(new InputReader(), c, a.at, 'events');
    if (openBlock(then, a.at) !== null) continue; // not open and valid when it was tried
    if (a.buyer !== c.recipient || a.store !== c.seller || !a.newOrder || a.hasCoupon) continue;
    const scratch = new InputReader();
    const terms = readCoupon(scratch, then.terms, 'terms', a.quote.currency);
    if (!terms) {
      r.absorb(scratch.errors.map((e) => ({ ...e, path: nestPath(c.path, e.path) })));
      continue;
    }
    const q = computeQuote({ ...a.quote, coupon: terms, sellerCredit: 0n, chargesTotal: 0n });
    if (!q.ok) continue;
    honoured.set(c.id, w);
    honouredAt.set(c.id, a.at);
    ordersHonoured.add(a.orderId);
    honor.push({ couponId: c.id, orderId: a.orderId, couponCredit: q.value.couponCredit, incidents: [...w.ids] });
  }
  if (r.count > 0) return fail(r.errors);

  // Extend or reissue every other open coupon whose validity ended in a window or its grace days.
  const extend: { couponId: string; from: string; to: string; incidents: string[] }[] = [];
  const reissue: { couponId: string; newCouponId: string; expires: string; incidents: string[] }[] = [];
  const remedied: { coupon: ParsedRecord; windows: Window[] }[] = [];
  for (const c of coupons) {
    const s = states.get(c.id);
    if (!s || s.status !== 'open' || honoured.has(c.id)) continue;
    // A window affects the coupon as it stood when the window ended (a remedy granted later does not count),
    // when its validity ended after the window began and no later than `graceDays` local days after the window's
    // last instant. Each window hit proposes a new expiry; the latest wins, and the expiry is never shortened.
    const lastDay = (w: Window) => addCalendarDays(localDateAt(w.end - 1, c.timeZone), policy.graceDays);
    const affects = (w: Window, exp: string) => endOfLocalDate(exp, c.timeZone) > w.start && exp <= lastDay(w);
    const propose = (w: Window, exp: string) => {
      const length = policy.extensionDays ?? Math.max(1, Math.ceil((w.end - w.start) / DAY));
      const floor = addCalendarDays(localDateAt(Math.max(w.end, now), c.timeZone), policy.graceDays);
      return [addCalendarDays(exp, length), floor].sort(byString)[1] ?? floor;
    };
    const hit: Window[] = [];
    let expires = s.expires;
    for (const w of windows) {
      if (answered(s.remedies, w)) continue;
      const then = w.end <= now ? foldEvents(new InputReader(), c, w.end, 'events') : s;
      if (then.status !== 'open' || !affects(w, then.expires)) continue;
      hit.push(w);
      const proposed = propose(w, then.expires);
      if (proposed > expires) expires = proposed;
    }
    // A window still under way can reach the new expiry too: answer it now, or planning again would.
    for (let more = hit.length > 0; more; ) {
      more = false;
      for (const w of windows) {
        if (w.end <= now || hit.includes(w) || answered(s.remedies, w) || !affects(w, expires)) continue;
        hit.push(w);
        const proposed = propose(w, expires);
        if (proposed > expires) expires = proposed;
        more = true;
      }
    }
    hit.sort((x, y) => x.start - y.start);
    if (hit.length === 0) continue;
    const incidentsHit = hit.flatMap((w) => w.ids);
    const open = openBlock(s, now) === null;
    // A remedy granted after the window ended may already reach as far: an extension to the same date changes nothing.
    if (open && expires === s.expires) continue;
    if (open) extend.push({ couponId: c.id, from: s.expires, to: expires, incidents: incidentsHit });
    else reissue.push({ couponId: c.id, newCouponId: `${c.id}~reissue~${incidentsHit.join('+')}`, expires, incidents: incidentsHit });
    remedied.push({ coupon: c, windows: hit });
  }
  for (const h of honor) {
    const c = byId.get(h.couponId);
    const w = honoured.get(h.couponId);
    if (c && w) remedied.push({ coupon: c, windows: [w] });
  }

  // Compensation: one coupon per buyer, store and window, for buyers who got any remedy.
  const compensate: { buyer: string; store: string; couponId: string; expires: string; incidents: string[] }[] = [];
  const comp = policy.compensation;
  if (comp) {
    const done = new Set<string>();
    for (const { coupon, windows: ws } of [...remedied].sort((a, b) => byString(a.coupon.id, b.coupon.id))) {
      for (const w of ws) {
        if (w.end - w.start < comp.minOutageMinutes * 60_000) continue;
        const id = `compensation~${coupon.seller}~${coupon.recipient}~${w.ids.join('+')}`;
        if (done.has(id) || ids.has(id)) continue;
        done.add(id);
        compensate.push({ buyer: coupon.recipient, store: coupon.seller, couponId: id, expires: addCalendarDays(localDateAt(now, coupon.timeZone), comp.validDays), incidents: [...w.ids] });
      }
    }
  }

  // Notices: one per buyer, listing what was done and why.
  const items = new Map<string, NoticeItem[]>();
  const add = (buyer: string, item: NoticeItem) => items.set(buyer, [...(items.get(buyer) ?? []), item]);
  const recipient = (id: string) => byId.get(id)?.recipient ?? '';
  for (const e of extend) add(recipient(e.couponId), { type: 'extended', ...e });
  for (const e of reissue) add(recipient(e.couponId), { type: 'reissued', ...e });
  for (const e of honor) add(recipient(e.couponId), { type: 'honored', ...e });
  for (const e of compensate) add(e.buyer, { type: 'compensated', couponId: e.couponId, store: e.store, expires: e.expires, incidents: e.incidents });
  const notices = [...items.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([buyer, list]) => ({ buyer, items: [...list].sort((a, b) => byString(a.couponId, b.couponId) || byString(a.type, b.type)) }));

  const sortById = <T extends { couponId: string }>(xs: T[]) => xs.sort((a, b) => byString(a.couponId, b.couponId));
  return ok({
    plan: { extend: sortById(extend), reissue: sortById(reissue), honor: sortById(honor), compensate: sortById(compensate), notices },
    termsNow: new Map([...states.entries()].map(([id, s]) => [id, s.terms])),
    honouredAt,
    allIncidents: windows.flatMap((w) => w.ids).sort(byString),
  });
}

/**
 * Plans the remedies for coupons that outages made unusable: merges the
 * incidents into windows; **honours** the earliest failed redemption per
 * coupon made during a window (open and valid then, the order meeting the
 * redeem guards), with the credit the quote computes; **extends** the
 * other open coupons whose validity ended in a window or within
 * `graceDays` local days after it, or **reissues** them under a
 * deterministic id if they have expired by now; optionally **compensates**
 * each buyer, store and window with one extra coupon; and writes one
 * **notice** per buyer. Pure and idempotent: remedies record the incident
 * ids they answer, and a coupon already remedied for an incident is skipped.
 *
 * @example
 * ```ts
 * import { planOutageRemedies } from 'coupon-rules';
 * const r = planOutageRemedies({
 *   at: '2026-12-03T12:00:00Z',
 *   incidents: [{ id: 'inc-1', start: '2026-12-01T20:00:00Z', end: '2026-12-02T02:00:00Z' }],
 *   coupons: [{ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-01', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [] }],
 * });
 * if (r.ok) console.log(r.value.reissue); // [{ couponId: 'c1', newCouponId: 'c1~reissue~inc-1', expires: '2026-12-04', incidents: ['inc-1'] }]
 * ```
 */
export function planOutageRemedies(input: OutageInput): Result<OutagePlan> {
  const p = plan(input, []);
  return p.ok ? ok(p.value.plan) : p;
}

/** @internal The wire form: the same input with `op`. */
export function readOutagePlan(input: unknown): Result<OutagePlan> {
  const p = plan(input, ['op']);
  return p.ok ? ok(p.value.plan) : p;
}

/**
 * Applies a plan to the coupons: `extended` and `honored` events are
 * appended at the planning instant, reissued and compensating coupons are
 * added (their `remedies` naming the incidents), and every remedied coupon
 * records the incidents in `remedies`. Planning again at the same instant
 * on the result gives an empty plan.
 *
 * @example
 * ```ts
 * import { applyOutagePlan, planOutageRemedies } from 'coupon-rules';
 * const input = {
 *   at: '2026-12-03T12:00:00Z',
 *   incidents: [{ id: 'inc-1', start: '2026-12-01T20:00:00Z', end: '2026-12-02T02:00:00Z' }],
 *   coupons: [{ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-02', timeZone: 'UTC', terms: { type: 'fixed' as const, amount: '5.00' }, events: [] }],
 * };
 * const plan = planOutageRemedies(input);
 * if (plan.ok) {
 *   const after = applyOutagePlan(input, plan.value);
 *   if (after.ok) console.log(planOutageRemedies({ ...input, coupons: after.value }).ok); // true, and the plan is empty
 * }
 * ```
 */
export function applyOutagePlan(input: OutageInput, outagePlan: OutagePlan): Result<CouponRecord[]> {
  const p = plan(input, []);
  if (!p.ok) return p;
  const at = typeof input.at === 'string' ? input.at : input.at.toISOString();
  const withRemedies = (c: CouponRecord, incidents: readonly string[]): CouponRecord => ({ ...c, remedies: [...new Set([...(c.remedies ?? []), ...incidents])] });
  const out = new Map<string, CouponRecord>(input.coupons.map((c) => [c.id, c]));
  const update = (id: string, f: (c: CouponRecord) => CouponRecord) => {
    const c = out.get(id);
    if (c) out.set(id, f(c));
  };
  for (const e of outagePlan.extend) update(e.couponId, (c) => ({ ...c, events: [...c.events, { type: 'extended', at, expires: e.to, incidents: e.incidents }] }));
  for (const h of outagePlan.honor) {
    const when = p.value.honouredAt.get(h.couponId);
    const attemptAt = when === undefined ? at : new Date(when).toISOString();
    update(h.couponId, (c) => withRemedies({ ...c, events: [...c.events, { type: 'honored', at, orderId: h.orderId, attemptAt, incidents: h.incidents }] }, h.incidents));
  }
  for (const e of outagePlan.reissue) {
    const original = out.get(e.couponId);
    if (!original) continue;
    out.set(e.couponId, withRemedies(original, e.incidents));
    const { remedies: _r, events: _e, ...coupon } = original;
    const terms = p.value.termsNow.get(e.couponId) ?? original.terms;
    out.set(e.newCouponId, { ...coupon, id: e.newCouponId, expires: e.expires, terms, events: [], remedies: p.value.allIncidents });
  }
  const terms = input.policy?.compensation?.terms;
  for (const e of outagePlan.compensate) {
    const zone = input.coupons.find((c) => c.seller === e.store && c.recipient === e.buyer)?.timeZone ?? 'UTC';
    if (terms) out.set(e.couponId, { id: e.couponId, seller: e.store, recipient: e.buyer, expires: e.expires, timeZone: zone, terms, events: [], remedies: p.value.allIncidents });
  }
  for (const e of outagePlan.extend) update(e.couponId, (c) => withRemedies(c, e.incidents));
  return ok([...out.values()]);
}

import type { CouponEvent, CouponRecord } from '../lifecycle/types.js';
import { InputReader } from '../input.js';
import { CouponRulesError, fail, joinPath, ok, type Result } from '../result.js';
import { instantMs } from '../time/instant.js';
import { readIncidents } from './read.js';
import { planRemedies, type Range } from './remedies.js';
import type { CouponAppend, Incident, OutageInput, OutagePlan, OutagePlanChanges, OutageWindow } from './types.js';
import { mergeIntoWindows, type Window } from './windows.js';

/**
 * Incidents merged into outage windows: overlapping or touching incidents
 * (`next.start ≤ current.end`) become one window carrying all their ids,
 * with the window's id (`w-` and the first 32 hex digits of the SHA-256 of
 * its incident ids). Throws a {@link CouponRulesError} for malformed
 * incidents.
 *
 * @example
 * ```ts
 * import { mergeIncidents } from 'coupon-rules';
 * const windows = mergeIncidents([
 *   { id: 'b', start: '2026-12-01T02:00:00Z', end: '2026-12-01T03:00:00Z' },
 *   { id: 'a', start: '2026-12-01T01:00:00Z', end: '2026-12-01T02:00:00Z' },
 * ]);
 * console.log(windows); // → [ { id: 'w-facdde7abf1eac5b301273ab2e282f79', start: '2026-12-01T01:00:00.000Z', end: '2026-12-01T03:00:00.000Z', incidents: [ 'a', 'b' ] } ]
 * ```
 */
export function mergeIncidents(incidents: readonly Incident[]): OutageWindow[] {
  const r = new InputReader();
  const parsed = readIncidents(r, incidents, 'incidents');
  if (!parsed) throw new CouponRulesError(r.errors);
  return mergeIntoWindows(parsed).map((w) => ({ id: w.id, start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), incidents: [...w.ids] }));
}

/**
 * Plans the remedies for coupons that outages made unusable: merges the
 * incidents into windows; **honors** the earliest failed redemption per
 * coupon made during a window (open and valid then, the order meeting the
 * redeem guards), with the credit the quote computes; **extends** the
 * other open coupons whose validity ended in a window or within
 * `graceDays` local days after it, or **reissues** them under a
 * deterministic id if they have expired by now; optionally **compensates**
 * each buyer and store with one extra coupon; and writes one **notice**
 * per buyer. Every remedy names the windows it answers. Pure and
 * idempotent: applied remedies record what they answered, and a coupon
 * already remedied for a window is skipped.
 *
 * @example
 * ```ts
 * import { planOutageRemedies } from 'coupon-rules';
 * const r = planOutageRemedies({
 *   at: '2026-12-03T12:00:00Z',
 *   incidents: [{ id: 'inc-1', start: '2026-12-01T20:00:00Z', end: '2026-12-02T02:00:00Z' }],
 *   coupons: [{ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-01', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [] }],
 * });
 * if (r.ok) console.log(r.value.reissue); // → [ { couponId: 'c1', newCouponId: 'c1~reissue~w-f3eaf40f811f88bbc313a24833369561', expires: '2026-12-04', windows: [ 'w-f3eaf40f811f88bbc313a24833369561' ] } ]
 * ```
 */
export function planOutageRemedies(input: OutageInput): Result<OutagePlan> {
  const p = planRemedies(input, []);
  return p.ok ? ok(p.value.plan) : p;
}

/** @internal The wire form: the same input with `op`. */
export function readOutagePlan(input: unknown): Result<OutagePlan> {
  const p = planRemedies(input, ['op']);
  return p.ok ? ok(p.value.plan) : p;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What an applied remedy records: one incident id per window it answers (a window is answered when any of its incidents is). */
function recorded(ranges: readonly Range[], windows: readonly Window[]): string[] {
  const ids: string[] = [];
  for (const [from, to] of ranges) for (let i = from; i < to; i++) ids.push(windows[i]?.ids[0] ?? '');
  return ids;
}

const PLAN_LISTS = ['windows', 'extend', 'reissue', 'honor', 'compensate', 'notices'] as const;

/** Reads which remedies of a plan to apply: each entry's coupon id must be one the planner gives for that list. */
function readChosen(r: InputReader, value: unknown, planned: OutagePlan): Record<'extend' | 'reissue' | 'honor' | 'compensate', Set<string>> {
  const chosen = { extend: new Set<string>(), reissue: new Set<string>(), honor: new Set<string>(), compensate: new Set<string>() };
  const o = r.object(value, 'plan', PLAN_LISTS);
  if (!o) return chosen;
  for (const list of ['extend', 'reissue', 'honor', 'compensate'] as const) {
    const path = joinPath('plan', list);
    const entries = r.array(r.required(o, list, 'plan'), path) ?? [];
    const known = new Set(planned[list].map((e) => e.couponId));
    entries.forEach((raw, i) => {
      const p = joinPath(path, i);
      const entry = r.record(raw, p);
      const id = entry && r.nonEmptyString(r.required(entry, 'couponId', p), joinPath(p, 'couponId'));
      if (id === undefined) return;
      if (known.has(id)) chosen[list].add(id);
      else r.error('UNKNOWN_REMEDY', joinPath(p, 'couponId'), `the planner gives no "${list}" remedy for coupon "${id.slice(0, 40)}" on this input`);
    });
  }
  return chosen;
}

/**
 * What applying a plan changes, as an event store applies it: per coupon already stored, the events
 * to append (`extended` and `honored` events at the planning instant) and the incident ids to add to
 * its `remedies` (one per window answered), with the number of events it has now (`expectedVersion`);
 * and the coupons to insert (reissued and compensating coupons). The plan must be one the planner
 * gives on this input, or a part of it (entries left out are not applied); anything else is an error,
 * never a throw — as is a plan whose new coupon's id is already a coupon's of the input. Applying the
 * changes to the stored coupons gives exactly what {@link applyOutagePlan} returns; on that result,
 * the planner plans nothing and the changes are empty.
 *
 * @example
 * ```ts
 * import { outagePlanChanges, planOutageRemedies } from 'coupon-rules';
 * const input = {
 *   at: '2026-12-03T12:00:00Z',
 *   incidents: [{ id: 'inc-1', start: '2026-12-01T20:00:00Z', end: '2026-12-02T02:00:00Z' }],
 *   coupons: [
 *     { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-01', timeZone: 'UTC', terms: { type: 'fixed' as const, amount: '5.00' }, events: [] },
 *     { id: 'c2', seller: 's1', recipient: 'b1', expires: '2026-12-03', timeZone: 'UTC', terms: { type: 'fixed' as const, amount: '3.00' }, events: [] },
 *   ],
 * };
 * const plan = planOutageRemedies(input);
 * const changes = plan.ok ? outagePlanChanges(input, plan.value) : plan;
 * if (changes.ok) {
 *   const [c1, c2] = changes.value.append;
 *   // c1 has expired: it only records the incident it is answered for, and its reissue is a coupon to insert.
 *   console.log(c1); // → { couponId: 'c1', expectedVersion: 0, events: [], remedies: [ 'inc-1' ] }
 *   console.log(changes.value.insert.map((c) => [c.id, c.expires])); // → [ [ 'c1~reissue~w-f3eaf40f811f88bbc313a24833369561', '2026-12-04' ] ]
 *   // c2 is still open: an event to append to its history, at version 0.
 *   console.log(c2?.events); // → [ { type: 'extended', at: '2026-12-03T12:00:00.000Z', expires: '2026-12-04', incidents: [ 'inc-1' ] } ]
 * }
 * ```
 */
export function outagePlanChanges(input: OutageInput, outagePlan: OutagePlan): Result<OutagePlanChanges> {
  const p = planRemedies(input, []);
  if (!p.ok) return p;
  const r = new InputReader();
  const chosen = readChosen(r, outagePlan, p.value.plan);
  const { plan, windows, answers, termsNow, honoredAt, compensationZones, createdAffectedBy } = p.value;
  const atMs = instantMs(input.at) ?? 0;
  // An event appended at the planning instant must not land before events already later than it.
  input.coupons.forEach((c, i) => {
    if (!chosen.extend.has(c.id) && !chosen.honor.has(c.id)) return;
    const later = c.events.findIndex((e) => (instantMs(e.at) ?? 0) > atMs);
    if (later !== -1)
      r.error(
        'EVENTS_AFTER_PLAN',
        `coupons.${String(i)}.events.${String(later)}`,
        'this coupon has an event later than the planning instant: plan again at a later instant before applying',
      );
  });
  if (r.count > 0) return fail(r.errors);
  const at = new Date(atMs).toISOString();
  const stored = new Map(input.coupons.map((c) => [c.id, c]));
  const answered = (id: string) => recorded(answers.get(id) ?? [], windows);
  // What each stored coupon gets: events to append and remedies to add, gathered by coupon id.
  const appended = new Map<string, { events: CouponEvent[]; remedies: string[] }>();
  const append = (id: string, event: CouponEvent | null, remedies: readonly string[]) => {
    const entry = appended.get(id) ?? { events: [], remedies: [] };
    if (event) entry.events.push(event);
    entry.remedies.push(...remedies);
    appended.set(id, entry);
  };
  const insert: CouponRecord[] = [];
  for (const e of plan.extend) {
    if (!chosen.extend.has(e.couponId)) continue;
    const ids = answered(e.couponId);
    append(e.couponId, { type: 'extended', at, expires: e.to, incidents: ids }, ids);
  }
  for (const h of plan.honor) {
    if (!chosen.honor.has(h.couponId)) continue;
    const ids = answered(h.couponId);
    const attemptAt = new Date(honoredAt.get(h.couponId) ?? atMs).toISOString();
    append(h.couponId, { type: 'honored', at, orderId: h.orderId, attemptAt, incidents: ids }, ids);
  }
  for (const e of plan.reissue) {
    const original = stored.get(e.couponId);
    if (!chosen.reissue.has(e.couponId) || !original) continue;
    append(e.couponId, null, answered(e.couponId));
    const { remedies: _r, events: _e, ...coupon } = original;
    insert.push({
      ...coupon,
      id: e.newCouponId,
      expires: e.expires,
      terms: termsNow.get(e.couponId) ?? original.terms,
      events: [],
      remedies: recorded([createdAffectedBy(e.expires, coupon.timeZone)], windows),
    });
  }
  const terms = input.policy?.compensation?.terms;
  for (const e of plan.compensate) {
    if (!chosen.compensate.has(e.couponId) || !terms) continue;
    const zone = compensationZones.get(e.couponId) ?? 'UTC';
    insert.push({
      id: e.couponId,
      seller: e.store,
      recipient: e.buyer,
      expires: e.expires,
      timeZone: zone,
      terms,
      events: [],
      remedies: recorded([createdAffectedBy(e.expires, zone)], windows),
    });
  }
  // A new coupon's id is deterministic: one already stored was inserted before (a plan applied in part), and
  // inserting it again would replace it, history and all. The store's unique key would refuse it too.
  const inserted = new Set(insert.map((c) => c.id));
  input.coupons.forEach((c, i) => {
    if (inserted.has(c.id))
      r.error(
        'DUPLICATE_COUPON_ID',
        `coupons.${String(i)}.id`,
        `coupon id "${c.id.slice(0, 40)}" is the id of a coupon this plan creates: it was inserted before, without the remedies of the coupon it answers`,
      );
  });
  if (r.count > 0) return fail(r.errors);
  // A coupon gets one remedy per plan, answering windows its remedies do not answer yet: the ids it records are new to it.
  const changes: CouponAppend[] = [...appended.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([couponId, entry]) => ({ couponId, expectedVersion: stored.get(couponId)?.events.length ?? 0, events: entry.events, remedies: entry.remedies }));
  return ok({ append: changes, insert });
}

/**
 * Applies a plan to the coupons: `extended` and `honored` events are
 * appended at the planning instant, reissued and compensating coupons are
 * added, and every remedied coupon records what it answered in `remedies`
 * (one incident id per window) — {@link outagePlanChanges} applied to the
 * input's coupons, which keep their order, the new coupons after them. The
 * plan must be one the planner gives on this input, or a part of it
 * (entries left out are not applied); anything else is an error, never a
 * throw. Planning again at the same instant on the result gives an empty
 * plan.
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
 *   if (after.ok) {
 *     // Planning again on the result gives an empty plan:
 *     const again = planOutageRemedies({ ...input, coupons: after.value });
 *     if (again.ok) console.log(again.value.reissue, again.value.notices); // → [] []
 *   }
 * }
 * ```
 */
export function applyOutagePlan(input: OutageInput, outagePlan: OutagePlan): Result<CouponRecord[]> {
  const changes = outagePlanChanges(input, outagePlan);
  if (!changes.ok) return changes;
  const { append, insert } = changes.value;
  const byId = new Map(append.map((a) => [a.couponId, a]));
  const updated = input.coupons.map((c): CouponRecord => {
    const a = byId.get(c.id);
    return a ? { ...c, events: [...c.events, ...a.events], remedies: [...(c.remedies ?? []), ...a.remedies] } : c;
  });
  return ok([...updated, ...insert]);
}

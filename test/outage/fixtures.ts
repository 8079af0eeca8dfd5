import {
  applyOutagePlan,
  type CouponRecord,
  type Incident,
  mergeIncidents,
  type OutageInput,
  type OutagePlan,
  type OutageWindow,
  planOutageRemedies,
  type RedemptionAttempt,
} from '../../src/index.js';
import { windowId } from '../../src/outage/windows.js';
import { unwrap } from '../helpers.js';

// Shared by the outage tests: an open 10% coupon from store s1 to buyer b1 (UTC unless told otherwise),
// an incident, the window ids a plan names, and the plan of an input that must be accepted.

export const coupon = (id: string, expires: string, extra: Partial<CouponRecord> = {}): CouponRecord => ({
  id,
  seller: 's1',
  recipient: 'b1',
  expires,
  timeZone: 'UTC',
  terms: { type: 'percent', percent: '10' },
  events: [],
  ...extra,
});

export const inc = (id: string, start: string, end: string): Incident => ({ id, start, end });

/** The id of the window made of these incidents (`w-` and 32 hex digits of the SHA-256 of their ids as a set). */
export const W = (...incidentIds: string[]): string => windowId(incidentIds);

/** The window of a single incident, as a plan lists it. */
export const windowOf = (i: Incident): OutageWindow => ({
  id: W(i.id),
  start: new Date(i.start).toISOString(),
  end: new Date(i.end).toISOString(),
  incidents: [i.id],
});

export function plan(input: OutageInput): OutagePlan {
  return unwrap(planOutageRemedies(input));
}

/** No window, no remedy. */
export const EMPTY: OutagePlan = { windows: [], extend: [], reissue: [], honor: [], compensate: [], notices: [] };

/** A plan that remedies nothing: it still lists the windows of the incidents. */
export const nothingFor = (incidents: readonly Incident[]): OutagePlan => ({ ...EMPTY, windows: mergeIncidents(incidents) });

/** The coupons with a plan applied (the planner's own plan by default), for an input and plan that must be accepted. */
export function apply(input: OutageInput, p: OutagePlan = plan(input)): CouponRecord[] {
  return unwrap(applyOutagePlan(input, p));
}

/** A compensation policy: a fixed 2.00 coupon valid for `validDays`, for windows of at least `minOutageMinutes`. */
export const compensation = (minOutageMinutes: number, validDays = 30) => ({
  compensation: { terms: { type: 'fixed' as const, amount: '2.00' }, validDays, minOutageMinutes },
});

/** The scene of the tests that apply a plan (apply.test.ts, changes.test.ts): a two-hour incident, planned the next morning, and an order for failed attempts. */
export const APPLYING = {
  incident: inc('inc-1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00Z'),
  I: W('inc-1'),
  at: '2026-12-02T08:00:00Z',
  AT_UTC: '2026-12-02T08:00:00.000Z',
  order: {
    currency: 'EUR',
    lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
    buyer: 'b1',
    store: 's1',
    newOrder: true,
    hasCoupon: false,
  } satisfies RedemptionAttempt['order'],
} as const;

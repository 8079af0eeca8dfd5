import { type CouponRecord, type Incident, type OutageInput, type OutagePlan, planOutageRemedies } from '../../src/index.js';

// Shared by the outage tests: an open 10% coupon from store s1 to buyer b1 (UTC unless told otherwise),
// an incident, and the plan of an input that must be accepted.

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

export function plan(input: OutageInput): OutagePlan {
  const r = planOutageRemedies(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

export const EMPTY: OutagePlan = { extend: [], reissue: [], honor: [], compensate: [], notices: [] };

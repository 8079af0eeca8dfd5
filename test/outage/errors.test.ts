import { describe, expect, it } from 'vitest';
import { applyOutagePlan, mergeIncidents, type OutageInput, planOutageRemedies, type RedemptionAttempt } from '../../src/index.js';
import { err, errorsOf, errorsThrownBy } from '../helpers.js';
import { coupon, EMPTY, W, windowOf } from './fixtures.js';

// Bad input to the outage planner: every problem is reported with its code, its path and a message for people.
const incident = { id: 'inc-1', start: '2026-12-01T10:00:00Z', end: '2026-12-01T12:00:00Z' };
const order: RedemptionAttempt['order'] = {
  currency: 'EUR',
  lines: [{ id: 'L1', itemType: 'Part', unitPrice: '25.00', quantity: 1 }],
  buyer: 'b1',
  store: 's1',
  newOrder: true,
  hasCoupon: false,
};
const base = { at: '2026-12-02T00:00:00Z', incidents: [incident], coupons: [coupon('c1', '2026-12-20')] };
/** The errors the planner gives for an input: `[]` when it accepts it. */
const planErrors = (input: unknown) => errorsOf(planOutageRemedies(input as OutageInput));
const instantMessage = (got: string) => `expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got ${got}`;
const LONG = 'x'.repeat(50);
const CLIPPED = 'x'.repeat(40);

describe('the planner input', () => {
  it('is an object', () => {
    expect(planErrors(5)).toEqual([{ code: 'INVALID_TYPE', path: '', message: 'expected an object, got number 5' }]);
  });

  it('requires the planning instant (reported once), the incidents and the coupons, and knows no other fields than those and policy and attempts', () => {
    expect(planErrors({ op: 'outage-plan' })).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'op', message: 'unknown field "op"' },
      { code: 'REQUIRED', path: 'at', message: '"at" is required' },
      { code: 'REQUIRED', path: 'incidents', message: '"incidents" is required' },
      { code: 'REQUIRED', path: 'coupons', message: '"coupons" is required' },
    ]);
  });

  it('takes the planning instant as an ISO 8601 instant with an offset', () => {
    expect(planErrors({ ...base, at: '2026-12-02 00:00' })).toEqual([
      { code: 'INVALID_INSTANT', path: 'at', message: instantMessage('the string "2026-12-02 00:00"') },
    ]);
  });
});

describe('incidents', () => {
  it('are a list of objects with an id, a start and an end', () => {
    expect(planErrors({ ...base, incidents: 'inc-1' })).toEqual([
      { code: 'INVALID_TYPE', path: 'incidents', message: 'expected an array, got the string "inc-1"' },
    ]);
    expect(planErrors({ ...base, incidents: [7, { ...incident, cause: 'db' }] })).toEqual([
      { code: 'INVALID_TYPE', path: 'incidents.0', message: 'expected an object, got number 7' },
      { code: 'UNKNOWN_FIELD', path: 'incidents.1.cause', message: 'unknown field "cause"' },
    ]);
    expect(planErrors({ ...base, incidents: [{}] })).toEqual([
      { code: 'REQUIRED', path: 'incidents.0.id', message: '"id" is required' },
      { code: 'REQUIRED', path: 'incidents.0.start', message: '"start" is required' },
      { code: 'REQUIRED', path: 'incidents.0.end', message: '"end" is required' },
    ]);
  });

  it('have a non-empty id and instants with an offset', () => {
    expect(planErrors({ ...base, incidents: [{ id: '', start: '2026-12-01T10:00:00', end: 5 }] })).toEqual([
      { code: 'EMPTY_STRING', path: 'incidents.0.id', message: 'must not be empty' },
      { code: 'INVALID_INSTANT', path: 'incidents.0.start', message: instantMessage('the string "2026-12-01T10:00:00"') },
      { code: 'INVALID_INSTANT', path: 'incidents.0.end', message: instantMessage('number 5') },
    ]);
  });

  it('use each id once (DUPLICATE_INCIDENT_ID, the id clipped to 40 characters in the message)', () => {
    expect(planErrors({ ...base, incidents: [incident, { ...incident, start: '2026-11-28T10:00:00Z', end: '2026-11-28T11:00:00Z' }] })).toEqual([
      { code: 'DUPLICATE_INCIDENT_ID', path: 'incidents.1.id', message: 'incident id "inc-1" is used twice' },
    ]);
    expect(
      planErrors({
        ...base,
        incidents: [
          { ...incident, id: LONG },
          { ...incident, id: LONG },
        ],
      }),
    ).toEqual([{ code: 'DUPLICATE_INCIDENT_ID', path: 'incidents.1.id', message: `incident id "${CLIPPED}" is used twice` }]);
  });

  it('end after they start (INVALID_INCIDENT): an empty or reversed window is refused, one millisecond is enough', () => {
    const invalid = { code: 'INVALID_INCIDENT', path: 'incidents.0', message: 'an incident ends after it starts' };
    expect(planErrors({ ...base, incidents: [{ id: 'i', start: '2026-12-01T10:00:00Z', end: '2026-12-01T10:00:00Z' }] })).toEqual([invalid]);
    expect(planErrors({ ...base, incidents: [{ id: 'i', start: '2026-12-01T10:00:00Z', end: '2026-12-01T09:59:59.999Z' }] })).toEqual([invalid]);
    const short = { id: 'i', start: '2026-12-01T10:00:00Z', end: '2026-12-01T10:00:00.001Z' };
    expect(planOutageRemedies({ ...base, incidents: [short] })).toEqual({ ok: true, value: { ...EMPTY, windows: [windowOf(short)] } });
  });

  it('do not start after the planning instant (INCIDENT_AFTER_NOW); one starting at it, or under way, is fine', () => {
    const afterNow = (path: string) => err('INCIDENT_AFTER_NOW', path, 'an incident cannot start after the planning instant: plan for it once it has begun');
    const at = base.at; // 2 December 00:00Z
    expect(planErrors({ ...base, incidents: [incident, { id: 'next', start: '2026-12-02T00:00:00.001Z', end: '2026-12-02T02:00:00Z' }] })).toEqual([
      afterNow('incidents.1.start'),
    ]);
    expect(planErrors({ ...base, at: new Date(at), incidents: [{ id: 'next', start: '2026-12-02T01:00:00.001+01:00', end: '2026-12-02T02:00:00Z' }] })).toEqual(
      [afterNow('incidents.0.start')],
    );
    expect(planErrors({ ...base, incidents: [{ id: 'next', start: '2026-12-05T00:00:00Z', end: '2026-12-04T00:00:00Z' }] })).toEqual([
      { code: 'INVALID_INCIDENT', path: 'incidents.0', message: 'an incident ends after it starts' },
      afterNow('incidents.0.start'),
    ]);
    const starting = { id: 'next', start: at, end: '2026-12-02T02:00:00Z' };
    expect(planOutageRemedies({ ...base, incidents: [starting] })).toEqual({ ok: true, value: { ...EMPTY, windows: [windowOf(starting)] } });
    expect(planOutageRemedies({ ...base, at: new Date(at), incidents: [{ ...starting, start: '2026-12-02T01:00:00+01:00' }] })).toEqual({
      ok: true,
      value: { ...EMPTY, windows: [windowOf(starting)] },
    });
  });

  it('are reported all at once, after a bad planning instant or policy', () => {
    // without a planning instant, no incident is said to start after it
    expect(
      planErrors({
        ...base,
        at: 'now',
        incidents: [
          { ...incident, id: '' },
          { id: 'future', start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z' },
        ],
      }),
    ).toEqual([
      { code: 'INVALID_INSTANT', path: 'at', message: instantMessage('the string "now"') },
      { code: 'EMPTY_STRING', path: 'incidents.0.id', message: 'must not be empty' },
    ]);
  });

  it('make mergeIncidents throw a CouponRulesError carrying every problem with its path', () => {
    const bad = () =>
      mergeIncidents([
        { id: 'a', start: '2026-12-01T10:00:00Z', end: '2026-12-01T10:00:00Z' },
        { id: 'a', start: 'soon', end: '2026-12-01T10:00:00Z' },
      ]);
    expect(bad).toThrow(expect.objectContaining({ name: 'CouponRulesError', code: 'INVALID_INCIDENT' }));
    expect(errorsThrownBy(bad)).toEqual([
      err('INVALID_INCIDENT', 'incidents.0', 'an incident ends after it starts'),
      err('INVALID_INSTANT', 'incidents.1.start', instantMessage('the string "soon"')),
      err('DUPLICATE_INCIDENT_ID', 'incidents.1.id', 'incident id "a" is used twice'),
    ]);
    expect(errorsThrownBy(() => mergeIncidents('a' as never))).toEqual([err('INVALID_TYPE', 'incidents', 'expected an array, got the string "a"')]);
    // it has no planning instant: incidents at any time merge
    expect(mergeIncidents([{ id: 'f', start: '2030-01-01T00:00:00Z', end: '2030-01-01T01:00:00Z' }])).toEqual([
      { id: W('f'), start: '2030-01-01T00:00:00.000Z', end: '2030-01-01T01:00:00.000Z', incidents: ['f'] },
    ]);
  });
});

describe('the policy', () => {
  it('is an object with graceDays, extension and compensation only', () => {
    expect(planErrors({ ...base, policy: 5 })).toEqual([{ code: 'INVALID_TYPE', path: 'policy', message: 'expected an object, got number 5' }]);
    expect(planErrors({ ...base, policy: { grace: 2 } })).toEqual([{ code: 'UNKNOWN_FIELD', path: 'policy.grace', message: 'unknown field "grace"' }]);
  });

  it('takes graceDays as a whole number of days from 0 to 3650', () => {
    expect(planErrors({ ...base, policy: { graceDays: -1 } })).toEqual([
      { code: 'INVALID_POLICY', path: 'policy.graceDays', message: 'graceDays must be an integer from 0 to 3650 (a JSON number), got number -1' },
    ]);
    expect(planErrors({ ...base, policy: { graceDays: '2' } })).toEqual([
      { code: 'INVALID_POLICY', path: 'policy.graceDays', message: 'graceDays must be an integer from 0 to 3650 (a JSON number), got the string "2"' },
    ]);
    expect(planErrors({ ...base, policy: { graceDays: 3651 } })).toMatchObject([{ code: 'INVALID_POLICY', path: 'policy.graceDays' }]);
    for (const graceDays of [0, 3650]) expect(planOutageRemedies({ ...base, policy: { graceDays } }).ok).toBe(true);
  });

  it('takes extension as "outage-length" or { days } from 1 to 3650', () => {
    expect(planErrors({ ...base, policy: { extension: 'weekly' } })).toEqual([
      { code: 'INVALID_TYPE', path: 'policy.extension', message: 'expected an object, got the string "weekly"' },
    ]);
    expect(planErrors({ ...base, policy: { extension: {} } })).toEqual([{ code: 'REQUIRED', path: 'policy.extension.days', message: '"days" is required' }]);
    expect(planErrors({ ...base, policy: { extension: { days: 2, weeks: 1 } } })).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'policy.extension.weeks', message: 'unknown field "weeks"' },
    ]);
    expect(planErrors({ ...base, policy: { extension: { days: 0 } } })).toEqual([
      { code: 'INVALID_POLICY', path: 'policy.extension.days', message: 'extension days must be an integer from 1 to 3650 (a JSON number), got number 0' },
    ]);
    expect(planErrors({ ...base, policy: { extension: { days: 3651 } } })).toMatchObject([{ code: 'INVALID_POLICY', path: 'policy.extension.days' }]);
    for (const extension of ['outage-length', { days: 1 }, { days: 3650 }] as const)
      expect(planOutageRemedies({ ...base, policy: { extension } }).ok).toBe(true);
  });

  it('takes compensation as { terms, validDays from 0 to 366, minOutageMinutes from 0 to 525600 }', () => {
    expect(planErrors({ ...base, policy: { compensation: 'yes' } })).toEqual([
      { code: 'INVALID_TYPE', path: 'policy.compensation', message: 'expected an object, got the string "yes"' },
    ]);
    expect(planErrors({ ...base, policy: { compensation: { amount: '1.00' } } })).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'policy.compensation.amount', message: 'unknown field "amount"' },
      { code: 'REQUIRED', path: 'policy.compensation.terms', message: '"terms" is required' },
      { code: 'REQUIRED', path: 'policy.compensation.validDays', message: '"validDays" is required' },
      { code: 'REQUIRED', path: 'policy.compensation.minOutageMinutes', message: '"minOutageMinutes" is required' },
    ]);
    expect(
      planErrors({ ...base, policy: { compensation: { terms: { type: 'fixed', amount: '0.0000000000001' }, validDays: 367, minOutageMinutes: -1 } } }),
    ).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'policy.compensation.terms.amount', message: 'the coupon currency amounts have at most 12 decimals, got 13' },
      { code: 'INVALID_POLICY', path: 'policy.compensation.validDays', message: 'validDays must be an integer from 0 to 366 (a JSON number), got number 367' },
      {
        code: 'INVALID_POLICY',
        path: 'policy.compensation.minOutageMinutes',
        message: 'minOutageMinutes must be an integer from 0 to 525600 (a JSON number), got number -1',
      },
    ]);
    expect(
      planErrors({ ...base, policy: { compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 0, minOutageMinutes: 525_601 } } }),
    ).toMatchObject([{ code: 'INVALID_POLICY', path: 'policy.compensation.minOutageMinutes' }]);
    const valid = { terms: { type: 'fixed' as const, amount: '1.00' }, validDays: 366, minOutageMinutes: 525_600 };
    expect(planOutageRemedies({ ...base, policy: { compensation: valid } }).ok).toBe(true);
  });

  it('refuses compensation terms that are not a coupon, alone', () => {
    expect(planErrors({ ...base, policy: { compensation: { terms: { type: 'free' }, validDays: 30, minOutageMinutes: 60 } } })).toEqual([
      { code: 'INVALID_COUPON_TYPE', path: 'policy.compensation.terms.type', message: '"type" is "percent" or "fixed"' },
    ]);
  });
});

const at = '2026-12-01T11:00:00Z'; // during the incident

describe('failed redemption attempts', () => {
  it('are a list of objects with a coupon id, an order id, an instant and the order', () => {
    expect(planErrors({ ...base, attempts: 'a1' })).toEqual([{ code: 'INVALID_TYPE', path: 'attempts', message: 'expected an array, got the string "a1"' }]);
    expect(planErrors({ ...base, attempts: [5, { couponId: 'c1', orderId: '', at: 'later', order: 5, channel: 'app' }] })).toEqual([
      { code: 'INVALID_TYPE', path: 'attempts.0', message: 'expected an object, got number 5' },
      { code: 'UNKNOWN_FIELD', path: 'attempts.1.channel', message: 'unknown field "channel"' },
      { code: 'EMPTY_STRING', path: 'attempts.1.orderId', message: 'must not be empty' },
      { code: 'INVALID_INSTANT', path: 'attempts.1.at', message: instantMessage('the string "later"') },
      { code: 'INVALID_TYPE', path: 'attempts.1.order', message: 'expected an object, got number 5' },
    ]);
  });

  it('report a missing or empty coupon id, a missing order or instant, once, and no unknown coupon for it', () => {
    expect(planErrors({ ...base, attempts: [{ orderId: 'o1', at, order }] })).toEqual([
      { code: 'REQUIRED', path: 'attempts.0.couponId', message: '"couponId" is required' },
    ]);
    expect(planErrors({ ...base, attempts: [{ couponId: '', orderId: 'o1', at, order }] })).toEqual([
      { code: 'EMPTY_STRING', path: 'attempts.0.couponId', message: 'must not be empty' },
    ]);
    expect(planErrors({ ...base, attempts: [{ couponId: 'c1', orderId: 'o1', at }] })).toEqual([
      { code: 'REQUIRED', path: 'attempts.0.order', message: '"order" is required' },
    ]);
    expect(planErrors({ ...base, attempts: [{ couponId: 'c1', orderId: 'o1', order }] })).toEqual([
      { code: 'REQUIRED', path: 'attempts.0.at', message: '"at" is required' },
    ]);
  });

  it('describe the order: buyer, store, newOrder and hasCoupon, and a quotable currency and lines', () => {
    expect(
      planErrors({
        ...base,
        attempts: [{ couponId: 'c1', orderId: 'o1', at, order: { currency: 'XXX', lines: [], buyer: '', store: 1, newOrder: 'yes', hasCoupon: null } }],
      }),
    ).toEqual([
      { code: 'EMPTY_STRING', path: 'attempts.0.order.buyer', message: 'must not be empty' },
      { code: 'INVALID_TYPE', path: 'attempts.0.order.store', message: 'expected a string, got number 1' },
      { code: 'INVALID_TYPE', path: 'attempts.0.order.newOrder', message: 'expected true or false, got the string "yes"' },
      { code: 'INVALID_TYPE', path: 'attempts.0.order.hasCoupon', message: 'expected true or false, got null' },
      { code: 'UNKNOWN_CURRENCY', path: 'attempts.0.order.currency', message: '"XXX" is not an active ISO 4217 currency code' },
      { code: 'EMPTY_LINES', path: 'attempts.0.order.lines', message: 'an order has at least one line' },
    ]);
    expect(planErrors({ ...base, attempts: [{ couponId: 'c1', orderId: 'o1', at, order: { currency: 'EUR', lines: order.lines } }] })).toEqual([
      { code: 'REQUIRED', path: 'attempts.0.order.buyer', message: '"buyer" is required' },
      { code: 'REQUIRED', path: 'attempts.0.order.store', message: '"store" is required' },
      { code: 'REQUIRED', path: 'attempts.0.order.newOrder', message: '"newOrder" is required' },
      { code: 'REQUIRED', path: 'attempts.0.order.hasCoupon', message: '"hasCoupon" is required' },
    ]);
    expect(planErrors({ ...base, attempts: [{ couponId: 'c1', orderId: 'o1', at, order: { ...order, rounding: 'ceiling' } }] })).toEqual([
      {
        code: 'INVALID_ROUNDING',
        path: 'attempts.0.order.rounding',
        message: '"rounding" is "half-up" (the default), "half-even", "half-down", "down" or "up"',
      },
    ]);
  });

  it('are not later than the planning instant (ATTEMPT_AFTER_NOW); one at the planning instant is fine', () => {
    expect(planErrors({ ...base, at, attempts: [{ couponId: 'c1', orderId: 'o1', at: '2026-12-01T11:00:00.001Z', order }] })).toEqual([
      { code: 'ATTEMPT_AFTER_NOW', path: 'attempts.0.at', message: 'an attempt cannot be later than the planning instant' },
    ]);
    expect(planOutageRemedies({ ...base, at, attempts: [{ couponId: 'c1', orderId: 'o1', at, order }] })).toMatchObject({
      ok: true,
      value: { honor: [{ couponId: 'c1', orderId: 'o1' }] },
    });
  });

  it('name a coupon of the input (UNKNOWN_COUPON, the id clipped to 40 characters in the message)', () => {
    expect(planErrors({ ...base, attempts: [{ couponId: 'c9', orderId: 'o1', at, order }] })).toEqual([
      { code: 'UNKNOWN_COUPON', path: 'attempts.0.couponId', message: 'no coupon "c9" in "coupons"' },
    ]);
    expect(planErrors({ ...base, attempts: [{ couponId: LONG, orderId: 'o1', at, order }] })).toEqual([
      { code: 'UNKNOWN_COUPON', path: 'attempts.0.couponId', message: `no coupon "${CLIPPED}" in "coupons"` },
    ]);
  });
});

describe('coupons', () => {
  it('are checked as lifecycle records, their events at coupons.N.events', () => {
    const c = coupon('c1', '2026-12-20', {
      events: [
        { type: 'declined', at: '2026-12-01T05:00:00Z' },
        { type: 'deleted', at: '2026-12-01T04:00:00Z' },
      ],
    });
    expect(planErrors({ ...base, coupons: [coupon('c0', '2026-12-20'), c] })).toEqual([
      {
        code: 'EVENTS_OUT_OF_ORDER',
        path: 'coupons.1.events.1',
        message: 'this "deleted" event is earlier than the event before it: events must be in time order',
      },
    ]);
  });

  it('use each id once', () => {
    expect(planErrors({ ...base, coupons: [coupon('c1', '2026-12-20'), coupon('c1', '2026-12-21')] })).toEqual([
      { code: 'DUPLICATE_COUPON_ID', path: 'coupons.1.id', message: 'coupon id "c1" is used twice' },
    ]);
  });

  it('have terms the attempt currency can hold, when an attempt is honored (error at coupons.N.terms)', () => {
    const yen = { ...order, currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2500', quantity: 1 }] };
    const fixed = coupon('c1', '2026-12-20', { terms: { type: 'fixed', amount: '3.50' } });
    expect(planErrors({ ...base, coupons: [coupon('c0', '2026-12-20'), fixed], attempts: [{ couponId: 'c1', orderId: 'o1', at, order: yen }] })).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'coupons.1.terms.amount', message: 'JPY amounts have at most 0 decimals, got 2' },
    ]);
    // an attempt outside every window is not honored, so its currency does not matter
    expect(planOutageRemedies({ ...base, coupons: [fixed], attempts: [{ couponId: 'c1', orderId: 'o1', at: '2026-12-01T12:00:00Z', order: yen }] })).toEqual({
      ok: true,
      value: { ...EMPTY, windows: [windowOf(incident)] },
    });
  });
});

describe('the order of the checks', () => {
  // Like couponState: the events of a coupon are folded only once the input is well formed,
  // and an honored attempt's currency is checked against the terms only once every coupon folds cleanly.
  const outOfOrder = coupon('c0', '2026-12-20', {
    events: [
      { type: 'declined', at: '2026-12-01T05:00:00Z' },
      { type: 'deleted', at: '2026-12-01T04:00:00Z' },
    ],
  });
  const yen = { ...order, currency: 'JPY', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2500', quantity: 1 }] };
  const fixed = coupon('c1', '2026-12-20', { terms: { type: 'fixed', amount: '3.50' } });

  it('reports a malformed input without folding the events of its coupons', () => {
    expect(planErrors({ ...base, coupons: [outOfOrder], attempts: [{ couponId: 'c9', orderId: 'o1', at, order }] })).toEqual([
      { code: 'UNKNOWN_COUPON', path: 'attempts.0.couponId', message: 'no coupon "c9" in "coupons"' },
    ]);
  });

  it('reports events that were not allowed before looking at the attempts', () => {
    expect(planErrors({ ...base, coupons: [outOfOrder, fixed], attempts: [{ couponId: 'c1', orderId: 'o1', at, order: yen }] })).toEqual([
      {
        code: 'EVENTS_OUT_OF_ORDER',
        path: 'coupons.0.events.1',
        message: 'this "deleted" event is earlier than the event before it: events must be in time order',
      },
    ]);
  });
});

describe('applyOutagePlan', () => {
  it('refuses the input the planner refuses, with the same errors', () => {
    const input = { at: 'nope', incidents: [], coupons: [] } as unknown as OutageInput;
    expect(applyOutagePlan(input, EMPTY)).toEqual({
      ok: false,
      errors: [{ code: 'INVALID_INSTANT', path: 'at', message: instantMessage('the string "nope"') }],
    });
    expect(applyOutagePlan({ ...base, op: 'outage-plan' } as OutageInput, EMPTY)).toEqual({
      ok: false,
      errors: [{ code: 'UNKNOWN_FIELD', path: 'op', message: 'unknown field "op"' }],
    });
  });
});

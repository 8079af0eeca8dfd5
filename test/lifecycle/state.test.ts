import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, type Coupon, type CouponEvent, couponState, type CouponView } from '../../src/index.js';
import { codePathsOf, unwrap } from '../helpers.js';
import { redeem } from './fixtures.js';

const coupon: Coupon = {
  id: 'c1',
  seller: 's1',
  recipient: 'b1',
  expires: '2026-12-31',
  timeZone: 'Europe/Berlin',
  terms: { type: 'percent', percent: '10', maxDiscount: '20.00' },
};
const view = (events: readonly CouponEvent[], at: string, c: Coupon = coupon): CouponView => unwrap(couponState({ ...c, events }, at));
const errors = (events: readonly CouponEvent[], at = '2026-12-20T00:00:00Z') => codePathsOf(couponState({ ...coupon, events }, at));

describe('coupon statuses', () => {
  it('is open by default, and expires after the end of its local expiration day', () => {
    expect(view([], '2026-12-01T00:00:00Z')).toMatchObject({ status: 'open', expiresAt: '2026-12-31T23:00:00.000Z' });
    expect(view([], '2026-12-31T22:59:59Z').status).toBe('open');
    expect(view([], '2026-12-31T23:00:00Z').status).toBe('expired');
  });

  it('knows the DST day in the store zone: a coupon expiring 2026-03-29 in Berlin', () => {
    const c = { ...coupon, expires: '2026-03-29' };
    expect(view([], '2026-03-29T21:59:59Z', c).status).toBe('open');
    expect(view([], '2026-03-29T22:00:00Z', c).status).toBe('expired');
  });

  it('is redeemed, declined or deleted by its events, and redeemed is final', () => {
    expect(view([redeem('2026-12-02T10:00:00Z')], '2027-06-01T00:00:00Z')).toMatchObject({
      status: 'redeemed',
      redemption: { orderId: 'o1', at: '2026-12-02T10:00:00.000Z' },
    });
    expect(view([{ type: 'declined', at: '2026-12-02T10:00:00Z' }], '2027-06-01T00:00:00Z').status).toBe('declined');
    expect(view([{ type: 'deleted', at: '2026-12-02T10:00:00Z' }], '2026-12-03T00:00:00Z').status).toBe('deleted');
  });

  it('ignores events after the instant asked about', () => {
    expect(view([redeem('2026-12-02T10:00:00Z')], '2026-12-02T09:59:59Z').status).toBe('open');
  });

  it('lets the seller edit only an open coupon; a change to fixed drops the cap', () => {
    const edited = view(
      [{ type: 'edited', at: '2026-12-01T10:00:00Z', terms: { type: 'fixed', amount: '5.00' }, expires: '2027-01-15' }],
      '2026-12-02T00:00:00Z',
    );
    expect(edited.terms).toEqual({ type: 'fixed', amount: '5.00' });
    expect(edited.expiresAt).toBe('2027-01-15T23:00:00.000Z');
    expect(errors([redeem('2026-12-02T10:00:00Z'), { type: 'edited', at: '2026-12-03T10:00:00Z', expires: '2027-01-15' }])).toEqual([
      'COUPON_REDEEMED@events.1',
    ]);
    expect(
      errors([
        { type: 'declined', at: '2026-12-02T10:00:00Z' },
        { type: 'edited', at: '2026-12-03T10:00:00Z', expires: '2027-01-15' },
      ]),
    ).toEqual(['COUPON_DECLINED@events.1']);
    expect(errors([{ type: 'edited', at: '2027-01-02T10:00:00Z', expires: '2027-03-01' }], '2027-01-03T00:00:00Z')).toEqual(['COUPON_EXPIRED@events.0']);
  });

  it('re-checks a new expiration against the edit date', () => {
    expect(errors([{ type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2027-12-02' }])).toEqual(['EXPIRATION_TOO_FAR@events.0.expires']);
    expect(errors([{ type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2026-11-30' }])).toEqual(['EXPIRATION_IN_PAST@events.0.expires']);
    expect(errors([{ type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2027-12-01' }])).toEqual([]);
    expect(errors([{ type: 'edited', at: '2026-12-01T10:00:00Z' }])).toEqual(['EMPTY_EDIT@events.0']);
    expect(errors([{ type: 'edited', at: '2026-12-01T10:00:00Z', terms: { type: 'fixed', amount: '5.00', maxDiscount: '1.00' } as never }])).toEqual([
      'UNKNOWN_FIELD@events.0.terms.maxDiscount',
    ]);
  });

  it('lets the seller delete unless redeemed, and a deleted coupon stays deleted', () => {
    expect(
      errors([
        { type: 'declined', at: '2026-12-02T10:00:00Z' },
        { type: 'deleted', at: '2026-12-03T10:00:00Z' },
      ]),
    ).toEqual([]);
    expect(errors([{ type: 'deleted', at: '2027-01-02T10:00:00Z' }], '2027-01-03T00:00:00Z')).toEqual([]); // an expired coupon may be deleted
    expect(errors([redeem('2026-12-02T10:00:00Z'), { type: 'deleted', at: '2026-12-03T10:00:00Z' }])).toEqual(['COUPON_REDEEMED@events.1']);
    expect(errors([{ type: 'deleted', at: '2026-12-02T10:00:00Z' }, redeem('2026-12-03T10:00:00Z')])).toEqual(['COUPON_DELETED@events.1']);
    expect(
      errors([
        { type: 'deleted', at: '2026-12-02T10:00:00Z' },
        { type: 'deleted', at: '2026-12-03T10:00:00Z' },
      ]),
    ).toEqual(['COUPON_DELETED@events.1']);
  });

  it('lets the buyer decline only an open coupon', () => {
    expect(errors([redeem('2026-12-02T10:00:00Z'), { type: 'declined', at: '2026-12-03T10:00:00Z' }])).toEqual(['COUPON_REDEEMED@events.1']);
    expect(errors([{ type: 'declined', at: '2027-01-02T10:00:00Z' }], '2027-01-03T00:00:00Z')).toEqual(['COUPON_EXPIRED@events.0']);
  });

  it('checks every redeem guard, and reports all that fail', () => {
    expect(errors([redeem('2026-12-02T10:00:00Z', { buyer: 'b2', store: 's2', newOrder: false, orderHasCoupon: true })])).toEqual([
      'NOT_RECIPIENT@events.0',
      'WRONG_STORE@events.0',
      'NOT_NEW_ORDER@events.0',
      'ORDER_HAS_COUPON@events.0',
    ]);
    expect(errors([redeem('2026-12-02T10:00:00Z'), redeem('2026-12-03T10:00:00Z')])).toEqual(['COUPON_REDEEMED@events.1']);
    expect(errors([redeem('2026-12-31T23:00:00Z')], '2027-01-01T00:00:00Z')).toEqual(['COUPON_EXPIRED@events.0']);
    expect(errors([redeem('2026-12-31T22:59:59Z')], '2027-01-01T00:00:00Z')).toEqual([]);
  });

  it('requires events in time order', () => {
    expect(
      errors([
        { type: 'declined', at: '2026-12-03T10:00:00Z' },
        { type: 'deleted', at: '2026-12-02T10:00:00Z' },
      ]),
    ).toEqual(['EVENTS_OUT_OF_ORDER@events.1']);
  });

  it('tells which actions are allowed now, and why not', () => {
    const at = '2026-12-05T00:00:00Z';
    expect(allowedActions({ ...coupon, events: [] }, at)).toEqual({
      ok: true,
      value: { edit: { ok: true }, delete: { ok: true }, decline: { ok: true }, redeem: { ok: true } },
    });
    expect(allowedActions({ ...coupon, events: [redeem('2026-12-02T10:00:00Z')] }, at)).toEqual({
      ok: true,
      value: {
        edit: { ok: false, code: 'COUPON_REDEEMED' },
        delete: { ok: false, code: 'COUPON_REDEEMED' },
        decline: { ok: false, code: 'COUPON_REDEEMED' },
        redeem: { ok: false, code: 'COUPON_REDEEMED' },
      },
    });
    expect(allowedActions({ ...coupon, events: [] }, '2027-02-01T00:00:00Z')).toMatchObject({
      ok: true,
      value: { edit: { code: 'COUPON_EXPIRED' }, delete: { ok: true }, redeem: { code: 'COUPON_EXPIRED' } },
    });
  });
});

// Model-based: random command sequences against a tiny model of the status machine.
type Stored = 'open' | 'redeemed' | 'declined' | 'deleted';
interface Model {
  stored: Stored;
  now: number;
  expiresAt: number;
}
interface Real {
  events: CouponEvent[];
}
const START = Date.parse('2026-12-01T00:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const modelStatus = (m: Model) => (m.stored === 'open' && m.now >= m.expiresAt ? 'expired' : m.stored);

abstract class Try implements fc.Command<Model, Real> {
  abstract event(m: Model): CouponEvent;
  abstract allowed(m: Model): boolean;
  abstract apply(m: Model): void;
  check = () => true;
  run(m: Model, real: Real): void {
    const e = this.event(m);
    const r = couponState({ ...coupon, events: [...real.events, e] }, iso(m.now));
    if (this.allowed(m)) {
      expect(r.ok).toBe(true);
      real.events.push(e);
      this.apply(m);
    } else {
      expect(r.ok).toBe(false); // the forbidden event is refused, and the history stays as it was
    }
    const v = couponState({ ...coupon, events: real.events }, iso(m.now));
    expect(v.ok && v.value.status).toBe(modelStatus(m));
  }
  toString = () => this.constructor.name;
}
class Redeem extends Try {
  event = (m: Model): CouponEvent => redeem(iso(m.now));
  allowed = (m: Model) => modelStatus(m) === 'open';
  apply = (m: Model) => void (m.stored = 'redeemed');
}
class Decline extends Try {
  event = (m: Model): CouponEvent => ({ type: 'declined', at: iso(m.now) });
  allowed = (m: Model) => modelStatus(m) === 'open';
  apply = (m: Model) => void (m.stored = 'declined');
}
class Delete extends Try {
  event = (m: Model): CouponEvent => ({ type: 'deleted', at: iso(m.now) });
  allowed = (m: Model) => m.stored !== 'redeemed' && m.stored !== 'deleted';
  apply = (m: Model) => void (m.stored = 'deleted');
}
class Edit extends Try {
  event = (m: Model): CouponEvent => ({ type: 'edited', at: iso(m.now), terms: { type: 'fixed', amount: '1.00' } });
  allowed = (m: Model) => modelStatus(m) === 'open';
  apply = () => undefined;
}
class Wait implements fc.Command<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true;
  run(m: Model): void {
    m.now += this.hours * HOUR;
  }
  toString = () => `Wait(${String(this.hours)}h)`;
}

describe('coupon status machine (model-based)', () => {
  it('never reaches a state the rules forbid', () => {
    const commands = fc.commands(
      [
        fc.constant(new Redeem()),
        fc.constant(new Decline()),
        fc.constant(new Delete()),
        fc.constant(new Edit()),
        fc.integer({ min: 1, max: 24 * 20 }).map((h) => new Wait(h)),
      ],
      { maxCommands: 25 },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        const setup = (): { model: Model; real: Real } => ({
          model: { stored: 'open', now: START, expiresAt: Date.parse('2026-12-31T23:00:00Z') },
          real: { events: [] },
        });
        fc.modelRun(setup, cmds);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { answerWireRequest, checkCouponIssue, couponChoices, couponState } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import { unwrap } from '../helpers.js';

const issue = {
  op: 'coupon-issue-check',
  at: '2026-11-22T15:00:00Z',
  timeZone: 'America/New_York',
  seller: { id: 's1' },
  recipient: { id: 'b1', registered: true, emailConfirmed: true },
  stoplisted: { bySeller: false, byRecipient: false },
  expires: '2027-11-22',
} as const;
const coupon = {
  id: 'c1',
  seller: 's1',
  recipient: 'b1',
  expires: '2026-12-31',
  timeZone: 'Europe/Berlin',
  terms: { type: 'percent', percent: '10', maxDiscount: '20.00' },
} as const;
const state = {
  op: 'coupon-state',
  coupon,
  events: [
    { type: 'edited', at: '2026-11-25T10:00:00Z', terms: { type: 'fixed', amount: '5.00' }, expires: '2027-01-15' },
    { type: 'redeemed', at: '2026-11-30T10:00:00Z', orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false },
  ],
  at: '2026-12-01T10:00:00Z',
} as const;
const choices = {
  op: 'coupon-choices',
  at: '2026-12-01T10:00:00Z',
  store: 's1',
  buyer: 'b1',
  order: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '15.00', quantity: 1 }], newOrder: true, hasCoupon: false },
  coupons: [{ ...coupon, events: [] }],
} as const;

describe('wire ops of the coupon lifecycle', () => {
  it('coupon-issue-check answers as in the contract', () => {
    expect(answerWireRequest(issue)).toEqual({ ok: true, result: { allowed: true, violations: [] } });
    const { op, ...ts } = issue;
    expect(answerWireRequest(issue)).toEqual({ ok: true, result: (checkCouponIssue(ts) as { value: unknown }).value });
    expect(answerWireRequest({ ...issue, expires: null })).toMatchObject({
      ok: true,
      result: { allowed: false, violations: [{ code: 'EXPIRATION_REQUIRED' }] },
    });
    expect(answerWireRequest({ ...issue, timeZone: 'Nowhere/Land' })).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TIME_ZONE', path: 'timeZone' }] });
    expect(op).toBe('coupon-issue-check');
  });

  it('coupon-state answers status, expiresAt and allowed, like couponState', () => {
    const answer = answerWireRequest(state);
    expect(answer).toEqual({
      ok: true,
      result: {
        status: 'redeemed',
        expiresAt: '2027-01-15T23:00:00.000Z',
        allowed: {
          edit: { ok: false, code: 'COUPON_REDEEMED' },
          delete: { ok: false, code: 'COUPON_REDEEMED' },
          decline: { ok: false, code: 'COUPON_REDEEMED' },
          redeem: { ok: false, code: 'COUPON_REDEEMED' },
        },
      },
    });
    const ts = couponState({ ...coupon, events: state.events }, state.at);
    expect(ts.ok && { status: ts.value.status, expiresAt: ts.value.expiresAt, allowed: ts.value.allowed }).toEqual((answer as { result: unknown }).result);
  });

  it('coupon-state refuses an event that was not allowed, at events.N', () => {
    const bad = { ...state, events: [...state.events, { type: 'deleted', at: '2026-11-30T11:00:00Z' }] };
    expect(answerWireRequest(bad)).toMatchObject({ ok: false, errors: [{ code: 'COUPON_REDEEMED', path: 'events.2' }] });
    expect(answerWireRequest({ op: 'coupon-state', events: [], extra: 1 })).toMatchObject({
      ok: false,
      errors: [
        { code: 'UNKNOWN_FIELD', path: 'extra' },
        { code: 'REQUIRED', path: 'coupon' },
        { code: 'REQUIRED', path: 'at' },
      ],
    });
  });

  it('coupon-choices answers prompt and ranked choices with their terms, like couponChoices without its quote functions', () => {
    const answer = answerWireRequest(choices);
    expect(answer).toEqual({
      ok: true,
      result: {
        prompt: 'offer',
        choices: [
          { couponId: 'c1', couponCredit: '1.50', expiresAt: '2026-12-31T23:00:00.000Z', terms: { type: 'percent', percent: '10', maxDiscount: '20.00' } },
        ],
      },
    });
    const { op, ...ts } = choices;
    expect(op).toBe('coupon-choices');
    const value = unwrap(couponChoices(ts));
    expect({ ...value, choices: value.choices.map(({ quote: _quote, ...data }) => data) }).toEqual((answer as { result: unknown }).result);
  });

  it('describes each request and answer with its zod schema', () => {
    for (const [req, name] of [
      [issue, 'coupon-issue-check'],
      [state, 'coupon-state'],
      [choices, 'coupon-choices'],
    ] as const) {
      const ops = WIRE_OPS[name];
      expect(ops.request.safeParse(req).success).toBe(true);
      expect(ops.answer.safeParse(answerWireRequest(req)).success).toBe(true);
      expect(ops.request.safeParse({ ...req, extra: 1 }).success).toBe(false);
      expect(answerWireRequest({ ...req, extra: 1 }).ok).toBe(false);
    }
  });
});

import { FIELD_NAMES, WIRE_OPS_LIST } from '../contract/index.js';
import { readDisputeView } from '../dispute/view.js';
import { readCouponChoices } from '../lifecycle/choices.js';
import { readOutagePlan } from '../outage/plan.js';
import { readIssueCheck } from '../lifecycle/issue.js';
import { readCouponState } from '../lifecycle/view.js';
import { computeQuote, computeQuoteCore } from '../order/compute.js';
import { readQuoteRequest } from '../order/read.js';
import type { Quote } from '../order/types.js';
import { wireQuoteText } from '../order/wire.js';
import { InputReader } from '../input.js';
import { ruleError, type RuleError } from '../result.js';

/**
 * An answer of the JSON-lines wire format: `{ ok: true, result }` or
 * `{ ok: false, errors }`.
 *
 * @example
 * ```ts
 * import { answerWireRequest, type WireAnswer } from 'coupon-rules';
 * const a: WireAnswer = answerWireRequest({ op: 'quote', currency: 'USD', lines: [] });
 * // an order needs lines: EMPTY_LINES
 * console.log(a.ok); // → false
 * ```
 */
export type WireAnswer = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly errors: readonly RuleError[] };

/**
 * The ops the wire format knows.
 *
 * @example
 * ```ts
 * import { WIRE_OP_NAMES } from 'coupon-rules';
 * console.log(WIRE_OP_NAMES); // → [ 'quote', 'coupon-issue-check', 'coupon-state', 'coupon-choices', 'dispute-state', 'outage-plan' ]
 * ```
 */
export const WIRE_OP_NAMES: readonly string[] = Object.freeze([...WIRE_OPS_LIST]);

/** The wire result of a quote: the TypeScript `Quote` without its `explain`. */
function wireQuote(q: Quote): unknown {
  const { explain, ...result } = q;
  return result;
}

/**
 * Answers one parsed wire request (an object with an `op`). Never throws
 * on bad input: every problem is an `ok: false` answer.
 *
 * @example
 * ```ts
 * import { answerWireRequest } from 'coupon-rules';
 * const a = answerWireRequest({ op: 'quote', currency: 'JPY', lines: [{ id: 'a', itemType: 'Set', unitPrice: '1000', quantity: 2 }], coupon: { type: 'fixed', amount: '500' } });
 * if (a.ok) console.log(a.result); // → { subtotal: '2000', eligibleTotal: '2000', appliedPercent: null, couponCredit: '500', capped: false, sellerCredit: '0', totalCredit: '500', grandTotal: '1500', feeBasis: '2000', lines: [ { id: 'a', lineTotal: '2000', eligible: true, couponCredit: '500', net: '1500' } ], batches: [ { batch: 1, subtotal: '2000', feeBasis: '2000', couponCredit: '500' } ] }
 * ```
 */
export function answerWireRequest(request: unknown): WireAnswer {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, errors: [ruleError('INVALID_TYPE', '', 'a request is a JSON object with an "op"')] };
  }
  const op = Object.hasOwn(request, 'op') ? (request as { op?: unknown }).op : undefined;
  switch (op) {
    case 'quote': {
      const parsed = readQuoteRequest(request, ['op']);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      // Stryker disable next-line BooleanLiteral: the wire answer drops `explain`, so building explain.lines would only cost time
      const quote = computeQuote(parsed.value, false);
      return quote.ok ? { ok: true, result: wireQuote(quote.value) } : { ok: false, errors: quote.errors };
    }
    case 'coupon-issue-check': {
      const check = readIssueCheck(request, ['op']);
      return check.ok ? { ok: true, result: check.value } : check;
    }
    case 'coupon-state': {
      const r = new InputReader();
      const o = r.object(request, '', FIELD_NAMES.couponStateRequest) ?? {};
      const state = readCouponState(r, r.field(o, 'coupon'), r.field(o, 'events'), r.field(o, 'at'), { coupon: 'coupon', events: 'events', at: 'at' });
      if (!state.ok) return state;
      const { status, expiresAt, allowed } = state.value;
      return { ok: true, result: { status, expiresAt, allowed } };
    }
    case 'coupon-choices': {
      const answer = readCouponChoices(request, ['op']);
      if (!answer.ok) return answer;
      // Written field by field: a choice's `quote` is a function of the TypeScript API, not part of the contract.
      const { prompt, choices } = answer.value;
      return {
        ok: true,
        result: { prompt, choices: choices.map(({ couponId, couponCredit, expiresAt, terms }) => ({ couponId, couponCredit, expiresAt, terms })) },
      };
    }
    case 'dispute-state': {
      const r = new InputReader();
      const o = r.object(request, '', FIELD_NAMES.disputeStateRequest) ?? {};
      const view = readDisputeView(r, r.field(o, 'policy'), r.field(o, 'order'), r.field(o, 'events'), r.field(o, 'at'), true);
      if (!view.ok) return view;
      const v = view.value;
      return {
        ok: true,
        result: {
          status: v.status,
          refund: v.refund,
          outcome: v.outcome,
          requested: v.requested,
          refundable: v.refundable,
          deadlines: { seller: v.deadlines.seller?.endsAt ?? null, buyer: v.deadlines.buyer?.endsAt ?? null, ruling: v.deadlines.ruling.endsAt },
          negotiationEnds: v.negotiationEnds.endsAt,
          overdue: v.overdue,
          allowed: v.allowed,
          notices: v.notices,
        },
      };
    }
    case 'outage-plan': {
      const planned = readOutagePlan(request);
      return planned.ok ? { ok: true, result: planned.value } : planned;
    }
    case undefined:
      return { ok: false, errors: [ruleError('REQUIRED', 'op', `"op" is required: one of ${WIRE_OP_NAMES.join(', ')}`)] };
    default:
      return { ok: false, errors: [ruleError('UNKNOWN_OP', 'op', `unknown op; known ops: ${WIRE_OP_NAMES.join(', ')}`)] };
  }
}

/**
 * Answers one line of the JSON-lines wire format with one line (no
 * newline). Text that is not JSON is `INVALID_JSON`; the answer is always
 * a JSON object.
 *
 * @example
 * ```ts
 * import { answerWireLine } from 'coupon-rules';
 * console.log(answerWireLine('{"op":"refund"}')); // → {"ok":false,"errors":[{"code":"UNKNOWN_OP","path":"op","message":"unknown op; known ops: quote, coupon-issue-check, coupon-state, coupon-choices, dispute-state, outage-plan"}]}
 * ```
 */
export function answerWireLine(line: string): string {
  const answer = answerLineText(() => line);
  return typeof answer === 'string' ? answer : [...answer].join('');
}

/**
 * @internal {@link answerWireLine} for a line that only `take` holds: neither the line's text nor the
 * parsed request outlives its use (a quote request is dropped once read). The answer is one string,
 * or, for a quote of more than 4,096 lines, pieces of JSON text written a few thousand lines at a
 * time, so that a million-line order is answered without its whole answer in memory at once.
 */
export function answerLineText(take: () => string): string | Iterable<string> {
  let request: unknown;
  try {
    request = JSON.parse(take());
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : 'unparseable';
    return JSON.stringify({ ok: false, errors: [ruleError('INVALID_JSON', '', `not a JSON value: ${why}`)] });
  }
  if (
    typeof request === 'object' &&
    request !== null &&
    !Array.isArray(request) &&
    Object.hasOwn(request, 'op') &&
    (request as { op?: unknown }).op === 'quote'
  ) {
    const parsed = readQuoteRequest(request, ['op']);
    // eslint-disable-next-line no-useless-assignment -- the parsed arrays hold all that is needed: let the request go
    request = undefined;
    if (!parsed.ok) return JSON.stringify({ ok: false, errors: parsed.errors });
    const core = computeQuoteCore(parsed.value);
    return core.ok ? wireQuoteText(core.value) : JSON.stringify({ ok: false, errors: core.errors });
  }
  const answer = answerWireRequest(request);
  // Drop the parsed request before serialising, so that a large one can be collected meanwhile.
  // eslint-disable-next-line no-useless-assignment
  request = undefined;
  return JSON.stringify(answer);
}

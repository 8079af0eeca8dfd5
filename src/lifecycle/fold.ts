// The fold: a record's events in time order, each checked against the rules as they stood when it happened.
import type { RuleErrorCode } from '../contract/index.js';
import type { CouponTerms } from '../coupon/terms.js';
import type { InputReader } from '../input.js';
import { assertNever, joinPath } from '../result.js';
import { expirationViolations } from './issue.js';
import { endOfLocalDate, localDateAt } from '../time/dates.js';
import type { ActionBlock, ParsedEvent, ParsedRecord } from './types.js';

/** @internal The state a fold carries: the stored status, never `expired` (that comes from time). */
export interface FoldState {
  readonly status: 'open' | 'redeemed' | 'declined' | 'deleted';
  readonly expires: string;
  readonly expiresAt: number;
  readonly terms: CouponTerms;
  readonly redemption: { readonly orderId: string; readonly at: number } | null;
  /** Incident ids answered so far (the record's `remedies` and its remedy events). */
  readonly remedies: readonly string[];
}

/** @internal Why a coupon that must be open and unexpired at `at` is not, if it is not. */
export function openBlock(s: FoldState, at: number): ActionBlock | null {
  switch (s.status) {
    case 'open':
      return at >= s.expiresAt ? 'COUPON_EXPIRED' : null;
    case 'redeemed':
      return 'COUPON_REDEEMED';
    case 'declined':
      return 'COUPON_DECLINED';
    case 'deleted':
      return 'COUPON_DELETED';
    // Stryker disable next-line ConditionalExpression: unreachable, the stored status is always one of the four cases above
    default:
      return assertNever(s.status);
  }
}

/** @internal Why a coupon may not be deleted, if it may not (only redeemed and deleted coupons block it). */
export function deleteBlock(s: FoldState): ActionBlock | null {
  return s.status === 'redeemed' ? 'COUPON_REDEEMED' : s.status === 'deleted' ? 'COUPON_DELETED' : null;
}

const BLOCK_TEXT: Record<ActionBlock, string> = {
  COUPON_EXPIRED: 'the coupon has expired',
  COUPON_REDEEMED: 'the coupon has been redeemed',
  COUPON_DECLINED: 'the coupon has been declined',
  COUPON_DELETED: 'the coupon has been deleted',
};

/**
 * @internal Folds the events at or before `at` into a state, checking each
 * against the rules as they stood when it happened. An event that was not
 * allowed is reported at `events.N` and not applied.
 */
export function foldEvents(r: InputReader, c: ParsedRecord, at: number, path: string, afterEach?: (at: number, s: FoldState) => void): FoldState {
  // One list of remedies for the whole fold, appended to (copying it per event would be quadratic).
  const remedies = [...c.remedies];
  let s: FoldState = { status: 'open', expires: c.expires, expiresAt: endOfLocalDate(c.expires, c.timeZone), terms: c.terms, redemption: null, remedies };
  let last = Number.NEGATIVE_INFINITY;
  c.events.forEach((e, i) => {
    if (e.at < last) {
      r.error('EVENTS_OUT_OF_ORDER', joinPath(path, i), `this "${e.type}" event is earlier than the event before it: events must be in time order`);
      return;
    }
    last = e.at;
    if (e.at > at) return; // the state is asked for at `at`: later events have not happened yet
    applyEvent(e, i);
    afterEach?.(e.at, s);
  });
  return s;

  function applyEvent(e: ParsedEvent, i: number): void {
    const p = joinPath(path, i);
    const refuse = (code: RuleErrorCode, why: string) => {
      r.error(code, p, `"${e.type}" at ${new Date(e.at).toISOString()} is not allowed: ${why}`);
    };
    switch (e.type) {
      case 'edited': {
        const block = openBlock(s, e.at);
        if (block) {
          refuse(block, `only an open coupon may be edited, and ${BLOCK_TEXT[block]}`);
          return;
        }
        const today = localDateAt(e.at, c.timeZone);
        const bad = e.expires === undefined ? [] : expirationViolations(e.expires, today);
        for (const v of bad) r.error(v.code, joinPath(p, 'expires'), v.message);
        if (bad.length > 0) return;
        const expires = e.expires ?? s.expires;
        s = { ...s, terms: e.terms ?? s.terms, expires, expiresAt: endOfLocalDate(expires, c.timeZone) };
        return;
      }
      case 'redeemed': {
        const before = r.count;
        const block = openBlock(s, e.at);
        if (block) refuse(block, `only an open, unexpired coupon may be redeemed, and ${BLOCK_TEXT[block]}`);
        if (e.buyer !== c.recipient) refuse('NOT_RECIPIENT', `the buyer ${e.buyer} is not the coupon's recipient`);
        if (e.store !== c.seller) refuse('WRONG_STORE', `the order is in store ${e.store}, not in the issuing seller's store`);
        if (!e.newOrder) refuse('NOT_NEW_ORDER', 'a coupon applies only to a new order submission, not to an addition to an existing order');
        if (e.orderHasCoupon) refuse('ORDER_HAS_COUPON', 'the order already has a coupon: one coupon per order');
        if (r.count === before) s = { ...s, status: 'redeemed', redemption: { orderId: e.orderId, at: e.at } };
        return;
      }
      case 'declined': {
        const block = openBlock(s, e.at);
        if (block) {
          refuse(block, `only an open coupon may be declined, and ${BLOCK_TEXT[block]}`);
          return;
        }
        s = { ...s, status: 'declined' };
        return;
      }
      case 'extended': {
        const block = openBlock(s, e.at);
        if (block) {
          refuse(block, `only an open, unexpired coupon is extended (an expired one is reissued), and ${BLOCK_TEXT[block]}`);
          return;
        }
        if (e.expires < s.expires) {
          r.error(
            'EXPIRATION_SHORTENED',
            joinPath(p, 'expires'),
            `an extension never shortens: ${e.expires} is before the current expiration date ${s.expires}`,
          );
          return;
        }
        for (const id of e.incidents) remedies.push(id);
        s = { ...s, expires: e.expires, expiresAt: endOfLocalDate(e.expires, c.timeZone) };
        return;
      }
      case 'honored': {
        const block = deleteBlock(s) ?? (s.status === 'declined' ? 'COUPON_DECLINED' : null);
        if (block) {
          refuse(block, `only a coupon that is still open (or expired since) is honored, and ${BLOCK_TEXT[block]}`);
          return;
        }
        if (e.attemptAt >= s.expiresAt) {
          refuse('COUPON_EXPIRED', 'the coupon had already expired when the redemption was attempted');
          return;
        }
        for (const id of e.incidents) remedies.push(id);
        s = { ...s, status: 'redeemed', redemption: { orderId: e.orderId, at: e.attemptAt } };
        return;
      }
      case 'deleted': {
        const block = deleteBlock(s);
        if (block) {
          refuse(block, `a coupon may be deleted unless it is redeemed, and ${BLOCK_TEXT[block]}`);
          return;
        }
        s = { ...s, status: 'deleted' };
        return;
      }
      // Stryker disable next-line ConditionalExpression: unreachable, readEvents only produces the six event types above
      default:
        assertNever(e);
    }
  }
}

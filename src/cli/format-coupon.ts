import type { ActionBlock, AllowedActions, Coupon, CouponEvent, CouponRecord, CouponStatus } from '../lifecycle/types.js';
import type { CouponChoices, CouponChoicesRequest } from '../lifecycle/choices.js';
import type { CouponIssueCheck, CouponIssueRequest } from '../lifecycle/issue.js';
import { foldEvents, type FoldState } from '../lifecycle/fold.js';
import { readCouponFields, readEvents } from '../lifecycle/read.js';
import { couponState } from '../lifecycle/view.js';
import { InputReader } from '../input.js';
import { addCalendarYears, endOfLocalDate, localDateAt } from '../time/dates.js';
import { bothText, columns, idsText, joinLines, msOf, termsText, utcText } from './format-common.js';

// The breakdowns of the coupon ops: coupon-state (status, expiry, the events as a timeline with the verdict
// of each), coupon-issue-check (who may be given the coupon) and coupon-choices (the checkout prompt).

/** A coupon-state request the library accepted. */
export interface CouponStateWireRequest {
  readonly coupon: Coupon & { readonly remedies?: readonly string[] };
  readonly events: readonly CouponEvent[];
  readonly at: string;
}

/** The result of a coupon-state answer. */
export interface CouponStateWireResult {
  readonly status: CouponStatus;
  readonly expiresAt: string;
  readonly allowed: AllowedActions;
}

const BLOCKS: { readonly [B in ActionBlock]: string } = {
  COUPON_EXPIRED: 'the coupon has expired',
  COUPON_REDEEMED: 'the coupon has been redeemed',
  COUPON_DECLINED: 'the coupon has been declined',
  COUPON_DELETED: 'the coupon has been deleted',
};

const ACTIONS = ['edit', 'delete', 'decline', 'redeem'] as const;

/** What happened, in words (the instant is printed beside it). */
function eventText(e: CouponEvent, zone: string): string {
  switch (e.type) {
    case 'edited': {
      const what = [e.terms ? `terms ${termsText(e.terms)}` : '', e.expires === undefined ? '' : `expiration ${e.expires}`].filter((s) => s !== '');
      return `edited: ${what.join('; ')}`;
    }
    case 'redeemed':
      return `redeemed on order ${e.orderId} by buyer ${e.buyer} in store ${e.store}${e.newOrder ? '' : ', not a new order'}${e.orderHasCoupon ? ', the order already had a coupon' : ''}`;
    case 'declined':
      return 'declined by the buyer';
    case 'deleted':
      return 'deleted by the seller';
    case 'extended':
      return `extended to ${e.expires} (outage remedy for ${idsText(e.incidents)})`;
    case 'honored':
      return `honored on order ${e.orderId}, attempted ${bothText(msOf(String(e.attemptAt)), zone)} (outage remedy for ${idsText(e.incidents)})`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The stored state after an event, in words. */
function stateText(s: FoldState): string {
  switch (s.status) {
    case 'open':
      return `open, expires ${s.expires}`;
    case 'redeemed':
      return `redeemed${s.redemption ? ` on order ${s.redemption.orderId}` : ''}`;
    case 'declined':
    case 'deleted':
      return s.status;
    default: {
      const never: never = s.status;
      return never;
    }
  }
}

/** The validity of an expiration date: through the end of that local day, in the zone and in UTC. */
const validityText = (expires: string, zone: string): string => `valid through ${expires}, until ${bothText(endOfLocalDate(expires, zone), zone)}`;

function allowedLines(allowed: AllowedActions): string[] {
  return columns(
    ACTIONS.map((a) => {
      const check = allowed[a];
      return [a, check.ok ? 'yes' : `no: ${check.code} (${BLOCKS[check.code]})`];
    }),
  );
}

/** The breakdown of a coupon-state request: status, expiry in the store's zone and UTC, the timeline, what may be done now. */
export function couponStateBreakdown(request: CouponStateWireRequest, result: CouponStateWireResult): string {
  const { coupon, events } = request;
  const zone = coupon.timeZone;
  const at = msOf(request.at);
  // The fold the answer came from, replayed to see the state after each event (the answer has only the last).
  const r = new InputReader();
  const fields = readCouponFields(r, coupon, 'coupon', []);
  const parsed = readEvents(r, events, 'events');
  const after: FoldState[] = [];
  const now = fields && parsed ? foldEvents(r, { ...fields, events: parsed }, at, 'events', (_at, s) => after.push(s)) : undefined;
  const out: string[] = [
    `Coupon ${coupon.id}: issued by seller ${coupon.seller} to buyer ${coupon.recipient}`,
    `Times in the store's zone ${zone}, UTC in brackets`,
    `Viewed at ${bothText(at, zone)}`,
    '',
  ];
  const expires = now?.expires ?? coupon.expires;
  const expiresAt = msOf(result.expiresAt);
  const status = (() => {
    switch (result.status) {
      case 'open':
        return `open: may be redeemed until ${bothText(expiresAt, zone)}`;
      case 'expired':
        return `expired: validity ended ${bothText(expiresAt, zone)}`;
      case 'redeemed':
        return now?.redemption ? `redeemed on order ${now.redemption.orderId} at ${bothText(now.redemption.at, zone)}` : 'redeemed';
      case 'declined':
        return 'declined by the buyer';
      case 'deleted':
        return 'deleted by the seller';
      default: {
        const never: never = result.status;
        return never;
      }
    }
  })();
  out.push(`Status:  ${status}`);
  out.push(`Terms:   ${termsText(now?.terms ?? coupon.terms)}`);
  out.push(`Expires: ${expires} (${zone}), valid through the end of that local day`);
  out.push(`         validity ends ${bothText(expiresAt, zone)}`);
  if (coupon.remedies?.length) out.push(`Outage incidents already answered: ${idsText(coupon.remedies)}`);
  out.push('', 'Timeline:');
  out.push(`  as issued: open, expires ${coupon.expires} (validity ends ${bothText(endOfLocalDate(coupon.expires, zone), zone)})`);
  out.push(`      terms: ${termsText(coupon.terms)}`);
  let previous: FoldState | undefined; // undefined: as issued
  let expiredShown = false;
  // An open coupon expires with no event: the timeline says so where it happened, before the next event.
  const expiry = (before: number, s: FoldState | undefined) => {
    const end = s ? s.expiresAt : endOfLocalDate(coupon.expires, zone);
    if (!expiredShown && (s?.status ?? 'open') === 'open' && end <= before) {
      expiredShown = true;
      out.push(`  ${bothText(end, zone)}  validity ended: expired`);
    }
  };
  events.forEach((e, i) => {
    const t = msOf(String(e.at));
    const s = after[i];
    expiry(Math.min(t, at), previous);
    out.push(`  ${bothText(t, zone)}  ${eventText(e, zone)}`);
    out.push(s ? `      verdict: allowed → ${stateText(s)}` : '      verdict: not applied: after the instant viewed');
    if (s) previous = s;
  });
  expiry(at, previous);
  out.push('', 'Allowed now:', ...allowedLines(result.allowed));
  return joinLines(out);
}

/** A coupon-issue-check request the library accepted. */
export type CouponIssueWireRequest = CouponIssueRequest & { readonly at: string };

/** The breakdown of a coupon-issue-check request: who gives whom a coupon, and whether they may, each violation in words. */
export function issueCheckBreakdown(request: CouponIssueWireRequest, result: CouponIssueCheck): string {
  const zone = request.timeZone;
  const at = msOf(request.at);
  const today = localDateAt(at, zone);
  const { recipient, stoplisted } = request;
  const out: string[] = [
    `Issuing a coupon: seller ${request.seller.id} to member ${recipient.id}`,
    `Times in the store's zone ${zone}, UTC in brackets`,
    `At ${bothText(at, zone)}: today is ${today} in the store`,
    '',
    `Recipient:  ${recipient.registered ? 'registered' : 'not registered'}, e-mail ${recipient.emailConfirmed ? 'confirmed' : 'not confirmed'}`,
    `Stoplists:  ${stoplisted.bySeller ? 'the seller has stoplisted the member' : 'not on the seller’s stoplist'}; ${stoplisted.byRecipient ? 'the member has stoplisted the seller' : 'the seller is not on the member’s stoplist'}`,
  ];
  const expires = request.expires ?? null;
  if (expires === null) out.push('Expiration: none given');
  else {
    out.push(`Expiration: ${expires} (may be from ${today} to ${addCalendarYears(today, 1)})`);
    out.push(`            the coupon would be ${validityText(expires, zone)}`);
  }
  out.push('');
  if (result.allowed) out.push('Verdict: allowed: the coupon may be given');
  else {
    out.push(`Verdict: not allowed: ${String(result.violations.length)} violation${result.violations.length === 1 ? '' : 's'}`);
    out.push(...columns(result.violations.map((v) => [v.code, v.message])));
  }
  return joinLines(out);
}

/** A coupon-choices request the library accepted. */
export type CouponChoicesWireRequest = CouponChoicesRequest & { readonly at: string };

/** Why a coupon of the request is not among the choices. */
function notOfferedText(request: CouponChoicesWireRequest, c: CouponRecord, orderTakesOne: boolean): string {
  if (c.seller !== request.store) return `from another store (${c.seller})`;
  if (c.recipient !== request.buyer) return `issued to another buyer (${c.recipient})`;
  const view = couponState(c, request.at);
  if (!view.ok) return 'not valid'; // cannot happen: the answer checked every record
  const zone = c.timeZone;
  switch (view.value.status) {
    case 'open':
      return orderTakesOne ? 'open' : 'open, but this order cannot take a coupon';
    case 'expired':
      return `expired: validity ended ${bothText(msOf(view.value.expiresAt), zone)}`;
    case 'redeemed':
      return `redeemed${view.value.redemption ? ` on order ${view.value.redemption.orderId}` : ''}`;
    case 'declined':
      return 'declined by the buyer';
    case 'deleted':
      return 'deleted by the seller';
    default: {
      const never: never = view.value.status;
      return never;
    }
  }
}

/** The breakdown of a coupon-choices request: the prompt, each choice best first, and why the other coupons are not offered. */
export function choicesBreakdown(request: CouponChoicesWireRequest, result: CouponChoices): string {
  const { order } = request;
  const at = msOf(request.at);
  const takesOne = order.newOrder && !order.hasCoupon;
  const out: string[] = [
    `Checkout at ${utcText(at)}: buyer ${request.buyer} in store ${request.store}`,
    `Order: ${order.currency}, ${String(order.lines.length)} line${order.lines.length === 1 ? '' : 's'}; ${order.newOrder ? 'a new order' : 'not a new order submission'}, ${order.hasCoupon ? 'already has a coupon' : 'no coupon yet'}`,
    '',
  ];
  switch (result.prompt) {
    case 'none':
      out.push(
        `Prompt: none: ${!order.newOrder ? 'a coupon applies only to a new order submission' : order.hasCoupon ? 'the order already has a coupon (one per order)' : 'the buyer has no open coupon from this store'}`,
      );
      break;
    case 'offer':
      out.push('Prompt: offer: one coupon to apply, or keep for another order');
      break;
    case 'choose':
      out.push(`Prompt: choose: ${String(result.choices.length)} coupons, the best first; or keep them for another order`);
      break;
    default: {
      const never: never = result.prompt;
      return never;
    }
  }
  const byId = new Map(request.coupons.map((c) => [c.id, c]));
  if (result.choices.length > 0) {
    out.push('', 'Choices (largest credit first, then earliest expiry):');
    result.choices.forEach((choice, i) => {
      const c = byId.get(choice.couponId);
      const zone = c?.timeZone ?? 'UTC';
      out.push(`  ${String(i + 1)}. ${choice.couponId}  credit ${choice.couponCredit} ${order.currency}`);
      out.push(`     valid until ${bothText(msOf(choice.expiresAt), zone)} (${zone})`);
      if (c) out.push(`     terms: ${termsText(couponTermsNow(c, request.at))}`);
    });
  }
  const offered = new Set(result.choices.map((c) => c.couponId));
  const others = request.coupons.filter((c) => !offered.has(c.id));
  if (others.length > 0) {
    out.push('', 'Not offered:');
    out.push(...columns(others.map((c) => [c.id, notOfferedText(request, c, takesOne)])));
  }
  return joinLines(out);
}

/** A coupon's terms at an instant, after its edits. */
function couponTermsNow(c: CouponRecord, at: string): CouponRecord['terms'] {
  const view = couponState(c, at);
  return view.ok ? view.value.terms : c.terms;
}

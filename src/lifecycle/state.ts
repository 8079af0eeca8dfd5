import type { CouponTerms } from '../coupon/terms.js';
import { readCoupon } from '../coupon/terms.js';
import { InputReader } from '../input.js';
import { MAX_MINOR_UNITS } from '../money/currency.js';
import { assertNever } from '../result.js';
import { fail, joinPath, ok, type Result } from '../result.js';
import { expirationViolations } from './issue.js';
import { endOfLocalDate, localDateAt } from '../time/dates.js';
import type { InstantInput } from '../time/instant.js';
import { readInstant, readLocalDate, readRequiredInstant, readTimeZone } from '../time/read.js';

/**
 * A coupon as issued: who issued it to whom, its terms, and its
 * expiration date (`YYYY-MM-DD`) in the store's IANA time zone.
 *
 * @example
 * ```ts
 * import type { Coupon } from 'coupon-rules';
 * const c: Coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '5.00' } };
 * ```
 */
export interface Coupon {
  readonly id: string;
  readonly seller: string;
  readonly recipient: string;
  readonly expires: string;
  readonly timeZone: string;
  readonly terms: CouponTerms;
}

/**
 * The seller changed the terms and/or the expiration date (terms are replaced whole).
 *
 * @example
 * ```ts
 * import type { CouponEditedEvent } from 'coupon-rules';
 * const e: CouponEditedEvent = { type: 'edited', at: '2026-12-01T10:00:00Z', expires: '2027-01-31' };
 * ```
 */
export interface CouponEditedEvent {
  readonly type: 'edited';
  readonly at: InstantInput;
  readonly terms?: CouponTerms;
  readonly expires?: string;
}

/**
 * The buyer applied the coupon to an order.
 *
 * @example
 * ```ts
 * import type { CouponRedeemedEvent } from 'coupon-rules';
 * const e: CouponRedeemedEvent = { type: 'redeemed', at: '2026-12-02T10:00:00Z', orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false };
 * ```
 */
export interface CouponRedeemedEvent {
  readonly type: 'redeemed';
  readonly at: InstantInput;
  readonly orderId: string;
  readonly buyer: string;
  readonly store: string;
  readonly newOrder: boolean;
  readonly orderHasCoupon: boolean;
}

/**
 * The buyer refused the coupon.
 *
 * @example
 * ```ts
 * import type { CouponDeclinedEvent } from 'coupon-rules';
 * const e: CouponDeclinedEvent = { type: 'declined', at: '2026-12-02T10:00:00Z' };
 * ```
 */
export interface CouponDeclinedEvent {
  readonly type: 'declined';
  readonly at: InstantInput;
}

/**
 * The seller removed the coupon (terminal).
 *
 * @example
 * ```ts
 * import type { CouponDeletedEvent } from 'coupon-rules';
 * const e: CouponDeletedEvent = { type: 'deleted', at: '2026-12-02T10:00:00Z' };
 * ```
 */
export interface CouponDeletedEvent {
  readonly type: 'deleted';
  readonly at: InstantInput;
}

/**
 * An outage remedy moved the expiration date later (never earlier). It may
 * go past the one-year issuing limit, and records the incidents it answers.
 *
 * @example
 * ```ts
 * import type { CouponExtendedEvent } from 'coupon-rules';
 * const e: CouponExtendedEvent = { type: 'extended', at: '2026-12-05T00:00:00Z', expires: '2026-12-20', incidents: ['inc-1'] };
 * ```
 */
export interface CouponExtendedEvent {
  readonly type: 'extended';
  readonly at: InstantInput;
  readonly expires: string;
  readonly incidents: readonly string[];
}

/**
 * An outage remedy honored a redemption that failed during an incident:
 * the coupon is redeemed on that order as of the attempt, even if it has
 * expired since.
 *
 * @example
 * ```ts
 * import type { CouponHonoredEvent } from 'coupon-rules';
 * const e: CouponHonoredEvent = { type: 'honored', at: '2026-12-05T00:00:00Z', orderId: 'o9', attemptAt: '2026-12-01T10:30:00Z', incidents: ['inc-1'] };
 * ```
 */
export interface CouponHonoredEvent {
  readonly type: 'honored';
  readonly at: InstantInput;
  readonly orderId: string;
  readonly attemptAt: InstantInput;
  readonly incidents: readonly string[];
}

/**
 * Something that happened to a coupon after it was issued.
 *
 * @example
 * ```ts
 * import type { CouponEvent } from 'coupon-rules';
 * const events: CouponEvent[] = [{ type: 'declined', at: '2026-12-02T10:00:00Z' }];
 * ```
 */
export type CouponEvent = CouponEditedEvent | CouponRedeemedEvent | CouponDeclinedEvent | CouponDeletedEvent | CouponExtendedEvent | CouponHonoredEvent;

/**
 * A coupon with its history.
 *
 * @example
 * ```ts
 * import type { CouponRecord } from 'coupon-rules';
 * const r: CouponRecord = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [] };
 * ```
 */
export interface CouponRecord extends Coupon {
  readonly events: readonly CouponEvent[];
  /** Ids of the incidents an outage remedy has already answered for this coupon. */
  readonly remedies?: readonly string[];
}

/**
 * A coupon's status at an instant. `expired` is derived from time: an open
 * coupon past the end of its expiration date.
 *
 * @example
 * ```ts
 * import type { CouponStatus } from 'coupon-rules';
 * const s: CouponStatus = 'open';
 * ```
 */
export type CouponStatus = 'open' | 'redeemed' | 'declined' | 'expired' | 'deleted';

/**
 * Why an action is not allowed now.
 *
 * @example
 * ```ts
 * import type { ActionBlock } from 'coupon-rules';
 * const why: ActionBlock = 'COUPON_REDEEMED';
 * ```
 */
export type ActionBlock = 'COUPON_EXPIRED' | 'COUPON_REDEEMED' | 'COUPON_DECLINED' | 'COUPON_DELETED';

/**
 * Whether one action is allowed, and if not, why.
 *
 * @example
 * ```ts
 * import type { ActionCheck } from 'coupon-rules';
 * const no: ActionCheck = { ok: false, code: 'COUPON_EXPIRED' };
 * ```
 */
export type ActionCheck = { readonly ok: true } | { readonly ok: false; readonly code: ActionBlock };

/**
 * What may be done to a coupon now. `redeem` speaks of the coupon itself
 * (open and not expired); an order's own guards are checked when it is redeemed.
 *
 * @example
 * ```ts
 * import type { AllowedActions } from 'coupon-rules';
 * const a: AllowedActions = { edit: { ok: true }, delete: { ok: true }, decline: { ok: true }, redeem: { ok: true } };
 * ```
 */
export interface AllowedActions {
  readonly edit: ActionCheck;
  readonly delete: ActionCheck;
  readonly decline: ActionCheck;
  readonly redeem: ActionCheck;
}

/**
 * A coupon's state at an instant: the fold of its events.
 *
 * @example
 * ```ts
 * import { couponState } from 'coupon-rules';
 * const r = couponState({ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '5.00' }, events: [] }, '2027-01-01T00:30:00+01:00');
 * if (r.ok) console.log(r.value.status, r.value.expiresAt); // 'expired' '2026-12-31T23:00:00.000Z'
 * ```
 */
export interface CouponView {
  readonly id: string;
  readonly status: CouponStatus;
  /** The current expiration date (after edits), local to the store. */
  readonly expires: string;
  /** The instant validity ends (the start of the day after `expires`), ISO 8601 UTC. */
  readonly expiresAt: string;
  readonly terms: CouponTerms;
  readonly redemption: { readonly orderId: string; readonly at: string } | null;
  readonly allowed: AllowedActions;
}

/** @internal A coupon record checked for shape, with instants as epoch milliseconds. */
export interface ParsedRecord {
  readonly id: string;
  readonly seller: string;
  readonly recipient: string;
  readonly expires: string;
  readonly timeZone: string;
  readonly terms: CouponTerms;
  readonly remedies: readonly string[];
  readonly events: readonly ParsedEvent[];
}

/** @internal */
export type ParsedEvent =
  | { readonly type: 'edited'; readonly at: number; readonly terms?: CouponTerms; readonly expires?: string }
  | {
      readonly type: 'redeemed';
      readonly at: number;
      readonly orderId: string;
      readonly buyer: string;
      readonly store: string;
      readonly newOrder: boolean;
      readonly orderHasCoupon: boolean;
    }
  | { readonly type: 'declined' | 'deleted'; readonly at: number }
  | { readonly type: 'extended'; readonly at: number; readonly expires: string; readonly incidents: readonly string[] }
  | { readonly type: 'honored'; readonly at: number; readonly orderId: string; readonly attemptAt: number; readonly incidents: readonly string[] };

// Terms carry no currency here: amounts are checked for shape with up to MAX_MINOR_UNITS decimals, and
// against the order's currency when the coupon is quoted.
const ANY_CURRENCY = { code: 'the coupon currency', minorUnits: MAX_MINOR_UNITS };
const COUPON_KEYS = ['id', 'seller', 'recipient', 'expires', 'timeZone', 'terms', 'remedies'] as const;

function readTerms(r: InputReader, value: unknown, path: string): CouponTerms | undefined {
  const before = r.count;
  readCoupon(r, value, path, ANY_CURRENCY);
  return r.count === before ? (value as CouponTerms) : undefined;
}

/** @internal Reads the coupon fields of an object (plus `extraKeys`). */
export function readCouponFields(
  r: InputReader,
  value: unknown,
  path: string,
  extraKeys: readonly string[],
): (Omit<ParsedRecord, 'events'> & { raw: Record<string, unknown> }) | undefined {
  const o = r.object(value, path, [...COUPON_KEYS, ...extraKeys]);
  if (!o) return undefined;
  const before = r.count;
  const text = (key: string) => r.nonEmptyString(r.required(o, key, path), joinPath(path, key));
  const id = text('id');
  const seller = text('seller');
  const recipient = text('recipient');
  const rawExpires = r.required(o, 'expires', path);
  const expires = rawExpires === undefined ? undefined : readLocalDate(r, rawExpires, joinPath(path, 'expires'));
  const rawZone = r.required(o, 'timeZone', path);
  const timeZone = rawZone === undefined ? undefined : readTimeZone(r, rawZone, joinPath(path, 'timeZone'));
  const rawTerms = r.required(o, 'terms', path);
  const terms = rawTerms === undefined ? undefined : readTerms(r, rawTerms, joinPath(path, 'terms'));
  const rawRemedies = r.field(o, 'remedies');
  const remedies = rawRemedies === undefined ? [] : readIds(r, rawRemedies, joinPath(path, 'remedies'));
  if (
    r.count > before ||
    id === undefined ||
    seller === undefined ||
    recipient === undefined ||
    expires === undefined ||
    timeZone === undefined ||
    terms === undefined ||
    !remedies
  ) {
    return undefined;
  }
  return { id, seller, recipient, expires, timeZone, terms, remedies, raw: o };
}

const EVENT_KEYS: Readonly<Record<string, readonly string[]>> = {
  edited: ['type', 'at', 'terms', 'expires'],
  redeemed: ['type', 'at', 'orderId', 'buyer', 'store', 'newOrder', 'orderHasCoupon'],
  declined: ['type', 'at'],
  deleted: ['type', 'at'],
  extended: ['type', 'at', 'expires', 'incidents'],
  honored: ['type', 'at', 'orderId', 'attemptAt', 'incidents'],
};

/** @internal Reads a list of non-empty ids (`atLeastOne`: and not an empty list). */
export function readIds(r: InputReader, value: unknown, path: string, atLeastOne = false): string[] | undefined {
  if (value === undefined) return undefined;
  const list = r.array(value, path);
  if (!list) return undefined;
  if (atLeastOne && list.length === 0) {
    r.error('EMPTY_INCIDENTS', path, 'a remedy names at least one incident it answers');
    return undefined;
  }
  const before = r.count;
  // Stryker disable next-line StringLiteral: the fallback id stands in only after nonEmptyString reported an error, and then readIds returns undefined
  const ids = list.map((v, i) => r.nonEmptyString(v, joinPath(path, i)) ?? '');
  return r.count > before ? undefined : ids;
}

/**
 * @internal Reads a list of coupon records (coupon fields plus `events`) at `path`, each with its path,
 * reporting duplicate ids. Records with problems are left out; their problems are in the reader.
 */
export function readCouponRecords(r: InputReader, value: unknown, path: string): { ids: Set<string>; records: (ParsedRecord & { readonly path: string })[] } {
  const list = value === undefined ? [] : (r.array(value, path) ?? []);
  const ids = new Set<string>();
  const records: (ParsedRecord & { readonly path: string })[] = [];
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const fields = readCouponFields(r, raw, p, ['events']);
    if (fields && ids.has(fields.id)) r.error('DUPLICATE_COUPON_ID', joinPath(p, 'id'), `coupon id "${fields.id.slice(0, 40)}" is used twice`);
    if (fields) ids.add(fields.id);
    const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const rawEvents = record ? r.required(record, 'events', p) : undefined;
    const events = rawEvents === undefined ? undefined : readEvents(r, rawEvents, joinPath(p, 'events'));
    if (fields && events) records.push({ ...fields, events, path: p });
  });
  return { ids, records };
}

/** @internal Reads a list of events (shape only; whether each was allowed is the fold's business). */
export function readEvents(r: InputReader, value: unknown, path: string): ParsedEvent[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const before = r.count;
  const events: ParsedEvent[] = [];
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    // Stryker disable next-line ArrayDeclaration: the key is always an own key of EVENT_KEYS ('declined' otherwise), so the fallback list is never used
    const keys = EVENT_KEYS[typeof type === 'string' && Object.hasOwn(EVENT_KEYS, type) ? type : 'declined'] ?? [];
    const o = r.object(raw, p, keys);
    if (!o) return;
    const at = readRequiredInstant(r, o, 'at', p);
    switch (type) {
      case 'edited': {
        const rawTerms = r.field(o, 'terms');
        const rawExpires = r.field(o, 'expires');
        const terms = rawTerms === undefined ? undefined : readTerms(r, rawTerms, joinPath(p, 'terms'));
        const expires = rawExpires === undefined ? undefined : readLocalDate(r, rawExpires, joinPath(p, 'expires'));
        if (rawTerms === undefined && rawExpires === undefined) r.error('EMPTY_EDIT', p, 'an edit changes the terms, the expiration date or both');
        if (at !== undefined) events.push({ type, at, ...(terms ? { terms } : {}), ...(expires ? { expires } : {}) });
        return;
      }
      case 'redeemed': {
        // Stryker disable next-line StringLiteral: the fallback stands in only after an error was reported, and then readEvents returns undefined
        const text = (key: string) => r.nonEmptyString(r.required(o, key, p), joinPath(p, key)) ?? '';
        // Stryker disable next-line BooleanLiteral: the fallback stands in only after an error was reported, and then readEvents returns undefined
        const flag = (key: string) => r.boolean(r.required(o, key, p), joinPath(p, key)) ?? false;
        const e = {
          type,
          at: at ?? 0,
          orderId: text('orderId'),
          buyer: text('buyer'),
          store: text('store'),
          newOrder: flag('newOrder'),
          orderHasCoupon: flag('orderHasCoupon'),
        } as const;
        events.push(e);
        return;
      }
      case 'declined':
      case 'deleted':
        if (at !== undefined) events.push({ type, at });
        return;
      case 'extended': {
        const rawExpires = r.required(o, 'expires', p);
        const expires = rawExpires === undefined ? undefined : readLocalDate(r, rawExpires, joinPath(p, 'expires'));
        const incidents = readIds(r, r.required(o, 'incidents', p), joinPath(p, 'incidents'), true);
        if (at !== undefined && expires !== undefined && incidents) events.push({ type, at, expires, incidents });
        return;
      }
      case 'honored': {
        const orderId = r.nonEmptyString(r.required(o, 'orderId', p), joinPath(p, 'orderId'));
        const rawAttempt = r.required(o, 'attemptAt', p);
        const attemptAt = rawAttempt === undefined ? undefined : readInstant(r, rawAttempt, joinPath(p, 'attemptAt'));
        const incidents = readIds(r, r.required(o, 'incidents', p), joinPath(p, 'incidents'), true);
        if (attemptAt !== undefined && at !== undefined && attemptAt > at)
          r.error('INVALID_INSTANT', joinPath(p, 'attemptAt'), 'a redemption is honored after the attempt, not before');
        if (at !== undefined && orderId !== undefined && attemptAt !== undefined && incidents) events.push({ type, at, orderId, attemptAt, incidents });
        return;
      }
      default:
        r.error('INVALID_EVENT_TYPE', joinPath(p, 'type'), `"type" is one of ${Object.keys(EVENT_KEYS).join(', ')}`);
    }
  });
  return r.count > before ? undefined : events;
}

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

function deleteBlock(s: FoldState): ActionBlock | null {
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
    const refuse = (code: string, why: string) => {
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

/** @internal The status and allowed actions of a folded state at an instant. */
export function viewOf(id: string, s: FoldState, at: number): CouponView {
  const check = (block: ActionBlock | null): ActionCheck => (block ? { ok: false, code: block } : { ok: true });
  const open = openBlock(s, at);
  return {
    id,
    status: s.status === 'open' && open === 'COUPON_EXPIRED' ? 'expired' : s.status,
    expires: s.expires,
    expiresAt: new Date(s.expiresAt).toISOString(),
    terms: s.terms,
    redemption: s.redemption ? { orderId: s.redemption.orderId, at: new Date(s.redemption.at).toISOString() } : null,
    allowed: { edit: check(open), delete: check(deleteBlock(s)), decline: check(open), redeem: check(open) },
  };
}

/** @internal Reads a record (coupon fields and `events`) and folds it at `at`. */
export function readCouponState(
  r: InputReader,
  coupon: unknown,
  events: unknown,
  at: unknown,
  paths: { readonly coupon: string; readonly events: string; readonly at: string },
): Result<CouponView> {
  const need = (value: unknown, path: string) => value !== undefined || (r.error('REQUIRED', path, `"${path}" is required`), false);
  const fields = need(coupon, paths.coupon || 'coupon') ? readCouponFields(r, coupon, paths.coupon, []) : undefined;
  const parsedEvents = need(events, paths.events) ? readEvents(r, events, paths.events) : undefined;
  const atMs = need(at, paths.at) ? readInstant(r, at, paths.at) : undefined;
  if (!fields || !parsedEvents || atMs === undefined || r.count > 0) return fail(r.errors);
  const s = foldEvents(r, { ...fields, events: parsedEvents }, atMs, paths.events);
  return r.count > 0 ? fail(r.errors) : ok(viewOf(fields.id, s, atMs));
}

/**
 * A coupon's state at an instant: the pure fold of its events (in time
 * order) that happened at or before `at`, each checked against the rules
 * as they stood when it happened. Expiry is derived from `at`, never
 * stored. An event that was not allowed is an error at `events.N`.
 *
 * @example
 * ```ts
 * import { couponState } from 'coupon-rules';
 * const coupon = { id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'Europe/Berlin', terms: { type: 'fixed' as const, amount: '5.00' } };
 * const r = couponState({ ...coupon, events: [{ type: 'redeemed', at: '2026-12-02T10:00:00Z', orderId: 'o1', buyer: 'b1', store: 's1', newOrder: true, orderHasCoupon: false }] }, '2026-12-05T00:00:00Z');
 * if (r.ok) console.log(r.value.status, r.value.allowed.delete); // 'redeemed' { ok: false, code: 'COUPON_REDEEMED' }
 * ```
 */
export function couponState(record: CouponRecord, at: InstantInput): Result<CouponView> {
  const paths = { coupon: '', events: 'events', at: 'at' };
  if (typeof record !== 'object' || (record as unknown) === null) return readCouponState(new InputReader(), record, [], at, paths);
  const { events, ...coupon } = record;
  return readCouponState(new InputReader(), coupon, events, at, paths);
}

/**
 * What may be done to a coupon at an instant — edit, delete, decline,
 * redeem — and, for each that may not, why.
 *
 * @example
 * ```ts
 * import { allowedActions } from 'coupon-rules';
 * const r = allowedActions({ id: 'c1', seller: 's1', recipient: 'b1', expires: '2026-12-31', timeZone: 'UTC', terms: { type: 'fixed', amount: '5.00' }, events: [{ type: 'declined', at: '2026-12-01T00:00:00Z' }] }, '2026-12-02T00:00:00Z');
 * if (r.ok) console.log(r.value); // { edit: { ok: false, code: 'COUPON_DECLINED' }, delete: { ok: true }, decline: { ok: false, … }, redeem: { ok: false, … } }
 * ```
 */
export function allowedActions(record: CouponRecord, at: InstantInput): Result<AllowedActions> {
  const r = couponState(record, at);
  return r.ok ? ok(r.value.allowed) : r;
}

import { COUPON_EVENT_TYPES, FIELD_NAMES } from '../contract/index.js';
// Reading coupon records and events: shape only, instants as epoch milliseconds. Whether an event was allowed is the fold's business.
import type { CouponTerms } from '../coupon/terms.js';
import { readCoupon } from '../coupon/terms.js';
import type { InputReader } from '../input.js';
import { MAX_MINOR_UNITS } from '../money/currency.js';
import { joinPath } from '../result.js';
import { readInstant, readLocalDate, readRequiredInstant, readTimeZone } from '../time/read.js';
import type { ParsedEvent, ParsedRecord } from './types.js';

// Terms carry no currency here: amounts are checked for shape with up to MAX_MINOR_UNITS decimals, and
// against the order's currency when the coupon is quoted.
const ANY_CURRENCY = { code: 'the coupon currency', minorUnits: MAX_MINOR_UNITS };
const COUPON_KEYS = FIELD_NAMES.coupon;

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

const EVENT_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(COUPON_EVENT_TYPES.map((type) => [type, FIELD_NAMES[type]]));

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

import { FIELD_NAMES, fieldNamesWithout, type ISSUE_VIOLATION_CODES } from '../contract/index.js';
import { InputReader } from '../input.js';
import { fail, joinPath, ok, type Result } from '../result.js';
import { addCalendarYears, localDateAt } from '../time/dates.js';
import type { InstantInput } from '../time/instant.js';
import { readLocalDate, readRequiredInstant, readTimeZone } from '../time/read.js';

// The request's fields as the TypeScript API takes them (the wire adds its op), computed once.
const REQUEST_KEYS = fieldNamesWithout('couponIssueCheckRequest', 'op');

/**
 * Why a seller may not issue a coupon (every one that applies is reported).
 *
 * @example
 * ```ts
 * import type { IssueViolationCode } from 'coupon-rules';
 * const code: IssueViolationCode = 'STOPLISTED_BY_RECIPIENT';
 * ```
 */
export type IssueViolationCode = (typeof ISSUE_VIOLATION_CODES)[number];

/**
 * One reason a coupon may not be issued.
 *
 * @example
 * ```ts
 * import type { IssueViolation } from 'coupon-rules';
 * const v: IssueViolation = { code: 'SELF', message: 'a seller cannot issue a coupon to themself' };
 * ```
 */
export interface IssueViolation {
  readonly code: IssueViolationCode;
  readonly message: string;
}

/**
 * What {@link checkCouponIssue} looks at: who issues to whom, the stoplists,
 * the expiration date (`YYYY-MM-DD` in the store's time zone) and the
 * instant of issue.
 *
 * @example
 * ```ts
 * import type { CouponIssueRequest } from 'coupon-rules';
 * const req: CouponIssueRequest = {
 *   at: '2026-11-22T15:00:00Z', timeZone: 'America/New_York',
 *   seller: { id: 's1' }, recipient: { id: 'b1', registered: true, emailConfirmed: true },
 *   stoplisted: { bySeller: false, byRecipient: false }, expires: '2027-11-22',
 * };
 * ```
 */
export interface CouponIssueRequest {
  readonly at: InstantInput;
  readonly timeZone: string;
  readonly seller: { readonly id: string };
  readonly recipient: { readonly id: string; readonly registered: boolean; readonly emailConfirmed: boolean };
  readonly stoplisted: { readonly bySeller: boolean; readonly byRecipient: boolean };
  readonly expires?: string | null;
}

/**
 * The outcome of an issue check: allowed when there is no violation.
 *
 * @example
 * ```ts
 * import type { CouponIssueCheck } from 'coupon-rules';
 * const check: CouponIssueCheck = { allowed: true, violations: [] };
 * ```
 */
export interface CouponIssueCheck {
  readonly allowed: boolean;
  readonly violations: readonly IssueViolation[];
}

/** @internal The expiration rules shared by issuing and editing. */
export function expirationViolations(expires: string, today: string): (IssueViolation & { readonly code: 'EXPIRATION_IN_PAST' | 'EXPIRATION_TOO_FAR' })[] {
  const latest = addCalendarYears(today, 1);
  if (expires < today) return [{ code: 'EXPIRATION_IN_PAST', message: `the expiration date ${expires} is before today, ${today}` }];
  if (expires > latest) return [{ code: 'EXPIRATION_TOO_FAR', message: `the expiration date ${expires} is after ${latest}, one year from today (${today})` }];
  return [];
}

/**
 * Checks whether a seller may issue a coupon to a member: not to
 * themself, not to an unregistered member or one whose e-mail address is
 * unconfirmed, not across a stoplist either way, and with an expiration
 * date from today to one year from today in the store's time zone
 * (29 February + 1 year = 28 February). Every violation that applies is
 * listed. Malformed input (a bad date, instant or time zone) is an
 * `ok: false` result instead.
 *
 * @example
 * ```ts
 * import { checkCouponIssue, unwrap } from 'coupon-rules';
 * const check = unwrap(checkCouponIssue({
 *   at: '2026-11-22T15:00:00Z', timeZone: 'America/New_York',
 *   seller: { id: 's1' }, recipient: { id: 's1', registered: true, emailConfirmed: false },
 *   stoplisted: { bySeller: false, byRecipient: false }, expires: '2027-11-23',
 * }));
 * console.log(check.violations.map((v) => v.code)); // → [ 'SELF', 'RECIPIENT_EMAIL_UNCONFIRMED', 'EXPIRATION_TOO_FAR' ]
 * ```
 */
export function checkCouponIssue(request: CouponIssueRequest): Result<CouponIssueCheck> {
  return readIssueCheck(request, []);
}

/** @internal */
export function readIssueCheck(input: unknown, extraKeys: readonly string[]): Result<CouponIssueCheck> {
  const r = new InputReader();
  const o = r.object(input, '', extraKeys.length === 0 ? REQUEST_KEYS : [...REQUEST_KEYS, ...extraKeys]);
  if (!o) return fail(r.errors);
  const at = readRequiredInstant(r, o, 'at', '');
  const rawZone = r.required(o, 'timeZone', '');
  const timeZone = rawZone === undefined ? undefined : readTimeZone(r, rawZone, 'timeZone');
  const party = (key: string, fields: readonly string[]) => {
    const raw = r.required(o, key, '');
    return raw === undefined ? undefined : r.object(raw, key, fields);
  };
  const seller = party('seller', FIELD_NAMES.issueSeller);
  const recipient = party('recipient', FIELD_NAMES.issueRecipient);
  const sellerId = seller && r.nonEmptyString(r.required(seller, 'id', 'seller'), 'seller.id');
  const recipientId = recipient && r.nonEmptyString(r.required(recipient, 'id', 'recipient'), 'recipient.id');
  const flag = (obj: Record<string, unknown> | undefined, key: string, base: string) =>
    obj ? r.boolean(r.required(obj, key, base), joinPath(base, key)) : undefined;
  const registered = flag(recipient, 'registered', 'recipient');
  const emailConfirmed = flag(recipient, 'emailConfirmed', 'recipient');
  const rawStop = r.required(o, 'stoplisted', '');
  const stop = rawStop === undefined ? undefined : r.object(rawStop, 'stoplisted', FIELD_NAMES.stoplisted);
  const bySeller = flag(stop, 'bySeller', 'stoplisted');
  const byRecipient = flag(stop, 'byRecipient', 'stoplisted');
  const rawExpires = r.field(o, 'expires');
  const expires = rawExpires === undefined || rawExpires === null ? null : readLocalDate(r, rawExpires, 'expires');
  if (r.count > 0 || at === undefined || timeZone === undefined || expires === undefined) return fail(r.errors);

  const violations: IssueViolation[] = [];
  if (sellerId === recipientId) violations.push({ code: 'SELF', message: 'a seller cannot issue a coupon to themself' });
  if (registered === false) violations.push({ code: 'RECIPIENT_UNREGISTERED', message: 'the recipient is not a registered member' });
  if (emailConfirmed === false) violations.push({ code: 'RECIPIENT_EMAIL_UNCONFIRMED', message: 'the recipient has not confirmed their e-mail address' });
  if (bySeller === true) violations.push({ code: 'STOPLISTED_BY_SELLER', message: 'the seller has stoplisted the recipient' });
  if (byRecipient === true) violations.push({ code: 'STOPLISTED_BY_RECIPIENT', message: 'the recipient has stoplisted the seller' });
  if (expires === null) violations.push({ code: 'EXPIRATION_REQUIRED', message: 'a coupon needs an expiration date' });
  else violations.push(...expirationViolations(expires, localDateAt(at, timeZone)));
  return ok({ allowed: violations.length === 0, violations });
}

// Every error code the library reports, once, grouped by where it arises. `RuleError.code` is typed by
// this list, so a new code is added here (and to the docs table of its domain) or it does not compile.

/** Codes of the framing and of any request's shape. */
export const INPUT_ERROR_CODES = [
  'INVALID_JSON',
  'INVALID_UTF8',
  'LINE_TOO_LONG',
  'UNKNOWN_OP',
  'INTERNAL_ERROR',
  'TOO_MANY_ERRORS',
  'REQUIRED',
  'UNKNOWN_FIELD',
  'INVALID_TYPE',
  'INVALID_ENUM',
  'EMPTY_STRING',
  'WHITESPACE',
] as const;

/** Codes of amounts, currencies and their arithmetic. */
export const MONEY_ERROR_CODES = [
  'NOT_AN_AMOUNT',
  'FLOAT_AMOUNT',
  'NON_FINITE_AMOUNT',
  'EXPONENT_NOTATION',
  'INVALID_AMOUNT',
  'TOO_MANY_DECIMALS',
  'SIGN_NOT_ALLOWED',
  'AMOUNT_OUT_OF_RANGE',
  'INVALID_CURRENCY',
  'UNKNOWN_CURRENCY',
  'CURRENCY_MISMATCH',
  'CURRENCY_REQUIRED',
  'INVALID_QUANTITY',
  'INVALID_RATIO',
  'INVALID_WEIGHTS',
  'INVALID_ROUNDING',
] as const;

/** Codes of instants, local dates and time zones. */
export const TIME_ERROR_CODES = [
  'INVALID_INSTANT',
  'SUB_MILLISECOND_INSTANT',
  'INVALID_DATE',
  'DATE_OUT_OF_RANGE',
  'INVALID_TIME_ZONE',
  'INVALID_DAYS',
  'INVALID_YEARS',
] as const;

/** Codes of coupon terms and of quotes. */
export const QUOTE_ERROR_CODES = [
  'INVALID_COUPON_TYPE',
  'INVALID_PERCENT',
  'EMPTY_ITEM_TYPES',
  'TIERS_NOT_INCREASING',
  'TIER_BELOW_BASE_PERCENT',
  'TIER_MIN_TOTAL_NOT_POSITIVE',
  'TIER_PERCENT_DECREASING',
  'EMPTY_LINES',
  'DUPLICATE_LINE_ID',
  'INVALID_BATCH',
  'INVALID_CHARGE_NAME',
  'CREDIT_EXCEEDS_TOTAL',
] as const;

/** Codes of a coupon's life, of checkout choices and of issuing. */
export const LIFECYCLE_ERROR_CODES = [
  'COUPON_EXPIRED',
  'COUPON_REDEEMED',
  'COUPON_DECLINED',
  'COUPON_DELETED',
  'EVENTS_OUT_OF_ORDER',
  'INVALID_EVENT_TYPE',
  'EMPTY_EDIT',
  'EXPIRATION_SHORTENED',
  // An edit's new expiry breaks the same rules as an issue's (see ISSUE_VIOLATION_CODES).
  'EXPIRATION_IN_PAST',
  'EXPIRATION_TOO_FAR',
  'NOT_RECIPIENT',
  'NOT_NEW_ORDER',
  'ORDER_HAS_COUPON',
  'WRONG_STORE',
  'DUPLICATE_COUPON_ID',
  'UNKNOWN_COUPON',
  'UNKNOWN_REMEDY',
] as const;

/** Codes of disputes: events and commands that break a rule, and commands that are not allowed now. */
export const DISPUTE_ERROR_CODES = [
  'ALREADY_OPENED',
  'NOT_OPENED',
  'WINDOW_CLOSED',
  'EVIDENCE_REQUIRED',
  'NOT_SHIPPED',
  'RECEIPT_CONFIRMED',
  'RECEIPT_NOT_CONFIRMED',
  'NO_DELIVERY_DATE',
  'DELIVERED_ON_TIME',
  'DELIVERY_NOT_DUE',
  'AMOUNT_NOT_POSITIVE',
  'AMOUNT_EXCEEDS_REFUNDABLE',
  'OFFER_NOT_BELOW_CLAIM',
  'REFUNDED_EXCEEDS_PAID',
  'DUPLICATE_LINE',
  'UNKNOWN_LINE',
  'LINE_QUANTITY_EXCEEDED',
  'DISPUTE_CLOSED',
  'DEADLINE_PASSED',
  'UNDER_REVIEW',
  'NOT_UNDER_REVIEW',
  'NO_OFFER',
  'SELLER_ALREADY_RESPONDED',
  'WRONG_TURN',
  'WRONG_ACTOR',
  'PROCESS_LIMIT_REACHED',
  'INVALID_POLICY',
  'INVALID_COMMAND',
  'STALE_VERSION',
] as const;

/** Codes of outage plans. */
export const OUTAGE_ERROR_CODES = [
  'EMPTY_INCIDENTS',
  'INVALID_INCIDENT',
  'DUPLICATE_INCIDENT_ID',
  'INCIDENT_AFTER_NOW',
  'ATTEMPT_AFTER_NOW',
  'EVENTS_AFTER_PLAN',
] as const;

/**
 * Every error code the library reports, grouped by where it arises (input, money, time, quote, lifecycle,
 * dispute, outage): `RuleError.code` is always one of them.
 *
 * @example
 * ```ts
 * import { RULE_ERROR_CODES } from 'coupon-rules';
 * console.log(RULE_ERROR_CODES.includes('CREDIT_EXCEEDS_TOTAL'), RULE_ERROR_CODES.length); // → true 99
 * ```
 */
export const RULE_ERROR_CODES = [
  ...INPUT_ERROR_CODES,
  ...MONEY_ERROR_CODES,
  ...TIME_ERROR_CODES,
  ...QUOTE_ERROR_CODES,
  ...LIFECYCLE_ERROR_CODES,
  ...DISPUTE_ERROR_CODES,
  ...OUTAGE_ERROR_CODES,
] as const;

/**
 * The code of a structured error: stable, meant for machines (the `message` is for people).
 *
 * @example
 * ```ts
 * import type { RuleErrorCode } from 'coupon-rules';
 * const code: RuleErrorCode = 'CREDIT_EXCEEDS_TOTAL';
 * ```
 */
export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];

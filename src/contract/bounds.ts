// Every documented bound of the contract, once. The readers, the zod schemas, the generators and the docs
// take them from here.

/** Largest number of integer digits an amount given as input may have: amounts are below 10^15 major units. */
export const MAX_INPUT_INTEGER_DIGITS = 15;
/** Largest number of decimals a unit price may have. */
export const MAX_UNIT_PRICE_DECIMALS = 30;
/** Largest quantity a line may have. */
export const MAX_QUANTITY = 1_000_000_000;
/** Every computed amount stays below 10^30 major units, else `AMOUNT_OUT_OF_RANGE`. */
export const MAX_RESULT_INTEGER_DIGITS = 30;
/** Most minor units a currency may have. */
export const MAX_MINOR_UNITS = 12;
/** Largest batch number of an order line. */
export const MAX_BATCH = 1_000_000;
/** Most decimals of a coupon percentage. */
export const MAX_PERCENT_DECIMALS = 10;
/** Most integer digits of a coupon percentage as written (the value itself is at most 100). */
export const MAX_PERCENT_INTEGER_DIGITS = 3;
/** Longest charge name. */
export const MAX_CHARGE_NAME_LENGTH = 64;
/** Largest number of days any dispute or outage policy field may give. */
export const MAX_POLICY_DAYS = 3650;
/** Longest validity of a compensation coupon, in days. */
export const MAX_COMPENSATION_VALID_DAYS = 366;
/** Largest minimum outage length for compensation: a year of minutes. */
export const MAX_OUTAGE_MINUTES = 525_600;
/** Weekdays are numbered 1 (Monday) to 7 (Sunday), as in ISO 8601. */
export const MIN_WEEKDAY = 1;
/** See {@link MIN_WEEKDAY}. */
export const MAX_WEEKDAY = 7;
/** First year of the calendar the library accepts. */
export const MIN_YEAR = 1000;
/** Last year of the calendar the library accepts. */
export const MAX_YEAR = 9000;
/** Most fractional digits of an instant as written; digits after the third must be zeros. */
export const MAX_INSTANT_FRACTION_DIGITS = 9;
/**
 * How many problems an error list holds at most. When an input has more,
 * the list holds the first `MAX_ERRORS` and then one `TOO_MANY_ERRORS`
 * entry whose `total` counts them all, so that a hostile input cannot
 * make an answer bigger than a few kilobytes of errors.
 *
 * @example
 * ```ts
 * import { MAX_ERRORS, quoteCoupon } from 'coupon-rules';
 * const r = quoteCoupon({ currency: 'USD', lines: Array.from({ length: 500 }, () => ({})) as never });
 * if (!r.ok) console.log(MAX_ERRORS, r.errors.length); // → 100 101
 * if (!r.ok) console.log(r.errors[MAX_ERRORS]); // → { code: 'TOO_MANY_ERRORS', path: '', message: '2000 problems found; the first 100 are listed', total: 2000 }
 * ```
 */
export const MAX_ERRORS = 100;
/** Longest oracle line, in bytes. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

import { MAX_CHARGE_NAME_LENGTH, MAX_INPUT_INTEGER_DIGITS, MAX_PERCENT_DECIMALS, MAX_PERCENT_INTEGER_DIGITS, MAX_UNIT_PRICE_DECIMALS } from './bounds.js';

// The regular expressions of the contract, as sources (strings), derived from the bounds. The readers do not
// match amounts with them (they parse digit by digit to report a precise code); the zod schemas and the docs do.

/** A non-negative decimal string below 10^15 with up to 30 decimals (an amount, a unit price). */
export const AMOUNT_PATTERN = `^(0|[1-9]\\d{0,${MAX_INPUT_INTEGER_DIGITS - 1}})(\\.\\d{1,${MAX_UNIT_PRICE_DECIMALS}})?$`;
/** A percentage as written: up to three integer digits and ten decimals (its value is checked apart). */
export const PERCENT_PATTERN = `^(0|[1-9]\\d{0,${MAX_PERCENT_INTEGER_DIGITS - 1}})(\\.\\d{1,${MAX_PERCENT_DECIMALS}})?$`;
/** Money in an answer: exactly the currency's minor units. */
export const ANSWER_MONEY_PATTERN = '^-?\\d+(\\.\\d+)?$';
/** An ISO 8601 instant with an explicit offset, exact to the millisecond (digits after the third are zeros). */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3}0{0,6})?)?(Z|[+-]\\d{2}:\\d{2})$';
/** A calendar date. */
export const LOCAL_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** An ISO 4217 code as written (whether it is an active currency is checked apart). */
export const CURRENCY_CODE_PATTERN = '^[A-Z]{3}$';
/** A charge name: a letter, then letters, digits, `_` or `-`. */
export const CHARGE_NAME_PATTERN = `^[A-Za-z][A-Za-z0-9_-]{0,${MAX_CHARGE_NAME_LENGTH - 1}}$`;
/** An outage window id: `w-` and 32 hex digits of a digest of its incident ids. */
export const WINDOW_ID_PATTERN = 'w-[0-9a-f]{32}';

import { ruleError, type RuleError } from '../result.js';
import { MAX_INPUT_INTEGER_DIGITS } from './bounds.js';

/** @internal What a validated decimal amount looks like, before it becomes a value. */
export interface ParsedDecimal {
  readonly negative: boolean;
  /** Integer digits without leading zeros ("" for zero). */
  readonly integer: string;
  /** Fraction digits as written (may end in zeros). */
  readonly fraction: string;
}

/** @internal */
export interface AmountRules {
  /** Most decimals allowed; `Infinity` for none. */
  readonly maxDecimals: number;
  readonly allowNegative: boolean;
  /** Name of the currency, for messages. */
  readonly currencyCode: string;
  /** Accept only strings (the wire and request objects): a whole number is `NOT_AN_AMOUNT` (a fraction stays `FLOAT_AMOUNT`, NaN and infinities `NON_FINITE_AMOUNT`). Default false. */
  readonly stringsOnly?: boolean;
  /** Most integer digits (default `MAX_INPUT_INTEGER_DIGITS`). */
  readonly maxIntegerDigits?: number;
}

const WHITESPACE = /\s/u;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/iu;
// Unambiguous alternatives: no backtracking blow-up on long runs of digits.
const EXPONENT = /^(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/iu;
const STRICT = /^(0|[1-9]\d*)(?:\.(\d+))?$/u;
const NONE: RuleError[] = [];

/**
 * @internal Checks a money-like input against the strict grammar
 * `-?digits(.digits)?` and reports every problem with it.
 */
export function parseDecimalInput(input: unknown, rules: AmountRules, path: string): { value?: ParsedDecimal; errors: RuleError[] } {
  // Fast path: the common, valid case needs one regex; only a failure pays for the diagnosis below.
  // Stryker disable next-line StringLiteral,BlockStatement: the fast path is an optimisation; the diagnosis below accepts the same strings with the same value
  if (typeof input === 'string') {
    const m = STRICT.exec(input);
    // Stryker disable next-line OptionalChaining,BlockStatement: group 1 always matches when m does; without the fast path the diagnosis below gives the same value
    if (m && (m[1]?.length ?? 0) <= (rules.maxIntegerDigits ?? MAX_INPUT_INTEGER_DIGITS)) {
      const integer = m[1] === '0' ? '' : (m[1] ?? '');
      const fraction = m[2] ?? '';
      if (fraction.length <= rules.maxDecimals) return { value: { negative: false, integer, fraction }, errors: NONE };
    }
  }
  const errors: RuleError[] = [];
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { errors: [ruleError('NON_FINITE_AMOUNT', path, `${String(input)} is not an amount`)] };
    if (rules.stringsOnly === true && Number.isInteger(input)) {
      return { errors: [ruleError('NOT_AN_AMOUNT', path, `amounts are decimal strings: write "${String(input)}", not the number ${String(input)}`)] };
    }
    if (!Number.isInteger(input)) {
      return {
        errors: [
          ruleError('FLOAT_AMOUNT', path, `the binary float ${String(input)} is not an exact amount: pass a decimal string such as "${input.toFixed(2)}"`),
        ],
      };
    }
    if (!Number.isSafeInteger(input))
      return {
        errors: [ruleError('AMOUNT_OUT_OF_RANGE', path, `${String(input)} is beyond the exact integer range of a JavaScript number: pass a decimal string`)],
      };
    // Stryker disable next-line UnaryOperator: String(-0) and String(+0) are both "0"
    text = String(Object.is(input, -0) ? 0 : input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return { errors: [ruleError('NOT_AN_AMOUNT', path, `expected a decimal string such as "12.34", got ${describe(input)}`)] };
  }

  if (WHITESPACE.test(text)) {
    errors.push(ruleError('WHITESPACE', path, 'an amount may not contain whitespace'));
    text = text.replace(/\s+/gu, '');
  }
  if (NON_FINITE.test(text)) return { errors: [...errors, ruleError('NON_FINITE_AMOUNT', path, `"${text}" is not an amount`)] };

  let negative = false;
  const sign = text[0];
  if (sign === '+' || sign === '-') {
    negative = sign === '-';
    if (sign === '+' || !rules.allowNegative)
      errors.push(ruleError('SIGN_NOT_ALLOWED', path, sign === '+' ? 'write amounts without a "+" sign' : 'this amount must not be negative'));
    text = text.slice(1);
  }
  if (EXPONENT.test(text)) return { errors: [...errors, ruleError('EXPONENT_NOTATION', path, `"${clip(text)}" uses exponent notation: write the digits out`)] };

  const m = STRICT.exec(text);
  if (!m) return { errors: [...errors, ruleError('INVALID_AMOUNT', path, `"${clip(text)}" is not a decimal amount (digits, optionally "." and more digits)`)] };
  const integer = (m[1] ?? '').replace(/^0+/u, '');
  const fraction = m[2] ?? '';
  const maxInteger = rules.maxIntegerDigits ?? MAX_INPUT_INTEGER_DIGITS;
  if (integer.length > maxInteger) {
    errors.push(ruleError('AMOUNT_OUT_OF_RANGE', path, `amounts must be below 10^${maxInteger} major units`));
  }
  if (fraction.length > rules.maxDecimals) {
    errors.push(ruleError('TOO_MANY_DECIMALS', path, `${rules.currencyCode} amounts have at most ${rules.maxDecimals} decimals, got ${fraction.length}`));
  }
  if (errors.length > 0) return { errors };
  return { value: { negative: negative && /[1-9]/u.test(integer + fraction), integer, fraction }, errors };
}

/** @internal The canonical decimal text of a parsed value, with at least `minDecimals` decimals. */
export function decimalText(p: ParsedDecimal, minDecimals: number): string {
  const fraction = p.fraction.replace(/0+$/u, '').padEnd(minDecimals, '0');
  const body = (p.integer === '' ? '0' : p.integer) + (fraction === '' ? '' : `.${fraction}`);
  return p.negative ? `-${body}` : body;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** @internal A short description of an unexpected value, for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string "${clip(value)}"`;
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${value.toString()}`;
    default:
      return typeof value === 'object' ? 'an object' : typeof value;
  }
}

/** @internal The exact value of a parsed decimal as `units / 10^scale`. */
export function scaledOf(p: ParsedDecimal): { readonly units: bigint; readonly scale: number } {
  // Stryker disable next-line StringLiteral: BigInt('' + fraction) equals BigInt('0' + fraction), as BigInt('') is 0n
  const units = BigInt((p.integer || '0') + p.fraction);
  return { units: p.negative ? -units : units, scale: p.fraction.length };
}

/** @internal A parsed decimal with at most `minorUnits` decimals, as an integer count of minor units. */
export function minorFromParsed(p: ParsedDecimal, minorUnits: number): bigint {
  const { units, scale } = scaledOf(p);
  return units * pow10(minorUnits - scale);
}

const POW10: readonly bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

/** @internal 10^n as a bigint (n ≥ 0), from a table for the sizes money uses. */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** @internal Integer minor units as the canonical fixed string (`1234n, 2` → `"12.34"`). */
export function formatMinor(units: bigint, minorUnits: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (minorUnits === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(minorUnits + 1, '0');
  const cut = padded.length - minorUnits;
  const text = `${padded.slice(0, cut)}.${padded.slice(cut)}`;
  return negative ? `-${text}` : text;
}

/** @internal `units / 10^scale` as the shortest exact decimal string (`1250n, 2` → `"12.5"`). */
export function formatScaled(units: bigint, scale: number): string {
  const text = formatMinor(units, scale);
  return scale === 0 ? text : text.replace(/\.?0+$/u, '');
}

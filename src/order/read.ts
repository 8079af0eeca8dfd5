import { CHARGE_NAME_PATTERN, FIELD_NAMES, fieldNamesWithout, MAX_BATCH as CONTRACT_MAX_BATCH, QUOTE_ROUNDINGS } from '../contract/index.js';
import { readCoupon, readMinor } from '../coupon/terms.js';
import { InputReader } from '../input.js';
import { divRound } from '../money/integer.js';
import { type Currency, findCurrency } from '../money/currency.js';
import { MAX_QUANTITY, MAX_UNIT_PRICE_DECIMALS } from '../money/bounds.js';
import { parseDecimalInput, pow10, scaledOf } from '../money/parse.js';
import { readSafeDecimal, safeLineTotal, safeTotalOf } from '../money/safe.js';
import { fail, joinPath, ok, type Result } from '../result.js';
import type { LineTotals, ParsedQuoteRequest, QuoteRounding } from './types.js';

const REQUEST_KEYS = fieldNamesWithout('quoteRequest', 'op');
const LINE_KEYS = FIELD_NAMES.orderLine;
/** Largest batch number.
 *
 * @example
 * ```ts
 * import { MAX_BATCH } from 'coupon-rules';
 * console.log(MAX_BATCH); // → 1000000
 * ```
 */
export const MAX_BATCH: number = CONTRACT_MAX_BATCH;
const CHARGE_NAME = new RegExp(CHARGE_NAME_PATTERN, 'u');

/**
 * The bit of each key a line may have (0: not a line key). Hand-written for speed: a key the contract gains
 * later gets 0 here, so the fast reader gives up on such a line and the full reader, whose keys come from
 * the contract, reads it.
 */
function lineKeyBit(key: string): number {
  switch (key) {
    case 'id':
      return 1;
    case 'itemType':
      return 2;
    case 'unitPrice':
      return 4;
    case 'quantity':
      return 8;
    case 'onSale':
      return 16;
    case 'batch':
      return 32;
    default:
      return 0;
  }
}

/** @internal The arrays a quote request's lines are read into. */
export interface LineColumns {
  readonly ids: string[];
  readonly itemTypes: string[];
  readonly totals: number[];
  readonly quantities: number[];
  readonly onSale: boolean[];
  readonly batches: number[];
  readonly seen: Set<string>;
}

/**
 * @internal Reads line `i` without diagnosis into the columns, when it is plainly valid: own keys among the
 * line's six, the four required ones present, an id not seen before, a price of at most 15 digits,
 * and a total that stays a safe integer. `false` otherwise, with nothing written — the full reader
 * then reads the line and reports what is wrong.
 */
export function readLineFast(raw: unknown, i: number, into: LineColumns, minor: number, rounding: QuoteRounding): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const line = raw as Record<string, unknown>;
  let present = 0;
  for (const key in line) {
    const bit = lineKeyBit(key);
    if (bit === 0 || !Object.hasOwn(line, key)) return false;
    present |= bit;
  }
  if ((present & 15) !== 15) return false;
  const { id, itemType, unitPrice, quantity, onSale, batch } = line;
  if (typeof id !== 'string' || id === '' || typeof itemType !== 'string' || itemType === '' || typeof unitPrice !== 'string') return false;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return false;
  if (onSale !== undefined && typeof onSale !== 'boolean') return false;
  if (batch !== undefined && (typeof batch !== 'number' || !Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH)) return false;
  if (into.seen.has(id)) return false;
  const price = readSafeDecimal(unitPrice);
  const total = price ? safeTotalOf(price.units, price.scale, quantity, minor, rounding) : undefined;
  if (total === undefined) return false;
  into.seen.add(id);
  into.ids[i] = id;
  into.itemTypes[i] = itemType;
  into.totals[i] = total;
  into.quantities[i] = quantity;
  into.onSale[i] = onSale ?? false;
  into.batches[i] = batch ?? 1;
  return true;
}

const WIRE_REQUEST_KEYS = FIELD_NAMES.quoteRequest;

// Typed so that a contract mode the money layer cannot round with stops the build here.
const QUOTE_MODES: readonly QuoteRounding[] = QUOTE_ROUNDINGS;
const isQuoteRounding = (value: unknown): value is QuoteRounding => (QUOTE_MODES as readonly unknown[]).includes(value);
const quotedModes = QUOTE_MODES.map((m) => (m === 'half-up' ? `"${m}" (the default)` : `"${m}"`));
/** `"rounding" is "half-up" (the default), "half-even", "half-down", "down" or "up"`: every mode of the contract. */
const ROUNDING_MESSAGE = `"rounding" is ${quotedModes.slice(0, -1).join(', ')} or ${quotedModes.at(-1) ?? ''}`;

/** @internal Reads and validates a quote request (without `op`), reporting every problem. */
export function readQuoteRequest(input: unknown, extraKeys: readonly string[] = []): Result<ParsedQuoteRequest> {
  const r = new InputReader();
  const allowed = extraKeys.length === 0 ? REQUEST_KEYS : extraKeys.length === 1 && extraKeys[0] === 'op' ? WIRE_REQUEST_KEYS : [...REQUEST_KEYS, ...extraKeys];
  const o = r.object(input, '', allowed);
  if (!o) return fail(r.errors);

  const rawCurrency = r.required(o, 'currency', '');
  let currency: Currency | undefined;
  if (rawCurrency !== undefined) {
    const code = r.string(rawCurrency, 'currency');
    if (code !== undefined) {
      currency = findCurrency(code);
      if (!currency) r.error('UNKNOWN_CURRENCY', 'currency', `"${code.slice(0, 40)}" is not an active ISO 4217 currency code`);
    }
  }
  const rawRounding = r.field(o, 'rounding');
  let rounding: QuoteRounding = 'half-up';
  if (rawRounding !== undefined) {
    if (isQuoteRounding(rawRounding)) rounding = rawRounding;
    else r.error('INVALID_ROUNDING', 'rounding', ROUNDING_MESSAGE);
  }

  const rawLines = r.required(o, 'lines', '');
  const lines = rawLines === undefined ? undefined : r.array(rawLines, 'lines');
  if (lines?.length === 0) r.error('EMPTY_LINES', 'lines', 'an order has at least one line');
  const n = lines?.length ?? 0;
  // Stryker disable next-line ArrayDeclaration: every index is assigned in the loop below, or the request fails, so a presized and an empty array end the same
  const ids: string[] = new Array<string>(n);
  // Stryker disable next-line ArrayDeclaration: every index is assigned in the loop below, or the request fails, so a presized and an empty array end the same
  const itemTypes: string[] = new Array<string>(n);
  // Line totals are safe integers while every line fits, which spares a bigint per line; the first line that does not
  // fit moves them all to bigints.
  // Stryker disable next-line ArrayDeclaration: every index is assigned in the loop below, or the request fails, so a presized and an empty array end the same
  let safeTotals: number[] | null = new Array<number>(n);
  let bigTotals: bigint[] | null = null;
  // Stryker disable next-line ArrayDeclaration: every index is assigned in the loop below, or the request fails, so a presized and an empty array end the same
  const quantities: number[] = new Array<number>(n);
  // Stryker disable next-line ArrayDeclaration: every index is assigned in the loop below, or the request fails, so a presized and an empty array end the same
  const onSale: boolean[] = new Array<boolean>(n);
  // Stryker disable next-line ArrayDeclaration: every index is assigned in the loop below, or the request fails, so a presized and an empty array end the same
  const batches: number[] = new Array<number>(n);
  const seen = new Set<string>();
  const columns: LineColumns = { ids, itemTypes, totals: safeTotals, quantities, onSale, batches, seen };
  for (let i = 0; i < n; i++) {
    // Most lines are well-formed: they are read without building a path or an error; any other goes the full way.
    if (safeTotals && currency && readLineFast(lines?.[i], i, columns, currency.minorUnits, rounding)) continue;
    const path = `lines.${i}`;
    // Stryker disable next-line OptionalChaining: the loop runs only when lines is an array (n is 0 otherwise)
    const line = r.object(lines?.[i], path, LINE_KEYS);
    if (!line) continue;
    const rawId = r.required(line, 'id', path);
    const id = rawId === undefined ? undefined : r.nonEmptyString(rawId, `${path}.id`);
    if (id !== undefined) {
      if (seen.has(id)) r.error('DUPLICATE_LINE_ID', `${path}.id`, `line id "${id.slice(0, 40)}" is used twice`);
      seen.add(id);
      ids[i] = id;
    }
    const rawType = r.required(line, 'itemType', path);
    const itemType = rawType === undefined ? undefined : r.nonEmptyString(rawType, `${path}.itemType`);
    if (itemType !== undefined) itemTypes[i] = itemType;
    const rawPrice = r.required(line, 'unitPrice', path);
    const price =
      rawPrice === undefined
        ? undefined
        : parseDecimalInput(
            rawPrice,
            { maxDecimals: MAX_UNIT_PRICE_DECIMALS, allowNegative: false, currencyCode: 'unit prices', stringsOnly: true },
            `${path}.unitPrice`,
          );
    if (price) r.absorb(price.errors);
    const rawQty = r.required(line, 'quantity', path);
    const quantity = rawQty === undefined ? undefined : r.integer(rawQty, `${path}.quantity`, 1, MAX_QUANTITY, 'INVALID_QUANTITY', 'a quantity');
    if (quantity !== undefined) quantities[i] = quantity;
    if (price?.value && quantity !== undefined && currency) {
      const minor = currency.minorUnits;
      const safe = safeTotals ? safeLineTotal(price.value, quantity, minor, rounding) : undefined;
      if (safeTotals && safe !== undefined) safeTotals[i] = safe;
      else {
        if (safeTotals) {
          // Lines not reached yet (or refused) are holes: they become 0n, and are assigned or the request fails.
          bigTotals = Array.from(safeTotals, (t: number | undefined) => BigInt(t ?? 0));
          safeTotals = null;
        }
        const { units, scale } = scaledOf(price.value);
        const product = units * BigInt(quantity);
        // Stryker disable next-line ArrayDeclaration: bigTotals is set just above whenever safeTotals was
        (bigTotals ?? [])[i] = scale <= minor ? product * pow10(minor - scale) : divRound(product, pow10(scale - minor), rounding);
      }
    }
    const rawSale = r.field(line, 'onSale');
    onSale[i] = rawSale === undefined ? false : (r.boolean(rawSale, `${path}.onSale`) ?? false);
    const rawBatch = r.field(line, 'batch');
    batches[i] = rawBatch === undefined ? 1 : (r.integer(rawBatch, `${path}.batch`, 1, MAX_BATCH, 'INVALID_BATCH', 'a batch') ?? 1);
  }

  // Amounts below need the currency; without one, only their shape can be judged.
  const money = currency ?? { code: 'the currency', minorUnits: MAX_UNIT_PRICE_DECIMALS };
  const rawCoupon = r.field(o, 'coupon');
  const coupon = rawCoupon === undefined || rawCoupon === null ? null : (readCoupon(r, rawCoupon, 'coupon', money) ?? null);
  const rawSeller = r.field(o, 'sellerCredit');
  const sellerCredit = rawSeller === undefined ? 0n : (readMinor(r, rawSeller, 'sellerCredit', money) ?? 0n);
  let chargesTotal = 0n;
  const rawCharges = r.field(o, 'charges');
  if (rawCharges !== undefined) {
    const charges = r.record(rawCharges, 'charges');
    if (charges) {
      for (const name of Object.keys(charges)) {
        const path = joinPath('charges', name);
        if (!CHARGE_NAME.test(name)) r.error('INVALID_CHARGE_NAME', path, 'a charge name is a letter followed by up to 63 letters, digits, "_" or "-"');
        chargesTotal += readMinor(r, charges[name], path, money) ?? 0n;
      }
    }
  }
  if (r.count > 0 || !currency) return fail(r.errors);
  const lineTotals: LineTotals = safeTotals ? { safe: true, values: safeTotals } : { safe: false, values: bigTotals ?? [] };
  return ok({ currency, rounding, ids, itemTypes, lineTotals, quantities, onSale, batches, coupon, sellerCredit, chargesTotal });
}

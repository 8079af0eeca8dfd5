import { creditOn, creditOnSafe, safeCoupon } from '../coupon/credit.js';
import { type CouponTerms, type ParsedCoupon, readCoupon, readMinor } from '../coupon/terms.js';
import { InputReader } from '../input.js';
import { allocateInteger, divRound } from '../money/integer.js';
import { type Currency, findCurrency } from '../money/currency.js';
import { MAX_QUANTITY, MAX_UNIT_PRICE_DECIMALS } from '../money/bounds.js';
import { formatMinor, formatScaled, parseDecimalInput, pow10, scaledOf } from '../money/parse.js';
import { allocateSafe, formatSafeMinor, readSafeDecimal, safeLineTotal, safeTotalOf } from '../money/safe.js';
import type { RoundingMode } from '../money/rounding.js';
import { fail, joinPath, ok, type Result } from '../result.js';

/**
 * One line of an order: `quantity` units of an item of `itemType` at
 * `unitPrice` (a decimal string; it may have more decimals than the
 * currency). `onSale` defaults to false, `batch` to 1.
 *
 * @example
 * ```ts
 * import type { OrderLine } from 'coupon-rules';
 * const line: OrderLine = { id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 };
 * ```
 */
export interface OrderLine {
  readonly id: string;
  readonly itemType: string;
  readonly unitPrice: string;
  readonly quantity: number;
  readonly onSale?: boolean;
  readonly batch?: number;
}

/**
 * The rounding modes a quote accepts: `half-up` (default) and `half-even`.
 *
 * @example
 * ```ts
 * import type { QuoteRounding } from 'coupon-rules';
 * const rounding: QuoteRounding = 'half-even';
 * ```
 */
export type QuoteRounding = Extract<RoundingMode, 'half-up' | 'half-even'>;

/**
 * What {@link quoteCoupon} takes: the order, its coupon (if any), the
 * seller-entered credit and named charges. Same fields as the wire
 * request of `op: "quote"`, without `op`.
 *
 * @example
 * ```ts
 * import type { QuoteRequest } from 'coupon-rules';
 * const request: QuoteRequest = {
 *   currency: 'USD',
 *   lines: [{ id: 'L1', itemType: 'Part', unitPrice: '2.50', quantity: 4 }],
 *   coupon: { type: 'fixed', amount: '5.00' },
 *   charges: { shipping: '3.50' },
 * };
 * ```
 */
export interface QuoteRequest {
  readonly currency: string;
  readonly rounding?: QuoteRounding;
  readonly lines: readonly OrderLine[];
  readonly coupon?: CouponTerms | null;
  readonly sellerCredit?: string;
  readonly charges?: Readonly<Record<string, string>>;
}

/**
 * A line of a quote: its total, whether the coupon applies to it, its share
 * of the coupon credit and what is left (`net`).
 *
 * @example
 * ```ts
 * import type { QuotedLine } from 'coupon-rules';
 * const line: QuotedLine = { id: 'L1', lineTotal: '5.00', eligible: true, couponCredit: '0.25', net: '4.75' };
 * ```
 */
export interface QuotedLine {
  readonly id: string;
  readonly lineTotal: string;
  readonly eligible: boolean;
  readonly couponCredit: string;
  readonly net: string;
}

/**
 * The coupon credit that falls on one batch of the order.
 *
 * @example
 * ```ts
 * import type { QuotedBatch } from 'coupon-rules';
 * const b: QuotedBatch = { batch: 2, couponCredit: '1.50' };
 * ```
 */
export interface QuotedBatch {
  readonly batch: number;
  readonly couponCredit: string;
}

/**
 * Why a line is outside the coupon: its item type is not in an `only`
 * limit, is in an `except` limit, or it is on sale and sale items are excluded.
 *
 * @example
 * ```ts
 * import type { IneligibleReason } from 'coupon-rules';
 * const why: IneligibleReason = 'ON_SALE';
 * ```
 */
export type IneligibleReason = 'ITEM_TYPE_NOT_IN_LIMIT' | 'ITEM_TYPE_EXCLUDED' | 'ON_SALE';

/**
 * The "why" of a quote, for a shop to show: the tier reached, the credit
 * before any cap, the charges, and the reasons each ineligible line is out.
 *
 * @example
 * ```ts
 * import { quoteCoupon } from 'coupon-rules';
 * const q = quoteCoupon({ currency: 'USD', lines: [{ id: 'a', itemType: 'Set', unitPrice: '30', quantity: 1, onSale: true }],
 *   coupon: { type: 'percent', percent: '10', excludeSaleItems: true } });
 * if (q.ok) console.log(q.value.explain.lines[0]?.reasons); // ['ON_SALE']
 * ```
 */
export interface QuoteExplanation {
  /** The tier whose threshold the eligible total reached (`null`: base percentage, fixed coupon or none). */
  readonly tier: { readonly index: number; readonly minTotal: string; readonly percent: string } | null;
  /** The credit before the maximum discount (percentage) or the order total (fixed) cut it down. */
  readonly uncappedCredit: string;
  /** The sum of all charges. */
  readonly chargesTotal: string;
  readonly lines: readonly { readonly id: string; readonly reasons: readonly IneligibleReason[] }[];
}

/**
 * The exact outcome of a coupon on an order. Money is in decimal strings
 * with exactly the currency's minor units. `feeBasis` is the subtotal before
 * any credit: the coupon never lowers the seller's sales fee.
 *
 * @example
 * ```ts
 * import { quoteCoupon, type Quote } from 'coupon-rules';
 * const r = quoteCoupon({ currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '5', quantity: 1 }], coupon: { type: 'percent', percent: '5' } });
 * const q: Quote | undefined = r.ok ? r.value : undefined;
 * console.log(q?.couponCredit); // '0.25'
 * ```
 */
export interface Quote {
  readonly subtotal: string;
  readonly eligibleTotal: string;
  readonly appliedPercent: string | null;
  readonly couponCredit: string;
  readonly capped: boolean;
  readonly sellerCredit: string;
  readonly totalCredit: string;
  readonly grandTotal: string;
  readonly feeBasis: string;
  readonly lines: readonly QuotedLine[];
  readonly batches: readonly QuotedBatch[];
  readonly explain: QuoteExplanation;
}

/** @internal Line totals in minor units: safe integers (below 2^53) while every line fits, else bigints. */
export type LineTotals = { readonly safe: true; readonly values: readonly number[] } | { readonly safe: false; readonly values: readonly bigint[] };

/** @internal A validated request in integer minor units. */
export interface ParsedQuoteRequest {
  readonly currency: Currency;
  readonly rounding: QuoteRounding;
  readonly ids: readonly string[];
  readonly itemTypes: readonly string[];
  /** In minor units: safe integers while every line fits (the common case), else bigints. */
  readonly lineTotals: LineTotals;
  readonly quantities: readonly number[];
  readonly onSale: readonly boolean[];
  readonly batches: readonly number[];
  readonly coupon: ParsedCoupon | null;
  readonly sellerCredit: bigint;
  readonly chargesTotal: bigint;
}

const REQUEST_KEYS = ['currency', 'rounding', 'lines', 'coupon', 'sellerCredit', 'charges'] as const;
const LINE_KEYS = ['id', 'itemType', 'unitPrice', 'quantity', 'onSale', 'batch'] as const;
/** Largest batch number.
 *
 * @example
 * ```ts
 * import { MAX_BATCH } from 'coupon-rules';
 * console.log(MAX_BATCH); // 1000000
 * ```
 */
export const MAX_BATCH = 1_000_000;
const CHARGE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/u;

/** The bit of each key a line may have (0: not a line key). */
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

/** The arrays a quote request's lines are read into. */
interface LineColumns {
  readonly ids: string[];
  readonly itemTypes: string[];
  readonly totals: number[];
  readonly quantities: number[];
  readonly onSale: boolean[];
  readonly batches: number[];
  readonly seen: Set<string>;
}

/**
 * Reads line `i` without diagnosis into the columns, when it is plainly valid: own keys among the
 * line's six, the four required ones present, an id not seen before, a price of at most 15 digits,
 * and a total that stays a safe integer. `false` otherwise, with nothing written — the full reader
 * then reads the line and reports what is wrong.
 */
function readLineFast(raw: unknown, i: number, into: LineColumns, minor: number, rounding: QuoteRounding): boolean {
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

const WIRE_REQUEST_KEYS: readonly string[] = [...REQUEST_KEYS, 'op'];

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
    if (rawRounding === 'half-up' || rawRounding === 'half-even') rounding = rawRounding;
    else r.error('INVALID_ROUNDING', 'rounding', '"rounding" is "half-up" (the default) or "half-even"');
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

const ELIGIBLE: readonly IneligibleReason[] = Object.freeze([]);

/**
 * @internal A computed quote before its lines are written out: the totals, and each line's strings on
 * demand, so that the wire can write a million-line answer without a million line objects.
 */
export interface QuoteCore {
  /** The quote without its lines (`lines: []`), with the explanation of the tier, cap and charges. */
  readonly summary: Quote;
  readonly lineCount: number;
  readonly lineAt: (i: number) => QuotedLine;
  /** Line `i` as the JSON text `JSON.stringify(lineAt(i))` gives, written directly when the core can. */
  readonly lineJsonAt?: (i: number) => string;
  readonly reasonsAt: (i: number) => readonly IneligibleReason[];
}

/**
 * @internal The quote of a validated request. `explainLines: false` leaves
 * `explain.lines` empty: the wire answer drops the explanation.
 */
export function computeQuote(q: ParsedQuoteRequest, explainLines = true): Result<Quote> {
  const core = computeQuoteCore(q);
  if (!core.ok) return core;
  const { summary, reasonsAt } = core.value;
  const lines = linesOf(core.value);
  const explained = explainLines ? lines.map((l, i) => ({ id: l.id, reasons: reasonsAt(i) })) : [];
  return ok({ ...summary, lines, explain: { ...summary.explain, lines: explained } });
}

/** Orders up to this many lines are written as one piece of JSON text; longer ones a piece per this many lines. */
const PIECE_LINES = 4096;

/**
 * @internal The wire answer of a quote as JSON text: one string for an order of up to 4,096 lines
 * (one stringify of the whole answer is the fastest way to write the usual order), else pieces of
 * 4,096 lines each, so that a million-line answer is never whole in memory.
 */
export function wireQuoteText(core: QuoteCore): string | Iterable<string> {
  const json = core.lineJsonAt;
  if (core.lineCount <= PIECE_LINES && json) {
    // The summary is stringified with an empty list of lines, and the lines' own text put in its place.
    const text = JSON.stringify({ ok: true, result: wireResult(core.summary, []) });
    const at = text.indexOf('"lines":[]') + '"lines":['.length;
    let lines = '';
    for (let i = 0; i < core.lineCount; i++) lines += i === 0 ? json(i) : `,${json(i)}`;
    return `${text.slice(0, at)}${lines}${text.slice(at)}`;
  }
  if (core.lineCount <= PIECE_LINES) return JSON.stringify({ ok: true, result: wireResult(core.summary, linesOf(core)) });
  return wireQuotePieces(core, JSON.stringify({ ok: true, result: wireResult(core.summary, []) }));
}

/** A quote's lines, written out (a plain loop: `Array.from` with a length is slow to build). */
function linesOf(core: QuoteCore): QuotedLine[] {
  const lines: QuotedLine[] = [];
  for (let i = 0; i < core.lineCount; i++) lines.push(core.lineAt(i));
  return lines;
}

/** The wire result of a quote: its fields in the contract's order, without `explain`. */
function wireResult(q: Quote, lines: readonly QuotedLine[]): Omit<Quote, 'explain'> {
  return {
    subtotal: q.subtotal,
    eligibleTotal: q.eligibleTotal,
    appliedPercent: q.appliedPercent,
    couponCredit: q.couponCredit,
    capped: q.capped,
    sellerCredit: q.sellerCredit,
    totalCredit: q.totalCredit,
    grandTotal: q.grandTotal,
    feeBasis: q.feeBasis,
    lines,
    batches: q.batches,
  };
}

function* wireQuotePieces(core: QuoteCore, text: string): Generator<string> {
  const at = text.indexOf('"lines":[]') + '"lines":['.length;
  yield text.slice(0, at);
  for (let from = 0; from < core.lineCount; from += PIECE_LINES) {
    const to = Math.min(core.lineCount, from + PIECE_LINES);
    const piece = JSON.stringify(Array.from({ length: to - from }, (_, k) => core.lineAt(from + k)));
    yield from === 0 ? piece.slice(1, -1) : `,${piece.slice(1, -1)}`;
  }
  yield text.slice(at);
}

/** @internal {@link computeQuote} without writing out the lines. */
export function computeQuoteCore(q: ParsedQuoteRequest): Result<QuoteCore> {
  const { currency, coupon, rounding } = q;
  const mu = currency.minorUnits;
  const zero = zeroOf(mu);
  const fmt = (v: bigint) => (v === 0n ? zero : formatMinor(v, mu)); // one shared "0.00": large orders have many
  const n = q.lineTotals.values.length;
  // Stryker disable next-line ArrayDeclaration: the loop below assigns every index, so a presized and an empty array end the same
  const reasons: (readonly IneligibleReason[])[] = new Array<readonly IneligibleReason[]>(n);
  for (let i = 0; i < n; i++) reasons[i] = ineligibility(q, i);

  // On safe integers when every amount fits (the usual order); else, or when a product would not fit, on bigints.
  if (q.lineTotals.safe) {
    const totals = q.lineTotals.values;
    // Stryker disable next-line ArrayDeclaration: the loop below assigns every index
    const weights: number[] = new Array<number>(n);
    let subtotal = 0;
    let eligible = 0;
    for (let i = 0; i < n; i++) {
      const total = totals[i] ?? 0;
      const w = reasons[i]?.length === 0 ? total : 0;
      weights[i] = w;
      subtotal += total;
      eligible += w;
    }
    // A sum of non-negative numbers past 2^53 stays past it however it rounds: the check is exact.
    const core = Number.isSafeInteger(subtotal) ? safeQuoteCore(q, reasons, totals, weights, subtotal, eligible) : undefined;
    if (core) return core;
  }
  const totals: readonly bigint[] = q.lineTotals.safe ? q.lineTotals.values.map((t) => BigInt(t)) : q.lineTotals.values;
  const weights = totals.map((t, i) => (reasons[i]?.length === 0 ? t : 0n));
  let subtotal = 0n;
  let eligibleTotal = 0n;
  for (let i = 0; i < n; i++) {
    subtotal += totals[i] ?? 0n;
    eligibleTotal += weights[i] ?? 0n;
  }

  const outcome = coupon ? creditOn(coupon, eligibleTotal, rounding) : null;
  const credit = outcome?.credit ?? 0n;
  const totalCredit = credit + q.sellerCredit;
  if (totalCredit > subtotal + q.chargesTotal) {
    return fail([
      {
        code: 'CREDIT_EXCEEDS_TOTAL',
        path: 'sellerCredit',
        message: `the total credit ${fmt(totalCredit)} (coupon ${fmt(credit)} + seller ${fmt(q.sellerCredit)}) is more than the subtotal plus charges, ${fmt(subtotal + q.chargesTotal)}`,
      },
    ]);
  }

  // Shares of the credit, and each line's strings on demand.
  const shares = credit > 0n ? allocateInteger(credit, weights) : null;
  const lineAt = (i: number): QuotedLine => {
    const total = totals[i] ?? 0n;
    const share = shares?.[i] ?? 0n;
    const lineTotal = fmt(total);
    // Stryker disable next-line StringLiteral,OptionalChaining: a validated request has an id and reasons for every line
    return { id: q.ids[i] ?? '', lineTotal, eligible: reasons[i]?.length === 0, couponCredit: fmt(share), net: share === 0n ? lineTotal : fmt(total - share) };
  };

  // Batches: the whole-order credit with each batch included, minus the credit before it.
  const byBatch = new Map<number, bigint>();
  for (let i = 0; i < n; i++) {
    const b = q.batches[i] ?? 1;
    byBatch.set(b, (byBatch.get(b) ?? 0n) + (weights[i] ?? 0n));
  }
  let prefix = 0n;
  let before = 0n;
  const batches = [...byBatch.keys()]
    .sort((a, b) => a - b)
    .map((batch) => {
      prefix += byBatch.get(batch) ?? 0n;
      const upTo = coupon ? creditOn(coupon, prefix, rounding).credit : 0n;
      const part = upTo - before;
      before = upTo;
      return { batch, couponCredit: fmt(part) };
    });

  // Stryker disable next-line OptionalChaining: outcome is non-null only when there is a coupon, and `&&` stops before coupon?.type otherwise
  const tier = outcome && coupon?.type === 'percent' ? coupon.tiers[outcome.tierIndex] : undefined;
  const summary: Quote = {
    subtotal: fmt(subtotal),
    eligibleTotal: fmt(eligibleTotal),
    appliedPercent: outcome?.percent ? formatScaled(outcome.percent.units, outcome.percent.scale) : null,
    couponCredit: fmt(credit),
    capped: outcome?.capped ?? false,
    sellerCredit: fmt(q.sellerCredit),
    totalCredit: fmt(totalCredit),
    grandTotal: fmt(subtotal + q.chargesTotal - totalCredit),
    feeBasis: fmt(subtotal),
    lines: [],
    batches,
    explain: {
      tier: tier && outcome ? { index: outcome.tierIndex, minTotal: fmt(tier.minTotal), percent: formatScaled(tier.percent.units, tier.percent.scale) } : null,
      uncappedCredit: fmt(outcome?.uncapped ?? 0n),
      chargesTotal: fmt(q.chargesTotal),
      lines: [],
    },
  };
  return ok({ summary, lineCount: n, lineAt, reasonsAt: (i) => reasons[i] ?? ELIGIBLE });
}

/**
 * @internal The coupon credit of any coupon on one order, without quoting the order again per coupon:
 * the line totals are summed once by item type and sale flag, and a coupon's eligible total is then
 * the sum over its own item types (O(lines) once, O(item types of the coupon) per coupon). The credit
 * is the one {@link computeQuote} gives: the same eligible total through the same {@link creditOn}.
 */
export function couponCreditsOn(q: ParsedQuoteRequest): (coupon: ParsedCoupon) => bigint {
  const byType = new Map<string, { regular: bigint; sale: bigint }>();
  let regular = 0n;
  let subtotal = 0n;
  const totals: readonly (number | bigint)[] = q.lineTotals.values;
  totals.forEach((t, i) => {
    const total = BigInt(t);
    // Stryker disable next-line StringLiteral: a validated request has an item type for every line
    const type = q.itemTypes[i] ?? '';
    const sums = byType.get(type) ?? { regular: 0n, sale: 0n };
    if (q.onSale[i] === true) sums.sale += total;
    else {
      sums.regular += total;
      regular += total;
    }
    byType.set(type, sums);
    subtotal += total;
  });
  return (coupon) => {
    if (coupon.type === 'fixed') return creditOn(coupon, subtotal, q.rounding).credit;
    const inType = (type: string) => {
      const sums = byType.get(type);
      return sums ? sums.regular + (coupon.excludeSaleItems ? 0n : sums.sale) : 0n;
    };
    const all = coupon.excludeSaleItems ? regular : subtotal;
    const limit = coupon.limit;
    let listed = 0n;
    for (const type of limit?.itemTypes ?? []) listed += inType(type);
    const eligible = limit === null ? all : limit.mode === 'only' ? listed : all - listed;
    return creditOn(coupon, eligible, q.rounding).credit;
  };
}

const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);
/** "0", "0.0", "0.00", …: one shared string per number of minor units. */
const ZEROS: readonly string[] = Array.from({ length: 31 }, (_, mu) => formatMinor(0n, mu));
const zeroOf = (mu: number): string => ZEROS[mu] ?? formatMinor(0n, mu);

/**
 * The quote entirely on safe integers — totals, the credit and every batch's credit, the summary —
 * when every amount and every product stays below 2^53; `undefined` otherwise, and the general path
 * (bigints where needed) answers. Both give the same answer, to the digit.
 */
function safeQuoteCore(
  q: ParsedQuoteRequest,
  reasons: readonly (readonly IneligibleReason[])[],
  totals: readonly number[],
  weights: readonly number[],
  subtotal: number,
  eligible: number,
): Result<QuoteCore> | undefined {
  const { currency, coupon, rounding } = q;
  const sc = coupon ? safeCoupon(coupon) : null;
  const seller = q.sellerCredit <= MAX_SAFE_BIGINT ? Number(q.sellerCredit) : Number.NaN;
  const charges = q.chargesTotal <= MAX_SAFE_BIGINT ? Number(q.chargesTotal) : Number.NaN;
  if (sc === undefined || !Number.isSafeInteger(subtotal + charges + seller)) return undefined;
  const outcome = sc ? creditOnSafe(sc, eligible, rounding) : null;
  if (outcome === undefined) return undefined;
  // Each batch's credit is the credit with it included minus the credit before it, as on the general path.
  const sums = eligibleByBatch(q.batches, weights);
  const batchCredits: { batch: number; credit: number }[] = [];
  let prefix = 0;
  let before = 0;
  for (const [batch, sum] of sums) {
    prefix += sum;
    const upTo = sc ? creditOnSafe(sc, prefix, rounding) : null;
    if (upTo === undefined) return undefined;
    const credit = upTo?.credit ?? 0;
    batchCredits.push({ batch, credit: credit - before });
    before = credit;
  }
  const credit = outcome?.credit ?? 0;
  const mu = currency.minorUnits;
  const zero = zeroOf(mu);
  const text = (v: number) => (v === 0 ? zero : formatSafeMinor(v, mu));
  const totalCredit = credit + seller;
  if (totalCredit > subtotal + charges) {
    return fail([
      {
        code: 'CREDIT_EXCEEDS_TOTAL',
        path: 'sellerCredit',
        message: `the total credit ${text(totalCredit)} (coupon ${text(credit)} + seller ${text(seller)}) is more than the subtotal plus charges, ${text(subtotal + charges)}`,
      },
    ]);
  }
  const shares = credit > 0 ? allocateSafe(credit, weights, eligible) : null;
  const lineAt = (i: number): QuotedLine => {
    const total = totals[i] ?? 0;
    const share = shares?.[i] ?? 0;
    const lineTotal = text(total);
    // Stryker disable next-line StringLiteral,OptionalChaining: a validated request has an id and reasons for every line
    return { id: q.ids[i] ?? '', lineTotal, eligible: reasons[i]?.length === 0, couponCredit: text(share), net: share === 0 ? lineTotal : text(total - share) };
  };
  const full =
    coupon && outcome
      ? {
          percent: coupon.type === 'percent' ? (coupon.tiers[outcome.tierIndex]?.percent ?? coupon.percent) : null,
          tier: coupon.type === 'percent' ? coupon.tiers[outcome.tierIndex] : undefined,
        }
      : null;
  const summary: Quote = {
    subtotal: text(subtotal),
    eligibleTotal: text(eligible),
    appliedPercent: full?.percent ? formatScaled(full.percent.units, full.percent.scale) : null,
    couponCredit: text(credit),
    capped: outcome?.capped ?? false,
    sellerCredit: text(seller),
    totalCredit: text(totalCredit),
    grandTotal: text(subtotal + charges - totalCredit),
    feeBasis: text(subtotal),
    lines: [],
    batches: batchCredits.map((b) => ({ batch: b.batch, couponCredit: text(b.credit) })),
    explain: {
      tier:
        full?.tier && outcome
          ? { index: outcome.tierIndex, minTotal: formatMinor(full.tier.minTotal, mu), percent: formatScaled(full.tier.percent.units, full.tier.percent.scale) }
          : null,
      uncappedCredit: text(outcome?.uncapped ?? 0),
      chargesTotal: text(charges),
      lines: [],
    },
  };
  const lineJsonAt = (i: number): string => {
    const total = totals[i] ?? 0;
    const share = shares?.[i] ?? 0;
    const lineTotal = text(total);
    // Money strings and booleans need no escaping; the id is a caller's string, and gets JSON's own.
    // Stryker disable next-line StringLiteral,OptionalChaining: a validated request has an id and reasons for every line
    return `{"id":${JSON.stringify(q.ids[i] ?? '')},"lineTotal":"${lineTotal}","eligible":${reasons[i]?.length === 0 ? 'true' : 'false'},"couponCredit":"${text(share)}","net":"${share === 0 ? lineTotal : text(total - share)}"}`;
  };
  return ok({ summary, lineCount: totals.length, lineAt, lineJsonAt, reasonsAt: (i) => reasons[i] ?? ELIGIBLE });
}

/**
 * The eligible total of each batch, by batch number ascending. An order has few batches: they are
 * gathered in a short list, and in a map once there are more than eight (O(n log n) either way).
 */
function eligibleByBatch(batches: readonly number[], weights: readonly number[]): [number, number][] {
  const list: [number, number][] = [];
  let map: Map<number, number> | undefined;
  for (let i = 0; i < weights.length; i++) {
    const b = batches[i] ?? 1;
    const w = weights[i] ?? 0;
    if (map) {
      map.set(b, (map.get(b) ?? 0) + w);
      continue;
    }
    const entry = list.find((e) => e[0] === b);
    if (entry) entry[1] += w;
    else if (list.length < 8) list.push([b, w]);
    else {
      map = new Map(list);
      map.set(b, w);
    }
  }
  return (map ? [...map] : list).sort((a, b) => a[0] - b[0]);
}

/** Why line `i` is outside the coupon (none: eligible; a fixed coupon, or none, takes every line). */
function ineligibility(q: ParsedQuoteRequest, i: number): readonly IneligibleReason[] {
  const coupon = q.coupon;
  if (coupon?.type !== 'percent') return ELIGIBLE;
  const limit = coupon.limit;
  // Stryker disable next-line StringLiteral: a validated request has an item type for every line, so the fallback is never used
  const listed = limit ? limit.itemTypes.has(q.itemTypes[i] ?? '') : false;
  const outOfLimit = limit?.mode === 'only' && !listed;
  const excluded = limit?.mode === 'except' && listed;
  const onSale = coupon.excludeSaleItems && q.onSale[i] === true;
  if (!outOfLimit && !excluded && !onSale) return ELIGIBLE; // shared: most lines are eligible
  const out: IneligibleReason[] = [];
  if (outOfLimit) out.push('ITEM_TYPE_NOT_IN_LIMIT');
  if (excluded) out.push('ITEM_TYPE_EXCLUDED');
  if (onSale) out.push('ON_SALE');
  return out;
}

/**
 * Quotes a coupon on an order: line totals (unit price × quantity, rounded
 * once with the request's mode), which lines the coupon applies to, the
 * tier reached, the credit (capped by `maxDiscount`, or by the order total
 * for a fixed coupon), where it lands (largest remainder over eligible
 * lines), what each batch receives, and the totals. Input is validated
 * completely; every problem comes back with its `code` and `path`.
 *
 * @example
 * ```ts
 * import { quoteCoupon } from 'coupon-rules';
 * const r = quoteCoupon({
 *   currency: 'USD',
 *   lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 }],
 *   coupon: { type: 'percent', percent: '5', maxDiscount: '20.00' },
 *   sellerCredit: '1.00',
 *   charges: { shipping: '3.50' },
 * });
 * if (r.ok) console.log(r.value.couponCredit, r.value.grandTotal); // '0.25' '7.25'
 * ```
 */
export function quoteCoupon(request: QuoteRequest): Result<Quote> {
  const parsed = readQuoteRequest(request);
  return parsed.ok ? computeQuote(parsed.value) : parsed;
}

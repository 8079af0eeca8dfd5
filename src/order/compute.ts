import { creditOn } from '../coupon/credit.js';
import type { ParsedCoupon } from '../coupon/terms.js';
import { allocateInteger } from '../money/integer.js';
import { formatMinor, formatScaled } from '../money/parse.js';
import { fail, ok, type Result } from '../result.js';
import { readQuoteRequest } from './read.js';
import { ELIGIBLE, safeQuoteCore, zeroOf } from './safe.js';
import type { IneligibleReason, ParsedQuoteRequest, Quote, QuoteCore, QuotedBatch, QuotedLine, QuoteRequest } from './types.js';
import { linesOf } from './wire.js';

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

  // Batches: the whole-order credit with each batch included, minus the credit before it; each batch's
  // subtotal (its lines' totals), which is also its fee basis (charges are the order's, not a batch's).
  const byBatch = new Map<number, { eligible: bigint; subtotal: bigint }>();
  for (let i = 0; i < n; i++) {
    const b = q.batches[i] ?? 1;
    const sums = byBatch.get(b);
    if (sums) {
      sums.eligible += weights[i] ?? 0n;
      sums.subtotal += totals[i] ?? 0n;
    } else byBatch.set(b, { eligible: weights[i] ?? 0n, subtotal: totals[i] ?? 0n });
  }
  let prefix = 0n;
  let before = 0n;
  const batches = [...byBatch.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([batch, sums]): QuotedBatch => {
      prefix += sums.eligible;
      const upTo = coupon ? creditOn(coupon, prefix, rounding).credit : 0n;
      const part = upTo - before;
      before = upTo;
      const batchSubtotal = fmt(sums.subtotal);
      return { batch, subtotal: batchSubtotal, feeBasis: batchSubtotal, couponCredit: fmt(part) };
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
 * import { quoteCoupon, unwrap } from 'coupon-rules';
 * const q = unwrap(quoteCoupon({
 *   currency: 'USD',
 *   lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400 }],
 *   coupon: { type: 'percent', percent: '5', maxDiscount: '20.00' },
 *   sellerCredit: '1.00',
 *   charges: { shipping: '3.50' },
 * }));
 * console.log([q.couponCredit, q.grandTotal]); // → [ '0.25', '7.25' ]
 * ```
 */
export function quoteCoupon(request: QuoteRequest): Result<Quote> {
  const parsed = readQuoteRequest(request);
  return parsed.ok ? computeQuote(parsed.value) : parsed;
}

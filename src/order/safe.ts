import { creditOnSafe, safeCoupon } from '../coupon/credit.js';
import { formatMinor, formatScaled } from '../money/parse.js';
import { allocateSafe, formatSafeMinor } from '../money/safe.js';
import { fail, ok, type Result } from '../result.js';
import type { IneligibleReason, ParsedQuoteRequest, Quote, QuoteCore, QuotedBatch, QuotedLine } from './types.js';

/** @internal The one empty list of reasons, shared by every eligible line. */
export const ELIGIBLE: readonly IneligibleReason[] = Object.freeze([]);

const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);
/** "0", "0.0", "0.00", …: one shared string per number of minor units. */
const ZEROS: readonly string[] = Array.from({ length: 31 }, (_, mu) => formatMinor(0n, mu));
/** @internal The shared zero string of `mu` minor units. */
export const zeroOf = (mu: number): string => ZEROS[mu] ?? formatMinor(0n, mu);

/**
 * @internal The quote entirely on safe integers — totals, the credit and every batch's credit, the summary —
 * when every amount and every product stays below 2^53; `undefined` otherwise, and the general path
 * (bigints where needed) answers. Both give the same answer, to the digit.
 */
export function safeQuoteCore(
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
  const sums = sumsByBatch(q.batches, weights, totals);
  const batchCredits: { batch: number; subtotal: number; credit: number }[] = [];
  let prefix = 0;
  let before = 0;
  for (const [batch, eligibleSum, subtotalSum] of sums) {
    prefix += eligibleSum;
    const upTo = sc ? creditOnSafe(sc, prefix, rounding) : null;
    if (upTo === undefined) return undefined;
    const credit = upTo?.credit ?? 0;
    batchCredits.push({ batch, subtotal: subtotalSum, credit: credit - before });
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
    // A batch's fee basis is its subtotal, as the order's is (charges are the order's, not a batch's).
    batches: batchCredits.map((b): QuotedBatch => {
      const batchSubtotal = text(b.subtotal);
      return { batch: b.batch, subtotal: batchSubtotal, feeBasis: batchSubtotal, couponCredit: text(b.credit) };
    }),
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
 * The eligible total and the subtotal of each batch, by batch number ascending. An order has few batches:
 * they are gathered in a short list, and in a map once there are more than eight (O(n log n) either way).
 * Each sum is at most the order's subtotal, which the caller checked is a safe integer.
 */
function sumsByBatch(batches: readonly number[], weights: readonly number[], totals: readonly number[]): [batch: number, eligible: number, subtotal: number][] {
  const list: [number, number, number][] = [];
  let map: Map<number, [number, number, number]> | undefined;
  for (let i = 0; i < weights.length; i++) {
    const b = batches[i] ?? 1;
    const w = weights[i] ?? 0;
    const t = totals[i] ?? 0;
    const entry = map ? map.get(b) : list.find((e) => e[0] === b);
    if (entry) {
      entry[1] += w;
      entry[2] += t;
    } else if (map) map.set(b, [b, w, t]);
    else if (list.length < 8) list.push([b, w, t]);
    else {
      map = new Map(list.map((e) => [e[0], e]));
      map.set(b, [b, w, t]);
    }
  }
  return (map ? [...map.values()] : list).sort((a, b) => a[0] - b[0]);
}

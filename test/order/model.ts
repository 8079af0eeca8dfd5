import { Decimal } from 'decimal.js';
import type { QuoteRequest } from '../../src/index.js';
import { roundModel } from '../money/model.js';

// A plain, slow reference of the quote totals, written straight from the rule text with decimal.js.
const D = Decimal.clone({ precision: 200 });
const MODES: Readonly<Record<string, Decimal.Rounding>> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};
const mode = (r: string | undefined): Decimal.Rounding => MODES[r ?? 'half-up'] ?? Decimal.ROUND_HALF_UP;
const MU: Record<string, number> = { USD: 2, EUR: 2, JPY: 0, BHD: 3, CLF: 4 };

export function modelTotals(req: QuoteRequest): {
  subtotal: string;
  eligibleTotal: string;
  appliedPercent: string | null;
  couponCredit: string;
  capped: boolean;
} {
  const mu = MU[req.currency] ?? 2;
  const totals = req.lines.map((l) => new D(l.unitPrice).times(l.quantity).toDecimalPlaces(mu, mode(req.rounding)));
  const subtotal = totals.reduce((a, b) => a.plus(b), new D(0));
  const c = req.coupon;
  const eligible = req.lines.map((l) => {
    if (!c || c.type === 'fixed') return true;
    if (c.itemTypeLimit) {
      const listed = c.itemTypeLimit.itemTypes.includes(l.itemType);
      if (c.itemTypeLimit.mode === 'only' ? !listed : listed) return false;
    }
    return !(c.excludeSaleItems === true && l.onSale === true);
  });
  const eligibleTotal = totals.reduce((a, t, i) => (eligible[i] ? a.plus(t) : a), new D(0));
  let credit = new D(0);
  let capped = false;
  let applied: string | null = null;
  if (c?.type === 'fixed') {
    capped = new D(c.amount).gt(subtotal);
    credit = capped ? subtotal : new D(c.amount);
  } else if (c?.type === 'percent') {
    let p = new D(c.percent);
    for (const t of c.tiers ?? []) if (new D(t.minTotal).lte(eligibleTotal)) p = new D(t.percent);
    applied = p.toString();
    credit = eligibleTotal.times(p).div(100).toDecimalPlaces(mu, mode(req.rounding));
    const max = new D(c.maxDiscount ?? 0);
    if (max.gt(0) && credit.gt(max)) {
      credit = max;
      capped = true;
    }
  }
  return { subtotal: subtotal.toFixed(mu), eligibleTotal: eligibleTotal.toFixed(mu), appliedPercent: applied, couponCredit: credit.toFixed(mu), capped };
}

// A second reference, on bigints only: every figure of a quote that is rounded, from the exact rational value and the
// reference rounding of test/money/model.ts (written from each mode's definition), in any of the five modes.
const scaledOf = (s: string): { units: bigint; scale: bigint } => {
  const [whole = '', fraction = ''] = s.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: 10n ** BigInt(fraction.length) };
};

export interface ReferenceQuote {
  /** In minor units. */
  readonly lineTotals: readonly bigint[];
  /** `unitPrice × quantity` exactly, in minor units: `[numerator, denominator]`. */
  readonly exactLineTotals: readonly (readonly [bigint, bigint])[];
  readonly subtotal: bigint;
  readonly eligibleTotal: bigint;
  readonly uncappedCredit: bigint;
  /** `eligibleTotal × percent / 100` exactly, in minor units (a fixed coupon or none: the uncapped credit over 1). */
  readonly exactCredit: readonly [bigint, bigint];
  readonly couponCredit: bigint;
  readonly capped: boolean;
  readonly batchCredits: readonly { readonly batch: number; readonly credit: bigint }[];
  /** Each batch's subtotal, in minor units: the sum of its lines' rounded totals (also its fee basis). */
  readonly batchSubtotals: readonly { readonly batch: number; readonly subtotal: bigint }[];
}

export function referenceQuote(req: QuoteRequest, minorUnits: number): ReferenceQuote {
  const rounding = req.rounding ?? 'half-up';
  const minor = 10n ** BigInt(minorUnits);
  const c = req.coupon;
  const exactLineTotals = req.lines.map((l) => {
    const p = scaledOf(l.unitPrice);
    return [p.units * BigInt(l.quantity) * minor, p.scale] as const;
  });
  const lineTotals = exactLineTotals.map(([n, d]) => roundModel(n, d, rounding));
  const eligible = req.lines.map((l) => {
    if (c?.type !== 'percent') return true;
    const listed = c.itemTypeLimit?.itemTypes.includes(l.itemType) ?? false;
    if (c.itemTypeLimit?.mode === 'only' && !listed) return false;
    if (c.itemTypeLimit?.mode === 'except' && listed) return false;
    return !(c.excludeSaleItems === true && l.onSale === true);
  });
  const sumOf = (which: (i: number) => boolean) => lineTotals.reduce((a, t, i) => (which(i) ? a + t : a), 0n);
  const creditOf = (e: bigint): { exact: readonly [bigint, bigint]; uncapped: bigint; credit: bigint; capped: boolean } => {
    if (!c) return { exact: [0n, 1n], uncapped: 0n, credit: 0n, capped: false };
    if (c.type === 'fixed') {
      const amount = scaledOf(c.amount).units * (minor / scaledOf(c.amount).scale);
      return { exact: [amount, 1n], uncapped: amount, credit: amount > e ? e : amount, capped: amount > e };
    }
    let percent = c.percent;
    for (const t of c.tiers ?? []) {
      const m = scaledOf(t.minTotal);
      if (m.units * minor <= e * m.scale) percent = t.percent;
    }
    const p = scaledOf(percent);
    const exact = [e * p.units, 100n * p.scale] as const;
    const uncapped = roundModel(exact[0], exact[1], rounding);
    const max = c.maxDiscount === undefined ? 0n : scaledOf(c.maxDiscount).units * (minor / scaledOf(c.maxDiscount).scale);
    const capped = max > 0n && uncapped > max;
    return { exact, uncapped, credit: capped ? max : uncapped, capped };
  };
  const subtotal = sumOf(() => true);
  const eligibleTotal = sumOf((i) => eligible[i] ?? false);
  const whole = creditOf(eligibleTotal);
  const batches = [...new Set(req.lines.map((l) => l.batch ?? 1))].sort((a, b) => a - b);
  let before = 0n;
  const batchCredits = batches.map((batch) => {
    const upTo = creditOf(sumOf((i) => (eligible[i] ?? false) && (req.lines[i]?.batch ?? 1) <= batch)).credit;
    const credit = upTo - before;
    before = upTo;
    return { batch, credit };
  });
  const batchSubtotals = batches.map((batch) => ({ batch, subtotal: sumOf((i) => (req.lines[i]?.batch ?? 1) === batch) }));
  return {
    lineTotals,
    exactLineTotals,
    subtotal,
    eligibleTotal,
    uncappedCredit: whole.uncapped,
    exactCredit: whole.exact,
    couponCredit: whole.credit,
    capped: whole.capped,
    batchCredits,
    batchSubtotals,
  };
}

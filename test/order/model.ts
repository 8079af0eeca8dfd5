import { Decimal } from 'decimal.js';
import type { QuoteRequest } from '../../src/index.js';

// A plain, slow reference of the quote totals, written straight from the rule text with decimal.js.
const D = Decimal.clone({ precision: 200 });
const mode = (r: string | undefined) => (r === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP);
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

// The same quote rule, hand-written on plain JavaScript integers of minor units
// for the benchmark's data only (USD, half-up, unit prices with at most 4
// decimals, every intermediate below 2^53). No validation, no exactness
// beyond that range: it is the floor our exact implementation is measured against.
import type { QuoteRequest } from '../src/index.js';

const SCALE = 4; // decimals of unit prices in the bench data
const POW = 10 ** SCALE;

function parseScaled(s: string, scale: number): number {
  const dot = s.indexOf('.');
  if (dot === -1) return Number(s) * 10 ** scale;
  const frac = s.slice(dot + 1);
  return Number(s.slice(0, dot)) * 10 ** scale + Number(frac.padEnd(scale, '0'));
}

function divHalfUp(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

const fmt = (c: number) => {
  const s = String(c).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};

export function baselineQuote(req: QuoteRequest) {
  const c = req.coupon;
  if (c?.type !== 'percent') throw new Error('baseline covers the bench data: a percentage coupon');
  const n = req.lines.length;
  const totals = new Array<number>(n);
  const weights = new Array<number>(n);
  let subtotal = 0;
  let eligible = 0;
  const only = c.itemTypeLimit?.mode === 'only';
  const types = new Set(c.itemTypeLimit?.itemTypes ?? []);
  for (let i = 0; i < n; i++) {
    const l = req.lines[i]!;
    const t = divHalfUp(parseScaled(l.unitPrice, SCALE) * l.quantity, POW / 100);
    totals[i] = t;
    subtotal += t;
    let ok = c.itemTypeLimit ? types.has(l.itemType) === only : true;
    if (c.excludeSaleItems && l.onSale) ok = false;
    weights[i] = ok ? t : 0;
    if (ok) eligible += t;
  }
  const creditOn = (e: number) => {
    let p = parseScaled(c.percent, 2);
    for (const t of c.tiers ?? []) if (parseScaled(t.minTotal, 2) <= e) p = parseScaled(t.percent, 2);
    const raw = divHalfUp(e * p, 10000);
    const max = parseScaled(c.maxDiscount ?? '0', 2);
    return max > 0 && raw > max ? max : raw;
  };
  const credit = creditOn(eligible);
  // largest remainder
  const shares = new Array<number>(n);
  const rems = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = credit * weights[i]!;
    const q = eligible === 0 ? 0 : Math.floor(p / eligible);
    shares[i] = q;
    rems[i] = p - q * eligible;
    given += q;
  }
  let left = credit - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rems[b]! - rems[a]! || a - b);
    for (const i of order) {
      if (left === 0) break;
      shares[i]!++;
      left--;
    }
  }
  const byBatch = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const b = req.lines[i]!.batch ?? 1;
    byBatch.set(b, (byBatch.get(b) ?? 0) + weights[i]!);
  }
  let prefix = 0;
  let before = 0;
  const batches = [...byBatch.keys()]
    .sort((a, b) => a - b)
    .map((batch) => {
      prefix += byBatch.get(batch)!;
      const upTo = creditOn(prefix);
      const part = upTo - before;
      before = upTo;
      return { batch, couponCredit: fmt(part) };
    });
  const seller = parseScaled(req.sellerCredit ?? '0', 2);
  let charges = 0;
  for (const v of Object.values(req.charges ?? {})) charges += parseScaled(v, 2);
  return {
    subtotal: fmt(subtotal),
    eligibleTotal: fmt(eligible),
    couponCredit: fmt(credit),
    totalCredit: fmt(credit + seller),
    grandTotal: fmt(subtotal + charges - credit - seller),
    feeBasis: fmt(subtotal),
    lines: req.lines.map((l, i) => ({
      id: l.id,
      lineTotal: fmt(totals[i]!),
      eligible: weights[i]! > 0 || totals[i] === 0,
      couponCredit: fmt(shares[i]!),
      net: fmt(totals[i]! - shares[i]!),
    })),
    batches,
  };
}

import { formatMoney, money as moneyOf } from '../money/money.js';
import { quoteCoupon } from '../order/compute.js';
import type { Quote, QuoteRequest } from '../order/types.js';
import { termsText } from './format-common.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const REASONS = { ITEM_TYPE_NOT_IN_LIMIT: 'item type not in limit', ITEM_TYPE_EXCLUDED: 'item type excluded', ON_SALE: 'on sale' } as const;

/** A readable breakdown of a quote, for people. */
export function formatQuote(request: QuoteRequest, q: Quote): string {
  const out: string[] = [];
  out.push(`Quote in ${request.currency} (rounding ${request.rounding ?? 'half-up'})`);
  out.push(request.coupon ? `Coupon: ${termsText(request.coupon)}` : 'Coupon: none');
  out.push('');
  const rows = request.lines.map((l, i) => {
    const ql = q.lines[i];
    const why = q.explain.lines[i]?.reasons.map((r) => REASONS[r]).join(', ') ?? '';
    return [
      l.id,
      l.itemType,
      `${l.unitPrice} × ${String(l.quantity)}`,
      String(l.batch ?? 1),
      ql?.lineTotal ?? '',
      ql?.eligible ? ql.couponCredit : `— (${why})`,
      ql?.net ?? '',
    ];
  });
  const head = ['line', 'item type', 'unit price × qty', 'batch', 'total', 'coupon share', 'net'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const right = new Set([3, 4, 5, 6]);
  const row = (cells: string[]) => `  ${cells.map((cell, i) => (right.has(i) ? lpad(cell, widths[i] ?? 0) : pad(cell, widths[i] ?? 0))).join('  ')}`.trimEnd();
  out.push(row(head));
  for (const r of rows) out.push(row(r));
  out.push('');
  const money: [string, string][] = [
    ['Subtotal', q.subtotal],
    ['Eligible total', q.eligibleTotal],
  ];
  if (q.appliedPercent !== null) {
    const t = q.explain.tier;
    money.push(['Applied percent', `${q.appliedPercent}%${t ? ` (tier ${String(t.index + 1)}: from ${t.minTotal})` : ' (base)'}`]);
  }
  money.push(['Coupon credit', `${q.couponCredit}${q.capped ? ` (capped; uncapped ${q.explain.uncappedCredit})` : ''}`]);
  money.push(['Seller credit', q.sellerCredit], ['Total credit', q.totalCredit]);
  for (const [name, amount] of Object.entries(request.charges ?? {})) money.push([`Charge: ${name}`, formatMoney(moneyOf(amount, request.currency))]);
  money.push(['Grand total', q.grandTotal], ['Fee basis (before coupon)', q.feeBasis]);
  const w = Math.max(...money.map(([k]) => k.length));
  for (const [k, v] of money) out.push(`${pad(k, w)}  ${v}`);
  if (q.batches.length > 1) {
    // Each batch's fee basis is its subtotal before any credit; charges belong to the order, not to a batch.
    out.push('', 'By batch (charges belong to the order, not to a batch):');
    const head = ['batch', 'subtotal', 'fee basis', 'coupon credit'];
    const cells = q.batches.map((b) => [String(b.batch), b.subtotal, b.feeBasis, b.couponCredit]);
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
    for (const r of [head, ...cells]) out.push(`  ${r.map((cell, i) => lpad(cell, widths[i] ?? 0)).join('  ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** The breakdown of a quote request the library accepted (its `op` left out or `quote`). */
export function quoteBreakdown(request: QuoteRequest & { readonly op?: string }): string {
  const { op: _op, ...tsRequest } = request;
  const q = quoteCoupon(tsRequest);
  // Cannot fail: the wire answer to the same request was ok. The explanation of each line needs the TypeScript quote.
  return q.ok ? formatQuote(tsRequest, q.value) : '';
}

import { formatMoney, money as moneyOf } from '../money/money.js';
import type { Quote, QuoteRequest } from '../order/types.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const REASONS = { ITEM_TYPE_NOT_IN_LIMIT: 'item type not in limit', ITEM_TYPE_EXCLUDED: 'item type excluded', ON_SALE: 'on sale' } as const;

/** A readable breakdown of a quote, for people. */
export function formatQuote(request: QuoteRequest, q: Quote): string {
  const out: string[] = [];
  const c = request.coupon;
  out.push(`Quote in ${request.currency} (rounding ${request.rounding ?? 'half-up'})`);
  if (!c) out.push('Coupon: none');
  else if (c.type === 'fixed') out.push(`Coupon: fixed amount off order total, ${c.amount}`);
  else {
    const parts = [`${c.percent}% off`];
    if (c.tiers?.length) parts.push(`tiers ${c.tiers.map((t) => `${t.percent}% from ${t.minTotal}`).join(', ')}`);
    if (c.maxDiscount !== undefined && !/^0(\.0+)?$/.test(c.maxDiscount)) parts.push(`maximum discount ${c.maxDiscount}`);
    if (c.itemTypeLimit) parts.push(`${c.itemTypeLimit.mode === 'only' ? 'only' : 'all except'} ${c.itemTypeLimit.itemTypes.join(', ')}`);
    if (c.excludeSaleItems === true) parts.push('sale items excluded');
    out.push(`Coupon: percentage off order total: ${parts.join('; ')}`);
  }
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
    out.push('', 'Coupon credit by batch:');
    for (const b of q.batches) out.push(`  batch ${String(b.batch)}: ${b.couponCredit}`);
  }
  return `${out.join('\n')}\n`;
}

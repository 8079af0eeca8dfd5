import { EVIDENCE_REASONS } from '../contract/index.js';
import type { InputReader } from '../input.js';
import type { Currency } from '../money/currency.js';
import { divRound } from '../money/integer.js';
import { formatMinor, pow10 } from '../money/parse.js';
import { joinPath } from '../result.js';
import { endOfLocalDate } from '../time/dates.js';
import { deadlineAfter } from './policy.js';
import type { ClaimedLine, DisputeReason, ParsedDispute, ParsedDisputeEvent, ParsedOrder, ParsedOrderLine } from './types.js';

/** @internal The reasons a claim must back with evidence, when opened and after every change. */
export const NEEDS_EVIDENCE: ReadonlySet<DisputeReason> = new Set(EVIDENCE_REASONS);

/** @internal The cap of a claim: what remains of the payment, and at most the claimed units' net value. */
export function claimCap(order: ParsedOrder, lines: readonly ClaimedLine[] | null, r: InputReader, path: string): bigint | undefined {
  if (!lines) return order.remaining;
  let net = 0n;
  let bad = false;
  const seen = new Set<string>();
  for (const [i, l] of lines.entries()) {
    const p = joinPath(joinPath(path, 'lines'), i);
    const line = order.lines.get(l.id);
    if (seen.has(l.id)) {
      r.error('DUPLICATE_LINE', joinPath(p, 'id'), `line ${l.id} is claimed twice`);
      bad = true;
    }
    seen.add(l.id);
    if (!line) {
      r.error('UNKNOWN_LINE', joinPath(p, 'id'), `the order has no line ${l.id}`);
      bad = true;
    } else if (l.quantity > line.quantity) {
      r.error('LINE_QUANTITY_EXCEEDED', joinPath(p, 'quantity'), `line ${l.id} has ${String(line.quantity)} units, not ${String(l.quantity)}`);
      bad = true;
    } else net += unitsCap(line, l.quantity, order);
  }
  if (bad) return undefined;
  return net < order.remaining ? net : order.remaining;
}

/**
 * @internal The refund cap of `k` of a line's units: the line's net (after its coupon share) in
 * proportion, `net × k / quantity` rounded with the order's rounding mode, and never more than the
 * units' own list value (what `k` units would cost as a line of their own: unit price × k, rounded
 * the same way). All the units give exactly the line's net.
 */
export function unitsCap(line: ParsedOrderLine, k: number, order: Pick<ParsedOrder, 'currency' | 'rounding'>): bigint {
  if (k === line.quantity) return line.net;
  const share = divRound(line.net * BigInt(k), BigInt(line.quantity), order.rounding);
  const minor = order.currency.minorUnits;
  const product = line.price.units * BigInt(k);
  const list = line.price.scale <= minor ? product * pow10(minor - line.price.scale) : divRound(product, pow10(line.price.scale - minor), order.rounding);
  return share < list ? share : list;
}

/** @internal The rules of the opening: the request window, shipping and receipt, late delivery, evidence. */
export function checkOpening(r: InputReader, e: Extract<ParsedDisputeEvent, { type: 'opened' }>, d: ParsedDispute, p: string): void {
  const { order, policy } = d;
  const confirmed = order.receiptConfirmedAt !== null && e.at >= order.receiptConfirmedAt;
  if (confirmed) {
    const window = deadlineAfter(order.receiptConfirmedAt, policy.requestWindowDays, policy);
    if (e.at >= window.endsAt)
      r.error(
        'WINDOW_CLOSED',
        p,
        `the request window closed at the end of ${window.date} (${String(policy.requestWindowDays)} days after receipt was confirmed)`,
      );
    if (e.reason === 'NOT_RECEIVED')
      r.error('RECEIPT_CONFIRMED', joinPath(p, 'reason'), 'the buyer has confirmed receipt: the order cannot be claimed as not received');
  } else {
    if (order.shippedAt === null || e.at < order.shippedAt)
      r.error('NOT_SHIPPED', p, 'before receipt is confirmed, a dispute may be opened only once the order has shipped');
    if (e.reason === 'NOT_RECEIVED') {
      const due = order.expectedDeliveryBy === null ? null : endOfLocalDate(order.expectedDeliveryBy, policy.timeZone);
      if (due === null || e.at < due)
        r.error('DELIVERY_NOT_DUE', joinPath(p, 'reason'), 'an order may be claimed as not received only after its expected delivery date has passed');
    }
  }
  if (e.reason === 'LATE_DELIVERY') {
    const rp = joinPath(p, 'reason');
    if (!confirmed) r.error('RECEIPT_NOT_CONFIRMED', rp, 'an order may be claimed as late only once its receipt is confirmed');
    else if (order.expectedDeliveryBy === null) r.error('NO_DELIVERY_DATE', rp, 'no delivery date was promised, so the order cannot have arrived late');
    else if (order.receiptConfirmedAt < endOfLocalDate(order.expectedDeliveryBy, policy.timeZone)) {
      r.error('DELIVERED_ON_TIME', rp, `receipt was confirmed by the end of the expected delivery date ${order.expectedDeliveryBy}: the order was not late`);
    }
  }
  if (NEEDS_EVIDENCE.has(e.reason) && e.evidence.length === 0)
    r.error('EVIDENCE_REQUIRED', joinPath(p, 'evidence'), `a ${e.reason} claim needs at least one piece of evidence`);
}

/** `cap` is undefined when the claim's lines were refused: the amount is still checked to be above zero. */
export function checkAmount(r: InputReader, amount: bigint, cap: bigint | undefined, path: string, currency: Currency, allowZero = false): boolean {
  const fmt = (v: bigint) => formatMinor(v, currency.minorUnits);
  if (amount === 0n && !allowZero) {
    r.error('AMOUNT_NOT_POSITIVE', path, 'the amount must be above zero');
    return false;
  }
  if (cap !== undefined && amount > cap) {
    r.error('AMOUNT_EXCEEDS_REFUNDABLE', path, `${fmt(amount)} is more than the ${fmt(cap)} that may be refunded on this claim`);
    return false;
  }
  return true;
}

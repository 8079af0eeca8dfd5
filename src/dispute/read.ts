import { DISPUTE_EVENT_TYPES, DISPUTE_REASONS, FIELD_NAMES } from '../contract/index.js';
import { readMinor } from '../coupon/terms.js';
import type { InputReader } from '../input.js';
import { MAX_UNIT_PRICE_DECIMALS } from '../money/bounds.js';
import type { Currency } from '../money/currency.js';
import { formatMinor, parseDecimalInput, scaledOf } from '../money/parse.js';
import type { RoundingMode } from '../money/rounding.js';
import { computeQuote } from '../order/compute.js';
import { readQuoteRequest } from '../order/read.js';
import { assertNever, joinPath, nestPath } from '../result.js';
import { readInstant, readLocalDate, readRequiredInstant } from '../time/read.js';
import { readPolicy } from './policy.js';
import type { ClaimedLine, DisputeReason, ParsedDispute, ParsedDisputeEvent, ParsedOrder, ParsedOrderLine } from './types.js';

const REASONS: readonly DisputeReason[] = DISPUTE_REASONS;

const minorOfText = (s: string): bigint => BigInt(s.replace('.', ''));

/** Reads the order. Its currency comes back even when another field is refused, so that event amounts are still checked against it. */
function readOrder(r: InputReader, value: unknown, path: string, allowOp: boolean): { readonly currency?: Currency | undefined; readonly order?: ParsedOrder } {
  const o = r.object(value, path, FIELD_NAMES.disputeOrder);
  if (!o) return {};
  const before = r.count;
  const qp = joinPath(path, 'quote');
  const rawQuote = r.required(o, 'quote', path);
  let currency: Currency | undefined;
  let paid = 0n;
  let rounding: RoundingMode = 'half-up';
  const lines = new Map<string, ParsedOrderLine>();
  if (rawQuote !== undefined) {
    if (allowOp && typeof rawQuote === 'object' && rawQuote !== null && !Array.isArray(rawQuote)) {
      // On the wire the order carries a whole quote request, "op" included.
      const op = Object.hasOwn(rawQuote, 'op') ? (rawQuote as { op?: unknown }).op : undefined;
      if (op === undefined) r.error('REQUIRED', joinPath(qp, 'op'), 'the order quote is a whole quote request: "op": "quote"');
      else if (op !== 'quote') r.error('UNKNOWN_OP', joinPath(qp, 'op'), 'the order quote is a quote request: "op" is "quote"');
    }
    const parsed = readQuoteRequest(rawQuote, allowOp ? ['op'] : []);
    const quote = parsed.ok ? computeQuote(parsed.value) : parsed;
    if (!quote.ok) r.absorb(quote.errors.map((e) => ({ ...e, path: nestPath(qp, e.path) })));
    else if (parsed.ok) {
      currency = parsed.value.currency;
      rounding = parsed.value.rounding;
      paid = minorOfText(quote.value.grandTotal);
      // The quote read the unit prices: each is a valid decimal string of the request's line.
      const rawLines = (rawQuote as { lines: readonly { unitPrice: string }[] }).lines;
      parsed.value.ids.forEach((id, i) => {
        const l = quote.value.lines[i];
        const price = parseDecimalInput(
          rawLines[i]?.unitPrice,
          { maxDecimals: MAX_UNIT_PRICE_DECIMALS, allowNegative: false, currencyCode: 'unit prices' },
          '',
        ).value;
        if (l && price) lines.set(id, { quantity: parsed.value.quantities[i] ?? 0, net: minorOfText(l.net), price: scaledOf(price) });
      });
    }
  }
  const rawRefunded = r.field(o, 'refunded');
  const refunded = rawRefunded === undefined || !currency ? 0n : readMinor(r, rawRefunded, joinPath(path, 'refunded'), currency);
  if (refunded !== undefined && refunded > paid && currency)
    r.error(
      'REFUNDED_EXCEEDS_PAID',
      joinPath(path, 'refunded'),
      `${formatMinor(refunded, currency.minorUnits)} was refunded, more than the ${formatMinor(paid, currency.minorUnits)} paid`,
    );
  const instantOrNull = (key: string) => {
    const raw = r.field(o, key);
    return raw === undefined || raw === null ? null : (readInstant(r, raw, joinPath(path, key)) ?? null);
  };
  const shippedAt = instantOrNull('shippedAt');
  const receiptConfirmedAt = instantOrNull('receiptConfirmedAt');
  const rawExpected = r.field(o, 'expectedDeliveryBy');
  const expectedDeliveryBy =
    rawExpected === undefined || rawExpected === null ? null : (readLocalDate(r, rawExpected, joinPath(path, 'expectedDeliveryBy')) ?? null);
  if (r.count > before || !currency || refunded === undefined) return { currency };
  return { currency, order: { currency, remaining: paid - refunded, rounding, lines, shippedAt, receiptConfirmedAt, expectedDeliveryBy } };
}

function readClaimLines(r: InputReader, value: unknown, path: string): ClaimedLine[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  if (list.length === 0) r.error('EMPTY_LINES', path, 'a claim that names lines names at least one');
  const out: ClaimedLine[] = [];
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const o = r.object(raw, p, FIELD_NAMES.claimedLine);
    if (!o) return;
    const id = r.nonEmptyString(r.required(o, 'id', p), joinPath(p, 'id'));
    const quantity = r.integer(r.required(o, 'quantity', p), joinPath(p, 'quantity'), 1, 1_000_000_000, 'INVALID_QUANTITY', 'a quantity');
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a missing id or quantity was reported, so readDisputeEvents returns undefined and the list is never used
    if (id !== undefined && quantity !== undefined) out.push({ id, quantity });
  });
  return out;
}

function readEvidence(r: InputReader, value: unknown, path: string): string[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((e, i) => {
    const s = r.nonEmptyString(e, joinPath(path, i));
    if (s !== undefined) out.push(s);
  });
  return out;
}

const EVENT_KEYS = Object.fromEntries(DISPUTE_EVENT_TYPES.map((type) => [type, FIELD_NAMES[type]])) as Record<ParsedDisputeEvent['type'], readonly string[]>;

/** @internal Reads dispute events (shape only). */
export function readDisputeEvents(r: InputReader, value: unknown, path: string, currency: Currency | undefined): ParsedDisputeEvent[] | undefined {
  const list = r.array(value, path);
  if (!list) return undefined;
  const before = r.count;
  const out: ParsedDisputeEvent[] = [];
  const money = currency ?? { code: 'the order currency', minorUnits: 12 };
  list.forEach((raw, i) => {
    const p = joinPath(path, i);
    const type = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'type') ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(EVENT_KEYS, type)) {
      r.error(type === undefined ? 'REQUIRED' : 'INVALID_EVENT_TYPE', joinPath(p, 'type'), `"type" is one of ${Object.keys(EVENT_KEYS).join(', ')}`);
      return;
    }
    const t = type as ParsedDisputeEvent['type'];
    const o = r.object(raw, p, EVENT_KEYS[t]);
    if (!o) return;
    const at = readRequiredInstant(r, o, 'at', p);
    const amount = () => {
      const a = r.required(o, 'amount', p);
      return a === undefined ? undefined : readMinor(r, a, joinPath(p, 'amount'), money);
    };
    const optional = <T>(key: string, read: (v: unknown, path: string) => T | undefined): T | null | undefined => {
      const v = r.field(o, key);
      return v === undefined ? null : read(v, joinPath(p, key));
    };
    switch (t) {
      case 'opened': {
        const rawReason = r.required(o, 'reason', p);
        const reason = REASONS.find((x) => x === rawReason);
        if (rawReason !== undefined && !reason) r.error('INVALID_ENUM', joinPath(p, 'reason'), `"reason" is one of ${REASONS.join(', ')}`);
        const a = amount();
        const lines = optional('lines', (v, q) => readClaimLines(r, v, q));
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        optional('description', (v, q) => r.string(v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && reason && a !== undefined && lines !== undefined && evidence !== undefined)
          out.push({ type: t, at, reason, amount: a, lines, evidence: evidence ?? [] });
        return;
      }
      case 'claim-changed': {
        const a = amount();
        const lines = optional('lines', (v, q) => readClaimLines(r, v, q));
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && a !== undefined && lines !== undefined && evidence !== undefined) out.push({ type: t, at, amount: a, lines, evidence });
        return;
      }
      case 'seller-countered': {
        const a = amount();
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && a !== undefined && evidence !== undefined) out.push({ type: t, at, amount: a, evidence: evidence ?? [] });
        return;
      }
      case 'ruled': {
        const a = amount();
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && a !== undefined) out.push({ type: t, at, amount: a });
        return;
      }
      case 'escalated': {
        const by = r.required(o, 'by', p);
        if (by !== undefined && by !== 'buyer' && by !== 'seller') r.error('INVALID_ENUM', joinPath(p, 'by'), '"by" is "buyer" or "seller"');
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        optional('note', (v, q) => r.string(v, q));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: each missing or invalid field was reported, so readDisputeEvents returns undefined and the pushed event is never used
        if (at !== undefined && (by === 'buyer' || by === 'seller') && evidence !== undefined) out.push({ type: t, at, by, evidence: evidence ?? [] });
        return;
      }
      case 'seller-disagreed': {
        optional('note', (v, q) => r.string(v, q));
        const evidence = optional('evidence', (v, q) => readEvidence(r, v, q));
        if (at !== undefined && evidence !== undefined) out.push({ type: t, at, evidence: evidence ?? [] });
        return;
      }
      case 'cancelled':
      case 'seller-agreed':
      case 'buyer-accepted':
      case 'buyer-declined':
        if (at !== undefined) out.push({ type: t, at });
        return;
      default:
        assertNever(t);
    }
  });
  return r.count > before ? undefined : out;
}

/** @internal Reads a whole dispute. `allowOp`: the order quote may carry `"op": "quote"` (the wire form). */
export function readDispute(r: InputReader, policy: unknown, order: unknown, events: unknown, allowOp: boolean): ParsedDispute | undefined {
  const p = readPolicy(r, policy, 'policy');
  const read = order === undefined ? (r.error('REQUIRED', 'order', '"order" is required'), {}) : readOrder(r, order, 'order', allowOp);
  const o = read.order;
  const e = events === undefined ? (r.error('REQUIRED', 'events', '"events" is required'), undefined) : readDisputeEvents(r, events, 'events', read.currency);
  return p && o && e && r.count === 0 ? { policy: p, order: o, events: e } : undefined;
}

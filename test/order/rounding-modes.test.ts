import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OrderLine, QUOTE_ROUNDINGS, type Quote, type QuoteRequest, type QuoteRounding, findCurrency, quoteCoupon } from '../../src/index.js';
import { computeQuote } from '../../src/order/compute.js';
import { readQuoteRequest } from '../../src/order/read.js';
import { quoteRequestArb } from '../arbitraries.js';
import { unwrap } from '../helpers.js';
import { referenceQuote } from './model.js';

// The quote's `rounding`: the five modes of the money layer, applied wherever the quote rounds — each line total
// (unit price × quantity) and the percentage credit, so also the cap test and every batch's credit. The split of the
// credit over the lines is a largest-remainder split of a whole number of minor units: it does not round.

const line = (id: string, itemType: string, unitPrice: string, quantity = 1, batch = 1): OrderLine => ({ id, itemType, unitPrice, quantity, batch });
const quote = (req: QuoteRequest): Quote => unwrap(quoteCoupon(req));
const inEvery = <T>(f: (rounding: QuoteRounding) => T): Record<QuoteRounding, T> =>
  Object.fromEntries(QUOTE_ROUNDINGS.map((m) => [m, f(m)])) as Record<QuoteRounding, T>;
const minorOf = (amount: string) => BigInt(amount.replace('.', ''));

describe('the rounding modes of a quote, in the words of the shops that use them', () => {
  it('accepts all five modes, and rounds half-up when the request names none', () => {
    expect(QUOTE_ROUNDINGS).toEqual(['half-up', 'half-even', 'half-down', 'down', 'up']);
    const lines = [line('a', 'Part', '0.0125', 2)]; // 0.025
    expect(quote({ currency: 'USD', lines }).subtotal).toBe(quote({ currency: 'USD', rounding: 'half-up', lines }).subtotal);
    expect(quote({ currency: 'USD', lines }).subtotal).toBe('0.03');
  });

  it('EC-CUBE truncates: 10% of a 4,556 yen order is 455.6 yen, 455 with down and 456 half-up', () => {
    const credit = inEvery(
      (rounding) => quote({ currency: 'JPY', rounding, lines: [line('a', 'Set', '4556')], coupon: { type: 'percent', percent: '10' } }).couponCredit,
    );
    expect(credit).toEqual({ 'half-up': '456', 'half-even': '456', 'half-down': '456', down: '455', up: '456' });
  });

  it('EC-CUBE truncates line totals too: 10 units at 45.56 yen are 455.6 yen, 455 with down and 456 half-up', () => {
    const total = inEvery((rounding) => quote({ currency: 'JPY', rounding, lines: [line('a', 'Part', '45.56', 10)] }).lines[0]?.lineTotal);
    expect(total).toEqual({ 'half-up': '456', 'half-even': '456', 'half-down': '456', down: '455', up: '456' });
  });

  it('WooCommerce rounds a tie half-down: 10% of 0.25 is 0.025 → 0.02 (half-up 0.03, half-even 0.02); of 0.35 is 0.035 → 0.03 (half-even 0.04)', () => {
    const credit = (unitPrice: string) =>
      inEvery(
        (rounding) => quote({ currency: 'USD', rounding, lines: [line('a', 'Set', unitPrice)], coupon: { type: 'percent', percent: '10' } }).couponCredit,
      );
    expect(credit('0.25')).toEqual({ 'half-up': '0.03', 'half-even': '0.02', 'half-down': '0.02', down: '0.02', up: '0.03' });
    expect(credit('0.35')).toEqual({ 'half-up': '0.04', 'half-even': '0.04', 'half-down': '0.03', down: '0.03', up: '0.04' });
  });

  it('half-down is not truncation: off a tie it goes to the nearest, as half-up does (0.0252 → 0.03, 0.0248 → 0.02)', () => {
    const totals = inEvery((rounding) =>
      quote({ currency: 'USD', rounding, lines: [line('a', 'Part', '0.0126', 2), line('b', 'Part', '0.0124', 2)] }).lines.map((l) => l.lineTotal),
    );
    expect(totals).toEqual({
      'half-up': ['0.03', '0.02'],
      'half-even': ['0.03', '0.02'],
      'half-down': ['0.03', '0.02'],
      down: ['0.02', '0.02'],
      up: ['0.03', '0.03'],
    });
  });

  it('rounds each line total once with the mode, in 0-, 2- and 3-decimal currencies', () => {
    // 0.025 and 0.075; 1000.5 and 1001.5 yen; 0.0005 and 0.0015 dinar
    const totals = (currency: string, lines: OrderLine[]) => inEvery((rounding) => quote({ currency, rounding, lines }).lines.map((l) => l.lineTotal));
    expect(totals('USD', [line('a', 'Part', '0.0125', 2), line('b', 'Part', '0.0375', 2)])).toEqual({
      'half-up': ['0.03', '0.08'],
      'half-even': ['0.02', '0.08'],
      'half-down': ['0.02', '0.07'],
      down: ['0.02', '0.07'],
      up: ['0.03', '0.08'],
    });
    expect(totals('JPY', [line('a', 'Set', '1000.5'), line('b', 'Set', '1001.5')])).toEqual({
      'half-up': ['1001', '1002'],
      'half-even': ['1000', '1002'],
      'half-down': ['1000', '1001'],
      down: ['1000', '1001'],
      up: ['1001', '1002'],
    });
    expect(totals('BHD', [line('a', 'Set', '0.0005'), line('b', 'Set', '0.0005', 3)])).toEqual({
      'half-up': ['0.001', '0.002'],
      'half-even': ['0.000', '0.002'],
      'half-down': ['0.000', '0.001'],
      down: ['0.000', '0.001'],
      up: ['0.001', '0.002'],
    });
  });

  it('decides the cap on the rounded credit: 10% of 45.55 is 4.555, capped at 4.55 only where the mode rounds it up', () => {
    const outcome = inEvery((rounding) => {
      const q = quote({ currency: 'USD', rounding, lines: [line('a', 'Set', '45.55')], coupon: { type: 'percent', percent: '10', maxDiscount: '4.55' } });
      return [q.explain.uncappedCredit, q.couponCredit, q.capped];
    });
    expect(outcome).toEqual({
      'half-up': ['4.56', '4.55', true],
      'half-even': ['4.56', '4.55', true],
      'half-down': ['4.55', '4.55', false],
      down: ['4.55', '4.55', false],
      up: ['4.56', '4.55', true],
    });
  });

  it('measures a tier on the rounded eligible total: 10,000 parts at 0.0024995 are 24.995, which reaches a 25.00 tier only where the mode rounds it up', () => {
    const coupon = { type: 'percent' as const, percent: '10', tiers: [{ minTotal: '25.00', percent: '20' }] };
    const applied = inEvery((rounding) => {
      const q = quote({ currency: 'USD', rounding, lines: [line('a', 'Part', '0.0024995', 10_000)], coupon });
      return [q.eligibleTotal, q.appliedPercent, q.couponCredit];
    });
    // 10% of 24.99 is 2.499: to the nearest 2.50, truncated 2.49
    expect(applied).toEqual({
      'half-up': ['25.00', '20', '5.00'],
      'half-even': ['25.00', '20', '5.00'],
      'half-down': ['24.99', '10', '2.50'],
      down: ['24.99', '10', '2.49'],
      up: ['25.00', '20', '5.00'],
    });
  });

  it('rounds every batch credit with the mode: the order credit with the batch minus the credit before it', () => {
    const batches = inEvery((rounding) =>
      quote({
        currency: 'JPY',
        rounding,
        lines: [line('a', 'Set', '4556', 1, 1), line('b', 'Set', '4556', 1, 2)],
        coupon: { type: 'percent', percent: '10' },
      }).batches.map((b) => b.couponCredit),
    );
    // 455.6 then 911.2 in all: down 455 and 911 - 455; half-up 456 and 911 - 456
    expect(batches).toEqual({
      'half-up': ['456', '455'],
      'half-even': ['456', '455'],
      'half-down': ['456', '455'],
      down: ['455', '456'],
      up: ['456', '456'],
    });
  });

  it('splits the credit over the lines by largest remainder whatever the mode: the shares always add up to the credit', () => {
    const lines = [line('a', 'Set', '1.00'), line('b', 'Set', '1.00'), line('c', 'Set', '1.00')];
    const shares = inEvery((rounding) =>
      quote({ currency: 'USD', rounding, lines, coupon: { type: 'fixed', amount: '1.00' } }).lines.map((l) => l.couponCredit),
    );
    for (const s of Object.values(shares)) expect(s).toEqual(['0.34', '0.33', '0.33']);
  });
});

// Generated requests, quoted in one mode at a time.
const inMode = (req: QuoteRequest, rounding: QuoteRounding): QuoteRequest => ({ ...req, rounding });
const requestArb = quoteRequestArb;

describe.each(QUOTE_ROUNDINGS)('a quote rounded %s', (rounding) => {
  it('gives every rounded figure the bigint reference gives: line totals, subtotal, eligible total, credit, cap, batch credits, subtotals and fee bases', () => {
    fc.assert(
      fc.property(requestArb, (generated) => {
        const req = inMode(generated, rounding);
        const r = quoteCoupon(req);
        fc.pre(r.ok); // a seller credit above the order
        const q = r.value;
        const ref = referenceQuote(req, findCurrency(req.currency)?.minorUnits ?? 2);
        expect(q.lines.map((l) => minorOf(l.lineTotal))).toEqual(ref.lineTotals);
        expect(minorOf(q.subtotal)).toBe(ref.subtotal);
        expect(minorOf(q.eligibleTotal)).toBe(ref.eligibleTotal);
        expect(minorOf(q.explain.uncappedCredit)).toBe(ref.uncappedCredit);
        expect(minorOf(q.couponCredit)).toBe(ref.couponCredit);
        expect(q.capped).toBe(ref.capped);
        expect(q.batches.map((b) => ({ batch: b.batch, credit: minorOf(b.couponCredit) }))).toEqual(ref.batchCredits);
        expect(q.batches.map((b) => ({ batch: b.batch, subtotal: minorOf(b.subtotal) }))).toEqual(ref.batchSubtotals);
        expect(q.batches.map((b) => ({ batch: b.batch, subtotal: minorOf(b.feeBasis) }))).toEqual(ref.batchSubtotals);
      }),
    );
  });

  it('keeps each line total and the uncapped percentage credit within one minor unit of the exact value (half a unit for a half-* mode)', () => {
    fc.assert(
      fc.property(requestArb, (generated) => {
        const req = inMode(generated, rounding);
        const r = quoteCoupon(req);
        fc.pre(r.ok);
        const ref = referenceQuote(req, findCurrency(req.currency)?.minorUnits ?? 2);
        const pairs: [bigint, readonly [bigint, bigint]][] = r.value.lines.map((l, i) => [minorOf(l.lineTotal), ref.exactLineTotals[i] ?? [0n, 1n]]);
        if (req.coupon?.type === 'percent') pairs.push([minorOf(r.value.explain.uncappedCredit), ref.exactCredit]);
        for (const [rounded, [n, d]] of pairs) {
          const error = rounded * d - n; // d × (rounded − exact)
          expect(-d < error && error < d).toBe(true);
          if (rounding.startsWith('half-')) expect(2n * error <= d && -2n * error <= d).toBe(true);
          if (rounding === 'down') expect(error <= 0n).toBe(true);
          if (rounding === 'up') expect(error >= 0n).toBe(true);
        }
      }),
    );
  });

  it('writes every amount in whole minor units of the currency', () => {
    fc.assert(
      fc.property(requestArb, (generated) => {
        const req = inMode(generated, rounding);
        const r = quoteCoupon(req);
        fc.pre(r.ok);
        const mu = findCurrency(req.currency)?.minorUnits ?? 2;
        const whole = new RegExp(mu === 0 ? '^\\d+$' : `^\\d+\\.\\d{${String(mu)}}$`, 'u');
        const q = r.value;
        const amounts = [
          q.subtotal,
          q.eligibleTotal,
          q.couponCredit,
          q.sellerCredit,
          q.totalCredit,
          q.grandTotal,
          q.feeBasis,
          q.explain.uncappedCredit,
          q.explain.chargesTotal,
          ...q.lines.flatMap((l) => [l.lineTotal, l.couponCredit, l.net]),
          ...q.batches.map((b) => b.couponCredit),
        ];
        for (const a of amounts) expect(a).toMatch(whole);
      }),
    );
  });

  it('answers the same on the fast paths (fast line reader, safe integers) and the general one (full reader, bigints)', () => {
    // Padding a unit price with zeros past 15 digits changes nothing but the path: the fast reader and the safe
    // integers give up on it, so every line total is read by the full reader with bigint rounding, and the quote is
    // computed on bigints.
    const pad = (price: string) => `${price}${price.includes('.') ? '' : '.'}${'0'.repeat(16)}`;
    fc.assert(
      fc.property(requestArb, (generated) => {
        const req = inMode(generated, rounding);
        const fast = readQuoteRequest(req);
        fc.pre(fast.ok);
        expect(fast.value.lineTotals.safe).toBe(true);
        const general = unwrap(readQuoteRequest({ ...req, lines: req.lines.map((l) => ({ ...l, unitPrice: pad(l.unitPrice) })) }));
        expect(general.lineTotals.safe).toBe(false);
        expect(general.lineTotals.values).toEqual(fast.value.lineTotals.values.map((v) => BigInt(v)));
        expect(computeQuote(general)).toEqual(computeQuote(fast.value));
      }),
    );
  });
});

describe('the five modes on one order', () => {
  it('order every rounded figure: down ≤ half-down ≤ half-even ≤ half-up ≤ up', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const quotes = QUOTE_ROUNDINGS.map((m) => quoteCoupon({ ...req, rounding: m, sellerCredit: '0' }));
        const q = quotes.flatMap((r) => (r.ok ? [r.value] : []));
        expect(q).toHaveLength(5);
        const [halfUp, halfEven, halfDown, down, up] = q as [Quote, Quote, Quote, Quote, Quote];
        const chain = [down, halfDown, halfEven, halfUp, up];
        const figures = (x: Quote) => [x.subtotal, x.eligibleTotal, x.explain.uncappedCredit, x.couponCredit, ...x.lines.map((l) => l.lineTotal)].map(minorOf);
        for (let i = 1; i < chain.length; i++) {
          const lower = figures(chain[i - 1] as Quote);
          const higher = figures(chain[i] as Quote);
          lower.forEach((v, j) => {
            expect(v <= (higher[j] ?? -1n)).toBe(true);
          });
        }
      }),
    );
  });

  it('give the same line total in the three half-* modes unless the exact total is a tie', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const mu = findCurrency(req.currency)?.minorUnits ?? 2;
        const totals = (['half-up', 'half-even', 'half-down'] as const).map((m) =>
          quote({ ...req, rounding: m, sellerCredit: '0' }).lines.map((l) => l.lineTotal),
        );
        const ref = referenceQuote(req, mu);
        ref.exactLineTotals.forEach(([n, d], i) => {
          const tie = 2n * (n % d) === d;
          const [hu, he, hd] = totals.map((t) => t[i]);
          if (!tie) expect([he, hd]).toEqual([hu, hu]);
          else expect(minorOf(hu ?? '0') - minorOf(hd ?? '0')).toBe(1n);
        });
      }),
    );
  });
});

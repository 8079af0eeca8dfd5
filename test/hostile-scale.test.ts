import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditStream } from '../src/cli/audit.js';
import { compareAnswers } from '../src/testing/compare.js';
import {
  answerWireLine,
  answerWireRequest,
  couponChoices,
  couponState,
  disputeView,
  MAX_ERRORS,
  planOutageRemedies,
  type CouponEvent,
  type DisputeEvent,
  type OutageInput,
} from '../src/index.js';

// The requests a hostile client can send in a few hundred kilobytes (docs/performance.md, "Bounded under
// hostile scale"), at sizes that run in seconds: every op's cost grows linearly (n and 10n are compared in
// one run, as a generous ratio — a quadratic cost gives about 100), and every answer stays a small multiple
// of its request. The full sizes are in `npm run bench`.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** The fastest of a few runs, in milliseconds: other processes and the collector only ever add time. */
function time(run: () => unknown): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Time at 10n over time at n: about 10 when linear. Noisy machines are allowed up to 30. */
function growth(make: (n: number) => () => unknown, n: number): number {
  const small = make(n);
  const large = make(10 * n);
  const ratio = time(large) / Math.max(time(small), 0.05);
  if (process.env.SHOW_GROWTH) console.log(`growth at n = ${String(n)}: ${ratio.toFixed(1)}`);
  return ratio;
}

const coupon = { id: 'c', seller: 's', recipient: 'b', expires: '2026-01-20', timeZone: 'Europe/Berlin', terms: { type: 'fixed' as const, amount: '1.00' } };
const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('a quote of empty lines', () => {
  it('answers with the first 100 problems and their total, whatever the number of lines', () => {
    const line = `{"op":"quote","currency":"USD","lines":[${Array(50_000).fill('{}').join(',')}]}`;
    const answer = JSON.parse(answerWireLine(line)) as { ok: boolean; errors: { code: string; total?: number }[] };
    expect(answer.ok).toBe(false);
    expect(answer.errors).toHaveLength(MAX_ERRORS + 1);
    expect(answer.errors[MAX_ERRORS]).toEqual({
      code: 'TOO_MANY_ERRORS',
      path: '',
      message: '200000 problems found; the first 100 are listed',
      total: 200_000,
    });
    expect(answerWireLine(line).length).toBeLessThan(20_000);
  });

  it('costs time linear in the lines', () => {
    const make = (n: number) => {
      const request = { op: 'quote', currency: 'USD', lines: Array.from({ length: n }, () => ({})) };
      return () => answerWireRequest(request);
    };
    expect(growth(make, 20_000)).toBeLessThan(30);
  });
});

describe('a long order through the wire', () => {
  it('answers in time linear in its lines, the answer a small multiple of the request', () => {
    const request = (n: number) =>
      JSON.stringify({
        op: 'quote',
        currency: 'USD',
        lines: Array.from({ length: n }, (_, i) => ({
          id: `L${String(i)}`,
          itemType: i % 4 === 0 ? 'Book' : 'Part',
          unitPrice: `${String(1 + (i % 500))}.${String(i % 10_000).padStart(4, '0')}`,
          quantity: 1 + (i % 100),
          onSale: i % 10 === 0,
          batch: 1 + (i % 3),
        })),
        coupon: {
          type: 'percent',
          percent: '5',
          tiers: [{ minTotal: '100.00', percent: '10' }],
          maxDiscount: '5000.00',
          itemTypeLimit: { mode: 'except', itemTypes: ['Book'] },
          excludeSaleItems: true,
        },
      });
    const make = (n: number) => {
      const line = request(n);
      return () => answerWireLine(line);
    };
    expect(growth(make, 2000)).toBeLessThan(30);
    const line = request(20_000);
    const answer = answerWireLine(line);
    expect(answer.startsWith('{"ok":true')).toBe(true);
    expect(answer.length).toBeLessThan(2 * line.length);
  });
});

describe('dispute deadlines in business days past many holidays', () => {
  const order = { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '100.00', quantity: 1 }] }, shippedAt: '2025-12-20T00:00:00Z' };
  const events = (n: number): DisputeEvent[] => [
    { type: 'opened', at: iso(T0), reason: 'OTHER', amount: '50.00' },
    ...Array.from({ length: n - 1 }, (_, i): DisputeEvent =>
      i % 2 === 0
        ? { type: 'seller-countered', at: iso(T0 + (i + 1) * 60_000), amount: '10.00' }
        : { type: 'claim-changed', at: iso(T0 + (i + 1) * 60_000), amount: '40.00' },
    ),
  ];
  const holidays = (n: number) => Array.from({ length: n }, (_, i) => iso(T0 + (i + 1) * DAY).slice(0, 10));

  it('counts 36,500 holidays and 100 events at once', () => {
    const policy = { dayCount: 'business' as const, holidays: holidays(36_500), sellerResponseDays: 3650, buyerResponseDays: 3650, maxProcessDays: 3650 };
    const t0 = performance.now();
    const view = disputeView({ order, events: events(100), policy }, iso(T0 + 200 * 60_000));
    expect(view.ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000); // walked day by day, this took minutes
  });

  it('costs time linear in the events and in the holidays', () => {
    const byEvents = (n: number) => {
      const policy = { dayCount: 'business' as const, holidays: holidays(2000), sellerResponseDays: 3650, buyerResponseDays: 3650, maxProcessDays: 3650 };
      const history = events(n);
      return () => disputeView({ order, events: history, policy }, iso(T0 + (n + 1) * 60_000));
    };
    expect(growth(byEvents, 300)).toBeLessThan(30);
    const byHolidays = (n: number) => {
      const policy = { dayCount: 'business' as const, holidays: holidays(n), sellerResponseDays: 3650, buyerResponseDays: 3650, maxProcessDays: 3650 };
      const history = events(20);
      return () => disputeView({ order, events: history, policy }, iso(T0 + 21 * 60_000));
    };
    expect(growth(byHolidays, 8000)).toBeLessThan(30);
  });
});

describe('a long negotiation with evidence', () => {
  const order = { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '100.00', quantity: 1 }] }, shippedAt: '2025-12-20T00:00:00Z' };
  // Counter-offers and declines a minute apart, each with evidence: the view lists every notice and item once.
  const events = (n: number): DisputeEvent[] => [
    { type: 'opened', at: iso(T0), reason: 'OTHER', amount: '50.00', evidence: ['photo'] },
    ...Array.from({ length: n - 1 }, (_, i): DisputeEvent =>
      i % 2 === 0
        ? { type: 'seller-countered', at: iso(T0 + (i + 1) * 60_000), amount: '10.00', evidence: [`s${String(i)}`, 'chat'] }
        : { type: 'buyer-declined', at: iso(T0 + (i + 1) * 60_000) },
    ),
  ];
  const request = (n: number) => ({
    op: 'dispute-state',
    order: { ...order, quote: { op: 'quote', ...order.quote } },
    events: events(n),
    at: iso(T0 + (n + 1) * 60_000),
  });

  it('costs time linear in the events, and its wire answer is a small multiple of the request', () => {
    const make = (n: number) => {
      const history = events(n);
      return () => disputeView({ order, events: history }, iso(T0 + (n + 1) * 60_000));
    };
    expect(growth(make, 1000)).toBeLessThan(30);
    const line = JSON.stringify(request(5001));
    const answer = answerWireLine(line);
    expect(answer.startsWith('{"ok":true')).toBe(true);
    expect(answer.length).toBeLessThan(2 * line.length);
    const v = disputeView({ order, events: events(5001) }, iso(T0 + 5002 * 60_000));
    expect(v.ok && [v.value.notices.length, v.value.evidence.seller.length, v.value.offers.length]).toEqual([5002, 2501, 5001]);
  });
});

describe('the outage planner', () => {
  const coupons = (n: number, days: number) =>
    Array.from({ length: n }, (_, i) => ({
      ...coupon,
      id: `c${String(i)}`,
      recipient: `b${String(i)}`,
      expires: iso(T0 + (i % days) * DAY).slice(0, 10),
      events: [],
    }));
  const windows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `i${String(i)}`, start: iso(T0 + i * DAY + 10 * HOUR), end: iso(T0 + i * DAY + 12 * HOUR) }));

  it('costs time linear in coupons × separate windows (windows indexed by time)', () => {
    const make = (n: number) => {
      const input: OutageInput = { at: iso(T0 + 10 * n * DAY + DAY), incidents: windows(n), coupons: coupons(n, n) };
      return () => planOutageRemedies(input);
    };
    expect(growth(make, 150)).toBeLessThan(30);
  });

  it('names a window merged from many incidents once, by a short id: the answer stays a small multiple of the request', () => {
    const n = 2000;
    const incidents = Array.from({ length: n }, (_, i) => ({
      id: `incident-${String(i)}`,
      start: iso(T0 + 10 * HOUR + i * 1000),
      end: iso(T0 + 10 * HOUR + i * 1000 + 2000),
    }));
    const request = {
      op: 'outage-plan',
      at: iso(T0 + 3 * DAY),
      incidents,
      coupons: Array.from({ length: n }, (_, i) => ({ ...coupon, id: `c${String(i)}`, expires: '2026-01-01', events: [] })),
      policy: { compensation: { terms: { type: 'fixed', amount: '1.00' }, validDays: 30, minOutageMinutes: 0 } },
    };
    const answer = answerWireLine(JSON.stringify(request));
    expect(answer.startsWith('{"ok":true')).toBe(true);
    expect(answer.length).toBeLessThan(3 * JSON.stringify(request).length);
  });

  it('writes the notices of one buyer with many coupons in linear time', () => {
    const make = (n: number) => {
      const input: OutageInput = {
        at: iso(T0 + 3 * DAY),
        incidents: [{ id: 'i', start: iso(T0 + 10 * HOUR), end: iso(T0 + 12 * HOUR) }],
        coupons: Array.from({ length: n }, (_, i) => ({ ...coupon, id: `c${String(i)}`, expires: '2026-01-01', events: [] })),
      };
      return () => planOutageRemedies(input);
    };
    expect(growth(make, 1500)).toBeLessThan(30);
  });
});

describe('the checkout choice among many coupons on a long order', () => {
  it('costs time linear in coupons + lines, not their product', () => {
    const make = (n: number) => {
      const request = {
        at: iso(T0),
        store: 's',
        buyer: 'b',
        order: {
          currency: 'USD',
          lines: Array.from({ length: n }, (_, i) => ({
            id: `L${String(i)}`,
            itemType: `T${String(i % 7)}`,
            unitPrice: '1.25',
            quantity: 1 + (i % 3),
            onSale: i % 5 === 0,
          })),
          newOrder: true,
          hasCoupon: false,
        },
        coupons: Array.from({ length: n }, (_, i) => ({
          ...coupon,
          id: `c${String(i)}`,
          events: [],
          terms: {
            type: 'percent' as const,
            percent: String(1 + (i % 50)),
            itemTypeLimit: { mode: i % 2 === 0 ? ('only' as const) : ('except' as const), itemTypes: [`T${String(i % 7)}`] },
            excludeSaleItems: i % 3 === 0,
          },
        })),
      };
      return () => couponChoices(request);
    };
    expect(growth(make, 400)).toBeLessThan(30);
  });
});

describe('a coupon with many remedy events', () => {
  it('folds extensions in linear time (the remedies are appended, not copied)', () => {
    const make = (n: number) => {
      const events: CouponEvent[] = Array.from({ length: n }, (_, i) => ({
        type: 'extended',
        at: iso(T0 + i * 1000),
        expires: '2026-01-20',
        incidents: [`i${String(i)}`],
      }));
      return () => couponState({ ...coupon, events }, iso(T0 + DAY));
    };
    expect(growth(make, 2000)).toBeLessThan(30);
  });
});

describe('a recorded answer that differs everywhere (coupon-rules audit)', () => {
  // One pair: a quote of n lines whose recorded answer gets every line total wrong.
  const pair = (n: number) => {
    const request = {
      op: 'quote',
      currency: 'USD',
      lines: Array.from({ length: n }, (_, i) => ({ id: `L${String(i)}`, itemType: 'P', unitPrice: '1.00', quantity: 1 })),
    };
    const answer = answerWireRequest(request) as { ok: true; result: { lines: { lineTotal: string }[] } };
    const recorded = { ...answer, result: { ...answer.result, lines: answer.result.lines.map((l) => ({ ...l, lineTotal: '9.99' })) } };
    return { request, answer, recorded };
  };

  it('is compared in time linear in the answer', () => {
    expect(
      growth((n) => {
        const { answer, recorded } = pair(n);
        return () => compareAnswers(answer, recorded);
      }, 2_000),
    ).toBeLessThan(30);
  });

  it('is reported in a bounded text: ten fields, then how many more, whatever the number of lines', async () => {
    const { request, recorded } = pair(20_000);
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString('utf8')));
    const summary = await auditStream(Readable.from([Buffer.from(`${JSON.stringify({ request, answer: recorded })}\n`)]), out);
    expect(summary).toMatchObject({ pairs: 1, differ: 1 });
    expect(text).toContain('line 1 (quote): 20000 fields differ');
    expect(text).toContain('… and 19990 more');
    expect(text.length).toBeLessThan(2_000);
  });
});

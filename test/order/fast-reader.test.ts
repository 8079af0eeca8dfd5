import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH, MAX_QUANTITY, QUOTE_ROUNDINGS } from '../../src/contract/index.js';
import { findCurrency } from '../../src/money/currency.js';
import { type LineColumns, readLineFast, readQuoteRequest } from '../../src/order/read.js';
import type { QuoteRounding } from '../../src/order/types.js';
import { unwrap } from '../helpers.js';
import { shapeMutationsOf } from '../contract/mutations.js';
import { roundModel } from '../money/model.js';

// The quote reads a plainly valid line on a fast path without building paths or errors; any other line goes to the
// full reader. The fast path must take every plainly valid line (else the speed is lost), read it exactly as the full
// reader does, and give up on anything else without writing a thing.
const empty = (): LineColumns => ({ ids: [], itemTypes: [], totals: [], quantities: [], onSale: [], batches: [], seen: new Set() });
const fast = (line: unknown, columns = empty(), rounding: QuoteRounding = 'half-up') => ({ taken: readLineFast(line, 0, columns, 2, rounding), columns });
const full = (line: object, rounding: QuoteRounding = 'half-up') => {
  const q = unwrap(readQuoteRequest({ currency: 'USD', rounding, lines: [{ ...line }] }));
  return {
    ids: q.ids,
    itemTypes: q.itemTypes,
    totals: q.lineTotals.values,
    quantities: q.quantities,
    onSale: q.onSale,
    batches: q.batches,
    seen: new Set(q.ids),
  };
};
const lineArb = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 6 }),
    itemType: fc.string({ minLength: 1, maxLength: 6 }),
    unitPrice: fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
      .map(([u, d]) => (d === 0 ? String(u) : `${String(u / 10n ** BigInt(d))}.${String(u % 10n ** BigInt(d)).padStart(d, '0')}`)),
    quantity: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, MAX_QUANTITY)),
    onSale: fc.boolean(),
    batch: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom(1, MAX_BATCH)),
  },
  { requiredKeys: ['id', 'itemType', 'unitPrice', 'quantity'] },
);

describe('the fast line reader', () => {
  it('takes every plainly valid line whose total is a safe integer, and reads it as the full reader does, in every rounding mode', () => {
    fc.assert(
      fc.property(lineArb, fc.constantFrom(...QUOTE_ROUNDINGS), (line, rounding) => {
        const { taken, columns } = fast(line, empty(), rounding);
        const read = full(line, rounding);
        // A total past 2^53 is the full reader's (in bigints); every other plainly valid line is the fast path's.
        expect(taken).toBe(typeof read.totals[0] === 'number');
        expect(columns).toEqual(taken ? read : empty());
      }),
    );
  });

  it('takes the bounds themselves', () => {
    const line = { id: 'a', itemType: 'Part', unitPrice: '0.01', quantity: MAX_QUANTITY, onSale: false, batch: MAX_BATCH };
    expect(fast(line).taken).toBe(true);
    expect(fast({ ...line, quantity: 1, batch: 1, onSale: true }).taken).toBe(true);
  });

  it('gives up, writing nothing, on a line with any field broken, missing or extra', () => {
    const line = { id: 'a', itemType: 'Part', unitPrice: '2.50', quantity: 2, onSale: true, batch: 3 };
    const broken = shapeMutationsOf('orderLine', line).map((m) => m.bad);
    expect(broken.length).toBeGreaterThan(30);
    for (const bad of [...broken, null, [line], 'line', { ...line, quantity: MAX_QUANTITY + 1 }, { ...line, batch: MAX_BATCH + 1 }, { ...line, quantity: 0 }]) {
      expect(fast(bad)).toEqual({ taken: false, columns: empty() });
    }
  });

  it('gives up on a line id seen before, a key it inherits, a price it cannot read safely, and a total past 2^53', () => {
    const line = { id: 'a', itemType: 'Part', unitPrice: '2.50', quantity: 2 };
    const seen = empty();
    seen.seen.add('a');
    expect(fast(line, seen).taken).toBe(false);
    expect(fast(Object.assign(Object.create({ onSale: true }) as object, line)).taken).toBe(false);
    expect(fast({ ...line, unitPrice: '1234567890123456' }).taken).toBe(false);
    expect(fast({ ...line, unitPrice: '90071992547409.91', quantity: 1 }).taken).toBe(false);
    expect(fast({ ...line, unitPrice: '900719925474.10', quantity: 1000 }).taken).toBe(false);
  });
});

// A line total is rounded in one of three places: the fast reader (safe integers, no diagnosis), the full reader on
// safe integers (a line the fast reader gives up on, here through an inherited key it will not read), and the full
// reader on bigints (a price past 15 digits, here padded with zeros). All three must give the reference rounding of
// the exact `unitPrice × quantity`, in every mode the quote accepts.
describe('the three line readers in every rounding mode', () => {
  // Prices of up to 6 decimals, a third of them ending in 5 (ties at the minor unit of some currency), and a few
  // quantities large enough to take the total past 2^53.
  const priceArb = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([u, d, tie]) => ({ units: tie && d > 0 ? u * 10n + 5n : u, scale: d }));
  const text = ({ units, scale }: { units: bigint; scale: number }) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  };
  const pad = (price: string) => `${price}${price.includes('.') ? '' : '.'}${'0'.repeat(16)}`;
  const quantityArb = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: MAX_QUANTITY }));
  const totalOf = (request: object) => unwrap(readQuoteRequest(request)).lineTotals;

  it.each(QUOTE_ROUNDINGS)('%s: each reader gives the reference total, in 0- to 4-decimal currencies', (rounding) => {
    fc.assert(
      fc.property(priceArb, quantityArb, fc.constantFrom('JPY', 'USD', 'BHD', 'CLF'), (price, quantity, currency) => {
        const mu = findCurrency(currency)?.minorUnits ?? 2;
        const expected = roundModel(price.units * BigInt(quantity) * 10n ** BigInt(mu), 10n ** BigInt(price.scale), rounding);
        const line = { id: 'a', itemType: 'Part', unitPrice: text(price), quantity };

        const columns = empty();
        const taken = readLineFast(line, 0, columns, mu, rounding);
        expect(taken).toBe(expected <= BigInt(Number.MAX_SAFE_INTEGER) && price.units * BigInt(quantity) <= BigInt(Number.MAX_SAFE_INTEGER));
        if (taken) expect(BigInt(columns.totals[0] ?? -1)).toBe(expected);

        const full = totalOf({ currency, rounding, lines: [Object.assign(Object.create({ inherited: true }) as object, line)] });
        expect(BigInt(full.values[0] ?? -1)).toBe(expected);
        if (taken) expect(full.safe).toBe(true);

        const general = totalOf({ currency, rounding, lines: [{ ...line, unitPrice: pad(line.unitPrice) }] });
        expect(general).toEqual({ safe: false, values: [expected] });
      }),
    );
  });

  it('rounds a tie at the minor unit by the mode on every reader: 0.125 USD is 0.13 half-up, 0.12 half-even, half-down and down, 0.13 up', () => {
    const expected = { 'half-up': 13, 'half-even': 12, 'half-down': 12, down: 12, up: 13 } as const;
    for (const rounding of QUOTE_ROUNDINGS) {
      const line = { id: 'a', itemType: 'Part', unitPrice: '0.125', quantity: 1 };
      const columns = empty();
      expect(readLineFast(line, 0, columns, 2, rounding)).toBe(true);
      expect(columns.totals).toEqual([expected[rounding]]);
      expect(totalOf({ currency: 'USD', rounding, lines: [Object.assign(Object.create({ inherited: true }) as object, line)] }).values).toEqual([
        expected[rounding],
      ]);
      expect(totalOf({ currency: 'USD', rounding, lines: [{ ...line, unitPrice: pad('0.125') }] }).values).toEqual([BigInt(expected[rounding])]);
    }
  });
});

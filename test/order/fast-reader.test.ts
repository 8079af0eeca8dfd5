import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH, MAX_QUANTITY } from '../../src/contract/index.js';
import { type LineColumns, readLineFast, readQuoteRequest } from '../../src/order/read.js';
import { unwrap } from '../helpers.js';
import { shapeMutationsOf } from '../contract/mutations.js';

// The quote reads a plainly valid line on a fast path without building paths or errors; any other line goes to the
// full reader. The fast path must take every plainly valid line (else the speed is lost), read it exactly as the full
// reader does, and give up on anything else without writing a thing.
const empty = (): LineColumns => ({ ids: [], itemTypes: [], totals: [], quantities: [], onSale: [], batches: [], seen: new Set() });
const fast = (line: unknown, columns = empty()) => ({ taken: readLineFast(line, 0, columns, 2, 'half-up'), columns });
const full = (line: object) => {
  const q = unwrap(readQuoteRequest({ currency: 'USD', lines: [{ ...line }] }));
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
  it('takes every plainly valid line whose total is a safe integer, and reads it as the full reader does', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const { taken, columns } = fast(line);
        const read = full(line);
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

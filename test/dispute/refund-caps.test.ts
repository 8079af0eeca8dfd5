import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitsCap } from '../../src/dispute/checks.js';
import { divRound } from '../../src/money/integer.js';
import { findCurrency } from '../../src/money/currency.js';

// The cap of a claim on k of a line's n units (docs/disputes.md, "Amount"): the line's net in proportion,
// rounded with the order's mode, never above the units' own list value; all units, exactly the net.

const USD = findCurrency('USD');
if (!USD) throw new Error('USD');
const MODES = ['half-up', 'half-even'] as const;
const line = fc
  .record({
    units: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    scale: fc.integer({ min: 0, max: 6 }),
    quantity: fc.integer({ min: 1, max: 5000 }),
    couponPart: fc.integer({ min: 0, max: 100 }),
    rounding: fc.constantFrom(...MODES),
  })
  .map(({ units, scale, quantity, couponPart, rounding }) => {
    const order = { currency: USD, rounding };
    // The line total as the quote rounds it, and a net that is what is left of it after a coupon share.
    const total = scale <= 2 ? units * BigInt(quantity) * 10n ** BigInt(2 - scale) : divRound(units * BigInt(quantity), 10n ** BigInt(scale - 2), rounding);
    const net = total - (total * BigInt(couponPart)) / 100n;
    return { order, line: { quantity, net, price: { units, scale } } };
  });
const listValue = (l: { price: { units: bigint; scale: number } }, k: number, rounding: (typeof MODES)[number]) =>
  l.price.scale <= 2
    ? l.price.units * BigInt(k) * 10n ** BigInt(2 - l.price.scale)
    : divRound(l.price.units * BigInt(k), 10n ** BigInt(l.price.scale - 2), rounding);

describe("refund caps of a line's units", () => {
  it("give exactly the net for every unit, never more than the units' list value, and grow with the units", () => {
    fc.assert(
      fc.property(line, fc.nat(), ({ order, line: l }, pick) => {
        const k = 1 + (pick % l.quantity);
        expect(unitsCap(l, l.quantity, order)).toBe(l.net);
        const cap = unitsCap(l, k, order);
        expect(cap).toBeGreaterThanOrEqual(0n);
        expect(cap).toBeLessThanOrEqual(listValue(l, k, order.rounding));
        expect(cap).toBeLessThanOrEqual(l.net);
        if (k > 1) expect(cap).toBeGreaterThanOrEqual(unitsCap(l, k - 1, order));
      }),
    );
  });

  it('are the net in proportion, to within the rounding, whenever that is below the list value', () => {
    fc.assert(
      fc.property(line, fc.nat(), ({ order, line: l }, pick) => {
        const k = 1 + (pick % l.quantity);
        const cap = unitsCap(l, k, order);
        if (cap < listValue(l, k, order.rounding)) {
          // |cap − net·k/n| ≤ ½ minor unit: 2·|cap·n − net·k| ≤ n
          const gap = cap * BigInt(l.quantity) - l.net * BigInt(k);
          expect(2n * (gap < 0n ? -gap : gap)).toBeLessThanOrEqual(BigInt(l.quantity));
        }
      }),
    );
  });
});

import type { OrderLine, QuoteRequest } from '../src/index.js';

// Deterministic pseudo-random orders (a small LCG: the bench must be reproducible).
export function benchOrder(lines: number, seed = 42): QuoteRequest {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const types = ['Part', 'Set', 'Minifig', 'Book'];
  const out: OrderLine[] = new Array<OrderLine>(lines);
  for (let i = 0; i < lines; i++) {
    const cents = Math.floor(next() * 5_000_000); // up to 500.0000 in 4 decimals
    const price = `${String(Math.floor(cents / 10000))}.${String(cents % 10000).padStart(4, '0')}`;
    out[i] = {
      id: `L${String(i + 1)}`,
      itemType: types[Math.floor(next() * types.length)]!,
      unitPrice: price,
      quantity: 1 + Math.floor(next() * 100),
      onSale: next() < 0.1,
      batch: 1 + Math.floor(next() * 3),
    };
  }
  return {
    currency: 'USD',
    lines: out,
    coupon: {
      type: 'percent',
      percent: '5',
      tiers: [
        { minTotal: '100.00', percent: '10' },
        { minTotal: '1000.00', percent: '15' },
      ],
      maxDiscount: '5000.00',
      itemTypeLimit: { mode: 'except', itemTypes: ['Book'] },
      excludeSaleItems: true,
    },
    sellerCredit: '1.00',
    charges: { shipping: '9.95' },
  };
}

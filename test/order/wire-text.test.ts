import { describe, expect, it } from 'vitest';
import { answerWireRequest } from '../../src/index.js';
import { answerLineText } from '../../src/wire/answer.js';

// The wire text of a quote: one string up to 4,096 lines, then pieces of 4,096 lines each, so that a
// million-line answer is never whole in memory. Whichever way it is written, it is the same JSON.
const request = (n: number) => ({
  op: 'quote',
  currency: 'USD',
  lines: Array.from({ length: n }, (_, i) => ({
    id: `L${String(i)}`,
    itemType: i % 3 === 0 ? 'Set' : 'Part',
    unitPrice: `${String(1 + (i % 7))}.25`,
    quantity: 1 + (i % 4),
  })),
  coupon: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } },
});
const pieces = (n: number): string[] => {
  const text = answerLineText(() => JSON.stringify(request(n)));
  return typeof text === 'string' ? [text] : [...text];
};

describe('the wire text of a quote', () => {
  it('is one string up to 4,096 lines', () => {
    expect(pieces(1)).toHaveLength(1);
    expect(pieces(4096)).toHaveLength(1);
  });

  it('is the summary, one piece per 4,096 lines, then the rest of the summary, past that', () => {
    const written = pieces(4097);
    expect(written).toHaveLength(4);
    expect(written[0]?.endsWith('"lines":[')).toBe(true);
    expect(written[2]?.startsWith(',{"id":"L4096",')).toBe(true);
    expect(written[3]?.startsWith('],"batches":[')).toBe(true);
    expect(pieces(3 * 4096)).toHaveLength(5);
  });

  it.each([1, 4096, 4097, 8192, 10_000])('is the JSON of the answer for %i lines', (n) => {
    expect(JSON.parse(pieces(n).join(''))).toEqual(answerWireRequest(request(n)));
  });
});

import { err, errorsThrownBy } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../../src/index.js';
import { allocateInteger, divRound } from '../../src/money/integer.js';

describe('divRound: n / d rounded once with a named mode', () => {
  // [n, d, half-up, half-even, half-down, down, up]
  const cases: [bigint, bigint, bigint, bigint, bigint, bigint, bigint][] = [
    [10n, 5n, 2n, 2n, 2n, 2n, 2n], // exact
    [-10n, 5n, -2n, -2n, -2n, -2n, -2n], // exact, negative
    [0n, 7n, 0n, 0n, 0n, 0n, 0n],
    [1005n, 10n, 101n, 100n, 100n, 100n, 101n], // tie, even neighbour below
    [1015n, 10n, 102n, 102n, 101n, 101n, 102n], // tie, even neighbour above
    [-1005n, 10n, -101n, -100n, -100n, -100n, -101n],
    [-1015n, 10n, -102n, -102n, -101n, -101n, -102n],
    [1004n, 10n, 100n, 100n, 100n, 100n, 101n], // below half
    [1006n, 10n, 101n, 101n, 101n, 100n, 101n], // above half
    [-1004n, 10n, -100n, -100n, -100n, -100n, -101n],
    [-1006n, 10n, -101n, -101n, -101n, -100n, -101n],
    [1n, 3n, 0n, 0n, 0n, 0n, 1n],
    [2n, 3n, 1n, 1n, 1n, 0n, 1n],
    [-2n, 3n, -1n, -1n, -1n, 0n, -1n],
    [1n, 2n, 1n, 0n, 0n, 0n, 1n],
    [3n, 2n, 2n, 2n, 1n, 1n, 2n],
    [-1n, 2n, -1n, 0n, 0n, 0n, -1n],
    [-3n, 2n, -2n, -2n, -1n, -1n, -2n],
  ];
  const modes: RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up'];

  it.each(cases)('%s / %s → half-up %s, half-even %s, half-down %s, down %s, up %s', (n, d, ...expected) => {
    expect(modes.map((m) => divRound(n, d, m))).toEqual(expected);
  });

  it('refuses an unknown mode when the division is not exact', () => {
    expect(errorsThrownBy(() => divRound(1n, 3n, 'bankers' as RoundingMode))).toEqual([err('INVALID_ROUNDING', '', 'unknown rounding mode "bankers"')]);
  });
});

describe('allocateInteger: the largest-remainder split', () => {
  it('gives each part floor(total × w / W) and the units left over to the largest remainders', () => {
    // 1 × 1/3 = 0 r 1, 1 × 2/3 = 0 r 2: the second weight has the larger remainder
    expect(allocateInteger(1n, [1n, 2n])).toEqual([0n, 1n]);
    expect(allocateInteger(1n, [2n, 1n])).toEqual([1n, 0n]);
    // 10 × [1, 2, 4] / 7 = 1 r 3, 2 r 6, 5 r 5: 2 units left, to the second then the third
    expect(allocateInteger(10n, [1n, 2n, 4n])).toEqual([1n, 3n, 6n]);
    // 7 × [4, 1, 2] / 7: exact
    expect(allocateInteger(7n, [4n, 1n, 2n])).toEqual([4n, 1n, 2n]);
  });

  it('gives equal remainders to the earlier weight', () => {
    expect(allocateInteger(1000n, [1n, 1n, 1n])).toEqual([334n, 333n, 333n]);
    expect(allocateInteger(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    expect(allocateInteger(1n, [1n, 1n, 1n, 1n])).toEqual([1n, 0n, 0n, 0n]);
    expect(allocateInteger(3n, [1n, 1n, 1n, 1n, 1n])).toEqual([1n, 1n, 1n, 0n, 0n]);
    // a later larger remainder still wins over earlier smaller ones
    // 2 × [1, 1, 3] / 5 = 0.4, 0.4, 1.2: one unit left, to the first of the two equal largest remainders
    expect(allocateInteger(2n, [1n, 1n, 3n])).toEqual([1n, 0n, 1n]);
    // 3 × [1, 1, 5, 1, 1] / 9: remainders 3, 3, 6, 3, 3 (ninths); two left: the 6, then the earliest 3
    expect(allocateInteger(3n, [1n, 1n, 5n, 1n, 1n])).toEqual([1n, 0n, 2n, 0n, 0n]);
  });

  it('gives a zero weight zero and the whole amount to a single weight', () => {
    expect(allocateInteger(100n, [0n, 3n, 0n, 3n, 1n])).toEqual([0n, 43n, 0n, 43n, 14n]);
    expect(allocateInteger(5n, [7n])).toEqual([5n]);
    expect(allocateInteger(0n, [1n, 2n])).toEqual([0n, 0n]);
  });

  it('splits a negative total as its magnitude, negated', () => {
    expect(allocateInteger(-100n, [1n, 2n])).toEqual([-33n, -67n]);
    expect(allocateInteger(-1000n, [1n, 1n, 1n])).toEqual([-334n, -333n, -333n]);
    expect(allocateInteger(-1n, [1n, 2n])).toEqual([0n, -1n]);
  });
});

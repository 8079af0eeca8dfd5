import type { RoundingMode } from '../../src/index.js';

// Reference rounding of n/d (d > 0) written from each mode's definition, independent of the library's kernel.
export function roundModel(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const floor = a / d;
  const ceil = a % d === 0n ? floor : floor + 1n;
  let mag: bigint;
  switch (mode) {
    case 'down':
      mag = floor;
      break;
    case 'up':
      mag = ceil;
      break;
    case 'half-up':
      // nearest; a tie (distance to floor is exactly half) goes to the larger magnitude
      mag = (a - floor * d) * 2n >= d ? ceil : floor;
      break;
    case 'half-even': {
      const below = (a - floor * d) * 2n; // twice the distance to floor, in units of 1/d
      mag = below < d ? floor : below > d ? ceil : floor % 2n === 0n ? floor : ceil;
      break;
    }
    case 'half-down':
      // nearest; a tie goes to the smaller magnitude
      mag = (a - floor * d) * 2n > d ? ceil : floor;
      break;
  }
  return neg ? -mag : mag;
}

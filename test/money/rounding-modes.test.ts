import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ROUNDING_MODES,
  type RoundingMode,
  findCurrency,
  lineTotal,
  moneyFromMinor,
  multiplyByRatio,
  percentage,
  roundToMinor,
  toMinorUnits,
  unitPrice,
} from '../../src/index.js';
import { divRound } from '../../src/money/integer.js';
import { divRoundSafe } from '../../src/money/safe.js';
import { roundModel } from './model.js';

// Properties of each rounding mode, on the kernels (bigint and safe-integer) and on the public operations, with
// exact ties drawn often: ties are where the five modes part, and where a wrong kernel would hide.

const abs = (v: bigint) => (v < 0n ? -v : v);
const sign = (v: bigint) => (v < 0n ? -1n : v > 0n ? 1n : 0n);

// n / d, d > 0: any fraction, a small one, or an exact tie k ± ½ (n = 2hk ± h over d = 2h).
const anyFraction = fc.tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 10n ** 9n }));
const smallFraction = fc.tuple(fc.bigInt({ min: -60n, max: 60n }), fc.bigInt({ min: 1n, max: 12n }));
const tie = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(1n, -1n))
  .map(([k, h, s]): [bigint, bigint] => [2n * h * k + s * h, 2n * h]);
const fractionArb = fc.oneof(anyFraction, smallFraction, tie);
const isTie = (n: bigint, d: bigint) => 2n * abs(n % d) === d;

describe.each(ROUNDING_MODES)('rounding %s', (mode) => {
  it('agrees with the reference written from its definition, on bigints and on safe integers', () => {
    fc.assert(
      fc.property(fractionArb, ([n, d]) => {
        expect(divRound(n, d, mode)).toBe(roundModel(n, d, mode));
      }),
    );
    // The safe-integer kernel takes n ≥ 0 and d a power of ten (the quote's line totals and percentages).
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 })),
        fc.integer({ min: 1, max: 15 }),
        fc.boolean(),
        (n, k, makeTie) => {
          const d = 10 ** k;
          // a tie: n ends in 5 followed by k - 1 zeros
          const m = makeTie ? Math.floor(n / d) * d + d / 2 : n;
          fc.pre(Number.isSafeInteger(m));
          expect(BigInt(divRoundSafe(m, d, mode))).toBe(roundModel(BigInt(m), BigInt(d), mode));
        },
      ),
    );
  });

  it('is within one minor unit of the exact value, and within half of one for a nearest mode', () => {
    fc.assert(
      fc.property(fractionArb, ([n, d]) => {
        const r = divRound(n, d, mode);
        const error = abs(r * d - n); // d × |r − n/d|
        expect(error < d).toBe(true);
        if (mode.startsWith('half-')) expect(2n * error <= d).toBe(true);
        // down never grows the magnitude and up never shrinks it; neither changes the sign
        if (mode === 'down') expect(abs(r * d) <= abs(n)).toBe(true);
        if (mode === 'up') expect(abs(r * d) >= abs(n)).toBe(true);
        if (r !== 0n) expect(sign(r)).toBe(sign(n));
      }),
    );
  });

  it('is symmetric about zero, monotone, and leaves a whole value alone', () => {
    fc.assert(
      fc.property(fractionArb, fc.bigInt({ min: 0n, max: 10n ** 12n }), ([n, d], step) => {
        expect(divRound(-n, d, mode)).toBe(-divRound(n, d, mode));
        expect(divRound(n + step, d, mode) >= divRound(n, d, mode)).toBe(true);
        expect(divRound(n * d, d, mode)).toBe(n);
      }),
    );
  });

  it('gives whole minor units, equal to the reference, from every public operation in 0- to 4-decimal currencies', () => {
    // Unit prices of up to 8 decimals, a third of them a tie at the currency's minor unit.
    const priceArb = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 8 }), fc.boolean());
    fc.assert(
      fc.property(
        fc.constantFrom('JPY', 'USD', 'BHD', 'CLF'),
        priceArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 100_000 }),
        (code, [raw, extra, makeTie], qty, minor, p) => {
          const mu = findCurrency(code)?.minorUnits ?? 2;
          const scale = mu + extra;
          const units = makeTie && extra > 0 ? (raw / 10n ** BigInt(extra)) * 10n ** BigInt(extra) + 5n * 10n ** BigInt(extra - 1) : raw;
          const digits = units.toString().padStart(scale + 1, '0');
          const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
          const whole = new RegExp(mu === 0 ? '^-?\\d+$' : `^-?\\d+\\.\\d{${String(mu)}}$`, 'u');
          const price = unitPrice(text, code);
          const exactScale = 10n ** BigInt(extra);

          const total = lineTotal(price, qty, mode);
          expect(total.amount).toMatch(whole);
          expect(toMinorUnits(total)).toBe(roundModel(units * BigInt(qty), exactScale, mode));
          const rounded = roundToMinor(price, mode);
          expect(rounded.amount).toMatch(whole);
          expect(toMinorUnits(rounded)).toBe(roundModel(units, exactScale, mode));

          const m = moneyFromMinor(minor, code);
          const percent = `${String(Math.floor(p / 1000))}.${String(p % 1000).padStart(3, '0')}`; // 0.000 to 100.000
          const share = percentage(m, percent, mode);
          expect(share.amount).toMatch(whole);
          expect(toMinorUnits(share)).toBe(roundModel(minor * BigInt(p), 100_000n, mode));
          const ratio = multiplyByRatio(m, BigInt(p), 99_991n, mode);
          expect(ratio.amount).toMatch(whole);
          expect(toMinorUnits(ratio)).toBe(roundModel(minor * BigInt(p), 99_991n, mode));
        },
      ),
    );
  });
});

describe('the five modes side by side', () => {
  const all = (n: bigint, d: bigint): Record<RoundingMode, bigint> => ({
    'half-up': divRound(n, d, 'half-up'),
    'half-even': divRound(n, d, 'half-even'),
    'half-down': divRound(n, d, 'half-down'),
    down: divRound(n, d, 'down'),
    up: divRound(n, d, 'up'),
  });

  it('are ordered by magnitude: down ≤ half-down ≤ half-even ≤ half-up ≤ up on values ≥ 0, the reverse below zero', () => {
    fc.assert(
      fc.property(fractionArb, ([n, d]) => {
        const r = all(n, d);
        const chain = [r.down, r['half-down'], r['half-even'], r['half-up'], r.up].map(abs);
        for (let i = 1; i < chain.length; i++) expect((chain[i - 1] ?? 0n) <= (chain[i] ?? 0n)).toBe(true);
      }),
    );
  });

  it('half-up, half-even and half-down differ only on an exact tie, where they go away from zero, to even, and toward zero', () => {
    fc.assert(
      fc.property(fractionArb, ([n, d]) => {
        const r = all(n, d);
        if (!isTie(n, d)) {
          expect(r['half-even']).toBe(r['half-up']);
          expect(r['half-down']).toBe(r['half-up']);
          return;
        }
        expect(r['half-up']).toBe(r.up);
        expect(r['half-down']).toBe(r.down);
        expect(r['half-even'] % 2n).toBe(0n);
        expect([r.down, r.up]).toContain(r['half-even']);
      }),
    );
  });

  it('down and up agree exactly when the value is whole, and are one unit apart otherwise', () => {
    fc.assert(
      fc.property(fractionArb, ([n, d]) => {
        const r = all(n, d);
        expect(abs(r.up - r.down)).toBe(n % d === 0n ? 0n : 1n);
        if (n % d === 0n) expect(new Set(Object.values(r)).size).toBe(1);
      }),
    );
  });
});

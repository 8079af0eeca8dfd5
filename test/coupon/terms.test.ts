import { describe, expect, it } from 'vitest';
import { validateCouponTerms } from '../../src/index.js';
import { codePathsOf, codesOf, errorsOf } from '../helpers.js';

// The validity rules of coupon terms (docs/quote.md, "Coupon terms" and "Errors"), one rule per test,
// with the whole error objects: code, path and message.

const usd = (terms: unknown) => validateCouponTerms(terms, 'USD');
const percentCoupon = (extra: Record<string, unknown>) => usd({ type: 'percent', percent: '10', ...extra });

describe('coupon terms: the percentage is above 0 and at most 100, with up to 10 decimals', () => {
  it('accepts exactly 100 and the smallest percentage above 0, in canonical form', () => {
    expect(usd({ type: 'percent', percent: '100' })).toEqual({ ok: true, value: { type: 'percent', percent: '100' } });
    expect(usd({ type: 'percent', percent: '100.0000000000' })).toEqual({ ok: true, value: { type: 'percent', percent: '100' } });
    expect(usd({ type: 'percent', percent: '0.0000000001' })).toEqual({ ok: true, value: { type: 'percent', percent: '0.0000000001' } });
    expect(usd({ type: 'percent', percent: '12.3456789012' })).toEqual({ ok: true, value: { type: 'percent', percent: '12.3456789012' } });
  });

  it('refuses 0 and anything above 100, naming the value it got', () => {
    expect(errorsOf(usd({ type: 'percent', percent: '0' }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 0' },
    ]);
    expect(errorsOf(usd({ type: 'percent', percent: '0.000' }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 0' },
    ]);
    expect(errorsOf(usd({ type: 'percent', percent: '100.0000000001' }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 100.0000000001' },
    ]);
    expect(errorsOf(usd({ type: 'percent', percent: '100.50' }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 100.5' },
    ]);
    // From four integer digits on the value is not parsed further, and the message says so.
    expect(errorsOf(usd({ type: 'percent', percent: '999.5' }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 999.5' },
    ]);
    expect(errorsOf(usd({ type: 'percent', percent: '1000' }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 1000 or more' },
    ]);
    expect(errorsOf(usd({ type: 'percent', percent: '1'.repeat(100_000) }))).toEqual([
      { code: 'INVALID_PERCENT', path: 'percent', message: 'a percentage is above 0 and at most 100, got 1000 or more' },
    ]);
    // Other problems of the same string are still reported as they are.
    expect(codesOf(usd({ type: 'percent', percent: '1000.12345678901' }))).toEqual(['INVALID_PERCENT', 'TOO_MANY_DECIMALS']);
  });

  it('refuses a percentage with 11 decimals, a sign or a JSON number', () => {
    const [tooPrecise] = errorsOf(usd({ type: 'percent', percent: '1.12345678901' }));
    expect(tooPrecise).toMatchObject({ code: 'TOO_MANY_DECIMALS', path: 'percent' });
    expect(tooPrecise?.message).toMatch(/^percentages .*at most 10 decimals, got 11$/);
    expect(codePathsOf(usd({ type: 'percent', percent: '-5' }))).toEqual(['SIGN_NOT_ALLOWED@percent']);
    expect(codePathsOf(usd({ type: 'percent', percent: 10 }))).toEqual(['NOT_AN_AMOUNT@percent']);
  });

  it('requires the percentage, and reports only that when it is missing', () => {
    expect(errorsOf(usd({ type: 'percent' }))).toEqual([{ code: 'REQUIRED', path: 'percent', message: '"percent" is required' }]);
  });
});

describe('coupon terms: the kind of coupon', () => {
  it('is an object', () => {
    for (const terms of [null, [], 'percent', 10]) {
      expect(errorsOf(usd(terms))).toEqual([{ code: 'INVALID_TYPE', path: '', message: 'a coupon is an object with "type": "percent" or "fixed"' }]);
    }
  });

  it('requires "type", and judges the other fields against both kinds meanwhile', () => {
    expect(errorsOf(usd({ percent: '10', amount: '5.00', tiers: [], colour: 'red' }))).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'colour', message: 'unknown field "colour"' },
      { code: 'REQUIRED', path: 'type', message: '"type" is required: "percent" or "fixed"' },
    ]);
  });

  it('takes "percent" or "fixed" only, exactly spelled', () => {
    for (const type of ['Percent', 'FIXED', null, 1]) {
      expect(errorsOf(usd({ type, percent: '10' }))).toEqual([{ code: 'INVALID_COUPON_TYPE', path: 'type', message: '"type" is "percent" or "fixed"' }]);
    }
  });

  it("reads only the coupon's own fields, never inherited ones", () => {
    const inherited = Object.create({ type: 'fixed', amount: '5.00' }) as unknown;
    expect(codePathsOf(usd(inherited))).toEqual(['REQUIRED@type']);
  });

  it('reports problems under the path it is given, and at the top without one', () => {
    expect(codePathsOf(validateCouponTerms({ type: 'fixed', amount: '-1' }, 'USD', 'coupon'))).toEqual(['SIGN_NOT_ALLOWED@coupon.amount']);
    expect(codePathsOf(validateCouponTerms({ type: 'fixed', amount: '-1' }, 'USD'))).toEqual(['SIGN_NOT_ALLOWED@amount']);
  });

  it('needs an active ISO 4217 currency to check the amounts against', () => {
    expect(codePathsOf(validateCouponTerms({ type: 'fixed', amount: '5.00' }, 'XYZ'))).toEqual(['UNKNOWN_CURRENCY@']);
  });
});

describe('coupon terms: a fixed coupon takes an amount above zero, in whole minor units', () => {
  it("accepts one minor unit and returns the amount at the currency's minor units", () => {
    expect(usd({ type: 'fixed', amount: '0.01' })).toEqual({ ok: true, value: { type: 'fixed', amount: '0.01' } });
    expect(usd({ type: 'fixed', amount: '5' })).toEqual({ ok: true, value: { type: 'fixed', amount: '5.00' } });
    expect(validateCouponTerms({ type: 'fixed', amount: '500' }, 'JPY')).toEqual({ ok: true, value: { type: 'fixed', amount: '500' } });
    expect(validateCouponTerms({ type: 'fixed', amount: '1.5' }, 'BHD')).toEqual({ ok: true, value: { type: 'fixed', amount: '1.500' } });
  });

  it('refuses a fixed coupon of zero (it would give nothing)', () => {
    for (const amount of ['0', '0.00']) {
      expect(errorsOf(usd({ type: 'fixed', amount }))).toEqual([
        { code: 'AMOUNT_NOT_POSITIVE', path: 'amount', message: 'a fixed coupon takes more than zero off' },
      ]);
    }
  });

  it('requires the amount, and reports only that when it is missing', () => {
    expect(errorsOf(usd({ type: 'fixed' }))).toEqual([{ code: 'REQUIRED', path: 'amount', message: '"amount" is required' }]);
  });

  it("refuses amounts beyond the currency's minor units, with the currency in the message", () => {
    expect(errorsOf(usd({ type: 'fixed', amount: '5.001' }))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'amount', message: 'USD amounts have at most 2 decimals, got 3' },
    ]);
    expect(errorsOf(validateCouponTerms({ type: 'fixed', amount: '5.5' }, 'JPY'))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'amount', message: 'JPY amounts have at most 0 decimals, got 1' },
    ]);
  });

  it('cannot carry a cap, tiers, a limit or a sale exclusion', () => {
    expect(
      codePathsOf(usd({ type: 'fixed', amount: '5.00', tiers: [], itemTypeLimit: { mode: 'only', itemTypes: ['Part'] }, excludeSaleItems: false })),
    ).toEqual(['UNKNOWN_FIELD@tiers', 'UNKNOWN_FIELD@itemTypeLimit', 'UNKNOWN_FIELD@excludeSaleItems']);
  });
});

describe('coupon terms: the maximum discount is an amount; "0" or absent means no maximum', () => {
  it('keeps a maximum at the currency\'s minor units and drops "0"', () => {
    expect(percentCoupon({ maxDiscount: '20' })).toEqual({ ok: true, value: { type: 'percent', percent: '10', maxDiscount: '20.00' } });
    expect(percentCoupon({ maxDiscount: '0.01' })).toEqual({ ok: true, value: { type: 'percent', percent: '10', maxDiscount: '0.01' } });
    expect(percentCoupon({ maxDiscount: '0.00' })).toEqual({ ok: true, value: { type: 'percent', percent: '10' } });
  });

  it('refuses a negative maximum, a JSON number and fractions of a minor unit', () => {
    expect(codePathsOf(percentCoupon({ maxDiscount: '-1' }))).toEqual(['SIGN_NOT_ALLOWED@maxDiscount']);
    expect(codePathsOf(percentCoupon({ maxDiscount: 20 }))).toEqual(['NOT_AN_AMOUNT@maxDiscount']);
    expect(errorsOf(percentCoupon({ maxDiscount: '20.001' }))).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'maxDiscount', message: 'USD amounts have at most 2 decimals, got 3' },
    ]);
  });
});

describe('coupon terms: tiers start above zero, increase strictly, and never take less', () => {
  it('accepts tiers with equal percentages, and a tier equal to the base percentage', () => {
    expect(
      percentCoupon({
        tiers: [
          { minTotal: '25', percent: '10' },
          { minTotal: '50', percent: '10.0' },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        type: 'percent',
        percent: '10',
        tiers: [
          { minTotal: '25.00', percent: '10' },
          { minTotal: '50.00', percent: '10' },
        ],
      },
    });
    expect(percentCoupon({ tiers: [{ minTotal: '0.01', percent: '100' }] })).toEqual({
      ok: true,
      value: { type: 'percent', percent: '10', tiers: [{ minTotal: '0.01', percent: '100' }] },
    });
  });

  it('compares percentages of different precision exactly', () => {
    expect(usd({ type: 'percent', percent: '10.5', tiers: [{ minTotal: '25', percent: '11' }] }).ok).toBe(true);
    expect(codePathsOf(usd({ type: 'percent', percent: '11', tiers: [{ minTotal: '25', percent: '10.5' }] }))).toEqual([
      'TIER_BELOW_BASE_PERCENT@tiers.0.percent',
    ]);
    expect(
      usd({
        type: 'percent',
        percent: '10',
        tiers: [
          { minTotal: '25', percent: '10.25' },
          { minTotal: '50', percent: '10.3' },
        ],
      }).ok,
    ).toBe(true);
    expect(
      codePathsOf(
        usd({
          type: 'percent',
          percent: '10',
          tiers: [
            { minTotal: '25', percent: '10.3' },
            { minTotal: '50', percent: '10.25' },
          ],
        }),
      ),
    ).toEqual(['TIER_PERCENT_DECREASING@tiers.1.percent']);
    expect(
      codePathsOf(
        usd({
          type: 'percent',
          percent: '10',
          tiers: [
            { minTotal: '25', percent: '11' },
            { minTotal: '50', percent: '10.99' },
          ],
        }),
      ),
    ).toEqual(['TIER_PERCENT_DECREASING@tiers.1.percent']);
  });

  it('reports each tier rule with its message', () => {
    expect(errorsOf(percentCoupon({ tiers: [{ minTotal: '0', percent: '15' }] }))).toEqual([
      { code: 'TIER_MIN_TOTAL_NOT_POSITIVE', path: 'tiers.0.minTotal', message: 'a tier starts above zero' },
    ]);
    expect(
      errorsOf(
        percentCoupon({
          tiers: [
            { minTotal: '50.00', percent: '15' },
            { minTotal: '50', percent: '20' },
          ],
        }),
      ),
    ).toEqual([{ code: 'TIERS_NOT_INCREASING', path: 'tiers.1.minTotal', message: 'tier thresholds must be strictly increasing' }]);
    expect(
      errorsOf(
        percentCoupon({
          tiers: [
            { minTotal: '25', percent: '20' },
            { minTotal: '50', percent: '15' },
          ],
        }),
      ),
    ).toEqual([{ code: 'TIER_PERCENT_DECREASING', path: 'tiers.1.percent', message: 'a higher tier may not take a smaller percentage' }]);
    expect(errorsOf(percentCoupon({ tiers: [{ minTotal: '25', percent: '5' }] }))).toEqual([
      { code: 'TIER_BELOW_BASE_PERCENT', path: 'tiers.0.percent', message: 'a tier may not take less than the base percentage' },
    ]);
  });

  it('compares each tier with the nearest earlier tier whose field parsed', () => {
    // tier 1's threshold does not parse: tier 2 is still compared with tier 0 (50.00), and is below it
    expect(
      codePathsOf(
        percentCoupon({
          tiers: [
            { minTotal: '50', percent: '15' },
            { minTotal: 'x', percent: '16' },
            { minTotal: '20', percent: '17' },
          ],
        }),
      ),
    ).toEqual(['INVALID_AMOUNT@tiers.1.minTotal', 'TIERS_NOT_INCREASING@tiers.2.minTotal']);
    // tier 1's percentage does not parse: tier 2 is still compared with tier 0 (15%), and is below it
    expect(
      codePathsOf(
        percentCoupon({
          tiers: [
            { minTotal: '10', percent: '15' },
            { minTotal: '20', percent: 'x' },
            { minTotal: '30', percent: '12' },
          ],
        }),
      ),
    ).toEqual(['INVALID_AMOUNT@tiers.1.percent', 'TIER_PERCENT_DECREASING@tiers.2.percent']);
  });

  it('requires both fields of a tier, and reports only the missing one', () => {
    expect(errorsOf(percentCoupon({ tiers: [{ percent: '15' }] }))).toEqual([
      { code: 'REQUIRED', path: 'tiers.0.minTotal', message: '"minTotal" is required' },
    ]);
    expect(errorsOf(percentCoupon({ tiers: [{ minTotal: '25' }] }))).toEqual([{ code: 'REQUIRED', path: 'tiers.0.percent', message: '"percent" is required' }]);
  });

  it('takes tiers as an array of objects with only minTotal and percent', () => {
    expect(codePathsOf(percentCoupon({ tiers: { minTotal: '25', percent: '15' } }))).toEqual(['INVALID_TYPE@tiers']);
    expect(codePathsOf(percentCoupon({ tiers: ['25:15'] }))).toEqual(['INVALID_TYPE@tiers.0']);
    expect(codePathsOf(percentCoupon({ tiers: [{ minTotal: '25', percent: '15', maxDiscount: '1' }] }))).toEqual(['UNKNOWN_FIELD@tiers.0.maxDiscount']);
  });

  it('treats an empty list as no tiers', () => {
    expect(percentCoupon({ tiers: [] })).toEqual({ ok: true, value: { type: 'percent', percent: '10' } });
  });
});

describe('coupon terms: an item-type limit is "only" or "except" and names at least one item type', () => {
  it('keeps the mode and the item types', () => {
    expect(percentCoupon({ itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } })).toEqual({
      ok: true,
      value: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'only', itemTypes: ['Part'] } },
    });
    expect(percentCoupon({ itemTypeLimit: { mode: 'except', itemTypes: ['Set', 'Gear'] } })).toEqual({
      ok: true,
      value: { type: 'percent', percent: '10', itemTypeLimit: { mode: 'except', itemTypes: ['Set', 'Gear'] } },
    });
  });

  it('reports a limit without item types and an unknown mode, with their messages', () => {
    expect(errorsOf(percentCoupon({ itemTypeLimit: { mode: 'only', itemTypes: [] } }))).toEqual([
      { code: 'EMPTY_ITEM_TYPES', path: 'itemTypeLimit.itemTypes', message: 'an item-type limit names at least one item type' },
    ]);
    expect(errorsOf(percentCoupon({ itemTypeLimit: { mode: 'all', itemTypes: ['Part'] } }))).toEqual([
      { code: 'INVALID_ENUM', path: 'itemTypeLimit.mode', message: '"mode" is "only" or "except"' },
    ]);
  });

  it('requires both fields, and reports only the missing one', () => {
    expect(codePathsOf(percentCoupon({ itemTypeLimit: { itemTypes: ['Part'] } }))).toEqual(['REQUIRED@itemTypeLimit.mode']);
    expect(codePathsOf(percentCoupon({ itemTypeLimit: { mode: 'except' } }))).toEqual(['REQUIRED@itemTypeLimit.itemTypes']);
  });

  it('takes non-empty strings as item types', () => {
    expect(codePathsOf(percentCoupon({ itemTypeLimit: { mode: 'only', itemTypes: ['Part', '', 5] } }))).toEqual([
      'EMPTY_STRING@itemTypeLimit.itemTypes.1',
      'INVALID_TYPE@itemTypeLimit.itemTypes.2',
    ]);
    expect(codePathsOf(percentCoupon({ itemTypeLimit: { mode: 'only', itemTypes: 'Part' } }))).toEqual(['INVALID_TYPE@itemTypeLimit.itemTypes']);
    expect(codePathsOf(percentCoupon({ itemTypeLimit: ['only', 'Part'] }))).toEqual(['INVALID_TYPE@itemTypeLimit']);
    expect(codePathsOf(percentCoupon({ itemTypeLimit: { mode: 'only', itemTypes: ['Part'], types: [] } }))).toEqual(['UNKNOWN_FIELD@itemTypeLimit.types']);
  });
});

describe('coupon terms: sale items', () => {
  it('keeps excludeSaleItems: true and drops the default false', () => {
    expect(percentCoupon({ excludeSaleItems: true })).toEqual({ ok: true, value: { type: 'percent', percent: '10', excludeSaleItems: true } });
    expect(percentCoupon({ excludeSaleItems: false })).toEqual({ ok: true, value: { type: 'percent', percent: '10' } });
  });

  it('takes a boolean only', () => {
    expect(errorsOf(percentCoupon({ excludeSaleItems: 'yes' }))).toEqual([
      { code: 'INVALID_TYPE', path: 'excludeSaleItems', message: 'expected true or false, got the string "yes"' },
    ]);
  });
});

describe('coupon terms: canonical form of a complete percentage coupon', () => {
  it('returns every setting, with canonical percentages and amounts at the minor units', () => {
    expect(
      percentCoupon({
        percent: '12.50',
        maxDiscount: '20',
        tiers: [{ minTotal: '25', percent: '15.0' }],
        itemTypeLimit: { mode: 'except', itemTypes: ['Set'] },
        excludeSaleItems: true,
      }),
    ).toEqual({
      ok: true,
      value: {
        type: 'percent',
        percent: '12.5',
        maxDiscount: '20.00',
        tiers: [{ minTotal: '25.00', percent: '15' }],
        itemTypeLimit: { mode: 'except', itemTypes: ['Set'] },
        excludeSaleItems: true,
      },
    });
  });

  it('normalises valid coupon terms', () => {
    expect(validateCouponTerms({ type: 'percent', percent: '10.50', maxDiscount: '0', tiers: [], excludeSaleItems: false }, 'USD')).toEqual({
      ok: true,
      value: { type: 'percent', percent: '10.5' },
    });
  });
});

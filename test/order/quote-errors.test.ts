import { describe, expect, it } from 'vitest';
import { type OrderLine, type QuoteRequest, quoteCoupon } from '../../src/index.js';
import { codePathsOf, err, errorsOf } from '../helpers.js';

// The errors of a quote request (docs/quote.md, "Errors"): every problem at once, each with its code,
// its path and a message for people.

const quoteErrors = (req: unknown) => errorsOf(quoteCoupon(req as QuoteRequest));
const codes = (req: unknown) => codePathsOf(quoteCoupon(req as QuoteRequest));
const line = (id: string, itemType: string, unitPrice: string, quantity = 1, extra: Record<string, unknown> = {}): OrderLine => ({
  id,
  itemType,
  unitPrice,
  quantity,
  ...extra,
});
const one = [line('a', 'Set', '1.00')];

describe('quote request: the request itself', () => {
  it('is an object', () => {
    expect(quoteErrors(null)).toEqual([{ code: 'INVALID_TYPE', path: '', message: 'expected an object, got null' }]);
    expect(quoteErrors([])).toEqual([{ code: 'INVALID_TYPE', path: '', message: 'expected an object, got an array' }]);
  });

  it('requires a currency and lines', () => {
    expect(quoteErrors({})).toEqual([
      { code: 'REQUIRED', path: 'currency', message: '"currency" is required' },
      { code: 'REQUIRED', path: 'lines', message: '"lines" is required' },
    ]);
  });

  it('has no "op" outside the wire', () => {
    expect(codes({ op: 'quote', currency: 'USD', lines: one })).toEqual(['UNKNOWN_FIELD@op']);
  });
});

describe('quote request: currency and rounding', () => {
  it('takes an active ISO 4217 code, upper case, and quotes the code it refuses', () => {
    expect(quoteErrors({ currency: 'usd', lines: one })).toEqual([
      { code: 'UNKNOWN_CURRENCY', path: 'currency', message: '"usd" is not an active ISO 4217 currency code' },
    ]);
    expect(quoteErrors({ currency: 5, lines: one })).toEqual([{ code: 'INVALID_TYPE', path: 'currency', message: 'expected a string, got number 5' }]);
  });

  it('cuts a long refused code to 40 characters in the message', () => {
    expect(quoteErrors({ currency: 'X'.repeat(41), lines: one })).toEqual([
      { code: 'UNKNOWN_CURRENCY', path: 'currency', message: `"${'X'.repeat(40)}" is not an active ISO 4217 currency code` },
    ]);
  });

  it('takes "half-up", "half-even", "half-down", "down" or "up" only, and names all five when it refuses one', () => {
    for (const rounding of ['half_down', 'HALF-UP', 'Down', 'bankers', 'floor', 'ceiling', 'truncate', '', null, 1, ['up'], { mode: 'up' }]) {
      expect(quoteErrors({ currency: 'USD', rounding, lines: one })).toEqual([
        { code: 'INVALID_ROUNDING', path: 'rounding', message: '"rounding" is "half-up" (the default), "half-even", "half-down", "down" or "up"' },
      ]);
    }
    for (const rounding of ['half-up', 'half-even', 'half-down', 'down', 'up'] as const) {
      expect(quoteCoupon({ currency: 'USD', rounding, lines: one }).ok).toBe(true);
    }
  });
});

describe('quote request: lines', () => {
  it('has at least one line, in an array', () => {
    expect(quoteErrors({ currency: 'USD', lines: [] })).toEqual([{ code: 'EMPTY_LINES', path: 'lines', message: 'an order has at least one line' }]);
    expect(codes({ currency: 'USD', lines: { id: 'a' } })).toEqual(['INVALID_TYPE@lines']);
    expect(codes({ currency: 'USD', lines: [line('a', 'Set', '1'), 'b'] })).toEqual(['INVALID_TYPE@lines.1']);
  });

  it('requires id, itemType, unitPrice and quantity, and reports only their absence', () => {
    expect(quoteErrors({ currency: 'USD', lines: [{}] })).toEqual([
      { code: 'REQUIRED', path: 'lines.0.id', message: '"id" is required' },
      { code: 'REQUIRED', path: 'lines.0.itemType', message: '"itemType" is required' },
      { code: 'REQUIRED', path: 'lines.0.unitPrice', message: '"unitPrice" is required' },
      { code: 'REQUIRED', path: 'lines.0.quantity', message: '"quantity" is required' },
    ]);
  });

  it('does not take two lines without an id for the same id', () => {
    const noId = { itemType: 'Set', unitPrice: '1', quantity: 1 };
    expect(codes({ currency: 'USD', lines: [noId, noId, { ...noId, id: 5 }, { ...noId, id: 5 }] })).toEqual([
      'REQUIRED@lines.0.id',
      'REQUIRED@lines.1.id',
      'INVALID_TYPE@lines.2.id',
      'INVALID_TYPE@lines.3.id',
    ]);
  });

  it('refuses empty ids and item types', () => {
    expect(quoteErrors({ currency: 'USD', lines: [line('', '', '1')] })).toEqual([
      { code: 'EMPTY_STRING', path: 'lines.0.id', message: 'must not be empty' },
      { code: 'EMPTY_STRING', path: 'lines.0.itemType', message: 'must not be empty' },
    ]);
    expect(codes({ currency: 'USD', lines: [line(1 as unknown as string, 'Set', '1')] })).toEqual(['INVALID_TYPE@lines.0.id']);
  });

  it('refuses an id used twice, at each repetition, quoting at most 40 characters of it', () => {
    const id = 'L'.repeat(45);
    expect(quoteErrors({ currency: 'USD', lines: [line(id, 'Set', '1'), line('b', 'Set', '1'), line(id, 'Set', '1'), line(id, 'Set', '1')] })).toEqual([
      { code: 'DUPLICATE_LINE_ID', path: 'lines.2.id', message: `line id "${'L'.repeat(40)}" is used twice` },
      { code: 'DUPLICATE_LINE_ID', path: 'lines.3.id', message: `line id "${'L'.repeat(40)}" is used twice` },
    ]);
  });

  it('takes quantities from 1 to 10^9 as JSON integers', () => {
    expect(quoteCoupon({ currency: 'USD', lines: [line('a', 'Set', '0', 1_000_000_000), line('b', 'Set', '0', 1)] }).ok).toBe(true);
    const bad = (got: string) => err('INVALID_QUANTITY', 'lines.0.quantity', `a quantity must be an integer from 1 to 1000000000 (a JSON number), got ${got}`);
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 0)] })).toEqual([bad('number 0')]);
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1_000_000_001)] })).toEqual([bad('number 1000000001')]);
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1.5)] })).toEqual([bad('number 1.5')]);
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', '2' as unknown as number)] })).toEqual([bad('the string "2"')]);
  });

  it('takes batches from 1 to 10^6 as JSON integers', () => {
    expect(quoteCoupon({ currency: 'USD', lines: [line('a', 'Set', '1', 1, { batch: 1 }), line('b', 'Set', '1', 1, { batch: 1_000_000 })] }).ok).toBe(true);
    const bad = (got: string) => [err('INVALID_BATCH', 'lines.0.batch', `a batch must be an integer from 1 to 1000000 (a JSON number), got ${got}`)];
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1, { batch: 0 })] })).toEqual(bad('number 0'));
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1, { batch: 1_000_001 })] })).toEqual(bad('number 1000001'));
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1, { batch: '2' })] })).toEqual(bad('the string "2"'));
  });

  it('takes onSale as a boolean', () => {
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1, { onSale: 'yes' })] })).toEqual([
      { code: 'INVALID_TYPE', path: 'lines.0.onSale', message: 'expected true or false, got the string "yes"' },
    ]);
  });

  it('takes unit prices with up to 30 decimals, not 31', () => {
    expect(quoteCoupon({ currency: 'USD', lines: [line('a', 'Set', `0.${'1'.repeat(30)}`)] }).ok).toBe(true);
    const [e] = quoteErrors({ currency: 'USD', lines: [line('a', 'Set', `0.${'1'.repeat(31)}`)] });
    expect(e).toMatchObject({ code: 'TOO_MANY_DECIMALS', path: 'lines.0.unitPrice' });
    expect(e?.message).toMatch(/^unit prices .*at most 30 decimals, got 31$/);
  });

  it('refuses negative, exponent and float unit prices, and still checks the rest of the line', () => {
    expect(
      codes({
        currency: 'USD',
        lines: [line('a', 'Set', '-1', 2), line('b', 'Set', '1e3', 0), { id: 'c', itemType: 'Set', unitPrice: 1.5, quantity: 1, batch: 0 }],
      }),
    ).toEqual([
      'SIGN_NOT_ALLOWED@lines.0.unitPrice',
      'EXPONENT_NOTATION@lines.1.unitPrice',
      'INVALID_QUANTITY@lines.1.quantity',
      'FLOAT_AMOUNT@lines.2.unitPrice',
      'INVALID_BATCH@lines.2.batch',
    ]);
  });

  it('refuses fields a line does not have', () => {
    expect(quoteErrors({ currency: 'USD', lines: [line('a', 'Set', '1', 1, { colour: 'red' })] })).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'lines.0.colour', message: 'unknown field "colour"' },
    ]);
  });
});

describe('quote request: amounts without a known currency', () => {
  it('judges only the shape of the amounts (up to 30 decimals) and reports the currency', () => {
    expect(codes({ currency: 'XYZ', lines: one, sellerCredit: '1.001', charges: { shipping: '0.5' }, coupon: { type: 'fixed', amount: '2.125' } })).toEqual([
      'UNKNOWN_CURRENCY@currency',
    ]);
    expect(quoteErrors({ currency: 'XYZ', lines: one, sellerCredit: `0.${'1'.repeat(31)}` })).toEqual([
      { code: 'UNKNOWN_CURRENCY', path: 'currency', message: '"XYZ" is not an active ISO 4217 currency code' },
      { code: 'TOO_MANY_DECIMALS', path: 'sellerCredit', message: 'the currency amounts have at most 30 decimals, got 31' },
    ]);
    expect(codes({ lines: one, coupon: { type: 'fixed', amount: '-2' }, sellerCredit: '-1' })).toEqual([
      'REQUIRED@currency',
      'SIGN_NOT_ALLOWED@coupon.amount',
      'SIGN_NOT_ALLOWED@sellerCredit',
    ]);
  });

  it('still computes nothing when the lines are fine but the currency is not', () => {
    expect(codes({ currency: 'usd', lines: [line('a', 'Set', '0.0125', 400)], coupon: { type: 'percent', percent: '10' } })).toEqual([
      'UNKNOWN_CURRENCY@currency',
    ]);
  });
});

describe('quote request: coupon, seller credit and charges', () => {
  it('reports coupon problems under "coupon"', () => {
    expect(quoteErrors({ currency: 'USD', lines: one, coupon: { type: 'percent', percent: '0', tiers: [{ minTotal: '0', percent: '5' }] } })).toEqual([
      { code: 'INVALID_PERCENT', path: 'coupon.percent', message: 'a percentage is above 0 and at most 100, got 0' },
      { code: 'TIER_MIN_TOTAL_NOT_POSITIVE', path: 'coupon.tiers.0.minTotal', message: 'a tier starts above zero' },
    ]);
    expect(codes({ currency: 'USD', lines: one, coupon: [] })).toEqual(['INVALID_TYPE@coupon']);
    expect(codes({ currency: 'USD', lines: one, coupon: 'SAVE10' })).toEqual(['INVALID_TYPE@coupon']);
  });

  it('takes the seller credit as an amount in whole minor units', () => {
    expect(codes({ currency: 'USD', lines: one, sellerCredit: 1 })).toEqual(['NOT_AN_AMOUNT@sellerCredit']);
    expect(quoteErrors({ currency: 'USD', lines: one, sellerCredit: '0.001' })).toEqual([
      { code: 'TOO_MANY_DECIMALS', path: 'sellerCredit', message: 'USD amounts have at most 2 decimals, got 3' },
    ]);
    expect(codes({ currency: 'USD', lines: one, sellerCredit: '-0.01' })).toEqual(['SIGN_NOT_ALLOWED@sellerCredit']);
  });

  it('takes charges as an object of named amounts', () => {
    expect(codes({ currency: 'USD', lines: one, charges: [] })).toEqual(['INVALID_TYPE@charges']);
    expect(codes({ currency: 'USD', lines: one, charges: 'shipping' })).toEqual(['INVALID_TYPE@charges']);
    expect(codes({ currency: 'USD', lines: one, charges: { shipping: '-1', insurance: '0.001', gift: 2 } })).toEqual([
      'SIGN_NOT_ALLOWED@charges.shipping',
      'TOO_MANY_DECIMALS@charges.insurance',
      'NOT_AN_AMOUNT@charges.gift',
    ]);
  });

  it('names a charge with a letter followed by up to 63 letters, digits, "_" or "-"', () => {
    const message = 'a charge name is a letter followed by up to 63 letters, digits, "_" or "-"';
    expect(quoteCoupon({ currency: 'USD', lines: one, charges: { [`a${'b'.repeat(63)}`]: '1.00', 'x_-9': '1.00', Z: '0' } }).ok).toBe(true);
    for (const name of [`a${'b'.repeat(64)}`, '1x', '_x', 'a b', 'frais-d’envoi']) {
      expect(quoteErrors({ currency: 'USD', lines: one, charges: { [name]: '1.00' } })).toEqual([
        { code: 'INVALID_CHARGE_NAME', path: `charges.${name}`, message },
      ]);
    }
  });
});

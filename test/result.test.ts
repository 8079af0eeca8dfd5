import { describe, expect, it } from 'vitest';
import { CouponRulesError, parseMoney, unwrap } from '../src/index.js';
import { assertNever, fail, joinPath, nestPath, ok, ruleError } from '../src/result.js';
import { err, errorsThrownBy } from './helpers.js';

describe('Result values', () => {
  it('an ok result carries ok: true and the value', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
  });

  it('a failed result carries ok: false and every error', () => {
    const errors = [ruleError('REQUIRED', 'x', 'first'), ruleError('INVALID_TYPE', '', 'second')];
    expect(fail(errors)).toEqual({ ok: false, errors });
  });

  it('an error is { code, path, message }', () => {
    expect(ruleError('TOO_MANY_DECIMALS', 'lines.0.unitPrice', 'USD allows at most 2 decimals')).toEqual({
      code: 'TOO_MANY_DECIMALS',
      path: 'lines.0.unitPrice',
      message: 'USD allows at most 2 decimals',
    });
  });

  it('paths are dot-separated, array indexes as numbers, "" for the input itself', () => {
    expect(joinPath('', 'order')).toBe('order');
    expect(joinPath('', 0)).toBe('0');
    expect(joinPath('lines', 0)).toBe('lines.0');
    expect(joinPath('lines.0', 'unitPrice')).toBe('lines.0.unitPrice');
    // An empty key is a key like any other ...
    expect(joinPath('charges', '')).toBe('charges.');
    // ... but the root of a nested input (path '') is the nested input's own path, with no trailing dot.
    expect(nestPath('order.quote', '')).toBe('order.quote');
    expect(nestPath('order.quote', 'lines.0')).toBe('order.quote.lines.0');
  });
});

describe('unwrap', () => {
  it('returns the value of an ok result', () => {
    expect(unwrap(ok('value'))).toBe('value');
    expect(unwrap(parseMoney('9.99', 'USD')).amount).toBe('9.99');
  });

  it('throws a CouponRulesError carrying the errors of a failed result', () => {
    const errors = [ruleError('WHITESPACE', 'amount', 'an amount may not contain whitespace')];
    let thrown: unknown;
    try {
      unwrap(fail(errors));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CouponRulesError);
    expect((thrown as CouponRulesError).errors).toEqual(errors);
    expect((thrown as CouponRulesError).code).toBe('WHITESPACE');
  });
});

describe('CouponRulesError', () => {
  it('is an Error named CouponRulesError with the code of the first error', () => {
    const e = new CouponRulesError([ruleError('CURRENCY_MISMATCH', '', 'cannot combine USD with EUR'), ruleError('INVALID_TYPE', 'x', 'y')]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CouponRulesError');
    expect(e.code).toBe('CURRENCY_MISMATCH');
    expect(e.errors).toHaveLength(2);
  });

  it('its message lists every error, with the path when there is one', () => {
    const e = new CouponRulesError([
      ruleError('WHITESPACE', '', 'an amount may not contain whitespace'),
      ruleError('TOO_MANY_DECIMALS', 'lines.0.unitPrice', 'USD amounts have at most 2 decimals, got 3'),
    ]);
    expect(e.message).toBe(
      'WHITESPACE: an amount may not contain whitespace; TOO_MANY_DECIMALS at lines.0.unitPrice: USD amounts have at most 2 decimals, got 3',
    );
  });

  it('without any error it has the code INTERNAL_ERROR (every code is one of RuleErrorCode) and an empty message', () => {
    const e = new CouponRulesError([]);
    expect(e.code).toBe('INTERNAL_ERROR');
    expect(e.errors).toEqual([]);
    expect(e.message).toBe('');
  });
});

describe('assertNever', () => {
  it('throws a CouponRulesError (INTERNAL_ERROR) naming the value a switch did not expect', () => {
    expect(errorsThrownBy(() => assertNever('bankers' as never))).toEqual([err('INTERNAL_ERROR', '', 'unexpected value: bankers')]);
  });
});

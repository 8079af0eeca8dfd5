import { describe, expect, it } from 'vitest';
import { InputReader } from '../src/input.js';

const reader = () => new InputReader();

describe('InputReader', () => {
  it('starts with no errors and records each one as { code, path, message }', () => {
    const r = reader();
    expect(r.errors).toEqual([]);
    r.error('INVALID_AMOUNT', 'a.b', 'a message');
    r.error('INVALID_TYPE', '', 'another');
    expect(r.errors).toEqual([
      { code: 'INVALID_AMOUNT', path: 'a.b', message: 'a message' },
      { code: 'INVALID_TYPE', path: '', message: 'another' },
    ]);
  });

  describe('object', () => {
    it('returns an object with only allowed keys, reporting nothing', () => {
      const r = reader();
      const value = { a: 1, b: 2 };
      expect(r.object(value, 'order', ['a', 'b', 'c'])).toBe(value);
      expect(r.errors).toEqual([]);
    });

    it('reports each unknown key at its path, and still returns the object', () => {
      const r = reader();
      const value = { a: 1, x: 2, y: 3 };
      expect(r.object(value, 'order', ['a'])).toBe(value);
      expect(r.errors).toEqual([
        { code: 'UNKNOWN_FIELD', path: 'order.x', message: 'unknown field "x"' },
        { code: 'UNKNOWN_FIELD', path: 'order.y', message: 'unknown field "y"' },
      ]);
    });

    it('reports an unknown key of the input itself without a leading dot, and clips long keys to 40 characters', () => {
      const r = reader();
      const long = 'k'.repeat(50);
      r.object({ [long]: 1 }, '', []);
      expect(r.errors).toEqual([{ code: 'UNKNOWN_FIELD', path: long, message: `unknown field "${'k'.repeat(40)}"` }]);
    });

    it('treats __proto__ and constructor keys of parsed JSON as just unknown fields', () => {
      const r = reader();
      r.object(JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'), 'p', []);
      expect(r.errors.map((e) => e.path)).toEqual(['p.__proto__', 'p.constructor']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('is undefined, with INVALID_TYPE, for what is not an object', () => {
      const r = reader();
      expect(r.object([1], 'order', [])).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'INVALID_TYPE', path: 'order', message: 'expected an object, got an array' }]);
    });
  });

  describe('record', () => {
    it('accepts any plain object, all of whose keys are data', () => {
      const r = reader();
      const value = { anything: 1 };
      expect(r.record(value, 'map')).toBe(value);
      expect(r.errors).toEqual([]);
    });

    it.each([
      [null, 'null'],
      [[], 'an array'],
      ['text', 'the string "text"'],
      [5, 'number 5'],
      [true, 'boolean true'],
      [undefined, 'undefined'],
    ])('rejects %j as INVALID_TYPE: expected an object, got %s', (value, described) => {
      const r = reader();
      expect(r.record(value, 'map')).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'INVALID_TYPE', path: 'map', message: `expected an object, got ${described}` }]);
    });
  });

  describe('field and required', () => {
    it('field reads own properties only', () => {
      const r = reader();
      const inherited = Object.create({ a: 1 }) as Record<string, unknown>;
      expect(r.field(inherited, 'a')).toBeUndefined();
      expect(r.field({ a: 1 }, 'a')).toBe(1);
      expect(r.field({ a: null }, 'a')).toBeNull();
      expect(r.field({}, 'toString')).toBeUndefined();
      expect(r.errors).toEqual([]);
    });

    it('required returns a present value, even null or false, without an error', () => {
      const r = reader();
      expect(r.required({ a: 0 }, 'a', 'x')).toBe(0);
      expect(r.required({ a: null }, 'a', 'x')).toBeNull();
      expect(r.required({ a: false }, 'a', 'x')).toBe(false);
      expect(r.errors).toEqual([]);
    });

    it('required reports a missing, undefined or only inherited key as REQUIRED at its path', () => {
      const r = reader();
      expect(r.required({}, 'currency', 'order')).toBeUndefined();
      expect(r.required({ currency: undefined }, 'currency', '')).toBeUndefined();
      expect(r.required(Object.create({ currency: 'USD' }) as Record<string, unknown>, 'currency', 'order')).toBeUndefined();
      expect(r.errors).toEqual([
        { code: 'REQUIRED', path: 'order.currency', message: '"currency" is required' },
        { code: 'REQUIRED', path: 'currency', message: '"currency" is required' },
        { code: 'REQUIRED', path: 'order.currency', message: '"currency" is required' },
      ]);
    });
  });

  describe('typed readers say nothing of a missing value', () => {
    it('string, nonEmptyString, boolean, array and integer return undefined for undefined without an error', () => {
      const r = reader();
      expect(r.string(undefined, 'a')).toBeUndefined();
      expect(r.nonEmptyString(undefined, 'a')).toBeUndefined();
      expect(r.boolean(undefined, 'a')).toBeUndefined();
      expect(r.array(undefined, 'a')).toBeUndefined();
      expect(r.integer(undefined, 'a', 0, 10, 'INVALID_POLICY', 'x')).toBeUndefined();
      expect(r.errors).toEqual([]);
    });
  });

  describe('string and nonEmptyString', () => {
    it('string accepts any string, even empty', () => {
      const r = reader();
      expect(r.string('abc', 'name')).toBe('abc');
      expect(r.string('', 'name')).toBe('');
      expect(r.errors).toEqual([]);
    });

    it('string rejects a non-string as INVALID_TYPE', () => {
      const r = reader();
      expect(r.string(5, 'name')).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'INVALID_TYPE', path: 'name', message: 'expected a string, got number 5' }]);
    });

    it('nonEmptyString rejects "" as EMPTY_STRING', () => {
      const r = reader();
      expect(r.nonEmptyString('', 'id')).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'EMPTY_STRING', path: 'id', message: 'must not be empty' }]);
    });

    it('nonEmptyString accepts a non-empty string and reports a non-string only once, as INVALID_TYPE', () => {
      const r = reader();
      expect(r.nonEmptyString('x', 'id')).toBe('x');
      expect(r.nonEmptyString(null, 'id')).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'INVALID_TYPE', path: 'id', message: 'expected a string, got null' }]);
    });
  });

  describe('boolean', () => {
    it('accepts true and false only', () => {
      const r = reader();
      expect(r.boolean(true, 'flag')).toBe(true);
      expect(r.boolean(false, 'flag')).toBe(false);
      expect(r.boolean('true', 'flag')).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'INVALID_TYPE', path: 'flag', message: 'expected true or false, got the string "true"' }]);
    });
  });

  describe('array', () => {
    it('accepts arrays and rejects other values as INVALID_TYPE', () => {
      const r = reader();
      const value = [1, 2];
      expect(r.array(value, 'lines')).toBe(value);
      expect(r.array({ 0: 1, length: 1 }, 'lines')).toBeUndefined();
      expect(r.errors).toEqual([{ code: 'INVALID_TYPE', path: 'lines', message: 'expected an array, got an object' }]);
    });
  });

  describe('integer', () => {
    it('accepts JSON integers from min to max inclusive', () => {
      const r = reader();
      expect(r.integer(1, 'q', 1, 5, 'INVALID_QUANTITY', 'a quantity')).toBe(1);
      expect(r.integer(5, 'q', 1, 5, 'INVALID_QUANTITY', 'a quantity')).toBe(5);
      expect(r.integer(3, 'q', 1, 5, 'INVALID_QUANTITY', 'a quantity')).toBe(3);
      expect(r.errors).toEqual([]);
    });

    it.each([
      [0, 'number 0'],
      [6, 'number 6'],
      [2.5, 'number 2.5'],
      ['3', 'the string "3"'],
      [null, 'null'],
    ])('rejects %j with the given code, naming the range and the value', (value, described) => {
      const r = reader();
      expect(r.integer(value, 'lines.0.quantity', 1, 5, 'INVALID_QUANTITY', 'a quantity')).toBeUndefined();
      expect(r.errors).toEqual([
        { code: 'INVALID_QUANTITY', path: 'lines.0.quantity', message: `a quantity must be an integer from 1 to 5 (a JSON number), got ${described}` },
      ]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerWireRequest } from '../../src/index.js';
import { ERRORS_MODES, compareAnswers, diffAnswers, normaliseAnswer, wireRequestArb } from '../../src/testing/index.js';

// How conform, audit and the conformance runners compare a candidate's answer with the library's.

describe('normaliseAnswer', () => {
  const refusal = {
    ok: false,
    errors: [
      { code: 'Z_CODE', path: 'a', message: 'one' },
      { code: 'A_CODE', path: 'b', message: 'two' },
      { code: 'Z_CODE', path: 'c', message: 'three' },
    ],
  };

  it('codes: the sorted, distinct codes of a refusal', () => {
    expect(normaliseAnswer(refusal, 'codes')).toStrictEqual({ ok: false, errorCodes: ['A_CODE', 'Z_CODE'] });
  });

  it('exact: each error by code and path, in order, messages dropped', () => {
    expect(normaliseAnswer(refusal, 'exact')).toStrictEqual({
      ok: false,
      errors: [
        { code: 'Z_CODE', path: 'a' },
        { code: 'A_CODE', path: 'b' },
        { code: 'Z_CODE', path: 'c' },
      ],
    });
  });

  it('outcome: only that it is a refusal', () => {
    expect(normaliseAnswer(refusal, 'outcome')).toStrictEqual({ ok: false });
    expect(normaliseAnswer({ ok: false }, 'outcome')).toStrictEqual({ ok: false });
  });

  it('reads the codes of error entries that are not objects as their text (codes), keeps them as they are (exact)', () => {
    const odd = { ok: false, errors: ['X', null, { path: 'p' }, 'X'] };
    expect(normaliseAnswer(odd, 'codes')).toStrictEqual({ ok: false, errorCodes: ['X', 'null', 'undefined'] });
    expect(normaliseAnswer({ ok: false, errors: ['X', null, { code: 'C', path: 'p', message: 'm' }] }, 'exact')).toStrictEqual({
      ok: false,
      errors: ['X', null, { code: 'C', path: 'p' }],
    });
  });

  it('keeps a refusal whose errors are not a list as it is (codes, exact)', () => {
    for (const mode of ['codes', 'exact'] as const) {
      expect(normaliseAnswer({ ok: false, errors: 'REFUSED' }, mode)).toStrictEqual({ ok: false, errors: 'REFUSED' });
      expect(normaliseAnswer({ ok: false }, mode)).toStrictEqual({ ok: false });
    }
  });

  it('leaves successes and anything that is not a refusal unchanged, in every mode', () => {
    for (const mode of ERRORS_MODES) {
      for (const answer of [{ ok: true, errors: [{ code: 'B' }] }, { ok: 'false', errors: [] }, null, 'text', 1, undefined, [{ ok: false }]]) {
        expect(normaliseAnswer(answer, mode)).toBe(answer);
      }
    }
  });

  it('never changes what it is given', () => {
    const frozen = Object.freeze({ ok: false, errors: Object.freeze([Object.freeze({ code: 'B', path: 'x', message: 'm' })]) });
    for (const mode of ERRORS_MODES) normaliseAnswer(frozen, mode);
    expect(frozen).toEqual({ ok: false, errors: [{ code: 'B', path: 'x', message: 'm' }] });
  });
});

describe('compareAnswers', () => {
  it('finds no difference between the library and itself, for generated requests of every op and every mode', () => {
    for (const op of ['quote', 'coupon-state', 'dispute-state', 'outage-plan'] as const) {
      for (const r of fc.sample(wireRequestArb(op), { seed: 3, numRuns: 30 })) {
        const a = answerWireRequest(r);
        for (const mode of ERRORS_MODES) expect(compareAnswers(a, JSON.parse(JSON.stringify(a)), mode)).toEqual([]);
      }
    }
  });

  it('each mode sees what it should: a changed code (codes, exact), a moved path (exact), a flipped outcome (all)', () => {
    const library = { ok: false, errors: [{ code: 'A', path: 'x', message: 'm' }] };
    const otherCode = { ok: false, errors: [{ code: 'B', path: 'x', message: 'm' }] };
    const otherPath = { ok: false, errors: [{ code: 'A', path: 'y', message: 'm' }] };
    const success = { ok: true, result: {} };
    expect(compareAnswers(library, otherCode)).toEqual([{ path: 'errorCodes.0', expected: 'A', actual: 'B' }]);
    expect(compareAnswers(library, otherCode, 'exact')).toEqual([{ path: 'errors.0.code', expected: 'A', actual: 'B' }]);
    expect(compareAnswers(library, otherCode, 'outcome')).toEqual([]);
    expect(compareAnswers(library, otherPath, 'codes')).toEqual([]);
    expect(compareAnswers(library, otherPath, 'exact')).toEqual([{ path: 'errors.0.path', expected: 'x', actual: 'y' }]);
    expect(compareAnswers(library, otherPath, 'outcome')).toEqual([]);
    for (const mode of ERRORS_MODES) expect(compareAnswers(library, success, mode)).toContainEqual({ path: 'ok', expected: false, actual: true });
  });

  it('compares successes field by field in every mode', () => {
    for (const mode of ERRORS_MODES) {
      expect(compareAnswers({ ok: true, result: { a: '1.00' } }, { ok: true, result: { a: '1.0' } }, mode)).toEqual([
        { path: 'result.a', expected: '1.00', actual: '1.0' },
      ]);
    }
  });
});

describe('diffAnswers', () => {
  it('gives each differing field with its dot-separated path (the documented example)', () => {
    expect(diffAnswers({ ok: true, result: { a: '1.00' } }, { ok: true, result: { a: '1.0' } })).toEqual([
      { path: 'result.a', expected: '1.00', actual: '1.0' },
    ]);
  });

  it('gives nothing for equal answers', () => {
    expect(
      diffAnswers(
        { ok: true, result: { lines: [{ id: 'L1', total: '1.00' }], n: null } },
        { ok: true, result: { lines: [{ id: 'L1', total: '1.00' }], n: null } },
      ),
    ).toEqual([]);
    expect(diffAnswers([], [])).toEqual([]);
    expect(diffAnswers({}, {})).toEqual([]);
    expect(diffAnswers(Number.NaN, Number.NaN)).toEqual([]);
  });

  it('names a difference of the whole answer "(answer)"', () => {
    expect(diffAnswers(1, 2)).toEqual([{ path: '(answer)', expected: 1, actual: 2 }]);
    expect(diffAnswers({ ok: true }, undefined)).toEqual([{ path: '(answer)', expected: { ok: true }, actual: undefined }]);
    expect(diffAnswers(null, {})).toEqual([{ path: '(answer)', expected: null, actual: {} }]);
    expect(diffAnswers({}, null)).toEqual([{ path: '(answer)', expected: {}, actual: null }]);
  });

  it('indexes array elements in the path, and reports elements missing on either side', () => {
    expect(diffAnswers({ lines: [{ t: '1' }, { t: '2' }] }, { lines: [{ t: '1' }, { t: '3' }] })).toEqual([{ path: 'lines.1.t', expected: '2', actual: '3' }]);
    expect(diffAnswers(['a'], ['a', 'b'])).toEqual([{ path: '1', expected: undefined, actual: 'b' }]);
    expect(diffAnswers(['a', 'b', 'c'], ['a'])).toEqual([
      { path: '1', expected: 'b', actual: undefined },
      { path: '2', expected: 'c', actual: undefined },
    ]);
  });

  it('reports fields missing on either side, expected fields first', () => {
    expect(diffAnswers({ a: 1, same: true }, { same: true, b: 2 })).toEqual([
      { path: 'a', expected: 1, actual: undefined },
      { path: 'b', expected: undefined, actual: 2 },
    ]);
  });

  it('does not compare an array with an object field by field', () => {
    expect(diffAnswers({ x: [] }, { x: {} })).toEqual([{ path: 'x', expected: [], actual: {} }]);
    expect(diffAnswers({ x: { 0: 'a' } }, { x: ['a'] })).toEqual([{ path: 'x', expected: { 0: 'a' }, actual: ['a'] }]);
    expect(diffAnswers({ x: ['a'] }, { x: 'a' })).toEqual([{ path: 'x', expected: ['a'], actual: 'a' }]);
    expect(diffAnswers({ x: { a: 1 } }, { x: 'a' })).toEqual([{ path: 'x', expected: { a: 1 }, actual: 'a' }]);
    expect(diffAnswers({ x: 'a' }, { x: { a: 1 } })).toEqual([{ path: 'x', expected: 'a', actual: { a: 1 } }]);
  });

  it('compares values exactly (a number is not its string, 0 is not -0)', () => {
    expect(diffAnswers({ n: 1 }, { n: '1' })).toEqual([{ path: 'n', expected: 1, actual: '1' }]);
    expect(diffAnswers(0, -0)).toEqual([{ path: '(answer)', expected: 0, actual: -0 }]);
  });

  it('prefixes the paths with the given path', () => {
    expect(diffAnswers({ a: [1] }, { a: [2] }, 'result')).toEqual([{ path: 'result.a.0', expected: 1, actual: 2 }]);
    expect(diffAnswers(1, 2, 'result')).toEqual([{ path: 'result', expected: 1, actual: 2 }]);
  });
});

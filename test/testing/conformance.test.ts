import fc from 'fast-check';
import { err, errorsThrownBy } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import {
  CONFORMANCE_OPS,
  checkConformance,
  checkCouponStateConformance,
  checkDisputeStateConformance,
  checkOutagePlanConformance,
  checkQuoteConformance,
  diffAnswers,
  wireRequestArb,
  type ConformanceOp,
  type WireRequest,
} from '../../src/testing/index.js';

// The conformance checker of docs/oracle.md: generated wire requests go to the library and to a candidate; successful
// answers must be equal field by field, refusals must carry the same set of error codes (or, with errors: 'exact',
// the same errors in order); the report carries the seed, the shrunk counterexample, both answers and their diff.
const library = (r: WireRequest) => answerWireRequest(r);
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const codeSet = (answer: unknown): unknown => {
  const a = answer as { ok: boolean; errors: { code: string }[] };
  return a.ok ? a : { ok: false, errorCodes: [...new Set(a.errors.map((e) => e.code))].sort() };
};

describe('wireRequestArb', () => {
  it.each(CONFORMANCE_OPS)('gives %s requests that match the op’s wire schema', (op) => {
    for (const request of fc.sample(wireRequestArb(op), { seed: 42, numRuns: 60 })) {
      expect(request.op).toBe(op);
      expect(WIRE_OPS[op].request.safeParse(request).success).toBe(true);
    }
  });

  it('gives quote requests that the library quotes (or refuses only for a seller credit above the total)', () => {
    for (const request of fc.sample(wireRequestArb('quote'), { seed: 42, numRuns: 100 })) {
      const a = answerWireRequest(request);
      if (!a.ok) expect(a.errors.map((e) => e.code)).toEqual(['CREDIT_EXCEEDS_TOTAL']);
    }
  });

  it('gives coupon-state requests with the events beside the coupon, at 0 to 90 days after 2026-12-01T00:00Z, on whole hours', () => {
    const requests = fc.sample(wireRequestArb('coupon-state'), { seed: 42, numRuns: 500 });
    const hours = requests.map((r) => (Date.parse(String(r.at)) - Date.parse('2026-12-01T00:00:00Z')) / 3_600_000);
    expect(hours.every((h) => Number.isInteger(h) && h >= 0 && h <= 24 * 90)).toBe(true);
    expect(hours).toContain(0);
    expect(hours).toContain(24 * 90);
    for (const r of requests) {
      expect(Object.keys(r).sort()).toEqual(['at', 'coupon', 'events', 'op']);
      expect(r.coupon).toMatchObject({ id: 'c1', seller: 's1', recipient: 'b1' });
      expect(r.coupon).not.toHaveProperty('events');
      expect(Array.isArray(r.events)).toBe(true);
    }
    // Both answers occur: states, and refusals of histories that break the rules.
    const answers = requests.slice(0, 100).map((r) => answerWireRequest(r).ok);
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('gives dispute-state requests whose order carries a quote request with its op, viewable by the library', () => {
    for (const r of fc.sample(wireRequestArb('dispute-state'), { seed: 42, numRuns: 60 })) {
      expect(Object.keys(r).sort()).toEqual(['at', 'events', 'op', 'order', 'policy']);
      expect(r.order).toMatchObject({ quote: { op: 'quote', currency: 'USD' }, shippedAt: '2026-11-20T09:00:00Z' });
      expect((r.events as { type: string }[])[0]?.type).toBe('opened');
      expect(answerWireRequest(r).ok).toBe(true);
    }
  });

  it('gives outage-plan requests the library plans', () => {
    for (const r of fc.sample(wireRequestArb('outage-plan'), { seed: 42, numRuns: 60 })) {
      expect(
        Object.keys(r)
          .filter((k) => k !== 'loyaltyMembers')
          .sort(),
      ).toEqual(['at', 'attempts', 'coupons', 'incidents', 'op', 'policy']);
      expect(answerWireRequest(r).ok).toBe(true);
    }
  });

  it('passes the sizes on', () => {
    const quotes = fc.sample(wireRequestArb('quote', { maxLines: 1 }), { seed: 42, numRuns: 50 });
    expect(quotes.every((r) => (r.lines as unknown[]).length === 1)).toBe(true);
  });

  it('refuses an op it does not know', () => {
    expect(errorsThrownBy(() => wireRequestArb('coupon-choices' as ConformanceOp))).toEqual([err('UNKNOWN_OP', 'op', 'unknown op coupon-choices')]);
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

describe('checkConformance', () => {
  it('passes the library itself for every op, through each runner, reporting the runs and the seed', async () => {
    const runners = {
      quote: checkQuoteConformance,
      'coupon-state': checkCouponStateConformance,
      'dispute-state': checkDisputeStateConformance,
      'outage-plan': checkOutagePlanConformance,
    } as const;
    for (const op of CONFORMANCE_OPS) {
      expect(await runners[op](library, { numRuns: 8, seed: 11 })).toEqual({ ok: true, op, numRuns: 8, seed: 11 });
      expect(await checkConformance(op, library, { numRuns: 8, seed: 11, errors: 'exact' })).toEqual({ ok: true, op, numRuns: 8, seed: 11 });
    }
  });

  it('runs the given number of cases, 100 by default, on the same requests for the same seed', async () => {
    const seen: WireRequest[] = [];
    const recording = (r: WireRequest) => {
      seen.push(r);
      return answerWireRequest(r);
    };
    expect(await checkQuoteConformance(recording, { numRuns: 7, seed: 5 })).toEqual({ ok: true, op: 'quote', numRuns: 7, seed: 5 });
    expect(seen).toHaveLength(7);
    const first = seen.splice(0);
    await checkQuoteConformance(recording, { numRuns: 7, seed: 5 });
    expect(seen).toEqual(first);
    seen.length = 0;
    const report = await checkQuoteConformance(recording, { seed: 5 });
    expect(report).toEqual({ ok: true, op: 'quote', numRuns: 100, seed: 5 });
    expect(seen).toHaveLength(100);
  });

  it('without a seed, runs the given number of cases and reports the seed fast-check used (the configured one)', async () => {
    let calls = 0;
    const report = await checkQuoteConformance(
      (r) => {
        calls++;
        return answerWireRequest(r);
      },
      { numRuns: 3 },
    );
    expect(report).toEqual({ ok: true, op: 'quote', numRuns: 3, seed: fc.readConfigureGlobal().seed });
    expect(calls).toBe(3);
  });

  it('passes the sizes on to the generated requests', async () => {
    const sizes: number[] = [];
    await checkQuoteConformance(
      (r) => {
        sizes.push((r.lines as unknown[]).length);
        return answerWireRequest(r);
      },
      { numRuns: 30, seed: 1, maxLines: 1 },
    );
    expect(new Set(sizes)).toEqual(new Set([1]));
  });

  it('accepts an async candidate', async () => {
    expect(await checkConformance('outage-plan', (r) => Promise.resolve(answerWireRequest(r)), { numRuns: 5, seed: 2 })).toEqual({
      ok: true,
      op: 'outage-plan',
      numRuns: 5,
      seed: 2,
    });
  });

  it('reports the first failure: its run number, the shrunk request, both answers and their diff', async () => {
    // A shop that quotes JPY orders as if they had no coupon.
    const seen: WireRequest[] = [];
    const noYenCoupons = (r: WireRequest) => {
      seen.push(r);
      return answerWireRequest(r.currency === 'JPY' ? { ...r, coupon: undefined } : r);
    };
    const report = await checkQuoteConformance(noYenCoupons, { numRuns: 200, seed: 3 });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    const firstFailure =
      seen.findIndex((r) => r.currency === 'JPY' && r.coupon !== undefined && JSON.stringify(answerWireRequest(r)) !== JSON.stringify(noYenCoupons(r))) + 1;
    expect(firstFailure).toBeGreaterThan(0);
    const { counterexample } = report;
    expect(counterexample).toMatchObject({ op: 'quote', currency: 'JPY', coupon: {} });
    expect(report).toEqual({
      ok: false,
      op: 'quote',
      numRuns: 200,
      seed: 3,
      counterexample,
      expected: json(answerWireRequest(counterexample)),
      actual: json(answerWireRequest({ ...counterexample, coupon: undefined })),
      diff: diffAnswers(json(answerWireRequest(counterexample)), json(answerWireRequest({ ...counterexample, coupon: undefined }))),
      failedAfter: firstFailure,
    });
    expect(report.diff.length).toBeGreaterThan(0);
  });

  it('reports a candidate that throws with the message it threw', async () => {
    const report = await checkQuoteConformance(
      () => {
        throw new Error('not implemented');
      },
      { numRuns: 5, seed: 1 },
    );
    expect(report).toMatchObject({ ok: false, failedAfter: 1, actual: { thrown: 'not implemented' } });
    if (report.ok) return;
    expect(report.expected).toEqual(json(answerWireRequest(report.counterexample)));
    expect(report.diff).toContainEqual({ path: 'thrown', expected: undefined, actual: 'not implemented' });
    expect(report.diff).toContainEqual({ path: 'ok', expected: true, actual: undefined });
  });

  it('reports a candidate that throws something other than an Error with its text', async () => {
    const report = await checkQuoteConformance(() => Promise.reject('offline'), { numRuns: 5, seed: 1 }); // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
    expect(report).toMatchObject({ ok: false, actual: { thrown: 'offline' } });
  });

  it('reports a candidate that answers nothing as a difference of the whole answer', async () => {
    const report = await checkQuoteConformance(() => undefined, { numRuns: 5, seed: 1 });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.actual).toBeUndefined();
    expect(report.diff).toEqual([{ path: '(answer)', expected: json(answerWireRequest(report.counterexample)), actual: undefined }]);
  });

  it('reports a candidate that answers null or a string as it is', async () => {
    for (const answer of [null, 'ok', 42]) {
      const report = await checkQuoteConformance(() => answer, { numRuns: 3, seed: 1 });
      expect(report).toMatchObject({ ok: false, actual: answer });
      if (report.ok) return;
      expect(report.diff).toEqual([{ path: '(answer)', expected: json(answerWireRequest(report.counterexample)), actual: answer }]);
    }
  });

  it('compares the candidate’s answer as JSON (undefined fields dropped)', async () => {
    const report = await checkQuoteConformance((r) => ({ ...answerWireRequest(r), extra: undefined }), { numRuns: 10, seed: 4 });
    expect(report).toEqual({ ok: true, op: 'quote', numRuns: 10, seed: 4 });
  });
});

describe('checkConformance: refusals', () => {
  // coupon-state requests often break the lifecycle rules on purpose, so refusals are frequent.
  const refusalsOnly = (answer: unknown) => (r: WireRequest) => (answerWireRequest(r).ok ? answerWireRequest(r) : answer);

  it('by default, compares refusals by their set of codes: order, duplicates, paths and messages do not matter', async () => {
    const reworded = (r: WireRequest) => {
      const a = answerWireRequest(r);
      if (a.ok) return a;
      const errors = [...a.errors].reverse().map((e) => ({ code: e.code, path: 'elsewhere', message: 'worded differently' }));
      return { ok: false, errors: [...errors, ...errors] };
    };
    expect(await checkCouponStateConformance(reworded, { numRuns: 40, seed: 9 })).toEqual({ ok: true, op: 'coupon-state', numRuns: 40, seed: 9 });
  });

  it('reports a refusal with other codes as the sorted, distinct codes of both answers', async () => {
    const report = await checkCouponStateConformance(
      refusalsOnly({
        ok: false,
        errors: [
          { code: 'Z_CODE', path: 'a' },
          { code: 'A_CODE', path: 'b' },
          { code: 'Z_CODE', path: 'c' },
        ],
      }),
      { numRuns: 40, seed: 9 },
    );
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.expected).toEqual(codeSet(answerWireRequest(report.counterexample)));
    expect(report.expected).toEqual({ ok: false, errorCodes: expect.any(Array) as unknown });
    expect(report.actual).toStrictEqual({ ok: false, errorCodes: ['A_CODE', 'Z_CODE'] });
    expect(report.diff.map((d) => d.path)).toContain('errorCodes.0');
  });

  it('reads the codes of error entries that are not objects as their text', async () => {
    const report = await checkCouponStateConformance(refusalsOnly({ ok: false, errors: ['X', null, { path: 'p' }, 'X'] }), { numRuns: 40, seed: 9 });
    expect(report).toMatchObject({ ok: false, actual: { ok: false, errorCodes: ['X', 'null', 'undefined'] } });
  });

  it('with errors: "exact", keeps error entries that are not objects as they are', async () => {
    const report = await checkCouponStateConformance(refusalsOnly({ ok: false, errors: ['X', null, { code: 'C', path: 'p', message: 'm' }] }), {
      numRuns: 40,
      seed: 9,
      errors: 'exact',
    });
    expect(report).toMatchObject({ ok: false, actual: { ok: false, errors: ['X', null, { code: 'C', path: 'p' }] } });
  });

  it('keeps errors that are not a list as they are', async () => {
    const report = await checkCouponStateConformance(refusalsOnly({ ok: false, errors: 'REFUSED' }), { numRuns: 40, seed: 9 });
    expect(report).toMatchObject({ ok: false, actual: { ok: false, errorCodes: 'REFUSED' } });
    const none = await checkCouponStateConformance(refusalsOnly({ ok: false }), { numRuns: 40, seed: 9 });
    expect(none.ok ? undefined : none.actual).toStrictEqual({ ok: false, errorCodes: undefined });
  });

  it('compares successful answers as they are, even when they carry errors', async () => {
    const answer = { ok: true, errors: [{ code: 'B' }, { code: 'A' }] };
    const report = await checkCouponStateConformance(refusalsOnly(answer), { numRuns: 40, seed: 9 });
    expect(report).toMatchObject({ ok: false, actual: answer });
    const notFalse = { ok: 'false', errors: [{ code: 'B' }] };
    expect(await checkCouponStateConformance(refusalsOnly(notFalse), { numRuns: 40, seed: 9 })).toMatchObject({ ok: false, actual: notFalse });
  });

  it('with errors: "exact", compares refusals error by error, in order', async () => {
    const reordered = (r: WireRequest) => {
      const a = answerWireRequest(r);
      return a.ok ? a : { ok: false, errors: [...a.errors, a.errors[0]] };
    };
    const report = await checkCouponStateConformance(reordered, { numRuns: 40, seed: 9, errors: 'exact' });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    // The report shows refusals as compared: each error by code and path (messages are not compared).
    const codesAndPaths = (a: { ok: boolean; errors?: readonly { code: string; path: string }[] }) => ({
      ok: a.ok,
      errors: a.errors?.map(({ code, path }) => ({ code, path })),
    });
    const expected = codesAndPaths(answerWireRequest(report.counterexample));
    expect(report.expected).toEqual(expected);
    expect(report.actual).toEqual(codesAndPaths(reordered(report.counterexample) as { ok: false; errors: readonly { code: string; path: string }[] }));
    const n = expected.errors?.length ?? 0;
    expect(report.diff).toEqual([{ path: `errors.${String(n)}`, expected: undefined, actual: expected.errors?.[0] }]);
    // The same candidate passes when only the set of codes is compared.
    expect((await checkCouponStateConformance(reordered, { numRuns: 40, seed: 9 })).ok).toBe(true);
  });

  it('with errors: "exact", reports a different path', async () => {
    const moved = (r: WireRequest) => {
      const a = answerWireRequest(r);
      return a.ok ? a : { ok: false, errors: a.errors.map((e) => ({ ...e, path: `x.${e.path}` })) };
    };
    const report = await checkCouponStateConformance(moved, { numRuns: 40, seed: 9, errors: 'exact' });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.diff[0]).toMatchObject({ path: 'errors.0.path' });
  });

  it('with errors: "exact", does not compare messages (they are for people and may change)', async () => {
    const reworded = (r: WireRequest) => {
      const a = answerWireRequest(r);
      return a.ok ? a : { ok: false, errors: a.errors.map((e) => ({ ...e, message: `reworded: ${e.message}` })) };
    };
    expect(await checkCouponStateConformance(reworded, { numRuns: 40, seed: 9, errors: 'exact' })).toEqual({
      ok: true,
      op: 'coupon-state',
      numRuns: 40,
      seed: 9,
    });
  });
});

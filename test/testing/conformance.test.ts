import fc from 'fast-check';
import { err, errorsThrownBy } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import {
  CONFORMANCE_OPS,
  CandidateFailure,
  checkConformance,
  checkCouponChoicesConformance,
  checkCouponIssueCheckConformance,
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
  it.each(CONFORMANCE_OPS)('with refusals: 0, gives %s requests that match the op’s wire schema', (op) => {
    for (const request of fc.sample(wireRequestArb(op, { refusals: 0 }), { seed: 42, numRuns: 60 })) {
      expect(request.op).toBe(op);
      expect(WIRE_OPS[op].request.safeParse(request).success).toBe(true);
    }
  });

  it('with refusals: 0, gives quote requests that the library quotes', () => {
    for (const request of fc.sample(wireRequestArb('quote', { refusals: 0 }), { seed: 42, numRuns: 100 })) {
      expect(answerWireRequest(request).ok).toBe(true);
    }
  });

  it('with refusals: 0, gives coupon-state requests with the events beside the coupon, at 0 to 90 days after 2026-12-01T00:00Z, on whole hours', () => {
    const requests = fc.sample(wireRequestArb('coupon-state', { refusals: 0 }), { seed: 42, numRuns: 500 });
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
    expect(requests.every((r) => answerWireRequest(r).ok)).toBe(true);
    // By default both answers occur: states, and refusals (a quarter).
    const answers = fc.sample(wireRequestArb('coupon-state'), { seed: 42, numRuns: 100 }).map((r) => answerWireRequest(r).ok);
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('gives dispute-state requests whose order carries a quote request with its op, viewable by the library', () => {
    for (const r of fc.sample(wireRequestArb('dispute-state', { refusals: 0 }), { seed: 42, numRuns: 60 })) {
      expect(Object.keys(r).sort()).toEqual(['at', 'events', 'op', 'order', 'policy']);
      expect(r.order).toMatchObject({ quote: { op: 'quote', currency: 'USD' }, shippedAt: '2026-11-20T09:00:00Z' });
      expect((r.events as { type: string }[])[0]?.type).toBe('opened');
      expect(answerWireRequest(r).ok).toBe(true);
    }
  });

  it('gives outage-plan requests the library plans', () => {
    for (const r of fc.sample(wireRequestArb('outage-plan', { refusals: 0 }), { seed: 42, numRuns: 60 })) {
      expect(
        Object.keys(r)
          .filter((k) => k !== 'loyaltyMembers')
          .sort(),
      ).toEqual(['at', 'attempts', 'coupons', 'incidents', 'op', 'policy']);
      expect(answerWireRequest(r).ok).toBe(true);
    }
  });

  it('passes the sizes on', () => {
    const quotes = fc.sample(wireRequestArb('quote', { maxLines: 1, refusals: 0 }), { seed: 42, numRuns: 50 });
    expect(quotes.every((r) => (r.lines as unknown[]).length === 1)).toBe(true);
  });

  it('refuses an op it does not know', () => {
    expect(errorsThrownBy(() => wireRequestArb('nope' as ConformanceOp))).toEqual([err('UNKNOWN_OP', 'op', 'unknown op nope')]);
  });
});

describe('checkConformance', () => {
  it('passes the library itself for every op, through each runner, reporting the runs and the seed', async () => {
    const runners = {
      quote: checkQuoteConformance,
      'coupon-state': checkCouponStateConformance,
      'coupon-issue-check': checkCouponIssueCheckConformance,
      'coupon-choices': checkCouponChoicesConformance,
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
      { numRuns: 30, seed: 1, maxLines: 1, refusals: 0 },
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
    const report = await checkQuoteConformance(noYenCoupons, { numRuns: 200, seed: 3, refusals: 0 });
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

describe('checkConformance: a candidate that stops answering', () => {
  it('ends the run at the request it was answering, unshrunk, with what happened, and asks nothing more', async () => {
    const seen: WireRequest[] = [];
    const diesOnFifth = (r: WireRequest) => {
      seen.push(r);
      if (seen.length === 5) throw new CandidateFailure('crash', 'it exited with code 1', ['Traceback', 'KeyError: coupon']);
      return answerWireRequest(r);
    };
    const report = await checkQuoteConformance(diesOnFifth, { numRuns: 50, seed: 8 });
    expect(seen).toHaveLength(5);
    expect(report).toEqual({
      ok: false,
      op: 'quote',
      numRuns: 50,
      seed: 8,
      counterexample: seen[4],
      expected: json(answerWireRequest(seen[4] ?? {})),
      actual: undefined,
      diff: [],
      failedAfter: 5,
      failure: { kind: 'crash', message: 'it exited with code 1', details: ['Traceback', 'KeyError: coupon'] },
    });
  });

  it('is an Error named CandidateFailure, with its kind and details', () => {
    const failure = new CandidateFailure('crash', 'gone', ['last words']);
    expect(failure).toBeInstanceOf(Error);
    expect([failure.name, failure.kind, failure.message, failure.details]).toEqual(['CandidateFailure', 'crash', 'gone', ['last words']]);
    expect(new CandidateFailure('timeout', 'slow').details).toEqual([]);
  });

  it('reports a candidate that stops answering only when the shrunk request is asked again, at that request', async () => {
    let calls = 0;
    const wrong = () => {
      calls++;
      return { ok: true, result: {} };
    };
    const first = await checkQuoteConformance(wrong, { numRuns: 20, seed: 6 });
    const total = calls;
    calls = 0;
    const failsLast = () => {
      if (++calls === total) throw new CandidateFailure('crash', 'gone at the end');
      return { ok: true, result: {} };
    };
    const report = await checkQuoteConformance(failsLast, { numRuns: 20, seed: 6 });
    expect(report.ok ? undefined : report.counterexample).toEqual(first.ok ? undefined : first.counterexample);
    expect(report).toMatchObject({ ok: false, actual: undefined, diff: [], failure: { kind: 'crash', message: 'gone at the end' } });
  });

  it('reports a hang or a desync the same way, from a rejected promise too', async () => {
    for (const kind of ['timeout', 'desync'] as const) {
      const report = await checkCouponStateConformance(() => Promise.reject(new CandidateFailure(kind, `${kind}!`)), { numRuns: 20, seed: 1 });
      expect(report).toMatchObject({ ok: false, failedAfter: 1, failure: { kind, message: `${kind}!`, details: [] } });
    }
  });

  it('treats any other throw as a wrong answer, which is shrunk', async () => {
    const report = await checkQuoteConformance(
      (r) => {
        if ((r.lines as unknown[]).length > 1) throw new Error('one line only');
        return answerWireRequest(r);
      },
      { numRuns: 100, seed: 2 },
    );
    expect(report).toMatchObject({ ok: false, actual: { thrown: 'one line only' } });
    expect(report.ok ? undefined : report.failure).toBeUndefined();
    expect(report.ok ? [] : (report.counterexample.lines as unknown[])).toHaveLength(2);
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

  it('reports a refusal with other codes: both answers as given, the diff between the sorted, distinct codes', async () => {
    const given = {
      ok: false,
      errors: [
        { code: 'Z_CODE', path: 'a' },
        { code: 'A_CODE', path: 'b' },
        { code: 'Z_CODE', path: 'c' },
      ],
    };
    const report = await checkCouponStateConformance(refusalsOnly(given), { numRuns: 40, seed: 9 });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.expected).toEqual(json(answerWireRequest(report.counterexample)));
    expect(report.actual).toStrictEqual(given);
    expect(report.diff).toEqual(diffAnswers(codeSet(report.expected), { ok: false, errorCodes: ['A_CODE', 'Z_CODE'] }));
    expect(report.diff.map((d) => d.path)).toContain('errorCodes.0');
  });

  it('with errors: "outcome", compares only ok versus refused', async () => {
    expect(await checkCouponStateConformance(refusalsOnly({ ok: false, errors: [{ code: 'REFUSED' }] }), { numRuns: 40, seed: 9, errors: 'outcome' })).toEqual({
      ok: true,
      op: 'coupon-state',
      numRuns: 40,
      seed: 9,
    });
    const neverRefuses = (r: WireRequest) => {
      const a = answerWireRequest(r);
      return a.ok ? a : { ok: true, result: {} };
    };
    const report = await checkCouponStateConformance(neverRefuses, { numRuns: 40, seed: 9, errors: 'outcome' });
    expect(report).toMatchObject({ ok: false, actual: { ok: true, result: {} } });
    if (report.ok) return;
    expect(report.diff).toContainEqual({ path: 'ok', expected: false, actual: true });
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
    // The report shows both answers as given; the diff compares each error by code and path (messages are not compared).
    const expected = answerWireRequest(report.counterexample);
    expect(report.expected).toEqual(json(expected));
    expect(report.actual).toEqual(json(reordered(report.counterexample)));
    const n = expected.ok ? 0 : expected.errors.length;
    const first = expected.ok ? undefined : expected.errors[0];
    expect(report.diff).toEqual([{ path: `errors.${String(n)}`, expected: undefined, actual: { code: first?.code, path: first?.path } }]);
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

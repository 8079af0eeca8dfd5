import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWireLine } from '../../src/wire/answer.js';

// Runs the built CLI (the package project builds dist/ first): vectors loads coupon-rules/testing through the
// package's own exports, as it does where it is installed.

const cli = (args: readonly string[], input?: string, nodeArgs: readonly string[] = []) =>
  spawnSync(process.execPath, [...nodeArgs, 'dist/cli.js', ...args], { input, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });

interface Testing {
  wireRequestArb(op: string, options?: { refusals?: number }): fc.Arbitrary<unknown>;
}
const entry = 'coupon-rules/testing';
const testing = (await import(entry)) as Testing;
const ops = ['quote', 'coupon-state', 'coupon-issue-check', 'coupon-choices', 'dispute-state', 'outage-plan'];

interface Pair {
  request: { op?: unknown };
  answer: { ok: boolean };
}
const parse = (stdout: string): Pair[] =>
  stdout
    .split('\n')
    .slice(0, -1)
    .map((l) => JSON.parse(l) as Pair);

describe('coupon-rules vectors', () => {
  it.each(ops)('writes N request/answer pairs of %s: the library’s answers, deterministic for a seed, refusals included', (op) => {
    const run = cli(['vectors', '--op', op, '--n', '1200', '--seed', '9']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(1200);
    const pairs = parse(run.stdout);
    for (const [i, p] of pairs.entries()) {
      expect(Object.keys(p)).toEqual(['request', 'answer']);
      expect(p.request.op).toBe(op);
      // The answer is the oracle's answer to the request's own text, byte for byte.
      expect(lines[i]).toBe(`{"request":${JSON.stringify(p.request)},"answer":${answerWireLine(JSON.stringify(p.request))}}`);
    }
    // About a quarter are refusals, as in conform.
    const refusals = pairs.filter((p) => !p.answer.ok).length;
    expect(refusals / pairs.length, `refusals among ${op} vectors`).toBeGreaterThan(0.15);
    expect(refusals / pairs.length).toBeLessThan(0.4);

    // The same seed gives the same bytes; a smaller N gives a prefix; another seed other requests.
    expect(cli(['vectors', '--op', op, '--n', '1200', '--seed', '9']).stdout).toBe(run.stdout);
    expect(run.stdout.startsWith(cli(['vectors', '--op', op, '--n', '150', '--seed', '9']).stdout)).toBe(true);
    expect(cli(['vectors', '--op', op, '--n', '150', '--seed', '10']).stdout).not.toBe(lines.slice(0, 150).join('\n') + '\n');
    // Requests are drawn in batches of 1,000, each from its own seed: the second batch is not the first again.
    expect(new Set(lines.slice(1000).map((l) => l.slice(0, l.indexOf(',"answer":'))))).not.toEqual(
      new Set(lines.slice(0, 200).map((l) => l.slice(0, l.indexOf(',"answer":')))),
    );

    // And audit of a freshly written file passes.
    const audit = cli(['audit', '-'], run.stdout);
    expect(audit.stdout).toBe('audit: 1200 pairs read: all agree (errors compared by codes)\n');
    expect(audit.status).toBe(0);
  });

  it('draws its first 1,000 requests as fc.sample(wireRequestArb(op), { seed }) does', () => {
    const op = ops[0] ?? 'quote';
    const requests = parse(cli(['vectors', '--op', op, '--n', '1000', '--seed', '42']).stdout).map((p) => p.request);
    const sampled = fc.sample(testing.wireRequestArb(op), { numRuns: 1000, seed: 42 }).map((r) => JSON.parse(JSON.stringify(r)) as unknown);
    expect(requests).toEqual(sampled);
  });

  it('default seed is 1', () => {
    expect(cli(['vectors', '--op', ops[0] ?? 'quote', '--n', '5']).stdout).toBe(cli(['vectors', '--op', ops[0] ?? 'quote', '--n', '5', '--seed', '1']).stdout);
  });

  it('with --refusals, draws that share of refusals: none with 0, only refusals with 1', () => {
    const share = (refusals: string) => {
      const pairs = parse(cli(['vectors', '--op', 'dispute-state', '--n', '300', '--refusals', refusals]).stdout);
      return pairs.filter((p) => !p.answer.ok).length / pairs.length;
    };
    expect(share('0')).toBe(0);
    expect(share('1')).toBe(1);
    expect(share('0.5')).toBeGreaterThan(0.35);
    expect(share('0.5')).toBeLessThan(0.65);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [
      [],
      ['--op', 'quote'],
      ['--n', '5'],
      ['--op', 'refund', '--n', '5'],
      ['--op', 'quote', '--n', '0'],
      ['--op', 'quote', '--n', '1.5'],
      ['--op', 'quote', '--n', '-3'],
      ['--op', 'quote', '--n', '10000001'],
      ['--op', 'quote', '--n', '5', '--seed', 'x'],
      ['--op', 'quote', '--n', '5', '--seed', '99999999999999999999'],
      ['--op', 'quote', '--n', '5', 'extra'],
      ['--op', 'quote', '--n', '5', '--runs', '5'],
      ['--op', 'quote', '--n', '5', '--refusals', '1.5'],
      ['--op', 'quote', '--n', '5', '--refusals', '-0.1'],
    ]) {
      const run = cli(['vectors', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^coupon-rules vectors: .+\nUsage: coupon-rules vectors --op OP --n N \[--seed S\] \[--refusals SHARE\]\n/);
    }
  });

  it('says how to install fast-check when it is missing', () => {
    // A loader hook that makes fast-check unresolvable, as where it is not installed.
    const hook = `export async function resolve(s, c, next) { if (s === 'fast-check' || s.startsWith('fast-check/')) throw Object.assign(new Error("Cannot find package 'fast-check'"), { code: 'ERR_MODULE_NOT_FOUND' }); return next(s, c); }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
    const run = cli(['vectors', '--op', 'quote', '--n', '5'], undefined, ['--import', `data:text/javascript,${encodeURIComponent(register)}`]);
    expect(run.stderr).toBe('coupon-rules vectors needs fast-check: npm install --save-dev fast-check\n');
    expect(run.status).toBe(2);
    // audit needs neither fast-check nor zod: it runs where they are missing.
    const vectors = cli(['vectors', '--op', 'quote', '--n', '20']).stdout;
    expect(cli(['audit', '-'], vectors, ['--import', `data:text/javascript,${encodeURIComponent(register.replaceAll('fast-check', 'zod'))}`]).status).toBe(0);
    expect(cli(['audit', '-'], vectors, ['--import', `data:text/javascript,${encodeURIComponent(register)}`]).status).toBe(0);
  });
});

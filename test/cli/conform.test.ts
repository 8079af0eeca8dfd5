import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs the built CLI (npm test builds first), as a user would, against the Python example and against
// test/cli/programs/misbehaving.mjs, a program that answers like the library except in one chosen way.
const conform = (args: readonly string[]) => spawnSync(process.execPath, ['dist/cli.js', 'conform', ...args], { encoding: 'utf8', timeout: 120_000 });
const misbehaving = (mode: string) => [process.execPath, 'test/cli/programs/misbehaving.mjs', mode];
const OPS = ['quote', 'coupon-state', 'coupon-issue-check', 'coupon-choices', 'dispute-state', 'outage-plan'];

describe('coupon-rules conform', () => {
  it('finds the deliberate rounding bug of the Python example and prints a minimal case with a replay seed', () => {
    const run = conform(['--op', 'quote', '--runs', '200', '--seed', '42', '--', 'python3', 'examples/python/coupon_oracle.py']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL: python3 disagrees with coupon-rules on op "quote"');
    const request = JSON.parse(run.stdout.split('\n')[3] ?? '{}') as { lines: unknown[]; coupon?: unknown; rounding?: string };
    expect(request.lines.length).toBeLessThanOrEqual(2);
    expect(request.coupon).toBeUndefined();
    expect(request.rounding).not.toBe('half-even'); // the one mode the example gets right
    expect(run.stdout).toMatch(/result\.lines\.\d\.lineTotal: expected "[\d.]+", got "[\d.]+"/);
    expect(run.stdout).toContain('Replay: coupon-rules conform --op quote --runs 200 --seed 42 -- python3 examples/python/coupon_oracle.py');
  });

  it("passes the library's own oracle on every op, in every errors mode", () => {
    for (const op of OPS) {
      const run = conform(['--op', op, '--runs', '40', '--', process.execPath, 'dist/cli.js', 'oracle']);
      expect(run.stdout).toContain(`conforms on op "${op}": 40 cases agree`);
      expect(run.status).toBe(0);
    }
    for (const errors of ['exact', 'outcome'])
      expect(conform(['--errors', errors, '--runs', '20', '--', process.execPath, 'dist/cli.js', 'oracle']).status).toBe(0);
  });

  it('exits 2 on bad usage, saying why', () => {
    const cases: [readonly string[], string][] = [
      [['--op', 'nope', '--', 'cat'], '--op is one of quote, coupon-issue-check, coupon-state, coupon-choices, dispute-state, outage-plan'],
      [['--runs', 'x', '--', 'cat'], '--runs takes a whole number from 1'],
      [['--runs', '0', '--', 'cat'], '--runs takes a whole number from 1: zero runs would check nothing'],
      [['--seed', '1.5', '--', 'cat'], '--seed takes a whole number'],
      [['--timeout', '0', '--', 'cat'], '--timeout takes a whole number of milliseconds from 1'],
      [['--errors', 'loose', '--', 'cat'], '--errors is one of codes, exact, outcome'],
      [['--refusals', '2', '--', 'cat'], '--refusals takes a share from 0 to 1, such as 0.25'],
      [['--frobnicate', '--', 'cat'], 'unknown option --frobnicate'],
      [['cat'], 'the program to test comes after --, not before: cat'],
      [[], 'the program to test comes after --'],
    ];
    for (const [args, message] of cases) {
      const run = conform(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    }
  });

  it('catches a program that replaces every error code, on every op, within 300 runs (and --errors outcome lets it pass)', () => {
    for (const op of OPS) {
      const run = conform(['--op', op, '--runs', '300', '--seed', '1', '--', ...misbehaving('refused')]);
      expect(run.stdout, op).toContain(`disagrees with coupon-rules on op "${op}"`);
      expect(run.stdout).toMatch(/errorCodes\.0: expected "[A-Z_]+", got "REFUSED"/);
      // The program's own answer line, as it wrote it, messages and all.
      expect(run.stdout).toMatch(/Actual \(.*'s answer line\):\n {2}\{"ok":false,"errors":\[\{"code":"REFUSED","path":/);
      expect(run.status).toBe(1);
      expect(conform(['--op', op, '--runs', '300', '--seed', '1', '--errors', 'outcome', '--', ...misbehaving('refused')]).status).toBe(0);
    }
  });

  it('with --refusals 0, checks answers only: a program that gets every refusal code wrong passes', () => {
    const run = conform(['--op', 'coupon-state', '--runs', '100', '--seed', '1', '--refusals', '0', '--', ...misbehaving('refused')]);
    expect(run.stdout).toContain('conforms on op "coupon-state": 100 cases agree');
    expect(run.status).toBe(0);
  });

  it('with --errors outcome, still catches a program that never refuses', () => {
    const run = conform(['--op', 'dispute-state', '--runs', '300', '--seed', '1', '--errors', 'outcome', '--', ...misbehaving('no-refusals')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('ok: expected false, got true');
    expect(run.stdout).toContain('refusals compared by outcome only');
    expect(run.stdout).toContain('--errors outcome');
  });

  it('reports a program that stops answering as a hang, with the request it was not answering, on every op', () => {
    for (const op of OPS) {
      const started = Date.now();
      // Long enough for a first answer on a busy machine (the program loads the library), short enough for the test.
      const run = conform(['--op', op, '--runs', '50', '--timeout', '2500', '--', ...misbehaving('hang-after-3')]);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`hung on op "${op}" at case 4: it did not answer within 2500 ms`);
      const request = JSON.parse(run.stdout.split('\n')[3] ?? '{}') as { op?: string };
      expect(request.op).toBe(op);
      expect(run.stdout).toContain('--timeout 2500');
    }
  });

  it('reports a crash with its exit status, the end of its stderr and the request that killed it, on every op', () => {
    for (const op of OPS) {
      const run = conform(['--op', op, '--runs', '50', '--seed', '4', '--', ...misbehaving('crash-on-6')]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`crashed on op "${op}" at case 6: it exited with code 3`);
      expect(run.stdout).toContain('misbehaving: giving up on request 6');
      expect(run.stdout).not.toContain('got undefined'); // no field-by-field noise from a dead process
      expect((JSON.parse(run.stdout.split('\n')[3] ?? '{}') as { op?: string }).op).toBe(op);
    }
  });

  it('reports a program that prints a stray line on stdout as out of step, at the request after it', () => {
    const run = conform(['--runs', '50', '--', ...misbehaving('chatty-on-2')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/fell out of step on op "quote" at case (2|3): it wrote a line that (is not JSON|answers no request): debug: that was the one/);
  });

  it('reports a program that does not start', () => {
    const run = conform(['--runs', '5', '--', 'no-such-program-here']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('crashed on op "quote" at case 1: cannot start no-such-program-here');
  });
});

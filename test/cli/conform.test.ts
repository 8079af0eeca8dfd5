import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs the built CLI (npm test builds first), as a user would.
const conform = (args: readonly string[]) => spawnSync(process.execPath, ['dist/cli.js', 'conform', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('coupon-rules conform', () => {
  it('finds the deliberate rounding bug of the Python example and prints a minimal case with a replay seed', () => {
    const run = conform(['--op', 'quote', '--runs', '200', '--seed', '42', '--', 'python3', 'examples/python/coupon_oracle.py']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL: python3 disagrees with coupon-rules on op "quote"');
    const request = JSON.parse(run.stdout.split('\n')[3] ?? '{}') as { lines: { unitPrice: string }[]; coupon?: unknown };
    expect(request.lines.length).toBeLessThanOrEqual(2);
    expect(request.coupon).toBeUndefined();
    expect(request.lines.some((l) => /5$/.test(l.unitPrice))).toBe(true); // a half-way tie: half-up and half-even part here
    expect(run.stdout).toMatch(/result\.lines\.\d\.lineTotal: expected "[\d.]+", got "[\d.]+"/);
    expect(run.stdout).toContain('Replay: coupon-rules conform --op quote --runs 200 --seed 42 -- python3 examples/python/coupon_oracle.py');
  });

  it("passes the library's own oracle on every op, and exits 2 on bad usage", () => {
    for (const op of ['quote', 'coupon-state', 'dispute-state', 'outage-plan']) {
      const run = conform(['--op', op, '--runs', '40', '--', process.execPath, 'dist/cli.js', 'oracle']);
      expect(run.stdout).toContain(`conforms on op "${op}": 40 cases agree`);
      expect(run.status).toBe(0);
    }
    expect(conform(['--op', 'nope', '--', 'cat']).status).toBe(2);
    expect(conform(['--runs', 'x', '--', 'cat']).status).toBe(2);
    const none = conform(['--runs', '0', '--', 'cat']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--runs takes a whole number from 1: zero runs would check nothing');
    expect(conform(['--seed', '1.5', '--', 'cat']).status).toBe(2);
    expect(conform([]).status).toBe(2);
  });

  it('reports a program that dies or does not start', () => {
    const run = conform(['--runs', '5', '--', 'no-such-program-here']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('noAnswer');
  });
});

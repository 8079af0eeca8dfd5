import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The packed package, installed into a scratch project, as a user gets it (npm test builds first).
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'coupon-rules-pack-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

beforeAll(() => {
  execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball), 'fast-check@^4'], { cwd: dir, stdio: 'pipe' });
}, 240_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const node = (file: string, code: string) => {
  writeFileSync(join(dir, file), code);
  return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
};

describe('the packed package', () => {
  it('ships only what users need', () => {
    const files = readdirSync(join(dir, 'node_modules/coupon-rules')).sort();
    expect(files).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']);
  });

  it('works with import, ./schema, ./testing and the shipped JSON Schemas', () => {
    const run = node(
      'esm.mjs',
      `import { quoteCoupon, answerWireRequest } from 'coupon-rules';
       import { QuoteRequestSchema } from 'coupon-rules/schema';
       import { checkQuoteConformance, quoteRequestArb } from 'coupon-rules/testing';
       import fc from 'fast-check';
       import { createRequire } from 'node:module';
       const schema = createRequire(import.meta.url)('coupon-rules/schemas/quote.request.json');
       const [req] = fc.sample(quoteRequestArb({ maxLines: 2 }), 1);
       if (!QuoteRequestSchema.safeParse({ op: 'quote', ...req }).success) throw new Error('schema');
       if (schema.properties.op.const !== 'quote') throw new Error('json schema');
       const q = quoteCoupon({ currency: 'USD', lines: [{ id: 'a', itemType: 'P', unitPrice: '2', quantity: 1 }] });
       if (!q.ok || q.value.grandTotal !== '2.00') throw new Error('quote');
       const report = await checkQuoteConformance((r) => answerWireRequest(r), { numRuns: 25, seed: 1 });
       console.log(report.ok ? 'conforms' : 'FAIL');`,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('conforms');
  });

  it('works with require', () => {
    const run = node(
      'cjs.cjs',
      `const { money, percentage } = require('coupon-rules'); const { wireRequestArb } = require('coupon-rules/testing'); console.log(percentage(money('10', 'USD'), '15').amount, typeof wireRequestArb);`,
    );
    expect(run.stdout.trim()).toBe('1.50 function');
  });

  it('starts the oracle without loading zod, decimal.js or the conformance kit (they load with their commands)', () => {
    // The static imports of the CLI entry, followed through its chunks: what Node loads before the first answer.
    const distDir = join(dir, 'node_modules/coupon-rules/dist');
    const staticImports = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const code = readFileSync(join(distDir, file), 'utf8');
      for (const m of code.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["']/gmu)) {
        const spec = m[1] ?? '';
        if (spec.startsWith('./')) staticImports(spec.slice(2), seen);
        else seen.add(spec);
      }
      return seen;
    };
    const loaded = [...staticImports('cli.js')];
    expect(loaded).toContain('fs');
    expect(loaded.filter((s) => /zod|decimal\.js|fast-check|conform|schemas-|format-|quote-/u.test(s))).toEqual([]);
    const run = spawnSync(process.execPath, [join(distDir, 'cli.js'), 'oracle'], {
      cwd: dir,
      encoding: 'utf8',
      input: '{"op":"quote","currency":"USD","lines":[{"id":"a","itemType":"P","unitPrice":"2","quantity":1}]}\n',
    });
    expect(run.stdout).toContain('"grandTotal":"2.00"');
  });

  it('answers bulk input on helper threads, in input order, exactly as the library does', () => {
    const run = node(
      'bulk.mjs',
      `import { answerWireLine } from 'coupon-rules';
       import { quoteRequestArb } from 'coupon-rules/testing';
       import fc from 'fast-check';
       import { spawnSync } from 'node:child_process';
       const requests = fc.sample(quoteRequestArb({ maxLines: 4 }), { numRuns: 4000, seed: 11 }).map((r, i) => (i % 97 === 0 ? '{"op":"nope"}' : JSON.stringify({ op: 'quote', ...r })));
       const out = spawnSync(process.execPath, ['node_modules/coupon-rules/dist/cli.js', 'oracle'], { input: requests.join('\\n') + '\\n', encoding: 'utf8', maxBuffer: 1 << 28 });
       const answers = out.stdout.split('\\n').slice(0, -1);
       const wrong = requests.filter((r, i) => answers[i] !== answerWireLine(r)).length;
       console.log(out.status, answers.length, wrong);`,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0 4000 0');
  });

  it('installs the coupon-rules command, whose conform checks a program against the oracle', () => {
    const bin = join(dir, 'node_modules/.bin/coupon-rules');
    const ok = spawnSync(bin, ['conform', '--op', 'dispute-state', '--runs', '15', '--', bin, 'oracle'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(ok.stdout).toContain('15 cases agree');
    expect(ok.status).toBe(0);
    const python = spawnSync(bin, ['conform', '--runs', '200', '--seed', '3', '--', 'python3', join(root, 'examples/python/coupon_oracle.py')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(python.status).toBe(1);
    expect(python.stdout).toContain('Replay: coupon-rules conform --op quote --runs 200 --seed 3');
  });
});

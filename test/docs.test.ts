import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Every TypeScript block in README.md and docs/ runs against the sources, so an example that stops working fails the suite.
const root = resolve(import.meta.dirname, '..');
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const blocks = files.flatMap((file) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${file} #${String(i + 1)}`, code: m[1] ?? '' })),
);
const dir = mkdtempSync(join(tmpdir(), 'coupon-rules-docs-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('documentation examples', () => {
  it('finds examples to run', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });
  it.each(blocks.filter((b) => b.code.includes("from 'coupon-rules'")))('$name runs', ({ name, code }) => {
    const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
    writeFileSync(file, code.replaceAll("from 'coupon-rules'", `from '${join(root, 'src/index.ts')}'`));
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

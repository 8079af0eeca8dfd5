import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

// Every TypeScript block in README.md and docs/ is compiled (strict) and run against the sources,
// so an example that stops working fails the suite.
const root = resolve(import.meta.dirname, '..');
const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const entry: Record<string, string> = {
  'coupon-rules': join(root, 'src/index.js'),
  'coupon-rules/schema': join(root, 'src/schema.js'),
  'coupon-rules/testing': join(root, 'src/testing/index.js'),
};
// Inside the project (under node_modules/.cache), so that the examples resolve fast-check like a user's code would.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/docs-examples-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const blocks = files
  .flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${file} #${String(i + 1)}`, code: m[1] ?? '' })),
  )
  .filter((b) => /from 'coupon-rules(\/\w+)?'/.test(b.code))
  .map((b) => {
    const file = join(dir, `${b.name.replace(/[^a-z0-9]+/gi, '-')}.mts`);
    writeFileSync(
      file,
      b.code.replace(/from '(coupon-rules(?:\/\w+)?)'/g, (_, spec: string) => `from '${entry[spec] ?? spec}'`),
    );
    return { ...b, file };
  });

describe('documentation examples', () => {
  it('finds examples to check', () => {
    expect(blocks.length).toBeGreaterThan(6);
  });

  it('all compile under strict TypeScript', () => {
    const program = ts.createProgram(
      blocks.map((b) => b.file),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        types: ['node'],
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(dir))
      .map((d) => `${blocks.find((b) => b.file === d.file?.fileName)?.name ?? '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });

  it.each(blocks)('$name runs', ({ file }) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

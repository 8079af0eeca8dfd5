import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, markdownExamples, prepare, publicNames, type RunResult, runExamples } from './doc-examples.js';

// Every TypeScript block in README.md and docs/ that imports coupon-rules is compiled (strict) and run against the
// sources, so an example that stops working fails the suite. The blocks run in one tsx process, each as its own module;
// their printed-result comments are checked by doc-outputs.test.ts.
const root = resolve(import.meta.dirname, '..');
const entries = entriesOf(root);
const names = await publicNames(entries);
const blocks = markdownExamples(root).filter((b) => /from 'coupon-rules(\/\w+)?'/.test(b.code));

// Inside the project (under node_modules/.cache), so that the examples resolve fast-check like a user's code would.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/docs-examples-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const files = blocks.map((b) => {
  const file = join(dir, `${b.name.replace(/[^a-z0-9]+/gi, '-')}.mts`);
  writeFileSync(
    file,
    b.code.replace(/from '(coupon-rules(?:\/\w+)?)'/g, (_, spec: string) => `from '${entries[spec] ?? spec}'`),
  );
  return { name: b.name, file };
});

let run: RunResult = { printed: {}, failed: {}, stderr: {}, error: 'not run' };
beforeAll(() => {
  run = runExamples(
    root,
    blocks.map((b) => prepare(b, entries, names)),
    'docs-run',
  );
});

describe('documentation examples', () => {
  it('finds examples to check', () => {
    expect(blocks.length).toBeGreaterThan(6);
  });

  it('all compile under strict TypeScript', () => {
    const program = ts.createProgram(
      files.map((b) => b.file),
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
      .map((d) => `${files.find((b) => b.file === d.file?.fileName)?.name ?? '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });

  it('all run to the end', () => {
    expect(run.error).toBe('');
  });

  it.each(blocks)('$name runs', ({ name }) => {
    expect(run.failed[name]).toBeUndefined();
    expect(run.stderr[name] ?? '').toBe('');
  });
});

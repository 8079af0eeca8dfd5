import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, type Example, markdownExamples, prepare, publicNames, type RunResult, runExamples, tsdocExamples } from './doc-examples.js';

// Every TypeScript block in README.md and docs/ that imports coupon-rules is compiled (strict) and run against the
// sources, so an example that stops working fails the suite; so is every TSDoc `@example` of src/ that imports it
// (doc-outputs.test.ts runs those). The blocks run in one tsx process, each as its own module; their printed-result
// comments are checked by doc-outputs.test.ts.
const root = resolve(import.meta.dirname, '..');
const entries = entriesOf(root);
const names = await publicNames(entries);
const importsLibrary = (e: Example) => /from 'coupon-rules(\/\w+)?'/.test(e.code);
const blocks = markdownExamples(root).filter(importsLibrary);
const tsdoc = tsdocExamples(root).filter(importsLibrary);

// Inside the project (under node_modules/.cache), so that the examples resolve fast-check like a user's code would.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/docs-examples-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const files = [...blocks, ...tsdoc].map((example, i) => {
  const file = join(dir, `${String(i).padStart(3, '0')}-${example.name.replace(/[^a-z0-9]+/gi, '-')}.mts`);
  writeFileSync(
    file,
    example.code.replace(/from '(coupon-rules(?:\/\w+)?)'/g, (_, spec: string) => `from '${entries[spec] ?? spec}'`),
  );
  return { example, file };
});

// One strict program for all the examples: each problem as `file:line: message` (the line in README.md, docs/ or src/).
let problems: { kind: Example['kind']; text: string }[] = [];
let run: RunResult = { printed: {}, failed: {}, stderr: {}, error: 'not run' };
beforeAll(() => {
  const program = ts.createProgram(
    files.map((f) => f.file),
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
  problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(dir))
    .map((d) => {
      const example = files.find((f) => f.file === d.file?.fileName)?.example;
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      const at = example ? `${example.file}:${String(example.fileLines[line] ?? 0)}` : '?';
      return { kind: example?.kind ?? 'markdown', text: `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}` };
    });
  run = runExamples(
    root,
    blocks.map((b) => prepare(b, entries, names)),
    'docs-run',
  );
});

describe('documentation examples', () => {
  it('finds examples to check', () => {
    expect(blocks.length).toBeGreaterThan(6);
    expect(tsdoc.length).toBeGreaterThan(150);
  });

  it('all compile under strict TypeScript', () => {
    expect(problems.filter((p) => p.kind === 'markdown').map((p) => p.text)).toEqual([]);
  });

  it('TSDoc examples compile under strict TypeScript', () => {
    expect(problems.filter((p) => p.kind === 'tsdoc').map((p) => p.text)).toEqual([]);
  });

  it('all run to the end', () => {
    expect(run.error).toBe('');
  });

  it.each(blocks)('$name runs', ({ name }) => {
    expect(run.failed[name]).toBeUndefined();
    expect(run.stderr[name] ?? '').toBe('');
  });
});

import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entriesOf, type Finding, markdownExamples, normalise, prepare, publicNames, type RunResult, runExamples, tsdocExamples } from './doc-examples.js';

// Issue 16: every printed-result comment of README.md, docs/*.md and the TSDoc `@example` blocks of src/ is checked.
// The convention: `console.log(expr); // → printed` (or `//=>`), `printed` being what console.log prints (util.inspect
// style: `{ code: 'JPY', minorUnits: 0 }`, `[ '1.00', '2.50' ]`, strings bare). Whitespace next to brackets, braces,
// commas and colons does not count, any other run of whitespace counts as one space. A line that prints several times
// is compared with its outputs joined. Any explanation goes on its own comment line above, never after the value.
// Every TSDoc example, and every README/docs example with an output comment, runs in one tsx process, each as its own
// module (its console.log calls on output lines instrumented), so the whole check takes a few seconds.

const root = resolve(import.meta.dirname, '..');
const entries = entriesOf(root);
// An example that imports nothing from the library gets an import of the public names it mentions.
const names = await publicNames(entries);
const markdown = markdownExamples(root).filter((e) => /\/\/\s*(?:→|=>)/.test(e.code));
const tsdoc = tsdocExamples(root);
const prepared = [...markdown, ...tsdoc].map((e) => prepare(e, entries, names));
const outputs = prepared.flatMap((p) => p.outputs);

let run: RunResult = { printed: {}, failed: {}, stderr: {}, error: 'not run' };
beforeAll(() => {
  run = runExamples(root, prepared, 'doc-outputs');
});

const where = (f: Finding) => `${f.file}:${String(f.line)}: ${f.text}`;

describe('printed-result comments of the examples', () => {
  it('finds the examples and their output comments', () => {
    expect(tsdoc.length).toBeGreaterThan(150);
    expect(markdown.length).toBeGreaterThan(3);
    expect(outputs.length).toBeGreaterThan(75);
  });

  it('runs every example to the end', () => {
    expect(run.error).toBe('');
  });

  it('every `// →` comment is what its line prints', () => {
    const wrong = outputs.flatMap((o) => {
      const got = run.printed[o.id];
      const at = `${o.file}:${String(o.line)}\n  expected: ${o.expected}\n  got:      `;
      if (got === undefined) {
        const error = run.failed[o.example]?.split('\n')[0];
        return [`${at}nothing: the line never ran${error === undefined ? '' : ` (${error})`}`];
      }
      const text = got.join('\n');
      return normalise(text) === normalise(o.expected) ? [] : [`${at}${text.replace(/\s+/g, ' ').trim()}`];
    });
    expect(wrong, `${String(wrong.length)} of ${String(outputs.length)} output comments are wrong:\n${wrong.join('\n')}\n`).toEqual([]);
  });

  it('every `// →` comment follows a console.log call on its line', () => {
    expect(prepared.flatMap((p) => p.misplaced).map(where)).toEqual([]);
  });

  it('every TSDoc example runs without throwing', () => {
    const thrown = prepared.filter((p) => p.example.kind === 'tsdoc' && run.failed[p.example.name] !== undefined);
    expect(thrown.map((p) => `${p.example.name}: ${run.failed[p.example.name]?.split('\n')[0] ?? ''}`)).toEqual([]);
  });

  it('every file writes every printed result with the arrow', () => {
    expect(prepared.flatMap((p) => p.oldStyle).map(where)).toEqual([]);
  });
});

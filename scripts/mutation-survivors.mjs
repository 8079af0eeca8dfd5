// Lists the mutants Stryker left alive (survived or without coverage), grouped by why no test can kill them.
// Usage: node scripts/mutation-survivors.mjs [reports/mutation/mutation.json]
// Prints Markdown: one row per kind with the places, then every mutant that no pattern explains, with its note
// from scripts/mutation-notes.json or "NO EXPLANATION YET" — those need a test or a note. A note names its file and
// the whole source line (trimmed), so it follows the line when code moves and lapses when the line is edited.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const notes = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('./mutation-notes.json')), 'utf8'));

const KINDS = [
  {
    kind: 'unreachable `default:` of an exhaustive switch',
    why: 'every value was checked against the union before the switch; the `default` only satisfies the `never` check',
    test: (m, orig) => orig.startsWith('default:'),
  },
  {
    kind: 'an empty list of extra field names or remedy ids given one made-up entry',
    why: 'the lists hold field names a reader also accepts (`extraKeys`) or incident ids already answered; no input names a field or an incident "Stryker was here", so one more entry changes nothing',
    test: (m, orig) => m.mutatorName === 'ArrayDeclaration' && orig === '[]' && /^\[\s*"Stryker was here"\s*\]$/u.test(m.replacement ?? ''),
  },
  {
    kind: 'guard after a reported error',
    why: 'a missing or invalid field has already been reported, and every caller refuses an input with errors, so the half-built value behind the guard is never used; `raw === undefined ? default : read(raw)` gives the same as `read(raw) ?? default` because readers return `undefined` silently for an absent value',
    // Readers only: the generators of src/testing/ report no errors.
    test: (m, orig, file) =>
      !file.startsWith('src/testing/') &&
      ['ConditionalExpression', 'LogicalOperator'].includes(m.mutatorName) &&
      /^[!\w\s.&|()=<>]+$/u.test(orig) &&
      /(?:!==|===) undefined|errors\.length/u.test(orig),
  },
  {
    kind: 'loop bound one step past the end',
    why: 'the extra step reads an absent index, which the loop body skips (`noUncheckedIndexedAccess` guard) or compares `undefined` with `undefined`',
    test: (m, orig) => m.mutatorName === 'EqualityOperator' && /^(?:i|j|k|kk) < [\w.()\s,]+$/u.test(orig) && (m.replacement ?? '').includes('<='),
  },
  {
    kind: '`?.` on a value that always exists',
    why: 'required by `noUncheckedIndexedAccess` or an optional type; on every path that reaches it the value is present',
    test: (m) => m.mutatorName === 'OptionalChaining',
  },
];

const rows = new Map(KINDS.map((k) => [k.kind, []]));
const others = [];
let total = 0;
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  const short = file.replace(/\\/gu, '/').replace(/^.*?src\//u, 'src/');
  for (const m of mutants) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    total++;
    const { start, end } = m.location;
    const orig =
      start.line === end.line
        ? (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
        : [
            (lines[start.line - 1] ?? '').slice(start.column - 1),
            ...lines.slice(start.line, end.line - 1),
            (lines[end.line - 1] ?? '').slice(0, end.column - 1),
          ].join('\n');
    const where = `${short}:${start.line}`;
    const kind = KINDS.find((k) => k.test(m, orig.trim(), short));
    if (kind) rows.get(kind.kind).push(where);
    else {
      const text = (lines[start.line - 1] ?? '').trim();
      // A note is found by its file, else by its line anywhere (code that moved to another file keeps its note).
      const note = (
        (notes[short] ?? []).find((n) => n.line === text) ??
        Object.values(notes)
          .flat()
          .find((n) => n.line === text)
      )?.why;
      const show = (s) => JSON.stringify(s.length > 70 ? `${s.slice(0, 67)}...` : s);
      others.push(
        `| ${where}:${start.column} | ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''}: \`${show(orig)} → ${show(m.replacement ?? '')}\` | ${note ?? '**NO EXPLANATION YET**'} |`,
      );
    }
  }
}

const compress = (places) => {
  const byFile = new Map();
  for (const p of places) {
    const i = p.lastIndexOf(':');
    const f = p.slice(0, i);
    byFile.set(f, [...new Set([...(byFile.get(f) ?? []), Number(p.slice(i + 1))])]);
  }
  return [...byFile.entries()].map(([f, ls]) => `\`${f}\` ${ls.sort((a, b) => a - b).join(', ')}`).join('; ');
};

console.log(`${String(total)} mutants left alive.\n`);
console.log('| kind | mutants | why no test can kill them | where (file and lines) |');
console.log('| --- | ---: | --- | --- |');
for (const k of KINDS) {
  const places = rows.get(k.kind);
  if (places.length > 0) console.log(`| ${k.kind} | ${String(places.length)} | ${k.why} | ${compress(places)} |`);
}
console.log(`\nThe other ${String(others.length)}, one by one:\n`);
console.log('| where | mutant | why it is left |');
console.log('| --- | --- | --- |');
for (const o of others.sort()) console.log(o);

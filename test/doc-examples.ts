import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

// Finding the examples of README.md, docs/*.md and the TSDoc `@example` blocks of src/, and preparing them to run with
// their printed-result comments checked. The convention (issue 16): `console.log(expr); // → printed`, where `printed`
// is what console.log prints; `//=>` is accepted for `// →`. See test/doc-outputs.test.ts.

/** One example: its code as written (TSDoc `*` margins removed) and, for each of its lines, the line of the file it is on. */
export interface Example {
  /** `README.md #2` or `src/money/money.ts:14` (the line of the `@example` tag). */
  readonly name: string;
  /** Relative to the repository root. */
  readonly file: string;
  readonly kind: 'markdown' | 'tsdoc';
  readonly code: string;
  readonly fileLines: readonly number[];
}

/** A place in a file, with what was found there. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** A `// → printed` comment to check: `id` is what the instrumented line records its output under. */
export interface OutputComment {
  readonly id: string;
  readonly example: string;
  readonly file: string;
  readonly line: number;
  readonly expected: string;
}

export interface Prepared {
  readonly example: Example;
  /** The module to run: imports of coupon-rules mapped to the sources, output lines instrumented. */
  readonly code: string;
  readonly outputs: readonly OutputComment[];
  /** `// →` comments on a line where no console.log call ends. */
  readonly misplaced: readonly Finding[];
  /** console.log lines whose output is written the old way: a trailing comment without the arrow, or a value on the next line. */
  readonly oldStyle: readonly Finding[];
}

/** The name the instrumented lines call instead of console.log: `__docLog(id, ...args)`. */
export const LOG = '__docLog';

/** The ```ts blocks of README.md and docs/*.md. */
export function markdownExamples(root: string): Example[] {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/^[ \t]*```(?:ts|typescript)\n([\s\S]*?)^[ \t]*```/gm)].map((m, i) => {
      const code = m[1] ?? '';
      const first = text.slice(0, m.index).split('\n').length + 1;
      return { name: `${file} #${String(i + 1)}`, file, kind: 'markdown' as const, code, fileLines: code.split('\n').map((_, j) => first + j) };
    });
  });
}

/** Every `@example` of every TSDoc comment in src/**\/*.ts: its ```ts fenced blocks, or its whole body when it has no fence. */
export function tsdocExamples(root: string): Example[] {
  return sourceFiles(join(root, 'src')).flatMap((path) => {
    const file = relative(root, path).split('\\').join('/');
    const lines = readFileSync(path, 'utf8').split('\n');
    const examples: Example[] = [];
    let comment: { text: string; line: number }[] | undefined;
    lines.forEach((raw, i) => {
      if (comment === undefined && /^\s*\/\*\*(?!\/)/.test(raw)) comment = [];
      if (comment === undefined) return;
      const closes = raw.includes('*/');
      const text = raw
        .replace(/\*\/.*$/, '')
        .replace(/^\s*\/\*\*\s?/, '')
        .replace(/^\s*\* ?/, '');
      comment.push({ text, line: i + 1 });
      if (closes) {
        examples.push(...examplesOfComment(file, comment));
        comment = undefined;
      }
    });
    return examples;
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function examplesOfComment(file: string, comment: readonly { text: string; line: number }[]): Example[] {
  const examples: Example[] = [];
  for (let i = 0; i < comment.length; i++) {
    const tag = comment[i];
    if (tag === undefined || !/^@example\b/.test(tag.text)) continue;
    // The body runs to the next block tag outside a fence.
    const body: { text: string; line: number }[] = [];
    let fenced = false;
    for (let j = i + 1; j < comment.length; j++) {
      const l = comment[j];
      if (l === undefined) break;
      if (!fenced && /^@\w/.test(l.text)) break;
      if (/^\s*```/.test(l.text)) fenced = !fenced;
      body.push(l);
    }
    const name = `${file}:${String(tag.line)}`;
    // Fenced blocks in TypeScript (or JavaScript); a block in another language is skipped.
    const fences: { text: string; line: number }[][] = [];
    let open: { text: string; line: number }[] | 'other' | undefined;
    let anyFence = false;
    for (const l of body) {
      if (/^\s*```/.test(l.text)) {
        anyFence = true;
        if (open === undefined) open = /^\s*```(?:ts|typescript|js|javascript)?\s*$/.test(l.text) ? [] : 'other';
        else {
          if (open !== 'other') fences.push(open);
          open = undefined;
        }
      } else if (open !== undefined && open !== 'other') open.push(l);
    }
    const blocks = anyFence ? fences.filter((b) => b.length > 0) : [body];
    blocks.forEach((b, k) => {
      examples.push({
        name: blocks.length > 1 ? `${name} #${String(k + 1)}` : name,
        file,
        kind: 'tsdoc',
        code: b.map((l) => l.text).join('\n'),
        fileLines: b.map((l) => l.line),
      });
    });
  }
  return examples;
}

/** The package's entries, mapped to the sources. */
export function entriesOf(root: string): Record<string, string> {
  return {
    'coupon-rules': join(root, 'src/index.js'),
    'coupon-rules/schema': join(root, 'src/schema.js'),
    'coupon-rules/testing': join(root, 'src/testing/index.js'),
  };
}

/** Where each public name comes from: `name → specifier`, the root entry first. */
export type PublicNames = ReadonlyMap<string, string>;

/** The runtime names each entry exports (types need no import: tsx erases them). */
export async function publicNames(entries: Readonly<Record<string, string>>): Promise<PublicNames> {
  const names = new Map<string, string>();
  for (const [spec, path] of Object.entries(entries).reverse()) {
    for (const name of Object.keys((await import(pathToFileURL(path.replace(/\.js$/, '.ts')).href)) as object)) names.set(name, spec);
  }
  return names;
}

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
]);

/** The output comment marker: `// →` or `//=>`, then the printed text. */
const ARROW = /^\s*(?:→|=>)\s?(.*)$/;
/** A comment line that holds a value rather than an explanation (the old way of writing an output below its line). */
const VALUE = /^\s*(?:[[{'"`]|-?\d|true\b|false\b|undefined\b|null\b)/;

/**
 * Prepares an example to run: imports of `coupon-rules`, `coupon-rules/schema` and `coupon-rules/testing` point at the
 * sources (`entries`); an example that imports nothing from them gets an import of the public names it mentions; every
 * console.log call that ends on a line with a `// →` comment becomes `__docLog(id, ...)`.
 */
export function prepare(example: Example, entries: Readonly<Record<string, string>>, names: PublicNames): Prepared {
  const { code } = example;
  const source = ts.createSourceFile('example.mts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const fileLine = (line: number) => example.fileLines[line] ?? 0;

  const literals: [number, number][] = [];
  const logs: { call: ts.CallExpression; line: number }[] = [];
  const used = new Set<string>();
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (LITERALS.has(node.kind)) literals.push([node.getStart(source), node.end]);
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) used.add(node.text);
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'console.log') logs.push({ call: node, line: lineOf(node.end) });
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = entries[node.moduleSpecifier.text];
      if (target !== undefined) {
        edits.push({ start: node.moduleSpecifier.getStart(source), end: node.moduleSpecifier.end, text: JSON.stringify(target) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // The line comment of each line: the first `//` that is not inside a string, template or regular expression.
  const lines = code.split('\n');
  let offset = 0;
  const comments = lines.map((text) => {
    const start = offset;
    offset += text.length + 1;
    for (let at = text.indexOf('//'); at >= 0; at = text.indexOf('//', at + 1)) {
      const pos = start + at;
      if (!literals.some(([s, e]) => pos >= s && pos < e)) return { text: text.slice(at + 2), only: text.slice(0, at).trim() === '' };
    }
    return undefined;
  });

  const outputs: OutputComment[] = [];
  const misplaced: Finding[] = [];
  const oldStyle: Finding[] = [];
  comments.forEach((c, line) => {
    const arrow = c === undefined ? null : ARROW.exec(c.text);
    if (!arrow) return;
    const calls = logs.filter((l) => l.line === line);
    const id = `${example.file}:${String(fileLine(line))}`;
    if (calls.length === 0) {
      misplaced.push({ file: example.file, line: fileLine(line), text: (lines[line] ?? '').trim() });
      return;
    }
    outputs.push({ id, example: example.name, file: example.file, line: fileLine(line), expected: (arrow[1] ?? '').trim() });
    for (const { call } of calls) {
      const open = code.indexOf('(', call.expression.end);
      edits.push({ start: call.expression.getStart(source), end: open + 1, text: `${LOG}(${JSON.stringify(id)}, ` });
    }
  });
  for (const line of new Set(logs.map((l) => l.line))) {
    const c = comments[line];
    if (c !== undefined && !c.only) {
      if (!ARROW.test(c.text)) oldStyle.push({ file: example.file, line: fileLine(line), text: (lines[line] ?? '').trim() });
    } else if (c === undefined) {
      const next = comments[line + 1];
      if (next?.only === true && !ARROW.test(next.text) && VALUE.test(next.text))
        oldStyle.push({ file: example.file, line: fileLine(line + 1), text: `${(lines[line] ?? '').trim()} ⏎ ${(lines[line + 1] ?? '').trim()}` });
    }
  }

  const importsLibrary = source.statements.some(
    (s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && entries[s.moduleSpecifier.text] !== undefined,
  );
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (!importsLibrary) {
    const declared = topLevelNames(source);
    const bySpecifier = new Map<string, string[]>();
    for (const name of used) {
      const spec = names.get(name);
      if (spec !== undefined && !declared.has(name)) bySpecifier.set(spec, [...(bySpecifier.get(spec) ?? []), name]);
    }
    const header = [...bySpecifier].map(([spec, ns]) => `import { ${ns.sort().join(', ')} } from ${JSON.stringify(entries[spec] ?? spec)};`).join(' ');
    // On the first line, so that the example keeps its line numbers in stack traces.
    if (header !== '') out = `${header} ${out}`;
  }
  return { example, code: out, outputs, misplaced, oldStyle };
}

function topLevelNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const e of name.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  for (const s of source.statements) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) bind(d.name);
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) names.add(s.name.text);
    else if (ts.isImportDeclaration(s) && s.importClause) {
      const { name, namedBindings } = s.importClause;
      if (name) names.add(name.text);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
      else if (namedBindings) for (const e of namedBindings.elements) names.add(e.name.text);
    }
  }
  return names;
}

/**
 * The comparison of printed text with a comment: whitespace next to brackets, braces, commas and colons does not count
 * (Node spreads a long value over lines), any other run of whitespace counts as one space.
 */
export function normalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([[\]{},:]) ?/g, '$1')
    .trim();
}

/**
 * The program that runs the prepared modules one after another in one process: `__docLog` formats its arguments with
 * node:util `format`, exactly as console.log does, and records the text under the line's id. It writes
 * `{ printed: { id: [text, …] }, failed: { module: error }, stderr: { module: text } }` to `resultFile`.
 */
export function driver(modules: readonly { name: string; url: string }[], resultFile: string): string {
  return `import { format } from 'node:util';
import { writeFileSync } from 'node:fs';
const printed = {};
const failed = {};
const stderr = {};
let current = '';
globalThis.${LOG} = (id, ...args) => { (printed[id] ??= []).push(format(...args)); };
process.on('unhandledRejection', (e) => { failed[current] ??= String(e instanceof Error ? e.stack : e); });
// What an example writes on stderr (console.error, console.warn, warnings) is its own; the driver's progress is not.
const progress = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk) => { stderr[current] = (stderr[current] ?? '') + String(chunk); return true; };
const modules = ${JSON.stringify(modules)};
for (const { name, url } of modules) {
  current = name;
  progress(name + '\\n');
  try {
    await import(url);
  } catch (e) {
    failed[name] = String(e instanceof Error ? e.stack : e);
  }
}
await new Promise((resolve) => setTimeout(resolve, 0));
writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify({ printed, failed, stderr }));
`;
}

/** What running the prepared examples gave: the printed text per output id, the error per example that threw, its stderr. */
export interface RunResult {
  readonly printed: Readonly<Record<string, readonly string[] | undefined>>;
  readonly failed: Readonly<Record<string, string | undefined>>;
  readonly stderr: Readonly<Record<string, string | undefined>>;
  /** Empty when the process ran every example; else why not, and the example it was on. */
  readonly error: string;
}

/**
 * Runs the prepared examples, each as its own module, in one tsx process started in `root`. Their files go to a fresh
 * folder under `node_modules/.cache` (inside the project, so that they resolve fast-check like a user's code would),
 * removed afterwards.
 */
export function runExamples(root: string, prepared: readonly Prepared[], tag: string): RunResult {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, `node_modules/.cache/${tag}-`));
  try {
    const modules = prepared.map((p, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}-${p.example.name.replace(/[^a-z0-9]+/gi, '-')}.mts`);
      writeFileSync(file, p.code);
      return { name: p.example.name, url: pathToFileURL(file).href };
    });
    const resultFile = join(dir, 'result.json');
    const main = join(dir, 'main.mts');
    writeFileSync(main, driver(modules, resultFile));
    const run = spawnSync(process.execPath, ['--import', 'tsx', main], { encoding: 'utf8', cwd: root, timeout: 120_000, maxBuffer: 1 << 26 });
    try {
      return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<RunResult, 'error'>), error: '' };
    } catch {
      const last = run.stderr.trim().split('\n').at(-1) ?? '';
      return {
        printed: {},
        failed: {},
        stderr: {},
        error: `the examples did not run to the end (status ${String(run.status)}, ${String(run.signal)}); last started: ${last}`,
      };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { once } from 'node:events';
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import process from 'node:process';
import type { Readable, Writable } from 'node:stream';
import { MAX_LINE_BYTES } from '../contract/index.js';
import { compareAnswers, ERRORS_MODES, type ErrorsMode, type FieldDiff, isRecord } from '../testing/compare.js';
import { answerWireRequest } from '../wire/answer.js';
import { ioFailure, parseArgs, usageError } from './io.js';
import { LineReader } from './line-reader.js';

// `coupon-rules audit`: recorded request/answer pairs, each answered again by the library and compared.
// It loads neither fast-check nor zod (compare.ts needs neither), so that a shop can audit its production
// history where only the package itself is installed. Memory stays constant whatever the number of lines:
// a line is read, checked and reported, then dropped; the summary keeps bounded counts only.

/** Options of {@link auditStream}. */
export interface AuditOptions {
  /** How refusals are compared (default `codes`), as for `conform`. */
  readonly errors?: ErrorsMode;
  /** Write JSON lines (one object per finding, then the summary) instead of text. */
  readonly json?: boolean;
  /** Longest line read, in bytes (default the oracle's `MAX_LINE_BYTES`); a longer one is reported, never held whole. */
  readonly maxLineBytes?: number;
  /** Where to show a `\r` progress line (a terminal); none when left out. */
  readonly progress?: Writable;
  /** How often the progress line is redrawn at most, in ms (default 200). */
  readonly progressEveryMs?: number;
  /** Distinct keys each summary count keeps (default 1000); the rest are counted under `(other)`. */
  readonly maxSummaryKeys?: number;
}

/** What an audit found: the counts of the summary (the JSON summary line is this, with `kind: "summary"`). */
export interface AuditSummary {
  readonly errors: ErrorsMode;
  /** Lines read, blank ones included: the last line number. */
  readonly lines: number;
  /** Lines that are request/answer pairs: `agree + differ`. */
  readonly pairs: number;
  readonly agree: number;
  readonly differ: number;
  /** Lines that are not pairs (not JSON, not UTF-8, too long, no `request` or `answer`, or not checkable). */
  readonly notPairs: number;
  /** Empty or whitespace-only lines, skipped. */
  readonly blankLines: number;
  /** Differing fields, array indices as `*`: in how many pairs each differs. */
  readonly fields: Readonly<Record<string, number>>;
  /** Differing outcomes and error codes (`INVALID_AMOUNT expected, recorded BAD_PRICE`): in how many pairs. */
  readonly codes: Readonly<Record<string, number>>;
}

/** Exit code of an audit: 0 when every line is a pair and every pair agrees, 1 otherwise (an empty input checks nothing: 1). */
export function auditExitCode(summary: AuditSummary): number {
  return summary.pairs > 0 && summary.differ === 0 && summary.notPairs === 0 ? 0 : 1;
}

/** Fields shown per differing pair in the text output; the JSON output lists up to {@link JSON_DIFFERENCES}. */
const TEXT_DIFFERENCES = 10;
/** Differences listed per pair in the JSON output (`differenceCount` gives them all): a pair's record stays bounded. */
const JSON_DIFFERENCES = 1000;
/** A value, path or summary key is cut to this many characters: a hostile recorded key must not fill the summary. */
const MAX_SHOWN_CHARS = 200;
/** Output is written once a chunk's lines are checked, or sooner when this much is waiting. */
const FLUSH_CHARS = 1 << 20;

const cut = (s: string): string => (s.length > MAX_SHOWN_CHARS ? `${s.slice(0, MAX_SHOWN_CHARS)}…` : s);

// Control characters (a recorded key may hold a newline) would break the one-finding-per-line text output.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** A name (path, op, code) for the text output: as it is, or JSON-quoted when it holds control characters. */
const name = (s: string): string => cut(CONTROL.test(s) ? JSON.stringify(s) : s);

/** JSON text of a recorded value; one nested too deeply for JSON.stringify's recursion is described instead. */
function jsonOf(v: unknown): string | undefined {
  try {
    return JSON.stringify(v);
  } catch {
    return JSON.stringify('(a value too deeply nested to print)');
  }
}

const show = (v: unknown): string => (v === undefined ? '(missing)' : cut(jsonOf(v) ?? '(not JSON)'));

/** A field path with its array indices generalised, for the summary: `result.lines.3.lineTotal` → `result.lines.*.lineTotal`. */
const fieldKey = (path: string): string => path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');

/** One side of an outcome, for the error-code summary: `ok`, `refused` (outcome mode), its sorted codes, or not an answer. */
function sideOf(answer: unknown, mode: ErrorsMode): { readonly kind: 'ok' | 'refused' | 'other'; readonly codes: readonly string[] } {
  if (!isRecord(answer) || (answer.ok !== true && answer.ok !== false)) return { kind: 'other', codes: [] };
  if (answer.ok) return { kind: 'ok', codes: [] };
  if (mode === 'outcome' || !Array.isArray(answer.errors)) return { kind: 'refused', codes: [] };
  const codes = new Set<string>();
  for (const e of answer.errors as readonly unknown[]) codes.add(name(isRecord(e) ? String(e.code) : (jsonOf(e) ?? 'undefined')));
  return { kind: 'refused', codes: [...codes].sort() };
}

function sideText(side: ReturnType<typeof sideOf>): string {
  switch (side.kind) {
    case 'ok':
      return 'ok';
    case 'other':
      return 'not an answer';
    case 'refused':
      return side.codes.length === 0 ? 'refused' : side.codes.join(' + ');
    default: {
      const never: never = side.kind;
      return never;
    }
  }
}

/** The error-code summary key of a differing pair, or none when both outcomes and code sets are the same. */
function codeKey(expected: unknown, recorded: unknown, mode: ErrorsMode): string | undefined {
  const e = sideOf(expected, mode);
  const r = sideOf(recorded, mode);
  if (e.kind === r.kind && e.codes.join('\n') === r.codes.join('\n')) return undefined;
  return `${sideText(e)} expected, recorded ${sideText(r)}`;
}

/** Counts by key, at most `maxKeys` distinct keys: past them every new key is counted under `(other)`. */
class Tally {
  private readonly counts = new Map<string, number>();
  private other = 0;

  constructor(private readonly maxKeys: number) {}

  add(key: string): void {
    const k = cut(key);
    const n = this.counts.get(k);
    if (n !== undefined) this.counts.set(k, n + 1);
    else if (this.counts.size < this.maxKeys) this.counts.set(k, 1);
    else this.other++;
  }

  /** Most frequent first, then by name; `(other)` last. */
  entries(): readonly (readonly [string, number])[] {
    const sorted = [...this.counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
    return this.other > 0 ? [...sorted, ['(other)', this.other] as const] : sorted;
  }
}

/** What one line is: blank, not a pair, a pair that agrees, or one that differs. */
type Finding =
  | { readonly kind: 'blank' }
  | { readonly kind: 'agree' }
  | { readonly kind: 'not-pair'; readonly reason: string }
  | { readonly kind: 'differ'; readonly op: string | null; readonly diffs: readonly FieldDiff[]; readonly code: string | undefined };

function checkLine(text: string, mode: ErrorsMode): Finding {
  if (text.trim() === '') return { kind: 'blank' };
  let pair: unknown;
  try {
    pair = JSON.parse(text);
  } catch (e) {
    return { kind: 'not-pair', reason: `not JSON (${name(e instanceof Error ? e.message : String(e))})` };
  }
  if (!isRecord(pair)) return { kind: 'not-pair', reason: 'not a JSON object {"request": …, "answer": …}' };
  // Other keys (an id, a timestamp) may ride along: production history often carries them.
  if (!Object.hasOwn(pair, 'request')) return { kind: 'not-pair', reason: 'no "request"' };
  if (!Object.hasOwn(pair, 'answer')) return { kind: 'not-pair', reason: 'no "answer"' };
  const { request, answer: recorded } = pair;
  try {
    // Any request is answered, as the oracle would answer its line: a recorded refusal of a malformed request is a pair too.
    const expected = answerWireRequest(request);
    const diffs = compareAnswers(expected, recorded, mode);
    if (diffs.length === 0) return { kind: 'agree' };
    const op = isRecord(request) && typeof request.op === 'string' ? request.op : null;
    return { kind: 'differ', op, diffs, code: codeKey(expected, recorded, mode) };
  } catch (e) {
    // A recorded value that defeats the comparison (one nested past the stack's depth) must not end the audit.
    return { kind: 'not-pair', reason: `cannot be checked (${name(e instanceof Error ? e.message : String(e))})` };
  }
}

function differText(line: number, op: string | null, diffs: readonly FieldDiff[]): string {
  const head = `line ${String(line)} (${op === null ? 'no op' : name(op)}): ${diffs.length === 1 ? '1 field differs' : `${String(diffs.length)} fields differ`}\n`;
  let text = head;
  for (const d of diffs.slice(0, TEXT_DIFFERENCES)) text += `  ${name(d.path)}: expected ${show(d.expected)}, recorded ${show(d.actual)}\n`;
  if (diffs.length > TEXT_DIFFERENCES) text += `  … and ${String(diffs.length - TEXT_DIFFERENCES)} more\n`;
  return text;
}

function differJson(line: number, op: string | null, diffs: readonly FieldDiff[]): string {
  // Built by hand so that one unprintable value spoils only itself; a missing side has no key at all.
  const differences = diffs.slice(0, JSON_DIFFERENCES).map((d) => {
    const expected = d.expected === undefined ? undefined : jsonOf(d.expected);
    const recorded = d.actual === undefined ? undefined : jsonOf(d.actual);
    return `{"path":${JSON.stringify(d.path)}${expected === undefined ? '' : `,"expected":${expected}`}${recorded === undefined ? '' : `,"recorded":${recorded}`}}`;
  });
  return `{"kind":"differ","line":${String(line)},"op":${JSON.stringify(op)},"differenceCount":${String(diffs.length)},"differences":[${differences.join(',')}]}\n`;
}

function summaryText(s: AuditSummary): string {
  const mode = `errors compared by ${s.errors}`;
  const blank = s.blankLines === 0 ? '' : `; ${String(s.blankLines)} blank line${s.blankLines === 1 ? '' : 's'} skipped`;
  const notPairs = s.notPairs === 0 ? '' : `; ${String(s.notPairs)} ${s.notPairs === 1 ? 'line is not a pair' : 'lines are not pairs'}`;
  const head =
    s.pairs === 0
      ? `audit: no pairs read: nothing was checked${notPairs}${blank}`
      : s.differ === 0
        ? `audit: ${String(s.pairs)} pairs read: all agree (${mode})${notPairs}${blank}`
        : `audit: ${String(s.pairs)} pairs read: ${String(s.agree)} agree, ${String(s.differ)} differ (${mode})${notPairs}${blank}`;
  const table = (title: string, counts: Readonly<Record<string, number>>) => {
    const rows = Object.entries(counts);
    return rows.length === 0 ? '' : `${title}\n${rows.map(([k, n]) => `  ${String(n).padStart(8)}  ${name(k)}\n`).join('')}`;
  };
  return `${head}\n${table('Differing fields (pairs):', s.fields)}${table('Outcomes and error codes (pairs):', s.codes)}`;
}

/**
 * Reads JSON lines `{"request": …, "answer": …}` from `input`, answers each request with the library,
 * and writes to `out` every pair whose recorded answer differs (and every line that is not a pair),
 * then a summary: as text, or with `json` as JSON lines. Constant memory for any number of lines;
 * honours back-pressure on `out`. Resolves to the summary; rejects only when reading or writing fails.
 */
export async function auditStream(input: Readable, out: Writable, options: AuditOptions = {}): Promise<AuditSummary> {
  const mode = options.errors ?? 'codes';
  const json = options.json === true;
  const reader = new LineReader(options.maxLineBytes ?? MAX_LINE_BYTES);
  const fields = new Tally(options.maxSummaryKeys ?? 1000);
  const codes = new Tally(options.maxSummaryKeys ?? 1000);
  const counts = { lines: 0, agree: 0, differ: 0, notPairs: 0, blankLines: 0 };
  let pending = '';

  const { progress } = options;
  const every = options.progressEveryMs ?? 200;
  let lastDrawn = Date.now();
  let drawn = false;
  const clearProgress = () => {
    // Findings and progress may share the terminal: the progress line goes before anything else is written.
    if (drawn) progress?.write('\r\x1b[K');
    drawn = false;
  };
  const drawProgress = () => {
    if (progress === undefined || Date.now() - lastDrawn < every) return;
    lastDrawn = Date.now();
    progress.write(`\raudit: ${String(counts.lines)} lines read, ${String(counts.differ)} differ, ${String(counts.notPairs)} not pairs\x1b[K`);
    drawn = true;
  };
  const flush = async () => {
    if (pending === '') return;
    clearProgress();
    const text = pending;
    pending = '';
    if (!out.write(text)) await once(out, 'drain');
  };

  const handle = (read: ReturnType<LineReader['end']>) => {
    const line = ++counts.lines;
    const finding: Finding =
      'problem' in read
        ? { kind: 'not-pair', reason: read.problem === 'too-long' ? `longer than ${String(reader.maxBytes)} bytes` : 'not valid UTF-8' }
        : checkLine(read.take(), mode);
    switch (finding.kind) {
      case 'blank':
        counts.blankLines++;
        return;
      case 'agree':
        counts.agree++;
        return;
      case 'not-pair':
        counts.notPairs++;
        pending += json
          ? `{"kind":"not-pair","line":${String(line)},"reason":${JSON.stringify(finding.reason)}}\n`
          : `line ${String(line)}: not a pair: ${finding.reason}\n`;
        return;
      case 'differ': {
        counts.differ++;
        // Each field counts once per pair: "in how many pairs does this field differ".
        for (const key of new Set(finding.diffs.map((d) => fieldKey(d.path)))) fields.add(key);
        if (finding.code !== undefined) codes.add(finding.code);
        pending += json ? differJson(line, finding.op, finding.diffs) : differText(line, finding.op, finding.diffs);
        return;
      }
      default: {
        const never: never = finding;
        return never;
      }
    }
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
      reader.add(bytes.subarray(start, nl), true);
      handle(reader.end());
      start = nl + 1;
      if (pending.length >= FLUSH_CHARS) await flush();
    }
    if (start < bytes.length) reader.add(bytes.subarray(start), false);
    await flush();
    drawProgress();
  }
  // A last line without its newline is a line all the same.
  if (!reader.empty) {
    reader.add(new Uint8Array(0), true);
    handle(reader.end());
  }
  const summary: AuditSummary = {
    errors: mode,
    lines: counts.lines,
    pairs: counts.agree + counts.differ,
    agree: counts.agree,
    differ: counts.differ,
    notPairs: counts.notPairs,
    blankLines: counts.blankLines,
    // Object.fromEntries defines own keys: a recorded key named __proto__ stays a key.
    fields: Object.fromEntries(fields.entries()),
    codes: Object.fromEntries(codes.entries()),
  };
  pending += json ? `${JSON.stringify({ kind: 'summary', ...summary })}\n` : summaryText(summary);
  await flush();
  clearProgress();
  return summary;
}

/** The input of `audit FILE|-`, opened now so that a missing file is one clear line, not a stream error later. */
function openInput(file: string): { readonly ok: true; readonly input: Readable } | { readonly ok: false; readonly exitCode: number } {
  const what = `read ${file === '-' ? 'stdin' : file}`;
  let fd: number | undefined;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
    // Opening a directory succeeds on Linux; reading it fails: say so now.
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('it is a directory'), { code: 'EISDIR' });
  } catch (e) {
    if (fd !== undefined && fd !== 0) closeSync(fd);
    return { ok: false, exitCode: ioFailure(what, e) };
  }
  return { ok: true, input: file === '-' ? process.stdin : createReadStream('', { fd, highWaterMark: 1 << 18 }) };
}

const isErrorsMode = (s: string): s is ErrorsMode => (ERRORS_MODES as readonly string[]).includes(s);

/** `coupon-rules audit FILE|- [--errors MODE] [--json]`: exit 0 when all agree, 1 when some differ or a line is not a pair, 2 on usage or unreadable input. */
export async function auditCommand(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['--errors'], switches: ['--json'] });
  if (!parsed.ok) return usageError('audit', parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined) return usageError('audit', 'audit reads a file of request/answer pairs, or - for stdin');
  if (extra.length > 0) return usageError('audit', `audit reads one file: ${extra.join(' ')} is one too many`);
  const errors = parsed.values.get('--errors') ?? 'codes';
  if (!isErrorsMode(errors)) return usageError('audit', `--errors is one of ${ERRORS_MODES.join(', ')}`);
  const opened = openInput(file);
  if (!opened.ok) return opened.exitCode;
  let summary: AuditSummary;
  try {
    summary = await auditStream(opened.input, process.stdout, {
      errors,
      json: parsed.switches.has('--json'),
      // Progress is for a person watching: never in a log file or a test's captured stderr.
      ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
    });
  } catch (e) {
    return ioFailure(`read ${file === '-' ? 'stdin' : file}`, e);
  }
  return auditExitCode(summary);
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { auditExitCode, auditStream, type AuditOptions, type AuditSummary } from '../../src/cli/audit.js';
import { MAX_LINE_BYTES } from '../../src/contract/index.js';
import { CONFORMANCE_OPS, wireRequestArb } from '../../src/testing/index.js';
import { answerWireRequest } from '../../src/wire/answer.js';

// Recorded pairs are the library's own answers to generated requests, a few planted differences among them:
// audit must report each planted one, at its line and field, and nothing else.

type Answer = { ok: true; result: Record<string, unknown> } | { ok: false; errors: { code: string; path: string; message: string }[] };
interface Pair {
  request: Record<string, unknown>;
  answer: Answer;
}

const pairOf = (request: Record<string, unknown>): Pair => ({ request, answer: JSON.parse(JSON.stringify(answerWireRequest(request))) as Answer });

// A fixed seed: the planted lines are picked among the generated pairs, and the test must not depend on luck.
const generated: Pair[] = CONFORMANCE_OPS.flatMap((op) =>
  fc.sample(wireRequestArb(op), { numRuns: 600, seed: 20_261_205 }).map((r) => pairOf(JSON.parse(JSON.stringify(r)) as Record<string, unknown>)),
);
// Interleaved, so that the ops alternate through the file as in a real history.
const pairs: Pair[] = generated.map((_, i) => generated[(i % CONFORMANCE_OPS.length) * 600 + Math.floor(i / CONFORMANCE_OPS.length)] as Pair);

const badPrice = pairOf({ op: 'quote', currency: 'USD', lines: [{ id: 'a', itemType: 'Part', unitPrice: 'abc', quantity: 1 }] });
const twoBadPrices = pairOf({
  op: 'quote',
  currency: 'USD',
  lines: [
    { id: 'a', itemType: 'Part', unitPrice: 'abc', quantity: 1 },
    { id: 'b', itemType: 'Part', unitPrice: 'xyz', quantity: 1 },
  ],
});

/** The first pair of `op` that the library answers ok, from index `from` on. */
function firstOk(op: string, from: number): number {
  const i = pairs.findIndex((p, j) => j >= from && p.request.op === op && p.answer.ok);
  expect(i, `an ok ${op} pair after ${String(from)}`).toBeGreaterThanOrEqual(0);
  return i;
}

const clone = (p: Pair): Pair => JSON.parse(JSON.stringify(p)) as Pair;
const lines = pairs.map((p) => JSON.stringify(p));

/** Planted differences: line number (1-based) → the fields that differ with --errors codes. */
const planted = new Map<number, readonly string[]>();
const notPairs = new Map<number, string>();
let changedCode = '';

{
  const amount = firstOk('quote', 100);
  const p = clone(pairs[amount] as Pair);
  if (p.answer.ok) p.answer.result.grandTotal = p.answer.result.grandTotal === '-1.00' ? '-2.00' : '-1.00';
  lines[amount] = JSON.stringify(p);
  planted.set(amount + 1, ['result.grandTotal']);

  const flipped = firstOk('outage-plan', 400);
  lines[flipped] = JSON.stringify({
    request: (pairs[flipped] as Pair).request,
    answer: { ok: false, errors: [{ code: 'INTERNAL_ERROR', path: '', message: 'down' }] },
  });
  planted.set(flipped + 1, ['ok', 'result', 'errorCodes']);

  const missing = firstOk('coupon-state', 900);
  const m = clone(pairs[missing] as Pair);
  if (m.answer.ok) delete m.answer.result.status;
  lines[missing] = JSON.stringify(m);
  planted.set(missing + 1, ['result.status']);

  const extra = firstOk('dispute-state', 1300);
  const x = clone(pairs[extra] as Pair);
  if (x.answer.ok) x.answer.result.note = 'not in the contract';
  lines[extra] = JSON.stringify(x);
  planted.set(extra + 1, ['result.note']);

  const code = clone(badPrice);
  if (!code.answer.ok) {
    changedCode = code.answer.errors[0]?.code ?? '';
    code.answer.errors[0] = { code: 'BAD_PRICE', path: code.answer.errors[0]?.path ?? '', message: 'mine' };
  }
  lines[1700] = JSON.stringify(code);
  planted.set(1701, ['errorCodes.0']);

  // The same errors in another order: the same codes, so only --errors exact tells.
  const reordered = clone(twoBadPrices);
  if (!reordered.answer.ok) reordered.answer.errors.reverse();
  lines[1900] = JSON.stringify(reordered);

  lines[2000] = 'this is { not json';
  notPairs.set(2001, 'not JSON');
  lines[2100] = JSON.stringify({ request: (pairs[2100] as Pair).request });
  notPairs.set(2101, 'no "answer"');
}
const file = `${lines.join('\n')}\n`;

async function audit(input: string | Buffer | readonly (string | Buffer)[], options: AuditOptions = {}): Promise<{ summary: AuditSummary; out: string }> {
  const chunks = typeof input === 'string' || Buffer.isBuffer(input) ? [input] : input;
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const summary = await auditStream(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))), out, options);
  return { summary, out: text };
}

interface Record_ {
  kind: string;
  line?: number;
  op?: string | null;
  reason?: string;
  differenceCount?: number;
  differences?: { path: string; expected?: unknown; recorded?: unknown }[];
}
const records = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record_ & Partial<AuditSummary>);

describe('coupon-rules audit: the core', () => {
  it('passes a file of the library’s own answers', async () => {
    const clean = `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`;
    const { summary, out } = await audit(clean);
    expect(summary).toMatchObject({ lines: pairs.length, pairs: pairs.length, agree: pairs.length, differ: 0, notPairs: 0, fields: {}, codes: {} });
    expect(auditExitCode(summary)).toBe(0);
    expect(out).toBe(`audit: ${String(pairs.length)} pairs read: all agree (errors compared by codes)\n`);
    // The generated pairs include refusals: those are checked too.
    expect(pairs.some((p) => !p.answer.ok)).toBe(true);
  });

  it('reports every planted difference at its line and field, and nothing else (--json)', async () => {
    const { summary, out } = await audit(file, { json: true });
    const all = records(out);
    const differ = all.filter((r) => r.kind === 'differ');
    expect(new Map(differ.map((r) => [r.line, r.differences?.map((d) => d.path)]))).toEqual(planted);
    expect(new Map(all.filter((r) => r.kind === 'not-pair').map((r) => [r.line, r.reason?.replace(/ \(.*$/, '')]))).toEqual(notPairs);
    const last = all.at(-1);
    expect(last?.kind).toBe('summary');
    expect(last).toEqual({ kind: 'summary', ...summary });
    expect(summary).toMatchObject({
      errors: 'codes',
      lines: lines.length,
      pairs: lines.length - 2,
      differ: 5,
      agree: lines.length - 7,
      notPairs: 2,
      blankLines: 0,
    });
    expect(summary.fields).toEqual({ 'result.grandTotal': 1, ok: 1, result: 1, errorCodes: 1, 'errorCodes.*': 1, 'result.status': 1, 'result.note': 1 });
    expect(summary.codes).toEqual({ [`${changedCode} expected, recorded BAD_PRICE`]: 1, 'ok expected, recorded INTERNAL_ERROR': 1 });
    expect(auditExitCode(summary)).toBe(1);
    // A missing field has no "recorded" key; an extra one no "expected" key; each record says its op.
    const byLine = new Map(differ.map((r) => [r.line, r]));
    const [missingLine] = [...planted].find(([, paths]) => paths[0] === 'result.status') ?? [0];
    expect(byLine.get(missingLine)?.differences?.[0]).not.toHaveProperty('recorded');
    expect(byLine.get(missingLine)?.op).toBe('coupon-state');
    const [extraLine] = [...planted].find(([, paths]) => paths[0] === 'result.note') ?? [0];
    expect(byLine.get(extraLine)?.differences?.[0]).toEqual({ path: 'result.note', recorded: 'not in the contract' });
    expect(byLine.get(1701)?.differences?.[0]).toEqual({ path: 'errorCodes.0', expected: changedCode, recorded: 'BAD_PRICE' });
  });

  it('writes each difference and the summary as text', async () => {
    const { out } = await audit(file);
    const [amountLine] = [...planted].find(([, paths]) => paths[0] === 'result.grandTotal') ?? [0];
    expect(out).toContain(`line ${String(amountLine)} (quote): 1 field differs\n  result.grandTotal: expected "`);
    expect(out).toMatch(/, recorded "-[12]\.00"\n/);
    expect(out).toContain(`line 1701 (quote): 1 field differs\n  errorCodes.0: expected "${changedCode}", recorded "BAD_PRICE"\n`);
    expect(out).toContain('line 2001: not a pair: not JSON (');
    expect(out).toContain('line 2101: not a pair: no "answer"\n');
    expect(out).toContain(
      `audit: ${String(lines.length - 2)} pairs read: ${String(lines.length - 7)} agree, 5 differ (errors compared by codes); 2 lines are not pairs\n`,
    );
    expect(out).toContain(`Outcomes and error codes (pairs):\n         1  ${changedCode} expected, recorded BAD_PRICE\n`);
    expect(out).toMatch(/Differing fields \(pairs\):\n(\s+1 {2}\S+\n){7}/);
    // The differences come in line order, the summary last.
    const numbers = [...out.matchAll(/^line (\d+)/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('--errors outcome ignores a changed code; --errors exact catches reordered errors', async () => {
    const outcome = (await audit(file, { errors: 'outcome', json: true })).out;
    const reported = new Map(records(outcome).flatMap((r) => (r.kind === 'differ' ? [[r.line, r.differences?.map((d) => d.path)] as const] : [])));
    expect(reported.has(1701)).toBe(false);
    expect(reported.has(1901)).toBe(false);
    expect(reported.size).toBe(4);
    expect([...reported.values()]).toContainEqual(['ok', 'result']);

    const exact = (await audit(file, { errors: 'exact', json: true })).out;
    const exactly = new Map(records(exact).flatMap((r) => (r.kind === 'differ' ? [[r.line, r.differences?.map((d) => d.path)] as const] : [])));
    expect(exactly.get(1901)).toEqual(['errors.0.path', 'errors.1.path']);
    expect(exactly.get(1701)).toEqual(['errors.0.code']);
    expect(exactly.size).toBe(6);
    const summary = records(exact).at(-1);
    expect(summary?.fields).toMatchObject({ 'errors.*.path': 1, 'errors.*.code': 1 });
  });

  it('reads lines split anywhere across chunks exactly as whole ones', async () => {
    const whole = (await audit(file, { json: true })).out;
    const bytes = Buffer.from(file, 'utf8');
    for (const size of [4096, 65_537]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      expect((await audit(pieces, { json: true })).out).toBe(whole);
    }
    // A byte or a few at a time for the first lines only (a planted one among them): a whole file so is slow, and gains nothing.
    const head = Buffer.from(`${lines.slice(0, 150).join('\n')}\n`, 'utf8');
    const headOut = (await audit(head, { json: true })).out;
    expect(headOut).toContain('"kind":"differ"');
    for (const size of [1, 7]) {
      const pieces = Array.from({ length: Math.ceil(head.length / size) }, (_, i) => head.subarray(i * size, (i + 1) * size));
      expect((await audit(pieces, { json: true })).out).toBe(headOut);
    }
  });

  it('reports a line too long, not UTF-8, or not a pair by its number, skips blank lines, and reads CRLF and a last line without newline', async () => {
    const good = lines[0] ?? '';
    const input = Buffer.concat([
      Buffer.from(`${good}\r\n`),
      Buffer.from(`${'x'.repeat(5000)}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from('\n   \n'),
      Buffer.from('[1,2]\n{"answer":{"ok":true}}\n'),
      Buffer.from(good),
    ]);
    const { summary, out } = await audit(input, { json: true, maxLineBytes: Math.max(good.length, 100) });
    expect(records(out).filter((r) => r.kind === 'not-pair')).toEqual([
      { kind: 'not-pair', line: 2, reason: `longer than ${String(Math.max(good.length, 100))} bytes` },
      { kind: 'not-pair', line: 3, reason: 'not valid UTF-8' },
      { kind: 'not-pair', line: 6, reason: 'not a JSON object {"request": …, "answer": …}' },
      { kind: 'not-pair', line: 7, reason: 'no "request"' },
    ]);
    expect(summary).toMatchObject({ lines: 8, pairs: 2, agree: 2, differ: 0, notPairs: 4, blankLines: 2 });
    expect(auditExitCode(summary)).toBe(1);
    expect(MAX_LINE_BYTES).toBeGreaterThan(1 << 20); // the default limit is the oracle's own
  });

  it('survives hostile recorded answers: deep nesting, __proto__, non-answers, control characters', async () => {
    const request = JSON.stringify(badPrice.request);
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const input = [
      `{"request":${request},"answer":{"ok":false,"errors":${deep}}}`,
      `{"request":${request},"answer":{"ok":true,"result":{"lines":${deep}}}}`,
      `{"request":${request},"answer":{"ok":true,"result":{},"__proto__":{"polluted":true}}}`,
      `{"request":${request},"answer":42}`,
      `{"request":null,"answer":{"ok":false,"errors":[{"code":"INVALID_TYPE","path":"","message":"x"}]}}`,
    ].join('\n');
    const { summary, out } = await audit(input, { json: true });
    expect(summary.lines).toBe(5);
    expect(summary.differ + summary.notPairs).toBe(4);
    expect(summary.agree).toBe(1); // a recorded refusal of a request that is not an object is a pair like any other
    expect(summary.codes[`${changedCode} expected, recorded not an answer`]).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(records(out).at(-1)).toEqual({ kind: 'summary', ...summary });
    // As text: one finding per line, whatever the recorded keys hold.
    const p = clone(pairs[firstOk('quote', 0)] as Pair);
    if (p.answer.ok) p.answer.result['a\nb'] = 'c\nd';
    expect((await audit(JSON.stringify(p))).out).toContain('  "result.a\\nb": expected (missing), recorded "c\\nd"\n');
  });

  it('keeps its summary bounded: past the limit, new keys count under (other)', async () => {
    const ok = pairs[firstOk('quote', 0)] as Pair;
    const input = Array.from({ length: 20 }, (_, i) => {
      const p = clone(ok);
      if (p.answer.ok) p.answer.result[`f${String(i)}`] = 1;
      return JSON.stringify(p);
    }).join('\n');
    const { summary } = await audit(input, { maxSummaryKeys: 3 });
    expect(summary.fields).toEqual({ 'result.f0': 1, 'result.f1': 1, 'result.f2': 1, '(other)': 17 });
  });

  it('caps the fields shown per pair in text, and lists them all (up to 1000) in JSON', async () => {
    const p = clone(pairs[firstOk('quote', 0)] as Pair);
    for (let i = 0; i < 25; i++) if (p.answer.ok) p.answer.result[`f${String(i)}`] = i;
    const input = JSON.stringify(p);
    const { out } = await audit(input);
    expect(out).toContain(`line 1 (quote): 25 fields differ\n`);
    expect(out).toContain('  … and 15 more\n');
    expect(out.match(/^ {2}result\.f\d+: expected \(missing\), recorded \d+$/gm)).toHaveLength(10);
    const [record] = records((await audit(input, { json: true })).out);
    expect(record?.differenceCount).toBe(25);
    expect(record?.differences).toHaveLength(25);
  });

  it('counts nothing checked as a failure: an empty input', async () => {
    const { summary, out } = await audit('');
    expect(summary.pairs).toBe(0);
    expect(auditExitCode(summary)).toBe(1);
    expect(out).toBe('audit: no pairs read: nothing was checked\n');
  });

  it('draws a progress line only where asked (a terminal), and clears it', async () => {
    const progress = new PassThrough();
    let drawn = '';
    progress.on('data', (d: Buffer) => (drawn += d.toString('utf8')));
    const bytes = Buffer.from(file, 'utf8');
    const pieces = Array.from({ length: 10 }, (_, i) => bytes.subarray(Math.floor((i * bytes.length) / 10), Math.floor(((i + 1) * bytes.length) / 10)));
    const { out } = await audit(pieces, { progress, progressEveryMs: 0 });
    expect(drawn).toMatch(/\raudit: \d+ lines read, \d+ differ, \d+ not pairs/);
    expect(drawn.endsWith('\r\x1b[K')).toBe(true);
    expect(out).not.toContain('\r');
  });
});

describe('coupon-rules audit: the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coupon-rules-audit-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args: readonly string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', ...args], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  const plantedFile = join(dir, 'planted.jsonl');
  writeFileSync(plantedFile, file);
  const cleanFile = join(dir, 'clean.jsonl');
  writeFileSync(cleanFile, `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`);

  it('exits 0 when all agree and 1 when some differ, with a clean stderr (no progress off a terminal)', () => {
    const clean = cli([cleanFile]);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toBe(`audit: ${String(pairs.length)} pairs read: all agree (errors compared by codes)\n`);
    expect(clean.status).toBe(0);
    const differ = cli([plantedFile, '--json']);
    expect(differ.stderr).toBe('');
    expect(differ.status).toBe(1);
    const all = records(differ.stdout);
    expect(all.filter((r) => r.kind === 'differ').map((r) => r.line)).toEqual([...planted.keys()].sort((a, b) => a - b));
    expect(all.at(-1)).toMatchObject({ kind: 'summary', differ: 5, notPairs: 2 });
  });

  it('reads stdin for -, and takes --errors', () => {
    const run = cli(['-', '--errors', 'outcome'], file);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${String(lines.length - 6)} agree, 4 differ (errors compared by outcome)`);
    expect(cli(['-'], '').status).toBe(1);
  });

  it('exits 2 on usage errors and unreadable input, with one line saying why', () => {
    const missing = cli([join(dir, 'no-such-file.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`coupon-rules: cannot read ${join(dir, 'no-such-file.jsonl')}: no such file\n`);
    const directory = cli([dir]);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toBe(`coupon-rules: cannot read ${dir}: it is a directory\n`);
    for (const args of [[], ['--errors', 'loose', cleanFile], [cleanFile, cleanFile], ['--nope', cleanFile], [cleanFile, '--errors']]) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^coupon-rules audit: .+\nUsage: coupon-rules audit FILE\|- \[--errors MODE\] \[--json\]\n/);
    }
  });
});

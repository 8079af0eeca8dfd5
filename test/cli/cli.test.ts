import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOracle } from '../../src/cli/oracle.js';
import { answerWireLine } from '../../src/index.js';
import { quoteRequestArb } from '../arbitraries.js';

async function oracle(chunks: readonly (string | Buffer)[], maxLineBytes?: number): Promise<string[]> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString('utf8')));
  await runOracle(
    Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))),
    output,
    maxLineBytes === undefined ? {} : { maxLineBytes },
  );
  return text.split('\n').slice(0, -1);
}

const cli = (args: readonly string[], input?: string | Buffer) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });

const valid = JSON.stringify({
  op: 'quote',
  currency: 'USD',
  lines: [{ id: 'a', itemType: 'Part', unitPrice: '1.00', quantity: 2 }],
  coupon: { type: 'fixed', amount: '0.50' },
});

describe('coupon-rules oracle', () => {
  it('answers every hostile line with a structured error, one line each, in order', async () => {
    const hostile: (string | Buffer)[] = [
      'not json',
      '',
      '[]',
      'null',
      '{"op":"quote"',
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"op":"quote","currency":"USD","lines":[{"id":"a","itemType":"P","unitPrice":"1","quantity":1}],"__proto__":{"polluted":true}}',
      '{"op":"quote","currency":"USD","lines":[{"id":"a","itemType":"P","unitPrice":"1","quantity":1e999}]}',
      '{"op":"quote","currency":"USD","lines":[{"id":"a","itemType":"P","unitPrice":"1","quantity":123456789012345678901234567890}]}',
      '{"op":"quote","currency":"USD","lines":[{"id":"a","itemType":"P","unitPrice":"99999999999999999999999","quantity":1}]}',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      `{"op":"quote","currency":"USD","lines":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      valid,
    ];
    const input = hostile.flatMap((h) => [h, '\n']);
    const answers = await oracle(input);
    expect(answers).toHaveLength(hostile.length);
    const parsed = answers.map((a) => JSON.parse(a) as { ok: boolean; errors?: { code: string }[] });
    expect(parsed.map((p) => (p.ok ? 'ok' : p.errors?.[0]?.code))).toEqual([
      'INVALID_JSON',
      'INVALID_JSON',
      'INVALID_TYPE',
      'INVALID_TYPE',
      'INVALID_JSON',
      'INVALID_TYPE',
      'UNKNOWN_FIELD',
      'INVALID_QUANTITY',
      'INVALID_QUANTITY',
      'AMOUNT_OUT_OF_RANGE',
      'INVALID_UTF8',
      'INVALID_TYPE',
      'ok',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reassembles lines split across chunks, accepts CRLF and a last line without newline', async () => {
    const half = Math.floor(valid.length / 2);
    const answers = await oracle([valid.slice(0, half), valid.slice(half), '\r\n', valid.slice(0, 10), valid.slice(10)]);
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a === answerWireLine(valid))).toBe(true);
  });

  it('refuses a line one byte over the limit before reading it as JSON, and takes one of exactly the limit', async () => {
    const limit = valid.length;
    const codes = async (chunks: readonly string[]) =>
      (await oracle(chunks, limit)).map((a) => (JSON.parse(a) as { ok: boolean; errors?: { code: string }[] }).errors?.[0]?.code ?? 'ok');
    expect(await codes([valid, '\n'])).toEqual(['ok']);
    expect(await codes([`${valid} `, '\n'])).toEqual(['LINE_TOO_LONG']);
    // Whether the line arrives whole or split, its CRLF's \r not counted, or without a final newline.
    expect(await codes([valid.slice(0, 5), valid.slice(5), ' \n', valid, '\r\n', valid.slice(0, 9), valid.slice(9), ' '])).toEqual([
      'LINE_TOO_LONG',
      'ok',
      'LINE_TOO_LONG',
    ]);
    expect(await codes([valid, '\r', '\n', `${valid}\r`])).toEqual(['ok', 'ok']);
    // Bad UTF-8 split over chunks is still caught, and the next line is read afresh.
    expect(await codes(['{"op":"quote", "x": "\u00e9'.slice(0, -1), '\n', valid, '\n'])).toEqual(['INVALID_JSON', 'ok']);
    const eAcute = Buffer.from('é', 'utf8');
    expect(
      (await oracle([Buffer.from('"'), eAcute.subarray(0, 1), eAcute.subarray(1), Buffer.from('"\n')])).map(
        (a) => (JSON.parse(a) as { errors: { code: string }[] }).errors[0]?.code,
      ),
    ).toEqual(['INVALID_TYPE']);
    expect(
      (await oracle([Buffer.from('"'), eAcute.subarray(0, 1), Buffer.from('"\n'), Buffer.from(`${valid}\n`)])).map(
        (a) => (JSON.parse(a) as { ok: boolean; errors?: { code: string }[] }).errors?.[0]?.code ?? 'ok',
      ),
    ).toEqual(['INVALID_UTF8', 'ok']);
  });

  it('writes an answer larger than a megabyte whole, in order with the small ones', async () => {
    const big = JSON.stringify({
      op: 'quote',
      currency: 'USD',
      lines: Array.from({ length: 20_000 }, (_, i) => ({ id: `L${String(i)}`, itemType: 'Part', unitPrice: '1.00', quantity: 1 })),
    });
    const answers = await oracle([valid, '\n', big, '\n', valid, '\n']);
    expect(answers).toEqual([answerWireLine(valid), answerWireLine(big), answerWireLine(valid)]);
    expect(answers[1]?.length).toBeGreaterThan(1 << 20);
  });

  it('ends with one clear line and exit code 2 when stdin is a directory or stdout cannot be written', () => {
    const dir = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts oracle < /`], { encoding: 'utf8', timeout: 60_000 });
    expect(dir.status).toBe(2);
    expect(dir.stderr).toBe('coupon-rules: cannot read requests from stdin: stdin is a directory\n');
    const full = spawnSync('sh', ['-c', `echo '${valid}' | "${process.execPath}" --import tsx src/cli/main.ts oracle > /dev/full`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(full.status).toBe(2);
    expect(full.stderr).toBe('coupon-rules: cannot write to stdout: ENOSPC: no space left on device, write\n');
  });

  it('answers bulk input through helpers in input order, and a helper that fails leaves its batch to the oracle', async () => {
    const requests = fc.sample(quoteRequestArb, { numRuns: 3000, seed: 7 }).map((r) => JSON.stringify({ op: 'quote', ...r }));
    const lines = requests.flatMap((r, i) => (i % 50 === 0 ? ['garbage', r] : [r]));
    const chunks = [`${lines.join('\n')}\n`];
    // Helpers that answer late and out of order, and fail every third batch.
    let calls = 0;
    const helpers = () => ({
      size: 2,
      answer: async (batch: readonly string[]) => {
        const call = ++calls;
        await new Promise((resolve) => setTimeout(resolve, (7 - (call % 5)) * 3));
        if (call % 3 === 0) throw new Error('helper lost');
        return batch.map((l) => answerWireLine(l));
      },
      close: () => Promise.resolve(),
    });
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString('utf8')));
    // One line per chunk first (a dialogue: no helper), then the bulk, split into chunks of many lines.
    const bulk = Buffer.from(chunks[0] ?? '', 'utf8');
    const pieces = [
      Buffer.from(`${valid}\n`),
      ...Array.from({ length: Math.ceil(bulk.length / 65_536) }, (_, i) => bulk.subarray(i * 65_536, (i + 1) * 65_536)),
    ];
    await runOracle(Readable.from(pieces), output, { helpers });
    expect(calls).toBeGreaterThan(3);
    expect(text.split('\n').slice(0, -1)).toEqual([valid, ...lines].map((l) => answerWireLine(l)));
  });

  it('gives the same answers as the TypeScript call, through a real process', () => {
    const requests = fc.sample(quoteRequestArb, { numRuns: 300 }).map((r) => JSON.stringify({ op: 'quote', ...r }));
    const run = cli(['oracle'], `${[...requests, 'garbage', ...requests].join('\n')}\n`);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').slice(0, -1);
    expect(lines).toEqual([...requests, 'garbage', ...requests].map(answerWireLine));
  });
});

describe('coupon-rules quote / schema', () => {
  it('prints a readable breakdown of the example order', () => {
    const run = cli(['quote', 'examples/tiered-parts-order.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Applied percent            20% (tier 2: from 50.00)');
    expect(run.stdout).toContain('Coupon credit              12.00 (capped; uncapped 12.70)');
    expect(run.stdout).toMatch(/L3 .*— \(on sale\)/);
    expect(run.stdout).toMatch(/L4 .*— \(item type not in limit\)/);
    expect(run.stdout).toContain('Fee basis (before coupon)  173.39');
  });

  it('prints the answer object with --json, reading stdin with -', () => {
    const run = cli(['quote', '-', '--json'], valid);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(answerWireLine(valid)));
  });

  it('exits 1 with the errors and their paths on invalid input, 2 on bad usage', () => {
    const bad = cli(['quote', '-'], '{"currency":"USD","lines":[{"id":"a","itemType":"P","unitPrice":"1.5","quantity":"2"}]}');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('INVALID_QUANTITY at lines.0.quantity');
    expect(cli(['quote', '-'], 'nope').status).toBe(1);
    expect(cli(['quote']).status).toBe(2);
    expect(cli(['quote', 'no-such-file.json']).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['schema', 'nope']).status).toBe(2);
  });

  it('prints the JSON Schema of the quote request', () => {
    const run = cli(['schema', 'quote']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['op', 'currency', 'lines'],
    });
  });
});

describe('coupon-rules help and usage', () => {
  const commands = ['oracle', 'explain', 'quote', 'schema', 'conform', 'audit', 'vectors'];

  it('prints each command’s usage with COMMAND --help (or -h, or help COMMAND) and exits 0', () => {
    const asks: readonly (readonly [string, string])[] = [...commands.map((c) => [c, '--help'] as const), ['explain', '-h'], ['help', 'conform']];
    for (const args of asks) {
      const command = args[0] === 'help' ? args[1] : args[0];
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout.startsWith(`Usage: coupon-rules ${command}`), args.join(' ')).toBe(true);
      expect(run.stderr).toBe('');
    }
    // Options after the command count too; what follows conform's -- belongs to the program it starts.
    expect(cli(['audit', 'x.jsonl', '--help']).stdout).toMatch(/^Usage: coupon-rules audit/u);
    const program = cli(['conform', '--runs', 'x', '--', 'prog', '--help']);
    expect(program.status).toBe(2);
    expect(program.stderr).toContain('--runs takes a whole number from 1');
  });

  it('lists every command in the general usage', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    for (const command of commands) expect(run.stdout).toContain(`coupon-rules ${command}`);
    expect(run.stdout).toContain('coupon-rules COMMAND --help');
  });

  it('says in one line that a command is unknown, and that a file is missing', () => {
    const unknown = cli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('coupon-rules: unknown command frobnicate (coupon-rules --help lists them)\n');
    for (const command of ['quote', 'explain', 'audit']) {
      const missing = cli([command, 'no-such-file.json']);
      expect(missing.status, command).toBe(2);
      expect(missing.stderr, command).toBe('coupon-rules: cannot read no-such-file.json: no such file\n');
      expect(missing.stdout).toBe('');
    }
  });

  it('answers a usage error with the command’s synopsis, not the whole help', () => {
    const run = cli(['schema', 'nope']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(/^coupon-rules schema: schema takes one op: quote, /u) as unknown,
      'Usage: coupon-rules schema OP [--answer]',
      '(coupon-rules schema --help for more)',
      '',
    ]);
  });
});

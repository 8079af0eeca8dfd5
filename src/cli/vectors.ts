import { once } from 'node:events';
import process from 'node:process';
import type { Writable } from 'node:stream';
import { WIRE_OP_NAMES, answerWireLine } from '../wire/answer.js';
import { parseArgs, SHARE_PATTERN, usageError } from './io.js';

// `coupon-rules vectors`: request/answer pairs as a static file, for a test suite that cannot start Node.
// The requests come from the generators `conform` uses, through the package's own ./testing entry (loaded
// only here: fast-check is an optional peer dependency); the answers are this CLI's own, as the oracle gives them.

/** The most pairs one run writes: a file of this many is already some gigabytes. */
export const MAX_VECTORS = 10_000_000;

/** Requests are drawn this many at a time, each batch from a seed derived from the run's: memory stays constant for any N. */
export const VECTORS_PER_BATCH = 1000;

/** What vectors needs of `coupon-rules/testing` (typed here: the CLI must not import it statically). */
interface Testing {
  readonly WIRE_REQUEST_OPS: readonly string[];
  wireRequestArb(op: string, options: { readonly refusals?: number }): unknown;
}

/** What vectors needs of fast-check. */
interface FastCheck {
  sample(arbitrary: unknown, params: { readonly numRuns: number; readonly seed: number }): readonly unknown[];
}

/** murmur3's 32-bit finaliser: a bijection with fmix32(0) = 0, so batch 0 keeps the run's own seed. */
function fmix32(k: number): number {
  let h = k | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The seed of batch `k`: the run's seed for the first batch — so that the first 1,000 requests are those
 * `fc.sample(wireRequestArb(op), { numRuns, seed })` draws — and distinct seeds for the others.
 */
export const batchSeed = (seed: number, k: number): number => (k === 0 ? seed : (seed | 0) ^ fmix32(k));

/**
 * Writes `n` lines `{"request":…,"answer":…}` of `op` to `out`: the same seed gives the same bytes (with
 * the same versions of coupon-rules and fast-check), and a smaller `n` gives a prefix of a larger one.
 * Honours back-pressure; resolves when all is written (or rejects when `out` fails).
 */
export async function writeVectors(
  out: Writable,
  kit: { readonly testing: Testing; readonly fc: FastCheck },
  op: string,
  n: number,
  seed: number,
  refusals?: number,
): Promise<void> {
  const arbitrary = kit.testing.wireRequestArb(op, refusals === undefined ? {} : { refusals });
  for (let k = 0, written = 0; written < n; k++) {
    const count = Math.min(VECTORS_PER_BATCH, n - written);
    let text = '';
    for (const request of kit.fc.sample(arbitrary, { numRuns: count, seed: batchSeed(seed, k) })) {
      // The answer is to the request's JSON text, exactly what a reader of the file (and audit) will parse.
      const line = JSON.stringify(request);
      text += `{"request":${line},"answer":${answerWireLine(line)}}\n`;
    }
    written += count;
    if (!out.write(text)) await once(out, 'drain');
  }
}

/** fast-check is missing (the usual case), or the testing entry cannot load for another reason (a broken install). */
function loadFailure(e: unknown): number {
  const message = e instanceof Error ? e.message : String(e);
  if (message.includes('fast-check')) process.stderr.write('coupon-rules vectors needs fast-check: npm install --save-dev fast-check\n');
  else process.stderr.write(`coupon-rules vectors: cannot load coupon-rules/testing: ${message.split('\n')[0] ?? ''}\n`);
  return 2;
}

/** `coupon-rules vectors --op OP --n N [--seed S] [--refusals SHARE]`: exit 0 when written, 2 on usage errors or without fast-check. */
export async function vectorsCommand(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['--op', '--n', '--seed', '--refusals'] });
  if (!parsed.ok) return usageError('vectors', parsed.message);
  if (parsed.positional.length > 0) return usageError('vectors', `vectors takes options only: ${parsed.positional.join(' ')} is not one`);
  const op = parsed.values.get('--op');
  if (op === undefined || !WIRE_OP_NAMES.includes(op)) return usageError('vectors', `--op is one of ${WIRE_OP_NAMES.join(', ')}`);
  const count = parsed.values.get('--n');
  if (count === undefined || !/^[1-9]\d*$/.test(count) || Number(count) > MAX_VECTORS) {
    return usageError('vectors', `--n takes a whole number from 1 to ${String(MAX_VECTORS)}`);
  }
  const seedText = parsed.values.get('--seed') ?? '1';
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) return usageError('vectors', '--seed takes a whole number');
  const refusalsText = parsed.values.get('--refusals');
  if (refusalsText !== undefined && !SHARE_PATTERN.test(refusalsText)) return usageError('vectors', '--refusals takes a share from 0 to 1, such as 0.25');

  let testing: Testing;
  let fc: FastCheck;
  try {
    // Specifiers in variables: the bundler must leave both imports to run time (fast-check is optional).
    const entry = 'coupon-rules/testing';
    const fastCheck = 'fast-check';
    testing = (await import(entry)) as Testing;
    const module = (await import(fastCheck)) as FastCheck & { readonly default?: FastCheck };
    fc = typeof module.sample === 'function' ? module : (module.default ?? module);
  } catch (e) {
    return loadFailure(e);
  }
  await writeVectors(process.stdout, { testing, fc }, op, Number(count), Number(seedText), refusalsText === undefined ? undefined : Number(refusalsText));
  return 0;
}

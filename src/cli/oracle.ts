import { MAX_LINE_BYTES } from '../contract/index.js';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { answerLineText } from '../wire/answer.js';
import { LineReader } from './line-reader.js';
import type { LineHelpers } from './pool.js';
import type { RuleErrorCode } from '../contract/index.js';

/** Longest input line the oracle reads (bytes, not counting its `\n` nor a `\r` before it); a longer one is answered `LINE_TOO_LONG`. */
export { MAX_LINE_BYTES };

const failure = (code: RuleErrorCode, message: string) => JSON.stringify({ ok: false, errors: [{ code, path: '', message }] });

/** The answer to a line: one string, or pieces for a large quote (a failure half-way ends the line: the stream goes on). */
function answerText(take: () => string): string | Iterable<string> {
  try {
    const answer = answerLineText(take);
    return typeof answer === 'string' ? answer : guarded(answer);
  } catch (e) {
    // A bug of ours must not end the stream: the caller's other lines still get answers.
    return failure('INTERNAL_ERROR', `coupon-rules failed on this line: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown'}`);
  }
}

function* guarded(pieces: Iterable<string>): Generator<string> {
  try {
    yield* pieces;
  } catch {
    // Part of an answer may be out already: the line cannot be mended, only ended.
  }
}

/** Options of {@link runOracle}. */
export interface OracleOptions {
  /** Longest line read, in bytes (default {@link MAX_LINE_BYTES}). */
  readonly maxLineBytes?: number;
  /** Starts helpers to answer batches of lines beside this thread (the CLI's worker threads); called once, when input runs in bulk. */
  readonly helpers?: () => LineHelpers | undefined;
}

/** Answers are written in pieces of this size at least when they come in pieces. */
const LARGE = 1 << 20;

/** Lines up to this size are answered in batches (possibly by a helper); a longer one here, alone, written in pieces. */
const SMALL_LINE = 1 << 20;
/** Helpers start once this many lines have come in chunks of many lines (a test suite's bulk file, not a dialogue). */
const BULK_LINES = 256;
/** Batches answered but not yet written, at most: past this, reading waits. */
const MAX_PENDING = 16;

/**
 * Reads JSON-lines requests from `input` and writes one answer line per
 * input line, in order, writing as soon as each answer is ready (so an
 * interactive caller gets each answer as soon as its line is complete) and
 * honoring back-pressure. Bulk input may be answered by helper threads,
 * a batch of lines each, the answers still written in input order. Returns
 * at end of input; a failing input or output rejects.
 */
export async function runOracle(input: Readable, output: Writable, options: OracleOptions = {}): Promise<void> {
  const line = new LineReader(options.maxLineBytes ?? MAX_LINE_BYTES);
  // Answers in input order: text ready to write, or a batch still being answered.
  const queue: { text: string | undefined; done: Promise<void> | undefined }[] = [];
  let pendingBatches = 0;
  let failed: Error | undefined;
  const pump = () => {
    let out = '';
    while (queue.length > 0 && queue[0]?.text !== undefined) out += queue.shift()?.text ?? '';
    if (out !== '') output.write(out);
  };
  let helpers: LineHelpers | undefined;
  let helpersAsked = false;
  let bulkLines = 0;
  let turn = 0;
  let batch: string[] = [];
  const answerHere = (lines: readonly string[]) => {
    let text = '';
    for (const l of lines) text += `${single(answerText(() => l))}\n`;
    return text;
  };
  const dispatch = () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    // This thread takes its turn too; the helpers take the others.
    if (helpers && turn++ % (helpers.size + 1) !== 0) {
      const slot: { text: string | undefined; done: Promise<void> | undefined } = { text: undefined, done: undefined };
      pendingBatches++;
      slot.done = helpers
        .answer(lines)
        .then(
          (answers) => {
            slot.text = answers.length === 0 ? '' : `${answers.join('\n')}\n`;
          },
          // A helper that failed leaves its batch to this thread.
          () => {
            slot.text = answerHere(lines);
          },
        )
        .then(() => {
          pendingBatches--;
          try {
            pump();
          } catch (e) {
            failed = e instanceof Error ? e : new Error(String(e));
          }
        });
      queue.push(slot);
    } else queue.push({ text: answerHere(lines), done: undefined });
  };
  const settle = async () => {
    dispatch();
    for (const slot of [...queue]) if (slot.done) await slot.done;
    pump();
    if (output.writableNeedDrain) await once(output, 'drain');
  };
  const writeLarge = async (answer: Iterable<string>) => {
    await settle();
    let pending = '';
    for (const piece of answer) {
      pending += piece;
      if (pending.length < LARGE) continue;
      if (!output.write(pending)) await once(output, 'drain');
      pending = '';
    }
    output.write(`${pending}\n`);
  };
  // A finished line: an answer of its own (a refusal), a small line for the next batch, or a large one answered
  // now. Only a large line returns a promise, so the loop awaits nothing for the usual line.
  const route = (read: ReturnType<typeof line.end>): Promise<void> | undefined => {
    if ('problem' in read) {
      dispatch();
      const answer =
        read.problem === 'too-long'
          ? failure('LINE_TOO_LONG', `a line is at most ${String(line.maxBytes)} bytes`)
          : failure('INVALID_UTF8', 'the line is not valid UTF-8');
      queue.push({ text: `${answer}\n`, done: undefined });
      return undefined;
    }
    if (read.bytes <= SMALL_LINE) {
      batch.push(read.take());
      return undefined;
    }
    return writeLarge(answerText(read.take));
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let start = 0;
      let linesInChunk = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        line.add(chunk.subarray(start, nl), true);
        linesInChunk++;
        const large = route(line.end());
        if (large) await large;
        start = nl + 1;
      }
      if (start < chunk.length) line.add(chunk.subarray(start), false);
      if (linesInChunk >= 8) bulkLines += linesInChunk;
      if (!helpersAsked && bulkLines >= BULK_LINES && options.helpers) {
        helpersAsked = true;
        helpers = options.helpers();
      }
      dispatch();
      pump();
      if (failed !== undefined) throw failed;
      if (pendingBatches >= MAX_PENDING) {
        const oldest = queue.find((slot) => slot.done !== undefined);
        if (oldest?.done) await oldest.done;
      }
      if (output.writableNeedDrain) await once(output, 'drain');
    }
    if (!line.empty) {
      line.add(new Uint8Array(0), true);
      await route(line.end());
    }
    await settle();
    if (failed !== undefined) throw failed;
  } finally {
    await helpers?.close();
  }
}

/** One answer as one string (a large one's pieces joined: only the batch path asks, for lines up to 1 MiB). */
function single(answer: string | Iterable<string>): string {
  return typeof answer === 'string' ? answer : [...answer].join('');
}

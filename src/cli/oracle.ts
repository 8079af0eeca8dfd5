import { once } from 'node:events';
import { TextDecoder } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { answerLineText } from '../wire/answer.js';

/** Longest input line the oracle reads (bytes, not counting its `\n` nor a `\r` before it); a longer one is answered `LINE_TOO_LONG`. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

const failure = (code: string, message: string) => JSON.stringify({ ok: false, errors: [{ code, path: '', message }] });

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

/**
 * One line being read: its bytes are decoded as they arrive, so that only its text is kept, never
 * the raw chunks and a joined copy of them as well.
 */
class LineReader {
  private pieces: string[] = [];
  private bytes = 0;
  private endsWithCR = false;
  private state: 'reading' | 'too-long' | 'not-utf8' = 'reading';
  // One decoder for every line: a line's last bytes are decoded without `stream`, which leaves it clean for the next.
  private decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly maxBytes: number) {}

  get empty(): boolean {
    return this.bytes === 0 && this.state === 'reading';
  }

  /** Adds the next bytes of the line; `last` when its `\n` was found. */
  add(bytes: Uint8Array, last: boolean): void {
    this.bytes += bytes.length;
    if (bytes.length > 0) this.endsWithCR = bytes[bytes.length - 1] === 13;
    if (this.state !== 'reading') return;
    // The limit counts the line's own bytes: the `\r` of a CRLF line end is not part of it (a `\r`
    // that turns out not to end the line is counted with the next bytes).
    if (this.bytes - (this.endsWithCR ? 1 : 0) > this.maxBytes) {
      this.state = 'too-long';
      this.pieces = [];
      return;
    }
    try {
      this.pieces.push(this.decoder.decode(bytes, { stream: !last }));
    } catch {
      this.state = 'not-utf8';
      this.pieces = [];
    }
  }

  /** The answer to the line read, and a fresh start for the next one. */
  answer(): string | Iterable<string> {
    const { state, endsWithCR } = this;
    // Only the closure below holds the pieces, and the joined text lives only while it is parsed.
    let held: string[] | undefined = this.pieces;
    this.pieces = [];
    this.bytes = 0;
    this.endsWithCR = false;
    this.state = 'reading';
    if (state === 'not-utf8') this.decoder = new TextDecoder('utf-8', { fatal: true }); // it may hold half a character
    if (state === 'too-long') {
      // The bytes past the limit were never decoded: start the next line with a decoder holding nothing.
      this.decoder = new TextDecoder('utf-8', { fatal: true });
      return failure('LINE_TOO_LONG', `a line is at most ${String(this.maxBytes)} bytes`);
    }
    if (state === 'not-utf8') return failure('INVALID_UTF8', 'the line is not valid UTF-8');
    return answerText(() => {
      const text = held === undefined ? '' : held.length === 1 ? (held[0] ?? '') : held.join('');
      held = undefined;
      return endsWithCR ? text.slice(0, -1) : text;
    });
  }
}

/** Options of {@link runOracle}. */
export interface OracleOptions {
  /** Longest line read, in bytes (default {@link MAX_LINE_BYTES}). */
  readonly maxLineBytes?: number;
}

/** Answers longer than this go to the output on their own, in pieces, rather than gathered with the small ones. */
const LARGE = 1 << 20;

/**
 * Reads JSON-lines requests from `input` and writes one answer line per
 * input line, in order, writing after every chunk read (so an interactive
 * caller gets each answer as soon as its line is complete) and honouring
 * back-pressure. Returns at end of input; a failing input or output
 * rejects.
 */
export async function runOracle(input: Readable, output: Writable, options: OracleOptions = {}): Promise<void> {
  const line = new LineReader(options.maxLineBytes ?? MAX_LINE_BYTES);
  let out = '';
  const flush = async () => {
    if (out !== '' && !output.write(out)) await once(output, 'drain');
    out = '';
  };
  const writeLarge = async (answer: Iterable<string>) => {
    await flush();
    let pending = '';
    for (const piece of answer) {
      pending += piece;
      if (pending.length < LARGE) continue;
      if (!output.write(pending)) await once(output, 'drain');
      pending = '';
    }
    out = `${pending}\n`;
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      line.add(chunk.subarray(start, nl), true);
      const answer = line.answer();
      // Nearly every answer is one string: no await for it.
      if (typeof answer === 'string') out += `${answer}\n`;
      else await writeLarge(answer);
      start = nl + 1;
    }
    if (start < chunk.length) line.add(chunk.subarray(start), false);
    await flush();
  }
  if (!line.empty) {
    line.add(new Uint8Array(0), true);
    const answer = line.answer();
    if (typeof answer === 'string') out += `${answer}\n`;
    else await writeLarge(answer);
  }
  await flush();
}

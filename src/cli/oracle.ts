import { once } from 'node:events';
import { TextDecoder } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { answerWireLine } from '../wire/answer.js';

/** Longest input line the oracle reads (bytes); a longer one is answered `LINE_TOO_LONG`. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

const failure = (code: string, message: string) => JSON.stringify({ ok: false, errors: [{ code, path: '', message }] });

function answerBytes(bytes: Uint8Array, decoder: TextDecoder): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length; // CRLF input
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(0, end));
  } catch {
    return failure('INVALID_UTF8', 'the line is not valid UTF-8');
  }
  try {
    return answerWireLine(text);
  } catch (e) {
    // A bug of ours must not end the stream: the caller's other lines still get answers.
    return failure('INTERNAL_ERROR', `coupon-rules failed on this line: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown'}`);
  }
}

/**
 * Reads JSON-lines requests from `input` and writes one answer line per
 * input line, in order, writing after every chunk read (so an interactive
 * caller gets each answer as soon as its line is complete) and honouring
 * back-pressure. Returns at end of input.
 */
export async function runOracle(input: Readable, output: Writable): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  const take = (last: Buffer): string => {
    const line = pending.length === 0 ? last : Buffer.concat([...pending, last]);
    const answer = tooLong ? failure('LINE_TOO_LONG', `a line is at most ${MAX_LINE_BYTES} bytes`) : answerBytes(line, decoder);
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return answer;
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let out = '';
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      out += `${take(chunk.subarray(start, nl))}\n`;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        tooLong = true;
        pending = [];
      } else pending.push(chunk.subarray(start));
    }
    if (out !== '' && !output.write(out)) await once(output, 'drain');
  }
  if (pendingBytes > 0 || tooLong) output.write(`${take(Buffer.alloc(0))}\n`);
}

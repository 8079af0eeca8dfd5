import { TextDecoder } from 'node:util';

/**
 * One line being read, for the oracle and for audit: its bytes are decoded as they arrive, so that only its
 * text is kept, never the raw chunks and a joined copy of them as well; a line longer than the limit is only
 * counted from there on, never held, and one that is not UTF-8 is found without a second pass.
 */
export class LineReader {
  private pieces: string[] = [];
  private bytes = 0;
  private endsWithCR = false;
  private state: 'reading' | 'too-long' | 'not-utf8' = 'reading';
  // One decoder for every line: a line's last bytes are decoded without `stream`, which leaves it clean for the next.
  private decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(readonly maxBytes: number) {}

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

  /**
   * The line read — its text, given once by `take` (so that only the caller holds it), and its size in
   * bytes — or why it cannot be read; and a fresh start for the next line.
   */
  end(): { readonly problem: 'too-long' | 'not-utf8' } | { readonly take: () => string; readonly bytes: number } {
    const { state, endsWithCR, bytes } = this;
    // Only the closure below holds the pieces, and the joined text lives only while it is parsed.
    let held: string[] | undefined = this.pieces;
    this.pieces = [];
    this.bytes = 0;
    this.endsWithCR = false;
    this.state = 'reading';
    if (state !== 'reading') {
      // The decoder may hold half a character, or bytes past the limit were never decoded: start afresh.
      this.decoder = new TextDecoder('utf-8', { fatal: true });
      return { problem: state };
    }
    const take = () => {
      const text = held === undefined ? '' : held.length === 1 ? (held[0] ?? '') : held.join('');
      held = undefined;
      return endsWithCR ? text.slice(0, -1) : text;
    };
    return { take, bytes };
  }
}

import type { Quote, QuoteCore, QuotedLine } from './types.js';

/** Orders up to this many lines are written as one piece of JSON text; longer ones a piece per this many lines. */
const PIECE_LINES = 4096;

/**
 * @internal The wire answer of a quote as JSON text: one string for an order of up to 4,096 lines
 * (one stringify of the whole answer is the fastest way to write the usual order), else pieces of
 * 4,096 lines each, so that a million-line answer is never whole in memory.
 */
export function wireQuoteText(core: QuoteCore): string | Iterable<string> {
  const json = core.lineJsonAt;
  if (core.lineCount <= PIECE_LINES && json) {
    // The summary is stringified with an empty list of lines, and the lines' own text put in its place.
    const text = JSON.stringify({ ok: true, result: wireResult(core.summary, []) });
    const at = text.indexOf('"lines":[]') + '"lines":['.length;
    let lines = '';
    for (let i = 0; i < core.lineCount; i++) lines += i === 0 ? json(i) : `,${json(i)}`;
    return `${text.slice(0, at)}${lines}${text.slice(at)}`;
  }
  if (core.lineCount <= PIECE_LINES) return JSON.stringify({ ok: true, result: wireResult(core.summary, linesOf(core)) });
  return wireQuotePieces(core, JSON.stringify({ ok: true, result: wireResult(core.summary, []) }));
}

/** @internal A quote's lines, written out (a plain loop: `Array.from` with a length is slow to build). */
export function linesOf(core: QuoteCore): QuotedLine[] {
  const lines: QuotedLine[] = [];
  for (let i = 0; i < core.lineCount; i++) lines.push(core.lineAt(i));
  return lines;
}

/** The wire result of a quote: its fields in the contract's order, without `explain`. */
function wireResult(q: Quote, lines: readonly QuotedLine[]): Omit<Quote, 'explain'> {
  return {
    subtotal: q.subtotal,
    eligibleTotal: q.eligibleTotal,
    appliedPercent: q.appliedPercent,
    couponCredit: q.couponCredit,
    capped: q.capped,
    sellerCredit: q.sellerCredit,
    totalCredit: q.totalCredit,
    grandTotal: q.grandTotal,
    feeBasis: q.feeBasis,
    lines,
    batches: q.batches,
  };
}

function* wireQuotePieces(core: QuoteCore, text: string): Generator<string> {
  const at = text.indexOf('"lines":[]') + '"lines":['.length;
  yield text.slice(0, at);
  for (let from = 0; from < core.lineCount; from += PIECE_LINES) {
    const to = Math.min(core.lineCount, from + PIECE_LINES);
    const piece = JSON.stringify(Array.from({ length: to - from }, (_, k) => core.lineAt(from + k)));
    yield from === 0 ? piece.slice(1, -1) : `,${piece.slice(1, -1)}`;
  }
  yield text.slice(at);
}

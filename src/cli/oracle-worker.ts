import { parentPort } from 'node:worker_threads';
import { answerWireLine } from '../wire/answer.js';

// A helper thread of `coupon-rules oracle`: it answers batches of small lines and sends the answers
// back with the batch's number; the main thread writes them in input order.

const failure = (message: string) => JSON.stringify({ ok: false, errors: [{ code: 'INTERNAL_ERROR', path: '', message }] });

parentPort?.on('message', (batch: { readonly id: number; readonly lines: readonly string[] }) => {
  const answers = batch.lines.map((line) => {
    try {
      return answerWireLine(line);
    } catch (e) {
      return failure(`coupon-rules failed on this line: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown'}`);
    }
  });
  parentPort?.postMessage({ id: batch.id, answers });
});

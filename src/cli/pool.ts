import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Answers batches of lines somewhere else than the calling thread; answers come back in the batch's order. */
export interface LineHelpers {
  /** How many helpers answer (the calling thread answers its share besides). */
  readonly size: number;
  /** The answers of a batch, one per line; rejects if its helper failed (the caller then answers the batch itself). */
  answer(lines: readonly string[]): Promise<readonly string[]>;
  close(): Promise<void>;
}

/**
 * Worker threads running `oracle-worker.js` beside this file (the built package), one per core
 * beyond the first; `undefined` when there is no second core or no built worker (running from
 * sources). A helper that fails is dropped, and its batches are rejected for the caller to answer.
 */
export function startLineHelpers(): LineHelpers | undefined {
  const url = new URL('./oracle-worker.js', import.meta.url);
  const count = Math.min(3, availableParallelism() - 1);
  if (count < 1 || url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  const pending = new Map<number, { resolve: (answers: readonly string[]) => void; reject: (e: Error) => void; worker: Worker }>();
  let live: Worker[] = [];
  const fail = (worker: Worker, why: Error) => {
    live = live.filter((w) => w !== worker);
    for (const [id, p] of pending) {
      if (p.worker !== worker) continue;
      pending.delete(id);
      p.reject(why);
    }
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(url);
    worker.on('message', (m: { readonly id: number; readonly answers: readonly string[] }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      p?.resolve(m.answers);
    });
    worker.on('error', (e) => {
      fail(worker, e);
    });
    worker.on('exit', () => {
      fail(worker, new Error('helper thread exited'));
    });
    live.push(worker);
  }
  let next = 0;
  return {
    size: count,
    answer(lines) {
      const worker = live[next++ % Math.max(1, live.length)];
      if (!worker) return Promise.reject(new Error('no helper thread left'));
      const id = next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, lines });
      });
    },
    async close() {
      const workers = live;
      live = [];
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

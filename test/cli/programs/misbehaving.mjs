// A wire-format program for conform's tests that answers like the built library, except as MODE says:
//   hang-after-N   reads every request but stops answering after N answers
//   crash-on-N     writes to stderr and exits 3 on the Nth request
//   chatty-on-N    prints a debug line on stdout after the Nth answer
//   refused        replaces every error code with REFUSED
//   no-refusals    answers every refusal with { ok: true, result: {} }
import process from 'node:process';
import { createInterface } from 'node:readline';
import { answerWireRequest } from '../../../dist/index.js';

const [mode = 'refused'] = process.argv.slice(2);
const [, kind, n] = /^(hang-after|crash-on|chatty-on)-(\d+)$/.exec(mode) ?? [];
let count = 0;
createInterface({ input: process.stdin }).on('line', (line) => {
  count++;
  if (kind === 'hang-after' && count > Number(n)) return;
  if (kind === 'crash-on' && count === Number(n)) {
    process.stderr.write(`misbehaving: giving up on request ${count}\n`);
    process.exit(3);
  }
  const answer = answerWireRequest(JSON.parse(line));
  const given =
    answer.ok || mode === 'hang-after'
      ? answer
      : mode === 'refused'
        ? { ok: false, errors: answer.errors.map((e) => ({ ...e, code: 'REFUSED' })) }
        : mode === 'no-refusals'
          ? { ok: true, result: {} }
          : answer;
  process.stdout.write(`${JSON.stringify(given)}\n`);
  if (kind === 'chatty-on' && count === Number(n)) process.stdout.write('debug: that was the one\n');
});

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import process from 'node:process';
import { parseArgs, SHARE_PATTERN, usageError } from './io.js';

type FailureKind = 'timeout' | 'crash' | 'desync';

interface Testing {
  readonly CONFORMANCE_OPS: readonly string[];
  readonly ERRORS_MODES: readonly string[];
  readonly CandidateFailure: new (kind: FailureKind, message: string, details?: readonly string[]) => Error;
  checkConformance(
    op: string,
    candidate: (request: Readonly<Record<string, unknown>>) => unknown,
    options: { numRuns?: number; seed?: number; errors?: string; refusals?: number },
  ): Promise<
    | { ok: true; numRuns: number; seed: number }
    | {
        ok: false;
        numRuns: number;
        seed: number;
        counterexample: unknown;
        expected: unknown;
        actual: unknown;
        diff: readonly { path: string; expected: unknown; actual: unknown }[];
        failedAfter: number;
        failure?: { kind: FailureKind; message: string; details: readonly string[] };
      }
  >;
}

/** The default wait for one answer: long enough for a program that starts slowly (a JVM), short enough to notice a hang. */
export const DEFAULT_TIMEOUT_MS = 5000;
/** How many of the program's last stderr lines a failure shows. */
const STDERR_TAIL = 20;

/**
 * A child process that speaks the JSON-lines wire format: one request line in, one answer line out. What
 * it cannot answer — it hung, ended, or wrote a line no request asked for — is a CandidateFailure.
 */
function startProgram(command: string, args: readonly string[], timeoutMs: number, testing: Testing) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let waiting: { resolve: (answer: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | undefined;
  let ended: Error | undefined;
  let lastLine: string | undefined;
  const fail = (kind: FailureKind, message: string) => {
    ended ??= new testing.CandidateFailure(kind, message, tail);
    const w = waiting;
    waiting = undefined;
    if (w) {
      clearTimeout(w.timer);
      w.reject(ended);
    }
  };
  createInterface({ input: child.stderr }).on('line', (line) => {
    tail.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
    if (tail.length > STDERR_TAIL) tail.shift();
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const w = waiting;
    if (!w) {
      fail('desync', `it wrote a line that answers no request: ${line.slice(0, 200)}`);
      return;
    }
    let answer: unknown;
    try {
      answer = JSON.parse(line);
    } catch {
      // Most often a debug print on stdout: every answer after it would be one line late, so the run stops here.
      fail('desync', `it wrote a line that is not JSON: ${line.slice(0, 200)}`);
      return;
    }
    waiting = undefined;
    clearTimeout(w.timer);
    lastLine = line;
    w.resolve(answer);
  });
  child.on('error', (e) => {
    fail('crash', `cannot start ${command}: ${e.message}`);
  });
  // 'close' comes after the process ended and its output was read: the stderr tail is complete.
  child.on('close', (code, signal) => {
    fail('crash', signal === null ? `it exited with code ${String(code)}` : `it was killed by ${signal}`);
  });
  child.stdin.on('error', () => undefined); // a dead child is reported through 'close'
  return {
    ask(request: unknown): Promise<unknown> {
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          fail('timeout', `it did not answer within ${String(timeoutMs)} ms`);
          child.kill('SIGKILL');
        }, timeoutMs);
        waiting = { resolve, reject, timer };
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    /** The last answer line as the program wrote it. */
    get lastLine() {
      return lastLine;
    },
    stop() {
      child.stdin.end();
      child.kill('SIGKILL');
    },
  };
}

const wholeNumber = /^[1-9]\d*$/;

/** `coupon-rules conform`: exit 0 when the program conforms, 1 when it does not (a wrong answer, a hang, a crash), 2 on usage errors. */
export async function conform(argv: readonly string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const parsed = parseArgs(dash === -1 ? argv : argv.slice(0, dash), { values: ['--op', '--runs', '--seed', '--timeout', '--errors', '--refusals'] });
  if (!parsed.ok) return usageError('conform', parsed.message);
  if (parsed.positional.length > 0) return usageError('conform', `the program to test comes after --, not before: ${parsed.positional.join(' ')}`);
  const [command, ...args] = dash === -1 ? [] : argv.slice(dash + 1);
  const op = parsed.values.get('--op') ?? 'quote';
  const runsText = parsed.values.get('--runs') ?? '100';
  const seedText = parsed.values.get('--seed');
  const timeoutText = parsed.values.get('--timeout') ?? String(DEFAULT_TIMEOUT_MS);
  const errors = parsed.values.get('--errors') ?? 'codes';
  const refusalsText = parsed.values.get('--refusals');
  if (!wholeNumber.test(runsText)) return usageError('conform', '--runs takes a whole number from 1: zero runs would check nothing');
  if (seedText !== undefined && !/^-?\d+$/.test(seedText)) return usageError('conform', '--seed takes a whole number');
  if (!wholeNumber.test(timeoutText)) return usageError('conform', '--timeout takes a whole number of milliseconds from 1');
  if (refusalsText !== undefined && !SHARE_PATTERN.test(refusalsText)) return usageError('conform', '--refusals takes a share from 0 to 1, such as 0.25');
  if (command === undefined) return usageError('conform', 'the program to test comes after --');
  let testing: Testing;
  try {
    // Through the package's own ./testing entry, loaded only here: fast-check is an optional peer dependency.
    const entry = 'coupon-rules/testing';
    testing = (await import(entry)) as Testing;
  } catch {
    process.stderr.write('coupon-rules conform needs fast-check: npm install --save-dev fast-check\n');
    return 2;
  }
  if (!testing.CONFORMANCE_OPS.includes(op)) return usageError('conform', `--op is one of ${testing.CONFORMANCE_OPS.join(', ')}`);
  if (!testing.ERRORS_MODES.includes(errors)) return usageError('conform', `--errors is one of ${testing.ERRORS_MODES.join(', ')}`);
  const runs = Number(runsText);
  const timeoutMs = Number(timeoutText);

  const program = startProgram(command, args, timeoutMs, testing);
  const options = {
    numRuns: runs,
    errors,
    ...(seedText === undefined ? {} : { seed: Number(seedText) }),
    ...(refusalsText === undefined ? {} : { refusals: Number(refusalsText) }),
  };
  const report = await testing.checkConformance(op, (request) => program.ask(request), options);
  program.stop();
  const flags = [
    `--op ${op}`,
    `--runs ${runsText}`,
    `--seed ${String(report.seed)}`,
    ...(timeoutMs === DEFAULT_TIMEOUT_MS ? [] : [`--timeout ${timeoutText}`]),
    ...(errors === 'codes' ? [] : [`--errors ${errors}`]),
    ...(refusalsText === undefined ? [] : [`--refusals ${refusalsText}`]),
  ];
  const replay = `Replay: coupon-rules conform ${flags.join(' ')} -- ${[command, ...args].join(' ')}`;
  if (report.ok) {
    process.stdout.write(`ok: ${command} conforms on op "${op}": ${String(report.numRuns)} cases agree (seed ${String(report.seed)})\n`);
    return 0;
  }
  const failure = report.failure;
  const out = failure
    ? [
        `FAIL: ${command} ${failure.kind === 'timeout' ? 'hung' : failure.kind === 'crash' ? 'crashed' : 'fell out of step'} on op "${op}" at case ${String(report.failedAfter)}: ${failure.message}`,
        '',
        'Request (the one it was answering; not shrunk, as the program stopped answering):',
        `  ${JSON.stringify(report.counterexample)}`,
        'Expected (coupon-rules):',
        `  ${JSON.stringify(report.expected)}`,
        failure.details.length === 0 ? 'Its stderr: (nothing)' : `Its stderr (last ${String(failure.details.length)} lines):`,
        ...failure.details.map((l) => `  ${l}`),
      ]
    : [
        `FAIL: ${command} disagrees with coupon-rules on op "${op}" (first failure after ${String(report.failedAfter)} cases; shrunk to the smallest request found)`,
        '',
        'Request:',
        `  ${JSON.stringify(report.counterexample)}`,
        'Expected (coupon-rules):',
        `  ${JSON.stringify(report.expected)}`,
        `Actual (${command}'s answer line):`,
        `  ${program.lastLine ?? JSON.stringify(report.actual)}`,
        `Differences (refusals compared by ${errors === 'codes' ? 'their sets of codes' : errors === 'exact' ? 'codes and paths, in order' : 'outcome only'}):`,
        ...report.diff.map((d) => `  ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`),
      ];
  process.stdout.write(`${[...out, '', replay].join('\n')}\n`);
  return 1;
}

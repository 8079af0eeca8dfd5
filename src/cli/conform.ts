import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import process from 'node:process';

interface Testing {
  readonly CONFORMANCE_OPS: readonly string[];
  checkConformance(
    op: string,
    candidate: (request: Readonly<Record<string, unknown>>) => unknown,
    options: { numRuns?: number; seed?: number },
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
      }
  >;
}

const USAGE = 'usage: coupon-rules conform [--op OP] [--runs N] [--seed S] -- COMMAND [ARGS…]';

/** A child process that speaks the JSON-lines wire format: one request line in, one answer line out. */
function startProgram(command: string, args: readonly string[]) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string | null) => void)[] = [];
  let dead: string | null = null;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => waiting.shift()?.(line));
  const die = (why: string) => {
    dead = why;
    for (const w of waiting.splice(0)) w(null);
  };
  child.on('error', (e) => {
    die(`cannot start ${command}: ${e.message}`);
  });
  child.on('exit', (code) => {
    die(`the program exited (code ${String(code)})`);
  });
  child.stdin.on('error', () => undefined); // a dead child is reported through its answers
  return {
    ask(request: unknown): Promise<unknown> {
      if (dead !== null) return Promise.resolve({ noAnswer: dead });
      return new Promise((resolve) => {
        waiting.push((line) => {
          if (line === null) resolve({ noAnswer: dead ?? 'no answer' });
          else {
            try {
              resolve(JSON.parse(line));
            } catch {
              resolve({ notJson: line.slice(0, 500) });
            }
          }
        });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    },
    get dead() {
      return dead;
    },
    stop() {
      child.stdin.end();
      child.kill();
    },
  };
}

/** `coupon-rules conform`: exit 0 when the program conforms, 1 when it does not, 2 on usage errors. */
export async function conform(argv: readonly string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const opts = dash === -1 ? argv : argv.slice(0, dash);
  const [command, ...args] = dash === -1 ? [] : argv.slice(dash + 1);
  let op = 'quote';
  let runs = 100;
  let seed: number | undefined;
  for (let i = 0; i < opts.length; i++) {
    const flag = opts[i];
    const value = opts[i + 1];
    if ((flag === '--op' || flag === '--runs' || flag === '--seed') && value !== undefined) {
      if (flag === '--op') op = value;
      else if (flag === '--runs' && !/^[1-9]\d*$/.test(value)) return usage('--runs takes a whole number from 1: zero runs would check nothing');
      else if (!/^-?\d+$/.test(value)) return usage(`${flag} takes a whole number`);
      else if (flag === '--runs') runs = Number(value);
      else seed = Number(value);
      i++;
    } else return usage(`unknown option ${String(flag)}`);
  }
  if (command === undefined) return usage('the program to test comes after --');
  let testing: Testing;
  try {
    // Through the package's own ./testing entry, loaded only here: fast-check is an optional peer dependency.
    const entry = 'coupon-rules/testing';
    testing = (await import(entry)) as Testing;
  } catch {
    process.stderr.write('coupon-rules conform needs fast-check: npm install --save-dev fast-check\n');
    return 2;
  }
  if (!testing.CONFORMANCE_OPS.includes(op)) return usage(`--op is one of ${testing.CONFORMANCE_OPS.join(', ')}`);

  const program = startProgram(command, args);
  const report = await testing.checkConformance(op, (request) => program.ask(request), seed === undefined ? { numRuns: runs } : { numRuns: runs, seed });
  program.stop();
  const replay = `coupon-rules conform --op ${op} --runs ${String(runs)} --seed ${String(report.seed)} -- ${[command, ...args].join(' ')}`;
  if (report.ok) {
    process.stdout.write(`ok: ${command} conforms on op "${op}": ${String(report.numRuns)} cases agree (seed ${String(report.seed)})\n`);
    return 0;
  }
  const out = [
    `FAIL: ${command} disagrees with coupon-rules on op "${op}" (first failure after ${String(report.failedAfter)} cases; shrunk to the smallest request found)`,
    '',
    'Request:',
    `  ${JSON.stringify(report.counterexample)}`,
    'Expected (coupon-rules):',
    `  ${JSON.stringify(report.expected)}`,
    'Actual:',
    `  ${JSON.stringify(report.actual)}`,
    'Differences:',
    ...report.diff.map((d) => `  ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`),
    '',
    `Replay: ${replay}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 1;
}

function usage(message: string): number {
  process.stderr.write(`coupon-rules conform: ${message}\n${USAGE}\n`);
  return 2;
}

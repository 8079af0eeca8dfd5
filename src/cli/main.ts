import { fstatSync, readFileSync } from 'node:fs';
import process from 'node:process';
import type { QuoteRequest } from '../order/types.js';
import { answerWireRequest, WIRE_OP_NAMES } from '../wire/answer.js';
import type { WireOp } from '../schemas/index.js';
import { runOracle } from './oracle.js';
import { startLineHelpers } from './pool.js';

// Only the oracle's path is loaded at start-up: a test suite may start a process per test. The zod
// schemas, the readable breakdown (decimal.js) and the conformance kit load when their command runs.

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const USAGE = `coupon-rules ${VERSION}: exact seller-coupon rules, and a JSON-lines reference oracle

Usage:
  coupon-rules oracle                 answer JSON-lines requests from stdin, one answer line per input line
  coupon-rules quote FILE|- [--json]  quote one request (a JSON file, or - for stdin) as a readable breakdown
  coupon-rules schema OP [--answer]   print the JSON Schema of an op's request (or answer); ops: ${WIRE_OP_NAMES.join(', ')}
  coupon-rules conform [--op OP] [--runs N] [--seed S] -- COMMAND [ARGS…]
                                      check that a program speaking the wire format answers like coupon-rules
                                      (ops quote, coupon-state, dispute-state, outage-plan; needs fast-check)
  coupon-rules --help | --version

Exit codes: 0 ok, 1 invalid input (conform: the program does not conform), 2 usage, or input or output that
cannot be read or written (a directory as stdin, a full disk).
`;

function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

function usage(message: string): number {
  process.stderr.write(`coupon-rules: ${message}\n\n${USAGE}`);
  return 2;
}

async function quote(args: readonly string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (unknown.length > 0) return usage(`unknown option ${unknown.join(', ')}`);
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0) return usage('quote takes one FILE (or - for stdin)');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return usage(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (e) {
    process.stderr.write(`INVALID_JSON: ${file} is not JSON (${e instanceof Error ? e.message : 'unparseable'})\n`);
    return 1;
  }
  if (typeof request === 'object' && request !== null && !Array.isArray(request) && !Object.hasOwn(request, 'op')) request = { op: 'quote', ...request };
  const answer = answerWireRequest(request);
  if (!answer.ok) {
    for (const e of answer.errors) process.stderr.write(`${e.code}${e.path === '' ? '' : ` at ${e.path}`}: ${e.message}\n`);
    if (json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 1;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  const { op, ...tsRequest } = request as QuoteRequest & { op: string };
  const [{ quoteCoupon }, { formatQuote }] = await Promise.all([import('../order/compute.js'), import('./format.js')]);
  const q = quoteCoupon(tsRequest);
  if (!q.ok) return 1; // cannot happen: the wire answer above was ok
  process.stdout.write(formatQuote(tsRequest, q.value));
  return 0;
}

async function schema(args: readonly string[]): Promise<number> {
  const answer = args.includes('--answer');
  const rest = args.filter((a) => a !== '--answer');
  const [op, ...extra] = rest;
  if (op === undefined || extra.length > 0 || !WIRE_OP_NAMES.includes(op)) return usage(`schema takes one op: ${WIRE_OP_NAMES.join(', ')}`);
  const { wireJsonSchema } = await import('../schemas/index.js');
  process.stdout.write(`${JSON.stringify(wireJsonSchema(op as WireOp, answer ? 'answer' : 'request'), null, 2)}\n`);
  return 0;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'oracle':
      if (rest.length > 0) return usage('oracle takes no arguments');
      if (isDirectory(0)) return ioFailure('read requests from stdin', new Error('stdin is a directory'));
      try {
        await runOracle(process.stdin, process.stdout, { helpers: startLineHelpers });
      } catch (e) {
        return ioFailure('read requests from stdin', e);
      }
      return 0;
    case 'quote':
      return quote(rest);
    case 'schema':
      return schema(rest);
    case 'conform':
      return (await import('./conform.js')).conform(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case undefined:
      return usage('a command is required');
    default:
      return usage(`unknown command ${command}`);
  }
}

/** Input or output failed: one clear line on stderr and exit code 2, never a stack trace. */
function ioFailure(what: string, e: unknown): number {
  const why = e instanceof Error ? e.message : String(e);
  process.stderr.write(`coupon-rules: cannot ${what}: ${why}\n`);
  return 2;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0); // the reader went away: nothing left to answer
  process.exit(ioFailure('write to stdout', e));
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`coupon-rules: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);

import { fstatSync } from 'node:fs';
import process from 'node:process';
import { WIRE_OP_NAMES } from '../wire/answer.js';
import type { WireOp } from '../schemas/index.js';
import { COMMAND_HELP, USAGE, VERSION, isCommand, type Command } from './help.js';
import { ioFailure, parseArgs, usageError } from './io.js';
import { runOracle } from './oracle.js';
import { startLineHelpers } from './pool.js';

// Only the oracle's path is loaded at start-up: a test suite may start a process per test. The zod
// schemas, the readable breakdowns (decimal.js), audit and the conformance kit load when their command runs.

function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

async function oracle(args: readonly string[]): Promise<number> {
  if (args.length > 0) return usageError('oracle', 'oracle takes no arguments');
  if (isDirectory(0)) return ioFailure('read requests from stdin', new Error('stdin is a directory'));
  try {
    await runOracle(process.stdin, process.stdout, { helpers: startLineHelpers });
  } catch (e) {
    return ioFailure('read requests from stdin', e);
  }
  return 0;
}

async function schema(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { switches: ['--answer'] });
  if (!parsed.ok) return usageError('schema', parsed.message);
  const [op, ...extra] = parsed.positional;
  if (op === undefined || extra.length > 0 || !WIRE_OP_NAMES.includes(op)) return usageError('schema', `schema takes one op: ${WIRE_OP_NAMES.join(', ')}`);
  const { wireJsonSchema } = await import('../schemas/index.js');
  process.stdout.write(`${JSON.stringify(wireJsonSchema(op as WireOp, parsed.switches.has('--answer') ? 'answer' : 'request'), null, 2)}\n`);
  return 0;
}

async function run(command: Command, args: readonly string[]): Promise<number> {
  switch (command) {
    case 'oracle':
      return oracle(args);
    case 'explain':
      return (await import('./explain.js')).explainCommand(args);
    case 'quote':
      return (await import('./explain.js')).quoteCommand(args);
    case 'schema':
      return schema(args);
    case 'conform':
      return (await import('./conform.js')).conform(args);
    case 'audit':
      return (await import('./audit.js')).auditCommand(args);
    case 'vectors':
      return (await import('./vectors.js')).vectorsCommand(args);
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** `COMMAND --help` (before a `--`: what follows belongs to the program conform starts). */
function asksForHelp(args: readonly string[]): boolean {
  const dash = args.indexOf('--');
  const own = dash === -1 ? args : args.slice(0, dash);
  return own.includes('--help') || own.includes('-h');
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help': {
      const [topic] = rest;
      process.stdout.write(topic !== undefined && isCommand(topic) ? COMMAND_HELP[topic] : USAGE);
      return 0;
    }
    case undefined:
      process.stderr.write(`coupon-rules: a command is required\n\n${USAGE}`);
      return 2;
    default:
      if (!isCommand(command)) {
        process.stderr.write(`coupon-rules: unknown command ${command} (coupon-rules --help lists them)\n`);
        return 2;
      }
      if (asksForHelp(rest)) {
        process.stdout.write(COMMAND_HELP[command]);
        return 0;
      }
      return run(command, rest);
  }
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

import { readFileSync } from 'node:fs';
import process from 'node:process';
import { COMMAND_HELP, type Command } from './help.js';

// What every command does with its arguments and its input: one clear line per problem, never a stack trace.

/** A usage error of `command`: its message and how to get its usage, exit code 2. */
export function usageError(command: Command, message: string): number {
  process.stderr.write(`coupon-rules ${command}: ${message}\n${COMMAND_HELP[command].split('\n')[0] ?? ''}\n(coupon-rules ${command} --help for more)\n`);
  return 2;
}

/** Input or output failed: one clear line on stderr and exit code 2. */
export function ioFailure(what: string, e: unknown): number {
  process.stderr.write(`coupon-rules: cannot ${what}: ${whyOf(e)}\n`);
  return 2;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Why a read or write failed, in words (the system's code when it has no better one). */
export function whyOf(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as NodeJS.ErrnoException).code;
  return code !== undefined && Object.hasOwn(REASONS, code) ? (REASONS[code] ?? code) : e.message;
}

/** The text of FILE, or of stdin for `-`; a failure is one line on stderr, and the exit code to return. */
export function readSource(file: string): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly exitCode: number } {
  try {
    return { ok: true, text: readFileSync(file === '-' ? 0 : file, 'utf8') };
  } catch (e) {
    return { ok: false, exitCode: ioFailure(`read ${file === '-' ? 'stdin' : file}`, e) };
  }
}

/** Splits arguments into flags with values (`--op X`), switches (`--json`) and positional arguments. */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values?: readonly string[]; readonly switches?: readonly string[] },
):
  | { readonly ok: true; readonly values: ReadonlyMap<string, string>; readonly switches: ReadonlySet<string>; readonly positional: readonly string[] }
  | { readonly ok: false; readonly message: string } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (spec.switches?.includes(a)) switches.add(a);
    else if (spec.values?.includes(a)) {
      const v = args[i + 1];
      if (v === undefined) return { ok: false, message: `${a} needs a value` };
      if (values.has(a)) return { ok: false, message: `${a} is given twice` };
      values.set(a, v);
      i++;
    } else if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) return { ok: false, message: `unknown option ${a}` };
    else positional.push(a);
  }
  return { ok: true, values, switches, positional };
}

/** A share from 0 to 1 written as a decimal of up to three places (0, 0.25, 1): `--refusals` of conform and vectors. */
export const SHARE_PATTERN = /^(0(\.\d{1,3})?|1(\.0{1,3})?)$/;

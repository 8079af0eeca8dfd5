import process from 'node:process';
import type { CouponChoices } from '../lifecycle/choices.js';
import type { CouponIssueCheck } from '../lifecycle/issue.js';
import type { QuoteRequest } from '../order/types.js';
import type { WireOp } from '../schemas/index.js';
import { isRecord } from '../testing/compare.js';
import { answerWireRequest } from '../wire/answer.js';
import type { CouponChoicesWireRequest, CouponIssueWireRequest, CouponStateWireRequest, CouponStateWireResult } from './format-coupon.js';
import type { DisputeStateWireRequest } from './format-dispute.js';
import type { OutagePlanWireRequest } from './format-outage.js';
import { parseArgs, readSource, usageError } from './io.js';

// `coupon-rules explain FILE|-` and its alias for quotes, `coupon-rules quote FILE|-`: one request's answer
// as a breakdown for people, or with --json the answer object. The formatters load with their op.

/**
 * The breakdown of a request the library answered ok, `result` being the answer's: the casts only name
 * the shapes the library has just accepted. Pure: no clock, no environment.
 */
async function breakdown(op: WireOp, request: unknown, result: unknown): Promise<string> {
  switch (op) {
    case 'quote':
      return (await import('./format.js')).quoteBreakdown(request as QuoteRequest);
    case 'coupon-state':
      return (await import('./format-coupon.js')).couponStateBreakdown(request as CouponStateWireRequest, result as CouponStateWireResult);
    case 'coupon-issue-check':
      return (await import('./format-coupon.js')).issueCheckBreakdown(request as CouponIssueWireRequest, result as CouponIssueCheck);
    case 'coupon-choices':
      return (await import('./format-coupon.js')).choicesBreakdown(request as CouponChoicesWireRequest, result as CouponChoices);
    case 'dispute-state':
      return (await import('./format-dispute.js')).disputeStateBreakdown(request as DisputeStateWireRequest);
    case 'outage-plan':
      return (await import('./format-outage.js')).outagePlanBreakdown(request as OutagePlanWireRequest);
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** What a command prints and its exit code. */
export interface Explained {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * What `explain` (or `quote`) prints for the text of a request read from `source` (a file name, or `-`):
 * the breakdown, or with `json` the answer object; the errors of a refused request; for `quote`, a pointer
 * to explain for a valid request of another op. Pure: the command does the reading and the writing.
 */
export async function explainText(command: 'explain' | 'quote', text: string, source: string, json: boolean): Promise<Explained> {
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (e) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `INVALID_JSON: ${source === '-' ? 'stdin' : source} is not JSON (${e instanceof Error ? e.message : 'unparseable'})\n`,
    };
  }
  // A request without an op is a quote, as `quote` has always read it.
  if (isRecord(request) && !Object.hasOwn(request, 'op')) request = { op: 'quote', ...request };
  const answer = answerWireRequest(request);
  const answerJson = `${JSON.stringify(answer, null, 2)}\n`;
  if (!answer.ok) {
    const stderr = answer.errors.map((e) => `${e.code}${e.path === '' ? '' : ` at ${e.path}`}: ${e.message}\n`).join('');
    return { exitCode: 1, stdout: json ? answerJson : '', stderr };
  }
  // The answer was ok, so the request is an object with a known op.
  const op = (request as { readonly op: WireOp }).op;
  if (command === 'quote' && op !== 'quote') {
    return { exitCode: 2, stdout: '', stderr: `coupon-rules quote: this is a "${op}" request; use coupon-rules explain ${source}\n` };
  }
  return { exitCode: 0, stdout: json ? answerJson : await breakdown(op, request, answer.result), stderr: '' };
}

/** Both commands: arguments, reading, then printing what explainText gives. */
async function explainAs(command: 'explain' | 'quote', args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args, { switches: ['--json'] });
  if (!parsed.ok) return usageError(command, parsed.message);
  const [file, ...extra] = parsed.positional;
  if (file === undefined || extra.length > 0) return usageError(command, `${command} takes one FILE (or - for stdin)`);
  const source = readSource(file);
  if (!source.ok) return source.exitCode;
  const out = await explainText(command, source.text, file, parsed.switches.has('--json'));
  process.stderr.write(out.stderr);
  process.stdout.write(out.stdout);
  return out.exitCode;
}

/** `coupon-rules explain FILE|- [--json]`: any request's answer as a breakdown (or the answer object). */
export function explainCommand(args: readonly string[]): Promise<number> {
  return explainAs('explain', args);
}

/** `coupon-rules quote FILE|- [--json]`: the quote's alias of explain; a request of another op is pointed to explain. */
export function quoteCommand(args: readonly string[]): Promise<number> {
  return explainAs('quote', args);
}

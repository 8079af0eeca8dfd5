import { InputReader } from '../input.js';
import type { InstantInput } from '../time/instant.js';
import { readInstant } from '../time/read.js';
import { describe } from '../money/parse.js';
import { fail, ok, type Result } from '../result.js';
import { assertNever } from '../result.js';
import { foldDispute } from './fold.js';
import { readDispute } from './read.js';
import type { ClaimedLine, Dispute, DisputeEvent, DisputeParty, DisputeReason } from './types.js';

/**
 * What every dispute command carries: who acts, when, and on which version.
 *
 * @example
 * ```ts
 * import type { DisputeCommandBase } from 'coupon-rules';
 * const base: DisputeCommandBase = { actor: 'buyer', at: '2026-12-02T10:00:00Z', expectedVersion: 1 };
 * ```
 */
export interface DisputeCommandBase {
  readonly actor: DisputeParty;
  readonly at: InstantInput;
  /** The number of events the actor saw: a command on a stale view is refused. */
  readonly expectedVersion: number;
}

/**
 * What a party asks to do in a dispute. Every command names its actor, its
 * instant and the version (event count) it was decided on.
 *
 * @example
 * ```ts
 * import type { DisputeCommand } from 'coupon-rules';
 * const c: DisputeCommand = { type: 'counter', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 1, amount: '8.00' };
 * ```
 */
export type DisputeCommand = DisputeCommandBase &
  (
    | {
        readonly type: 'open';
        readonly reason: DisputeReason;
        readonly amount: string;
        readonly lines?: readonly ClaimedLine[];
        readonly evidence?: readonly string[];
        readonly description?: string;
      }
    | { readonly type: 'change-claim'; readonly amount: string; readonly lines?: readonly ClaimedLine[]; readonly evidence?: readonly string[] }
    | { readonly type: 'cancel' | 'agree' | 'accept' | 'decline' }
    | { readonly type: 'escalate'; readonly evidence?: readonly string[]; readonly note?: string }
    | { readonly type: 'counter'; readonly amount: string; readonly evidence?: readonly string[] }
    | { readonly type: 'rule'; readonly amount: string }
    | { readonly type: 'disagree'; readonly note?: string; readonly evidence?: readonly string[] }
  );

/**
 * The events a command adds, when it is allowed.
 *
 * @example
 * ```ts
 * import type { DisputeDecision } from 'coupon-rules';
 * const d: DisputeDecision = { events: [{ type: 'seller-agreed', at: '2026-12-02T10:00:00Z' }] };
 * ```
 */
export interface DisputeDecision {
  readonly events: readonly DisputeEvent[];
}

const ACTOR: Record<DisputeCommand['type'], DisputeParty | 'buyer-or-seller'> = {
  open: 'buyer',
  'change-claim': 'buyer',
  cancel: 'buyer',
  accept: 'buyer',
  decline: 'buyer',
  agree: 'seller',
  counter: 'seller',
  disagree: 'seller',
  escalate: 'buyer-or-seller',
  rule: 'platform',
};

function eventOf(c: DisputeCommand): DisputeEvent {
  const at = c.at;
  switch (c.type) {
    case 'open':
      return {
        type: 'opened',
        at,
        reason: c.reason,
        amount: c.amount,
        ...(c.lines ? { lines: c.lines } : {}),
        ...(c.evidence ? { evidence: c.evidence } : {}),
        ...(c.description === undefined ? {} : { description: c.description }),
      };
    case 'change-claim':
      return { type: 'claim-changed', at, amount: c.amount, ...(c.lines ? { lines: c.lines } : {}), ...(c.evidence ? { evidence: c.evidence } : {}) };
    case 'cancel':
      return { type: 'cancelled', at };
    case 'agree':
      return { type: 'seller-agreed', at };
    case 'counter':
      return { type: 'seller-countered', at, amount: c.amount, ...(c.evidence ? { evidence: c.evidence } : {}) };
    case 'disagree':
      return { type: 'seller-disagreed', at, ...(c.note === undefined ? {} : { note: c.note }), ...(c.evidence ? { evidence: c.evidence } : {}) };
    case 'accept':
      return { type: 'buyer-accepted', at };
    case 'decline':
      return { type: 'buyer-declined', at };
    case 'escalate':
      return {
        type: 'escalated',
        at,
        by: c.actor === 'seller' ? 'seller' : 'buyer',
        ...(c.evidence ? { evidence: c.evidence } : {}),
        ...(c.note === undefined ? {} : { note: c.note }),
      };
    case 'rule':
      return { type: 'ruled', at, amount: c.amount };
    default:
      return assertNever(c);
  }
}

/**
 * Decides a command against a dispute: checks that the actor may issue it,
 * that it was decided on the current version (so a cancel racing the
 * seller's reply is refused, not applied), that it is not earlier than the
 * last event, and every rule of the event it would add. Returns the new
 * events, or a structured refusal (`STALE_VERSION`, `WRONG_ACTOR`,
 * `EVENTS_OUT_OF_ORDER`, or the rule's own code at `command`).
 *
 * @example
 * ```ts
 * import { decideDispute, unwrap } from 'coupon-rules';
 * const dispute = {
 *   order: { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Set', unitPrice: '40.00', quantity: 1 }] }, shippedAt: '2026-11-20T09:00:00Z' },
 *   events: [{ type: 'opened' as const, at: '2026-12-01T10:00:00Z', reason: 'OTHER' as const, amount: '10.00' }],
 * };
 * const agreed = unwrap(decideDispute(dispute, { type: 'agree', actor: 'seller', at: '2026-12-02T10:00:00Z', expectedVersion: 1 }));
 * console.log(agreed.events); // → [ { type: 'seller-agreed', at: '2026-12-02T10:00:00Z' } ]
 * // Decided on version 0, before the opening was seen: refused, not applied.
 * const stale = decideDispute(dispute, { type: 'cancel', actor: 'buyer', at: '2026-12-02T10:00:01Z', expectedVersion: 0 });
 * console.log(stale.ok ? [] : stale.errors.map((e) => `${e.code} at ${e.path}`)); // → [ 'STALE_VERSION at command.expectedVersion' ]
 * ```
 */
export function decideDispute(dispute: Dispute, command: DisputeCommand): Result<DisputeDecision> {
  const r = new InputReader();
  const events: unknown = typeof dispute === 'object' && (dispute as unknown) !== null ? (dispute as { events?: unknown }).events : undefined;
  if (!Array.isArray(events)) r.error('INVALID_TYPE', 'events', 'a dispute has a list of events');
  if (typeof command !== 'object' || (command as unknown) === null) r.error('INVALID_TYPE', 'command', 'a command is an object');
  if (r.count > 0 || !Array.isArray(events)) return fail(r.errors);
  const at = readInstant(r, command.at, 'command.at');
  // Commands come from callers' data too: the actor is checked against the union at run time.
  const knownActor = (['buyer', 'seller', 'platform'] as readonly unknown[]).includes(command.actor);
  if (!knownActor) r.error('WRONG_ACTOR', 'command.actor', 'the actor is "buyer", "seller" or "platform"');
  // Nothing of the command is turned into text or a key before its type is known: an object without a prototype
  // (or a getter that throws) must not make decideDispute throw.
  const version: unknown = command.expectedVersion;
  const validVersion = typeof version === 'number' && Number.isSafeInteger(version) && version >= 0;
  if (!validVersion)
    r.error('INVALID_TYPE', 'command.expectedVersion', `expectedVersion is the number of events the command was decided on, got ${describe(version)}`);
  const type: unknown = command.type;
  const allowedActor = typeof type === 'string' && Object.hasOwn(ACTOR, type) ? ACTOR[type as DisputeCommand['type']] : undefined;
  if (allowedActor === undefined) r.error('INVALID_COMMAND', 'command.type', `unknown command type, got ${describe(type)}`);
  else if (knownActor && (allowedActor === 'buyer-or-seller' ? command.actor === 'platform' : command.actor !== allowedActor)) {
    r.error('WRONG_ACTOR', 'command.actor', `"${String(type)}" is not the ${command.actor}'s to do`);
  }
  if (validVersion && version !== dispute.events.length) {
    r.error(
      'STALE_VERSION',
      'command.expectedVersion',
      `the command was decided on version ${String(version)}, but the dispute has ${String(dispute.events.length)} events`,
    );
  }
  if (r.count > 0 || at === undefined) return fail(r.errors);
  const event = eventOf(command);
  const d = readDispute(r, dispute.policy, dispute.order, [...dispute.events, event], false);
  if (d) foldDispute(r, d, at);
  // The new event's problems are the command's: report them at `command`.
  const mine = `events.${String(dispute.events.length)}`;
  const errors = r.errors.map((e) => (e.path === mine || e.path.startsWith(`${mine}.`) ? { ...e, path: `command${e.path.slice(mine.length)}` } : e));
  if (errors.length > 0) return fail(errors);
  return ok({ events: [event] });
}

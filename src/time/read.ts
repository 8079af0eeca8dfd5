import type { InputReader } from '../input.js';
import { describe } from '../money/parse.js';
import { joinPath } from '../result.js';
import { isLocalDate } from './calendar.js';
import { readInstantValue } from './instant.js';
import { isTimeZone } from './zone.js';

/** @internal Reads an instant (string or Date) as epoch milliseconds. */
export function readInstant(r: InputReader, value: unknown, path: string): number | undefined {
  const p = readInstantValue(value);
  if (p.ok) return p.ms;
  if (p.why === 'sub-millisecond') {
    r.error(
      'SUB_MILLISECOND_INSTANT',
      path,
      `instants are exact to the millisecond, and ${describe(value)} has a non-zero digit after the third decimal of its seconds: round it to the millisecond you mean`,
    );
  } else {
    r.error('INVALID_INSTANT', path, `expected an ISO 8601 instant with an offset, such as "2026-11-22T15:00:00Z", got ${describe(value)}`);
  }
  return undefined;
}

/** @internal Reads a required instant field: a missing one is reported once, as `REQUIRED`. */
export function readRequiredInstant(r: InputReader, record: Record<string, unknown>, key: string, parent: string): number | undefined {
  const value = r.required(record, key, parent);
  return value === undefined ? undefined : readInstant(r, value, joinPath(parent, key));
}

/** @internal Reads a calendar date `YYYY-MM-DD`. */
export function readLocalDate(r: InputReader, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  r.error('INVALID_DATE', path, `expected a calendar date "YYYY-MM-DD", got ${describe(value)}`);
  return undefined;
}

/** @internal Reads an IANA time zone name. */
export function readTimeZone(r: InputReader, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && isTimeZone(value)) return value;
  r.error('INVALID_TIME_ZONE', path, `expected an IANA time zone such as "Europe/Berlin", got ${describe(value)}`);
  return undefined;
}

import { joinPath, MAX_ERRORS, ruleError, type RuleError, TOO_MANY_ERRORS, tooManyErrors } from './result.js';
import type { RuleErrorCode } from './contract/index.js';
import { describe } from './money/parse.js';

/**
 * @internal A reader over untrusted input (parsed JSON or a caller's object):
 * it records every problem instead of stopping at the first, and only ever
 * reads own properties, so `__proto__` or `constructor` keys are just
 * unknown fields.
 */
export class InputReader {
  /** How many problems were found, listed or not. */
  count = 0;
  private readonly listed: RuleError[] = [];

  error(code: RuleErrorCode, path: string, message: string): void {
    this.count++;
    if (this.listed.length < MAX_ERRORS) this.listed.push(ruleError(code, path, message));
  }

  /**
   * Takes the problems another reader or parser found (paths already rooted in this input),
   * counting the ones its own cap left out.
   */
  absorb(errors: readonly RuleError[]): void {
    for (const e of errors) {
      if (e.code === TOO_MANY_ERRORS) {
        this.count += (e.total ?? 0) - MAX_ERRORS;
        continue;
      }
      this.count++;
      if (this.listed.length < MAX_ERRORS) this.listed.push(e);
    }
  }

  /** The problems found: the first {@link MAX_ERRORS}, then one `TOO_MANY_ERRORS` entry with the total. */
  get errors(): readonly RuleError[] {
    return this.count > this.listed.length ? [...this.listed, tooManyErrors(this.count)] : this.listed;
  }

  /** An object with only the allowed keys; reports each unknown key. */
  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    const record = this.record(value, path);
    if (!record) return undefined;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.error('UNKNOWN_FIELD', joinPath(path, key), `unknown field "${key.slice(0, 40)}"`);
    }
    return record;
  }

  /** An object used as a map: every own key is data, none is unknown. */
  record(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.error('INVALID_TYPE', path, `expected an object, got ${describe(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  /** An own property, or `undefined` when absent. */
  field(record: Record<string, unknown>, key: string): unknown {
    return Object.hasOwn(record, key) ? record[key] : undefined;
  }

  required(record: Record<string, unknown>, key: string, path: string): unknown {
    if (!Object.hasOwn(record, key) || record[key] === undefined) {
      this.error('REQUIRED', joinPath(path, key), `"${key}" is required`);
      return undefined;
    }
    return record[key];
  }

  // The typed readers below say nothing of a missing value: `required` has reported it already.

  string(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.error('INVALID_TYPE', path, `expected a string, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  nonEmptyString(value: unknown, path: string): string | undefined {
    const s = this.string(value, path);
    if (s === '') {
      this.error('EMPTY_STRING', path, 'must not be empty');
      return undefined;
    }
    return s;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.error('INVALID_TYPE', path, `expected true or false, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  array(value: unknown, path: string): readonly unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.error('INVALID_TYPE', path, `expected an array, got ${describe(value)}`);
      return undefined;
    }
    return value as readonly unknown[];
  }

  /** A JSON integer (a number, not a string) in [min, max], else `code`. */
  integer(value: unknown, path: string, min: number, max: number, code: RuleErrorCode, what: string): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.error(code, path, `${what} must be an integer from ${min} to ${max} (a JSON number), got ${describe(value)}`);
      return undefined;
    }
    return value;
  }
}

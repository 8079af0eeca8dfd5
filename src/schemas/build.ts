import * as z from 'zod';
import {
  AMOUNT_PATTERN,
  CHARGE_NAME_PATTERN,
  CURRENCY_CODE_PATTERN,
  type Field,
  type FieldType,
  type OneOf,
  INSTANT_PATTERN,
  LOCAL_DATE_PATTERN,
  PERCENT_PATTERN,
  RECORDS,
  type RecordName,
  type WireRecord,
} from '../contract/index.js';
import { CouponRulesError } from '../result.js';

// The interpreter from the contract's field tables to zod: one zod type per scalar, composed as the table says.
// Every request schema is built here, so a field exists once, in src/contract/fields.ts.

const SCALARS: Readonly<Record<Extract<FieldType, string>, () => z.ZodType>> = {
  id: () => z.string().min(1),
  text: () => z.string(),
  boolean: () => z.boolean(),
  instant: () => z.string().regex(new RegExp(INSTANT_PATTERN)).describe('An ISO 8601 instant with an explicit offset, exact to the millisecond'),
  localDate: () => z.string().regex(new RegExp(LOCAL_DATE_PATTERN)).describe('A calendar date YYYY-MM-DD, local to the store time zone'),
  timeZone: () => z.string().min(1).describe('An IANA time zone name'),
  amount: () =>
    z
      .string()
      .regex(new RegExp(AMOUNT_PATTERN))
      .describe('A non-negative decimal string below 10^15, no sign, exponent or whitespace; whole minor units of the request currency'),
  unitPrice: () => z.string().regex(new RegExp(AMOUNT_PATTERN)).describe('A non-negative decimal string below 10^15 with up to 30 decimals'),
  percent: () => z.string().regex(new RegExp(PERCENT_PATTERN)).describe('A percentage above 0 and at most 100, as a decimal string with up to 10 decimals'),
  currency: () => z.string().regex(new RegExp(CURRENCY_CODE_PATTERN)).describe('An active ISO 4217 currency code'),
  chargeName: () => z.string().regex(new RegExp(CHARGE_NAME_PATTERN)),
};

const built = new Map<string, z.ZodType>();

function typeOf(t: FieldType): z.ZodType {
  if (typeof t === 'string') return SCALARS[t]();
  if ('int' in t) return z.int().min(t.int[0]).max(t.int[1]);
  if ('enum' in t) return z.enum(t.enum as [string, ...string[]]);
  if ('literal' in t) return z.literal(t.literal);
  if ('record' in t) return objectOf(t.record);
  if ('array' in t) return t.min === undefined ? z.array(typeOf(t.array)) : z.array(typeOf(t.array)).min(t.min);
  if ('map' in t) return z.record(typeOf(t.map) as z.ZodString, typeOf(t.of));
  if ('oneOf' in t) return z.union(t.oneOf.map(typeOf));
  const [first, ...rest] = t.byType.map((name) => objectOf(name) as z.ZodObject);
  if (!first) throw new CouponRulesError([{ code: 'INTERNAL_ERROR', path: '', message: 'a union by type needs a record' }]);
  return z.discriminatedUnion('type', [first, ...rest]);
}

function fieldOf(f: Field): z.ZodType {
  let schema = typeOf(f.type);
  if (f.nullable === true) schema = schema.nullable();
  if (f.optional === true) schema = schema.optional();
  return f.note === undefined ? schema : schema.describe(f.note);
}

function objectOf(name: string): z.ZodType {
  const known = built.get(name);
  if (known) return known;
  const fields = (RECORDS as Readonly<Record<string, Readonly<Record<string, Field>>>>)[name];
  if (!fields) throw new CouponRulesError([{ code: 'INTERNAL_ERROR', path: name, message: `the contract has no record "${name}"` }]);
  const schema = z.strictObject(Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, fieldOf(f)])));
  built.set(name, schema);
  return schema;
}

/** @internal The zod schema of a record of the contract, typed by its table. */
export const recordSchema = <N extends RecordName>(name: N): z.ZodType<WireRecord<N>, WireRecord<N>> =>
  objectOf(name) as z.ZodType<WireRecord<N>, WireRecord<N>>;

/** @internal The zod schema of a union of records told apart by their `type`. */
export const byTypeSchema = <N extends RecordName>(names: readonly N[]): z.ZodType<OneOf<N>, OneOf<N>> =>
  typeOf({ byType: names }) as z.ZodType<OneOf<N>, OneOf<N>>;

/** @internal The zod schema of a scalar of the contract (for the answers, which are written by hand). */
export const scalarSchema = (name: Exclude<Extract<FieldType, string>, 'boolean'>): z.ZodType<string, string> => SCALARS[name]() as z.ZodType<string, string>;

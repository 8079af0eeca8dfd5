import type { Arbitrary } from 'fast-check';
import fc from '../fast-check.js';
import { type Field, type FieldType, RECORDS, type RecordName } from '../../contract/index.js';

// Mistakes found by walking a valid request along the contract's field tables (src/contract/fields.ts): whatever the
// table says a field is, a mistake makes it something else. Two families:
// - shape mistakes, which the request's zod schema (and so its JSON Schema) refuses too: a missing or unknown key,
//   a value of the wrong JSON type, a string of the wrong form, a number out of range, an empty list;
// - value mistakes, which keep the shape (the schema accepts them) but which the library refuses: a date that is not
//   on the calendar, an unknown time zone or currency, a percentage of 0, an amount with more decimals than any
//   currency has.
// The mistakes are listed lazily (a site and a way to break it) and only the one drawn is applied, so that a large
// request costs one copy of the path to the site, not one copy per possible mistake.

type Json = unknown;
type Path = readonly (string | number)[];

/** What a shape mistake does to a value: the draw spreads over kinds and field types rather than over the (many more) sites. */
type ShapeKind = 'type' | 'pattern' | 'range' | 'empty';

/** One way to break a request: its kind and group (the type of field it aims at), which the draw goes by, and the change. */
interface Mistake {
  readonly kind: string;
  readonly group: string;
  /** What it does, in words, for a failure message: `no id at lines.0`, `"1e2" at lines.0.unitPrice`. */
  readonly what: string;
  readonly apply: (request: Json) => Json;
}

interface Site {
  readonly path: Path;
  readonly field: Field | undefined;
  readonly record: string | undefined;
}

const tableOf = (name: string): Readonly<Record<string, Field>> | undefined => (RECORDS as Readonly<Record<string, Readonly<Record<string, Field>>>>)[name];

function recordNameOf(t: FieldType, value: Json): string | undefined {
  // Stryker disable next-line StringLiteral: visitType returns on a scalar type before it asks for a record name, so this guard (TypeScript's narrowing) never sees one
  if (typeof t === 'string') return undefined;
  if ('record' in t) return t.record;
  if ('byType' in t && typeof value === 'object' && value !== null) {
    const type = (value as { type?: unknown }).type;
    return t.byType.find((name) => {
      // Stryker disable next-line OptionalChaining: every record a `byType` names is in RECORDS and has a literal `type` field (test/contract/contract.test.ts checks both)
      const literal = tableOf(name)?.type?.type;
      return typeof literal === 'object' && 'literal' in literal && literal.literal === type;
    });
  }
  return undefined;
}

/** Every place in `value` a mistake can aim at: each record (to drop or add keys) and each field present. */
function sitesOf(name: RecordName, value: Json): Site[] {
  const sites: Site[] = [];
  const visitRecord = (record: string, v: Json, path: Path): void => {
    const table = tableOf(record);
    if (!table || typeof v !== 'object' || v === null) return;
    sites.push({ path, field: undefined, record });
    for (const [key, field] of Object.entries(table)) {
      const child = (v as Record<string, Json>)[key];
      if (child === undefined) continue;
      sites.push({ path: [...path, key], field, record: undefined });
      visitType(field.type, child, [...path, key]);
    }
  };
  const visitType = (t: FieldType, v: Json, path: Path): void => {
    if (typeof t === 'string' || v === null) return;
    if ('array' in t && Array.isArray(v)) {
      v.forEach((item: Json, i) => {
        sites.push({ path: [...path, i], field: { type: t.array }, record: undefined });
        visitType(t.array, item, [...path, i]);
      });
      return;
    }
    if ('oneOf' in t) {
      for (const option of t.oneOf) visitType(option, v, path);
      return;
    }
    const record = recordNameOf(t, v);
    if (record !== undefined) visitRecord(record, v, path);
  };
  visitRecord(name, value, []);
  // The request's own `op` stays: a request of another op (or of none) would not be a refusal of this op.
  return sites.filter((s) => !(s.path.length === 1 && s.path[0] === 'op'));
}

const setAt = (value: Json, path: Path, replace: (old: Json) => Json): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return replace(value);
  if (Array.isArray(value)) return value.map((v: Json, i) => (i === head ? setAt(v, rest, replace) : v));
  const object = value as Record<string, Json>;
  return { ...object, [head]: setAt(object[head], rest, replace) };
};

const typeName = (t: FieldType): string =>
  typeof t === 'string' ? t : 'int' in t ? 'int' : 'enum' in t ? 'enum' : 'literal' in t ? 'literal' : 'array' in t ? 'array' : 'map' in t ? 'map' : 'record';

/** Values that are not of type `t`, each with the kind of mistake it is (every one refused by the schema of `t`). */
function wrongValues(t: FieldType, nullable: boolean): readonly (readonly [ShapeKind, Json])[] {
  const common: (readonly [ShapeKind, Json])[] = [...(nullable ? [] : [['type', null] as const]), ['type', []], ['type', {}]];
  const nonObjects = common.filter(([, v]) => typeof v !== 'object' || v === null || Array.isArray(v));
  if (typeof t === 'string') {
    switch (t) {
      case 'boolean':
        return [...common, ['type', 'true'], ['type', 1]];
      case 'text':
        return [...common, ['type', 12], ['type', true]];
      case 'id':
      case 'timeZone':
        return [...common, ['pattern', ''], ['type', 12]];
      case 'amount':
        return [...common, ['type', 12], ['type', 1.5], ...AMOUNT_FORMS, ['range', '1000000000000000']];
      case 'unitPrice':
        return [...common, ['type', 12], ['type', 1.5], ...AMOUNT_FORMS, ['range', '1000000000000000'], ['range', `0.${'0'.repeat(30)}1`]];
      case 'percent':
        return [...common, ['type', 10], ['pattern', '1e1'], ['pattern', '-5'], ['pattern', '5.'], ['range', '1000']];
      case 'instant':
        return [
          ...common,
          ['type', 0],
          ['pattern', '2026-12-01'],
          ['pattern', '2026-12-01T10:00:00'],
          ['pattern', 'yesterday'],
          ['pattern', '2026-12-01T10:00:00.0001Z'],
        ];
      case 'localDate':
        return [...common, ['type', 20261201], ['pattern', '2026/12/01'], ['pattern', '2026-12-01T00:00:00Z']];
      case 'currency':
        return [...common, ['type', 840], ['pattern', 'usd'], ['pattern', 'US']];
      // Stryker disable next-line ConditionalExpression,StringLiteral: no field is a chargeName, only the keys of the charges map, and the walk breaks a map as a whole (its 'bad name' key), so this case never runs
      case 'chargeName':
        // Stryker disable next-line ArrayDeclaration,StringLiteral: unreachable, see the case above
        return [...common, ['type', 1], ['pattern', 'bad name']];
      // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable `default:` of an exhaustive switch over the scalar types
      default: {
        const never: never = t;
        return never;
      }
    }
  }
  if ('int' in t) return [...common, ['range', t.int[0] - 1], ['range', t.int[1] + 1], ['range', 1.5], ['type', String(t.int[0])]];
  if ('enum' in t) return [...common, ['pattern', 'nope'], ['type', 1]];
  if ('literal' in t) return [...common, ['pattern', `${t.literal}-nope`], ['type', 1]];
  if ('array' in t) return t.min === undefined ? [...nonObjects.filter(([, v]) => !Array.isArray(v)), ['type', {}], ['type', 'x']] : [...common, ['empty', []]];
  if ('map' in t) return [...nonObjects, ['pattern', { 'bad name': '1' }], ['type', 'x']];
  return [...nonObjects, ['type', 'x'], ['type', 1]];
}

// Amounts written the ways the contract forbids: exponent, sign, whitespace, leading zero, trailing point, a non-number.
const AMOUNT_FORMS: readonly (readonly [ShapeKind, Json])[] = [
  ['pattern', '1e2'],
  ['pattern', '-1'],
  ['pattern', ' 1'],
  ['pattern', '01'],
  ['pattern', '1.'],
  ['pattern', 'NaN'],
];

/** @internal Every shape mistake of `value` (a valid record of the contract), grouped by kind and field type. */
export function shapeMistakesOf(name: RecordName, value: Json): Mistake[] {
  const mistakes: Mistake[] = [];
  for (const site of sitesOf(name, value)) {
    const where = site.path.join('.') || '(request)';
    if (site.record !== undefined) {
      const table = tableOf(site.record) ?? {};
      mistakes.push({
        kind: 'unknown',
        group: site.record,
        what: `unknown field at ${where}`,
        apply: (r) => setAt(r, site.path, (o) => ({ ...(o as object), unexpectedField: 1 })),
      });
      for (const [key, f] of Object.entries(table)) {
        if (f.optional === true || (site.path.length === 0 && key === 'op')) continue;
        mistakes.push({
          kind: 'missing',
          group: site.record,
          what: `no ${key} at ${where}`,
          apply: (r) => setAt(r, site.path, (o) => Object.fromEntries(Object.entries(o as object).filter(([k]) => k !== key))),
        });
      }
    } else if (site.field) {
      for (const [kind, wrong] of wrongValues(site.field.type, site.field.nullable === true)) {
        mistakes.push({ kind, group: typeName(site.field.type), what: `${JSON.stringify(wrong)} at ${where}`, apply: (r) => setAt(r, site.path, () => wrong) });
      }
    }
  }
  return mistakes;
}

// Values of the right form that the library refuses: the schema checks forms, the library checks the calendar,
// the time zone database, the currency list, the range of a percentage and the decimals a currency has.
const VALUE_MISTAKES: Partial<Readonly<Record<Extract<FieldType, string>, readonly string[]>>> = {
  instant: ['2026-02-30T10:00:00Z', '2026-12-01T24:00:00Z', '0999-12-31T23:00:00Z', '2026-12-01T10:00:00+24:00'],
  localDate: ['2026-02-29', '2026-13-01', '0999-12-31', '9001-01-01'],
  timeZone: ['Mars/Olympus', 'Europe/Gotham'],
  currency: ['ZZZ', 'ABC'],
  percent: ['0', '100.5', '999'],
  // Thirteen decimals: more than any currency has (twelve at most), so refused whatever the request's currency.
  amount: ['0.0000000000001'],
};

/** @internal Every value mistake of `value`: a field of a checked type set to a well-formed value the library refuses. */
export function valueMistakesOf(name: RecordName, value: Json): Mistake[] {
  const mistakes: Mistake[] = [];
  for (const site of sitesOf(name, value)) {
    const t = site.field?.type;
    if (typeof t !== 'string') continue;
    const where = site.path.join('.');
    for (const wrong of VALUE_MISTAKES[t] ?? [])
      mistakes.push({ kind: t, group: where, what: `${JSON.stringify(wrong)} at ${where}`, apply: (r) => setAt(r, site.path, () => wrong) });
  }
  return mistakes;
}

/**
 * One of `mistakes`, drawn kind first, then group, then within the group: a request has far more sites of some types
 * (instants of events, ids of lines) than of others, and a uniform draw over sites would give the same few codes.
 */
function pick(mistakes: readonly Mistake[], kind: number, group: number, item: number): Mistake | undefined {
  const nth = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
  const chosenKind = nth([...new Set(mistakes.map((m) => m.kind))], kind);
  const ofKind = mistakes.filter((m) => m.kind === chosenKind);
  const chosenGroup = nth([...new Set(ofKind.map((m) => m.group))], group);
  return nth(
    ofKind.filter((m) => m.group === chosenGroup),
    item,
  );
}

/**
 * @internal Requests of `valid` with one mistake of `mistakesOf` applied. The draws are plain numbers, so a failure
 * shrinks both the request and the choice of mistake (towards the first group: an unknown key on the request itself).
 */
export function mistakeArb<T extends object>(
  name: RecordName,
  valid: Arbitrary<T>,
  mistakesOf: (name: RecordName, value: Json) => Mistake[],
): Arbitrary<Readonly<Record<string, unknown>>> {
  return fc.record({ request: valid, kind: fc.nat(), group: fc.nat(), item: fc.nat() }).map(({ request, kind, group, item }) => {
    const mistake = pick(mistakesOf(name, request), kind, group, item);
    // A request always has at least its own record as a site (an unknown key can always be added), so `mistake` is set.
    return (mistake ? mistake.apply(request) : request) as Readonly<Record<string, unknown>>;
  });
}

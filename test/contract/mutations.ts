import fc from 'fast-check';
import { type Field, type FieldType, RECORDS, type RecordName } from '../../src/contract/index.js';

// Mutations that break a request's shape, found by walking the request along the contract's field tables:
// whatever the table says a field is, the mutation makes it something else. They drive the agreement test
// (the zod schema and the library must both refuse each one) for every op.

type Json = unknown;
type Site = { readonly path: readonly (string | number)[]; readonly field: Field | undefined; readonly record: string | undefined };

const tableOf = (name: string): Readonly<Record<string, Field>> | undefined => (RECORDS as Readonly<Record<string, Readonly<Record<string, Field>>>>)[name];

function recordNameOf(t: FieldType, value: Json): string | undefined {
  if (typeof t === 'string') return undefined;
  if ('record' in t) return t.record;
  if ('byType' in t && typeof value === 'object' && value !== null) {
    const type = (value as { type?: unknown }).type;
    return t.byType.find((name) => {
      const literal = tableOf(name)?.type?.type;
      return typeof literal === 'object' && 'literal' in literal && literal.literal === type;
    });
  }
  return undefined;
}

/** Every place in `value` a mutation can aim at: each record (to drop or add keys) and each field. */
export function sitesOf(name: RecordName, value: Json): Site[] {
  const sites: Site[] = [];
  const visitRecord = (record: string, v: Json, path: (string | number)[]): void => {
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
  const visitType = (t: FieldType, v: Json, path: (string | number)[]): void => {
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
  return sites;
}

/** Values that are not of type `t` (each refused by the schema of `t`). */
function wrongValues(t: FieldType, nullable: boolean): Json[] {
  const common: Json[] = nullable ? [[], {}] : [null, [], {}];
  if (typeof t === 'string') {
    switch (t) {
      case 'boolean':
        return [...common, 'true', 1];
      case 'text':
        return [...common, 12, true];
      case 'id':
      case 'timeZone':
        return [...common, '', 12];
      case 'amount':
      case 'unitPrice':
        return [...common, '1e2', '-1', ' 1', '01', '1.', 12];
      case 'percent':
        return [...common, '1e1', '-5', '5.', 10];
      case 'instant':
        return [...common, '2026-12-01', '2026-12-01T10:00:00', 'yesterday', 0];
      case 'localDate':
        return [...common, '2026/12/01', '2026-12-01T00:00:00Z', 20261201];
      case 'currency':
        return [...common, 'usd', 'US', 840];
      case 'chargeName':
        return [...common, 'bad name', 1];
    }
  }
  if ('int' in t) return [...common, t.int[0] - 1, t.int[1] + 1, 1.5, String(t.int[0])];
  if ('enum' in t) return [...common, 'nope', 1];
  if ('literal' in t) return [...common, `${t.literal}-nope`, 1];
  if ('array' in t) return t.min === undefined ? [...common.filter((v) => !Array.isArray(v)), 'x'] : [...common, []];
  if ('map' in t) return [...common.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), { 'bad name': '1' }, 'x'];
  return [...common.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), 'x', 1];
}

const setAt = (value: Json, path: readonly (string | number)[], replace: (old: Json) => Json): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return replace(value);
  if (Array.isArray(value)) return value.map((v: Json, i) => (i === head ? setAt(v, rest, replace) : v));
  const object = value as Record<string, Json>;
  return { ...object, [head]: setAt(object[head], rest, replace) };
};

/** Every mutation of `value` that breaks its shape, each with a description for the failure message. */
export function shapeMutationsOf(name: RecordName, value: Json): { readonly bad: Json; readonly what: string }[] {
  const options: { bad: Json; what: string }[] = [];
  for (const site of sitesOf(name, value)) {
    const where = site.path.join('.') || '(request)';
    if (site.record !== undefined) {
      const table = tableOf(site.record) ?? {};
      options.push({ bad: setAt(value, site.path, (o) => ({ ...(o as object), unexpectedField: 1 })), what: `unknown field at ${where}` });
      for (const [key, f] of Object.entries(table)) {
        if (f.optional === true) continue;
        options.push({
          bad: setAt(value, site.path, (o) => Object.fromEntries(Object.entries(o as object).filter(([k]) => k !== key))),
          what: `no ${key} at ${where}`,
        });
      }
    } else if (site.field) {
      for (const wrong of wrongValues(site.field.type, site.field.nullable === true)) {
        options.push({ bad: setAt(value, site.path, () => wrong), what: `${JSON.stringify(wrong)} at ${where}` });
      }
    }
  }
  return options;
}

/** One mutation of `value` that breaks its shape, drawn from {@link shapeMutationsOf}. */
export const shapeMutationArb = (name: RecordName, value: Json): fc.Arbitrary<{ readonly bad: Json; readonly what: string }> =>
  fc.constantFrom(...shapeMutationsOf(name, value));

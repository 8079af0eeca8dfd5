import { describe, expect, it } from 'vitest';
import {
  AMOUNT_PATTERN,
  CHARGE_NAME_PATTERN,
  COUPON_ACTION_BLOCKS,
  COUPON_EVENT_TYPES,
  DISPUTE_BLOCKS,
  DISPUTE_EVENT_TYPES,
  type Field,
  type FieldType,
  INSTANT_PATTERN,
  keysOf,
  PERCENT_PATTERN,
  RECORDS,
  RULE_ERROR_CODES,
  WIRE_OPS_LIST,
} from '../../src/contract/index.js';

const tables = RECORDS as Readonly<Record<string, Readonly<Record<string, Field>>>>;
const referencesOf = (t: FieldType): string[] => {
  if (typeof t === 'string') return [];
  if ('record' in t) return [t.record];
  if ('byType' in t) return [...t.byType];
  if ('array' in t) return referencesOf(t.array);
  if ('map' in t) return referencesOf(t.of);
  if ('oneOf' in t) return t.oneOf.flatMap(referencesOf);
  return [];
};

describe('the contract', () => {
  it('names only records it has, and the records told apart by type each have a different literal type', () => {
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, field] of Object.entries(table)) {
        for (const ref of referencesOf(field.type)) expect(tables[ref], `${name}.${key} names ${ref}`).toBeDefined();
        if (typeof field.type === 'object' && 'byType' in field.type) {
          const literals = field.type.byType.map((ref) => tables[ref]?.type?.type);
          for (const literal of literals) expect(literal).toEqual({ literal: expect.any(String) as string });
          expect(new Set(literals.map((l) => JSON.stringify(l))).size).toBe(literals.length);
        }
      }
    }
  });

  it('has a record for every event type, and a request record with its op for every wire op', () => {
    for (const type of [...COUPON_EVENT_TYPES, ...DISPUTE_EVENT_TYPES]) expect(tables[type]?.type?.type).toEqual({ literal: type });
    const requests = Object.values(tables).flatMap((t) => (t.op && typeof t.op.type === 'object' && 'literal' in t.op.type ? [t.op.type.literal] : []));
    expect(requests.sort()).toEqual([...WIRE_OPS_LIST].sort());
  });

  it('lists every error code once, and every block of an action among them', () => {
    expect(new Set(RULE_ERROR_CODES).size).toBe(RULE_ERROR_CODES.length);
    for (const block of [...DISPUTE_BLOCKS, ...COUPON_ACTION_BLOCKS]) expect(RULE_ERROR_CODES).toContain(block);
    for (const code of RULE_ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('gives a record its known and required keys in table order', () => {
    expect(keysOf('incident')).toEqual({ known: ['id', 'start', 'end'], required: ['id', 'start', 'end'] });
    expect(keysOf('orderLine')).toEqual({
      known: ['id', 'itemType', 'unitPrice', 'quantity', 'onSale', 'batch'],
      required: ['id', 'itemType', 'unitPrice', 'quantity'],
    });
    expect(keysOf('disputeOrder').required).toEqual(['quote']);
  });

  it('derives its patterns from its bounds', () => {
    const amount = new RegExp(AMOUNT_PATTERN);
    expect(['0', '12.34', '999999999999999', `1.${'0'.repeat(30)}`].every((s) => amount.test(s))).toBe(true);
    expect(['01', '1e5', '-1', ' 1', '1.', '1000000000000000', `1.${'0'.repeat(31)}`].some((s) => amount.test(s))).toBe(false);
    const percent = new RegExp(PERCENT_PATTERN);
    expect(['10', '12.5', '100', `1.${'5'.repeat(10)}`].every((s) => percent.test(s))).toBe(true);
    expect(['1000', `1.${'5'.repeat(11)}`, '05'].some((s) => percent.test(s))).toBe(false);
    const instant = new RegExp(INSTANT_PATTERN);
    expect(['2026-12-01T10:00Z', '2026-12-01T10:00:00.123000000+01:00'].every((s) => instant.test(s))).toBe(true);
    expect(['2026-12-01T10:00:00.1234Z', '2026-12-01T10:00:00', '2026-12-01'].some((s) => instant.test(s))).toBe(false);
    const charge = new RegExp(CHARGE_NAME_PATTERN);
    expect(charge.test(`a${'b'.repeat(63)}`)).toBe(true);
    expect([`a${'b'.repeat(64)}`, '1a', 'bad name'].some((s) => charge.test(s))).toBe(false);
  });
});

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_OPS, type WireOp, wireJsonSchema } from '../../src/schema.js';

// docs/wire-format.md, "Schemas": a JSON Schema (draft 2020-12) for every op's request and answer,
// generated from the zod schemas.

const ops = Object.keys(WIRE_OPS) as WireOp[];

describe('wireJsonSchema', () => {
  it('names each schema by op and by request or answer', () => {
    for (const op of ops) {
      expect(wireJsonSchema(op, 'request').$id).toBe(`urn:coupon-rules:wire:v1:${op}.request`);
      expect(wireJsonSchema(op, 'answer').$id).toBe(`urn:coupon-rules:wire:v1:${op}.answer`);
    }
  });

  it('is draft 2020-12, and every op has its own request and answer schema', () => {
    const ids = new Set<unknown>();
    for (const op of ops) {
      for (const which of ['request', 'answer'] as const) {
        const schema = wireJsonSchema(op, which);
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        ids.add(schema.$id);
      }
    }
    expect(ids.size).toBe(2 * ops.length);
  });

  it("accepts the contract's quote example and its answer, and refuses unknown fields", () => {
    const ajv = new Ajv2020({ strict: false });
    const request = ajv.compile(wireJsonSchema('quote', 'request'));
    const answer = ajv.compile(wireJsonSchema('quote', 'answer'));
    const example = {
      op: 'quote',
      currency: 'USD',
      rounding: 'half-up',
      lines: [{ id: 'L1', itemType: 'Part', unitPrice: '0.0125', quantity: 400, onSale: false, batch: 1 }],
      coupon: {
        type: 'percent',
        percent: '5',
        maxDiscount: '20.00',
        tiers: [{ minTotal: '25.00', percent: '15' }],
        itemTypeLimit: { mode: 'only', itemTypes: ['Part'] },
        excludeSaleItems: true,
      },
      sellerCredit: '1.00',
      charges: { shipping: '3.50' },
    };
    expect(request(example)).toBe(true);
    expect(answer(answerWireRequest(example))).toBe(true);
    expect(answer(answerWireRequest({ op: 'nope' }))).toBe(true);
    expect(request({ ...example, extra: 1 })).toBe(false);
    expect(answer({ ok: true, result: {} })).toBe(false);
  });
});

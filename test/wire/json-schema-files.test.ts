import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerWireRequest } from '../../src/index.js';
import { WIRE_OPS } from '../../src/schema.js';
import { WIRE_REQUEST_OPS, type WireRequestOp, wireRequestArb } from '../../src/testing/index.js';

// Validates against the files the build writes into dist/schemas (npm test builds first).
const root = resolve(import.meta.dirname, '../..');

describe('JSON Schemas shipped in dist/schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const load = (name: string) => JSON.parse(readFileSync(join(root, 'dist/schemas', name), 'utf8')) as object;
  for (const op of Object.keys(WIRE_OPS)) {
    it(`${op}: generated requests and their answers validate against the files`, () => {
      const request = ajv.compile(load(`${op}.request.json`));
      const answer = ajv.compile(load(`${op}.answer.json`));
      const wireOp = op as WireRequestOp;
      expect(WIRE_REQUEST_OPS).toContain(wireOp);
      // Requests the library answers validate against the request schema; every answer, refusals too, against the answer schema.
      for (const req of fc.sample(wireRequestArb(wireOp, { refusals: 0 }), 60)) {
        expect(request(req), JSON.stringify(request.errors)).toBe(true);
        expect(answer(answerWireRequest(req)), JSON.stringify(answer.errors)).toBe(true);
      }
      for (const req of fc.sample(wireRequestArb(wireOp, { refusals: 1 }), 60)) {
        const refusal = answerWireRequest(req);
        expect(refusal.ok).toBe(false);
        expect(answer(refusal), JSON.stringify(answer.errors)).toBe(true);
      }
      expect(request({ op, unexpected: true })).toBe(false);
    });
  }
});

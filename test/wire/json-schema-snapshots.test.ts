import { describe, expect, it } from 'vitest';
import { WIRE_OPS, type WireOp, wireJsonSchema } from '../../src/schema.js';

// The JSON Schemas are a public artifact that other languages' suites load: any change to them, down to a
// description, must be deliberate. The files under schemas/ are the reviewed copy (update with `npx vitest run -u`).
describe.each(Object.keys(WIRE_OPS) as WireOp[])('the JSON Schemas of %s', (op) => {
  it.each(['request', 'answer'] as const)('%s is the reviewed one', async (which) => {
    await expect(`${JSON.stringify(wireJsonSchema(op, which), null, 2)}\n`).toMatchFileSnapshot(`./schemas/${op}.${which}.json`);
  });
});

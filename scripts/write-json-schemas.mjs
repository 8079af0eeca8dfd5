// Writes the JSON Schema of every wire op's request and answer into dist/schemas,
// generated from the zod schemas of the build just made. Never edit those files by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { WIRE_OPS, wireJsonSchema } from '../dist/schema.js';

mkdirSync('dist/schemas', { recursive: true });
for (const op of Object.keys(WIRE_OPS)) {
  for (const which of ['request', 'answer']) {
    writeFileSync(`dist/schemas/${op}.${which}.json`, `${JSON.stringify(wireJsonSchema(op, which), null, 2)}\n`);
  }
}

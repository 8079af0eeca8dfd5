// The oracle's baseline: a Node program that only parses and re-serialises each JSON line.
import { createInterface } from 'node:readline';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let out = '';
for await (const line of lines) {
  out += `${JSON.stringify(JSON.parse(line))}\n`;
  if (out.length > 65536) {
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r));
    out = '';
  }
}
process.stdout.write(out);

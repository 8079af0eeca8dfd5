// The runtime smoke test's entry for Node, Bun and Deno: loads the built package by its name (ESM), runs the
// cases and prints { host, results } as one line of JSON.
import * as lib from 'coupon-rules';
import * as schema from 'coupon-rules/schema';
import { hostInfo, runCases } from './runtime-cases.mjs';

console.log(JSON.stringify({ host: { ...hostInfo(), module: 'esm' }, results: runCases(lib, schema) }));

// The runtime smoke test's entry for the browser: bundled by esbuild (bare imports resolved through the
// package's exports, as a user's bundler does), then run in headless Chromium by test/smoke/runtimes.mjs.
import * as lib from 'coupon-rules';
import * as schema from 'coupon-rules/schema';
import { hostInfo, runCases } from './runtime-cases.mjs';

globalThis.couponRulesSmoke = { host: { ...hostInfo(), module: 'esm (esbuild bundle)' }, results: runCases(lib, schema) };

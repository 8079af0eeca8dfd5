import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Importing coupon-rules/testing where fast-check is not installed: one clear message, as the CLI gives, in ES
// modules and in CommonJS (built package; fast-check hidden from the module loader as if it were not installed).

const hideFromImport = `export async function resolve(s, c, next) { if (s === 'fast-check') throw Object.assign(new Error("Cannot find package 'fast-check'"), { code: 'ERR_MODULE_NOT_FOUND' }); return next(s, c); }`;
const registerHook = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hideFromImport)}`)});`;
const hideFromRequire = `const M = require('node:module'); const r = M._resolveFilename; M._resolveFilename = function (s, ...a) { if (s === 'fast-check') throw Object.assign(new Error("Cannot find module 'fast-check'"), { code: 'MODULE_NOT_FOUND' }); return r.call(this, s, ...a); };`;

const run = (args: readonly string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
const ADVICE = 'coupon-rules/testing needs fast-check, an optional peer dependency: npm install --save-dev fast-check';

describe('coupon-rules/testing without fast-check', () => {
  it('in ES modules: the advice, with the loader’s code kept', () => {
    const r = run([
      '--import',
      `data:text/javascript,${encodeURIComponent(registerHook)}`,
      '--input-type=module',
      '-e',
      `try { await import('coupon-rules/testing'); console.log('loaded'); } catch (e) { console.log(e.code, '|', e.message); }`,
    ]);
    expect(r.stdout).toContain(`ERR_MODULE_NOT_FOUND | ${ADVICE} (Cannot find package 'fast-check')`);
  });

  it('in CommonJS: the same advice', () => {
    const r = run([
      '-e',
      `${hideFromRequire} try { require('coupon-rules/testing'); console.log('loaded'); } catch (e) { console.log(e.code, '|', e.message); }`,
    ]);
    expect(r.stdout).toContain(`MODULE_NOT_FOUND | ${ADVICE} (Cannot find module 'fast-check')`);
  });

  it('loads as usual where fast-check is installed, and the root entry never needs it', () => {
    expect(run(['--input-type=module', '-e', `const t = await import('coupon-rules/testing'); console.log(typeof t.wireRequestArb);`]).stdout).toBe(
      'function\n',
    );
    expect(run(['-e', `console.log(typeof require('coupon-rules/testing').wireRequestArb)`]).stdout).toBe('function\n');
    const root = run([
      '--import',
      `data:text/javascript,${encodeURIComponent(registerHook)}`,
      '--input-type=module',
      '-e',
      `const m = await import('coupon-rules'); console.log(typeof m.quoteCoupon);`,
    ]);
    expect(root.stdout).toBe('function\n');
  });
});

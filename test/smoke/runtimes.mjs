// Smoke test of the BUILT package in every runtime the README names: Node (the reference), Bun, Deno and headless
// Chromium. Each runs the same cases (test/smoke/runtime-cases.mjs: quotes with ties that the rounding mode decides,
// coupon folds and dispute views in Pacific/Kiritimati and America/St_Johns, one request per wire op, the zod
// schemas) in a host time zone of its own, and must give the same JSON as Node in UTC.
//
// Bun and Deno are the devDependencies' binaries (npm packages), Chromium is Debian's /usr/bin/chromium driven by
// playwright-core: nothing is downloaded. Where the machine allows it (Linux, root), Bun, Deno and Chromium run in a
// network namespace of their own, with no network at all, which proves it.
//
// Usage: npm run smoke:runtimes (builds first), or node test/smoke/runtimes.mjs after a build.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const failures = [];
const rows = [];

const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run smoke:runtimes does)');
  process.exit(1);
}

/** The first path of `a` and `b` whose values differ, with both values, or undefined when they are equal. */
function firstDifference(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], `${path}/${key}`);
      if (d) return d;
    }
  }
  return `${path || '/'}: Node ${JSON.stringify(a)?.slice(0, 300)}, here ${JSON.stringify(b)?.slice(0, 300)}`;
}

/** Checks one runtime's output against Node's; `zone` is the host time zone it was given. */
function compare(name, zone, output, reference, seconds) {
  const row = {
    runtime: output?.host?.runtime ?? name,
    module: output?.host?.module ?? '?',
    zone: output?.host?.timeZone ?? '?',
    seconds,
    result: 'same as Node',
  };
  rows.push(row);
  if (output?.host?.timeZone !== zone) {
    row.result = 'FAILED';
    fail(`${name}: ran in host time zone ${output?.host?.timeZone}, not ${zone}`);
    return;
  }
  const d = firstDifference(reference.results, output.results);
  if (d) {
    row.result = 'FAILED';
    fail(`${name}: answers differ from Node's at ${d}`);
  }
}

/** Runs a command that prints one line of JSON; returns it parsed, or undefined after reporting the failure. */
function runJson(name, command, args, env) {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (r.error || r.status !== 0) {
    fail(`${name}: exit ${r.status ?? r.error?.message}\n${r.stderr}`);
    return { seconds };
  }
  try {
    return { output: JSON.parse(r.stdout), seconds };
  } catch {
    fail(`${name}: did not print JSON:\n${r.stdout.slice(0, 2000)}\n${r.stderr}`);
    return { seconds };
  }
}

/** The binary of an npm package's platform package (installed as an optional dependency), whether or not its postinstall ran. */
function packageBinary(scope, prefix, relative, fallback) {
  const dir = join(root, 'node_modules', scope);
  const found = existsSync(dir) ? readdirSync(dir).filter((d) => d.startsWith(prefix) && existsSync(join(dir, d, relative))) : [];
  if (found.length > 0) return join(dir, found[0], relative);
  return join(root, fallback);
}

// Linux as root: run the other runtimes in a network namespace with no interface but loopback, so that any
// download attempt fails the test instead of passing unnoticed.
const offline = process.platform === 'linux' && spawnSync('unshare', ['--net', 'true']).status === 0;
const isolated = (command, args) => (offline ? ['unshare', ['--net', command, ...args]] : [command, args]);
const zones = { kiritimati: 'Pacific/Kiritimati', stJohns: 'America/St_Johns' };

// Node in UTC is the reference: its answers, pinned in places, so that the cases keep testing what they claim.
const ref = runJson('Node ESM (reference)', process.execPath, ['test/smoke/runtime-entry.mjs'], { TZ: 'UTC' });
if (!ref.output) process.exit(1);
const reference = ref.output;
rows.push({ runtime: reference.host.runtime, module: 'esm', zone: reference.host.timeZone, seconds: ref.seconds, result: 'reference' });
{
  const { answers, schemas } = reference.results;
  const pinned = [
    ['quote half-up', (r) => [r.lines[0].lineTotal, r.couponCredit], ['0.13', '4.37']],
    ['quote half-even', (r) => [r.lines[0].lineTotal, r.couponCredit], ['0.12', '4.36']],
    ['coupon-issue-check Kiritimati, new local year', (r) => r.violations.map((v) => v.code), ['EXPIRATION_IN_PAST']],
    ['coupon-state Kiritimati, last local second', (r) => [r.status, r.expiresAt], ['open', '2026-12-20T10:00:00.000Z']],
    ['coupon-state Kiritimati, local midnight', (r) => r.status, 'expired'],
    ['coupon-state St_Johns, DST starts', (r) => [r.status, r.expiresAt], ['open', '2026-03-09T02:30:00.000Z']],
    ['coupon-state St_Johns, DST ends', (r) => [r.status, r.expiresAt], ['expired', '2026-11-02T03:30:00.000Z']],
    ['dispute-state St_Johns, escalated', (r) => [r.status, r.deadlines.ruling], ['under-review', '2026-12-31T03:30:00.000Z']],
    ['dispute-state Kiritimati, ruled', (r) => [r.status, r.refund], ['resolved', '12.00']],
  ];
  for (const [name, pick, expected] of pinned) {
    const a = answers[name];
    const got = a?.ok ? pick(a.result) : a;
    if (JSON.stringify(got) !== JSON.stringify(expected)) fail(`Node reference, ${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  for (const [name, a] of Object.entries(answers)) if (!a.ok) fail(`Node reference, ${name}: refused ${JSON.stringify(a.errors)}`);
  for (const [name, s] of Object.entries(schemas))
    if (!s.request || !s.answer) fail(`Node reference, ${name}: the zod schemas refuse the ${s.request ? 'answer' : 'request'}`);
}

const nodeCjs = runJson('Node CJS', process.execPath, ['test/smoke/runtime-entry.cjs'], { TZ: zones.kiritimati });
compare('Node CJS', zones.kiritimati, nodeCjs.output, reference, nodeCjs.seconds);

const bun = packageBinary('@oven', 'bun-', 'bin/bun', 'node_modules/.bin/bun');
for (const [entry, zone] of [
  ['test/smoke/runtime-entry.mjs', zones.kiritimati],
  ['test/smoke/runtime-entry.cjs', zones.stJohns],
]) {
  const name = `Bun ${entry.endsWith('.cjs') ? 'CJS' : 'ESM'}`;
  const [command, args] = isolated(bun, ['--no-install', entry]);
  const r = runJson(name, command, args, { TZ: zone, DO_NOT_TRACK: '1' });
  compare(name, zone, r.output, reference, r.seconds);
}

const deno = packageBinary('@deno', '', 'deno', 'node_modules/deno/deno');
const denoDir = mkdtempSync(join(tmpdir(), 'coupon-rules-deno-'));
try {
  for (const [entry, zone] of [
    ['test/smoke/runtime-entry.mjs', zones.stJohns],
    ['test/smoke/runtime-entry.cjs', zones.kiritimati],
  ]) {
    const name = `Deno ${entry.endsWith('.cjs') ? 'CJS' : 'ESM'}`;
    // node_modules as npm installed it (manual), no remote module, nothing fetched that is not already cached
    // (and the cache, DENO_DIR, starts empty), read access to the repository only.
    const flags = ['run', '--node-modules-dir=manual', '--no-remote', '--cached-only', '--no-prompt', `--allow-read=${root}`];
    const [command, args] = isolated(deno, [...flags, entry]);
    const r = runJson(name, command, args, { TZ: zone, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' });
    compare(name, zone, r.output, reference, r.seconds);
  }
} finally {
  rmSync(denoDir, { recursive: true, force: true });
}

// The browser: the entry bundled by esbuild as a user's bundler would (bare imports through the package's exports),
// run on a blank page in headless Chromium whose time zone is Pacific/Kiritimati.
if (!existsSync(chromiumPath)) {
  fail(`Chromium: ${chromiumPath} is missing (Debian: apt-get install -y chromium; .ci/run installs it)`);
} else {
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'coupon-rules-chromium-'));
  let browser;
  try {
    const bundle = await build({
      entryPoints: [join(root, 'test/smoke/runtime-browser.mjs')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      // The package's sideEffects: false makes esbuild drop tsup's bare chunk imports, and say so.
      logLevel: 'error',
    });
    let executablePath = chromiumPath;
    if (offline) {
      executablePath = join(tmp, 'chromium-offline');
      writeFileSync(executablePath, `#!/bin/sh\nexec unshare --net ${chromiumPath} "$@"\n`);
      chmodSync(executablePath, 0o755);
    }
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 60_000,
    });
    const context = await browser.newContext({ timezoneId: zones.kiritimati });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>coupon-rules runtime smoke</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const output = await page.evaluate(() => globalThis.couponRulesSmoke);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (errors.length > 0 || !output) fail(`Chromium: the page failed: ${errors.join('\n') || 'no result'}`);
    else
      compare(
        `Chromium ${browser.version()}`,
        zones.kiritimati,
        { ...output, host: { ...output.host, runtime: `Chromium ${browser.version()}` } },
        reference,
        seconds,
      );
  } catch (e) {
    fail(`Chromium: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const cases = Object.keys(reference.results.answers).length + Object.keys(reference.results.api).length;
console.log(
  `${cases} cases (${Object.keys(reference.results.answers).length} wire requests, each also through its zod schemas; ${Object.keys(reference.results.api).length} API calls)`,
);
console.log(
  offline ? 'Bun, Deno and Chromium ran with no network (unshare --net)' : 'network isolation unavailable here: Bun, Deno and Chromium ran with the network',
);
console.table(rows);
if (failures.length > 0) {
  console.error(`runtime smoke test failed: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log(`runtime smoke test passed: ${rows.length - 1} runs gave the same answers as Node in UTC`);

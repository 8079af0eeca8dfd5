// `coupon-rules audit` over a million request/answer pairs: its time and its peak memory, measured in a process
// of its own (a preload that reports its wall time, CPU time and peak RSS at exit). The pairs are `vectors` of every op the generators cover, repeated until there
// are N of them: audit answers each line afresh, so repeats cost what new pairs would.
// Beside it, as the baseline from the same run, the oracle answering the same requests.
// Run after `npm run build`: `node bench/audit.mjs [N] [--keep]` (N defaults to 1,000,000).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, openSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const keep = args.includes('--keep');
const file = join(tmpdir(), `coupon-rules-audit-bench-${String(process.pid)}.jsonl`);

// The distinct pairs: 2,500 of each op vectors accepts (an op it does not cover yet exits 2 and is left out).
const distinct = [];
for (const op of ['quote', 'coupon-state', 'coupon-issue-check', 'coupon-choices', 'dispute-state', 'outage-plan']) {
  const run = spawnSync(process.execPath, ['dist/cli.js', 'vectors', '--op', op, '--n', '2500', '--seed', '1'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status === 0) distinct.push(...run.stdout.split('\n').filter((l) => l !== ''));
}
if (distinct.length === 0) throw new Error('vectors wrote nothing: is dist/ built, and fast-check installed?');

const out = createWriteStream(file);
for (let i = 0; i < n; i++) if (!out.write(`${distinct[i % distinct.length]}\n`)) await once(out, 'drain');
out.end();
await once(out, 'finish');

// CPU time as well as wall time: on a busy machine the wall time says more about the neighbours than about audit.
const preload = `const t0 = process.hrtime.bigint(); process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, maxRssMiB: r.maxRSS / 1024 }) + '\\n'); });`;
const audit = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, 'dist/cli.js', 'audit', file], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const measured = JSON.parse(audit.stderr.trim().split('\n').at(-1) ?? '{}');

// The baseline, in the same run: the oracle answering the same requests (audit is that, plus reading the recorded
// answer and comparing), so the ratio is what checking costs beyond answering.
const requestsFile = `${file}.requests`;
const requests = createWriteStream(requestsFile);
for (let i = 0; i < n; i++) {
  const pair = distinct[i % distinct.length];
  if (!requests.write(`${pair.slice('{"request":'.length, pair.lastIndexOf(',"answer":'))}\n`)) await once(requests, 'drain');
}
requests.end();
await once(requests, 'finish');
const oracle = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, 'dist/cli.js', 'oracle'], {
  input: undefined,
  stdio: [openSync(requestsFile, 'r'), 'ignore', 'pipe'],
  encoding: 'utf8',
});
const base = JSON.parse(oracle.stderr.trim().split('\n').at(-1) ?? '{}');
rmSync(requestsFile);
console.log(
  JSON.stringify({
    pairs: n,
    distinctPairs: distinct.length,
    fileMiB: Math.round(statSync(file).size / 2 ** 20),
    exitCode: audit.status,
    summary: audit.stdout.trim().split('\n')[0],
    seconds: Math.round(measured.ms / 100) / 10,
    cpuSeconds: Math.round(measured.cpuMs / 100) / 10,
    pairsPerCpuSecond: Math.round(n / (measured.cpuMs / 1000)),
    maxRssMiB: Math.round(measured.maxRssMiB),
    oracleSeconds: Math.round(base.ms / 100) / 10,
    oracleCpuSeconds: Math.round(base.cpuMs / 100) / 10,
    oracleMaxRssMiB: Math.round(base.maxRssMiB),
    auditCpuOverOracleCpu: Math.round((measured.cpuMs / base.cpuMs) * 100) / 100,
    node: process.version,
    cpu: execFileSync('node', ['-p', 'os.cpus()[0].model']).toString().trim(),
  }),
);
if (!keep) rmSync(file);

// npm run bench: every figure beside a baseline measured in the same run, in one table.
// Runs against the built package (dist/); the quote rows also check the baseline computes the same rule.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import {
  answerWireLine,
  couponState,
  disputeView,
  planOutageRemedies,
  quoteCoupon,
  type CouponEvent,
  type DisputeEvent,
  type OutageInput,
} from '../dist/index.js';
import { baselineQuote } from './baseline.js';
import { benchOrder } from './data.js';

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

function median(fn: () => unknown, minMs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const end = performance.now() + minMs;
  while (performance.now() < end || samples.length < 5) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

// 1. quoteCoupon against a hand-written integer-minor-units baseline of the same rule.
const perLine: Record<number, [number, number]> = {};
for (const n of [10, 1_000, 10_000, 100_000]) {
  const order = benchOrder(n);
  const ours = quoteCoupon(order);
  const base = baselineQuote(order);
  if (
    !ours.ok ||
    ours.value.couponCredit !== base.couponCredit ||
    ours.value.grandTotal !== base.grandTotal ||
    ours.value.lines.some((l, i) => l.couponCredit !== base.lines[i]?.couponCredit)
  ) {
    throw new Error(`baseline disagrees at ${String(n)} lines`);
  }
  const budget = n >= 100_000 ? 3000 : 1000;
  const t = median(() => quoteCoupon(order), budget) / n;
  const b = median(() => baselineQuote(order), budget) / n;
  perLine[n] = [t, b];
  row(
    `quote, ${n.toLocaleString('en-US')} lines`,
    `${t.toFixed(0)} ns/line`,
    `${b.toFixed(0)} ns/line (integer baseline)`,
    `${(t / b).toFixed(2)}× the baseline`,
    n === 1_000 ? 'target ≤ 5×' : '',
  );
}
const growth = (i: 0 | 1) => (perLine[100_000]![i] / perLine[1_000]![i]).toFixed(2);
row('quote growth, ns/line 100,000 ÷ 1,000', growth(0), `${growth(1)} (baseline)`, '', '1.00 = linear');

// 2. The JSON-lines oracle against a Node program that only parses and re-serialises the same lines: both as
// processes of their own, reading the same file, timed from start to exit (best of three).
const dir = mkdtempSync(join(tmpdir(), 'coupon-rules-bench-'));
const file = join(dir, 'requests.jsonl');
const N = 50_000;
writeFileSync(file, `${Array.from({ length: N }, (_, i) => JSON.stringify({ op: 'quote', ...benchOrder(10, i + 1) })).join('\n')}\n`);
/** Runs a program on a file as stdin, answers to /dev/null; its own peak memory and time (bench/peak.cjs). */
function measured(args: string[], input: string): { ms: number; maxRssMiB: number } {
  const run = spawnSync(process.execPath, ['--require', './bench/peak.cjs', ...args], {
    stdio: [openSync(input, 'r'), 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${String(run.status)}: ${run.stderr}`);
  return JSON.parse(run.stderr.trim().split('\n').pop() ?? '{}') as { ms: number; maxRssMiB: number };
}
const best = (args: string[], input: string) => Array.from({ length: 3 }, () => measured(args, input)).sort((a, b) => a.ms - b.ms)[0]!;
const oracle = best(['dist/cli.js', 'oracle'], file);
const echo = best(['bench/echo.mjs'], file);
row(
  'oracle, 50,000 ten-line quotes',
  `${(oracle.ms / 1000).toFixed(2)} s (${(N / (oracle.ms / 1000)).toFixed(0)} lines/s)`,
  `${(echo.ms / 1000).toFixed(2)} s (parse + re-serialise echo)`,
  `${(oracle.ms / echo.ms).toFixed(2)}× the echo's time`,
  'target ≤ 1.8×',
);

// 3. One 1,000,000-line order through `coupon-rules oracle`, a process of its own: its peak memory, and its
// time against the echo program on the same line.
const million = join(dir, 'million.json');
spawnSync(process.execPath, ['bench/million.mjs', 'write', million, '1000000'], { stdio: 'inherit' });
const m = measured(['dist/cli.js', 'oracle'], million);
const mEcho = measured(['bench/echo.mjs'], million);
const requestMiB = statSync(million).size / 2 ** 20;
row(
  '1,000,000-line order through oracle',
  `${(m.ms / 1000).toFixed(1)} s, peak ${m.maxRssMiB.toFixed(0)} MiB RSS`,
  `${(mEcho.ms / 1000).toFixed(1)} s, ${mEcho.maxRssMiB.toFixed(0)} MiB (echo, same ${requestMiB.toFixed(0)} MiB line)`,
  `${(m.ms / mEcho.ms).toFixed(2)}× the echo's time`,
  'target ≤ 768 MiB, ≤ 2.5×',
);

// 3b. Hostile requests at full size (test/hostile-scale.test.ts runs them small): time and answer size of each.
{
  const hostile = (name: string, request: unknown) => {
    const line = JSON.stringify(request);
    const t0 = performance.now();
    const answer = answerWireLine(line);
    const ms = performance.now() - t0;
    row(
      `hostile: ${name}`,
      `${(ms / 1000).toFixed(2)} s`,
      `${(line.length / 1024).toFixed(0)} KiB request`,
      `${(answer.length / 1024).toFixed(0)} KiB answer (${(answer.length / line.length).toFixed(2)}× the request)`,
      'linear, answer bounded',
    );
  };
  const day = 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const base = Date.parse('2026-01-01T00:00:00Z');
  const c = (i: number, expires: string, recipient = `b${String(i)}`) => ({
    id: `c${String(i)}`,
    seller: 's',
    recipient,
    expires,
    timeZone: 'Europe/Berlin',
    terms: { type: 'fixed', amount: '1.00' },
    events: [],
  });
  hostile('quote, 5,000,000 empty lines', { op: 'quote', currency: 'USD', lines: Array.from({ length: 5_000_000 }, () => ({})) });
  hostile('dispute-state, 36,500 holidays, 100 events', {
    op: 'dispute-state',
    policy: {
      dayCount: 'business',
      holidays: Array.from({ length: 36_500 }, (_, i) => at(base + (i + 1) * day).slice(0, 10)),
      sellerResponseDays: 3650,
      buyerResponseDays: 3650,
      maxProcessDays: 3650,
    },
    order: {
      quote: { op: 'quote', currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '100.00', quantity: 1 }] },
      shippedAt: '2025-12-20T00:00:00Z',
    },
    events: [
      { type: 'opened', at: at(base), reason: 'OTHER', amount: '50.00' },
      ...Array.from({ length: 99 }, (_, i) =>
        i % 2 === 0
          ? { type: 'seller-countered', at: at(base + (i + 1) * 60_000), amount: '10.00' }
          : { type: 'claim-changed', at: at(base + (i + 1) * 60_000), amount: '40.00' },
      ),
    ],
    at: at(base + 200 * 60_000),
  });
  hostile('outage-plan, 1,000 coupons × 100 windows', {
    op: 'outage-plan',
    at: at(base + 200 * day),
    incidents: Array.from({ length: 100 }, (_, i) => ({ id: `i${String(i)}`, start: at(base + i * day + 36e6), end: at(base + i * day + 43.2e6) })),
    coupons: Array.from({ length: 1000 }, (_, i) => c(i, at(base + (i % 100) * day).slice(0, 10))),
  });
  hostile('outage-plan, 3,000 coupons, one window of 3,000 incidents', {
    op: 'outage-plan',
    at: at(base + 3 * day),
    incidents: Array.from({ length: 3000 }, (_, i) => ({
      id: `incident-${String(i)}`,
      start: at(base + 36e6 + i * 1000),
      end: at(base + 36e6 + i * 1000 + 2000),
    })),
    coupons: Array.from({ length: 3000 }, (_, i) => c(i, '2026-01-01')),
  });
  hostile('outage-plan, 30,000 coupons of one buyer', {
    op: 'outage-plan',
    at: at(base + 3 * day),
    incidents: [{ id: 'i', start: at(base + 36e6), end: at(base + 43.2e6) }],
    coupons: Array.from({ length: 30_000 }, (_, i) => c(i, '2026-01-01', 'b')),
  });
  hostile('coupon-state, 100,000 extended events', {
    op: 'coupon-state',
    coupon: { id: 'c', seller: 's', recipient: 'b', expires: '2026-01-20', timeZone: 'Europe/Berlin', terms: { type: 'fixed', amount: '1.00' } },
    events: Array.from({ length: 100_000 }, (_, i) => ({ type: 'extended', at: at(base + i * 1000), expires: '2026-01-20', incidents: [`i${String(i)}`] })),
    at: at(base + 2 * day),
  });
}
rmSync(dir, { recursive: true, force: true });

// 4. Lifecycle fold, dispute view (per event) and outage planner (per coupon): growth against the smallest size.
const HOUR = 3_600_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const coupon = { id: 'c', seller: 's', recipient: 'b', expires: '2026-01-20', timeZone: 'Europe/Berlin', terms: { type: 'fixed' as const, amount: '1.00' } };
const lifecycleEvents = (n: number): CouponEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'edited' as const, at: new Date(t0 + i * HOUR).toISOString(), expires: '2026-06-30' }));
const order = { quote: { currency: 'USD', lines: [{ id: 'L1', itemType: 'Part', unitPrice: '100.00', quantity: 1 }] }, shippedAt: '2025-12-20T00:00:00Z' };
const disputeEvents = (n: number): DisputeEvent[] => [
  { type: 'opened', at: new Date(t0).toISOString(), reason: 'OTHER', amount: '50.00' },
  ...Array.from({ length: n - 1 }, (_, i): DisputeEvent =>
    i % 2 === 0
      ? { type: 'seller-countered', at: new Date(t0 + (i + 1) * 60_000).toISOString(), amount: '10.00' }
      : { type: 'claim-changed', at: new Date(t0 + (i + 1) * 60_000).toISOString(), amount: '40.00' },
  ),
];
const outage = (n: number): OutageInput => ({
  at: '2026-01-10T00:00:00Z',
  incidents: [{ id: 'i1', start: '2026-01-05T10:00:00Z', end: '2026-01-05T14:00:00Z' }],
  coupons: Array.from({ length: n }, (_, i) => ({
    ...coupon,
    id: `c${String(i)}`,
    recipient: `b${String(i % 1000)}`,
    expires: `2026-01-0${String(3 + (i % 5))}`,
    events: [],
  })),
});
const scaling = (name: string, unit: string, sizes: number[], make: (n: number) => () => unknown) => {
  const per = sizes.map((n) => {
    const f = make(n);
    return median(f, n >= 100_000 ? 2000 : 800) / n;
  });
  sizes.forEach((n, i) =>
    row(
      `${name}, ${n.toLocaleString('en-US')} ${unit}s`,
      `${(per[i]! / 1000).toFixed(2)} µs/${unit}`,
      i === 0 ? 'baseline: smallest size' : `${(per[0]! / 1000).toFixed(2)} µs/${unit} at ${sizes[0]!.toLocaleString('en-US')}`,
      `${(per[i]! / per[0]!).toFixed(2)}×`,
      '1.00 = linear',
    ),
  );
};

// 4a. Against the least a zone-aware fold can do: one UTC-offset look-up per event (or coupon) through a
// cached Intl.DateTimeFormat of the same zone, on the same instants.
const berlin = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
function offsetLookUps(instants: readonly number[]): number {
  let sum = 0;
  for (const t of instants) {
    const p: Record<string, string> = {};
    for (const part of berlin.formatToParts(t)) p[part.type] = part.value;
    sum += Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - t;
  }
  return sum;
}
const againstLookUps = (name: string, unit: string, n: number, instants: readonly number[], run: () => unknown, target: number) => {
  const ours = median(run, 1500) / n;
  const base = median(() => offsetLookUps(instants), 1500) / instants.length;
  row(
    `${name}, ${n.toLocaleString('en-US')} ${unit}s`,
    `${(ours / 1000).toFixed(2)} µs/${unit}`,
    `${(base / 1000).toFixed(2)} µs (one cached-Intl offset look-up)`,
    `${(ours / base).toFixed(2)}× the baseline`,
    `target ≤ ${String(target)}×`,
  );
};
{
  const events = lifecycleEvents(1_000);
  againstLookUps(
    'coupon-state (couponState)',
    'event',
    events.length,
    events.map((e) => Date.parse(e.at as string)),
    () => couponState({ ...coupon, events }, new Date(t0 + events.length * HOUR).toISOString()),
    3,
  );
}
{
  const events = disputeEvents(1_000);
  const policy = { timeZone: 'Europe/Berlin', sellerResponseDays: 3650, buyerResponseDays: 3650, maxProcessDays: 3650 };
  againstLookUps(
    'dispute-state (disputeView)',
    'event',
    events.length,
    events.map((e) => Date.parse(e.at as string)),
    () => disputeView({ order, events, policy }, new Date(t0 + events.length * 60_000).toISOString()),
    3,
  );
}
{
  const input = outage(10_000);
  againstLookUps(
    'outage-plan (planOutageRemedies)',
    'coupon',
    input.coupons.length,
    input.coupons.map((_, i) => Date.parse('2026-01-03T00:00:00Z') + i * 60_000),
    () => planOutageRemedies(input),
    8,
  );
}

// 4b. Growth: time per event (or coupon) against the smallest size in the same run.
scaling('lifecycle fold', 'event', [100, 1_000, 10_000], (n) => {
  const events = lifecycleEvents(n);
  return () => couponState({ ...coupon, events }, new Date(t0 + n * HOUR).toISOString());
});
scaling('dispute view', 'event', [100, 1_000, 4_000], (n) => {
  const events = disputeEvents(n);
  return () =>
    disputeView(
      { order, events, policy: { sellerResponseDays: 3650, buyerResponseDays: 3650, maxProcessDays: 3650 } },
      new Date(t0 + n * 60_000).toISOString(),
    );
});
scaling('outage planner', 'coupon', [1_000, 10_000, 100_000], (n) => {
  const input = outage(n);
  return () => planOutageRemedies(input);
});

// 5. Start-up: a fresh `coupon-rules oracle` answering one quote, against `node -e 0`, alternated, medians.
{
  const line = `${JSON.stringify({ op: 'quote', ...benchOrder(1) })}\n`;
  const bare: number[] = [];
  const oracleRuns: number[] = [];
  for (let i = 0; i < 21; i++) {
    let t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
    t = performance.now();
    const r = spawnSync(process.execPath, ['dist/cli.js', 'oracle'], { input: line, encoding: 'utf8' });
    oracleRuns.push(performance.now() - t);
    if (!r.stdout.startsWith('{"ok":true')) throw new Error(`oracle start-up run answered ${r.stdout}`);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  row(
    'start-up: fresh oracle process, one quote',
    `${mid(oracleRuns).toFixed(0)} ms`,
    `${mid(bare).toFixed(0)} ms (node -e 0)`,
    `${(mid(oracleRuns) / mid(bare)).toFixed(2)}× the baseline`,
    'target ≤ 2×',
  );
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`coupon-rules bench — node ${process.version}, ${process.platform}/${process.arch}, ${String(cpus().length)} × ${cpu}\n`);
console.log('| measure | result | baseline (same run) | ratio | target |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

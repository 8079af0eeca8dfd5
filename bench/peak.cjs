// Preloaded into a measured process (node --require bench/peak.cjs …): at exit, writes its own peak resident
// memory and running time to stderr as one JSON line, so that the bench measures exactly that process.
const t0 = process.hrtime.bigint();
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ maxRssMiB: process.resourceUsage().maxRSS / 1024, ms: Number(process.hrtime.bigint() - t0) / 1e6 })}\n`);
});

// Bundle budget: what `import { quoteCoupon } from 'coupon-rules'` costs a browser or edge bundle.
// esbuild bundles it from the built package, minified; the gzipped size must stay within the budget,
// decimal.js included, and zod must not be in it. Exits 1 over budget.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET = 20 * 1024;
const cases = [
  { name: 'quoteCoupon', code: "import { quoteCoupon } from 'coupon-rules'; globalThis.q = quoteCoupon;", budget: BUDGET, forbid: ['zod', 'fast-check'] },
  {
    name: 'money layer (money, add, allocate)',
    code: "import { money, add, allocate } from 'coupon-rules'; globalThis.q = [money, add, allocate];",
    budget: BUDGET,
    forbid: ['zod', 'fast-check'],
  },
];
let failed = false;
for (const c of cases) {
  const out = await build({
    stdin: { contents: c.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0].contents;
  const gz = gzipSync(bytes, { level: 9 }).length;
  // Only what lands in the output counts (the metafile also lists modules parsed and then shaken off).
  const inputs = Object.values(out.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
  );
  const forbidden = c.forbid.filter((pkg) => inputs.some((i) => i.includes(`node_modules/${pkg}/`)));
  const packages = [...new Set(inputs.map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? 'coupon-rules'))].sort();
  const ok = gz <= c.budget && forbidden.length === 0;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${c.name}: ${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gz / 1024).toFixed(1)} KiB gzipped (budget ${(c.budget / 1024).toFixed(0)} KiB); packages: ${packages.join(', ')}${forbidden.length ? `; must not contain ${forbidden.join(', ')}` : ''}`,
  );
}
process.exit(failed ? 1 : 0);

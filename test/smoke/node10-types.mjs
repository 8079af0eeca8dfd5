// Type-checks a consumer of the PACKED package under TypeScript's `moduleResolution: node10` (which ignores
// `exports`): the root, `coupon-rules/schema` and `coupon-rules/testing` must all resolve to their real types
// (the subpaths through `typesVersions`). attw checks the same from the outside; this is what a user's tsc says.
// Usage: node test/smoke/node10-types.mjs after a build (npm run lint:package runs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'coupon-rules-node10-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

try {
  execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const pkg = join(dir, 'node_modules/coupon-rules');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', pkg, '--strip-components=1']);
  // The package's dependencies and its optional peer, from this repository's node_modules.
  for (const dep of ['decimal.js', 'zod', 'fast-check']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');

  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'commonjs', moduleResolution: 'node10', target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: true },
      files: ['consumer.ts'],
    }),
  );
  // Each import is used in a way that type-checks only with the real declarations: an unresolved module is
  // TS2307, and a module typed `any` would make the @ts-expect-error lines unused (TS2578).
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { quoteCoupon, type Quote } from 'coupon-rules';
import { QuoteRequestSchema } from 'coupon-rules/schema';
import { quoteRequestArb } from 'coupon-rules/testing';

const r = quoteCoupon({ currency: 'USD', lines: [{ id: 'a', itemType: 'Part', unitPrice: '10', quantity: 1 }], coupon: { type: 'fixed', amount: '2.50' } });
if (r.ok) {
  const q: Quote = r.value;
  const total: string = q.grandTotal;
  // @ts-expect-error grandTotal is a decimal string
  const wrong: number = q.grandTotal;
  void [total, wrong];
}
const parsed: boolean = QuoteRequestSchema.safeParse({}).success;
// @ts-expect-error safeParse's result has no such field
void QuoteRequestSchema.safeParse({}).noSuchField;
void [parsed, quoteRequestArb];
// @ts-expect-error not an export of coupon-rules/testing
import { noSuchExport } from 'coupon-rules/testing';
void noSuchExport;
`,
  );
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  if (tsc.status !== 0) {
    console.error(`node10 type check of the packed package failed:\n${tsc.stdout}${tsc.stderr}`);
    process.exitCode = 1;
  } else {
    console.log("node10 types ok: 'coupon-rules', 'coupon-rules/schema' and 'coupon-rules/testing' resolve with their declarations");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

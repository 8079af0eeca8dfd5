import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Public entries: the root (calculations, no zod), ./schema (zod schemas), ./testing (fast-check arbitraries).
const publicEntries = { index: 'src/index.ts', schema: 'src/schema.ts', testing: 'src/testing/index.ts' };
// For ESM, each domain is an entry of its own as well, so that code splitting puts it in its own chunk:
// a bundler that imports only quoteCoupon then drops whole modules it does not use, time-zone code included.
const domainEntries = Object.fromEntries(
  ['money', 'time', 'coupon', 'order', 'lifecycle', 'dispute', 'outage', 'wire'].map((d) => [`internal/${d}`, `src/${d}/index.ts`]),
);

// fast-check is optional: the ES build loads it with a top-level await (src/testing/fast-check.ts), which
// CommonJS cannot have, so the CommonJS build takes src/testing/fast-check-cjs.ts, which uses require.
const fastCheckForCommonJs = {
  name: 'fast-check-for-commonjs',
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { importer: string }) => { path: string } | undefined): void }) {
    build.onResolve({ filter: /^\.\.?\/(\.\.\/)?fast-check\.js$/ }, (args) =>
      args.importer.includes('/src/testing/') ? { path: fileURLToPath(new URL('src/testing/fast-check-cjs.ts', import.meta.url)) } : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: { ...publicEntries, ...domainEntries },
    format: ['esm'],
    dts: { entry: publicEntries },
    clean: true,
    sourcemap: true,
    target: 'node20',
    treeshake: true,
    splitting: true,
  },
  {
    entry: publicEntries,
    format: ['cjs'],
    dts: { entry: publicEntries },
    esbuildPlugins: [fastCheckForCommonJs],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
  {
    // The command-line tool: an ESM entry with a shebang, and chunks its rarer commands load on demand
    // (the zod schemas, the conformance kit, the readable breakdown), so that the oracle starts fast.
    entry: { cli: 'src/cli/main.ts', 'oracle-worker': 'src/cli/oracle-worker.ts' },
    format: ['esm'],
    splitting: true,
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
]);

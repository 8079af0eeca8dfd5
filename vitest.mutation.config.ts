import { defineConfig } from 'vitest/config';

// The suite Stryker runs against each mutant: every in-process test of src/, with fewer fast-check runs.
// Left out: tests of the built package and CLI processes (they exercise dist/ or child processes, which mutants
// do not reach), the docs examples (child processes too), and the hostile-scale tests, which time n against 10n
// (slow, and no mutant is killed by a ratio), and the shop example's database tests.
process.env.FC_RUNS ??= '15';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli/**',
      'test/package.test.ts',
      'test/docs.test.ts',
      'test/doc-outputs.test.ts',
      'test/wire/json-schema-files.test.ts',
      'test/hostile-scale.test.ts',
      // The shop example's tests start databases: they test examples/shop, not a mutant of src/ beyond what unit tests do.
      'test/shop/**',
      'node_modules/**',
    ],
    testTimeout: 60_000,
    globalSetup: ['test/fast-check-seed.ts'],
    setupFiles: ['test/fast-check-setup.ts'],
  },
});

import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite Stryker runs against each mutant: every in-process test of src/, with fewer fast-check runs.
// Left out: tests of the built package and CLI processes (they exercise dist/, which mutants do not touch).
process.env.FC_RUNS ??= '15';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // Also left out: the hostile-scale tests, which time n against 10n (slow, and no mutant is killed by a ratio).
      exclude: [
        'test/cli/**',
        'test/package.test.ts',
        'test/docs.test.ts',
        'test/testing/json-schema-files.test.ts',
        'test/hostile-scale.test.ts',
        'node_modules/**',
      ],
    },
  }),
);

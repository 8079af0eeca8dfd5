import { defineConfig } from 'vitest/config';

// Two projects: `unit` (unit, property, model-based, docs and in-process CLI tests) runs on the sources with no
// build; `package` (the packed package, the built CLI, the JSON Schema files) builds dist/ once, then runs.
// `npm test` runs both; `npx vitest run --project unit` skips the build.
const needsBuild = [
  'test/package.test.ts',
  'test/cli/conform.test.ts',
  'test/cli/vectors.test.ts',
  'test/testing/missing-fast-check.test.ts',
  'test/wire/json-schema-files.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // The docs test type-checks every example in one program in its beforeAll: on a busy machine that takes a while.
    hookTimeout: 120_000,
    setupFiles: ['test/fast-check-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...needsBuild, 'node_modules/**'], globalSetup: ['test/fast-check-seed.ts'] },
      },
      { extends: true, test: { name: 'package', include: needsBuild, globalSetup: ['test/fast-check-seed.ts', 'test/build-setup.ts'] } },
    ],
  },
});

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'reports/', '.stryker-tmp/', 'api-docs/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', '*.cjs', 'test/smoke/*'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='decimal.js'] > ImportDefaultSpecifier", message: "Use `import { Decimal } from 'decimal.js'`." },
        { selector: "CallExpression[callee.object.name='Decimal'][callee.property.name='set']", message: 'Never Decimal.set: use the private clone.' },
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'`." },
      ],
    },
  },
  {
    // zod is for the schemas: the calculations never load it (coupon-rules/schema is its only entry).
    files: ['src/**/*.ts'],
    ignores: ['src/schemas/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: 'Only src/schemas/ imports zod: build schemas there, from src/contract.' }] }],
    },
  },
  {
    // The contract is plain data at the bottom of the layers: it imports nothing from the library.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!../contract/*'], message: 'src/contract depends on nothing.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/smoke/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', console: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The baseline is deliberately plain, fast JavaScript over data it knows to be well-formed.
    files: ['bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['test/smoke/*.mjs', 'scripts/*.mjs', 'bench/*.mjs', 'bench/*.cjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly' } },
  },
);

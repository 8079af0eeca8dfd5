import type * as FastCheck from 'fast-check';
import { missingFastCheck } from './missing-fast-check.js';

/** fast-check's default export, the `fc` of its documentation. */
type FC = typeof FastCheck.default;

// fast-check is an optional peer dependency. Every generator takes it from here, never from a static
// `import 'fast-check'`: in ES modules a missing static import fails before any of our code runs, with a
// raw ERR_MODULE_NOT_FOUND. Loaded here, its absence is one clear message. (The CommonJS build swaps this
// file for fast-check-cjs.ts, which does the same with require.)

const fc: FC = await import('fast-check').then(
  (m) => m.default,
  (e: unknown) => {
    throw missingFastCheck(e);
  },
);

export default fc;

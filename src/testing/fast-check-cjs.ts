import type * as FastCheck from 'fast-check';
import { missingFastCheck } from './missing-fast-check.js';

/** fast-check's default export, the `fc` of its documentation. */
type FC = typeof FastCheck.default;

// The CommonJS build's fast-check.ts (tsup swaps it in): the same clear message, through require.

function load(): FC {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('fast-check') as { readonly default: FC }).default;
  } catch (e) {
    throw missingFastCheck(e);
  }
}

const fc = load();

export default fc;

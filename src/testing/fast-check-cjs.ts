import type * as FastCheck from 'fast-check';

type FC = typeof FastCheck.default;
import { missingFastCheck } from './missing-fast-check.js';

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

// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace fc {
  export type Arbitrary<T> = FastCheck.Arbitrary<T>;
}

export default fc;

import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}

// One seed for the whole run (every project), printed once so that any failing property can be replayed with
// FC_SEED=<seed> npm test.
export default function setup(project: TestProject): void {
  const fromEnv = process.env.FC_SEED;
  const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  if (process.env.FC_SEED_PRINTED === undefined) {
    console.log(`fast-check seed: ${String(seed)} (replay with FC_SEED=${String(seed)})`);
    process.env.FC_SEED_PRINTED = '1';
  }
  process.env.FC_SEED = String(seed);
  project.provide('fcSeed', seed);
}

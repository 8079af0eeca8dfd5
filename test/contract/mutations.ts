import fc from 'fast-check';
import type { RecordName } from '../../src/contract/index.js';
import { shapeMistakesOf } from '../../src/testing/arbitraries/mutations.js';

// Mutations that break a request's shape, found by walking the request along the contract's field tables: whatever
// the table says a field is, the mutation makes it something else. The walk is the generators' own (the shape
// mistakes of coupon-rules/testing's refusals); here every one of them drives the agreement test: the zod schema
// and the library must both refuse each.

/** Every mutation of `value` that breaks its shape, each with a description for the failure message. */
export function shapeMutationsOf(name: RecordName, value: unknown): { readonly bad: unknown; readonly what: string }[] {
  return shapeMistakesOf(name, value).map((m) => ({ bad: m.apply(value), what: m.what }));
}

/** One mutation of `value` that breaks its shape, drawn from {@link shapeMutationsOf}. */
export const shapeMutationArb = (name: RecordName, value: unknown): fc.Arbitrary<{ readonly bad: unknown; readonly what: string }> =>
  fc.constantFrom(...shapeMutationsOf(name, value));

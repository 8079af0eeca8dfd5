/**
 * `coupon-rules/schema`: zod schemas of the JSON wire contract and their JSON
 * Schemas. Kept apart from the root entry so that the calculations alone
 * never load zod.
 *
 * @packageDocumentation
 */
export * from './schemas/index.js';

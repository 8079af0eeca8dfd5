// The wire contract as plain data, with no dependency: enums, bounds, patterns, error codes and the field
// tables of every record. Everything else — types, readers, zod schemas, generators, docs — draws from it.
export * from './bounds.js';
export * from './codes.js';
export * from './enums.js';
export * from './fields.js';
export * from './patterns.js';

// The reference integration of coupon-rules with PostgreSQL (docs/integration.md): the tables, a tiny database
// interface over PGlite and pg, the shop's commands, and the audit of what must never happen.
export * from './audit.js';
export * from './db.js';
export * from './schema.js';
export * from './shop.js';

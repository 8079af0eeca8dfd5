// After `typedoc`: every exported symbol must have a summary and an @example (TSDoc). Exits 1 listing those that do not.
import { readFileSync } from 'node:fs';

const api = JSON.parse(readFileSync('api-docs/api.json', 'utf8'));
const missing = [];
const commentOf = (r) => r.comment ?? r.signatures?.[0]?.comment ?? r.type?.declaration?.signatures?.[0]?.comment;
const check = (module, r) => {
  const c = commentOf(r);
  const name = `${module}: ${r.name}`;
  if (!c || !(c.summary ?? []).some((p) => (p.text ?? '').trim() !== '')) missing.push(`${name} (no summary)`);
  else if (!(c.blockTags ?? []).some((t) => t.tag === '@example')) missing.push(`${name} (no @example)`);
};
for (const module of api.children ?? []) for (const r of module.children ?? []) check(module.name, r);
if (missing.length > 0) {
  console.error(`API docs: ${missing.length} exports lack a summary or an @example:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
const count = (api.children ?? []).reduce((n, m) => n + (m.children ?? []).length, 0);
console.log(`API docs: all ${count} exports have a summary and an @example`);

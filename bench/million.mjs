// One 1,000,000-line order quoted end to end through the wire format: read the JSON request from a file,
// answer it, write the JSON answer. Run as a process of its own, so that its peak memory (max RSS) is its alone.
// `node bench/million.mjs write FILE N` writes the request; `node bench/million.mjs run FILE` answers it.
import { readFileSync, writeFileSync, createWriteStream } from 'node:fs';

const [mode, file, count] = process.argv.slice(2);
if (mode === 'write') {
  const n = Number(count ?? 1_000_000);
  const out = createWriteStream(file);
  const types = ['Part', 'Set', 'Minifig', 'Book'];
  out.write('{"op":"quote","currency":"USD","lines":[');
  for (let i = 0; i < n; i++) {
    const cents = (i * 7919) % 5_000_000;
    const line = `{"id":"L${i + 1}","itemType":"${types[i % 4]}","unitPrice":"${Math.floor(cents / 10000)}.${String(cents % 10000).padStart(4, '0')}","quantity":${1 + (i % 100)},"onSale":${i % 10 === 0},"batch":${1 + (i % 3)}}`;
    if (!out.write(i === 0 ? line : `,${line}`)) await new Promise((r) => out.once('drain', r));
  }
  out.end(
    '],"coupon":{"type":"percent","percent":"5","tiers":[{"minTotal":"100.00","percent":"10"}],"maxDiscount":"5000.00","itemTypeLimit":{"mode":"except","itemTypes":["Book"]},"excludeSaleItems":true},"sellerCredit":"1.00","charges":{"shipping":"9.95"}}\n',
  );
  await new Promise((r) => out.once('finish', r));
} else {
  const { answerWireLine } = await import('../dist/index.js');
  const t0 = performance.now();
  const line = readFileSync(file, 'utf8').trimEnd();
  const answer = answerWireLine(line);
  writeFileSync('/dev/null', answer);
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({
      requestMiB: line.length / 2 ** 20,
      answerMiB: answer.length / 2 ** 20,
      ms,
      ok: answer.startsWith('{"ok":true'),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

// Mutation score per folder of src/, from Stryker's JSON report.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
const folders = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = file
    .replace(/\\/g, '/')
    .replace(/^.*?src\//, 'src/')
    .split('/')
    .slice(0, 2)
    .join('/')
    .replace(/\.ts$/, '');
  const f = folders.get(folder) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') f.killed++;
    else if (m.status === 'Survived') f.survived++;
    else if (m.status === 'NoCoverage') f.noCoverage++;
    else if (m.status === 'Timeout') f.timeout++;
    else f.other++;
  }
  folders.set(folder, f);
}
const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
console.log('| folder | killed | timeout | survived | no coverage | score |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [folder, f] of rows) {
  for (const k of Object.keys(total)) total[k] += f[k];
  const detected = f.killed + f.timeout;
  const valid = detected + f.survived + f.noCoverage;
  console.log(`| ${folder} | ${f.killed} | ${f.timeout} | ${f.survived} | ${f.noCoverage} | ${valid ? ((100 * detected) / valid).toFixed(1) : '–'}% |`);
}
const detected = total.killed + total.timeout;
const valid = detected + total.survived + total.noCoverage;
console.log(`| **all** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | **${((100 * detected) / valid).toFixed(1)}%** |`);

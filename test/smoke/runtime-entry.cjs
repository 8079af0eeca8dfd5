// The runtime smoke test's entry for CommonJS: loads the built package with `require`, runs the cases and
// prints { host, results } as one line of JSON.
const lib = require('coupon-rules');
const schema = require('coupon-rules/schema');

void import('./runtime-cases.mjs').then(({ hostInfo, runCases }) => {
  console.log(JSON.stringify({ host: { ...hostInfo(), module: 'cjs' }, results: runCases(lib, schema) }));
});

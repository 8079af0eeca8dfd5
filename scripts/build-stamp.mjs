// The prepack script builds dist/ unless it is already the build of the current sources, so that
// `npm pack` and `npm publish` from a fresh clone ship a fresh build, while a pack right after a build
// (the packed-package test, `attw --pack`) neither builds again nor rewrites dist/ under tests reading it.
//
//   node scripts/build-stamp.mjs write    the last step of `npm run build`: records a fingerprint of
//                                         the build's inputs and of every file it wrote
//   node scripts/build-stamp.mjs ensure   prepack (and npm run smoke:runtimes): runs `npm run build`
//                                         unless both still match
//
// The record lives in node_modules/.cache, never in dist/, so it is not shipped.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const stampFile = 'node_modules/.cache/coupon-rules/build-stamp.json';
const inputs = ['src', 'tsup.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/write-json-schemas.mjs'];

/** Every file under the given paths, sorted, each hashed with its path. */
function fingerprint(paths) {
  const files = [];
  const walk = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else files.push(p);
  };
  paths.forEach(walk);
  const hash = createHash('sha256');
  for (const f of files.sort()) hash.update(`${f}\0`).update(readFileSync(f)).update('\0');
  return `${files.length}:${hash.digest('hex')}`;
}

const current = () => ({ inputs: fingerprint(inputs), dist: fingerprint(['dist']) });
const recorded = () => {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
};
const write = () => {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(current())}\n`);
};
const fresh = () => {
  const stamp = recorded();
  const now = current();
  return stamp !== undefined && !now.dist.startsWith('0:') && stamp.inputs === now.inputs && stamp.dist === now.dist;
};

switch (process.argv[2]) {
  case 'write':
    write();
    break;
  case 'ensure': {
    if (fresh()) {
      console.error('dist/ is already the build of the current sources: not building again');
      break;
    }
    console.error('building dist/ (it is missing, or not the build of the current sources)');
    // Inside an npm lifecycle script, npm_execpath is the npm that runs it. The build's output goes to
    // stderr, so that it never mixes with what `npm pack --json` prints.
    const npm = process.env.npm_execpath;
    const stdio = ['ignore', 2, 2];
    if (npm?.endsWith('.js')) execFileSync(process.execPath, [npm, 'run', 'build', '--silent'], { stdio });
    else execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { stdio, shell: process.platform === 'win32' });
    if (!fresh()) {
      console.error('the build left no fingerprint (does `npm run build` end with `node scripts/build-stamp.mjs write`?)');
      process.exit(1);
    }
    break;
  }
  default:
    console.error('usage: node scripts/build-stamp.mjs write|ensure');
    process.exit(2);
}

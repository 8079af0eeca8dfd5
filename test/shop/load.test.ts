import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_URL } from './fixtures.js';

// The load script, small: 150 orders from 8 workers, then the audit. It must place every order and count 0 anomalies,
// on PGlite and, when DATABASE_URL is set, on the server (in its own schema).

const root = resolve(import.meta.dirname, '../..');

function load(env: NodeJS.ProcessEnv): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/shop/load.ts', '--orders', '150', '--workers', '8'], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (status) => {
      done({ status, out });
    });
  });
}

const { DATABASE_URL: _url, ...withoutServer } = process.env;

describe('examples/shop/load.ts', () => {
  it('on PGlite: 150 orders with coupons, 0 anomalies', async () => {
    const r = await load(withoutServer);
    expect(r.out).toMatch(/placed 150 orders with coupons in .* orders\/s/);
    expect(r.out).toContain('anomalies: 0');
    expect(r.status, r.out).toBe(0);
  });

  it.runIf(SERVER_URL)('on the PostgreSQL server: 150 orders with coupons, 0 anomalies', async () => {
    const r = await load(process.env);
    expect(r.out).toMatch(/PostgreSQL .* server/);
    expect(r.out).toContain('anomalies: 0');
    expect(r.status, r.out).toBe(0);
  });
});

// The one thing the shop needs from a database: queries, and transactions that commit or roll back as a whole. Two
// implementations of the same interface: PGlite (PostgreSQL compiled to WebAssembly, in-process: one connection, no
// server) and a PostgreSQL server through `pg` (a pool of connections, really concurrent).
/* eslint-disable @typescript-eslint/no-unnecessary-type-parameters -- a row type is the caller's word about its own SQL, as in pg and PGlite */

/** Something to run SQL on: the database itself, or one transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (READ COMMITTED): committed if it returns, rolled back if it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** True when a statement failed because another transaction decided first: a unique key taken (or, in a stricter setup, a deadlock or serialization failure). */
export function isConflict(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return code === '23505' || code === '40001' || code === '40P01';
}

/** An embedded PostgreSQL (PGlite): in memory unless `dataDir` is given. One connection: transactions run one at a time. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async <R>(text: string, params: readonly unknown[] = []) => ({ rows: (await pglite.query<R>(text, [...params])).rows }),
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({ query: async <R>(text: string, params: readonly unknown[] = []) => ({ rows: (await tx.query<R>(text, [...params])).rows }) }),
      ),
    close: () => pglite.close(),
  };
}

/** A PostgreSQL server (`postgres://user@host:port/db`), through a pool of `max` connections; `schema` sets the search path. */
export async function openPostgres(url: string, options: { max?: number; schema?: string } = {}): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) });
  // A connection the server ended while idle in the pool is dropped by the pool; without a listener its error would end the process.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    query: async <R>(text: string, params: readonly unknown[] = []) => ({ rows: (await pool.query(text, [...params])).rows as R[] }),
    async transaction(fn) {
      const client = await pool.connect();
      const ignore = () => undefined; // a connection lost mid-transaction also emits 'error': the failing query reports it
      client.on('error', ignore);
      let lost: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn({
          query: async <R>(text: string, params: readonly unknown[] = []) => ({ rows: (await client.query(text, [...params])).rows as R[] }),
        });
        await client.query('commit');
        return result;
      } catch (e) {
        // Rolling back fails only when the connection is gone; then the server has rolled back already, and the pool must not reuse it.
        await client.query('rollback').catch((rollbackError: unknown) => {
          lost = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw e;
      } finally {
        if (!lost) client.off('error', ignore);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}

/** The server named by `DATABASE_URL` when it is set, else a fresh in-memory PGlite. */
export function openDb(): Promise<Db> {
  const url = process.env['DATABASE_URL'];
  return url ? openPostgres(url) : openPglite();
}

import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';
import { acquireDataDirLock } from './lock';

// Same value shapes as node-postgres (see postgres.ts): dates as 'YYYY-MM-DD', int8/numeric as numbers.
const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };

/** Open the embedded database: `dir` on disk (locked), or in memory when `dir` is undefined. */
export async function openPglite(
  dir: string | undefined,
  opts: { loadDataDir?: Blob } = {},
): Promise<Db & { dump(): Promise<Blob> }> {
  const release = dir ? acquireDataDirLock(dir) : () => {};
  let pg: PGlite;
  try {
    pg = await PGlite.create(dir ? `${dir}/pgdata` : undefined, { parsers, loadDataDir: opts.loadDataDir });
  } catch (e) {
    release();
    throw e;
  }
  const listeners = new Map<string, Set<(p: string) => void>>();
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await pg.query<T>(sql, params as unknown[] | undefined);
      return r.rows;
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) =>
        fn({
          async query<R>(sql: string, params?: readonly unknown[]) {
            const r = await tx.query<R>(sql, params as unknown[] | undefined);
            return r.rows;
          },
        }),
      );
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    // One process owns an embedded database, so notifications never need to leave it.
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      for (const h of listeners.get(channel) ?? []) queueMicrotask(() => h(payload));
    },
    async dump() {
      return await pg.dumpDataDir('none');
    },
    async close() {
      await pg.close();
      release();
    },
  };
}

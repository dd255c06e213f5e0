import pg from 'pg';
import { ConfigError } from '../config';
import type { Db, Queryable } from './db';

// Calendar days stay 'YYYY-MM-DD' strings (pg would turn them into local midnight Dates); counts and
// amounts come back as numbers on both drivers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle connection can be cut from the server side (restart, pg_terminate_backend, DROP DATABASE
  // … FORCE). pg reports that as an 'error' event, which would crash the process if nobody listens;
  // the pool has already discarded the client and the next query opens a fresh one, so log and go on.
  const onIdleError = (e: Error) => {
    process.emitWarning(`PostgreSQL connection lost: ${e.message}`, 'OneWindowDbWarning');
  };
  pool.on('error', onIdleError);
  // Fail fast, and readably, when the server is unreachable or the URL is wrong.
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (e) {
    await pool.end().catch(() => {});
    const where = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new ConfigError(`Cannot connect to PostgreSQL at ${where} (DATABASE_URL): ${(e as Error).message}`);
  }
  let listener: pg.PoolClient | undefined;
  const handlers = new Map<string, Set<(p: string) => void>>();

  const query = async <T>(sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const r = await pool.query(sql, params as unknown[] | undefined);
    return r.rows as T[];
  };
  return {
    kind: 'postgres',
    query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(sql: string, params?: readonly unknown[]) {
            const r = await client.query(sql, params as unknown[] | undefined);
            return r.rows as R[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async listen(channel, onPayload) {
      if (!listener) {
        listener = await pool.connect();
        // A checked-out client's 'error' is not the pool's; without this the process would crash.
        listener.on('error', onIdleError);
        listener.on('notification', (n) => {
          for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
        });
      }
      let set = handlers.get(channel);
      if (!set) {
        handlers.set(channel, (set = new Set()));
        await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      listener?.release();
      await pool.end();
    },
  };
}

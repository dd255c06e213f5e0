/**
 * The database seam: one small interface implemented by the embedded PGlite and by node-postgres, so
 * every repository runs unchanged on both. Services receive a `Queryable` (usually a transaction).
 */
export type DbKind = 'pglite' | 'postgres';

export interface Queryable {
  /** Run one parameterised statement and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Run `fn` in one transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Run a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** Cross-process notifications (LISTEN/NOTIFY); on PGlite they stay inside this process. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export async function one<T>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T> {
  const rows = await q.query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

export async function maybeOne<T>(
  q: Queryable,
  sql: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}

/**
 * One page of a filtered list and the number of rows the filter matches. `select` is the page's
 * `SELECT … FROM …` (its joins included); `countFrom` is the smaller `FROM …` the count needs (the
 * table joined to what `where` reads). The page's LIMIT and OFFSET follow `params`.
 */
export async function page<T>(
  q: Queryable,
  p: {
    select: string;
    countFrom: string;
    where: string;
    params: readonly unknown[];
    orderBy: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: T[]; total: number }> {
  const n = p.params.length;
  const rows = await q.query<T>(
    `${p.select} WHERE ${p.where} ORDER BY ${p.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...p.params, p.limit, p.offset],
  );
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${p.countFrom} WHERE ${p.where}`,
    p.params,
  );
  return { rows, total: count?.n ?? 0 };
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Forward-only, timestamped SQL migrations (`YYYYMMDDHHMMSS_name.sql`), the same files on PGlite and
 * PostgreSQL. Each file runs in its own transaction; an advisory lock makes concurrent starts of several
 * server processes apply each file exactly once.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{14}_[\w-]+\.sql$/.test(f))
    .sort();
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7310001)');
    const done = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const f of files) {
      const version = f.slice(0, 14);
      if (done.has(version)) continue;
      // Multi-statement scripts cannot take bind parameters, so each file is split on its own statement
      // separator marker only when needed; plain files run as one script inside this transaction.
      for (const stmt of splitStatements(readFileSync(join(dir, f), 'utf8'))) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(f);
    }
  });
  return applied;
}

/**
 * Split a migration into statements on `;` at line ends, outside dollar-quoted bodies. Our migrations
 * are plain DDL written for this splitter (no `;` inside string literals at a line end).
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let buf = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) continue;
    buf += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      out.push(buf.trim());
      buf = '';
    }
  }
  if (buf.trim()) out.push(buf.trim());
  return out;
}

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb in a temp directory, started on a
 * free loopback port, durability off (it is thrown away). PostgreSQL refuses to run as root, so as
 * root the binaries run as the `postgres` user.
 */
export interface PgCluster {
  url: (db?: string) => string;
  stop(): void;
}

export function findPgBin(): string {
  const candidates = [process.env.PG_BIN, ...pgVersions().map((v) => `/usr/lib/postgresql/${v}/bin`)].filter(
    Boolean,
  ) as string[];
  const bin = candidates.find((d) => existsSync(join(d, 'initdb')));
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries not found: install them with `apt-get install postgresql-15` (or set PG_BIN)',
    );
  }
  return bin;
}

function pgVersions(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'ow-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
  const port = await freePort();
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    // e.g. `-c shared_preload_libraries=pg_stat_statements` when profiling a bench
    ...(process.env.PG_EXTRA_OPTS ? [process.env.PG_EXTRA_OPTS] : []),
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs `psql -c` against the cluster (used to create databases from a template). */
export function psql(url: string, sql: string): void {
  execFileSync(join(findPgBin(), 'psql'), [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: 'pipe' });
}

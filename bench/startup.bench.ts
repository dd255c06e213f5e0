import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/server/test/pg-cluster';

/**
 * Start-up time of the real server (`src/server/main.ts`) until it prints its URL: on a new data
 * directory (initdb + migrations + demo data) and on an existing one.
 */
async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ONEWINDOW_JOBS: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('is running')) resolve(performance.now() - t0);
    });
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

export async function startupBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ow-bench-start-'));
  try {
    const fresh = await startOnce(dir);
    const again: number[] = [];
    for (let i = 0; i < 3; i++) again.push(await startOnce(dir));
    const median = again.sort((a, b) => a - b)[1]!;
    return [
      '| start-up (process spawn → "is running") | ms |',
      '|---|---|',
      `| new data directory (initdb, migrations, demo data) | ${fresh.toFixed(0)} |`,
      `| existing data directory (median of 3) | ${median.toFixed(0)} |`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

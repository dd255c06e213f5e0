/**
 * Benchmark of case handling (issue 5): accept-case throughput through the HTTP layer (app.inject:
 * routing, session, zod, the service, one transaction) on PostgreSQL and on PGlite, next to the raw
 * single-row INSERT transaction rate of the same database measured in the same run; latency at 32
 * concurrent requests; and the first page of the case list with one million cases (PostgreSQL).
 * Target: accept-case ≥ 0.4× the raw rate on PostgreSQL; list first page < 100 ms.
 *
 * `npx tsx bench/cases.bench.ts` runs it standalone; `casesBench()` returns the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { allReceived, APPLICANT, itemByName } from '../src/server/cases/cases.fixtures';
import { ManualClock } from '../src/server/clock/clock';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/db';
import { migrate } from '../src/server/db/migrate';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { DEMO_PASSWORD } from '../src/server/demo/demo-accounts';
import { loadDemoData } from '../src/server/demo/demo.loader';
import { startPgCluster } from '../src/server/test/pg-cluster';
import { cpuPerOp, cpuSample, postmasterPid } from './cpu';

const CONCURRENCY = 32;
const SECONDS = 5;
/** A working Tuesday of the demo year, 09:30 in Beijing. */
const NOW = new Date('2026-03-03T01:30:00Z');
/** One million by default; ONEWINDOW_BENCH_CASES scales it down for a quick run. */
const LIST_CASES = Number(process.env.ONEWINDOW_BENCH_CASES ?? 1_000_000);

interface Run {
  ops: number;
  seconds: number;
  latencies: number[];
  /** CPU per operation, when measured (PostgreSQL only: its server processes are visible in /proc). */
  cpu?: { nodeMs: number; pgMs: number };
}

/** `workers` loops calling `op` until `seconds` have passed; every call's latency is kept. */
async function saturate(op: () => Promise<void>, workers = CONCURRENCY, seconds = SECONDS): Promise<Run> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        await op();
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { ops: latencies.length, seconds: (performance.now() - t0) / 1000, latencies };
}

const rate = (r: Run) => r.ops / r.seconds;
function pct(r: Run, p: number): number {
  const s = [...r.latencies].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function rawInsertRate(db: Db): Promise<Run> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL)',
  );
  return withCpu(db, () =>
    saturate(() =>
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO bench_raw (payload, at) VALUES ($1, $2)', ['x'.repeat(200), new Date()]);
      }),
    ),
  );
}

async function officerSession(app: FastifyInstance): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'officer', password: DEMO_PASSWORD },
  });
  const sid = res.cookies.find((c) => c.name === 'ow_sid')!.value;
  return { cookie: `ow_sid=${sid}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

/** Runs `measure` and, on PostgreSQL, adds the CPU each operation cost in this process and in the server. */
async function withCpu(db: Db, measure: () => Promise<Run>): Promise<Run> {
  if (db.kind !== 'postgres') return measure();
  const pm = await postmasterPid(db);
  const a = cpuSample(pm);
  const run = await measure();
  return { ...run, cpu: cpuPerOp(a, cpuSample(pm), run.ops) };
}

async function acceptRun(
  db: Db,
): Promise<{ app: FastifyInstance; run: Run; me: Run; headers: Record<string, string> }> {
  const clock = new ManualClock();
  clock.set(NOW, { freeze: true });
  const app = await buildApp({
    db,
    clock,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: false,
  });
  await app.ready();
  const headers = await officerSession(app);
  const v = await itemByName(db, '燃气经营许可证核发', NOW);
  const payload = { itemId: v.itemId, applicant: APPLICANT, materials: allReceived(v), decision: 'accept' };
  let failures = 0;
  const run = await withCpu(db, () =>
    saturate(async () => {
      const res = await app.inject({ method: 'POST', url: '/api/cases', headers, payload });
      if (res.statusCode !== 201 && ++failures === 1)
        throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
    }),
  );
  // The same stack with almost no work: routing, the session, one SELECT, a small JSON answer.
  const me = await withCpu(db, () =>
    saturate(async () => {
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers });
      if (res.statusCode !== 200) throw new Error(`me failed: ${res.statusCode} ${res.body}`);
    }),
  );
  return { app, run, me, headers };
}

/** One million cases in the officer's center, copied from a real one with INSERT … SELECT generate_series. */
async function fillCases(db: Db): Promise<number> {
  const t0 = performance.now();
  const [tpl] = await db.query<{ id: string }>("SELECT id FROM cases WHERE status = 'accepted' LIMIT 1");
  const cols = (
    await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND column_name NOT IN ('id', 'number', 'received_at') ORDER BY ordinal_position",
    )
  ).map((c) => c.column_name);
  // Like a restore: drop the secondary indexes, load, build them again (far faster than maintaining them).
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cases' AND indexdef NOT LIKE 'CREATE UNIQUE%'",
  );
  for (const i of indexes) await db.exec(`DROP INDEX ${i.indexname}`);
  await db.exec(`INSERT INTO cases (number, received_at, ${cols.join(', ')})
    SELECT 'BENCH-' || lpad(g::text, 7, '0'), timestamptz '2025-01-01' + g * interval '30 seconds', ${cols.map((c) => `t.${c}`).join(', ')}
    FROM generate_series(1, ${LIST_CASES}) g, (SELECT * FROM cases WHERE id = '${tpl!.id}') t`);
  for (const i of indexes) await db.exec(i.indexdef);
  await db.exec('ANALYZE cases');
  return (performance.now() - t0) / 1000;
}

async function listFirstPage(
  app: FastifyInstance,
  headers: Record<string, string>,
): Promise<{ median: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    const res = await app.inject({ method: 'GET', url: '/api/cases?page=1&pageSize=20', headers });
    if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode}`);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { median: times[15]!, p99: times[29]! };
}

const row = (name: string, r: Run, raw: Run) =>
  `| ${name} | ${rate(r).toFixed(0)} | ${rate(raw).toFixed(0)} | ${(rate(r) / rate(raw)).toFixed(2)}× | ${pct(r, 50).toFixed(1)} | ${pct(r, 99).toFixed(1)} |`;

const cpuRow = (name: string, r: Run, raw: Run) =>
  `| ${name} | ${rate(r).toFixed(0)} | ${(rate(r) / rate(raw)).toFixed(2)}× | ${r.cpu!.nodeMs.toFixed(3)} | ${r.cpu!.pgMs.toFixed(3)} | ${(r.cpu!.nodeMs + r.cpu!.pgMs).toFixed(3)} |`;

export async function casesBench(): Promise<string> {
  const lines = [
    `accept-case = POST /api/cases (receive + accept, 2 notices issued) via app.inject, ${CONCURRENCY} concurrent, ${SECONDS} s each; raw = one-row INSERT transactions, same concurrency, same database.`,
    '',
    '| database | accept-case /s | raw INSERT tx /s | ratio | p50 ms | p99 ms |',
    '|---|---|---|---|---|---|',
  ];

  // Where one operation's time goes on PostgreSQL: CPU of this Node process and of the server.
  const cpu = [
    '',
    `CPU per operation on PostgreSQL (${CONCURRENCY} concurrent; this process and the cluster's server processes, from /proc):`,
    '',
    '| operation | /s | × raw | Node CPU ms/op | PostgreSQL CPU ms/op | total ms/op |',
    '|---|---|---|---|---|---|',
  ];
  const cluster = await startPgCluster();
  try {
    const admin = await openPostgres(cluster.url());
    await admin.query('CREATE DATABASE bench');
    await admin.close();
    const db = await openPostgres(cluster.url('bench'), { max: 16 });
    await migrate(db);
    await loadDemoData(db, NOW);
    const raw = await rawInsertRate(db);
    const { app, run, me, headers } = await acceptRun(db);
    lines.push(row('PostgreSQL', run, raw));
    cpu.push(
      cpuRow('raw INSERT transaction', raw, raw),
      cpuRow('GET /api/auth/me (session, one SELECT)', me, raw),
      cpuRow('accept-case', run, raw),
    );
    const fill = await fillCases(db);
    const list = await listFirstPage(app, headers);
    lines.push(
      '',
      `Case list, first page of 20 (GET /api/cases as the county officer) with ${LIST_CASES.toLocaleString('en')} cases in the center (filled in ${fill.toFixed(0)} s): median ${list.median.toFixed(1)} ms, worst of 30 ${list.p99.toFixed(1)} ms.`,
    );
    await app.close();
    await db.close();
  } finally {
    cluster.stop();
  }

  const dir = mkdtempSync(join(tmpdir(), 'ow-bench-cases-'));
  try {
    const db = await openPglite(dir);
    await migrate(db);
    await loadDemoData(db, NOW);
    const raw = await rawInsertRate(db);
    const { app, run } = await acceptRun(db);
    lines.splice(5, 0, row('PGlite (on disk)', run, raw));
    lines.splice(6, 0, ...cpu);
    await app.close();
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await casesBench());
}

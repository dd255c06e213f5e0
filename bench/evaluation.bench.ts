/**
 * Benchmark of evaluation (issue 9), on PostgreSQL (a throwaway cluster, durability off):
 *
 *  1. Submission latency through the HTTP layer (app.inject: routing, zod, the service, one
 *     transaction with the rollup delta, and for ~3 % 差评 the rectification record) with 200 window
 *     evaluators: (a) each tablet submitting about once a second (≈ 200/s, far above a province's
 *     hall peak), (b) all 200 at the same instant (a burst). Target: p95 < 30 ms.
 *  2. The monthly satisfaction views over one month of 14 M evaluations (Guangdong's volume) read
 *     from the rollups, plus an unfolded tail of deltas. Target < 500 ms. The rollup rows are
 *     generated for 14 M evaluations with INSERT … SELECT generate_series; the raw table holds only
 *     the evaluations submitted in part 1 (a few thousand), since the views never read it.
 *
 * `npx tsx bench/evaluation.bench.ts` runs it standalone; `evaluationBench()` returns the report.
 */
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { ManualClock } from '../src/server/clock/clock';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/db';
import { migrate } from '../src/server/db/migrate';
import { openPostgres } from '../src/server/db/postgres';
import { loadDemoData } from '../src/server/demo/demo.loader';
import { ranking, resolveScope, statsByDim, trend } from '../src/server/evaluation/stats.service';
import { foldDeltas } from '../src/server/evaluation/stats.repository';
import { startPgCluster } from '../src/server/test/pg-cluster';

const TABLETS = 200;
const STEADY_SECONDS = 8;
const BURST_ROUNDS = 5;
/** A working Tuesday of the demo year, 10:00 in Beijing. */
const NOW = new Date('2026-03-03T02:00:00Z');
const MONTH = '2026-03';
const EVALUATIONS_PER_MONTH = 14_000_000;
/** Deltas not yet folded: 25 s of evaluations at 200/s (the job folds every 5 s). */
const TAIL_DELTAS = 5_000;
/** Guangdong-like shape: windows, officers, departments, items of a province. */
const KEYS = { window: 20_000, staff: 40_000, department: 5_700, item: 160_000 } as const;

const pctl = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => x.toFixed(1);

/** Subjects to evaluate: done tickets cloned from a demo one, each with its invitation. */
async function subjects(db: Db, n: number): Promise<string[]> {
  const [tpl] = await db.query<{ id: string }>(
    "SELECT id FROM tickets WHERE status = 'done' AND window_id IS NOT NULL AND case_id IS NULL LIMIT 1",
  );
  await db.exec(`
    INSERT INTO tickets
    SELECT (jsonb_populate_record(NULL::tickets, to_jsonb(t) || jsonb_build_object(
      'id', gen_random_uuid(), 'business_date', DATE '2025-01-01' + (g / 9000), 'number', g % 9000 + 1,
      'seq', g, 'finished_at', TIMESTAMPTZ '2026-03-03T01:50:00Z'))).*
    FROM tickets t, generate_series(1, ${n}) g WHERE t.id = '${tpl!.id}'`);
  await db.exec(`
    INSERT INTO evaluation_invitations (center_id, token, ticket_id, subject_label, window_id, staff_id,
      department_id, item_id, item_name, ended_at, expires_at, created_at)
    SELECT t.center_id, 'bench-' || t.id, t.id, t.display_number, t.window_id, t.staff_id, w.department_id,
      t.item_id, '', t.finished_at, t.finished_at + interval '30 days', t.finished_at
    FROM tickets t JOIN windows w ON w.id = t.window_id
    WHERE t.business_date < DATE '2025-12-31' AND t.finished_at = TIMESTAMPTZ '2026-03-03T01:50:00Z'`);
  return (
    await db.query<{ token: string }>(
      "SELECT token FROM evaluation_invitations WHERE token LIKE 'bench-%' ORDER BY token",
    )
  ).map((r) => r.token);
}

function body(i: number) {
  // About 3 % 差评 (with a reason), the rest mostly 非常满意.
  if (i % 33 === 0) return { level: 'dissatisfied', tags: ['long_wait'], comment: '等太久', channel: 'qr' };
  return { level: i % 7 === 0 ? 'satisfied' : 'very_satisfied', channel: 'qr' };
}

async function submissions(app: FastifyInstance, tokens: string[]) {
  let next = 0;
  let failures = 0;
  const submit = async (): Promise<number> => {
    const i = next++;
    const token = tokens[i];
    if (!token) throw new Error('out of subjects');
    const s = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/evaluation/invitations/${token}/evaluations`,
      payload: body(i),
    });
    if (res.statusCode !== 201 && ++failures <= 1)
      throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
    return performance.now() - s;
  };
  // (a) steady: each tablet submits, then waits 0.5–1.5 s (a person reading the thanks screen).
  const steady: number[] = [];
  const end = performance.now() + STEADY_SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: TABLETS }, async (_, k) => {
      await new Promise((r) => setTimeout(r, (k * 1000) / TABLETS));
      while (performance.now() < end) {
        steady.push(await submit());
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
      }
    }),
  );
  const steadyRate = steady.length / ((performance.now() - t0) / 1000);
  // (b) burst: all tablets at once.
  const burst: number[] = [];
  for (let r = 0; r < BURST_ROUNDS; r++)
    burst.push(...(await Promise.all(Array.from({ length: TABLETS }, submit))));
  return { steady, steadyRate, burst };
}

/** One month of rollups for 14 M evaluations, spread over the dimensions, and a raw sample. */
export async function fillMonth(db: Db): Promise<{ rollupRows: number; seconds: number }> {
  const t0 = performance.now();
  const centers = (await db.query<{ id: string }>('SELECT id FROM centers ORDER BY path')).map((c) => c.id);
  const month = `${MONTH}-01`;
  let rollupRows = 0;
  for (const [dim, n] of Object.entries(KEYS)) {
    const per = Math.floor(EVALUATIONS_PER_MONTH / n);
    // Deterministic pseudo-random split of `per` evaluations per key over the five levels.
    await db.exec(`
      INSERT INTO evaluation_stats (center_id, month, dim, key, very_satisfied, satisfied, basic,
        dissatisfied, very_dissatisfied, excluded)
      SELECT ('{${centers.join(',')}}'::uuid[])[1 + g % ${centers.length}], DATE '${month}', '${dim}',
        md5('${dim}' || g)::uuid::text,
        ${per} - (g % 97) - (g % 13) - (g % 5) - (g % 3), g % 97, g % 13, g % 5, g % 3, g % 2
      FROM generate_series(1, ${n}) g`);
    rollupRows += n;
  }
  await db.exec(`
    INSERT INTO evaluation_stats (center_id, month, dim, key, very_satisfied, satisfied, basic,
      dissatisfied, very_dissatisfied)
    SELECT c, DATE '${month}', 'channel', ch, ${EVALUATIONS_PER_MONTH / 7 / centers.length}::bigint, 100, 50, 10, 5
    FROM unnest('{${centers.join(',')}}'::uuid[]) c, unnest(ARRAY['window_device','web','mobile','qr','sms','phone','kiosk']) ch
    UNION ALL
    SELECT c, DATE '${month}', 'center', '', ${EVALUATIONS_PER_MONTH / centers.length}::bigint, 1000, 500, 100, 50
    FROM unnest('{${centers.join(',')}}'::uuid[]) c
    ON CONFLICT (month, dim, center_id, key) DO NOTHING`);
  // Trend: the eleven months before, center totals only.
  await db.exec(`
    INSERT INTO evaluation_stats (center_id, month, dim, key, very_satisfied, satisfied, basic,
      dissatisfied, very_dissatisfied)
    SELECT c, (DATE '${month}' - (m || ' months')::interval)::date, 'center', '', 1000000 + m * 1000, 20000, 5000, 500, 100
    FROM unnest('{${centers.join(',')}}'::uuid[]) c, generate_series(1, 11) m
    ON CONFLICT (month, dim, center_id, key) DO NOTHING`);
  // An unfolded tail, as the rollup job leaves it between two ticks.
  await db.exec(`
    INSERT INTO evaluation_rollup_deltas (center_id, month, window_id, staff_id, department_id, item_id, channel,
      is_default, bucket, delta)
    SELECT ('{${centers.join(',')}}'::uuid[])[1 + g % ${centers.length}], DATE '${month}',
      md5('window' || (1 + g * 7 % ${KEYS.window}))::uuid, md5('staff' || (1 + g * 11 % ${KEYS.staff}))::uuid,
      md5('department' || (1 + g % ${KEYS.department}))::uuid, md5('item' || (1 + g * 13 % ${KEYS.item}))::uuid,
      'qr', false, (ARRAY['very_satisfied','satisfied','basic','dissatisfied','very_dissatisfied'])[1 + g % 5], 1
    FROM generate_series(1, ${TAIL_DELTAS}) g`);
  await db.exec('ANALYZE evaluation_stats; ANALYZE evaluation_rollup_deltas;');
  return { rollupRows, seconds: (performance.now() - t0) / 1000 };
}

async function timeIt(f: () => Promise<unknown>, runs = 5): Promise<{ median: number; max: number }> {
  await f(); // warm the caches and the plans
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f();
    xs.push(performance.now() - s);
  }
  return { median: pctl(xs, 50), max: Math.max(...xs) };
}

export async function evaluationBench(): Promise<string> {
  const cluster = await startPgCluster();
  const admin = await openPostgres(cluster.url());
  await admin.query('CREATE DATABASE ow_bench');
  await admin.close();
  const db = await openPostgres(cluster.url('ow_bench'));
  try {
    await migrate(db);
    await loadDemoData(db, NOW);
    const tokens = await subjects(db, TABLETS * STEADY_SECONDS * 2 + TABLETS * BURST_ROUNDS + 500);
    const clock = new ManualClock();
    clock.set(NOW, { freeze: true });
    const app = await buildApp({
      db,
      clock,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      logger: false,
    });
    await app.ready();
    const sub = await submissions(app, tokens);
    await app.close();
    const [counts] = await db.query<{ evaluations: number; rectifications: number }>(
      `SELECT (SELECT count(*) FROM evaluations)::int AS evaluations, (SELECT count(*) FROM rectifications)::int AS rectifications`,
    );
    const foldStart = performance.now();
    const folded = await foldDeltas(db, 1_000_000);
    const foldMs = performance.now() - foldStart;

    const fill = await fillMonth(db);
    const [county] = await db.query<{ id: string }>(
      "SELECT id FROM centers WHERE level = 'county' ORDER BY code LIMIT 1",
    );
    const scope = await resolveScope(db, null, county!.id);
    const views: [string, () => Promise<unknown>][] = [
      ['by window (20,000 windows)', () => statsByDim(db, scope, 'window', MONTH)],
      ['by officer (40,000)', () => statsByDim(db, scope, 'staff', MONTH)],
      ['by department (5,700)', () => statsByDim(db, scope, 'department', MONTH)],
      ['by item (160,000)', () => statsByDim(db, scope, 'item', MONTH)],
      ['by channel', () => statsByDim(db, scope, 'channel', MONTH)],
      ['群众满意窗口 ranking', () => ranking(db, scope, MONTH, 10)],
      ['12-month trend', () => trend(db, scope, MONTH, 12)],
    ];
    const timed: string[] = [];
    for (const [name, f] of views) {
      const r = await timeIt(f);
      timed.push(`| ${name} | ${ms(r.median)} | ${ms(r.max)} |`);
    }
    return [
      `Submission through the HTTP layer, ${TABLETS} window evaluators, PostgreSQL (fsync off), pool of 10:`,
      '',
      '| scenario | submissions | rate /s | p50 ms | p95 ms | p99 ms |',
      '|---|---|---|---|---|---|',
      `| steady: each tablet about once a second | ${sub.steady.length} | ${sub.steadyRate.toFixed(0)} | ${ms(pctl(sub.steady, 50))} | ${ms(pctl(sub.steady, 95))} | ${ms(pctl(sub.steady, 99))} |`,
      `| burst: all ${TABLETS} at the same instant, ${BURST_ROUNDS} rounds | ${sub.burst.length} | — | ${ms(pctl(sub.burst, 50))} | ${ms(pctl(sub.burst, 95))} | ${ms(pctl(sub.burst, 99))} |`,
      '',
      `${counts!.evaluations} evaluations and ${counts!.rectifications} rectification records written; folding their ${folded} deltas took ${foldMs.toFixed(0)} ms.`,
      '',
      `Monthly views over ${EVALUATIONS_PER_MONTH.toLocaleString('en')} evaluations of ${MONTH}: ${fill.rollupRows.toLocaleString('en')} rollup rows generated in ${fill.seconds.toFixed(1)} s, plus ${TAIL_DELTAS.toLocaleString('en')} unfolded deltas; the raw table holds only the evaluations above (the views never read it):`,
      '',
      '| view | median ms | max ms |',
      '|---|---|---|',
      ...timed,
    ].join('\n');
  } finally {
    await db.close();
    cluster.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await evaluationBench());

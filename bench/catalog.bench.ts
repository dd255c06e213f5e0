import { loadavg } from 'node:os';
import { buildApp } from '../src/server/app';
import { ManualClock } from '../src/server/clock/clock';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/db';
import { migrate } from '../src/server/db/migrate';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { DEMO_PASSWORD } from '../src/server/demo/demo-accounts';
import { loadDemoData } from '../src/server/demo/demo.loader';
import { startPgCluster } from '../src/server/test/pg-cluster';

/**
 * Catalog list and search with 5,000 items, through the real HTTP app (app.inject: routing, zod
 * validation and serialisation included, no socket), on the embedded PGlite and on PostgreSQL 15.
 * Target: p95 < 50 ms. The items are copies of the demo items with numbered names, so searches
 * match realistic subsets ("登记" many, "不动产" some, a number one).
 */
const ITEMS = 5_000;
const RUNS = 200;
const NOW = new Date('2026-03-02T01:00:00Z');

export async function seed(db: Db): Promise<void> {
  await migrate(db);
  await loadDemoData(db, NOW);
  // Clone the published versions in force of the demo items until there are ITEMS items.
  await db.transaction(async (tx) => {
    await tx.query(`CREATE TEMP TABLE src AS
      SELECT row_number() OVER (ORDER BY i.impl_code) AS n, i.department_id, v.*
      FROM items i JOIN item_versions v ON v.id = i.current_version_id`);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM src');
    const [{ have } = { have: 0 }] = await tx.query<{ have: number }>(
      'SELECT count(*)::int AS have FROM items',
    );
    await tx.query(
      `INSERT INTO items (center_id, department_id, basic_code, impl_code, created_at, updated_at)
       SELECT s.center_id, s.department_id, 'BENCH-B-' || g, 'BENCH-I-' || g, $2, $2
       FROM generate_series(1, $1::int) g JOIN src s ON s.n = 1 + (g % $3::int)`,
      [ITEMS - have, NOW, n],
    );
    await tx.query(
      `INSERT INTO item_versions (item_id, center_id, version_no, status, change_note, effective_from, name, item_type,
         exercise_level, accept_levels, case_type, legal_limit_amount, legal_limit_unit, legal_limit_note,
         promised_limit_amount, promised_limit_unit, handling_modes, visits_required, visits_reason, online_depth,
         legal_basis, conditions, special_procedures, result_name, result_kind, location, hours, phone, complaint_phone,
         themes, steps, fees, materials, situations, faq, search_text, created_by_name, created_at, updated_at,
         approved_by_name, approved_at, published_at)
       SELECT i.id, s.center_id, 1, 'published', '', '2025-01-01', s.name || '（' || substr(i.impl_code, 9) || '）', s.item_type,
         s.exercise_level, s.accept_levels, s.case_type, s.legal_limit_amount, s.legal_limit_unit, s.legal_limit_note,
         s.promised_limit_amount, s.promised_limit_unit, s.handling_modes, s.visits_required, s.visits_reason, s.online_depth,
         s.legal_basis, s.conditions, s.special_procedures, s.result_name, s.result_kind, s.location, s.hours, s.phone,
         s.complaint_phone, s.themes, s.steps, s.fees, s.materials, s.situations, s.faq,
         lower(s.name || '（' || substr(i.impl_code, 9) || '） ' || i.basic_code || ' ' || i.impl_code), 'bench', $1, $1, 'bench', $1, $1
       FROM items i JOIN src s ON s.n = 1 + (substr(i.impl_code, 9)::int % $2::int)
       WHERE i.impl_code LIKE 'BENCH-I-%'`,
      [NOW, n],
    );
    await tx.query(
      `UPDATE items i SET current_version_id = v.id FROM item_versions v WHERE v.item_id = i.id AND i.impl_code LIKE 'BENCH-I-%'`,
    );
  });
  await db.query('ANALYZE');
}

const pct = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function measure(db: Db, label: string): Promise<string[]> {
  const clock = new ManualClock();
  clock.set(NOW, { freeze: true });
  const app = await buildApp({
    db,
    clock,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: false,
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: DEMO_PASSWORD },
  });
  const cookie = `ow_sid=${login.cookies.find((c) => c.name === 'ow_sid')!.value}`;
  const q = encodeURIComponent;
  const cases: [string, string, boolean][] = [
    ['staff list, page 1 of 50', '/api/catalog/items?pageSize=50', true],
    ['staff list, page 60', '/api/catalog/items?pageSize=50&page=60', true],
    [`staff search "${'登记'}"`, `/api/catalog/items?pageSize=50&q=${q('登记')}`, true],
    ['public list, page 1 of 20', '/api/public/guides?pageSize=20', false],
    [`public search "${'不动产'}"`, `/api/public/guides?pageSize=20&q=${q('不动产')}`, false],
    ['public search, one item', `/api/public/guides?pageSize=20&q=${q('（4321）')}`, false],
    [
      'public filter 即办件 + township',
      '/api/public/guides?pageSize=20&immediate=true&level=township',
      false,
    ],
    ['public guide detail', '', false],
  ];
  const [any] = await db.query<{ id: string }>("SELECT id FROM items WHERE impl_code = 'BENCH-I-2500'");
  cases[cases.length - 1]![1] = `/api/public/guides/${any!.id}`;
  const rows: string[] = [];
  for (const [name, url, staff] of cases) {
    const headers = staff ? { cookie } : {};
    for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url, headers });
    const times: number[] = [];
    let total = -1;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      times.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      if (i === 0) total = res.json<{ total?: number }>().total ?? 1;
    }
    rows.push(
      `| ${label} | ${name} | ${total} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`,
    );
  }
  await app.close();
  return rows;
}

export async function catalogBench(): Promise<string> {
  const out = ['| database | request | matches | p50 ms | p95 ms |', '|---|---|---|---|---|'];
  // Other work on the machine slows every row alike; the load average says how much to trust them.
  const loadBefore = loadavg()[0]!.toFixed(1);
  const lite = await openPglite(undefined);
  try {
    await seed(lite);
    out.push(...(await measure(lite, 'PGlite')));
  } finally {
    await lite.close();
  }
  const cluster = await startPgCluster();
  try {
    const admin = await openPostgres(cluster.url());
    await admin.query('CREATE DATABASE bench_catalog');
    await admin.close();
    const pg = await openPostgres(cluster.url('bench_catalog'));
    try {
      await seed(pg);
      out.push(...(await measure(pg, 'PostgreSQL 15')));
    } finally {
      await pg.close();
    }
  } finally {
    cluster.stop();
  }
  out.push(
    '',
    `${ITEMS} items (the demo's ~60 cloned), ${RUNS} requests per row after 20 warm-up requests, one at a time;`,
    `load average ${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after.`,
  );
  return out.join('\n');
}

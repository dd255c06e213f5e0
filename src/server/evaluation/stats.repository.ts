import type { Queryable } from '../db/db';

/**
 * The rollup SQL (see the migration): the fold that turns appended deltas into per-dimension monthly
 * rows, and the reads that add the not-yet-folded tail so a view is exact the moment after a submit.
 */

export type Dim = 'center' | 'window' | 'staff' | 'department' | 'item' | 'channel';

/** How each dimension's key is read from a delta row. A closed list: never built from input. */
const deltaKey: Readonly<Record<Dim, string>> = {
  center: "''",
  window: 'window_id::text',
  staff: 'staff_id::text',
  department: 'department_id::text',
  item: 'item_id::text',
  channel: 'channel',
};

const LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
const COUNT_COLUMNS = [...LEVELS, ...LEVELS.map((l) => `d_${l}`), 'excluded'];

/** The count columns summed from delta rows: levels of non-default ratings, of default ones, exclusions. */
const deltaSums = [
  ...LEVELS.map((l) => `coalesce(sum(delta) FILTER (WHERE bucket = '${l}' AND NOT is_default), 0) AS ${l}`),
  ...LEVELS.map((l) => `coalesce(sum(delta) FILTER (WHERE bucket = '${l}' AND is_default), 0) AS d_${l}`),
  `coalesce(sum(delta) FILTER (WHERE bucket = 'excluded'), 0) AS excluded`,
].join(', ');

/**
 * Fold up to `limit` deltas, oldest first, into evaluation_stats. The DELETE … RETURNING takes the
 * deltas away in the same statement that adds them, so a delta is counted exactly once even if two
 * folds overlap. Returns how many deltas were folded.
 */
export async function foldDeltas(q: Queryable, limit: number): Promise<number> {
  const dims = (Object.keys(deltaKey) as Dim[])
    .map(
      (d) =>
        `SELECT center_id, month, '${d}' AS dim, ${deltaKey[d]} AS key, is_default, bucket, delta FROM d` +
        (d === 'center' || d === 'channel' ? '' : ` WHERE ${deltaKey[d]} IS NOT NULL`),
    )
    .join(' UNION ALL ');
  const [r] = await q.query<{ folded: number }>(
    `WITH d AS (
       DELETE FROM evaluation_rollup_deltas WHERE id IN (SELECT id FROM evaluation_rollup_deltas ORDER BY id LIMIT $1)
       RETURNING center_id, month, window_id, staff_id, department_id, item_id, channel, is_default, bucket, delta
     ), x AS (${dims}),
     ins AS (
       INSERT INTO evaluation_stats AS s (month, dim, center_id, key, ${COUNT_COLUMNS.join(', ')})
       SELECT month, dim, center_id, key, ${deltaSums}
       FROM x GROUP BY month, dim, center_id, key
       ON CONFLICT (month, dim, key, center_id) DO UPDATE SET
         ${COUNT_COLUMNS.map((c) => `${c} = s.${c} + EXCLUDED.${c}`).join(', ')}
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM d)::int AS folded, (SELECT count(*) FROM ins)::int AS touched`,
    [limit],
  );
  return r?.folded ?? 0;
}

export interface StatRow {
  month: string;
  key: string;
  /** Counts of the non-default evaluations per level. */
  very_satisfied: number;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  very_dissatisfied: number;
  /** The same for default ratings. */
  d_very_satisfied: number;
  d_satisfied: number;
  d_basic: number;
  d_dissatisfied: number;
  d_very_dissatisfied: number;
  excluded: number;
}

/**
 * Rows of one dimension over months [fromMonth, toMonth] for the centers under `scopePath`: folded
 * rollups plus the unfolded tail, one row per (month, key). Months are 'YYYY-MM-01'.
 *
 * With `limit` (one month of windows, officers, departments or items — each key belongs to one
 * center, so a folded row is already the whole key), the database keeps only the keys with the most
 * valid evaluations: the top `limit` folded rows plus the folded rows of every key in the tail (whose
 * total may move), merged with the tail, sorted again. A month of 160,000 items costs a top-N scan,
 * not an aggregation of all of them.
 */
export async function readStats(
  q: Queryable,
  f: {
    scopePath: string;
    dim: Dim;
    fromMonth: string;
    toMonth: string;
    countDefaults: boolean;
    limit?: number;
  },
): Promise<StatRow[]> {
  const k = deltaKey[f.dim];
  const cols = COUNT_COLUMNS.join(', ');
  const where = `dim = $2 AND month BETWEEN $3::date AND $4::date AND center_id IN (SELECT id FROM scope)`;
  // The stored total the order follows (with or without default ratings): an index gives its top.
  const total = f.countDefaults ? 'nd' : 'n';
  const folded = f.limit
    ? `(SELECT month, key, ${cols} FROM evaluation_stats WHERE ${where} ORDER BY ${total} DESC, key LIMIT $5)
       UNION
       SELECT e.month, e.key, ${COUNT_COLUMNS.map((c) => `e.${c}`).join(', ')}
       FROM tail t JOIN evaluation_stats e ON e.month = t.month AND e.dim = $2 AND e.key = t.key
       WHERE e.center_id IN (SELECT id FROM scope)`
    : `SELECT month, key, ${cols} FROM evaluation_stats WHERE ${where}`;
  const rows = await q.query<StatRow>(
    `WITH scope AS (SELECT id FROM centers WHERE path LIKE $1 || '%'),
     tail AS (
       SELECT month, ${k} AS key, ${deltaSums}
       FROM evaluation_rollup_deltas WHERE month BETWEEN $3::date AND $4::date AND center_id IN (SELECT id FROM scope)
         AND ${k} IS NOT NULL
       GROUP BY 1, 2
     ),
     s AS (${folded} UNION ALL SELECT month, key, ${cols} FROM tail)
     SELECT to_char(month, 'YYYY-MM') AS month, key, ${COUNT_COLUMNS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ')}
     FROM s GROUP BY month, key
     ORDER BY ${LEVELS.map((l) => `sum(${l})${f.countDefaults ? ` + sum(d_${l})` : ''}`).join(' + ')} DESC, key
     ${f.limit ? 'LIMIT $5' : ''}`,
    [f.scopePath, f.dim, f.fromMonth, f.toMonth, ...(f.limit ? [f.limit] : [])],
  );
  return rows;
}

/**
 * 群众满意窗口: the `size` best (or worst) windows of a month with at least `min` valid evaluations,
 * ordered in the database so a province's 20,000 windows never leave it. The order uses the
 * definitions of `rates()` (src/domain/evaluation/rules.ts): 满意率 = (非常满意 + 满意 + 基本满意) /
 * valid, then the mean of the 5…1 scores, then the number of valid evaluations; the integration test
 * checks the two agree.
 */
export async function readRanking(
  q: Queryable,
  f: { scopePath: string; month: string; countDefaults: boolean; min: number; size: number; worst: boolean },
): Promise<StatRow[]> {
  const n = (l: string) => `(${l} + CASE WHEN $3 THEN d_${l} ELSE 0 END)`;
  const valid = LEVELS.map(n).join(' + ');
  const good = LEVELS.slice(0, 3).map(n).join(' + ');
  const score = LEVELS.map((l, i) => `${5 - i} * ${n(l)}`).join(' + ');
  const dir = f.worst ? 'ASC' : 'DESC';
  // A window's folded row is the whole window (it belongs to one center): add its tail, if any, by a
  // join — no aggregation over the 20,000 windows of a province.
  const merged = COUNT_COLUMNS.map((c) => `e.${c} + coalesce(t.${c}, 0) AS ${c}`).join(', ');
  return q.query<StatRow>(
    `WITH scope AS (SELECT id FROM centers WHERE path LIKE $1 || '%'),
     tail AS (
       SELECT window_id::text AS key, ${deltaSums}
       FROM evaluation_rollup_deltas WHERE month = $2::date AND center_id IN (SELECT id FROM scope) AND window_id IS NOT NULL
       GROUP BY 1
     ),
     w AS (
       SELECT e.key, ${merged} FROM evaluation_stats e LEFT JOIN tail t ON t.key = e.key
       WHERE e.dim = 'window' AND e.month = $2::date AND e.center_id IN (SELECT id FROM scope)
       UNION ALL
       SELECT t.key, ${COUNT_COLUMNS.map((c) => `t.${c}`).join(', ')} FROM tail t
       WHERE NOT EXISTS (SELECT 1 FROM evaluation_stats e WHERE e.month = $2::date AND e.dim = 'window' AND e.key = t.key)
     )
     SELECT to_char($2::date, 'YYYY-MM') AS month, key, ${COUNT_COLUMNS.map((c) => `${c}::float8 AS ${c}`).join(', ')} FROM w
     WHERE ${valid} >= $4
     ORDER BY (${good})::float8 / (${valid}) ${dir}, (${score})::float8 / (${valid}) ${dir}, ${valid} ${dir}, key
     LIMIT $5`,
    [f.scopePath, f.month, f.countDefaults, Math.max(1, f.min), f.size],
  );
}

/** Display names of the keys of a dimension (windows with their center when the scope holds several). */
export async function keyNames(
  q: Queryable,
  dim: Dim,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (ids.length === 0) return new Map();
  const sql: Partial<Record<Dim, string>> = {
    window: `SELECT w.id::text AS key, c.name || ' ' || w.number || '号窗口 ' || w.name AS name
             FROM windows w JOIN centers c ON c.id = w.center_id WHERE w.id = ANY($1::uuid[])`,
    staff: `SELECT s.id::text AS key, s.name || '（' || s.badge_number || '）' AS name FROM staff s WHERE s.id = ANY($1::uuid[])`,
    department: `SELECT d.id::text AS key, d.name FROM departments d WHERE d.id = ANY($1::uuid[])`,
    item: `SELECT i.id::text AS key, coalesce(v.name, i.impl_code) AS name FROM items i
           LEFT JOIN item_versions v ON v.id = i.current_version_id WHERE i.id = ANY($1::uuid[])`,
  };
  const s = sql[dim];
  if (!s) return new Map();
  const rows = await q.query<{ key: string; name: string }>(s, [ids]);
  return new Map(rows.map((r) => [r.key, r.name]));
}

/** Bad reviews per department in a month and how many of them are settled (整改/解释/申诉 concluded). */
export const rectifiedByDepartment = (q: Queryable, scopePath: string, from: Date, to: Date) =>
  q.query<{ department_id: string; settled: number }>(
    `SELECT r.department_id::text AS department_id,
       count(*) FILTER (WHERE r.status IN ('rectified', 'explained', 'closed', 'excluded'))::int AS settled
     FROM rectifications r JOIN centers c ON c.id = r.center_id
     WHERE c.path LIKE $1 || '%' AND r.created_at >= $2 AND r.created_at < $3 AND r.department_id IS NOT NULL
     GROUP BY r.department_id`,
    [scopePath, from, to],
  );

export interface ExchangeRow {
  case_number: string | null;
  channel: string;
  created_at: Date;
  round: 'first' | 'followup';
  level: string;
  comment: string;
  is_default: boolean;
}

/** Evaluations of a month for the exchange export, oldest first (bounded). */
export const exchangeRows = (q: Queryable, scopePath: string, from: Date, to: Date, limit: number) =>
  q.query<ExchangeRow>(
    `SELECT k.number AS case_number, e.channel, e.created_at, e.round, e.level, e.comment, e.is_default
     FROM evaluations e JOIN centers c ON c.id = e.center_id LEFT JOIN cases k ON k.id = e.case_id
     WHERE c.path LIKE $1 || '%' AND e.created_at >= $2 AND e.created_at < $3 AND NOT e.excluded
     ORDER BY e.created_at LIMIT $4`,
    [scopePath, from, to, limit],
  );

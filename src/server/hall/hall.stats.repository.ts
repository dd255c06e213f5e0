import type { Queryable } from '../db/db';

/**
 * The SQL of the hall statistics (see the definitions in `shared/contracts/hall-stats.ts`). Hours and
 * weekdays are in China time: UTC + 8 h, computed without the server's time-zone database.
 */
const base = `WITH t AS (
  SELECT t.id, t.business_date, t.status, t.window_id, t.staff_id, t.category_id, t.estimated_wait_minutes,
    extract(epoch FROM t.first_called_at - t.issued_at) / 60.0 AS wait_min,
    CASE WHEN t.status = 'done' THEN extract(epoch FROM t.finished_at - t.serving_at) / 60.0 END AS service_min,
    (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'transfer')::int AS transfers,
    extract(hour FROM (t.issued_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS hour,
    extract(dow FROM (t.issued_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS weekday
  FROM tickets t WHERE t.hall_id = $1 AND t.business_date BETWEEN $2 AND $3
)`;

const measures = `count(*)::int AS tickets,
  count(*) FILTER (WHERE t.status = 'done')::int AS served,
  count(*) FILTER (WHERE t.status = 'no_show')::int AS no_shows,
  coalesce(sum(t.transfers), 0)::int AS transfers,
  avg(t.wait_min)::float8 AS wait_mean,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY t.wait_min)::float8 AS wait_p90,
  avg(t.service_min)::float8 AS service_mean,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY t.service_min)::float8 AS service_p90`;

export interface MeasureRow {
  tickets: number;
  served: number;
  no_shows: number;
  transfers: number;
  wait_mean: number | null;
  wait_p90: number | null;
  service_mean: number | null;
  service_p90: number | null;
}
export type GroupRow = MeasureRow & { key: string; label: string };

/** The dimensions a table can be grouped by: key and label expressions, never user text. */
const dimensions = {
  hour: { key: `t.hour::text`, label: `lpad(t.hour::text, 2, '0') || ':00'`, join: '', order: 'min(t.hour)' },
  day: {
    key: `t.business_date::text`,
    label: `t.business_date::text`,
    join: '',
    order: 'min(t.business_date)',
  },
  window: {
    key: `coalesce(t.window_id::text, '')`,
    label: `coalesce(min(w.number) || '号 ' || min(w.name), '—')`,
    join: 'LEFT JOIN windows w ON w.id = t.window_id',
    order: 'min(length(w.number)), min(w.number)',
  },
  officer: {
    key: `coalesce(t.staff_id::text, '')`,
    label: `coalesce(min(s.name) || '（' || min(s.badge_number) || '）', '—')`,
    join: 'LEFT JOIN staff s ON s.id = t.staff_id',
    order: 'min(s.name)',
  },
  category: {
    key: `t.category_id::text`,
    label: `min(k.prefix) || ' ' || min(k.name)`,
    join: 'JOIN ticket_categories k ON k.id = t.category_id',
    order: 'min(k.sort), min(k.prefix)',
  },
} as const;
export type Dimension = keyof typeof dimensions;

interface Range {
  hallId: string;
  from: string;
  to: string;
}
const params = (r: Range) => [r.hallId, r.from, r.to];

export const statsBy = (q: Queryable, r: Range, d: Dimension) => {
  const x = dimensions[d];
  return q.query<GroupRow>(
    `${base} SELECT ${x.key} AS key, ${x.label} AS label, ${measures} FROM t ${x.join} GROUP BY 1 ORDER BY ${x.order}`,
    params(r),
  );
};

export const totals = async (q: Queryable, r: Range) =>
  (
    await q.query<MeasureRow & { cancelled: number }>(
      `${base} SELECT ${measures}, count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled FROM t`,
      params(r),
    )
  )[0]!;

/** Real wait − the estimate printed at issue, over tickets that were called. */
export const estimateAccuracy = async (q: Queryable, r: Range) =>
  (
    await q.query<{ n: number; mae: number | null; bias: number | null; within5: number | null }>(
      `${base} SELECT count(*)::int AS n, avg(abs(t.wait_min - t.estimated_wait_minutes))::float8 AS mae,
         avg(t.wait_min - t.estimated_wait_minutes)::float8 AS bias,
         avg((abs(t.wait_min - t.estimated_wait_minutes) <= 5)::int)::float8 AS within5
       FROM t WHERE t.wait_min IS NOT NULL AND t.estimated_wait_minutes IS NOT NULL`,
      params(r),
    )
  )[0]!;

export const heat = (q: Queryable, r: Range) =>
  q.query<{ weekday: number; hour: number; tickets: number }>(
    `${base} SELECT t.weekday, t.hour, count(*)::int AS tickets FROM t GROUP BY 1, 2 ORDER BY 1, 2`,
    params(r),
  );

import type { Queryable } from '../db/db';

/**
 * Read models of the supervision desk: live counts by level and by department / window / officer,
 * open special procedures, received cases waiting for acceptance. Scope is always a center path
 * prefix, optionally narrowed to one center.
 */

const scope = `c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR c.id = $2)`;

export interface GroupRow {
  id: string | null;
  name: string;
  warning: number;
  yellow: number;
  red: number;
}

const counts = `count(*) FILTER (WHERE k.level = 'warning')::int AS warning,
  count(*) FILTER (WHERE k.level = 'yellow')::int AS yellow, count(*) FILTER (WHERE k.level = 'red')::int AS red`;

export async function openCardGroups(q: Queryable, scopePath: string, centerId: string | null) {
  const from = `FROM supervision_cards k JOIN centers c ON c.id = k.center_id WHERE k.cleared_at IS NULL AND ${scope}`;
  const p = [scopePath, centerId];
  const [total] = await q.query<Omit<GroupRow, 'id' | 'name'>>(`SELECT ${counts} ${from}`, p);
  const byDepartment = await q.query<GroupRow>(
    `SELECT k.department_id::text AS id, d.name, ${counts} ${from.replace('WHERE', 'JOIN departments d ON d.id = k.department_id WHERE')}
     GROUP BY k.department_id, d.name ORDER BY red DESC, yellow DESC, warning DESC, d.name`,
    p,
  );
  const byWindow = await q.query<GroupRow>(
    `SELECT k.window_id::text AS id, coalesce(w.number || ' ' || w.name, '') AS name, ${counts}
     ${from.replace('WHERE', 'LEFT JOIN windows w ON w.id = k.window_id WHERE')}
     GROUP BY k.window_id, w.number, w.name ORDER BY red DESC, yellow DESC, warning DESC, w.number`,
    p,
  );
  const byOfficer = await q.query<GroupRow>(
    `SELECT k.officer_staff_id::text AS id, coalesce(k.officer_name, '') AS name, ${counts} ${from}
     GROUP BY k.officer_staff_id, k.officer_name ORDER BY red DESC, yellow DESC, warning DESC, k.officer_name`,
    p,
  );
  return { total: total ?? { warning: 0, yellow: 0, red: 0 }, byDepartment, byWindow, byOfficer };
}

export async function deskCounters(q: Queryable, scopePath: string, centerId: string | null, now: Date) {
  const [r] = await q.query<{
    pauses_overrun: number;
    open_pauses: number;
    five_day_near: number;
    orders_open: number;
    orders_overdue: number;
  }>(
    `SELECT
       (SELECT count(*)::int FROM supervision_cards k JOIN centers c ON c.id = k.center_id
         WHERE k.cleared_at IS NULL AND k.rule_code = 'pause_overrun' AND ${scope}) AS pauses_overrun,
       (SELECT count(*)::int FROM cases k JOIN centers c ON c.id = k.center_id
         WHERE k.status = 'paused' AND ${scope}) AS open_pauses,
       (SELECT count(*)::int FROM supervision_cards k JOIN centers c ON c.id = k.center_id
         WHERE k.cleared_at IS NULL AND k.rule_code = 'five_day' AND ${scope}) AS five_day_near,
       (SELECT count(*)::int FROM supervision_orders o JOIN centers c ON c.id = o.center_id
         WHERE o.status <> 'closed' AND ${scope}) AS orders_open,
       (SELECT count(*)::int FROM supervision_orders o JOIN centers c ON c.id = o.center_id
         WHERE o.status = 'open' AND o.response_due_at < $3 AND ${scope}) AS orders_overdue`,
    [scopePath, centerId, now],
  );
  return r!;
}

export interface OpenPauseRow {
  case_id: string;
  center_id: string;
  case_number: string;
  item_name: string;
  department_name: string;
  kind: string;
  started_at: Date;
  expected_working_days: number;
}

export const openPauses = (q: Queryable, scopePath: string, centerId: string | null) =>
  q.query<OpenPauseRow>(
    `SELECT k.id AS case_id, k.center_id, k.number AS case_number, k.item_name, d.name AS department_name,
       p.kind, p.started_at, p.expected_working_days
     FROM case_pauses p JOIN cases k ON k.id = p.case_id JOIN centers c ON c.id = k.center_id
     JOIN departments d ON d.id = k.department_id
     WHERE p.ended_at IS NULL AND k.status = 'paused' AND ${scope}
     ORDER BY p.started_at LIMIT 500`,
    [scopePath, centerId],
  );

export interface ReceivedRow {
  case_id: string;
  center_id: string;
  case_number: string;
  item_name: string;
  department_name: string;
  received_at: Date;
}

/** Cases received and not yet accepted, refused or told what is missing (the 5-day watch). */
export const waitingForAcceptance = (q: Queryable, scopePath: string, centerId: string | null) =>
  q.query<ReceivedRow>(
    `SELECT k.id AS case_id, k.center_id, k.number AS case_number, k.item_name, d.name AS department_name,
       k.last_received_at AS received_at
     FROM cases k JOIN centers c ON c.id = k.center_id JOIN departments d ON d.id = k.department_id
     WHERE k.status = 'received' AND ${scope}
     ORDER BY k.last_received_at LIMIT 500`,
    [scopePath, centerId],
  );

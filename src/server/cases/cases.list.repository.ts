import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import type { CaseScope } from './cases.policy';
import type { CaseRow } from './cases.repository';

/**
 * Reading cases within the actor's scope (see cases.policy.ts): one case, lists, the approver's
 * inbox and the transfer list. Scope is three optional keys OR-ed together, each an indexed match.
 */

/** `$n` center path prefix, `$n+1` department, `$n+2` applicant (each null when the actor has no such scope). */
const scopeSql = (n: number) =>
  `(($${n}::text IS NOT NULL AND c.path LIKE $${n} || '%')
    OR ($${n + 1}::uuid IS NOT NULL AND cs.department_id = $${n + 1}::uuid)
    OR ($${n + 2}::uuid IS NOT NULL AND cs.applicant_id = $${n + 2}::uuid))`;
const scopeParams = (s: CaseScope) => [s.centerPath, s.departmentId, s.applicantId];

export const findVisibleCase = (q: Queryable, scope: CaseScope, id: string, lock = false) =>
  maybeOne<CaseListRow>(
    q,
    `SELECT cs.*, d.name AS department_name, w.number AS window_number
     FROM cases cs JOIN centers c ON c.id = cs.center_id JOIN departments d ON d.id = cs.department_id
     LEFT JOIN windows w ON w.id = cs.window_id
     WHERE cs.id = $1 AND ${scopeSql(2)} ${lock ? 'FOR UPDATE OF cs' : ''}`,
    [id, ...scopeParams(scope)],
  );

export interface CaseListRow extends CaseRow {
  department_name: string;
  window_number: string | null;
}

export interface ListFilter {
  status?: string | undefined;
  departmentId?: string | undefined;
  windowId?: string | undefined;
  dueBefore?: Date | undefined;
  overdueAt?: Date | undefined;
  receivedBy?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A count beyond this is reported as "at least": counting a million rows for a pager is not worth it. */
export const COUNT_CAP = 10_000;

/**
 * A page of cases, newest first. The scope is split into branches — one per center in the actor's
 * subtree, one for the department, one for the applicant — each ordered and limited on its own
 * index (cases_center_received_idx, cases_department_idx, cases_applicant_idx), so the first page
 * of a million cases reads about one page of rows per branch instead of sorting the million.
 */
export async function listCases(
  q: Queryable,
  scope: CaseScope,
  f: ListFilter,
): Promise<{ rows: CaseListRow[]; total: number; capped: boolean }> {
  const centers = scope.centerPath
    ? await q.query<{ id: string }>(`SELECT id FROM centers WHERE path LIKE $1 || '%'`, [scope.centerPath])
    : [];
  // Each statement gets its own parameter list: PostgreSQL refuses parameters a statement does not use.
  const build = () => {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const filters: string[] = [];
    if (f.status) filters.push(`cs.status = ${p(f.status)}`);
    if (f.departmentId) filters.push(`cs.department_id = ${p(f.departmentId)}::uuid`);
    if (f.windowId) filters.push(`cs.window_id = ${p(f.windowId)}::uuid`);
    if (f.receivedBy) filters.push(`cs.received_by = ${p(f.receivedBy)}::uuid`);
    if (f.dueBefore) filters.push(`cs.status IN ('accepted', 'paused') AND cs.due_at < ${p(f.dueBefore)}`);
    if (f.overdueAt) filters.push(`cs.status = 'accepted' AND cs.due_at < ${p(f.overdueAt)}`);
    if (f.q) filters.push(`cs.number LIKE ${p(`%${f.q.toUpperCase()}%`)}`);
    const branches = centers.map((c) => `cs.center_id = ${p(c.id)}::uuid`);
    if (scope.departmentId) branches.push(`cs.department_id = ${p(scope.departmentId)}::uuid`);
    if (scope.applicantId) branches.push(`cs.applicant_id = ${p(scope.applicantId)}::uuid`);
    const where = branches.map((b) => [b, ...filters].join(' AND '));
    return { params, p, where };
  };
  const order = 'ORDER BY cs.received_at DESC, cs.id DESC';

  const a = build();
  if (a.where.length === 0) return { rows: [], total: 0, capped: false };
  const upTo = a.p(f.offset + f.limit);
  // UNION (not OR) so each branch keeps its own index; a case visible through two keys appears once.
  const page = a.where
    .map((w) => `(SELECT cs.id, cs.received_at FROM cases cs WHERE ${w} ${order} LIMIT ${upTo})`)
    .join(' UNION ');
  const rows = await q.query<CaseListRow>(
    `WITH page AS (SELECT id, received_at FROM (${page}) x
                   ORDER BY received_at DESC, id DESC LIMIT ${a.p(f.limit)} OFFSET ${a.p(f.offset)})
     SELECT cs.*, d.name AS department_name, w.number AS window_number
     FROM page JOIN cases cs ON cs.id = page.id JOIN departments d ON d.id = cs.department_id
     LEFT JOIN windows w ON w.id = cs.window_id
     ${order}`,
    a.params,
  );

  const b = build();
  const cap = b.p(COUNT_CAP + 1);
  const counted = b.where.map((w) => `(SELECT cs.id FROM cases cs WHERE ${w} LIMIT ${cap})`).join(' UNION ');
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${counted}) x`, b.params);
  const n = c?.n ?? 0;
  return { rows, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * The steps waiting for a department user: open cases of the department whose current step is
 * handled by one of the user's roles, earliest step due first.
 */
export const inbox = (q: Queryable, departmentId: string, roles: readonly string[]) =>
  q.query<CaseListRow>(
    `SELECT cs.*, d.name AS department_name, w.number AS window_number
     FROM cases cs JOIN departments d ON d.id = cs.department_id LEFT JOIN windows w ON w.id = cs.window_id
     WHERE cs.department_id = $1 AND cs.status IN ('accepted', 'paused')
       AND (cs.step_role = ANY($2::text[]) OR (cs.kind = 'immediate' AND 'chief_rep' = ANY($2::text[])))
     ORDER BY cs.step_due_at NULLS LAST, cs.accepted_at
     LIMIT 500`,
    [departmentId, roles],
  );

export interface TransferRow {
  id: string;
  number: string;
  item_name: string;
  applicant_name: string;
  department_id: string;
  department_name: string;
  accepted_at: Date;
  due_at: Date | null;
  window_number: string | null;
  received_by_name: string;
  materials_received: number;
}

/** 业务受理转办明细表: cases a center accepted on a day (from `from` to `to`), by department. */
export const transfers = (q: Queryable, centerId: string, from: Date, to: Date, windowId: string | null) =>
  q.query<TransferRow>(
    `SELECT cs.id, cs.number, cs.item_name, cs.applicant_name, cs.department_id, d.name AS department_name,
            cs.accepted_at, cs.due_at, w.number AS window_number, cs.received_by_name,
            (SELECT count(*)::int FROM case_materials m WHERE m.case_id = cs.id AND m.status = 'received') AS materials_received
     FROM cases cs JOIN departments d ON d.id = cs.department_id LEFT JOIN windows w ON w.id = cs.window_id
     WHERE cs.center_id = $1 AND cs.accepted_at >= $2 AND cs.accepted_at < $3
       AND ($4::uuid IS NULL OR cs.window_id = $4::uuid)
     ORDER BY d.name, cs.accepted_at`,
    [centerId, from, to, windowId],
  );

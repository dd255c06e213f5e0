import { type Queryable, page } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for the 满意度回访 worklist. */

export interface ReturnVisitRow {
  id: string;
  center_id: string;
  invitation_id: string;
  rectification_id: string | null;
  reason: 'bad_review' | 'sample';
  status: 'pending' | 'done' | 'unreachable';
  due_at: Date | null;
  called_by_name: string | null;
  called_at: Date | null;
  note: string;
  evaluation_id: string | null;
  created_at: Date;
  subject_label: string;
  item_name: string;
  applicant_name: string;
  applicant_phone: string;
  window_number: string | null;
  staff_name: string | null;
}

const select = `SELECT v.*, i.subject_label, i.item_name, i.applicant_name, i.applicant_phone,
    w.number AS window_number, s.name AS staff_name
  FROM return_visits v JOIN centers c ON c.id = v.center_id JOIN evaluation_invitations i ON i.id = v.invitation_id
  LEFT JOIN windows w ON w.id = i.window_id LEFT JOIN staff s ON s.id = i.staff_id`;

/**
 * A bad review always gets its visit: an existing pending sample visit of the same subject becomes
 * the bad-review visit (one call, not two).
 */
export async function upsertBadReviewVisit(
  q: Queryable,
  v: { center_id: string; invitation_id: string; rectification_id: string; due_at: Date | null },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO return_visits (center_id, invitation_id, rectification_id, reason, status, due_at, created_at)
     VALUES ($1, $2, $3, 'bad_review', 'pending', $4, $5)
     ON CONFLICT (invitation_id) DO UPDATE SET rectification_id = EXCLUDED.rectification_id, reason = 'bad_review',
       status = 'pending', due_at = EXCLUDED.due_at`,
    [v.center_id, v.invitation_id, v.rectification_id, v.due_at, now],
  );
}

/** Sampled visits for the given invitations; subjects already on the list are skipped. */
export async function insertSampleVisits(
  q: Queryable,
  centerId: string,
  invitationIds: readonly string[],
  now: Date,
): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const rows = await q.query(
    `INSERT INTO return_visits (center_id, invitation_id, reason, status, created_at)
     SELECT $1, x, 'sample', 'pending', $3 FROM unnest($2::uuid[]) AS x
     ON CONFLICT (invitation_id) DO NOTHING RETURNING id`,
    [centerId, invitationIds, now],
  );
  return rows.length;
}

/** Invitations of cases concluded on one civil day at a center (the sampling frame). */
export const invitationsEndedBetween = (q: Queryable, centerId: string, from: Date, to: Date) =>
  q.query<{ id: string; case_id: string | null; level: string | null }>(
    `SELECT i.id, i.case_id, (SELECT e.level FROM evaluations e WHERE e.invitation_id = i.id ORDER BY e.created_at DESC LIMIT 1) AS level
     FROM evaluation_invitations i WHERE i.center_id = $1 AND i.ended_at >= $2 AND i.ended_at < $3`,
    [centerId, from, to],
  );

export async function listReturnVisits(
  q: Queryable,
  f: {
    scopePath: string;
    centerId?: string | undefined;
    status?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ReturnVisitRow[]; total: number }> {
  const where = `c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR v.center_id = $2) AND ($3::text IS NULL OR v.status = $3)`;
  const params = [f.scopePath, f.centerId ?? null, f.status ?? null];
  return page<ReturnVisitRow>(q, {
    select: select,
    countFrom: 'return_visits v JOIN centers c ON c.id = v.center_id',
    where,
    params,
    orderBy: "(v.reason = 'bad_review') DESC, v.created_at DESC, v.id",
    limit: f.limit,
    offset: f.offset,
  });
}

export const findReturnVisit = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<ReturnVisitRow>(q, `${select} WHERE v.id = $1 AND c.path LIKE $2 || '%' FOR UPDATE OF v`, [
    id,
    scopePath,
  ]);

export const findVisitOfRectification = (q: Queryable, rectificationId: string) =>
  maybeOne<{ id: string; status: string }>(
    q,
    'SELECT id, status FROM return_visits WHERE rectification_id = $1',
    [rectificationId],
  );

export async function completeVisit(
  q: Queryable,
  id: string,
  v: {
    status: 'done' | 'unreachable';
    calledBy: string;
    calledByName: string;
    note: string;
    evaluationId: string | null;
  },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE return_visits SET status = $2, called_by = $3, called_by_name = $4, called_at = $5, note = $6,
       evaluation_id = coalesce($7, evaluation_id) WHERE id = $1`,
    [id, v.status, v.calledBy, v.calledByName, now, v.note, v.evaluationId],
  );
}

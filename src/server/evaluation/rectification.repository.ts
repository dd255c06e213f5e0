import type { RectificationRating, RectificationStatus } from '../../domain/evaluation';
import { type Queryable, page } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for the 差评 rectification records and the return-visit worklist. */

export interface RectificationRow {
  id: string;
  center_id: string;
  evaluation_id: string;
  invitation_id: string;
  case_id: string | null;
  subject_label: string;
  department_id: string | null;
  window_id: string | null;
  staff_id: string | null;
  status: RectificationStatus;
  step_entered_at: Date;
  step_due_at: Date | null;
  overdue_flagged_at: Date | null;
  overdue_steps: string[];
  decision: 'rectify' | 'explain' | 'appeal' | null;
  extension: 'none' | 'requested' | 'approved' | 'rejected';
  requested_extension_days: number | null;
  extension_days: number;
  return_visit_note: string | null;
  decision_text: string | null;
  feedback: string | null;
  appeal_opinion: string | null;
  applicant_rating: RectificationRating | null;
  closed_at: Date | null;
  event_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface RectificationListRow extends RectificationRow {
  level: string;
  tags: string[];
  comment: string;
  evaluator_name: string;
  evaluator_phone: string;
  department_name: string | null;
  window_number: string | null;
  staff_name: string | null;
}

const listSelect = `SELECT r.*, e.level, e.tags, e.comment, e.evaluator_name, e.evaluator_phone,
    d.name AS department_name, w.number AS window_number, s.name AS staff_name
  FROM rectifications r JOIN centers c ON c.id = r.center_id JOIN evaluations e ON e.id = r.evaluation_id
  LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN windows w ON w.id = r.window_id
  LEFT JOIN staff s ON s.id = r.staff_id`;

export async function insertRectification(
  q: Queryable,
  r: Pick<
    RectificationRow,
    | 'center_id'
    | 'evaluation_id'
    | 'case_id'
    | 'subject_label'
    | 'department_id'
    | 'window_id'
    | 'staff_id'
    | 'status'
    | 'step_entered_at'
    | 'step_due_at'
    | 'invitation_id'
  >,
  now: Date,
): Promise<RectificationRow> {
  const [row] = await q.query<RectificationRow>(
    `INSERT INTO rectifications (center_id, evaluation_id, case_id, subject_label, department_id, window_id, staff_id,
       status, step_entered_at, step_due_at, invitation_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING *`,
    [
      r.center_id,
      r.evaluation_id,
      r.case_id,
      r.subject_label,
      r.department_id,
      r.window_id,
      r.staff_id,
      r.status,
      r.step_entered_at,
      r.step_due_at,
      r.invitation_id,
      now,
    ],
  );
  return row!;
}

export const findRectification = (q: Queryable, scopePath: string | null, id: string, lock = false) =>
  maybeOne<RectificationListRow>(
    q,
    `${listSelect} WHERE r.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')${lock ? ' FOR UPDATE OF r' : ''}`,
    [id, scopePath],
  );

/** The rectification of an evaluation link (the applicant's latest 差评 on that subject). */
export const findRectificationByInvitation = (q: Queryable, invitationId: string, lock = false) =>
  maybeOne<RectificationListRow>(
    q,
    `${listSelect} WHERE r.invitation_id = $1 ORDER BY r.created_at DESC LIMIT 1${lock ? ' FOR UPDATE OF r' : ''}`,
    [invitationId],
  );

export const findRectificationByEvaluation = (q: Queryable, evaluationId: string) =>
  maybeOne<RectificationRow>(q, 'SELECT * FROM rectifications WHERE evaluation_id = $1', [evaluationId]);

export async function listRectifications(
  q: Queryable,
  f: {
    scopePath: string;
    centerId?: string | undefined;
    status?: RectificationStatus | undefined;
    overdueAt?: Date | undefined;
    departmentId?: string | null | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: RectificationListRow[]; total: number }> {
  const where = `c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR r.center_id = $2) AND ($3::text IS NULL OR r.status = $3)
    AND ($4::timestamptz IS NULL OR r.step_due_at < $4) AND ($5::uuid IS NULL OR r.department_id = $5)`;
  const params = [
    f.scopePath,
    f.centerId ?? null,
    f.status ?? null,
    f.overdueAt ?? null,
    f.departmentId ?? null,
  ];
  return page<RectificationListRow>(q, {
    select: listSelect,
    countFrom: 'rectifications r JOIN centers c ON c.id = r.center_id',
    where,
    params,
    orderBy: 'r.created_at DESC, r.id',
    limit: f.limit,
    offset: f.offset,
  });
}

export async function saveRectification(q: Queryable, r: RectificationRow, now: Date): Promise<void> {
  await q.query(
    `UPDATE rectifications SET status = $2, step_entered_at = $3, step_due_at = $4, overdue_flagged_at = $5,
       decision = $6, extension = $7, requested_extension_days = $8, extension_days = $9, return_visit_note = $10,
       decision_text = $11, feedback = $12, appeal_opinion = $13, applicant_rating = $14, closed_at = $15,
       event_count = $16, overdue_steps = $17, updated_at = $18
     WHERE id = $1`,
    [
      r.id,
      r.status,
      r.step_entered_at,
      r.step_due_at,
      r.overdue_flagged_at,
      r.decision,
      r.extension,
      r.requested_extension_days,
      r.extension_days,
      r.return_visit_note,
      r.decision_text,
      r.feedback,
      r.appeal_opinion,
      r.applicant_rating,
      r.closed_at,
      r.event_count,
      r.overdue_steps,
      now,
    ],
  );
}

export interface RectificationEventRow {
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_name: string;
  note: string;
  at: Date;
}

export async function insertRectificationEvent(
  q: Queryable,
  e: {
    rectification_id: string;
    center_id: string;
    seq: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: string | null;
    actor_name: string;
    note: string;
    payload: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO rectification_events (rectification_id, center_id, seq, action, from_status, to_status, actor_id,
       actor_name, note, payload, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      e.rectification_id,
      e.center_id,
      e.seq,
      e.action,
      e.from_status,
      e.to_status,
      e.actor_id,
      e.actor_name,
      e.note,
      JSON.stringify(e.payload),
      e.at,
    ],
  );
}

export const listRectificationEvents = (q: Queryable, id: string) =>
  q.query<RectificationEventRow>(
    'SELECT seq, action, from_status, to_status, actor_name, note, at FROM rectification_events WHERE rectification_id = $1 ORDER BY seq',
    [id],
  );

/** Open records whose current step is past due and not yet flagged, oldest due first, locked. */
export const claimOverdue = (q: Queryable, now: Date, limit: number) =>
  q.query<RectificationRow>(
    `SELECT * FROM rectifications WHERE step_due_at IS NOT NULL AND overdue_flagged_at IS NULL AND step_due_at < $1
     ORDER BY step_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );

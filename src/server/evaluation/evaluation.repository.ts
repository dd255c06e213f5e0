import { civilDateOfInstant } from '../../domain/calendar/civil-time';
import type { EvaluationChannel, EvaluationRound, SatisfactionLevel } from '../../domain/evaluation';
import { type Queryable, page } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for invitations, evaluations and evaluator devices. Scope is a center path prefix. */

export interface InvitationRow {
  id: string;
  center_id: string;
  token: string;
  case_id: string | null;
  ticket_id: string | null;
  subject_label: string;
  window_id: string | null;
  staff_id: string | null;
  department_id: string | null;
  item_id: string | null;
  item_name: string;
  applicant_id: string | null;
  applicant_name: string;
  applicant_phone: string;
  ended_at: Date;
  expires_at: Date;
  default_due_at: Date | null;
  first_evaluated_at: Date | null;
  dismissed_at: Date | null;
  created_at: Date;
}
export type NewInvitation = Omit<InvitationRow, 'id' | 'first_evaluated_at' | 'dismissed_at'>;

/** A case as far as evaluation needs it (read-only: the case feature owns the table). */
export interface CaseSource {
  id: string;
  center_id: string;
  path: string;
  number: string;
  status: string;
  item_id: string;
  item_name: string;
  department_id: string;
  window_id: string | null;
  staff_id: string | null;
  applicant_id: string | null;
  applicant_name: string;
  applicant_phone: string;
  concluded_at: Date | null;
  delivered_at: Date | null;
}

/** A hall ticket as far as evaluation needs it (read-only: the hall feature owns the table). */
export interface TicketSource {
  id: string;
  center_id: string;
  display_number: string;
  status: string;
  item_id: string | null;
  item_name: string;
  window_id: string | null;
  staff_id: string | null;
  department_id: string | null;
  case_id: string | null;
  finished_at: Date | null;
}

const caseSelect = `SELECT k.id, k.center_id, c.path, k.number, k.status, k.item_id, k.item_name, k.department_id,
    k.window_id, u.staff_id, k.applicant_id, k.applicant_name, k.applicant_phone, k.concluded_at, k.delivered_at
  FROM cases k JOIN centers c ON c.id = k.center_id LEFT JOIN users u ON u.id = k.received_by`;

export const findCase = (q: Queryable, id: string, scopePath: string | null) =>
  maybeOne<CaseSource>(q, `${caseSelect} WHERE k.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')`, [
    id,
    scopePath,
  ]);

const ticketSelect = `SELECT t.id, t.center_id, t.display_number, t.status, t.item_id,
    coalesce(v.name, g.name, '') AS item_name, t.window_id, t.staff_id, w.department_id, t.case_id, t.finished_at
  FROM tickets t JOIN ticket_categories g ON g.id = t.category_id LEFT JOIN windows w ON w.id = t.window_id
  LEFT JOIN items i ON i.id = t.item_id LEFT JOIN item_versions v ON v.id = i.current_version_id`;

export const findTicket = (q: Queryable, id: string) =>
  maybeOne<TicketSource>(q, `${ticketSelect} WHERE t.id = $1`, [id]);

/** The service that ended last at a window within the prompt window: a finished ticket or a concluded case. */
export async function latestEndedAtWindow(
  q: Queryable,
  windowId: string,
  since: Date,
  now: Date,
): Promise<{ kind: 'ticket' | 'case'; id: string; at: Date } | undefined> {
  const [t] = await q.query<{ id: string; at: Date }>(
    `SELECT t.id, t.finished_at AS at FROM tickets t
     WHERE t.window_id = $1 AND t.business_date >= $3::date AND t.status = 'done'
       AND t.finished_at >= $2 AND t.finished_at <= $4
     ORDER BY t.finished_at DESC LIMIT 1`,
    [windowId, since, civilDateOfInstant(since.getTime()), now],
  );
  const [k] = await q.query<{ id: string; at: Date }>(
    `SELECT k.id, k.concluded_at AS at FROM cases k
     WHERE k.concluded_at >= $2 AND k.concluded_at <= $3 AND k.window_id = $1
       AND k.status IN ('concluded', 'delivered', 'closed')
     ORDER BY k.concluded_at DESC LIMIT 1`,
    [windowId, since, now],
  );
  if (t && (!k || t.at >= k.at)) return { kind: 'ticket', id: t.id, at: t.at };
  if (k) return { kind: 'case', id: k.id, at: k.at };
  return undefined;
}

/** Cases concluded in (after, until] without an invitation yet, oldest first: the invitation sweep walks them. */
export const casesConcludedBetween = (q: Queryable, after: Date, until: Date, limit: number) =>
  q.query<{ id: string; concluded_at: Date }>(
    `SELECT k.id, k.concluded_at FROM cases k WHERE k.concluded_at > $1 AND k.concluded_at <= $2
       AND k.status IN ('concluded', 'delivered', 'closed')
       AND NOT EXISTS (SELECT 1 FROM evaluation_invitations i WHERE i.case_id = k.id)
     ORDER BY k.concluded_at LIMIT $3`,
    [after, until, limit],
  );

export async function insertInvitation(q: Queryable, i: NewInvitation): Promise<InvitationRow | undefined> {
  const [row] = await q.query<InvitationRow>(
    `INSERT INTO evaluation_invitations (center_id, token, case_id, ticket_id, subject_label, window_id, staff_id,
       department_id, item_id, item_name, applicant_id, applicant_name, applicant_phone, ended_at, expires_at,
       default_due_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT DO NOTHING RETURNING *`,
    [
      i.center_id,
      i.token,
      i.case_id,
      i.ticket_id,
      i.subject_label,
      i.window_id,
      i.staff_id,
      i.department_id,
      i.item_id,
      i.item_name,
      i.applicant_id,
      i.applicant_name,
      i.applicant_phone,
      i.ended_at,
      i.expires_at,
      i.default_due_at,
      i.created_at,
    ],
  );
  return row;
}

export const findInvitationByToken = (q: Queryable, token: string, lock = false) =>
  maybeOne<InvitationRow>(
    q,
    `SELECT * FROM evaluation_invitations WHERE token = $1${lock ? ' FOR UPDATE' : ''}`,
    [token],
  );

/**
 * The invitation a submission is for, locked, with the rounds already given — one round trip on the
 * hot path of the window evaluators.
 */
export const findInvitationForSubmit = (q: Queryable, token: string) =>
  maybeOne<InvitationRow & { prior: { round: EvaluationRound; at: string }[] }>(
    q,
    `SELECT i.*, coalesce((SELECT json_agg(json_build_object('round', e.round, 'at', e.created_at))
       FROM evaluations e WHERE e.invitation_id = i.id), '[]') AS prior
     FROM evaluation_invitations i WHERE i.token = $1 FOR UPDATE OF i`,
    [token],
  );

export const findInvitationById = (q: Queryable, id: string, lock = false) =>
  maybeOne<InvitationRow>(
    q,
    `SELECT * FROM evaluation_invitations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );

export const findInvitationBySubject = (q: Queryable, caseId: string | null, ticketId: string | null) =>
  caseId
    ? maybeOne<InvitationRow>(q, 'SELECT * FROM evaluation_invitations WHERE case_id = $1', [caseId])
    : maybeOne<InvitationRow>(
        q,
        'SELECT * FROM evaluation_invitations WHERE ticket_id = $1 AND case_id IS NULL',
        [ticketId],
      );

/** The tablet's "skip": the invitation is not asked about again at the window (the link stays valid). */
export async function dismissInvitation(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE evaluation_invitations SET dismissed_at = coalesce(dismissed_at, $2) WHERE id = $1', [
    id,
    at,
  ]);
}

/** Invitations whose default rating is due, oldest first, locked so two sweeps never rate one twice. */
export const claimDefaultsDue = (q: Queryable, now: Date, limit: number) =>
  q.query<InvitationRow>(
    `SELECT * FROM evaluation_invitations WHERE first_evaluated_at IS NULL AND default_due_at IS NOT NULL
       AND default_due_at <= $1 ORDER BY default_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );

export interface EvaluationRow {
  id: string;
  center_id: string;
  invitation_id: string;
  case_id: string | null;
  ticket_id: string | null;
  round: EvaluationRound;
  level: SatisfactionLevel;
  indicators: Record<string, SatisfactionLevel>;
  tags: string[];
  comment: string;
  channel: EvaluationChannel;
  is_default: boolean;
  excluded: boolean;
  excluded_reason: string | null;
  window_id: string | null;
  staff_id: string | null;
  department_id: string | null;
  item_id: string | null;
  applicant_id: string | null;
  evaluator_name: string;
  evaluator_phone: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  month: string;
  created_at: Date;
}
export type NewEvaluation = Omit<EvaluationRow, 'id' | 'excluded' | 'excluded_reason'>;

/** The columns of an evaluation row, `month` as 'YYYY-MM'. */
export const evalCols = (a = ''): string =>
  `${'id, center_id, invitation_id, case_id, ticket_id, round, level, indicators, tags, comment, channel, is_default, excluded, excluded_reason, window_id, staff_id, department_id, item_id, applicant_id, evaluator_name, evaluator_phone, recorded_by, recorded_by_name, created_at'
    .split(', ')
    .map((c) => a + c)
    .join(', ')}, to_char(${a}month, 'YYYY-MM') AS month`;

export const priorRounds = (q: Queryable, invitationId: string) =>
  q.query<{ round: EvaluationRound; at: Date }>(
    'SELECT round, created_at AS at FROM evaluations WHERE invitation_id = $1 ORDER BY created_at',
    [invitationId],
  );

/**
 * Insert an evaluation, its rollup delta (+1 at its level) and, for a first evaluation, the mark on
 * its invitation — one statement, so the hot path costs one round trip.
 */
export async function insertEvaluation(q: Queryable, e: NewEvaluation): Promise<EvaluationRow> {
  const [row] = await q.query<EvaluationRow>(
    `WITH ev AS (
       INSERT INTO evaluations (center_id, invitation_id, case_id, ticket_id, round, level, indicators, tags, comment,
         channel, is_default, window_id, staff_id, department_id, item_id, applicant_id, evaluator_name,
         evaluator_phone, recorded_by, recorded_by_name, month, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       RETURNING *),
     delta AS (
       INSERT INTO evaluation_rollup_deltas (center_id, month, window_id, staff_id, department_id, item_id, channel,
         is_default, bucket, delta)
       SELECT center_id, month, window_id, staff_id, department_id, item_id, channel, is_default, level, 1 FROM ev),
     mark AS (
       UPDATE evaluation_invitations SET first_evaluated_at = coalesce(first_evaluated_at, $22)
       WHERE id = $2 AND $5 = 'first')
     SELECT ${evalCols()} FROM ev`,
    [
      e.center_id,
      e.invitation_id,
      e.case_id,
      e.ticket_id,
      e.round,
      e.level,
      JSON.stringify(e.indicators),
      e.tags,
      e.comment,
      e.channel,
      e.is_default,
      e.window_id,
      e.staff_id,
      e.department_id,
      e.item_id,
      e.applicant_id,
      e.evaluator_name,
      e.evaluator_phone,
      e.recorded_by,
      e.recorded_by_name,
      `${e.month}-01`,
      e.created_at,
    ],
  );
  return row!;
}

export const findEvaluation = (q: Queryable, id: string, lock = false) =>
  maybeOne<EvaluationRow>(
    q,
    `SELECT ${evalCols()} FROM evaluations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );

export async function excludeEvaluation(q: Queryable, id: string, reason: string): Promise<void> {
  await q.query('UPDATE evaluations SET excluded = true, excluded_reason = $2 WHERE id = $1', [id, reason]);
}

/** One rollup delta (see the migration): a new evaluation +1 at its level; an exclusion moves it. */
export async function insertDeltas(
  q: Queryable,
  e: Pick<
    EvaluationRow,
    'center_id' | 'month' | 'window_id' | 'staff_id' | 'department_id' | 'item_id' | 'channel' | 'is_default'
  >,
  deltas: readonly { bucket: SatisfactionLevel | 'excluded'; delta: number }[],
): Promise<void> {
  await q.query(
    `INSERT INTO evaluation_rollup_deltas (center_id, month, window_id, staff_id, department_id, item_id, channel,
       is_default, bucket, delta)
     SELECT $1, $2::date, $3, $4, $5, $6, $7, $8, d.bucket, d.delta
     FROM jsonb_to_recordset($9::jsonb) AS d(bucket text, delta integer)`,
    [
      e.center_id,
      `${e.month}-01`,
      e.window_id,
      e.staff_id,
      e.department_id,
      e.item_id,
      e.channel,
      e.is_default,
      JSON.stringify(deltas),
    ],
  );
}

export interface EvaluationListRow extends EvaluationRow {
  subject_label: string;
  item_name: string;
  window_number: string | null;
  staff_name: string | null;
  department_name: string | null;
}

export const evaluationListSelect = `SELECT ${evalCols('e.')}, i.subject_label, i.item_name,
    w.number AS window_number, s.name AS staff_name, d.name AS department_name
  FROM evaluations e JOIN centers c ON c.id = e.center_id JOIN evaluation_invitations i ON i.id = e.invitation_id
  LEFT JOIN windows w ON w.id = e.window_id LEFT JOIN staff s ON s.id = e.staff_id
  LEFT JOIN departments d ON d.id = e.department_id`;

export async function listEvaluations(
  q: Queryable,
  f: {
    scopePath: string;
    centerId?: string | undefined;
    month?: string | undefined;
    bad?: boolean | undefined;
    staffId?: string | undefined;
    windowId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: EvaluationListRow[]; total: number }> {
  const where = `c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR e.center_id = $2)
    AND ($3::date IS NULL OR e.month = $3) AND ($4::boolean IS NULL OR (e.level IN ('dissatisfied', 'very_dissatisfied')) = $4)
    AND ($5::uuid IS NULL OR e.staff_id = $5) AND ($6::uuid IS NULL OR e.window_id = $6)`;
  const params = [
    f.scopePath,
    f.centerId ?? null,
    f.month ? `${f.month}-01` : null,
    f.bad ?? null,
    f.staffId ?? null,
    f.windowId ?? null,
  ];
  return page<EvaluationListRow>(q, {
    select: evaluationListSelect,
    countFrom: 'evaluations e JOIN centers c ON c.id = e.center_id',
    where,
    params,
    orderBy: 'e.created_at DESC, e.id',
    limit: f.limit,
    offset: f.offset,
  });
}

export const evaluationsOfInvitation = (q: Queryable, invitationId: string) =>
  q.query<EvaluationRow>(
    `SELECT ${evalCols()} FROM evaluations WHERE invitation_id = $1 ORDER BY created_at`,
    [invitationId],
  );

// ── devices ────────────────────────────────────────────────────────────────────

export interface DeviceRow {
  id: string;
  center_id: string;
  window_id: string;
  device_key: string;
  active: boolean;
  last_seen_at: Date | null;
}

export const findDeviceByKey = (q: Queryable, key: string) =>
  maybeOne<DeviceRow>(q, 'SELECT * FROM evaluation_devices WHERE device_key = $1 AND active', [key]);

export async function touchDevice(q: Queryable, id: string, now: Date): Promise<void> {
  // At most once a minute: a tablet polls every few seconds and the row need not churn.
  await q.query(
    `UPDATE evaluation_devices SET last_seen_at = $2 WHERE id = $1
       AND (last_seen_at IS NULL OR last_seen_at < $2::timestamptz - interval '1 minute')`,
    [id, now],
  );
}

export const listDeviceBindings = (q: Queryable, scopePath: string, centerId: string | null) =>
  q.query<{
    window_id: string;
    window_number: string;
    window_name: string;
    device_key: string | null;
    active: boolean | null;
    last_seen_at: Date | null;
  }>(
    `SELECT w.id AS window_id, w.number AS window_number, w.name AS window_name, v.device_key, v.active, v.last_seen_at
     FROM windows w JOIN centers c ON c.id = w.center_id LEFT JOIN evaluation_devices v ON v.window_id = w.id
     WHERE c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR w.center_id = $2) AND w.active
     ORDER BY c.path, length(w.number), w.number`,
    [scopePath, centerId],
  );

export async function upsertDevice(q: Queryable, centerId: string, windowId: string, key: string, now: Date) {
  await q.query(
    `INSERT INTO evaluation_devices (center_id, window_id, device_key, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (window_id) DO UPDATE SET device_key = EXCLUDED.device_key, active = true, last_seen_at = NULL`,
    [centerId, windowId, key, now],
  );
}

export async function deactivateDevice(q: Queryable, windowId: string): Promise<void> {
  await q.query('UPDATE evaluation_devices SET active = false WHERE window_id = $1', [windowId]);
}

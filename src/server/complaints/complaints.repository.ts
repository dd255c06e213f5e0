import type {
  ComplaintAssessment,
  ComplaintChannel,
  ComplaintKind,
  ComplaintStatus,
} from '../../domain/evaluation';
import { type Queryable, page } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for complaints, reports, praise and suggestions. */

export interface ComplaintRow {
  id: string;
  center_id: string;
  number: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  status: ComplaintStatus;
  title: string;
  content: string;
  target_window_id: string | null;
  target_staff_id: string | null;
  target_department_id: string | null;
  target_item_id: string | null;
  anonymous: boolean;
  contact_name: string;
  contact_phone: string;
  tracking_token: string;
  received_by_name: string | null;
  received_at: Date;
  assigned_department_id: string | null;
  assigned_at: Date | null;
  reply_due_at: Date | null;
  reply: string | null;
  replied_at: Date | null;
  replied_by_name: string | null;
  assessment: ComplaintAssessment | null;
  assessed_at: Date | null;
  closed_at: Date | null;
  /** numeric: text from node-postgres, a number from PGlite. */
  bonus_points: number | string;
  event_count: number;
}

export interface ComplaintListRow extends ComplaintRow {
  target_window_number: string | null;
  target_staff_name: string | null;
  target_department_name: string | null;
  target_item_name: string | null;
  assigned_department_name: string | null;
}

const select = `SELECT k.*, w.number AS target_window_number,
    s.name AS target_staff_name, d.name AS target_department_name, v.name AS target_item_name,
    a.name AS assigned_department_name
  FROM complaints k JOIN centers c ON c.id = k.center_id
  LEFT JOIN windows w ON w.id = k.target_window_id LEFT JOIN staff s ON s.id = k.target_staff_id
  LEFT JOIN departments d ON d.id = k.target_department_id LEFT JOIN items i ON i.id = k.target_item_id
  LEFT JOIN item_versions v ON v.id = i.current_version_id LEFT JOIN departments a ON a.id = k.assigned_department_id`;

export async function nextNumber(q: Queryable, centerId: string, scope: string): Promise<number> {
  const [r] = await q.query<{ last: number }>(
    `INSERT INTO complaint_counters (center_id, scope, last) VALUES ($1, $2, 1)
     ON CONFLICT (center_id, scope) DO UPDATE SET last = complaint_counters.last + 1 RETURNING last`,
    [centerId, scope],
  );
  return r!.last;
}

export type NewComplaint = Pick<
  ComplaintRow,
  | 'center_id'
  | 'number'
  | 'kind'
  | 'channel'
  | 'title'
  | 'content'
  | 'target_window_id'
  | 'target_staff_id'
  | 'target_department_id'
  | 'target_item_id'
  | 'anonymous'
  | 'contact_name'
  | 'contact_phone'
  | 'tracking_token'
  | 'received_by_name'
  | 'received_at'
  | 'reply_due_at'
>;

export async function insertComplaint(q: Queryable, c: NewComplaint): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO complaints (center_id, number, kind, channel, status, title, content, target_window_id,
       target_staff_id, target_department_id, target_item_id, anonymous, contact_name, contact_phone, tracking_token,
       received_by_name, received_at, reply_due_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'received', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $16, $16)
     RETURNING id`,
    [
      c.center_id,
      c.number,
      c.kind,
      c.channel,
      c.title,
      c.content,
      c.target_window_id,
      c.target_staff_id,
      c.target_department_id,
      c.target_item_id,
      c.anonymous,
      c.contact_name,
      c.contact_phone,
      c.tracking_token,
      c.received_by_name,
      c.received_at,
      c.reply_due_at,
    ],
  );
  return r!.id;
}

export async function insertAttachments(
  q: Queryable,
  complaintId: string,
  centerId: string,
  files: readonly { name: string; mime: string; data: Buffer }[],
  now: Date,
): Promise<void> {
  for (const f of files) {
    await q.query(
      `INSERT INTO complaint_attachments (complaint_id, center_id, name, mime, size, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [complaintId, centerId, f.name, f.mime, f.data.length, f.data, now],
    );
  }
}

export const listAttachments = (q: Queryable, complaintId: string) =>
  q.query<{ id: string; name: string; mime: string; size: number }>(
    'SELECT id, name, mime, size FROM complaint_attachments WHERE complaint_id = $1 ORDER BY created_at, id',
    [complaintId],
  );

export const findAttachment = (q: Queryable, complaintId: string, id: string) =>
  maybeOne<{ name: string; mime: string; data: Uint8Array }>(
    q,
    'SELECT name, mime, data FROM complaint_attachments WHERE complaint_id = $1 AND id = $2',
    [complaintId, id],
  );

export const findComplaint = (q: Queryable, scopePath: string, id: string, lock = false) =>
  maybeOne<ComplaintListRow>(
    q,
    `${select} WHERE k.id = $1 AND c.path LIKE $2 || '%'${lock ? ' FOR UPDATE OF k' : ''}`,
    [id, scopePath],
  );

export const findByToken = (q: Queryable, token: string, lock = false) =>
  maybeOne<ComplaintListRow>(q, `${select} WHERE k.tracking_token = $1${lock ? ' FOR UPDATE OF k' : ''}`, [
    token,
  ]);

export async function listComplaints(
  q: Queryable,
  f: {
    scopePath: string;
    centerId?: string | undefined;
    status?: string | undefined;
    kind?: string | undefined;
    departmentId?: string | null | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ComplaintListRow[]; total: number }> {
  const where = `c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR k.center_id = $2) AND ($3::text IS NULL OR k.status = $3)
    AND ($4::text IS NULL OR k.kind = $4) AND ($5::uuid IS NULL OR k.assigned_department_id = $5)`;
  const params = [f.scopePath, f.centerId ?? null, f.status ?? null, f.kind ?? null, f.departmentId ?? null];
  return page<ComplaintListRow>(q, {
    select: select,
    countFrom: 'complaints k JOIN centers c ON c.id = k.center_id',
    where,
    params,
    orderBy: 'k.received_at DESC, k.id',
    limit: f.limit,
    offset: f.offset,
  });
}

export async function saveComplaint(q: Queryable, k: ComplaintRow, now: Date): Promise<void> {
  await q.query(
    `UPDATE complaints SET status = $2, assigned_department_id = $3, assigned_at = $4, reply_due_at = $5, reply = $6,
       replied_at = $7, replied_by_name = $8, assessment = $9, assessed_at = $10, closed_at = $11, bonus_points = $12,
       event_count = $13, updated_at = $14 WHERE id = $1`,
    [
      k.id,
      k.status,
      k.assigned_department_id,
      k.assigned_at,
      k.reply_due_at,
      k.reply,
      k.replied_at,
      k.replied_by_name,
      k.assessment,
      k.assessed_at,
      k.closed_at,
      k.bonus_points,
      k.event_count,
      now,
    ],
  );
}

export async function insertEvent(
  q: Queryable,
  e: {
    complaint_id: string;
    center_id: string;
    seq: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_name: string;
    note: string;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO complaint_events (complaint_id, center_id, seq, action, from_status, to_status, actor_name, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.complaint_id, e.center_id, e.seq, e.action, e.from_status, e.to_status, e.actor_name, e.note, e.at],
  );
}

export const listEvents = (q: Queryable, id: string) =>
  q.query<{ action: string; to_status: string; actor_name: string; note: string; at: Date }>(
    'SELECT action, to_status, actor_name, note, at FROM complaint_events WHERE complaint_id = $1 ORDER BY seq',
    [id],
  );

/** The figures of 办复率 for items received in [from, to), as of `asOf` (see `replyRates`). */
export async function replyFigures(q: Queryable, scopePath: string, from: Date, to: Date, asOf: Date) {
  const [r] = await q.query<{
    received: number;
    replied: number;
    replied_on_time: number;
    open_overdue: number;
    assessments: number;
    satisfied: number;
  }>(
    `SELECT count(*)::int AS received,
       count(*) FILTER (WHERE k.replied_at IS NOT NULL)::int AS replied,
       count(*) FILTER (WHERE k.replied_at IS NOT NULL AND k.replied_at <= k.reply_due_at)::int AS replied_on_time,
       count(*) FILTER (WHERE k.replied_at IS NULL AND k.reply_due_at < $4)::int AS open_overdue,
       count(*) FILTER (WHERE k.assessment IS NOT NULL)::int AS assessments,
       count(*) FILTER (WHERE k.assessment IN ('satisfied', 'basic'))::int AS satisfied
     FROM complaints k JOIN centers c ON c.id = k.center_id
     WHERE c.path LIKE $1 || '%' AND k.received_at >= $2 AND k.received_at < $3 AND k.kind <> 'praise'`,
    [scopePath, from, to, asOf],
  );
  const kinds = await q.query<{ kind: string; n: number }>(
    `SELECT k.kind, count(*)::int AS n FROM complaints k JOIN centers c ON c.id = k.center_id
     WHERE c.path LIKE $1 || '%' AND k.received_at >= $2 AND k.received_at < $3 GROUP BY k.kind`,
    [scopePath, from, to],
  );
  return { ...r!, byKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])) };
}

/**
 * Praise bonuses of a month per staff member and window (表扬 加分), for the monthly assessment
 * (考核): praise acknowledged in [from, to). Public API of this feature.
 */
export const praiseBonuses = (q: Queryable, centerId: string, from: Date, to: Date) =>
  q.query<{
    staff_id: string | null;
    window_id: string | null;
    department_id: string | null;
    points: number;
    count: number;
  }>(
    `SELECT target_staff_id AS staff_id, target_window_id AS window_id, target_department_id AS department_id,
       sum(bonus_points)::float8 AS points, count(*)::int AS count
     FROM complaints WHERE center_id = $1 AND kind = 'praise' AND status = 'closed' AND closed_at >= $2 AND closed_at < $3
     GROUP BY target_staff_id, target_window_id, target_department_id`,
    [centerId, from, to],
  );

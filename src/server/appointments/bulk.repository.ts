import type { BulkBlock } from '../../shared/contracts/appointments';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for enterprise bulk requests (批量办证) and their rosters. */

export interface BulkRow {
  id: string;
  center_id: string;
  number: string;
  credit_code: string;
  enterprise_name: string;
  contact_name: string;
  phone: string;
  item_id: string;
  item_name: string;
  count: number;
  note: string;
  status: 'requested' | 'confirmed' | 'received' | 'cancelled';
  room_window_id: string | null;
  room_name: string | null;
  blocks: BulkBlock[] | null;
  user_id: string | null;
  created_at: Date;
  confirmed_by_name: string | null;
  roster_rows: number;
  received_rows: number;
}
const select = `SELECT b.*, v.name AS item_name, w.name AS room_name,
    (SELECT count(*)::int FROM bulk_roster_rows r WHERE r.request_id = b.id) AS roster_rows,
    (SELECT count(*)::int FROM bulk_roster_rows r WHERE r.request_id = b.id AND r.case_id IS NOT NULL) AS received_rows
  FROM bulk_requests b JOIN items i ON i.id = b.item_id
  JOIN LATERAL (SELECT name FROM item_versions x WHERE x.item_id = i.id
                ORDER BY (x.id = i.current_version_id) DESC, x.version_no DESC LIMIT 1) v ON true
  LEFT JOIN windows w ON w.id = b.room_window_id JOIN centers c ON c.id = b.center_id`;

/** A request within a staff scope (path), or of an enterprise (credit code) when `creditCode` is given. */
export const findBulk = (
  q: Queryable,
  id: string,
  scope: { path?: string; creditCode?: string },
  lock = false,
) =>
  maybeOne<BulkRow>(
    q,
    `${select} WHERE b.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%') AND ($3::text IS NULL OR b.credit_code = $3)
     ${lock ? 'FOR UPDATE OF b' : ''}`,
    [id, scope.path ?? null, scope.creditCode ?? null],
  );

export const listBulk = (q: Queryable, f: { centerId?: string; creditCode?: string }) =>
  q.query<BulkRow>(
    `${select} WHERE ($1::uuid IS NULL OR b.center_id = $1) AND ($2::text IS NULL OR b.credit_code = $2)
     ORDER BY b.created_at DESC LIMIT 200`,
    [f.centerId ?? null, f.creditCode ?? null],
  );

/** The next number of the day in a center (BULK-20260302-01); the center row is locked meanwhile. */
export async function nextBulkNumber(
  q: Queryable,
  centerId: string,
  day: string,
  from: Date,
  to: Date,
): Promise<string> {
  await q.query('SELECT id FROM centers WHERE id = $1 FOR UPDATE', [centerId]);
  const [r] = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM bulk_requests WHERE center_id = $1 AND created_at >= $2 AND created_at < $3',
    [centerId, from, to],
  );
  return `PL-${day.replaceAll('-', '')}-${String((r?.n ?? 0) + 1).padStart(2, '0')}`;
}

export async function insertBulk(
  q: Queryable,
  b: {
    centerId: string;
    number: string;
    creditCode: string;
    enterpriseName: string;
    contactName: string;
    phone: string;
    itemId: string;
    count: number;
    note: string;
    userId: string | null;
    now: Date;
  },
): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO bulk_requests (center_id, number, credit_code, enterprise_name, contact_name, phone, item_id, count, note,
       status, user_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'requested', $10, $11, $11)
     RETURNING id`,
    [
      b.centerId,
      b.number,
      b.creditCode,
      b.enterpriseName,
      b.contactName,
      b.phone,
      b.itemId,
      b.count,
      b.note,
      b.userId,
      b.now,
    ],
  );
  return r!.id;
}

export const confirmBulk = (
  q: Queryable,
  id: string,
  c: { roomWindowId: string; blocks: BulkBlock[]; by: string; now: Date },
) =>
  q.query(
    `UPDATE bulk_requests SET status = 'confirmed', room_window_id = $2, blocks = $3, confirmed_by_name = $4,
       confirmed_at = $5, updated_at = $5 WHERE id = $1`,
    [id, c.roomWindowId, JSON.stringify(c.blocks), c.by, c.now],
  );

export const setBulkStatus = (q: Queryable, id: string, status: BulkRow['status'], now: Date) =>
  q.query(
    `UPDATE bulk_requests SET status = $2, updated_at = $3,
       received_at = CASE WHEN $2 = 'received' THEN $3 ELSE received_at END,
       cancelled_at = CASE WHEN $2 = 'cancelled' THEN $3 ELSE cancelled_at END WHERE id = $1`,
    [id, status, now],
  );

export interface RosterRow {
  row_no: number;
  name: string;
  id_number: string;
  phone: string;
  subject: string;
  planned_date: string;
  case_id: string | null;
  case_number: string | null;
}
export const listRoster = (q: Queryable, requestId: string) =>
  q.query<RosterRow>(
    `SELECT r.row_no, r.name, r.id_number, r.phone, r.subject, r.planned_date, r.case_id, c.number AS case_number
     FROM bulk_roster_rows r LEFT JOIN cases c ON c.id = r.case_id WHERE r.request_id = $1 ORDER BY r.row_no`,
    [requestId],
  );

export async function replaceRoster(
  q: Queryable,
  requestId: string,
  centerId: string,
  rows: {
    rowNo: number;
    name: string;
    idNumber: string;
    phone: string;
    subject: string;
    plannedDate: string;
  }[],
  now: Date,
): Promise<void> {
  await q.query('DELETE FROM bulk_roster_rows WHERE request_id = $1', [requestId]);
  await q.query(
    `INSERT INTO bulk_roster_rows (request_id, row_no, center_id, name, id_number, phone, subject, planned_date)
     SELECT $1, x."rowNo", $2, x.name, x."idNumber", x.phone, x.subject, x."plannedDate"::date
     FROM jsonb_to_recordset($3::jsonb) AS x("rowNo" int, name text, "idNumber" text, phone text, subject text, "plannedDate" text)`,
    [requestId, centerId, JSON.stringify(rows)],
  );
  await q.query('UPDATE bulk_requests SET roster_uploaded_at = $2, updated_at = $2 WHERE id = $1', [
    requestId,
    now,
  ]);
}

export const setRowCase = (q: Queryable, requestId: string, rowNo: number, caseId: string) =>
  q.query('UPDATE bulk_roster_rows SET case_id = $3 WHERE request_id = $1 AND row_no = $2', [
    requestId,
    rowNo,
    caseId,
  ]);

/** Visits per hour of a weekday over recent weeks: tickets issued in the center's halls (read only). */
export const ticketLoad = (q: Queryable, centerId: string, from: Date, to: Date) =>
  q.query<{ dow: number; hour: number; n: number }>(
    `SELECT extract(isodow FROM issued_at AT TIME ZONE 'Asia/Shanghai')::int AS dow,
       extract(hour FROM issued_at AT TIME ZONE 'Asia/Shanghai')::int AS hour, count(*)::int AS n
     FROM tickets WHERE center_id = $1 AND issued_at >= $2 AND issued_at < $3 GROUP BY 1, 2`,
    [centerId, from, to],
  );

/** Booked appointments per hour of some days (expected visits on top of walk-ins). */
export const bookedLoad = (q: Queryable, centerId: string, days: string[]) =>
  q.query<{ day: string; hour: number; n: number }>(
    `SELECT day, extract(hour FROM starts_at AT TIME ZONE 'Asia/Shanghai')::int AS hour, count(*)::int AS n
     FROM appointments WHERE center_id = $1 AND day = ANY($2::date[]) AND status IN ('booked', 'checked_in') GROUP BY 1, 2`,
    [centerId, days],
  );

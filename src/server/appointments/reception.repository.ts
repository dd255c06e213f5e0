import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for the leaders' reception timetable and its bookings (企业接待制度). */

export interface TimetableRow {
  id: string;
  center_id: string;
  leader_name: string;
  leader_title: string;
  department_id: string | null;
  department_name: string | null;
  weekday: number;
  start_time: string;
  end_time: string;
  room: string;
  capacity: number;
  active: boolean;
}
const ttSelect = `SELECT t.*, d.name AS department_name FROM reception_timetable t
  LEFT JOIN departments d ON d.id = t.department_id JOIN centers c ON c.id = t.center_id`;

export const listTimetable = (q: Queryable, centerId: string, activeOnly: boolean) =>
  q.query<TimetableRow>(
    `${ttSelect} WHERE t.center_id = $1 AND (NOT $2::boolean OR t.active) ORDER BY t.weekday, t.start_time, t.leader_name`,
    [centerId, activeOnly],
  );

export const findTimetable = (q: Queryable, id: string, scopePath: string | null, lock = false) =>
  maybeOne<TimetableRow>(
    q,
    `${ttSelect} WHERE t.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')${lock ? ' FOR UPDATE OF t' : ''}`,
    [id, scopePath],
  );

type TimetableWrite = Omit<TimetableRow, 'id' | 'department_name'>;

export async function insertTimetable(q: Queryable, t: TimetableWrite, now: Date): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO reception_timetable (center_id, leader_name, leader_title, department_id, weekday, start_time, end_time,
       room, capacity, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [
      t.center_id,
      t.leader_name,
      t.leader_title,
      t.department_id,
      t.weekday,
      t.start_time,
      t.end_time,
      t.room,
      t.capacity,
      t.active,
      now,
    ],
  );
  return r!.id;
}

export const updateTimetable = (q: Queryable, id: string, t: TimetableWrite, now: Date) =>
  q.query(
    `UPDATE reception_timetable SET leader_name = $2, leader_title = $3, department_id = $4, weekday = $5, start_time = $6,
       end_time = $7, room = $8, capacity = $9, active = $10, updated_at = $11 WHERE id = $1`,
    [
      id,
      t.leader_name,
      t.leader_title,
      t.department_id,
      t.weekday,
      t.start_time,
      t.end_time,
      t.room,
      t.capacity,
      t.active,
      now,
    ],
  );

/** Places taken per date of some timetable entries. */
export const takenPlaces = (q: Queryable, ids: string[], from: string, to: string) =>
  q.query<{ timetable_id: string; day: string; n: number }>(
    `SELECT timetable_id, day, count(*)::int AS n FROM reception_bookings
     WHERE timetable_id = ANY($1::uuid[]) AND day BETWEEN $2 AND $3 AND status <> 'cancelled' GROUP BY 1, 2`,
    [ids, from, to],
  );

export interface ReceptionRow {
  id: string;
  center_id: string;
  timetable_id: string;
  leader_name: string;
  leader_title: string;
  start_time: string;
  end_time: string;
  room: string;
  day: string;
  code: string;
  credit_code: string;
  enterprise_name: string;
  contact_name: string;
  phone: string;
  matter: string;
  status: 'booked' | 'held' | 'cancelled';
  record: string | null;
  recorded_by_name: string | null;
  responsible_department_id: string | null;
  responsible_department_name: string | null;
  follow_up_due: string | null;
  follow_up_result: string | null;
  follow_up_done_at: Date | null;
}
const rbSelect = `SELECT b.*, t.leader_name, t.leader_title, t.start_time, t.end_time, t.room,
    d.name AS responsible_department_name
  FROM reception_bookings b JOIN reception_timetable t ON t.id = b.timetable_id
  LEFT JOIN departments d ON d.id = b.responsible_department_id JOIN centers c ON c.id = b.center_id`;

export const findReception = (q: Queryable, id: string, scopePath: string, lock = false) =>
  maybeOne<ReceptionRow>(
    q,
    `${rbSelect} WHERE b.id = $1 AND c.path LIKE $2 || '%'${lock ? ' FOR UPDATE OF b' : ''}`,
    [id, scopePath],
  );

export const listReceptions = (
  q: Queryable,
  f: { centerId: string; from: string | null; to: string | null; overdueOn: string | null },
) =>
  q.query<ReceptionRow>(
    `${rbSelect} WHERE b.center_id = $1 AND ($2::date IS NULL OR b.day >= $2) AND ($3::date IS NULL OR b.day <= $3)
       AND ($4::date IS NULL OR (b.follow_up_due < $4 AND b.follow_up_done_at IS NULL))
     ORDER BY b.day DESC, t.start_time LIMIT 500`,
    [f.centerId, f.from, f.to, f.overdueOn],
  );

export async function insertReception(
  q: Queryable,
  b: {
    centerId: string;
    timetableId: string;
    day: string;
    code: string;
    creditCode: string;
    enterpriseName: string;
    contactName: string;
    phone: string;
    matter: string;
    now: Date;
  },
): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO reception_bookings (center_id, timetable_id, day, code, credit_code, enterprise_name, contact_name, phone,
       matter, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10) RETURNING id`,
    [
      b.centerId,
      b.timetableId,
      b.day,
      b.code,
      b.creditCode,
      b.enterpriseName,
      b.contactName,
      b.phone,
      b.matter,
      b.now,
    ],
  );
  return r!.id;
}

export const recordReception = (
  q: Queryable,
  id: string,
  r: { record: string; by: string; departmentId: string | null; due: string | null; now: Date },
) =>
  q.query(
    `UPDATE reception_bookings SET status = 'held', record = $2, recorded_by_name = $3, held_at = $6,
       responsible_department_id = $4, follow_up_due = $5 WHERE id = $1`,
    [id, r.record, r.by, r.departmentId, r.due, r.now],
  );

export const recordFollowUp = (q: Queryable, id: string, r: { result: string; by: string; now: Date }) =>
  q.query(
    'UPDATE reception_bookings SET follow_up_result = $2, follow_up_by_name = $3, follow_up_done_at = $4 WHERE id = $1',
    [id, r.result, r.by, r.now],
  );

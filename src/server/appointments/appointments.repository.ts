import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for appointment settings, bookings, their counters and events. */

export interface SettingsRow {
  center_id: string;
  policy: Record<string, unknown>;
  bulk_room_window_id: string | null;
}
export const findSettings = (q: Queryable, centerId: string) =>
  maybeOne<SettingsRow>(
    q,
    'SELECT center_id, policy, bulk_room_window_id FROM appointment_settings WHERE center_id = $1',
    [centerId],
  );

export const upsertSettings = (
  q: Queryable,
  s: { centerId: string; policy: unknown; bulkRoomWindowId: string | null; by: string; now: Date },
) =>
  q.query(
    `INSERT INTO appointment_settings (center_id, policy, bulk_room_window_id, updated_by_name, updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (center_id) DO UPDATE SET policy = EXCLUDED.policy, bulk_room_window_id = EXCLUDED.bulk_room_window_id,
       updated_by_name = EXCLUDED.updated_by_name, updated_at = EXCLUDED.updated_at`,
    [s.centerId, JSON.stringify(s.policy), s.bulkRoomWindowId, s.by, s.now],
  );

export interface AppointmentRow {
  id: string;
  center_id: string;
  category_id: string;
  category_name: string;
  hall_id: string;
  hall_name: string;
  code: string;
  id_number: string;
  name: string;
  phone: string;
  day: string;
  starts_at: Date;
  ends_at: Date;
  status: 'booked' | 'checked_in' | 'cancelled' | 'no_show';
  channel: 'portal' | 'staff';
  user_id: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  created_at: Date;
}
const select = `SELECT a.id, a.center_id, a.category_id, k.name AS category_name, k.hall_id, h.name AS hall_name, a.code,
    a.id_number, a.name, a.phone, a.day, a.starts_at, a.ends_at, a.status, a.channel, a.user_id, a.ticket_id,
    t.display_number AS ticket_number, a.created_at
  FROM appointments a JOIN ticket_categories k ON k.id = a.category_id JOIN halls h ON h.id = k.hall_id
  LEFT JOIN tickets t ON t.id = a.ticket_id`;

export const findById = (q: Queryable, id: string, lock = false) =>
  maybeOne<AppointmentRow>(q, `${select} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);

export const findByCode = (q: Queryable, code: string, lock = false) =>
  maybeOne<AppointmentRow>(q, `${select} WHERE a.code = $1${lock ? ' FOR UPDATE OF a' : ''}`, [code]);

/** A person's bookings (ID number and phone must both match), newest first. */
export const listOfPerson = (q: Queryable, idNumber: string, phone: string) =>
  q.query<AppointmentRow>(
    `${select} WHERE a.id_number = $1 AND a.phone = $2 ORDER BY a.starts_at DESC LIMIT 50`,
    [idNumber, phone],
  );

/** Today's open bookings of an ID number in a center, for check-in. */
export const openOfPersonOn = (q: Queryable, centerId: string, idNumber: string, day: string) =>
  q.query<AppointmentRow>(
    `${select} WHERE a.center_id = $1 AND a.id_number = $2 AND a.day = $3 AND a.status = 'booked' ORDER BY a.starts_at`,
    [centerId, idNumber, day],
  );

export const listOfCenter = (
  q: Queryable,
  f: {
    centerId: string;
    day: string | null;
    categoryId: string | null;
    status: string | null;
    text: string | null;
  },
) =>
  q.query<AppointmentRow>(
    `${select} WHERE a.center_id = $1 AND ($2::date IS NULL OR a.day = $2) AND ($3::uuid IS NULL OR a.category_id = $3)
       AND ($4::text IS NULL OR a.status = $4)
       AND ($5::text IS NULL OR a.name LIKE '%' || $5 || '%' OR a.id_number = $5 OR a.code = upper($5) OR a.phone = $5)
     ORDER BY a.starts_at, a.created_at LIMIT 500`,
    [f.centerId, f.day, f.categoryId, f.status, f.text],
  );

/** No-show instants of a person (ID number or phone, 泉州: 同一申请人 身份证号或手机号) since `since`. */
export const noShowsOf = (q: Queryable, centerId: string, idNumber: string, phone: string, since: Date) =>
  q.query<{ no_show_at: Date }>(
    `SELECT no_show_at FROM appointments WHERE center_id = $1 AND status = 'no_show' AND no_show_at >= $4
       AND (id_number = $2 OR phone = $3) ORDER BY no_show_at`,
    [centerId, idNumber, phone, since],
  );

/** People with no-shows since `since` (the blacklist view works out who is barred). */
export const noShowsOfCenter = (q: Queryable, centerId: string, since: Date) =>
  q.query<{ id_number: string; name: string; at: Date[] }>(
    `SELECT id_number, max(name) AS name, array_agg(no_show_at ORDER BY no_show_at) AS at FROM appointments
     WHERE center_id = $1 AND status = 'no_show' AND no_show_at >= $2 GROUP BY id_number`,
    [centerId, since],
  );

/** Places taken per slot of some categories between two instants. */
export const slotCounts = (q: Queryable, categoryIds: string[], from: Date, to: Date) =>
  q.query<{ category_id: string; starts_at: Date; booked: number }>(
    `SELECT category_id, starts_at, booked FROM appointment_slot_counts
     WHERE category_id = ANY($1::uuid[]) AND starts_at >= $2 AND starts_at < $3`,
    [categoryIds, from, to],
  );

/**
 * Take one place of a slot if fewer than `capacity` are taken. The conflicting row is locked and the
 * WHERE re-checked on its latest version, so concurrent bookers of the last place take turns and
 * exactly `capacity` succeed. Returns false when the slot is full.
 */
export async function takePlace(
  q: Queryable,
  s: { categoryId: string; startsAt: Date; centerId: string; capacity: number },
): Promise<boolean> {
  if (s.capacity < 1) return false;
  const rows = await q.query(
    `INSERT INTO appointment_slot_counts (category_id, starts_at, center_id, booked) VALUES ($1, $2, $3, 1)
     ON CONFLICT (category_id, starts_at) DO UPDATE SET booked = appointment_slot_counts.booked + 1
       WHERE appointment_slot_counts.booked < $4
     RETURNING booked`,
    [s.categoryId, s.startsAt, s.centerId, s.capacity],
  );
  return rows.length === 1;
}

export const releasePlace = (q: Queryable, categoryId: string, startsAt: Date) =>
  q.query(
    'UPDATE appointment_slot_counts SET booked = booked - 1 WHERE category_id = $1 AND starts_at = $2 AND booked > 0',
    [categoryId, startsAt],
  );

/** The same conditional increment for "at most N bookings per person per day". */
export async function takePersonDay(
  q: Queryable,
  p: { centerId: string; idNumber: string; day: string; max: number },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO appointment_person_days (center_id, id_number, day, booked) VALUES ($1, $2, $3, 1)
     ON CONFLICT (center_id, id_number, day) DO UPDATE SET booked = appointment_person_days.booked + 1
       WHERE appointment_person_days.booked < $4
     RETURNING booked`,
    [p.centerId, p.idNumber, p.day, p.max],
  );
  return rows.length === 1;
}

export const releasePersonDay = (q: Queryable, centerId: string, idNumber: string, day: string) =>
  q.query(
    `UPDATE appointment_person_days SET booked = booked - 1
     WHERE center_id = $1 AND id_number = $2 AND day = $3 AND booked > 0`,
    [centerId, idNumber, day],
  );

export async function insertAppointment(
  q: Queryable,
  a: {
    centerId: string;
    categoryId: string;
    code: string;
    idNumber: string;
    name: string;
    phone: string;
    day: string;
    startsAt: Date;
    endsAt: Date;
    channel: 'portal' | 'staff';
    userId: string | null;
    now: Date;
  },
): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO appointments (center_id, category_id, code, id_number, name, phone, day, starts_at, ends_at, status,
       channel, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $11, $12) RETURNING id`,
    [
      a.centerId,
      a.categoryId,
      a.code,
      a.idNumber,
      a.name,
      a.phone,
      a.day,
      a.startsAt,
      a.endsAt,
      a.channel,
      a.userId,
      a.now,
    ],
  );
  return r!.id;
}

export const codeTaken = async (q: Queryable, code: string) =>
  (await q.query('SELECT 1 FROM appointments WHERE code = $1', [code])).length > 0;

export const setStatus = (
  q: Queryable,
  id: string,
  s: { status: AppointmentRow['status']; at: Date; reason?: string; ticketId?: string },
) =>
  q.query(
    `UPDATE appointments SET status = $2,
       cancelled_at = CASE WHEN $2 = 'cancelled' THEN $3 ELSE cancelled_at END,
       cancel_reason = CASE WHEN $2 = 'cancelled' THEN $4 ELSE cancel_reason END,
       checked_in_at = CASE WHEN $2 = 'checked_in' THEN $3 ELSE checked_in_at END,
       ticket_id = coalesce($5, ticket_id),
       no_show_at = CASE WHEN $2 = 'no_show' THEN $3 ELSE no_show_at END
     WHERE id = $1`,
    [id, s.status, s.at, s.reason ?? null, s.ticketId ?? null],
  );

export const insertEvent = (
  q: Queryable,
  e: {
    appointmentId: string;
    centerId: string;
    type: string;
    from: string | null;
    to: string;
    actor: string;
    note?: string;
    at: Date;
  },
) =>
  q.query(
    `INSERT INTO appointment_events (appointment_id, center_id, type, from_status, to_status, actor_name, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.appointmentId, e.centerId, e.type, e.from, e.to, e.actor, e.note ?? '', e.at],
  );

/** Bookings whose slot has ended without check-in, oldest first, locked and skipped when busy. */
export const dueNoShows = (q: Queryable, now: Date, limit: number) =>
  q.query<{ id: string; center_id: string; id_number: string; phone: string; name: string; ends_at: Date }>(
    `SELECT id, center_id, id_number, phone, name, ends_at FROM appointments
     WHERE status = 'booked' AND ends_at <= $1 ORDER BY ends_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );

/** Bookings whose reminder is due (slot within `hours`), not yet reminded. */
export const dueReminders = (q: Queryable, now: Date, limit: number, defaultHours: number) =>
  q.query<AppointmentRow>(
    `${select} WHERE a.status = 'booked' AND a.reminded_at IS NULL AND a.starts_at > $1
       AND a.starts_at <= $1 + make_interval(hours => coalesce(
         (SELECT (s.policy->>'reminderHoursBefore')::int FROM appointment_settings s WHERE s.center_id = a.center_id), $3))
     ORDER BY a.starts_at LIMIT $2 FOR UPDATE OF a SKIP LOCKED`,
    [now, limit, defaultHours],
  );

export const markReminded = (q: Queryable, ids: string[], now: Date) =>
  q.query('UPDATE appointments SET reminded_at = $2 WHERE id = ANY($1::uuid[])', [ids, now]);

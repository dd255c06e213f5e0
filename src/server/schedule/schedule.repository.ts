import type { WorkingPeriod } from '../../domain/calendar';
import type { DayKind, HoursMode } from '../../domain/schedule';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/**
 * Thin typed SQL for hours exceptions, the duty roster, absences and AB substitutions. Windows and
 * staff belong to the organisation and the skills matrix to the catalog: read here, never written.
 */

export interface WindowInfo {
  id: string;
  center_id: string;
  number: string;
  name: string;
  kind: 'department' | 'comprehensive';
  hall: string;
  phone: string;
  department_name: string | null;
}
export const listWindows = (q: Queryable, centerId: string) =>
  q.query<WindowInfo>(
    `SELECT w.id, w.center_id, w.number, w.name, w.kind, w.hall, w.phone, d.name AS department_name
     FROM windows w LEFT JOIN departments d ON d.id = w.department_id
     WHERE w.center_id = $1 AND w.active ORDER BY length(w.number), w.number`,
    [centerId],
  );

export interface StaffInfo {
  id: string;
  name: string;
  window_id: string | null;
  backup_of_id: string | null;
  active: boolean;
}
export const listStaff = (q: Queryable, centerId: string) =>
  q.query<StaffInfo>(
    'SELECT id, name, window_id, backup_of_id, active FROM staff WHERE center_id = $1 ORDER BY badge_number',
    [centerId],
  );

export const findStaffInCenter = (q: Queryable, staffId: string, scopePath: string) =>
  maybeOne<StaffInfo & { center_id: string; window_number: string | null }>(
    q,
    `SELECT s.id, s.name, s.window_id, s.backup_of_id, s.active, s.center_id, w.number AS window_number
     FROM staff s JOIN centers c ON c.id = s.center_id LEFT JOIN windows w ON w.id = s.window_id
     WHERE s.id = $1 AND c.path LIKE $2 || '%'`,
    [staffId, scopePath],
  );

// ---- hours rules ---------------------------------------------------------------------------------

export interface HoursRuleRow {
  id: string;
  center_id: string;
  window_id: string;
  window_number: string;
  window_name: string;
  days: DayKind;
  date: string | null;
  valid_from: string | null;
  valid_to: string | null;
  mode: HoursMode;
  periods: WorkingPeriod[];
  note: string;
  created_by_name: string;
}
export const listHoursRules = (q: Queryable, centerId: string) =>
  q.query<HoursRuleRow>(
    `SELECT r.*, w.number AS window_number, w.name AS window_name FROM window_hours_rules r
     JOIN windows w ON w.id = r.window_id WHERE r.center_id = $1
     ORDER BY length(w.number), w.number,
       array_position(ARRAY['every_day', 'workday', 'restday', 'saturday', 'sunday', 'holiday', 'date'], r.days), r.date, r.created_at, r.id`,
    [centerId],
  );

export async function insertHoursRule(
  q: Queryable,
  r: Omit<HoursRuleRow, 'id' | 'window_number' | 'window_name'> & { created_at: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO window_hours_rules (center_id, window_id, days, date, valid_from, valid_to, mode, periods, note,
       created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      r.center_id,
      r.window_id,
      r.days,
      r.date,
      r.valid_from,
      r.valid_to,
      r.mode,
      JSON.stringify(r.periods),
      r.note,
      r.created_by_name,
      r.created_at,
    ],
  );
  return row!.id;
}

export const findHoursRule = (q: Queryable, id: string, scopePath: string) =>
  maybeOne<HoursRuleRow>(
    q,
    `SELECT r.*, w.number AS window_number, w.name AS window_name FROM window_hours_rules r
     JOIN windows w ON w.id = r.window_id JOIN centers c ON c.id = r.center_id
     WHERE r.id = $1 AND c.path LIKE $2 || '%'`,
    [id, scopePath],
  );

export const deleteHoursRule = (q: Queryable, id: string) =>
  q.query('DELETE FROM window_hours_rules WHERE id = $1', [id]);

// ---- roster --------------------------------------------------------------------------------------

export interface RosterRow {
  day: string;
  window_id: string;
  staff_id: string;
}
export const listRoster = (q: Queryable, centerId: string, from: string, to: string) =>
  q.query<RosterRow>(
    'SELECT day, window_id, staff_id FROM duty_roster WHERE center_id = $1 AND day BETWEEN $2 AND $3',
    [centerId, from, to],
  );

export const deleteRoster = (q: Queryable, windowId: string, days: string[]) =>
  q.query('DELETE FROM duty_roster WHERE window_id = $1 AND day = ANY($2::date[])', [windowId, days]);

/** Where these officers are already rostered on these days (another window). */
export const rosterClashes = (q: Queryable, staffIds: string[], days: string[], windowId: string) =>
  q.query<{ staff_id: string; day: string; window_number: string }>(
    `SELECT r.staff_id, r.day, w.number AS window_number FROM duty_roster r JOIN windows w ON w.id = r.window_id
     WHERE r.staff_id = ANY($1::uuid[]) AND r.day = ANY($2::date[]) AND r.window_id <> $3 ORDER BY r.day`,
    [staffIds, days, windowId],
  );

export const insertRoster = (
  q: Queryable,
  r: {
    centerId: string;
    windowId: string;
    days: string[];
    staffIds: string[];
    note: string;
    by: string;
    now: Date;
  },
) =>
  q.query(
    `INSERT INTO duty_roster (center_id, day, window_id, staff_id, note, created_by_name, created_at)
     SELECT $1, d, $2, s, $5, $6, $7 FROM unnest($3::date[]) d CROSS JOIN unnest($4::uuid[]) s`,
    [r.centerId, r.windowId, r.days, r.staffIds, r.note, r.by, r.now],
  );

// ---- absences and substitutions ----------------------------------------------------------------

export interface AbsenceRow {
  id: string;
  center_id: string;
  staff_id: string;
  staff_name: string;
  window_number: string | null;
  kind: 'leave' | 'meeting' | 'training' | 'other';
  from_at: Date;
  to_at: Date;
  note: string;
  created_by_name: string;
  cancelled_at: Date | null;
}
const absenceSelect = `SELECT a.*, s.name AS staff_name, w.number AS window_number FROM staff_absences a
  JOIN staff s ON s.id = a.staff_id LEFT JOIN windows w ON w.id = s.window_id`;

/** Absences of a center overlapping [from, to), cancelled ones only when asked. */
export const listAbsences = (q: Queryable, centerId: string, from: Date, to: Date, withCancelled = false) =>
  q.query<AbsenceRow>(
    `${absenceSelect} WHERE a.center_id = $1 AND a.from_at < $3 AND a.to_at > $2
       AND ($4::boolean OR a.cancelled_at IS NULL) ORDER BY a.from_at, a.id`,
    [centerId, from, to, withCancelled],
  );

export const findAbsence = (q: Queryable, id: string, scopePath: string) =>
  maybeOne<AbsenceRow>(
    q,
    `${absenceSelect} JOIN centers c ON c.id = a.center_id WHERE a.id = $1 AND c.path LIKE $2 || '%'`,
    [id, scopePath],
  );

export async function insertAbsence(
  q: Queryable,
  a: {
    centerId: string;
    staffId: string;
    kind: string;
    from: Date;
    to: Date;
    note: string;
    by: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO staff_absences (center_id, staff_id, kind, from_at, to_at, note, created_by_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.centerId, a.staffId, a.kind, a.from, a.to, a.note, a.by, a.now],
  );
  return row!.id;
}

export const cancelAbsence = (q: Queryable, id: string, now: Date) =>
  q.query('UPDATE staff_absences SET cancelled_at = $2 WHERE id = $1', [id, now]);

export interface SubstitutionRow {
  id: string;
  center_id: string;
  absent_staff_id: string;
  absent_name: string;
  stand_in_staff_id: string;
  stand_in_name: string;
  window_id: string;
  window_number: string;
  absence_id: string | null;
  from_at: Date;
  to_at: Date;
  reason: string;
  created_by_name: string;
  ended_at: Date | null;
}
const substitutionSelect = `SELECT x.*, a.name AS absent_name, b.name AS stand_in_name, w.number AS window_number
  FROM ab_substitutions x JOIN staff a ON a.id = x.absent_staff_id JOIN staff b ON b.id = x.stand_in_staff_id
  JOIN windows w ON w.id = x.window_id`;

/** Substitutions of a center in force at some time in [from, to): an ended one counts until it ended. */
export const listSubstitutions = (q: Queryable, centerId: string, from: Date, to: Date) =>
  q.query<SubstitutionRow>(
    `${substitutionSelect} WHERE x.center_id = $1 AND x.from_at < $3 AND least(x.to_at, coalesce(x.ended_at, x.to_at)) > $2
     ORDER BY x.from_at, x.id`,
    [centerId, from, to],
  );

export const substitutionsOfAbsence = (q: Queryable, absenceId: string) =>
  substitutionsOfAbsences(q, [absenceId]);

/** The B posts recorded with these absences, whenever they fall. */
export const substitutionsOfAbsences = (q: Queryable, absenceIds: readonly string[]) =>
  q.query<SubstitutionRow>(
    `${substitutionSelect} WHERE x.absence_id = ANY($1::uuid[]) ORDER BY x.from_at, x.id`,
    [absenceIds],
  );

export const findSubstitution = (q: Queryable, id: string, scopePath: string) =>
  maybeOne<SubstitutionRow>(
    q,
    `${substitutionSelect} JOIN centers c ON c.id = x.center_id WHERE x.id = $1 AND c.path LIKE $2 || '%'`,
    [id, scopePath],
  );

/** Substitutions in which a person stands in at an instant. */
export const standInsAt = (q: Queryable, staffId: string, at: Date) =>
  q.query<SubstitutionRow>(
    `${substitutionSelect} WHERE x.stand_in_staff_id = $1 AND x.from_at <= $2
       AND least(x.to_at, coalesce(x.ended_at, x.to_at)) > $2 ORDER BY x.from_at`,
    [staffId, at],
  );

export async function insertSubstitution(
  q: Queryable,
  s: {
    centerId: string;
    absentId: string;
    standInId: string;
    windowId: string;
    absenceId: string | null;
    from: Date;
    to: Date;
    reason: string;
    by: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO ab_substitutions (center_id, absent_staff_id, stand_in_staff_id, window_id, absence_id, from_at, to_at,
       reason, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [s.centerId, s.absentId, s.standInId, s.windowId, s.absenceId, s.from, s.to, s.reason, s.by, s.now],
  );
  return row!.id;
}

/** End a substitution now (kept as the record of who stood in and until when). */
export const endSubstitution = (q: Queryable, id: string, now: Date) =>
  q.query('UPDATE ab_substitutions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [id, now]);

// ---- skills (全岗通) -------------------------------------------------------------------------------

/** The skills matrix of a center, all of it or only for some items. */
export const windowItemsOfCenter = (q: Queryable, centerId: string, itemIds: readonly string[] | null) =>
  q.query<{ window_id: string; item_id: string }>(
    'SELECT window_id, item_id FROM item_windows WHERE center_id = $1 AND ($2::uuid[] IS NULL OR item_id = ANY($2::uuid[]))',
    [centerId, itemIds],
  );
export const staffItemsOfCenter = (q: Queryable, centerId: string, itemIds: readonly string[] | null) =>
  q.query<{ staff_id: string; item_id: string }>(
    'SELECT staff_id, item_id FROM item_staff WHERE center_id = $1 AND ($2::uuid[] IS NULL OR item_id = ANY($2::uuid[]))',
    [centerId, itemIds],
  );

// ---- ticket categories (the hall's, read only) -----------------------------------------------------

export interface CategoryInfo {
  id: string;
  center_id: string;
  center_path: string;
  hall_id: string;
  hall_name: string;
  prefix: string;
  name: string;
  description: string;
  active: boolean;
  item_ids: string[];
}
const categoryInfoSelect = `SELECT t.id, t.center_id, c.path AS center_path, t.hall_id, h.name AS hall_name, t.prefix,
    t.name, t.description, t.active,
    coalesce((SELECT array_agg(x.item_id ORDER BY x.item_id) FROM ticket_category_items x WHERE x.category_id = t.id), '{}') AS item_ids
  FROM ticket_categories t JOIN halls h ON h.id = t.hall_id JOIN centers c ON c.id = t.center_id`;

export const findCategoryInfo = (q: Queryable, id: string) =>
  maybeOne<CategoryInfo>(q, `${categoryInfoSelect} WHERE t.id = $1`, [id]);

/** The categories of a hall, active or not, in kiosk order (sort, then prefix). */
export const listHallCategoryInfos = (q: Queryable, hallId: string) =>
  q.query<CategoryInfo>(`${categoryInfoSelect} WHERE t.hall_id = $1 ORDER BY t.sort, t.prefix`, [hallId]);

export const listCategoryInfos = (q: Queryable, centerId: string) =>
  q.query<CategoryInfo>(
    `${categoryInfoSelect} WHERE t.center_id = $1 AND t.active ORDER BY h.name, t.sort, t.prefix`,
    [centerId],
  );

import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/**
 * Thin typed SQL for halls, ticket categories, daily counters and window duty states. Windows, staff
 * and the 全岗通 skills matrix belong to the organisation and the catalog: read here, never written.
 */

export interface HallRow {
  id: string;
  center_id: string;
  center_name: string;
  center_path: string;
  name: string;
  announcement_template: string;
  notice: string;
  max_recalls: number;
  max_requeues: number;
  priority_weights: Record<string, unknown>;
  feed_seq: number;
  window_count: number;
}

const hallSelect = `SELECT h.id, h.center_id, c.name AS center_name, c.path AS center_path, h.name,
    h.announcement_template, h.notice, h.max_recalls, h.max_requeues, h.priority_weights, h.feed_seq,
    (SELECT count(*)::int FROM windows w WHERE w.center_id = h.center_id AND w.hall = h.name AND w.active) AS window_count
  FROM halls h JOIN centers c ON c.id = h.center_id`;

export const listHalls = (q: Queryable, scopePath: string, centerId?: string) =>
  q.query<HallRow>(
    `${hallSelect} WHERE c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR h.center_id = $2) ORDER BY c.path, h.name`,
    [scopePath, centerId ?? null],
  );

/** A hall by id; `scopePath` null for the public screens (kiosk, displays), which need no login. */
export const findHall = (q: Queryable, id: string, scopePath: string | null) =>
  maybeOne<HallRow>(q, `${hallSelect} WHERE h.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')`, [
    id,
    scopePath,
  ]);

export async function insertHall(
  q: Queryable,
  h: {
    centerId: string;
    name: string;
    template: string;
    notice: string;
    maxRecalls: number;
    maxRequeues: number;
    weights: Record<string, number>;
    now: Date;
  },
): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO halls (center_id, name, announcement_template, notice, max_recalls, max_requeues, priority_weights, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [h.centerId, h.name, h.template, h.notice, h.maxRecalls, h.maxRequeues, JSON.stringify(h.weights), h.now],
  );
  return r!.id;
}

export async function updateHall(
  q: Queryable,
  id: string,
  p: {
    template?: string | undefined;
    notice?: string | undefined;
    maxRecalls?: number | undefined;
    maxRequeues?: number | undefined;
    weights?: Record<string, number> | undefined;
  },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE halls SET announcement_template = coalesce($2, announcement_template), notice = coalesce($3, notice),
       max_recalls = coalesce($4, max_recalls), max_requeues = coalesce($5, max_requeues),
       priority_weights = coalesce($6::jsonb, priority_weights), updated_at = $7
     WHERE id = $1`,
    [
      id,
      p.template ?? null,
      p.notice ?? null,
      p.maxRecalls ?? null,
      p.maxRequeues ?? null,
      p.weights ? JSON.stringify(p.weights) : null,
      now,
    ],
  );
}

// ---- categories ---------------------------------------------------------------------------------

export interface CategoryRow {
  id: string;
  center_id: string;
  hall_id: string;
  prefix: string;
  name: string;
  description: string;
  number_from: number;
  number_to: number;
  daily_reset: boolean;
  daily_cap: number;
  expected_service_minutes: number;
  sort: number;
  active: boolean;
  item_ids: string[];
}

const categorySelect = `SELECT t.*, coalesce((SELECT array_agg(x.item_id ORDER BY x.item_id) FROM ticket_category_items x
    WHERE x.category_id = t.id), '{}') AS item_ids FROM ticket_categories t`;

export const listCategories = (q: Queryable, hallId: string) =>
  q.query<CategoryRow>(`${categorySelect} WHERE t.hall_id = $1 ORDER BY t.sort, t.prefix`, [hallId]);

export const findCategory = (q: Queryable, id: string) =>
  maybeOne<CategoryRow>(q, `${categorySelect} WHERE t.id = $1`, [id]);

export interface CategoryFields {
  prefix: string;
  name: string;
  description: string;
  numberFrom: number;
  numberTo: number;
  dailyReset: boolean;
  dailyCap: number;
  expectedServiceMinutes: number;
  sort: number;
  active: boolean;
}

export async function insertCategory(
  q: Queryable,
  c: CategoryFields & { centerId: string; hallId: string; now: Date },
): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO ticket_categories (center_id, hall_id, prefix, name, description, number_from, number_to, daily_reset,
       daily_cap, expected_service_minutes, sort, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
    [
      c.centerId,
      c.hallId,
      c.prefix,
      c.name,
      c.description,
      c.numberFrom,
      c.numberTo,
      c.dailyReset,
      c.dailyCap,
      c.expectedServiceMinutes,
      c.sort,
      c.active,
      c.now,
    ],
  );
  return r!.id;
}

export async function updateCategory(q: Queryable, id: string, c: CategoryFields, now: Date): Promise<void> {
  await q.query(
    `UPDATE ticket_categories SET prefix = $2, name = $3, description = $4, number_from = $5, number_to = $6,
       daily_reset = $7, daily_cap = $8, expected_service_minutes = $9, sort = $10, active = $11, updated_at = $12
     WHERE id = $1`,
    [
      id,
      c.prefix,
      c.name,
      c.description,
      c.numberFrom,
      c.numberTo,
      c.dailyReset,
      c.dailyCap,
      c.expectedServiceMinutes,
      c.sort,
      c.active,
      now,
    ],
  );
}

export async function setCategoryItems(
  q: Queryable,
  categoryId: string,
  centerId: string,
  itemIds: string[],
): Promise<void> {
  await q.query('DELETE FROM ticket_category_items WHERE category_id = $1', [categoryId]);
  await q.query(
    `INSERT INTO ticket_category_items (category_id, item_id, center_id) SELECT $1, i, $2 FROM unnest($3::uuid[]) i`,
    [categoryId, centerId, itemIds],
  );
}

/** Items of a center among `ids` (to check a category binds only its own center's items). */
export const itemsOfCenter = async (q: Queryable, centerId: string, ids: string[]): Promise<string[]> =>
  (
    await q.query<{ id: string }>('SELECT id FROM items WHERE center_id = $1 AND id = ANY($2::uuid[])', [
      centerId,
      ids,
    ])
  ).map((r) => r.id);

/** Item names from the catalog: the version in force, else the latest one. */
export const itemNames = (q: Queryable, ids: string[]) =>
  q.query<{ id: string; name: string }>(
    `SELECT i.id, v.name FROM items i
     JOIN LATERAL (SELECT name FROM item_versions x WHERE x.item_id = i.id
                   ORDER BY (x.id = i.current_version_id) DESC, x.version_no DESC LIMIT 1) v ON true
     WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );

/** Tickets issued today per category of a hall. */
export const issuedToday = (q: Queryable, hallId: string, date: string) =>
  q.query<{ category_id: string; issued: number }>(
    `SELECT k.category_id, k.issued FROM ticket_counters k JOIN ticket_categories t ON t.id = k.category_id
     WHERE t.hall_id = $1 AND k.business_date = $2`,
    [hallId, date],
  );

// ---- counters -----------------------------------------------------------------------------------

/**
 * The day's counter row of a category, locked until the transaction ends, so concurrent issues of
 * one category are serialised (the numbers are consecutive and never repeat). A category without
 * daily reset starts the day after the last number of its previous day.
 */
export async function lockCounter(
  q: Queryable,
  c: { categoryId: string; centerId: string; date: string; dailyReset: boolean },
): Promise<{ issued: number; last_number: number | null }> {
  await q.query(
    `INSERT INTO ticket_counters (category_id, business_date, center_id, issued, last_number)
     VALUES ($1, $2, $3, 0, CASE WHEN $4::boolean THEN NULL ELSE
       (SELECT k.last_number FROM ticket_counters k WHERE k.category_id = $1 AND k.business_date < $2
        ORDER BY k.business_date DESC LIMIT 1) END)
     ON CONFLICT (category_id, business_date) DO NOTHING`,
    [c.categoryId, c.date, c.centerId, c.dailyReset],
  );
  const [row] = await q.query<{ issued: number; last_number: number | null }>(
    'SELECT issued, last_number FROM ticket_counters WHERE category_id = $1 AND business_date = $2 FOR UPDATE',
    [c.categoryId, c.date],
  );
  return row!;
}

export async function advanceCounter(
  q: Queryable,
  categoryId: string,
  date: string,
  number: number,
): Promise<void> {
  await q.query(
    'UPDATE ticket_counters SET issued = issued + 1, last_number = $3 WHERE category_id = $1 AND business_date = $2',
    [categoryId, date, number],
  );
}

// ---- windows and duty states --------------------------------------------------------------------

export interface HallWindowRow {
  id: string;
  center_id: string;
  number: string;
  name: string;
  kind: 'department' | 'comprehensive';
  department_name: string | null;
  status: 'open' | 'paused' | 'closed' | null;
  duty_staff_id: string | null;
  pause_reason: string | null;
  since: Date | null;
  /** The officer assigned to the window (A post first), for eligibility while nobody is on duty. */
  assigned_staff_id: string | null;
  hall_id: string | null;
  center_path: string;
}

const hallWindowSelect = `SELECT w.id, w.center_id, w.number, w.name, w.kind, d.name AS department_name,
    ws.status, ws.staff_id AS duty_staff_id, ws.pause_reason, ws.since,
    (SELECT s.id FROM staff s WHERE s.window_id = w.id AND s.active
      ORDER BY (s.backup_of_id IS NOT NULL), s.badge_number LIMIT 1) AS assigned_staff_id,
    h.id AS hall_id, c.path AS center_path
  FROM windows w JOIN centers c ON c.id = w.center_id LEFT JOIN departments d ON d.id = w.department_id
  LEFT JOIN window_states ws ON ws.window_id = w.id LEFT JOIN halls h ON h.center_id = w.center_id AND h.name = w.hall`;

/** Windows of a hall without their duty state (the cacheable part of the hall state). */
export const listHallWindowsStatic = (q: Queryable, centerId: string, hallName: string) =>
  q.query<Omit<HallWindowRow, 'status' | 'duty_staff_id' | 'pause_reason' | 'since'>>(
    `SELECT w.id, w.center_id, w.number, w.name, w.kind, NULL::text AS department_name,
       (SELECT s.id FROM staff s WHERE s.window_id = w.id AND s.active
         ORDER BY (s.backup_of_id IS NOT NULL), s.badge_number LIMIT 1) AS assigned_staff_id,
       NULL::uuid AS hall_id, '' AS center_path
     FROM windows w WHERE w.center_id = $1 AND w.hall = $2 AND w.active ORDER BY length(w.number), w.number`,
    [centerId, hallName],
  );

export const windowDuty = (q: Queryable, windowIds: string[]) =>
  q.query<{
    window_id: string;
    status: 'open' | 'paused' | 'closed';
    staff_id: string | null;
    pause_reason: string;
    since: Date;
  }>(
    'SELECT window_id, status, staff_id, pause_reason, since FROM window_states WHERE window_id = ANY($1::uuid[])',
    [windowIds],
  );

/**
 * The queue configuration stamp (see the migration): it changes with every edit of categories,
 * windows, staff postings or the skills matrix, in every process at once.
 */
export const configStamp = async (q: Queryable): Promise<string> =>
  (await q.query<{ stamp: string }>('SELECT stamp FROM queue_config_stamp WHERE id = 1'))[0]!.stamp;

/** The whole skills matrix of a center (it is small: items × windows or staff). */
export const centerWindowItems = (q: Queryable, centerId: string) =>
  q.query<{ window_id: string; item_id: string }>(
    'SELECT window_id, item_id FROM item_windows WHERE center_id = $1',
    [centerId],
  );
export const centerStaffItems = (q: Queryable, centerId: string) =>
  q.query<{ staff_id: string; item_id: string }>(
    'SELECT staff_id, item_id FROM item_staff WHERE center_id = $1',
    [centerId],
  );

export const listHallWindows = (q: Queryable, centerId: string, hallName: string) =>
  q.query<HallWindowRow>(
    `${hallWindowSelect} WHERE w.center_id = $1 AND w.hall = $2 AND w.active ORDER BY length(w.number), w.number`,
    [centerId, hallName],
  );

/** A window with its hall (by the window's `hall` name), within the actor's scope (null: public). */
export const findWindowWithHall = (q: Queryable, windowId: string, scopePath: string | null) =>
  maybeOne<HallWindowRow>(
    q,
    `${hallWindowSelect} WHERE w.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')`,
    [windowId, scopePath],
  );

/** Lock a window's duty row (created closed on first use) so operations on one window are serialised. */
export async function lockWindowState(q: Queryable, windowId: string, centerId: string, now: Date) {
  await q.query(
    `INSERT INTO window_states (window_id, center_id, status, staff_id, since) VALUES ($1, $2, 'closed', NULL, $3)
     ON CONFLICT (window_id) DO NOTHING`,
    [windowId, centerId, now],
  );
  const [row] = await q.query<{ status: 'open' | 'paused' | 'closed'; staff_id: string | null }>(
    'SELECT status, staff_id FROM window_states WHERE window_id = $1 FOR UPDATE',
    [windowId],
  );
  return row!;
}

export async function setWindowState(
  q: Queryable,
  windowId: string,
  s: { status: 'open' | 'paused' | 'closed'; staffId: string | null; reason: string; now: Date },
): Promise<void> {
  await q.query(
    'UPDATE window_states SET status = $2, staff_id = $3, pause_reason = $4, since = $5 WHERE window_id = $1',
    [windowId, s.status, s.staffId, s.reason, s.now],
  );
}

/** Windows where a staff member is on duty (open or paused), to close them when they move. */
export const dutyWindowsOf = (q: Queryable, staffId: string) =>
  q.query<{ window_id: string }>(
    "SELECT window_id FROM window_states WHERE staff_id = $1 AND status <> 'closed'",
    [staffId],
  );

export interface StaffBadgeRow {
  id: string;
  name: string;
  badge_number: string;
  post: string;
  window_id: string | null;
}

export const staffBadges = (q: Queryable, ids: string[]) =>
  q.query<StaffBadgeRow>(
    'SELECT id, name, badge_number, post, window_id FROM staff WHERE id = ANY($1::uuid[])',
    [ids],
  );

/** The 全岗通 matrix rows of some windows and some staff. */
export const windowItems = (q: Queryable, windowIds: string[]) =>
  q.query<{ window_id: string; item_id: string }>(
    'SELECT window_id, item_id FROM item_windows WHERE window_id = ANY($1::uuid[])',
    [windowIds],
  );
export const staffItems = (q: Queryable, staffIds: string[]) =>
  q.query<{ staff_id: string; item_id: string }>(
    'SELECT staff_id, item_id FROM item_staff WHERE staff_id = ANY($1::uuid[])',
    [staffIds],
  );

import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for the organisation. Scope is always a center path prefix (own center and below). */

export interface CenterRow {
  id: string;
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parent_id: string | null;
  path: string;
  region_code: string;
  address: string;
  phone: string;
}
export interface DepartmentRow {
  id: string;
  center_id: string;
  code: string;
  name: string;
  short_name: string;
  credit_code: string;
  phone: string;
  active: boolean;
}
export interface WindowRow {
  id: string;
  center_id: string;
  number: string;
  name: string;
  kind: 'department' | 'comprehensive';
  department_id: string | null;
  department_name: string | null;
  hall: string;
  phone: string;
  active: boolean;
}
export interface StaffRow {
  id: string;
  center_id: string;
  department_id: string | null;
  department_name: string | null;
  name: string;
  gender: 'male' | 'female' | 'unknown';
  post: string;
  badge_number: string;
  phone: string;
  window_id: string | null;
  window_number: string | null;
  backup_of_id: string | null;
  backup_of_name: string | null;
  active: boolean;
  user_id: string | null;
  username: string | null;
  roles: string[] | null;
  disabled: boolean | null;
}

const inScope = (alias: string, n: number) => `${alias}.path LIKE $${n} || '%'`;

export const listCenters = (q: Queryable, scopePath: string) =>
  q.query<CenterRow>(`SELECT c.* FROM centers c WHERE ${inScope('c', 1)} ORDER BY c.path`, [scopePath]);

export const findCenter = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<CenterRow>(q, `SELECT c.* FROM centers c WHERE c.id = $2 AND ${inScope('c', 1)}`, [scopePath, id]);

export async function insertCenter(
  q: Queryable,
  c: Omit<CenterRow, 'id' | 'path'> & { parentPath: string | null; now: Date },
): Promise<CenterRow> {
  // The path needs the new id, so it is generated here rather than by the default.
  const [row] = await q.query<CenterRow>(
    `WITH id AS (SELECT gen_random_uuid() AS id)
     INSERT INTO centers (id, code, name, level, parent_id, path, region_code, address, phone, created_at, updated_at)
     SELECT id.id, $1, $2, $3, $4, coalesce($5, '/') || id.id::text || '/', $6, $7, $8, $9, $9 FROM id
     RETURNING *`,
    [c.code, c.name, c.level, c.parent_id, c.parentPath, c.region_code, c.address, c.phone, c.now],
  );
  return row!;
}

export async function updateCenter(
  q: Queryable,
  id: string,
  patch: Partial<CenterRow>,
  now: Date,
): Promise<CenterRow> {
  const [row] = await q.query<CenterRow>(
    `UPDATE centers SET name = coalesce($2, name), region_code = coalesce($3, region_code),
       address = coalesce($4, address), phone = coalesce($5, phone), updated_at = $6 WHERE id = $1 RETURNING *`,
    [id, patch.name ?? null, patch.region_code ?? null, patch.address ?? null, patch.phone ?? null, now],
  );
  return row!;
}

export const listDepartments = (q: Queryable, scopePath: string, centerId?: string) =>
  q.query<DepartmentRow>(
    `SELECT d.* FROM departments d JOIN centers c ON c.id = d.center_id
     WHERE ${inScope('c', 1)} AND ($2::uuid IS NULL OR d.center_id = $2) ORDER BY d.code`,
    [scopePath, centerId ?? null],
  );

export const findDepartment = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<DepartmentRow>(
    q,
    `SELECT d.* FROM departments d JOIN centers c ON c.id = d.center_id WHERE d.id = $2 AND ${inScope('c', 1)}`,
    [scopePath, id],
  );

export async function insertDepartment(q: Queryable, d: Omit<DepartmentRow, 'id' | 'active'>, now: Date) {
  const [row] = await q.query<DepartmentRow>(
    `INSERT INTO departments (center_id, code, name, short_name, credit_code, phone, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
    [d.center_id, d.code, d.name, d.short_name, d.credit_code, d.phone, now],
  );
  return row!;
}

export async function updateDepartment(q: Queryable, id: string, p: Partial<DepartmentRow>, now: Date) {
  const [row] = await q.query<DepartmentRow>(
    `UPDATE departments SET name = coalesce($2, name), short_name = coalesce($3, short_name),
       credit_code = coalesce($4, credit_code), phone = coalesce($5, phone), active = coalesce($6, active), updated_at = $7
     WHERE id = $1 RETURNING *`,
    [id, p.name ?? null, p.short_name ?? null, p.credit_code ?? null, p.phone ?? null, p.active ?? null, now],
  );
  return row!;
}

const windowSelect = `SELECT w.*, d.name AS department_name FROM windows w
  JOIN centers c ON c.id = w.center_id LEFT JOIN departments d ON d.id = w.department_id`;

export const listWindows = (q: Queryable, scopePath: string, centerId?: string) =>
  q.query<WindowRow>(
    `${windowSelect} WHERE ${inScope('c', 1)} AND ($2::uuid IS NULL OR w.center_id = $2)
     ORDER BY c.path, length(w.number), w.number`,
    [scopePath, centerId ?? null],
  );

export const findWindow = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<WindowRow>(q, `${windowSelect} WHERE w.id = $2 AND ${inScope('c', 1)}`, [scopePath, id]);

export async function insertWindow(
  q: Queryable,
  w: Omit<WindowRow, 'id' | 'active' | 'department_name'>,
  now: Date,
) {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO windows (center_id, number, name, kind, department_id, hall, phone, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [w.center_id, w.number, w.name, w.kind, w.department_id, w.hall, w.phone, now],
  );
  return row!.id;
}

export async function updateWindow(q: Queryable, id: string, w: WindowRow, now: Date): Promise<void> {
  await q.query(
    `UPDATE windows SET number = $2, name = $3, kind = $4, department_id = $5, hall = $6, phone = $7, active = $8,
       updated_at = $9 WHERE id = $1`,
    [id, w.number, w.name, w.kind, w.department_id, w.hall, w.phone, w.active, now],
  );
}

const staffSelect = `SELECT s.*, d.name AS department_name, w.number AS window_number, b.name AS backup_of_name,
    u.id AS user_id, u.username, u.roles, u.disabled
  FROM staff s JOIN centers c ON c.id = s.center_id
  LEFT JOIN departments d ON d.id = s.department_id
  LEFT JOIN windows w ON w.id = s.window_id
  LEFT JOIN staff b ON b.id = s.backup_of_id
  LEFT JOIN users u ON u.staff_id = s.id`;

export const listStaff = (q: Queryable, scopePath: string, centerId?: string) =>
  q.query<StaffRow>(
    `${staffSelect} WHERE ${inScope('c', 1)} AND ($2::uuid IS NULL OR s.center_id = $2) ORDER BY c.path, s.badge_number`,
    [scopePath, centerId ?? null],
  );

export const findStaff = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<StaffRow>(q, `${staffSelect} WHERE s.id = $2 AND ${inScope('c', 1)}`, [scopePath, id]);

type StaffWrite = Pick<
  StaffRow,
  | 'center_id'
  | 'department_id'
  | 'name'
  | 'gender'
  | 'post'
  | 'badge_number'
  | 'phone'
  | 'window_id'
  | 'backup_of_id'
>;

export async function insertStaff(q: Queryable, s: StaffWrite, now: Date): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO staff (center_id, department_id, name, gender, post, badge_number, phone, window_id, backup_of_id,
       created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [
      s.center_id,
      s.department_id,
      s.name,
      s.gender,
      s.post,
      s.badge_number,
      s.phone,
      s.window_id,
      s.backup_of_id,
      now,
    ],
  );
  return row!.id;
}

export async function updateStaff(
  q: Queryable,
  id: string,
  s: StaffWrite & { active: boolean },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE staff SET department_id = $2, name = $3, gender = $4, post = $5, badge_number = $6, phone = $7,
       window_id = $8, backup_of_id = $9, active = $10, updated_at = $11 WHERE id = $1`,
    [
      id,
      s.department_id,
      s.name,
      s.gender,
      s.post,
      s.badge_number,
      s.phone,
      s.window_id,
      s.backup_of_id,
      s.active,
      now,
    ],
  );
}

export async function insertUser(
  q: Queryable,
  u: {
    username: string;
    passwordHash: string;
    displayName: string;
    roles: string[];
    centerId: string | null;
    staffId: string | null;
    applicantId: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO users (username, password_hash, display_name, roles, center_id, staff_id, applicant_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [u.username, u.passwordHash, u.displayName, u.roles, u.centerId, u.staffId, u.applicantId, u.now],
  );
  return row!.id;
}

export async function updateUser(
  q: Queryable,
  id: string,
  p: { roles?: string[] | undefined; disabled?: boolean | undefined; passwordHash?: string | undefined },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE users SET roles = coalesce($2, roles), disabled = coalesce($3, disabled),
       password_hash = coalesce($4, password_hash), updated_at = $5 WHERE id = $1`,
    [id, p.roles ?? null, p.disabled ?? null, p.passwordHash ?? null, now],
  );
  if (p.disabled) await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
}

export const usernameTaken = async (q: Queryable, username: string) =>
  (await q.query('SELECT 1 FROM users WHERE username = $1', [username])).length > 0;

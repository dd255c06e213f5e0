import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import type { Role } from '../../shared/contracts/roles';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  roles: Role[];
  center_id: string | null;
  center_path: string | null;
  center_name: string | null;
  department_id: string | null;
  staff_id: string | null;
  applicant_id: string | null;
  disabled: boolean;
}

const userSelect = `
  SELECT u.id, u.username, u.password_hash, u.display_name, u.roles, u.center_id, c.path AS center_path,
         c.name AS center_name, s.department_id, u.staff_id, u.applicant_id, u.disabled
  FROM users u
  LEFT JOIN centers c ON c.id = u.center_id
  LEFT JOIN staff s ON s.id = u.staff_id`;

export const findUserByUsername = (q: Queryable, username: string) =>
  maybeOne<UserRow>(q, `${userSelect} WHERE u.username = $1`, [username]);

export const findUserById = (q: Queryable, id: string) =>
  maybeOne<UserRow>(q, `${userSelect} WHERE u.id = $1`, [id]);

export async function insertSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $4)`,
    [s.tokenHash, s.userId, s.csrfToken, s.now, s.expiresAt],
  );
}

export const findSession = (q: Queryable, tokenHash: string, now: Date) =>
  maybeOne<{ user_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date }>(
    q,
    'SELECT user_id, csrf_token, last_seen_at, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2',
    [tokenHash, now],
  );

export async function touchSession(
  q: Queryable,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [
    tokenHash,
    now,
    expiresAt,
  ]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteOtherSessions(
  q: Queryable,
  userId: string,
  keepTokenHash: string,
): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash]);
}

export async function recordLoginFailure(
  q: Queryable,
  username: string,
  ip: string,
  at: Date,
): Promise<void> {
  await q.query('INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)', [username, ip, at]);
}

export async function countRecentFailures(q: Queryable, username: string, ip: string, since: Date) {
  const rows = await q.query<{ by_user: number; by_ip: number }>(
    `SELECT (SELECT count(*) FROM login_failures WHERE username = $1 AND at > $3)::int AS by_user,
            (SELECT count(*) FROM login_failures WHERE ip = $2 AND at > $3)::int AS by_ip`,
    [username, ip, since],
  );
  return rows[0] ?? { by_user: 0, by_ip: 0 };
}

export async function clearLoginFailures(q: Queryable, username: string): Promise<void> {
  await q.query('DELETE FROM login_failures WHERE username = $1', [username]);
}

export async function updatePassword(
  q: Queryable,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await q.query(
    'UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1',
    [userId, passwordHash, now],
  );
}

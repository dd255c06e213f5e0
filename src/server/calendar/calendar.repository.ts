import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/**
 * Thin typed SQL for the working-day calendar. A center's effective calendar is its chain of centers
 * from the root down to itself: for each day the row of the deepest center in the chain wins, so a
 * township inherits the county's days except those it overrides. Chains are passed root-first as a
 * uuid[]; `array_position` ranks the rows by depth.
 */

export interface ChainCenter {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  has_days: boolean;
  has_hours: boolean;
}

/** The centers from the root down to `centerId` (empty when the center does not exist). */
export const findChain = (q: Queryable, centerId: string) =>
  q.query<ChainCenter>(
    `SELECT a.id, a.name, a.path, a.parent_id,
       EXISTS (SELECT 1 FROM calendar_days d WHERE d.center_id = a.id) AS has_days,
       EXISTS (SELECT 1 FROM calendar_hours h WHERE h.center_id = a.id) AS has_hours
     FROM centers c JOIN centers a ON c.path LIKE a.path || '%'
     WHERE c.id = $1 ORDER BY length(a.path)`,
    [centerId],
  );

export async function findVersion(q: Queryable, centerId: string): Promise<string | null> {
  const row = await maybeOne<{ version: string }>(
    q,
    'SELECT version FROM calendar_versions WHERE center_id = $1',
    [centerId],
  );
  return row?.version ?? null;
}

/** New random versions for the center at `path` and every center below it (see the migration). */
export const bumpVersions = (q: Queryable, path: string, now: Date) =>
  q.query(
    `INSERT INTO calendar_versions (center_id, version, updated_at)
     SELECT id, gen_random_uuid(), $2 FROM centers WHERE path LIKE $1 || '%'
     ON CONFLICT (center_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
    [path, now],
  );

export interface DayRow {
  day: string;
  is_workday: boolean;
  name: string | null;
}

/** The effective days of a chain, every year, in date order (what the in-memory index is built from). */
export const loadEffectiveDays = (q: Queryable, chainIds: readonly string[]) =>
  q.query<DayRow>(
    `SELECT DISTINCT ON (d.day) to_char(d.day, 'YYYY-MM-DD') AS day, d.is_workday, d.name
     FROM calendar_days d WHERE d.center_id = ANY($1::uuid[])
     ORDER BY d.day, array_position($1::uuid[], d.center_id) DESC`,
    [chainIds],
  );

export interface DayDetailRow extends DayRow {
  source: 'seed' | 'admin';
  center_id: string;
  center_name: string;
  updated_by: string | null;
  updated_at: Date;
}

/** The effective rows of a chain between two dates (inclusive), with who decided each day. */
export const loadEffectiveDaysBetween = (
  q: Queryable,
  chainIds: readonly string[],
  from: string,
  to: string,
) =>
  q.query<DayDetailRow>(
    `SELECT DISTINCT ON (d.day) to_char(d.day, 'YYYY-MM-DD') AS day, d.is_workday, d.name, d.source,
       d.center_id, c.name AS center_name, u.display_name AS updated_by, d.updated_at
     FROM calendar_days d JOIN centers c ON c.id = d.center_id LEFT JOIN users u ON u.id = d.updated_by
     WHERE d.center_id = ANY($1::uuid[]) AND d.day BETWEEN $2::date AND $3::date
     ORDER BY d.day, array_position($1::uuid[], d.center_id) DESC`,
    [chainIds, from, to],
  );

export interface NewDay {
  day: string;
  isWorkday: boolean;
  name: string | null;
}

export const upsertDay = (
  q: Queryable,
  centerId: string,
  d: NewDay,
  source: 'seed' | 'admin',
  by: string | null,
  now: Date,
) =>
  q.query(
    `INSERT INTO calendar_days (center_id, day, is_workday, name, source, updated_by, updated_at)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7)
     ON CONFLICT (center_id, day) DO UPDATE SET is_workday = excluded.is_workday, name = excluded.name,
       source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [centerId, d.day, d.isWorkday, d.name, source, by, now],
  );

/** Insert many days in one statement (a seeded calendar is ~8,400 rows). Existing days are replaced. */
export async function upsertDays(
  q: Queryable,
  centerId: string,
  days: readonly NewDay[],
  source: 'seed' | 'admin',
  by: string | null,
  now: Date,
): Promise<void> {
  if (days.length === 0) return;
  await q.query(
    `INSERT INTO calendar_days (center_id, day, is_workday, name, source, updated_by, updated_at)
     SELECT $1, t.day::date, t.work, t.name, $5, $6, $7
     FROM unnest($2::text[], $3::boolean[], $4::text[]) AS t(day, work, name)
     ON CONFLICT (center_id, day) DO UPDATE SET is_workday = excluded.is_workday, name = excluded.name,
       source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [
      centerId,
      days.map((d) => d.day),
      days.map((d) => d.isWorkday),
      days.map((d) => d.name),
      source,
      by,
      now,
    ],
  );
}

/** Remove a center's own rows between two dates (inclusive); returns how many. */
export async function deleteOwnDays(
  q: Queryable,
  centerId: string,
  from: string,
  to: string,
): Promise<number> {
  const rows = await q.query<{ day: string }>(
    `DELETE FROM calendar_days WHERE center_id = $1 AND day BETWEEN $2::date AND $3::date
     RETURNING to_char(day, 'YYYY-MM-DD') AS day`,
    [centerId, from, to],
  );
  return rows.length;
}

/** A center's own rows between two dates (inclusive). */
export const listOwnDays = (q: Queryable, centerId: string, from: string, to: string) =>
  q.query<DayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, is_workday, name FROM calendar_days
     WHERE center_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`,
    [centerId, from, to],
  );

export interface HoursRow {
  center_id: string;
  center_name: string;
  hours: unknown;
}

/** The working hours of the deepest center in the chain that has some, or undefined. */
export const loadEffectiveHours = (q: Queryable, chainIds: readonly string[]) =>
  maybeOne<HoursRow>(
    q,
    `SELECT h.center_id, c.name AS center_name, h.hours FROM calendar_hours h JOIN centers c ON c.id = h.center_id
     WHERE h.center_id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], h.center_id) DESC LIMIT 1`,
    [chainIds],
  );

export const upsertHours = (q: Queryable, centerId: string, hours: unknown, by: string | null, now: Date) =>
  q.query(
    `INSERT INTO calendar_hours (center_id, hours, updated_by, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (center_id) DO UPDATE SET hours = excluded.hours, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
    [centerId, JSON.stringify(hours), by, now],
  );

export const deleteHours = (q: Queryable, centerId: string) =>
  q.query('DELETE FROM calendar_hours WHERE center_id = $1', [centerId]);

export interface PublicCenterRow {
  id: string;
  name: string;
  level: 'county' | 'township' | 'village';
  parent_id: string | null;
}

export const listAllCenters = (q: Queryable) =>
  q.query<PublicCenterRow>('SELECT id, name, level, parent_id FROM centers ORDER BY path');

/** The root center of the network (the county), for anonymous requests that name no center. */
export const findRootCenterId = async (q: Queryable): Promise<string | undefined> =>
  (await maybeOne<{ id: string }>(q, 'SELECT id FROM centers WHERE parent_id IS NULL ORDER BY code LIMIT 1'))
    ?.id;

/**
 * THE way every feature (cases, supervision, hall, notices…) gets a center's working-day calendar:
 *
 *   const calendar = await getCalendarIndex(q, centerId);   // CalendarIndex (src/domain/calendar)
 *   computeDeadline({ start, limit, pauses, extensions, calendar });
 *   clockValue({ start, limit, …, now, calendar });
 *
 * The index merges the center's inherited days (root → … → the center; the deepest row of a day wins),
 * its overrides and its working hours (its own, else the nearest ancestor's, else DEFAULT_WORKING_HOURS).
 *
 * Speed: indexes are cached in this process per center. A call costs ONE primary-key lookup
 * (`calendar_versions`) and returns the cached index when the version is unchanged; only after an
 * edit (through any process: each edit gives the edited center and all centers below it a new random
 * version in its transaction) is the index rebuilt, from ~8,400 rows in one query. A center that has
 * no days or hours of its own shares the index object of the nearest ancestor that has, so a network
 * of hundreds of villages keeps a handful of indexes in memory.
 *
 * Why the version is read BEFORE the rows: a statement sees every commit of the statements before it,
 * so the rows loaded are at least as new as the version they are cached under; an edit committed in
 * between only causes one more rebuild, never a stale answer.
 *
 * Rule for writers (calendar.edit.service.ts): do the reads that need an index first, then bump the
 * versions and write, and do not ask for an index again in that transaction.
 *
 * Throws CALENDAR_NOT_CONFIGURED when the effective calendar has no day at all, NOT_FOUND for an
 * unknown center. Every later use of a date in an unconfigured year throws CALENDAR_NOT_CONFIGURED
 * from the index itself: a date is never guessed.
 */
import type { CalendarIndex } from '../../domain/calendar/calendar-index';
import { buildCalendarIndex } from '../../domain/calendar/calendar-index';
import { AppError, isAppError } from '../../domain/errors';
import { WorkingHours } from '../../shared/contracts/calendar';
import type { Queryable } from '../db/db';
import * as repo from './calendar.repository';

/** Working hours of a center when neither it nor any ancestor has set any (domain.md rule 1's example). */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  periods: [
    { start: '08:30', end: '11:30' },
    { start: '14:00', end: '17:30' },
  ],
  seasons: [],
};

interface Entry {
  version: string;
  index: CalendarIndex;
  /** The center's path, so an edit can forget the entries of the centers below it. */
  path: string;
}

/** Version of a center that no edit has touched yet (no row in calendar_versions). */
const UNVERSIONED = 'unversioned';
/** Bound on cached centers; beyond it the oldest entry goes (Map keeps insertion order). */
const MAX_ENTRIES = 2000;
const cache = new Map<string, Entry>();

function remember(centerId: string, entry: Entry): void {
  cache.delete(centerId);
  cache.set(centerId, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** The calendar index of a center (see the file comment). */
export async function getCalendarIndex(q: Queryable, centerId: string): Promise<CalendarIndex> {
  const version = (await repo.findVersion(q, centerId)) ?? UNVERSIONED;
  const hit = cache.get(centerId);
  if (hit && hit.version === version) return hit.index;
  const chain = await repo.findChain(q, centerId);
  if (chain.length === 0) throw new AppError('NOT_FOUND', { entity: 'center' });
  const index = await buildForChain(q, chain);
  remember(centerId, { version, index, path: chain[chain.length - 1]!.path });
  return index;
}

async function buildForChain(q: Queryable, chain: readonly repo.ChainCenter[]): Promise<CalendarIndex> {
  // The deepest center with days or hours of its own decides the whole index: share its index.
  let defining = chain.length - 1;
  while (defining > 0 && !chain[defining]!.has_days && !chain[defining]!.has_hours) defining--;
  if (defining < chain.length - 1) return getCalendarIndex(q, chain[defining]!.id);
  const ids = chain.map((c) => c.id);
  const days = await repo.loadEffectiveDays(q, ids);
  const hours = await effectiveHours(q, ids);
  return buildCalendarIndex(
    days.map((d) => ({ day: d.day, isWorkday: d.is_workday, name: d.name })),
    hours.hours,
  );
}

/** A center's working hours and where they come from. */
export async function effectiveHours(
  q: Queryable,
  chainIds: readonly string[],
): Promise<{ hours: WorkingHours; definedBy: { centerId: string; centerName: string } | null }> {
  const row = await repo.loadEffectiveHours(q, chainIds);
  if (!row) return { hours: DEFAULT_WORKING_HOURS, definedBy: null };
  return {
    hours: WorkingHours.parse(row.hours),
    definedBy: { centerId: row.center_id, centerName: row.center_name },
  };
}

/**
 * The years the center's effective calendar has days for, ascending (empty when none). Supervision
 * warns administrators in November when next year is missing (the State Council publishes it then).
 */
export async function calendarYearsConfigured(q: Queryable, centerId: string): Promise<number[]> {
  let index: CalendarIndex;
  try {
    index = await getCalendarIndex(q, centerId);
  } catch (e) {
    if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') return [];
    throw e;
  }
  const years: number[] = [];
  for (let y = index.firstYear; y <= index.lastYear; y++) if (index.isYearConfigured(y)) years.push(y);
  return years;
}

/**
 * Drop cached indexes: all, or those of the center at `path` and below. Correctness never depends on
 * it (the version check does), but an edit frees the memory of the indexes it made stale at once.
 */
export function forgetCalendarIndexes(path?: string): void {
  if (path === undefined) cache.clear();
  else for (const [id, e] of cache) if (e.path.startsWith(path)) cache.delete(id);
}

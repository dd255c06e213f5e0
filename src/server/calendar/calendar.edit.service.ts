import { parseCivilDate } from '../../domain/calendar/civil-time';
import { compileWorkingHours } from '../../domain/calendar/working-hours';
import { AppError, isAppError } from '../../domain/errors';
import type { CalendarDayView, HoursView, WorkingHours } from '../../shared/contracts/calendar';
import { recordAudit } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import { findCenter } from '../org/org.repository';
import { presentDay, weekdayRuleDay } from './calendar.presenter';
import * as repo from './calendar.repository';
import { scheduleOfRows, yearRowsFromSchedule, type YearSchedule } from './calendar.schedule';
import { forgetCalendarIndexes, getCalendarIndex } from './calendar.service';
import { hoursView } from './calendar.views';

/**
 * Administrators edit the working-day calendar of their center or of a center below it (others: 404).
 * On the root (county) center an edit changes the calendar every center inherits; on a township or
 * village it is an override of the inherited day, and a reset drops it so the center inherits again.
 *
 * Every edit, in its transaction: new versions for the center and all centers below it (so every
 * process rebuilds their cached indexes), the change, and an audit row (entity 'calendar'). Reads that
 * need an index come first: see the rule for writers in calendar.service.ts.
 */
type Scoped = Actor & { centerPath: string };
export interface Ctx {
  actor: Scoped;
  now: Date;
}

async function requireEditable(q: Queryable, actor: Scoped, centerId: string): Promise<repo.ChainCenter[]> {
  const center = await findCenter(q, actor.centerPath, centerId);
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  return repo.findChain(q, centerId);
}

const self = (chain: readonly repo.ChainCenter[]): repo.ChainCenter => chain[chain.length - 1]!;

/** An override needs something to override: the root center has no parent calendar. */
function requireParent(chain: readonly repo.ChainCenter[], field: string): void {
  if (chain.length < 2)
    throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.calendar_root_no_parent' });
}

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/** Changes are made only inside a configured year: a new year is entered whole (enterYear). */
async function assertYearConfigured(q: Queryable, centerId: string, date: string): Promise<void> {
  const year = Number(date.slice(0, 4));
  const notConfigured = () =>
    new AppError('CALENDAR_NOT_CONFIGURED', { year, date }, { date: 'rule.calendar_not_configured' });
  try {
    if (!(await getCalendarIndex(q, centerId)).isYearConfigured(year)) throw notConfigured();
  } catch (e) {
    if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') throw notConfigured();
    throw e;
  }
}

async function effectiveDay(q: Queryable, chain: readonly repo.ChainCenter[], date: string) {
  const [row] = await repo.loadEffectiveDaysBetween(
    q,
    chain.map((c) => c.id),
    date,
    date,
  );
  return row ? presentDay(row, self(chain).id) : weekdayRuleDay(date);
}

async function changed(
  q: Queryable,
  ctx: Ctx,
  center: repo.ChainCenter,
  action: string,
  entityId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordAudit(q, {
    centerId: center.id,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    action,
    entity: 'calendar',
    entityId,
    before,
    after,
    at: ctx.now,
  });
  forgetCalendarIndexes(center.path);
}

/** Make one day a working day or not, with a name (春节, 调休上班…); on a township, an override. */
export async function setDay(
  q: Queryable,
  ctx: Ctx,
  centerId: string,
  date: string,
  input: { isWorkday: boolean; name: string | null },
): Promise<CalendarDayView> {
  const chain = await requireEditable(q, ctx.actor, centerId);
  if (parseCivilDate(date) === null) throw new AppError('VALIDATION_FAILED', {}, { date: 'rule.date' });
  await assertYearConfigured(q, centerId, date);
  const before = await effectiveDay(q, chain, date);
  const center = self(chain);
  const name = input.name?.trim() ? input.name.trim() : null;
  await repo.bumpVersions(q, center.path, ctx.now);
  await repo.upsertDay(
    q,
    centerId,
    { day: date, isWorkday: input.isWorkday, name },
    'admin',
    ctx.actor.userId,
    ctx.now,
  );
  const after = await effectiveDay(q, chain, date);
  await changed(q, ctx, center, 'set_day', `${centerId}:${date}`, before, after);
  return after;
}

/** Drop a township's (or village's) override of a day: it inherits the day again. */
export async function resetDay(
  q: Queryable,
  ctx: Ctx,
  centerId: string,
  date: string,
): Promise<CalendarDayView> {
  const chain = await requireEditable(q, ctx.actor, centerId);
  requireParent(chain, 'centerId');
  if (parseCivilDate(date) === null) throw new AppError('VALIDATION_FAILED', {}, { date: 'rule.date' });
  const before = await effectiveDay(q, chain, date);
  if (before.inherited || before.source === 'weekday') return before; // nothing of its own to drop
  const center = self(chain);
  await repo.bumpVersions(q, center.path, ctx.now);
  await repo.deleteOwnDays(q, centerId, date, date);
  const after = await effectiveDay(q, chain, date);
  await changed(q, ctx, center, 'reset_day', `${centerId}:${date}`, before, after);
  return after;
}

/** Enter a year from the State Council's notice; replaces the center's own rows of that year. */
export async function enterYear(
  q: Queryable,
  ctx: Ctx,
  centerId: string,
  year: number,
  schedule: YearSchedule,
): Promise<{ centerId: string; year: number; days: number }> {
  const chain = await requireEditable(q, ctx.actor, centerId);
  const rows = yearRowsFromSchedule(year, schedule);
  const [from, to] = yearRange(year);
  const center = self(chain);
  const before = scheduleOfRows(await repo.listOwnDays(q, centerId, from, to).then(toNewDays));
  await repo.bumpVersions(q, center.path, ctx.now);
  await repo.deleteOwnDays(q, centerId, from, to);
  await repo.upsertDays(q, centerId, rows, 'admin', ctx.actor.userId, ctx.now);
  await changed(q, ctx, center, 'enter_year', `${centerId}:${year}`, before, scheduleOfRows(rows));
  return { centerId, year, days: rows.length };
}

/** Copy the parent's effective year into the center as its own rows (it stops inheriting that year). */
export async function copyYear(
  q: Queryable,
  ctx: Ctx,
  centerId: string,
  year: number,
): Promise<{ centerId: string; year: number; days: number }> {
  const chain = await requireEditable(q, ctx.actor, centerId);
  requireParent(chain, 'centerId');
  const [from, to] = yearRange(year);
  const parentRows = await repo.loadEffectiveDaysBetween(
    q,
    chain.slice(0, -1).map((c) => c.id),
    from,
    to,
  );
  if (parentRows.length === 0) {
    throw new AppError(
      'CALENDAR_NOT_CONFIGURED',
      { year, date: from },
      { year: 'rule.calendar_not_configured' },
    );
  }
  const center = self(chain);
  const rows = toNewDays(parentRows);
  const before = scheduleOfRows(await repo.listOwnDays(q, centerId, from, to).then(toNewDays));
  await repo.bumpVersions(q, center.path, ctx.now);
  await repo.deleteOwnDays(q, centerId, from, to);
  await repo.upsertDays(q, centerId, rows, 'admin', ctx.actor.userId, ctx.now);
  await changed(q, ctx, center, 'copy_year', `${centerId}:${year}`, before, scheduleOfRows(rows));
  return { centerId, year, days: rows.length };
}

/** Drop all of a township's (or village's) own days of a year: it inherits the whole year again. */
export async function resetYear(
  q: Queryable,
  ctx: Ctx,
  centerId: string,
  year: number,
): Promise<{ centerId: string; year: number; days: number }> {
  const chain = await requireEditable(q, ctx.actor, centerId);
  requireParent(chain, 'centerId');
  const [from, to] = yearRange(year);
  const own = await repo.listOwnDays(q, centerId, from, to);
  if (own.length === 0) return { centerId, year, days: 0 };
  const center = self(chain);
  await repo.bumpVersions(q, center.path, ctx.now);
  const removed = await repo.deleteOwnDays(q, centerId, from, to);
  await changed(q, ctx, center, 'reset_year', `${centerId}:${year}`, scheduleOfRows(toNewDays(own)), null);
  return { centerId, year, days: removed };
}

/** Set the center's working hours, or (null) drop them so it inherits its parent's. */
export async function setHours(
  q: Queryable,
  ctx: Ctx,
  centerId: string,
  hours: WorkingHours | null,
): Promise<HoursView> {
  const chain = await requireEditable(q, ctx.actor, centerId);
  if (hours === null) requireParent(chain, 'hours');
  // The clock core's own validation: periods in order, disjoint, non-empty; fields named `hours.…`.
  else compileWorkingHours(hours);
  const center = self(chain);
  const before = await hoursView(q, ctx.actor, chain);
  await repo.bumpVersions(q, center.path, ctx.now);
  if (hours === null) await repo.deleteHours(q, centerId);
  else await repo.upsertHours(q, centerId, hours, ctx.actor.userId, ctx.now);
  const after = await hoursView(q, ctx.actor, chain);
  await changed(q, ctx, center, 'set_hours', `${centerId}:hours`, before, after);
  return after;
}

function toNewDays(rows: readonly repo.DayRow[]): repo.NewDay[] {
  return rows.map((r) => ({ day: r.day, isWorkday: r.is_workday, name: r.name }));
}

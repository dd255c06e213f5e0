import { civilDateOfInstant, instantOfCivil } from '../../domain/calendar';
import { AppError, isAppError } from '../../domain/errors';
import type { Queryable } from '../db/db';
import { addDays, loadSchedule, planCategory, poolOn } from './schedule.engine';
import { findCategoryInfo } from './schedule.repository';

/** How far ahead the kiosk looks for the next opening (a long holiday such as 春节 is 8–9 days). */
const LOOKAHEAD_DAYS = 14;

/**
 * Whether a ticket category can be served at `at`: some window of its pool is open with an officer
 * able to serve it on duty (hours + roster + absences + AB substitutions). When not, `reopensAt` is
 * the next instant one is (within two weeks), for the kiosk's "请于 … 再来" — or null when none is
 * scheduled (or the calendar of those days is not configured yet).
 *
 * For the hall (kiosk): issue a ticket only while `open`.
 */
export async function isCategoryOpen(
  q: Queryable,
  args: { categoryId: string; at: Date },
): Promise<{ open: boolean; reopensAt: Date | null }> {
  // Most calls come while the hall is open: look at today alone first (one day of schedule to load),
  // and only when it is closed look two weeks ahead for the reopening.
  const today = await openWithin(q, args, 0);
  return today.open || today.reopensAt ? today : openWithin(q, args, LOOKAHEAD_DAYS);
}

async function openWithin(
  q: Queryable,
  args: { categoryId: string; at: Date },
  lookahead: number,
): Promise<{ open: boolean; reopensAt: Date | null }> {
  const c = await findCategoryInfo(q, args.categoryId);
  if (!c) throw new AppError('NOT_FOUND', { entity: 'category' });
  if (!c.active || c.item_ids.length === 0) return { open: false, reopensAt: null };
  const today = civilDateOfInstant(args.at.getTime());
  const last = addDays(today, lookahead);
  const data = await loadSchedule(q, c.center_id, today, last, c.item_ids);
  const plan = planCategory(data, { hallName: c.hall_name, itemIds: c.item_ids });
  const atMs = args.at.getTime();
  for (let d = 0; d <= lookahead; d++) {
    const date = addDays(today, d);
    let pool;
    try {
      pool = poolOn(data, plan, date);
    } catch (e) {
      // A day in a year without a calendar is never guessed: stop looking there.
      if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') break;
      throw e;
    }
    const dayStart = instantOfCivil(date).getTime();
    let next: number | null = null;
    for (const segments of pool) {
      for (const s of segments) {
        const from = dayStart + s.start * 60_000;
        const to = dayStart + s.end * 60_000;
        if (from <= atMs && atMs < to) return { open: true, reopensAt: null };
        if (from > atMs && (next === null || from < next)) next = from;
      }
    }
    if (next !== null) return { open: false, reopensAt: new Date(next) };
  }
  return { open: false, reopensAt: null };
}

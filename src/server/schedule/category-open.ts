import { civilDateOfInstant, instantOfCivil } from '../../domain/calendar';
import { AppError, isAppError } from '../../domain/errors';
import type { Queryable } from '../db/db';
import { addDays, loadSchedule, planCategory, poolOn, type ScheduleData } from './schedule.engine';
import { findCategoryInfo, type CategoryInfo } from './schedule.repository';

/** How far ahead the kiosk looks for the next opening (a long holiday such as 春节 is 8–9 days). */
const LOOKAHEAD_DAYS = 14;

export interface CategoryOpenness {
  open: boolean;
  reopensAt: Date | null;
}

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
): Promise<CategoryOpenness> {
  const c = await findCategoryInfo(q, args.categoryId);
  if (!c) throw new AppError('NOT_FOUND', { entity: 'category' });
  return (await categoriesOpen(q, [c], args.at)).get(c.id)!;
}

/**
 * `isCategoryOpen` for several categories of one center (a hall's kiosk asks for all of them once a
 * minute): the schedule is loaded once for all their items, not once per category. A window's
 * eligibility only asks whether it has every item of the category, so data loaded for more items
 * decides each category exactly as data loaded for its own.
 */
export async function categoriesOpen(
  q: Queryable,
  categories: readonly CategoryInfo[],
  at: Date,
): Promise<Map<string, CategoryOpenness>> {
  const out = new Map<string, CategoryOpenness>();
  const live = categories.filter((c) => {
    if (c.active && c.item_ids.length > 0) return true;
    out.set(c.id, { open: false, reopensAt: null });
    return false;
  });
  const centers = new Set(live.map((c) => c.center_id));
  if (centers.size > 1) throw new Error('categoriesOpen: categories of one center only');
  // Most calls come while the hall is open: look at today alone first (one day of schedule to load),
  // and only for the categories closed for the rest of today look two weeks ahead.
  const today = civilDateOfInstant(at.getTime());
  let pending = live;
  for (const lookahead of [0, LOOKAHEAD_DAYS]) {
    if (pending.length === 0) break;
    const items = [...new Set(pending.flatMap((c) => c.item_ids))];
    const data = await loadSchedule(q, pending[0]!.center_id, today, addDays(today, lookahead), items);
    const still: CategoryInfo[] = [];
    for (const c of pending) {
      const s = openWithin(data, c, today, at, lookahead);
      if (s.open || s.reopensAt || lookahead === LOOKAHEAD_DAYS) out.set(c.id, s);
      else still.push(c);
    }
    pending = still;
  }
  return out;
}

function openWithin(
  data: ScheduleData,
  c: CategoryInfo,
  today: string,
  at: Date,
  lookahead: number,
): CategoryOpenness {
  const plan = planCategory(data, { hallName: c.hall_name, itemIds: c.item_ids });
  const atMs = at.getTime();
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

import { civilDateOfInstant, instantOfCivil } from '../../domain/calendar';
import { AppError, isAppError } from '../../domain/errors';
import { daySlots, hhmm, isBookableDay, type AppointmentPolicy } from '../../domain/schedule';
import type { Queryable } from '../db/db';
import {
  addDays,
  datesBetween,
  dayFacts,
  dayStartOf,
  loadSchedule,
  planCategory,
  poolOn,
  type ScheduleData,
} from '../schedule/schedule.engine';
import type { CategoryInfo } from '../schedule/schedule.repository';
import * as repo from './appointments.repository';

/**
 * Slots of categories over days with their capacity (from hours and roster, see domain/schedule) and
 * the places taken (appointment_slot_counts). One schedule load serves every category and day.
 */
export interface SlotState {
  startsAt: Date;
  endsAt: Date;
  label: string;
  capacity: number;
  booked: number;
}
export interface DayState {
  date: string;
  isWorkday: boolean;
  slots: SlotState[];
}

const MINUTE_MS = 60_000;

/** The slots of a category on each day of the range (a day in an unconfigured year has none). */
export function slotsOf(
  data: ScheduleData,
  category: Pick<CategoryInfo, 'hall_name' | 'item_ids'>,
  dates: readonly string[],
  policy: AppointmentPolicy,
): {
  date: string;
  isWorkday: boolean;
  slots: { startsAt: Date; endsAt: Date; label: string; capacity: number }[];
}[] {
  const out = [];
  const plan = planCategory(data, { hallName: category.hall_name, itemIds: category.item_ids });
  for (const date of dates) {
    let pool;
    let isWorkday = false;
    try {
      isWorkday = dayFacts(data, date).isWorkday;
      pool = poolOn(data, plan, date);
    } catch (e) {
      if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') {
        out.push({ date, isWorkday, slots: [] });
        continue;
      }
      throw e;
    }
    const dayStart = dayStartOf(data, date);
    out.push({
      date,
      isWorkday,
      slots: daySlots(pool, policy).map((s) => ({
        startsAt: new Date(dayStart + s.start * MINUTE_MS),
        endsAt: new Date(dayStart + s.end * MINUTE_MS),
        label: `${hhmm(s.start)}-${hhmm(s.end)}`,
        capacity: s.capacity,
      })),
    });
  }
  return out;
}

/** Slots with places taken, for several categories at once (availability view, bench). */
export async function slotsWithCounts(
  q: Queryable,
  centerId: string,
  categories: readonly CategoryInfo[],
  from: string,
  to: string,
  policy: AppointmentPolicy,
): Promise<Map<string, DayState[]>> {
  const data = await loadSchedule(q, centerId, from, to, [...new Set(categories.flatMap((c) => c.item_ids))]);
  const dates = datesBetween(from, to);
  const counts = await repo.slotCounts(
    q,
    categories.map((c) => c.id),
    instantOfCivil(from),
    instantOfCivil(addDays(to, 1)),
  );
  const taken = new Map(counts.map((c) => [`${c.category_id}|${c.starts_at.getTime()}`, c.booked]));
  const out = new Map<string, DayState[]>();
  for (const c of categories) {
    out.set(
      c.id,
      slotsOf(data, c, dates, policy).map((d) => ({
        ...d,
        slots: d.slots.map((s) => ({ ...s, booked: taken.get(`${c.id}|${s.startsAt.getTime()}`) ?? 0 })),
      })),
    );
  }
  return out;
}

/** Today and the last bookable day: `bookAheadWorkdays` working days after today. */
export function bookingHorizon(data: Pick<ScheduleData, 'calendar'>, now: Date, policy: AppointmentPolicy) {
  const today = civilDateOfInstant(now.getTime());
  const lastDay = data.calendar.addWorkingDays(today, policy.bookAheadWorkdays, 'date');
  const first = policy.sameDayBooking ? today : addDays(today, 1);
  return { today, first, lastDay };
}

/** The slot of a category that starts at `startsAt`, checked against the horizon; throws a clear error. */
export function requireBookableSlot(
  data: ScheduleData,
  category: CategoryInfo,
  startsAt: Date,
  now: Date,
  policy: AppointmentPolicy,
) {
  const { today, first, lastDay } = bookingHorizon(data, now, policy);
  const date = civilDateOfInstant(startsAt.getTime());
  if (!isBookableDay(date, today, lastDay, policy) || startsAt.getTime() <= now.getTime())
    throw new AppError('APPOINTMENT_DAY_NOT_BOOKABLE', { first, last: lastDay }, { startsAt: 'rule.date' });
  const [day] = slotsOf(data, category, [date], policy);
  const slot = day?.slots.find((s) => s.startsAt.getTime() === startsAt.getTime());
  if (!slot)
    throw new AppError('APPOINTMENT_NO_SUCH_SLOT', { time: `${date} ${hhmm(minuteOf(startsAt, date))}` });
  return { ...slot, date };
}

const minuteOf = (at: Date, date: string) =>
  Math.round((at.getTime() - instantOfCivil(date).getTime()) / MINUTE_MS);

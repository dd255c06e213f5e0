import type { CalendarDayView } from '../../shared/contracts/calendar';
import type { YearScheduleBody } from '../../shared/contracts/calendar';

type Schedule = Required<Pick<YearScheduleBody, 'holidays'>> & {
  workdays: { day: string; name: string }[];
};

const weekend = (day: string): boolean => {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
};
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A year's days as the State Council notice reads: holiday ranges (consecutive named days off) and
 * make-up working days (working weekends or named working days). Prefills the bulk-entry form so an
 * administrator corrects a year rather than retyping it.
 */
export function scheduleOfDays(days: readonly CalendarDayView[]): Schedule {
  const holidays: Schedule['holidays'] = [];
  const workdays: Schedule['workdays'] = [];
  for (const d of days) {
    if (d.isWorkday) {
      if (weekend(d.day) || d.name) workdays.push({ day: d.day, name: d.name ?? '' });
      continue;
    }
    if (!d.name) continue;
    const open = holidays[holidays.length - 1];
    if (open && open.name === d.name && nextDay(open.to) === d.day) open.to = d.day;
    else holidays.push({ from: d.day, to: d.day, name: d.name });
  }
  return { holidays, workdays };
}

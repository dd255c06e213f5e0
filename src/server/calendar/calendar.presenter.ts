import { civilDateOfDayNumber, parseCivilDate, weekdayOfDayNumber } from '../../domain/calendar/civil-time';
import type { CalendarDayView, CalendarYearView } from '../../shared/contracts/calendar';
import type { ChainCenter, DayDetailRow } from './calendar.repository';

/**
 * A year of a center's effective calendar for people: every day of the year, each with where its
 * status comes from. Rows may be sparse (an administrator may have typed only the exceptions): in a
 * configured year a day without a row follows Mon–Fri and says so (`source: 'weekday'`).
 */
export function presentDay(row: DayDetailRow, centerId: string): CalendarDayView {
  return {
    day: row.day,
    isWorkday: row.is_workday,
    name: row.name,
    source: row.source,
    definedBy: { centerId: row.center_id, centerName: row.center_name },
    inherited: row.center_id !== centerId,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function weekdayRuleDay(day: string): CalendarDayView {
  const wd = weekdayOfDayNumber(parseCivilDate(day)!);
  return {
    day,
    isWorkday: wd >= 1 && wd <= 5,
    name: null,
    source: 'weekday',
    definedBy: null,
    inherited: false,
    updatedBy: null,
    updatedAt: null,
  };
}

export function presentYear(args: {
  chain: readonly ChainCenter[];
  year: number;
  rows: readonly DayDetailRow[];
  editable: boolean;
}): CalendarYearView {
  const { chain, year, rows } = args;
  const self = chain[chain.length - 1]!;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const configured = rows.length > 0;
  const days: CalendarDayView[] = [];
  if (configured) {
    const last = parseCivilDate(`${year}-12-31`)!;
    for (let dn = parseCivilDate(`${year}-01-01`)!; dn <= last; dn++) {
      const day = civilDateOfDayNumber(dn);
      const row = byDay.get(day);
      days.push(row ? presentDay(row, self.id) : weekdayRuleDay(day));
    }
  }
  return {
    centerId: self.id,
    centerName: self.name,
    chain: chain.map((c) => ({ centerId: c.id, centerName: c.name })),
    year,
    configured,
    days,
    workdays: days.filter((d) => d.isWorkday).length,
    ownDays: rows.filter((r) => r.center_id === self.id).length,
    editable: args.editable,
  };
}

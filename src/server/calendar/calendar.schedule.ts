import { civilDateOfDayNumber, parseCivilDate, weekdayOfDayNumber } from '../../domain/calendar/civil-time';
import { AppError } from '../../domain/errors';
import type { NewDay } from './calendar.repository';

/**
 * A year's calendar from the State Council's notice (国务院办公厅关于 X 年部分节假日安排的通知): the
 * holiday ranges (放假) and the make-up working days (调休上班); every other day follows Mon–Fri.
 * Pure: it validates the schedule, naming the offending field, and returns every day of the year.
 */
export interface YearSchedule {
  holidays: readonly { from: string; to: string; name: string }[];
  workdays: readonly { day: string; name: string }[];
}

export const MAKE_UP_DAY_NAME = '调休上班';

const invalid = (field: string, rule: string): AppError =>
  new AppError('VALIDATION_FAILED', {}, { [field]: rule });

function dayNumber(date: string, field: string): number {
  const dn = parseCivilDate(date);
  if (dn === null) throw invalid(field, 'rule.date');
  return dn;
}

export function yearRowsFromSchedule(year: number, schedule: YearSchedule): NewDay[] {
  const first = parseCivilDate(`${year}-01-01`)!;
  const last = parseCivilDate(`${year}-12-31`)!;
  const holidayOf = new Map<number, string>();
  const ranges = schedule.holidays.map((h, i) => {
    const from = dayNumber(h.from, `holidays.${i}.from`);
    const to = dayNumber(h.to, `holidays.${i}.to`);
    if (to < from) throw invalid(`holidays.${i}.to`, 'rule.not_before_from');
    // 元旦 often begins on Dec 30/31 of the year before (e.g. 2022-12-31 – 2023-01-02): a range may
    // reach outside the year, but only its days inside the year are written here.
    if (to < first || from > last) throw invalid(`holidays.${i}.from`, 'rule.calendar_not_in_year');
    return { i, from: Math.max(from, first), to: Math.min(to, last), name: h.name.trim() };
  });
  ranges
    .slice()
    .sort((a, b) => a.from - b.from)
    .forEach((r, k, sorted) => {
      const previous = sorted[k - 1];
      if (previous && r.from <= previous.to)
        throw invalid(`holidays.${r.i}.from`, 'rule.calendar_holiday_overlap');
      for (let dn = r.from; dn <= r.to; dn++) holidayOf.set(dn, r.name);
    });

  const makeUp = new Map<number, string>();
  schedule.workdays.forEach((w, i) => {
    const field = `workdays.${i}.day`;
    const dn = dayNumber(w.day, field);
    if (dn < first || dn > last) throw invalid(field, 'rule.calendar_not_in_year');
    if (makeUp.has(dn)) throw invalid(field, 'rule.duplicate');
    if (holidayOf.has(dn)) throw invalid(field, 'rule.calendar_workday_in_holiday');
    makeUp.set(dn, w.name.trim() || MAKE_UP_DAY_NAME);
  });

  const rows: NewDay[] = [];
  for (let dn = first; dn <= last; dn++) {
    const holiday = holidayOf.get(dn);
    const workName = makeUp.get(dn);
    const weekday = weekdayOfDayNumber(dn);
    rows.push(
      holiday !== undefined
        ? { day: civilDateOfDayNumber(dn), isWorkday: false, name: holiday }
        : workName !== undefined
          ? { day: civilDateOfDayNumber(dn), isWorkday: true, name: workName }
          : { day: civilDateOfDayNumber(dn), isWorkday: weekday >= 1 && weekday <= 5, name: null },
    );
  }
  return rows;
}

/**
 * The inverse, for audit trails and the bulk-entry form: the named or non-weekday-rule days of a
 * year's rows, grouped into holiday ranges (consecutive days of one name) and make-up working days.
 */
export function scheduleOfRows(rows: readonly NewDay[]): YearSchedule {
  const holidays: { from: string; to: string; name: string }[] = [];
  const workdays: { day: string; name: string }[] = [];
  let lastDn = Number.NaN;
  for (const r of rows) {
    const dn = parseCivilDate(r.day);
    if (dn === null) continue;
    const wd = weekdayOfDayNumber(dn);
    const weekdayRule = wd >= 1 && wd <= 5;
    if (r.isWorkday && (r.name || !weekdayRule)) workdays.push({ day: r.day, name: r.name ?? '' });
    if (!r.isWorkday && (r.name || weekdayRule)) {
      const name = r.name ?? '';
      const open = holidays[holidays.length - 1];
      if (open && open.name === name && lastDn === dn - 1) open.to = r.day;
      else holidays.push({ from: r.day, to: r.day, name });
      lastDn = dn;
    }
  }
  return { holidays, workdays };
}

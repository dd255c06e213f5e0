import { createRequire } from 'node:module';
import type { CalendarDayRow } from '../../domain/calendar/calendar-index';

/**
 * Seed rows of the working-day calendar from the `chinese-days` package (State Council holiday
 * schedules since 2004, including 调休 working weekends).
 *
 * The package knows 2004–2026 only; for a later year it silently falls back to the weekday rule,
 * which is exactly the guess a calendar must never make (rule 1 of domain.md), so asking for a year
 * outside that range is an error. Administrators enter each new year when the State Council
 * publishes it (every November).
 */
export const CHINESE_DAYS_FIRST_YEAR = 2004;
export const CHINESE_DAYS_LAST_YEAR = 2026;

/** The package's documented data file: day → "English,中文,code" for holidays and make-up working days. */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// Read the data file rather than the query functions: those parse dates as UTC and format them in
// local time, so west of UTC they answer for the wrong day. The data file has no time zone at all.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

const chineseName = (entry: string | undefined): string | null => {
  const parts = entry?.split(',');
  return parts && parts.length === 3 ? parts[1]! : null;
};

export interface SeedDayRow extends CalendarDayRow {
  name: string | null;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Every day of the years [fromYear, toYear] with its working status. Holidays carry their Chinese name
 * (春节, 国庆节, 中秋 …), make-up working days `调休上班（春节）`, ordinary days null.
 */
export function chineseDaysSeed(
  fromYear = CHINESE_DAYS_FIRST_YEAR,
  toYear = CHINESE_DAYS_LAST_YEAR,
): SeedDayRow[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`invalid year range ${fromYear}–${toYear}`);
  }
  if (fromYear < CHINESE_DAYS_FIRST_YEAR || toYear > CHINESE_DAYS_LAST_YEAR) {
    throw new RangeError(
      `chinese-days has holiday data for ${CHINESE_DAYS_FIRST_YEAR}–${CHINESE_DAYS_LAST_YEAR} only (asked ${fromYear}–${toYear})`,
    );
  }
  const rows: SeedDayRow[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      for (let d = 1; d <= days; d++) {
        const day = `${y}-${pad2(m)}-${pad2(d)}`;
        const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
        const weekend = weekday === 0 || weekday === 6;
        const makeUp = chineseName(data.workdays[day]);
        const holiday = chineseName(data.holidays[day]);
        // The same precedence as the package: a declared working day wins, then a holiday, then the weekday.
        const isWorkday = makeUp !== null || (holiday === null && !weekend);
        const name = makeUp !== null ? `调休上班（${makeUp}）` : holiday;
        rows.push({ day, isWorkday, name });
      }
    }
  }
  return rows;
}

import { AppError } from '../errors';
import {
  civilDateOfDayNumber,
  dayNumberOfInstant,
  instantOfDayStart,
  parseCivilDate,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './civil-time';
import { compileWorkingHours, msOfDayAtWorked, workedMsAt } from './working-hours';
import type { HoursProfile, WorkingHours } from './working-hours';

/** One row of a center's calendar table (as stored in the database). */
export interface CalendarDayRow {
  day: string;
  isWorkday: boolean;
  /** 春节, 国庆节, 调休上班（春节）…; null for an ordinary day. */
  name?: string | null;
}

/** Years a calendar may hold: wide enough for any real use, small enough to keep the arrays tiny. */
const MIN_YEAR = 1950;
const MAX_YEAR = 2200;

/**
 * The in-memory index of one center's working-day calendar.
 *
 * Which days exist: a year is *configured* when the table has at least one row in it. Rows may be
 * sparse: inside a configured year a day without a row follows the weekday rule (Mon–Fri working,
 * Sat–Sun not), so an administrator can enter a year by typing only the State Council's holidays and
 * 调休 working weekends. A day in a year without rows is never guessed: every use of it throws
 * CALENDAR_NOT_CONFIGURED (rule 1 of domain.md; the State Council publishes each year in November).
 *
 * Why it is fast: the index keeps, for every day from Jan 1 of the first configured year to Dec 31 of
 * the last, prefix sums of working days (`cumWork`) and of working milliseconds (`cumWorkMs`), and
 * the list of working days in order (`workDays`). "The n-th working day after D" is then one array
 * read, "working days between A and B" one subtraction, and "the instant when x working hours have
 * elapsed" a binary search: O(1) or O(log n), never a loop over days.
 *
 * Two continuous coordinates on the time line serve the clock (both non-decreasing in time and flat
 * outside working hours, so time at night, on weekends and on holidays does not count):
 *   - the *workday coordinate*: working days completed before the instant's day, plus the fraction of
 *     that day's working time already elapsed (0 on a non-working day). A whole working day is 1
 *     whatever its hours (summer or winter), so a pause over a full day gives back exactly one day.
 *   - the *work-ms coordinate*: working milliseconds elapsed since the start of the index, for
 *     limits counted in working hours.
 */
export class CalendarIndex {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day number of Jan 1 of `firstYear`. */
  private readonly base: number;
  private readonly n: number;
  private readonly work: Uint8Array;
  private readonly configured: Uint8Array;
  /** cumWork[i] = working days among days [0, i). */
  private readonly cumWork: Int32Array;
  /** Day indices of the working days, in order: workDays[k] is the (k+1)-th working day. */
  private readonly workDays: Int32Array;
  /** cumWorkMs[i] = working milliseconds among days [0, i). */
  private readonly cumWorkMs: Float64Array;
  /** gapCum[i] = unconfigured days among days [0, i); null when every year in range is configured. */
  private readonly gapCum: Int32Array | null;
  private readonly profileOf: Uint8Array;
  private readonly profiles: readonly HoursProfile[];
  private readonly names: ReadonlyMap<number, string>;

  constructor(days: readonly CalendarDayRow[], hours: WorkingHours) {
    const compiled = compileWorkingHours(hours);
    this.profiles = compiled.profiles;
    const parsed: { dn: number; row: CalendarDayRow }[] = [];
    const years = new Set<number>();
    const seen = new Set<number>();
    days.forEach((row, i) => {
      const dn = parseCivilDate(row.day);
      if (dn === null) throw new AppError('VALIDATION_FAILED', {}, { [`days.${i}.day`]: 'rule.date' });
      const year = yearOfDayNumber(dn);
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new AppError('VALIDATION_FAILED', {}, { [`days.${i}.day`]: 'rule.calendar_year_range' });
      }
      if (seen.has(dn))
        throw new AppError('VALIDATION_FAILED', {}, { [`days.${i}.day`]: 'rule.calendar_duplicate_day' });
      seen.add(dn);
      years.add(year);
      parsed.push({ dn, row });
    });
    if (years.size === 0) {
      throw new AppError(
        'CALENDAR_NOT_CONFIGURED',
        { year: '—', date: '—' },
        { days: 'rule.calendar_not_configured' },
      );
    }
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
    this.base = parseCivilDate(`${this.firstYear}-01-01`)!;
    const end = parseCivilDate(`${this.lastYear + 1}-01-01`)!;
    const n = end - this.base;
    this.n = n;

    // Defaults first (weekday rule in configured years, nothing in the others), then the rows.
    this.work = new Uint8Array(n);
    this.configured = new Uint8Array(n);
    this.profileOf = new Uint8Array(n);
    let gaps = 0;
    for (let i = 0; i < n; i++) {
      const dn = this.base + i;
      const civil = civilDateOfDayNumber(dn);
      const isConfigured = years.has(Number(civil.slice(0, 4)));
      this.configured[i] = isConfigured ? 1 : 0;
      if (!isConfigured) gaps++;
      const wd = weekdayOfDayNumber(dn);
      this.work[i] = isConfigured && wd >= 1 && wd <= 5 ? 1 : 0;
      this.profileOf[i] = compiled.profileFor(civil.slice(5));
    }
    const names = new Map<number, string>();
    for (const { dn, row } of parsed) {
      const i = dn - this.base;
      this.work[i] = row.isWorkday ? 1 : 0;
      if (row.name) names.set(i, row.name);
    }
    this.names = names;

    this.cumWork = new Int32Array(n + 1);
    this.cumWorkMs = new Float64Array(n + 1);
    this.gapCum = gaps > 0 ? new Int32Array(n + 1) : null;
    const workDays: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = this.work[i]!;
      if (w) workDays.push(i);
      this.cumWork[i + 1] = this.cumWork[i]! + w;
      this.cumWorkMs[i + 1] = this.cumWorkMs[i]! + (w ? this.profiles[this.profileOf[i]!]!.totalMs : 0);
      if (this.gapCum) this.gapCum[i + 1] = this.gapCum[i]! + (this.configured[i] ? 0 : 1);
    }
    this.workDays = Int32Array.from(workDays);
  }

  // ---------------------------------------------------------------- civil-date API (for people)

  /** Whether the year has calendar rows. */
  isYearConfigured(year: number): boolean {
    if (year < this.firstYear || year > this.lastYear) return false;
    return this.configured[parseCivilDate(`${year}-01-01`)! - this.base] === 1;
  }

  isWorkday(date: string, field = 'date'): boolean {
    return this.work[this.indexOfDate(date, field)] === 1;
  }

  /** The calendar's name for the day (春节, 调休上班…), or null. */
  dayName(date: string, field = 'date'): string | null {
    return this.names.get(this.indexOfDate(date, field)) ?? null;
  }

  /**
   * The n-th working day after `date` (n > 0), before it (n < 0), or for n = 0 `date` itself when it
   * is a working day, else the next working day. The day `date` itself is never one of the n
   * (行政许可法 第82条 counts from the day after).
   */
  addWorkingDays(date: string, n: number, field = 'date'): string {
    const i = this.indexOfDate(date, field);
    return civilDateOfDayNumber(this.base + this.addWorkingDaysIndex(i, n, field));
  }

  /** Working days in (fromExclusive, toInclusive]; negative when `toInclusive` is before `fromExclusive`. */
  countWorkingDays(fromExclusive: string, toInclusive: string): number {
    const a = this.indexOfDate(fromExclusive, 'fromExclusive');
    const b = this.indexOfDate(toInclusive, 'toInclusive');
    this.assertConfiguredBetween(this.base + Math.min(a, b), this.base + Math.max(a, b), 'toInclusive');
    return this.cumWork[b + 1]! - this.cumWork[a + 1]!;
  }

  /** The end of the working hours of a day (where day-based limits fall due), as an instant. */
  endOfWorkingHours(date: string, field = 'date'): Date {
    const i = this.indexOfDate(date, field);
    return new Date(instantOfDayStart(this.base + i) + this.profiles[this.profileOf[i]!]!.closeMs);
  }

  // ------------------------------------------------------ day-number API (for the clock engine)

  /** Throws CALENDAR_NOT_CONFIGURED (naming `field`) unless the day lies in a configured year. */
  dayIndex(dn: number, field: string): number {
    const i = dn - this.base;
    if (i < 0 || i >= this.n || this.configured[i] !== 1) this.notConfigured(dn, field);
    return i;
  }

  isWorkdayIndex(i: number): boolean {
    return this.work[i] === 1;
  }

  nameOfIndex(i: number): string | null {
    return this.names.get(i) ?? null;
  }

  dayNumberOfIndex(i: number): number {
    return this.base + i;
  }

  /** Index of the working day n working days after day index i (see addWorkingDays). */
  addWorkingDaysIndex(i: number, n: number, field: string): number {
    // Ordinal (1-based) of the target among all working days of the index.
    const ordinal =
      n > 0 ? this.cumWork[i + 1]! + n : n < 0 ? this.cumWork[i]! + n + 1 : this.cumWork[i]! + 1;
    if (ordinal < 1) this.notConfigured(this.base - 1, field);
    if (ordinal > this.workDays.length) this.notConfigured(this.base + this.n, field);
    const j = this.workDays[ordinal - 1]!;
    this.assertConfiguredBetween(this.base + Math.min(i, j), this.base + Math.max(i, j), field);
    return j;
  }

  /** The instant at which the working hours of day index i end. */
  closeMsOfIndex(i: number): number {
    return instantOfDayStart(this.base + i) + this.profiles[this.profileOf[i]!]!.closeMs;
  }

  /** Throws CALENDAR_NOT_CONFIGURED if any day in [dnA, dnB] lies in a year without rows. */
  assertConfiguredBetween(dnA: number, dnB: number, field: string): void {
    const a = dnA - this.base;
    const b = dnB - this.base;
    if (a < 0) this.notConfigured(dnA, field);
    if (b >= this.n) this.notConfigured(dnB, field);
    if (this.gapCum === null || this.gapCum[b + 1] === this.gapCum[a]) return;
    for (let i = a; i <= b; i++) if (this.configured[i] !== 1) this.notConfigured(this.base + i, field);
  }

  /** Workday coordinate at the start (00:00) of a day: the working days strictly before it. */
  workdayCoordAtDayStart(dn: number, field: string): number {
    const i = dn - this.base;
    if (i === this.n) return this.cumWork[i]!; // the midnight closing the last configured year
    return this.cumWork[this.dayIndex(dn, field)]!;
  }

  /** Workday coordinate of an instant (see the class comment). */
  workdayCoordAt(ms: number, field: string): number {
    const dn = dayNumberOfInstant(ms);
    const i = this.dayIndex(dn, field);
    const c = this.cumWork[i]!;
    if (this.work[i] !== 1) return c;
    const p = this.profiles[this.profileOf[i]!]!;
    return c + workedMsAt(p, ms - instantOfDayStart(dn)) / p.totalMs;
  }

  /**
   * The earliest instant whose workday coordinate is `c` (c > 0). A whole number k is the end of the
   * working hours of the k-th working day — "a due instant is the end of the last working day's
   * working hours" — not the start of the next one.
   */
  instantAtWorkdayCoord(c: number, field: string): number {
    const k = Math.floor(c);
    const f = c - k;
    if (f === 0) {
      if (k < 1) this.notConfigured(this.base - 1, field);
      if (k > this.workDays.length) this.notConfigured(this.base + this.n, field);
      return this.closeMsOfIndex(this.workDays[k - 1]!);
    }
    if (k >= this.workDays.length) this.notConfigured(this.base + this.n, field);
    const i = this.workDays[k]!;
    const p = this.profiles[this.profileOf[i]!]!;
    // Round to whole ms: the coordinate is a float, instants are integers.
    const worked = Math.min(p.totalMs, Math.max(1, Math.round(f * p.totalMs)));
    return instantOfDayStart(this.base + i) + msOfDayAtWorked(p, worked);
  }

  /** Working milliseconds elapsed from the start of the index up to the instant. */
  workMsCoordAt(ms: number, field: string): number {
    const dn = dayNumberOfInstant(ms);
    const i = this.dayIndex(dn, field);
    const c = this.cumWorkMs[i]!;
    if (this.work[i] !== 1) return c;
    return c + workedMsAt(this.profiles[this.profileOf[i]!]!, ms - instantOfDayStart(dn));
  }

  /** The earliest instant at which the work-ms coordinate reaches `c` (c > 0). O(log n). */
  instantAtWorkMsCoord(c: number, field: string): number {
    if (c > this.cumWorkMs[this.n]!) this.notConfigured(this.base + this.n, field);
    // Smallest i with cumWorkMs[i + 1] >= c: the working day in which the c-th ms elapses.
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumWorkMs[mid + 1]! >= c) hi = mid;
      else lo = mid + 1;
    }
    const p = this.profiles[this.profileOf[lo]!]!;
    return instantOfDayStart(this.base + lo) + msOfDayAtWorked(p, c - this.cumWorkMs[lo]!);
  }

  private indexOfDate(date: string, field: string): number {
    const dn = parseCivilDate(date);
    if (dn === null) throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.date' });
    return this.dayIndex(dn, field);
  }

  private notConfigured(dn: number, field: string): never {
    throw new AppError(
      'CALENDAR_NOT_CONFIGURED',
      { year: yearOfDayNumber(dn), date: civilDateOfDayNumber(dn) },
      { [field]: 'rule.calendar_not_configured' },
    );
  }
}

/** Build the index of a center's calendar rows and working hours (validates both). */
export function buildCalendarIndex(days: readonly CalendarDayRow[], hours: WorkingHours): CalendarIndex {
  return new CalendarIndex(days, hours);
}

import { AppError } from '../errors';
import { MINUTE_MS, parseHhmm } from './civil-time';

/** One block of working time in the center's wall-clock time, e.g. 08:30–11:30. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/**
 * A seasonal variant of the working hours (夏令/冬令作息), valid from 'MM-DD' to 'MM-DD' inclusive.
 * `from` > `to` wraps the year end (e.g. winter 10-01 → 04-30).
 */
export interface WorkingHoursSeason {
  from: string;
  to: string;
  periods: WorkingPeriod[];
}

/** A center's working hours: the default periods, and seasons that override them (first match wins). */
export interface WorkingHours {
  periods: WorkingPeriod[];
  seasons?: WorkingHoursSeason[] | null;
}

/** Validated periods of one profile, as milliseconds since midnight. */
export interface HoursProfile {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Working milliseconds in a day of this profile (> 0). */
  readonly totalMs: number;
  /** End of the last period: "the end of the working hours" of a day, where day-based limits fall due. */
  readonly closeMs: number;
}

export interface CompiledHours {
  /** profiles[0] is the default; profiles[s + 1] is season s. */
  readonly profiles: readonly HoursProfile[];
  /** Profile index for a month-day 'MM-DD'. */
  profileFor(monthDay: string): number;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isMonthDay(md: string): boolean {
  const m = MONTH_DAY.exec(md);
  if (!m) return false;
  const mo = Number(m[1]);
  const d = Number(m[2]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[mo - 1] ?? 0);
}

function compileProfile(periods: readonly WorkingPeriod[], path: string): HoursProfile {
  if (periods.length === 0) {
    throw new AppError('VALIDATION_FAILED', {}, { [path]: 'rule.required' });
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let totalMs = 0;
  let previousEnd = -1;
  periods.forEach((p, i) => {
    const s = parseHhmm(p.start);
    const e = parseHhmm(p.end);
    if (s === null) throw new AppError('VALIDATION_FAILED', {}, { [`${path}.${i}.start`]: 'rule.time_hhmm' });
    if (e === null) throw new AppError('VALIDATION_FAILED', {}, { [`${path}.${i}.end`]: 'rule.time_hhmm' });
    if (e <= s) throw new AppError('VALIDATION_FAILED', {}, { [`${path}.${i}.end`]: 'rule.after_from' });
    // Periods must be in order and disjoint so "working time so far today" is a simple sum.
    if (s < previousEnd) {
      throw new AppError('VALIDATION_FAILED', {}, { [`${path}.${i}.start`]: 'rule.working_periods_order' });
    }
    previousEnd = e;
    starts.push(s * MINUTE_MS);
    ends.push(e * MINUTE_MS);
    totalMs += (e - s) * MINUTE_MS;
  });
  return { starts, ends, totalMs, closeMs: previousEnd * MINUTE_MS };
}

/** Validate and compile working hours. Errors name the offending field (`hours.seasons.0.from`, …). */
export function compileWorkingHours(hours: WorkingHours): CompiledHours {
  const profiles: HoursProfile[] = [compileProfile(hours.periods, 'hours.periods')];
  const seasons = hours.seasons ?? [];
  seasons.forEach((s, i) => {
    if (!isMonthDay(s.from))
      throw new AppError('VALIDATION_FAILED', {}, { [`hours.seasons.${i}.from`]: 'rule.month_day' });
    if (!isMonthDay(s.to))
      throw new AppError('VALIDATION_FAILED', {}, { [`hours.seasons.${i}.to`]: 'rule.month_day' });
    profiles.push(compileProfile(s.periods, `hours.seasons.${i}.periods`));
  });
  const profileFor = (md: string): number => {
    for (let i = 0; i < seasons.length; i++) {
      const s = seasons[i]!;
      const inside = s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to;
      if (inside) return i + 1;
    }
    return 0;
  };
  return { profiles, profileFor };
}

/** Working milliseconds of a profile elapsed at `msOfDay` (0 before the first period, totalMs after the last). */
export function workedMsAt(p: HoursProfile, msOfDay: number): number {
  let worked = 0;
  for (let k = 0; k < p.starts.length; k++) {
    const s = p.starts[k]!;
    if (msOfDay <= s) break;
    const e = p.ends[k]!;
    worked += (msOfDay < e ? msOfDay : e) - s;
  }
  return worked;
}

/**
 * The earliest ms-of-day at which `worked` working milliseconds (0 < worked ≤ totalMs) have elapsed.
 * "Earliest" matters at a period end: 2 hours from 09:30 end at 11:30, not at 14:00.
 */
export function msOfDayAtWorked(p: HoursProfile, worked: number): number {
  let left = worked;
  for (let k = 0; k < p.starts.length; k++) {
    const s = p.starts[k]!;
    const len = p.ends[k]! - s;
    if (left <= len) return s + left;
    left -= len;
  }
  return p.closeMs;
}

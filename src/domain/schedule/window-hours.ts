import { compileWorkingHours } from '../calendar/working-hours';
import type { WorkingHours, WorkingPeriod } from '../calendar/working-hours';
import { parseCivilDate, parseHhmm, weekdayOfDayNumber } from '../calendar/civil-time';
import { normalize, subtract, union, type Interval } from './intervals';

/**
 * Opening hours of one window on one day: the center's working hours (from the calendar issue, with
 * their seasonal variants) laid under the window's own exceptions. The seeds' examples:
 *  - 错时服务: some windows stay open over lunch on working days (`workday` + `add` 11:30–14:00);
 *  - 公安窗口全年无休: on weekends and holidays the police window opens 9:00–11:00 and 14:00–16:00
 *    (`restday` + `replace`);
 *  - 周末便民服务: four department windows open all Saturday (`saturday` + `replace`);
 *  - 周日轮值: windows take turns on Sundays (`sunday` + `replace`; the duty roster says whose turn).
 * A window is actually open only while somebody is on duty there (see duty.ts): hours are the
 * promise, the roster keeps it.
 */

/** Facts about a civil day that the rules look at (from the center's calendar). */
export interface DayFacts {
  readonly date: string;
  readonly isWorkday: boolean;
  /** The calendar's name of the day (春节, 调休上班…), or null for an ordinary day. */
  readonly name: string | null;
}

export const dayKinds = ['every_day', 'workday', 'restday', 'saturday', 'sunday', 'holiday', 'date'] as const;
export type DayKind = (typeof dayKinds)[number];
export const hoursModes = ['add', 'replace', 'close'] as const;
export type HoursMode = (typeof hoursModes)[number];

/** A per-window exception to the center's hours. */
export interface HoursRule {
  readonly id: string;
  readonly windowId: string;
  readonly days: DayKind;
  /** The day of a `date` rule. */
  readonly date: string | null;
  /** Optional validity range of the rule (inclusive civil dates). */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** add: extra open periods; replace: these periods instead of the center's; close: closed (whole day when empty). */
  readonly mode: HoursMode;
  readonly periods: readonly WorkingPeriod[];
}

function weekday(date: string): number {
  const dn = parseCivilDate(date);
  if (dn === null) throw new RangeError(`not a civil date: ${date}`);
  return weekdayOfDayNumber(dn);
}

/**
 * Whether the rule's day kind covers the day. `saturday`/`sunday` mean an ordinary rest Saturday or
 * Sunday: a 调休 working Saturday keeps the normal hours, and a Saturday inside 春节 is a `holiday`.
 */
export function ruleMatches(rule: HoursRule, day: DayFacts): boolean {
  if (rule.validFrom && day.date < rule.validFrom) return false;
  if (rule.validTo && day.date > rule.validTo) return false;
  const rest = !day.isWorkday;
  switch (rule.days) {
    case 'every_day':
      return true;
    case 'workday':
      return day.isWorkday;
    case 'restday':
      return rest;
    case 'holiday':
      return rest && day.name !== null;
    case 'saturday':
      return rest && day.name === null && weekday(day.date) === 6;
    case 'sunday':
      return rest && day.name === null && weekday(day.date) === 0;
    case 'date':
      return rule.date === day.date;
  }
}

/** A more specific rule wins a `replace` tie: one date over holidays/weekdays over every day. */
const specificity: Record<DayKind, number> = {
  date: 4,
  holiday: 3,
  saturday: 3,
  sunday: 3,
  restday: 2,
  workday: 2,
  every_day: 1,
};

export function periodsToIntervals(periods: readonly WorkingPeriod[]): Interval[] {
  return normalize(
    periods.map((p) => {
      const start = parseHhmm(p.start);
      const end = parseHhmm(p.end);
      if (start === null || end === null) throw new RangeError(`not a period: ${p.start}–${p.end}`);
      return { start, end };
    }),
  );
}

/**
 * The center's working periods of a day (seasonal variant included; none on a non-working day), as a
 * function so the hours are validated and compiled once for a month of days.
 */
export function centerHours(hours: WorkingHours): (day: DayFacts) => Interval[] {
  const compiled = compileWorkingHours(hours);
  const profiles = [hours.periods, ...(hours.seasons ?? []).map((s) => s.periods)].map(periodsToIntervals);
  return (day) => (day.isWorkday ? (profiles[compiled.profileFor(day.date.slice(5))] ?? profiles[0]!) : []);
}

/**
 * Open intervals of a window on a day: the center's periods, replaced by the most specific matching
 * `replace` rule (the later one in the list on a tie), plus every matching `add`, minus every matching
 * `close` (a close without periods closes the whole day).
 */
export function windowIntervals(
  center: readonly Interval[],
  day: DayFacts,
  rules: readonly HoursRule[],
): Interval[] {
  const matching = rules.filter((r) => ruleMatches(r, day));
  let base: Interval[] = normalize(center);
  let best = 0;
  for (const r of matching) {
    if (r.mode !== 'replace' || specificity[r.days] < best) continue;
    best = specificity[r.days];
    base = periodsToIntervals(r.periods);
  }
  for (const r of matching) if (r.mode === 'add') base = union(base, periodsToIntervals(r.periods));
  for (const r of matching) {
    if (r.mode !== 'close') continue;
    base = r.periods.length === 0 ? [] : subtract(base, periodsToIntervals(r.periods));
  }
  return base;
}

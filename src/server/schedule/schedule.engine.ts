import type { CalendarIndex, WorkingHours } from '../../domain/calendar';
import { instantOfCivil } from '../../domain/calendar';
import { civilDateOfDayNumber, DAY_MS, parseCivilDate } from '../../domain/calendar/civil-time';
import { windowServesCategory } from '../../domain/queue/eligibility';
import {
  centerHours,
  dutySegments,
  type Absence,
  type DayFacts,
  type DutySegment,
  type HoursRule,
  type Interval,
  type Substitution,
  windowIntervals,
} from '../../domain/schedule';
import type { Queryable } from '../db/db';
import { effectiveHours, getCalendarIndex } from '../calendar/calendar.service';
import { findChain, findVersion } from '../calendar/calendar.repository';
import * as repo from './schedule.repository';

/**
 * Everything needed to know who is on duty where over a range of days, loaded in a handful of
 * queries, and the pure computations over it: a window's open hours and duty of a day, and the
 * window pool of a ticket category. The calendar and the center hours come from the calendar issue
 * (getCalendarIndex / effectiveHours); nothing here duplicates them.
 */
export interface ScheduleData {
  centerId: string;
  calendar: CalendarIndex;
  hours: WorkingHours;
  windows: repo.WindowInfo[];
  staff: repo.StaffInfo[];
  rulesByWindow: Map<string, HoursRule[]>;
  roster: Map<string, string[]>;
  absences: Absence[];
  substitutions: Substitution[];
  windowItems: Map<string, Set<string>>;
  staffItems: Map<string, Set<string>>;
  /** Officers posted at each window (staff.window_id), active only. */
  assigned: Map<string, string[]>;
  /** Per-day facts and computed window duty. */
  days: Map<string, DayCache>;
  centerDay: (day: DayFacts) => Interval[];
}

export interface WindowDuty {
  open: Interval[];
  segments: DutySegment[];
}

const group = <T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

export const toSubstitution = (r: repo.SubstitutionRow): Substitution => ({
  absentId: r.absent_staff_id,
  standInId: r.stand_in_staff_id,
  windowId: r.window_id,
  fromMs: r.from_at.getTime(),
  toMs: Math.min(r.to_at.getTime(), r.ended_at?.getTime() ?? Infinity),
});

/**
 * A center's effective working hours, cached per calendar version: every edit of a center's days or
 * hours gives it (and the centers below) a new version (calendar.service.ts), so one primary-key read
 * tells whether the cached hours still hold.
 */
const hoursCache = new Map<string, { version: string; hours: WorkingHours }>();
export async function loadCenterHours(q: Queryable, centerId: string): Promise<WorkingHours> {
  const version = (await findVersion(q, centerId)) ?? 'unversioned';
  const hit = hoursCache.get(centerId);
  if (hit && hit.version === version) return hit.hours;
  const chain = await findChain(q, centerId);
  const { hours } = await effectiveHours(
    q,
    chain.map((c) => c.id),
  );
  if (hoursCache.size > 2000) hoursCache.clear();
  hoursCache.set(centerId, { version, hours });
  return hours;
}

/**
 * Load the schedule of a center for the civil days [from, to]. `itemIds` narrows the skills matrix to
 * the items of the categories asked about (a booking needs one category's, not the whole center's).
 */
export async function loadSchedule(
  q: Queryable,
  centerId: string,
  from: string,
  to: string,
  itemIds?: readonly string[],
): Promise<ScheduleData> {
  const fromAt = instantOfCivil(from);
  const toAt = new Date(instantOfCivil(to).getTime() + DAY_MS);
  // A transaction runs one statement at a time: ask one after the other. The pool (a read outside
  // any transaction, e.g. the availability view) answers them side by side.
  const inParallel = 'transaction' in q;
  const queries = [
    () => getCalendarIndex(q, centerId),
    () => loadCenterHours(q, centerId),
    () => repo.listWindows(q, centerId),
    () => repo.listStaff(q, centerId),
    () => repo.listHoursRules(q, centerId),
    () => repo.listRoster(q, centerId, from, to),
    () => repo.listAbsences(q, centerId, fromAt, toAt),
    () => repo.listSubstitutions(q, centerId, fromAt, toAt),
    () => repo.windowItemsOfCenter(q, centerId, itemIds ?? null),
    () => repo.staffItemsOfCenter(q, centerId, itemIds ?? null),
  ] as const;
  const results: unknown[] = [];
  if (inParallel) results.push(...(await Promise.all(queries.map((f) => f()))));
  else for (const f of queries) results.push(await f());
  const [calendar, hours, windows, staff, rules, roster, absences, subs, wItems, sItems] = results as [
    CalendarIndex,
    WorkingHours,
    repo.WindowInfo[],
    repo.StaffInfo[],
    repo.HoursRuleRow[],
    repo.RosterRow[],
    repo.AbsenceRow[],
    repo.SubstitutionRow[],
    { window_id: string; item_id: string }[],
    { staff_id: string; item_id: string }[],
  ];
  const setsOf = (rows: { k: string; item_id: string }[]) => {
    const m = new Map<string, Set<string>>();
    for (const r of rows) {
      let s = m.get(r.k);
      if (!s) m.set(r.k, (s = new Set()));
      s.add(r.item_id);
    }
    return m;
  };
  const rosterMap = new Map<string, string[]>();
  for (const r of roster) {
    const k = `${r.day}|${r.window_id}`;
    rosterMap.set(k, [...(rosterMap.get(k) ?? []), r.staff_id]);
  }
  return {
    centerId,
    calendar,
    hours,
    windows,
    staff,
    rulesByWindow: group(
      rules.map((r): HoursRule => ({
        id: r.id,
        windowId: r.window_id,
        days: r.days,
        date: r.date,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        mode: r.mode,
        periods: r.periods,
      })),
      (r) => r.windowId,
    ),
    roster: rosterMap,
    absences: absences.map((a) => ({
      staffId: a.staff_id,
      fromMs: a.from_at.getTime(),
      toMs: a.to_at.getTime(),
    })),
    substitutions: subs.map(toSubstitution),
    windowItems: setsOf(wItems.map((r) => ({ k: r.window_id, item_id: r.item_id }))),
    staffItems: setsOf(sItems.map((r) => ({ k: r.staff_id, item_id: r.item_id }))),
    assigned: new Map(
      [
        ...group(
          staff.filter((st) => st.active && st.window_id),
          (st) => st.window_id!,
        ),
      ].map(([k, v]) => [k, v.map((x) => x.id)]),
    ),
    days: new Map(),
    centerDay: centerHours(hours),
  };
}

interface DayCache {
  facts: DayFacts;
  dayStartMs: number;
  center: Interval[];
  duty: Map<string, WindowDuty>;
}

/** Per-day facts computed once per loaded schedule (a month view asks for each day many times). */
function dayCache(data: ScheduleData, date: string): DayCache {
  let d = data.days.get(date);
  if (!d) {
    const facts = { date, isWorkday: data.calendar.isWorkday(date), name: data.calendar.dayName(date) };
    d = { facts, dayStartMs: instantOfCivil(date).getTime(), center: data.centerDay(facts), duty: new Map() };
    data.days.set(date, d);
  }
  return d;
}

export const dayFacts = (data: ScheduleData, date: string): DayFacts => dayCache(data, date).facts;
/** The instant of 00:00 of the day in the center, in ms. */
export const dayStartOf = (data: ScheduleData, date: string): number => dayCache(data, date).dayStartMs;

/** A window's open hours and staffed segments on a day. */
export function windowDuty(data: ScheduleData, windowId: string, date: string): WindowDuty {
  const day = dayCache(data, date);
  const hit = day.duty.get(windowId);
  if (hit) return hit;
  const open = windowIntervals(day.center, day.facts, data.rulesByWindow.get(windowId) ?? []);
  const segments = dutySegments({
    windowId,
    dayStartMs: day.dayStartMs,
    isWorkday: day.facts.isWorkday,
    open,
    rostered: data.roster.get(`${date}|${windowId}`) ?? null,
    assigned: data.assigned.get(windowId) ?? [],
    absences: data.absences,
    substitutions: data.substitutions,
  });
  const duty = { open, segments };
  day.duty.set(windowId, duty);
  return duty;
}

/**
 * Which windows of its hall serve a category and which officers there may (全岗通: at a
 * comprehensive window the officer must be skilled for every item of the category; see
 * domain/queue/eligibility.ts). It does not depend on the day, so it is worked out once.
 */
export interface CategoryPlan {
  windows: { id: string; eligible: (staffId: string) => boolean }[];
}

export function planCategory(
  data: ScheduleData,
  category: { hallName: string; itemIds: readonly string[] },
): CategoryPlan {
  const windows: CategoryPlan['windows'] = [];
  for (const w of data.windows) {
    if (w.hall !== category.hallName) continue;
    const windowItemIds = data.windowItems.get(w.id) ?? new Set<string>();
    if (!windowServesCategory({ kind: 'department', windowItemIds, officerItemIds: null }, category.itemIds))
      continue;
    // Decided per officer the first time they are met on duty there, then remembered.
    const known = new Map<string, boolean>();
    const eligible = (staffId: string): boolean => {
      let ok = known.get(staffId);
      if (ok === undefined) {
        const officerItemIds = data.staffItems.get(staffId) ?? new Set<string>();
        ok = windowServesCategory({ kind: w.kind, windowItemIds, officerItemIds }, category.itemIds);
        known.set(staffId, ok);
      }
      return ok;
    };
    windows.push({ id: w.id, eligible });
  }
  return { windows };
}

/** The window pool of a category on a day: its windows' staffed segments, reduced to the eligible officers. */
export function poolOn(data: ScheduleData, plan: CategoryPlan, date: string): DutySegment[][] {
  const pool: DutySegment[][] = [];
  for (const w of plan.windows) {
    const segments: DutySegment[] = [];
    for (const seg of windowDuty(data, w.id, date).segments) {
      let all = true;
      for (const id of seg.staffIds) if (!w.eligible(id)) all = false;
      if (all) segments.push(seg);
      else {
        const staffIds = seg.staffIds.filter(w.eligible);
        if (staffIds.length > 0) segments.push({ ...seg, staffIds });
      }
    }
    if (segments.length > 0) pool.push(segments);
  }
  return pool;
}

export function categoryPool(
  data: ScheduleData,
  category: { hallName: string; itemIds: readonly string[] },
  date: string,
): DutySegment[][] {
  return poolOn(data, planCategory(data, category), date);
}

/** Civil dates from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const a = parseCivilDate(from);
  const b = parseCivilDate(to);
  if (a === null || b === null) return [];
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(civilDateOfDayNumber(d));
  return out;
}

export const addDays = (date: string, n: number): string => civilDateOfDayNumber(parseCivilDate(date)! + n);

import type { CalendarIndex } from '../calendar/calendar-index';
import { DAY_MS, dayNumberOfInstant, instantOfDayStart } from '../calendar/civil-time';
import type { Deadline, DeadlineInput, Limit } from './clock.types';
import { instantMs, validateExtensions, validateLimit, validatePauses } from './clock.validate';
import type { PauseMs } from './clock.validate';

/**
 * How a due instant is found. The rules, with their legal basis (行政许可法), are:
 *
 *  1. Counting starts the day after the start instant (第82条: limits are counted in working days,
 *     statutory holidays excluded; 民法典 第201条: the first day is not counted). A limit of 0 days
 *     means "within the day of acceptance", or the next working day when that is not one (即办件).
 *     A limit in working hours starts counting at the start instant itself (民法典 第201条 第2款).
 *  2. A limit in working days falls due at the end of the working hours of its last working day
 *     (民法典 第203条 第2款: with business hours, the period ends when business stops). A limit in
 *     natural days ends on the n-th calendar day after the start; if that day is not a working day it
 *     moves to the next working day (民法典 第203条 第1款), and falls due at the end of its working
 *     hours. A limit in working hours consumes only working hours of working days.
 *  3. Pauses (特别程序 of 第45条: 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、现场核查; and 补正 during
 *     processing where the center's policy says so) are not counted: the due moves by exactly the
 *     time they cover, measured in the limit's own unit — working time (a fraction of a working day,
 *     or working hours) for working-day and working-hour limits, elapsed time for natural-day limits.
 *     Overlapping pauses count once. A pause that begins after the due has passed gives nothing back:
 *     the case was already overdue.
 *  4. Extensions (延期, 第42条: +10 working days; 第26条 joint handling: 45 + 15) add working days
 *     after the due reached so far, in the workday coordinate, pauses still not counted.
 *
 * Mechanically the due is a walk along a coordinate that grows only while the clock runs (see
 * CalendarIndex): the budget is consumed between pauses and the walk jumps over each pause. Each
 * step is O(1) or O(log n) in the calendar, so the whole computation is O(p log p) for p pauses.
 */

/** A piece of pause time after removing overlaps: instants [a, b), owned by pause `owner`. */
export interface PauseSegment {
  owner: number;
  a: number;
  b: number;
}

export interface DeadlineTrace {
  startMs: number;
  startDn: number;
  /** Where counting begins (00:00 of the next day, or the start itself for hours). */
  countStartMs: number;
  /** Natural-day limits only: the last calendar day of the limit, before moving to a working day. */
  lastNaturalDn: number | null;
  /** The due without extensions. */
  baseDueMs: number;
  dueMs: number;
  segments: PauseSegment[];
  /** For each segment, the instant from which it was counted, or NaN when it gave nothing back. */
  countedFrom: number[];
}

/** Float tolerance of the workday coordinate: 1e-9 day ≈ 0.03 ms, far below the 1 ms resolution. */
const EPS = 1e-9;
const snap = (c: number): number => {
  const r = Math.round(c);
  return Math.abs(c - r) < EPS ? r : c;
};

const HOUR_MS = 3_600_000;

/** Remove overlaps: the segments are disjoint, sorted, and start at or after `countStartMs`. */
function toSegments(pauses: readonly PauseMs[], countStartMs: number): PauseSegment[] {
  const segments: PauseSegment[] = [];
  let coveredUntil = countStartMs;
  for (const p of pauses) {
    const a = p.from > coveredUntil ? p.from : coveredUntil;
    if (p.to > a) segments.push({ owner: p.index, a, b: p.to });
    if (p.to > coveredUntil) coveredUntil = p.to;
  }
  return segments;
}

interface WalkResult {
  end: number;
  next: number;
}

/** The coordinates a walk can follow (module-level, not closures: the hot path allocates nothing). */
type Axis = 'workday' | 'natural' | 'workMs';

function coordOf(calendar: CalendarIndex, axis: Axis, ms: number, field: string): number {
  return axis === 'natural'
    ? ms
    : axis === 'workday'
      ? calendar.workdayCoordAt(ms, field)
      : calendar.workMsCoordAt(ms, field);
}

/**
 * Consume `budget` along `axis` from `c0`, jumping over the segments from `first` on (clipped to start
 * at `minA`). A segment counts only if it begins before the budget is used up.
 */
function walk(
  calendar: CalendarIndex,
  axis: Axis,
  field: string,
  c0: number,
  budget: number,
  segments: readonly PauseSegment[],
  countedFrom: number[],
  first: number,
  minA: number,
): WalkResult {
  // Day coordinates are floats (fractions of a working day); the others are whole milliseconds.
  const eps = axis === 'workday' ? EPS : 0;
  let cursor = c0;
  let remaining = budget;
  let j = first;
  for (; j < segments.length; j++) {
    const s = segments[j]!;
    const a = s.a > minA ? s.a : minA;
    if (s.b <= a) continue;
    const ca = coordOf(calendar, axis, a, field);
    if (ca - cursor >= remaining - eps) break;
    remaining -= ca - cursor;
    countedFrom[j] = a;
    cursor = coordOf(calendar, axis, s.b, field);
  }
  return { end: cursor + remaining, next: j };
}

/** The full computation, with what the explanation needs. Inputs must be validated. */
export function traceDeadline(
  calendar: CalendarIndex,
  startMs: number,
  limit: Limit,
  pauses: readonly PauseMs[],
  extensionDays: number,
): DeadlineTrace {
  const startDn = dayNumberOfInstant(startMs);
  calendar.dayIndex(startDn, 'start');
  const { amount, unit } = limit;
  // 第82条: the day of acceptance is not counted — unless the limit is 0 ("within the day").
  const firstDn = amount > 0 ? startDn + 1 : startDn;
  const dayBudget = amount > 0 ? amount : 1;
  const countStartMs = unit === 'workhour' ? startMs : instantOfDayStart(firstDn);
  const segments = toSegments(pauses, countStartMs);
  const countedFrom: number[] = [];
  for (let j = 0; j < segments.length; j++) countedFrom.push(Number.NaN);
  const field = 'limit.amount';
  let lastNaturalDn: number | null = null;
  let baseDueMs: number;
  let next: number;

  if (unit === 'workday') {
    const c0 = calendar.workdayCoordAtDayStart(firstDn, 'start');
    const r = walk(calendar, 'workday', field, c0, dayBudget, segments, countedFrom, 0, countStartMs);
    baseDueMs = calendar.instantAtWorkdayCoord(snap(r.end), field);
    next = r.next;
  } else if (unit === 'day') {
    // Natural time is its own coordinate (epoch ms).
    const r = walk(
      calendar,
      'natural',
      field,
      countStartMs,
      dayBudget * DAY_MS,
      segments,
      countedFrom,
      0,
      countStartMs,
    );
    lastNaturalDn = dayNumberOfInstant(r.end - 1);
    const dueIndex = calendar.addWorkingDaysIndex(calendar.dayIndex(lastNaturalDn, field), 0, field);
    baseDueMs = calendar.closeMsOfIndex(dueIndex);
    next = r.next;
  } else {
    const c0 = calendar.workMsCoordAt(startMs, 'start');
    const r = walk(
      calendar,
      'workMs',
      field,
      c0,
      Math.round(amount * HOUR_MS),
      segments,
      countedFrom,
      0,
      countStartMs,
    );
    baseDueMs = calendar.instantAtWorkMsCoord(r.end, field);
    next = r.next;
  }

  let dueMs = baseDueMs;
  if (extensionDays > 0) {
    const c0 = calendar.workdayCoordAt(baseDueMs, 'extensions');
    const r = walk(
      calendar,
      'workday',
      'extensions',
      c0,
      extensionDays,
      segments,
      countedFrom,
      next,
      baseDueMs,
    );
    dueMs = calendar.instantAtWorkdayCoord(snap(r.end), 'extensions');
  }
  calendar.assertConfiguredBetween(startDn, dayNumberOfInstant(dueMs), field);
  return { startMs, startDn, countStartMs, lastNaturalDn, baseDueMs, dueMs, segments, countedFrom };
}

/**
 * The due instant of a limit started at `start`, given pauses and extensions. Pure and fast: the
 * common case (working days, nothing paused or extended) is two array reads.
 * Throws AppError CLOCK_INVALID_* naming the bad field, or CALENDAR_NOT_CONFIGURED.
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const startMs = instantMs(input.start, 'start');
  const { calendar, limit, pauses, extensions } = input;
  validateLimit(limit, 'limit');
  const nowMs = input.now === null || input.now === undefined ? null : instantMs(input.now, 'now');
  if (
    limit.unit === 'workday' &&
    (!pauses || pauses.length === 0) &&
    (!extensions || extensions.length === 0)
  ) {
    // The n-th working day after the day of acceptance, read from the index.
    const i = calendar.dayIndex(dayNumberOfInstant(startMs), 'start');
    return {
      due: new Date(calendar.closeMsOfIndex(calendar.addWorkingDaysIndex(i, limit.amount, 'limit.amount'))),
    };
  }
  const valid = validatePauses(pauses, startMs, nowMs, null);
  const extensionDays = validateExtensions(extensions);
  return { due: new Date(traceDeadline(calendar, startMs, limit, valid, extensionDays).dueMs) };
}

import type { CalendarIndex } from '../calendar/calendar-index';
import { DAY_MS, civilDateOfDayNumber, dayNumberOfInstant, formatInstant } from '../calendar/civil-time';
import type { Extension, ExplanationEntry, Limit, PauseNote } from './clock.types';
import type { PauseMs } from './clock.validate';
import { traceDeadline } from './deadline';
import type { DeadlineTrace } from './deadline';

/**
 * The explanation of a deadline, step by step, so a person can check it with a paper calendar:
 * where counting starts, which holidays and weekends were skipped and which 调休 weekends were worked,
 * what each pause gave back, what each extension added. Built only on demand (it loops over days).
 */

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const day = (ms: number): string => civilDateOfDayNumber(dayNumberOfInstant(ms));

/** Calendar entries for days [fromDn, toDn]: holiday runs, weekends, make-up working days. */
function calendarEntries(
  calendar: CalendarIndex,
  fromDn: number,
  toDn: number,
  withWorkdays: boolean,
): ExplanationEntry[] {
  const out: ExplanationEntry[] = [];
  let weekends = 0;
  // The current run of consecutive non-working days with the same holiday name.
  let runName: string | null = null;
  let runFrom = 0;
  let runTo = 0;
  const flush = (): void => {
    if (runName !== null) {
      const days = runTo - runFrom + 1;
      out.push({
        kind: 'holidaySkipped',
        from: civilDateOfDayNumber(runFrom),
        to: civilDateOfDayNumber(runTo),
        days,
        name: runName,
      });
    }
    runName = null;
  };
  for (let dn = fromDn; dn <= toDn; dn++) {
    const i = calendar.dayIndex(dn, 'limit.amount');
    const name = calendar.nameOfIndex(i);
    if (calendar.isWorkdayIndex(i)) {
      flush();
      if (withWorkdays && name !== null)
        out.push({ kind: 'makeUpWorkday', day: civilDateOfDayNumber(dn), name });
    } else if (name === null) {
      flush();
      weekends++;
    } else if (name === runName && runTo === dn - 1) {
      runTo = dn;
    } else {
      flush();
      runName = name;
      runFrom = dn;
      runTo = dn;
    }
  }
  flush();
  if (weekends > 0) out.push({ kind: 'weekendsSkipped', days: weekends });
  return out;
}

export interface ExplainInput {
  calendar: CalendarIndex;
  limit: Limit;
  pauses: readonly PauseMs[];
  kinds: readonly (string | null)[];
  extensions: readonly Extension[];
  trace: DeadlineTrace;
}

export function explainDeadline(x: ExplainInput): ExplanationEntry[] {
  const { calendar, limit, trace } = x;
  const D = (ms: number): number => calendar.workdayCoordAt(ms, 'now');
  const startIndex = calendar.dayIndex(trace.startDn, 'start');
  const out: ExplanationEntry[] = [
    {
      kind: 'start',
      at: formatInstant(trace.startMs),
      day: civilDateOfDayNumber(trace.startDn),
      amount: limit.amount,
      unit: limit.unit,
      countingFrom: formatInstant(trace.countStartMs),
      startDayIsWorkday: calendar.isWorkdayIndex(startIndex),
      afterWorkingHours: trace.startMs >= calendar.closeMsOfIndex(startIndex),
    },
  ];

  const dueDn = dayNumberOfInstant(trace.dueMs);
  const countDn = dayNumberOfInstant(trace.countStartMs);
  if (limit.unit === 'day' && trace.lastNaturalDn !== null) {
    // Natural days count holidays too; only the move to a working day needs explaining.
    const baseDueDn = dayNumberOfInstant(trace.baseDueMs);
    if (baseDueDn !== trace.lastNaturalDn) {
      out.push(...calendarEntries(calendar, trace.lastNaturalDn, baseDueDn - 1, false));
      out.push({
        kind: 'rolledToWorkday',
        from: civilDateOfDayNumber(trace.lastNaturalDn),
        to: civilDateOfDayNumber(baseDueDn),
      });
    }
    if (dueDn > baseDueDn) out.push(...calendarEntries(calendar, baseDueDn + 1, dueDn, true));
  } else {
    out.push(...calendarEntries(calendar, countDn, dueDn, true));
  }

  x.pauses
    .slice()
    .sort((a, b) => a.index - b.index)
    .forEach((p) => {
      const notes: PauseNote[] = [];
      if (p.open) notes.push('open');
      if (p.from < trace.countStartMs) notes.push('beforeCounting');
      let workingDays = 0;
      let addedBack = 0;
      let ownLength = 0;
      let uncounted = false;
      trace.segments.forEach((s, j) => {
        if (s.owner !== p.index) return;
        ownLength += s.b - s.a;
        const from = trace.countedFrom[j]!;
        if (Number.isNaN(from)) {
          uncounted = true;
          return;
        }
        if (from > s.a) uncounted = true;
        const wd = D(s.b) - D(from);
        workingDays += wd;
        addedBack +=
          limit.unit === 'workday'
            ? wd
            : limit.unit === 'day'
              ? (s.b - from) / DAY_MS
              : (calendar.workMsCoordAt(s.b, 'now') - calendar.workMsCoordAt(from, 'now')) / 3_600_000;
      });
      const own = p.to - Math.max(p.from, trace.countStartMs);
      if (own > ownLength) notes.push('overlapsEarlierPause');
      if (uncounted) notes.push('afterDue');
      if (!uncounted && ownLength > 0 && addedBack === 0) notes.push('outsideWorkingTime');
      out.push({
        kind: 'pause',
        index: p.index,
        pauseKind: x.kinds[p.index] ?? null,
        from: formatInstant(p.from),
        to: p.open ? null : formatInstant(p.to),
        workingDays: round(workingDays),
        addedBack: round(addedBack),
        unit: limit.unit,
        notes,
      });
    });

  if (x.extensions.length > 0) {
    out.push({ kind: 'dueBeforeExtensions', at: formatInstant(trace.baseDueMs), day: day(trace.baseDueMs) });
    let previousDue = trace.baseDueMs;
    let sum = 0;
    x.extensions.forEach((e, index) => {
      sum += e.amount;
      const after = traceDeadline(calendar, trace.startMs, limit, x.pauses, sum).dueMs;
      const approvedAt = e.approvedAt ? e.approvedAt.getTime() : null;
      out.push({
        kind: 'extension',
        index,
        amount: e.amount,
        approvedBy: e.approvedBy ?? null,
        reason: e.reason ?? null,
        approvedAt: approvedAt === null ? null : formatInstant(approvedAt),
        dueAfter: formatInstant(after),
        approvedAfterDue: approvedAt !== null && approvedAt > previousDue,
      });
      previousDue = after;
    });
  }
  out.push({ kind: 'due', at: formatInstant(trace.dueMs), day: day(trace.dueMs) });
  return out;
}

import type { CalendarIndex } from '../../domain/calendar';
import { clockValue, computeDeadline, type Extension, type Limit, type Pause } from '../../domain/clock';
import { isAppError } from '../../domain/errors';
import type { CaseClockView } from '../../shared/contracts/cases';
import type { CaseRow } from './cases.repository';
import type { ExtensionRow, PauseRow } from './cases.parts.repository';

/**
 * The case's clock from its rows, computed by the pure clock (src/domain/clock) with the center's
 * calendar. Limits count from acceptance (行政许可法 第42条), special procedures add back their time
 * (第45条), extensions add working days with the head's approval (第42条).
 *
 * A due that falls in a year the calendar does not have yet (CALENDAR_NOT_CONFIGURED) is stored as
 * null rather than guessed, and must never stop the window from accepting: the case is flagged and
 * the due is computed once an administrator enters the year.
 */

export type ClockRow = Pick<
  CaseRow,
  | 'accepted_at'
  | 'promised_limit_amount'
  | 'promised_limit_unit'
  | 'legal_limit_amount'
  | 'legal_limit_unit'
  | 'concluded_at'
  | 'paused_at'
  | 'status'
>;

export const promisedLimit = (r: ClockRow): Limit => ({
  amount: r.promised_limit_amount,
  unit: r.promised_limit_unit,
});
export const legalLimit = (r: ClockRow): Limit => ({
  amount: r.legal_limit_amount,
  unit: r.legal_limit_unit,
});

export const toPauses = (rows: readonly PauseRow[]): Pause[] =>
  rows.map((p) => ({ from: p.started_at, to: p.ended_at, kind: p.kind }));

export const toExtensions = (rows: readonly ExtensionRow[]): Extension[] =>
  rows.map((e) => ({
    amount: e.working_days,
    unit: 'workday',
    approvedBy: e.approved_by,
    reason: e.reason,
    approvedAt: e.approved_at,
  }));

/** Run `f`, answering null when the calendar lacks the year (the only clock error a stored row can cause). */
function unlessUnconfigured<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') return null;
    throw e;
  }
}

/** Promised and legal due as of `now` (an open pause counts up to now). */
export function caseDues(
  r: ClockRow,
  pauses: readonly Pause[],
  extensions: readonly Extension[],
  calendar: CalendarIndex,
  now: Date,
): { due: Date | null; legalDue: Date | null } {
  if (!r.accepted_at) return { due: null, legalDue: null };
  const start = r.accepted_at;
  const at = (limit: Limit) =>
    unlessUnconfigured(() => computeDeadline({ start, limit, pauses, extensions, calendar, now }).due);
  return { due: at(promisedLimit(r)), legalDue: at(legalLimit(r)) };
}

/** The due of the current approval step: its own limit from when the case entered it, pauses added back. */
export function stepDue(
  enteredAt: Date,
  limit: Limit,
  pauses: readonly Pause[],
  calendar: CalendarIndex,
  now: Date,
): Date | null {
  // Only the part of a pause after the step began gives time back to the step.
  const mine = pauses
    .filter((p) => !p.to || p.to > enteredAt)
    .map((p) => ({ ...p, from: p.from > enteredAt ? p.from : enteredAt }));
  return unlessUnconfigured(
    () => computeDeadline({ start: enteredAt, limit, pauses: mine, calendar, now }).due,
  );
}

/**
 * Working days left until `due`, measured at `at` along the calendar's workday coordinate (a
 * fraction of a day counts). While paused the clock stands still, so callers pass the pause start.
 */
export function remainingWorkingDays(calendar: CalendarIndex, due: Date, at: Date): number | null {
  return unlessUnconfigured(() => {
    const left = calendar.workdayCoordAt(due.getTime(), 'due') - calendar.workdayCoordAt(at.getTime(), 'now');
    return Math.max(0, Math.round(left * 100) / 100);
  });
}

/** The clock of the detail view, with the explanation a person can check by hand. */
export function caseClockView(
  r: ClockRow,
  pauseRows: readonly PauseRow[],
  extensionRows: readonly ExtensionRow[],
  calendar: CalendarIndex,
  now: Date,
): CaseClockView | null {
  if (!r.accepted_at) return null;
  const start = r.accepted_at;
  const input = {
    start,
    limit: promisedLimit(r),
    pauses: toPauses(pauseRows),
    extensions: toExtensions(extensionRows),
    stoppedAt: r.concluded_at,
    now: r.concluded_at && r.concluded_at > now ? r.concluded_at : now,
    calendar,
  };
  // The legal due may fall in a year the calendar lacks while the promised one does not.
  const v =
    unlessUnconfigured(() => clockValue({ ...input, legalLimit: legalLimit(r) })) ??
    unlessUnconfigured(() => clockValue(input));
  if (!v) return null;
  return {
    state: v.state,
    startedAt: start.toISOString(),
    limit: promisedLimit(r),
    legalLimit: legalLimit(r),
    due: v.due.toISOString(),
    legalDue: v.legalDue ? v.legalDue.toISOString() : null,
    elapsedWorkingDays: v.elapsedWorkingDays,
    remainingWorkingDays: v.remainingWorkingDays,
    pausedWorkingDays: v.pausedWorkingDays,
    overdueWorkingDays: v.overdueWorkingDays,
    onTime: v.onTime ?? null,
    explanation: v.explanation.map((e) => ({ ...e })),
    pauses: pauseRows.map((p) => ({
      kind: p.kind,
      expectedWorkingDays: p.expected_working_days,
      reason: p.reason,
      startedAt: p.started_at.toISOString(),
      endedAt: p.ended_at ? p.ended_at.toISOString() : null,
      result: p.result,
    })),
    extensions: extensionRows.map((e) => ({
      workingDays: e.working_days,
      approvedBy: e.approved_by,
      reason: e.reason,
      approvedAt: e.approved_at.toISOString(),
    })),
  };
}

import { AppError } from '../errors';
import { dayNumberOfInstant, formatInstant, civilDateOfDayNumber } from '../calendar/civil-time';
import type { ClockInput, ClockState, ClockValue } from './clock.types';
import { instantMs, validateExtensions, validateLimit, validatePauses } from './clock.validate';
import { traceDeadline } from './deadline';
import { explainDeadline } from './clock.explain';

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * The value of a case's clock at `now` (pure): its due, its state and the working days used, left,
 * paused and overdue, with an explanation of every step.
 *
 * - `state`: `stopped` once concluded (`stoppedAt`); else `overdue` after the due; else `paused` while
 *   a pause is open; else `running`. The due passes at the due instant itself, not before.
 * - An open pause is counted up to `now`, so while paused the due moves later with time (as of now).
 * - The working-day figures are measured along the workday coordinate (fractions of a working day for
 *   part-days), whatever the limit's unit, so the UI can always say "x of y working days used".
 * - Extensions apply to the legal limit too (第42条 extends the statutory period itself).
 */
export function clockValue(input: ClockInput): ClockValue {
  const startMs = instantMs(input.start, 'start');
  const nowMs = instantMs(input.now, 'now');
  validateLimit(input.limit, 'limit');
  if (input.legalLimit) validateLimit(input.legalLimit, 'legalLimit');
  let stoppedMs: number | null = null;
  if (input.stoppedAt !== null && input.stoppedAt !== undefined) {
    stoppedMs = instantMs(input.stoppedAt, 'stoppedAt');
    const rule =
      stoppedMs < startMs ? 'rule.clock_before_start' : stoppedMs > nowMs ? 'rule.clock_after_now' : null;
    if (rule) throw new AppError('CLOCK_INVALID_INSTANT', { field: 'stoppedAt' }, { stoppedAt: rule });
  }
  // Everything is measured up to the stop, or up to now while the case is open.
  const atMs = stoppedMs ?? nowMs;
  const pauses = validatePauses(input.pauses, startMs, atMs, atMs);
  const extensions = input.extensions ?? [];
  const extensionDays = validateExtensions(extensions);
  const { calendar, limit } = input;

  const trace = traceDeadline(calendar, startMs, limit, pauses, extensionDays);
  const legal = input.legalLimit
    ? traceDeadline(calendar, startMs, input.legalLimit, pauses, extensionDays)
    : null;
  const dueMs = trace.dueMs;

  const D = (ms: number): number => calendar.workdayCoordAt(ms, 'now');
  const from = trace.countStartMs;
  const at = Math.max(atMs, from);
  let paused = 0;
  let pausedAfterAt = 0;
  trace.segments.forEach((s, j) => {
    const a = trace.countedFrom[j]!;
    if (Number.isNaN(a)) return;
    if (a < at) paused += D(Math.min(s.b, at)) - D(a);
    if (s.b > at) pausedAfterAt += D(s.b) - D(Math.max(a, at));
  });
  const cFrom = D(from);
  const cAt = D(at);
  const cDue = D(dueMs);
  const late = atMs > dueMs;
  const elapsed = Math.max(0, cAt - cFrom - paused);
  const remaining = late ? 0 : Math.max(0, cDue - cAt - pausedAfterAt);
  // After the due no pause counts any more, so overdue time is plain working time since the due.
  const overdue = late ? Math.max(0, cAt - cDue) : 0;

  const state: ClockState =
    stoppedMs !== null ? 'stopped' : late ? 'overdue' : pauses.some((p) => p.open) ? 'paused' : 'running';

  const explanation = explainDeadline({
    calendar,
    limit,
    pauses,
    kinds: (input.pauses ?? []).map((p) => p.kind ?? null),
    extensions,
    trace,
  });
  if (legal && input.legalLimit) {
    explanation.push({
      kind: 'legalDue',
      at: formatInstant(legal.dueMs),
      day: civilDateOfDayNumber(dayNumberOfInstant(legal.dueMs)),
      amount: input.legalLimit.amount,
      unit: input.legalLimit.unit,
    });
  }
  explanation.push(
    stoppedMs !== null
      ? { kind: 'stopped', at: formatInstant(stoppedMs), onTime: !late }
      : { kind: 'state', at: formatInstant(nowMs), state },
  );

  return {
    due: new Date(dueMs),
    ...(legal ? { legalDue: new Date(legal.dueMs) } : {}),
    state,
    elapsedWorkingDays: round(elapsed),
    remainingWorkingDays: round(remaining),
    pausedWorkingDays: round(paused),
    overdueWorkingDays: round(overdue),
    ...(stoppedMs !== null ? { onTime: !late } : {}),
    explanation,
  };
}

import { AppError } from '../errors';
import type { ClockInput, ClockState, ClockValue } from '../clock/clock.types';
import { instantMs, validateExtensions, validateLimit, validatePauses } from '../clock/clock.validate';
import { traceDeadline } from '../clock/deadline';

/**
 * The figures of `clockValue` (src/domain/clock) without its explanation: the sweep evaluates many
 * cases of which few produce a card, and building the day-by-day explanation was most of the cost.
 * The arithmetic is the clock's own (traceDeadline, the same workday coordinate); a property test
 * (clock-figures.test.ts) checks that every figure equals clockValue's for random cases, so the two
 * cannot drift apart silently.
 */
export type ClockFigures = Omit<ClockValue, 'explanation' | 'legalDue'>;

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export function clockFigures(input: Omit<ClockInput, 'legalLimit'>): ClockFigures {
  const startMs = instantMs(input.start, 'start');
  const nowMs = instantMs(input.now, 'now');
  validateLimit(input.limit, 'limit');
  let stoppedMs: number | null = null;
  if (input.stoppedAt !== null && input.stoppedAt !== undefined) {
    stoppedMs = instantMs(input.stoppedAt, 'stoppedAt');
    const rule =
      stoppedMs < startMs ? 'rule.clock_before_start' : stoppedMs > nowMs ? 'rule.clock_after_now' : null;
    if (rule) throw new AppError('CLOCK_INVALID_INSTANT', { field: 'stoppedAt' }, { stoppedAt: rule });
  }
  const atMs = stoppedMs ?? nowMs;
  const pauses = validatePauses(input.pauses, startMs, atMs, atMs);
  const extensionDays = validateExtensions(input.extensions);
  const { calendar } = input;
  const trace = traceDeadline(calendar, startMs, input.limit, pauses, extensionDays);
  const dueMs = trace.dueMs;

  const D = (ms: number): number => calendar.workdayCoordAt(ms, 'now');
  const at = Math.max(atMs, trace.countStartMs);
  let paused = 0;
  let pausedAfterAt = 0;
  trace.segments.forEach((s, j) => {
    const a = trace.countedFrom[j]!;
    if (Number.isNaN(a)) return;
    if (a < at) paused += D(Math.min(s.b, at)) - D(a);
    if (s.b > at) pausedAfterAt += D(s.b) - D(Math.max(a, at));
  });
  const cAt = D(at);
  const cDue = D(dueMs);
  const late = atMs > dueMs;
  const state: ClockState =
    stoppedMs !== null ? 'stopped' : late ? 'overdue' : pauses.some((p) => p.open) ? 'paused' : 'running';
  return {
    due: new Date(dueMs),
    state,
    elapsedWorkingDays: round(Math.max(0, cAt - D(trace.countStartMs) - paused)),
    remainingWorkingDays: round(late ? 0 : Math.max(0, cDue - cAt - pausedAfterAt)),
    pausedWorkingDays: round(paused),
    overdueWorkingDays: round(late ? Math.max(0, cAt - cDue) : 0),
    ...(stoppedMs !== null ? { onTime: !late } : {}),
  };
}

import type { CalendarIndex } from '../calendar/calendar-index';
import type { CaseStatus } from '../cases/case-states';
import type { ClockFigures } from './clock-figures';
import type { Finding, FindingHead, SupervisedCase } from './supervision.types';

/** What every rule evaluator gets: the case, `now`, the center's calendar and the case clock (if running). */
export interface EvalContext {
  kase: SupervisedCase;
  now: Date;
  nowMs: number;
  calendar: CalendarIndex;
  /** The promised-limit clock of an accepted case (stopped at conclusion); null before acceptance. */
  clock: ClockFigures | null;
  /** Sum of the approved extensions, in working days. */
  extensionWorkingDays: number;
}

/**
 * Findings plus the earliest instant something can change (see Evaluation.nextCheckAt). A finding
 * whose card exists already (`known`) is kept by its head only: its text is not built again, which
 * is most of the cost of re-evaluating a case that has cards.
 */
export class Collector {
  readonly findings: Finding[] = [];
  readonly kept: FindingHead[] = [];
  next: number | null = null;

  constructor(private readonly known: ReadonlySet<string> | null = null) {}

  add(head: FindingHead, describe: () => Pick<Finding, 'explanation' | 'facts'>): void {
    if (this.known?.has(findingKey(head))) this.kept.push(head);
    else this.findings.push({ ...head, ...describe() });
  }

  /** Ask to be looked at again at `ms` (the earliest request wins). */
  recheckAt(ms: number): void {
    if (!Number.isFinite(ms)) return;
    if (this.next === null || ms < this.next) this.next = ms;
  }
}

/** The identity of a finding within its case: one card per rule × level × subject. */
export const findingKey = (f: Pick<FindingHead, 'rule' | 'level' | 'subject'>): string =>
  `${f.rule}|${f.level}|${f.subject}`;

/** Accepted and not yet concluded: the promised-limit clock runs (or is paused). */
export const isInProcess = (s: CaseStatus): boolean => s === 'accepted' || s === 'paused';

/**
 * Tolerance on working-day positions: the clock rounds its figures to 1e-6 working day (≈ 0.02 s of a
 * 6.5-hour day), so a threshold reached "exactly" may read a hair below.
 */
export const EPS = 2e-6;

/**
 * A hair of a working day, added to a position so the re-check lands just after it; the calendar
 * turns a fractional coordinate into an instant inside the next working period (never at night).
 */
export const STEP = 1e-6;

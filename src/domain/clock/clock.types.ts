import type { CalendarIndex } from '../calendar/calendar-index';

/**
 * Units of a time limit (法定时限 / 承诺时限 are value + unit):
 *  - `workday`  工作日: the default of 行政许可法 第82条;
 *  - `day`      自然日: calendar days; a limit ending on a non-working day moves to the next working day;
 *  - `workhour` 工作小时: only working hours of working days are consumed.
 */
export type LimitUnit = 'workday' | 'day' | 'workhour';
export const LIMIT_UNITS: readonly LimitUnit[] = ['workday', 'day', 'workhour'];

export interface Limit {
  amount: number;
  unit: LimitUnit;
}

/**
 * A special procedure (特别程序, 第45条) or an in-process supplement request (补正, where the center's
 * policy pauses the clock). `to` null/absent = still paused.
 */
export interface Pause {
  from: Date;
  to?: Date | null;
  /** e.g. 'hearing', 'inspection', 'expert_review', 'site_check', 'supplement'; shown in the explanation. */
  kind?: string | null;
}

/** An approved extension (延期, 第42条: +10 working days; joint handling 45 + 15). */
export interface Extension {
  amount: number;
  unit: 'workday';
  approvedBy?: string | null;
  reason?: string | null;
  approvedAt?: Date | null;
}

export type ClockState = 'running' | 'paused' | 'overdue' | 'stopped';

export interface DeadlineInput {
  start: Date;
  limit: Limit;
  pauses?: readonly Pause[] | null;
  extensions?: readonly Extension[] | null;
  calendar: CalendarIndex;
  /** Needed only when a pause is still open: it is counted up to `now`. */
  now?: Date | null;
}

export interface Deadline {
  due: Date;
}

export interface ClockInput {
  start: Date;
  /** The limit the case is held to (the promised limit, 承诺时限). */
  limit: Limit;
  /** The legal limit (法定时限), when known: its due is reported as `legalDue`. */
  legalLimit?: Limit | null;
  pauses?: readonly Pause[] | null;
  extensions?: readonly Extension[] | null;
  /** When the case was concluded (办结): the clock stops there. */
  stoppedAt?: Date | null;
  now: Date;
  calendar: CalendarIndex;
}

export interface ClockValue {
  due: Date;
  legalDue?: Date;
  state: ClockState;
  /** Working days of running time used so far (pauses excluded), from the day after acceptance. */
  elapsedWorkingDays: number;
  /** Working days of running time left until `due` (0 once overdue). */
  remainingWorkingDays: number;
  /** Working days covered by counted pauses so far. */
  pausedWorkingDays: number;
  /** Working days since `due` (0 unless overdue, or stopped late). */
  overdueWorkingDays: number;
  /** Only when stopped: concluded on or before `due`. */
  onTime?: boolean;
  explanation: ExplanationEntry[];
}

/**
 * One step of the explanation of a clock, structured so the UI can render it in zh-CN and en and a
 * person can check the deadline by hand. Instants are ISO text in China Standard Time
 * ('2025-02-05T17:30:00+08:00'); days are 'YYYY-MM-DD'.
 */
export type ExplanationEntry =
  | {
      kind: 'start';
      at: string;
      day: string;
      amount: number;
      unit: LimitUnit;
      /** Where counting begins: the next day's 00:00 for day units, the start itself for hours. */
      countingFrom: string;
      startDayIsWorkday: boolean;
      /** The start lies after the end of that day's working hours. */
      afterWorkingHours: boolean;
    }
  | { kind: 'makeUpWorkday'; day: string; name: string | null }
  | { kind: 'holidaySkipped'; from: string; to: string; days: number; name: string }
  | { kind: 'weekendsSkipped'; days: number }
  | { kind: 'rolledToWorkday'; from: string; to: string }
  | {
      kind: 'pause';
      index: number;
      pauseKind: string | null;
      from: string;
      to: string | null;
      /** Working days this pause covers while counted, after removing overlaps with earlier pauses. */
      workingDays: number;
      /** What it adds back to the limit, in the limit's unit (working days, natural days or working hours). */
      addedBack: number;
      unit: LimitUnit;
      /** Why (part of) the pause adds nothing. */
      notes: PauseNote[];
    }
  | { kind: 'dueBeforeExtensions'; at: string; day: string }
  | {
      kind: 'extension';
      index: number;
      amount: number;
      approvedBy: string | null;
      reason: string | null;
      approvedAt: string | null;
      /** The due after this extension (extensions are applied in the order given). */
      dueAfter: string;
      /** Approved when the case was already overdue. */
      approvedAfterDue: boolean;
    }
  | { kind: 'due'; at: string; day: string }
  | { kind: 'legalDue'; at: string; day: string; amount: number; unit: LimitUnit }
  | { kind: 'stopped'; at: string; onTime: boolean }
  | { kind: 'state'; at: string; state: ClockState };

export type PauseNote =
  'open' | 'overlapsEarlierPause' | 'beforeCounting' | 'afterDue' | 'outsideWorkingTime';

import type { CaseOutcome, CaseStatus } from '../cases/case-states';
import type { Extension, Limit } from '../clock/clock.types';

/**
 * The vocabulary of e-supervision (电子监察): rules as data, the case snapshot they look at, and the
 * findings they produce. Thresholds are data (domain.md rule 8): a center keeps one row per rule and an
 * item may override it; nothing here holds a threshold value.
 */

export const ruleCodes = [
  'deadline', // warning before the promised due, yellow card at it, red card after the supervision period
  'step_overdue', // 环节超时: the current approval step is past its step limit
  'pause_overrun', // a special procedure past its expected duration or past the center's maximum
  'pause_no_result', // a special procedure ended without a result recorded
  'five_day', // 第32条: received and neither accepted, refused nor told what is missing within 5 working days
  'negative_unreported', // denied/refused without a reason, or not reported (否定报备)
  'fee_mismatch', // 擅自收费: fee charged differs from the catalog standard
  'acceptance_late', // 受理与录入不同步: ticket called long before the case was entered as accepted
  'immediate_not_same_day', // 即办件 not concluded on the day of acceptance
] as const;
export type RuleCode = (typeof ruleCodes)[number];

export const levels = ['warning', 'yellow', 'red'] as const;
/** 预警 (a notice), 黄牌, 红牌 — in increasing severity. */
export type Level = (typeof levels)[number];
export const levelRank: Readonly<Record<Level, number>> = { warning: 0, yellow: 1, red: 2 };

/**
 * One point of the deadline rule, on the axis of running working days (pauses excluded):
 *  - `due`: `value` working days relative to the promised due (−1 = one working day before, 0 = at
 *    the due, 3 = three working days after);
 *  - `percent`: when `value` % of the limit (with extensions) has run (Yulin: yellow at 90 %);
 *  - `yellow`: `value` working days after the yellow point (red only: the 督办期限 after the yellow).
 */
export interface DeadlinePoint {
  ref: 'due' | 'percent' | 'yellow';
  value: number;
}

export interface RuleThresholds {
  deadline: { warning: DeadlinePoint | null; yellow: DeadlinePoint; red: DeadlinePoint };
  step_overdue: { graceWorkdays: number };
  /** Past the pause's expected working days + grace, or longer than the center's maximum. */
  pause_overrun: { graceWorkdays: number; maxWorkdays: number };
  pause_no_result: Record<string, never>;
  /** The statutory limit is 5 working days; a center may be stricter. A warning `warnBeforeWorkdays` before it (0 = none). */
  five_day: { limitWorkdays: number; warnBeforeWorkdays: number };
  /** A negative decision (不予受理 / 不予许可) must be reported within this many working days (0 = the same day). */
  negative_unreported: { reportWithinWorkdays: number };
  fee_mismatch: { toleranceFen: number };
  /** Minutes allowed between the ticket call and the case being entered as accepted. */
  acceptance_late: { maxMinutes: number };
  /** Minutes after the end of the working hours of the day of acceptance. */
  immediate_not_same_day: { graceMinutes: number };
}

export interface Rule<C extends RuleCode = RuleCode> {
  code: C;
  enabled: boolean;
  /** The level of the card this rule issues (the deadline rule issues all three levels). */
  level: Level;
  thresholds: RuleThresholds[C];
}

/** The effective rules for one case (center rules with the item's overrides applied). */
export type RuleSet = { readonly [C in RuleCode]?: Rule<C> };

export interface SupervisedPause {
  id: string;
  kind: string;
  from: Date;
  to: Date | null;
  /** The duration announced in the 特别程序告知书, in working days; null when none was given. */
  expectedWorkingDays: number | null;
  /** The result recorded when the pause ended (检验结论, 听证笔录 …). */
  result: string | null;
}

export interface SupervisedStep {
  index: number;
  name: string;
  enteredAt: Date;
  /** The step limit of the item version (same unit as the promised limit); null = no step limit. */
  limit: Limit | null;
}

/** What supervision needs to know about one case, read from the case records. */
export interface SupervisedCase {
  id: string;
  status: CaseStatus;
  /** True for an 即办件, also after it was converted to a promised case. */
  immediate: boolean;
  outcome: CaseOutcome | null;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  deemedAccepted: boolean;
  /** When the one-time supplement notice (一次性告知) was first issued, if ever. */
  supplementRequestedAt: Date | null;
  refusedAt: Date | null;
  /** When the case was concluded (办结): the clock stopped there. */
  concludedAt: Date | null;
  limit: Limit | null;
  legalLimit: Limit | null;
  pauses: readonly SupervisedPause[];
  extensions: readonly Extension[];
  step: SupervisedStep | null;
  /** The written reason of a refusal or a denial. */
  decisionReason: string | null;
  negativeReportedAt: Date | null;
  fee: { chargedFen: number; standardFen: number; reason: string | null } | null;
  /** When the applicant's ticket was called at the window (hall queue), if linked. */
  ticketCalledAt: Date | null;
}

/** The clock figures a finding cites, so the card can be checked by hand. */
export interface ClockFacts {
  start: string;
  limit: Limit;
  due: string;
  state: 'running' | 'paused' | 'overdue' | 'stopped';
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  pausedWorkingDays: number;
  overdueWorkingDays: number;
  extensionWorkingDays: number;
}

export interface FindingHead {
  rule: RuleCode;
  level: Level;
  /** What in the case the finding is about: '' for the case itself, 'step:2', 'pause:<id>', 'fee' … */
  subject: string;
  /**
   * A `record` finding is a violation that stays on record once it happened (a fee mismatch, a late
   * acceptance): its card stays open after the case concludes until a supervisor clears it. A `live`
   * finding holds only while the situation lasts: its card clears when the case concludes, the pause
   * resumes, the step is passed or an extension moves the due.
   */
  persistence: 'live' | 'record';
  /** The instant the threshold was crossed (for the card's explanation and ordering). */
  thresholdAt: string | null;
}

export interface Finding extends FindingHead {
  explanation: { zh: string; en: string };
  facts: Record<string, unknown> & { clock?: ClockFacts };
}

export interface Evaluation {
  /** Findings whose cards are new (not in `known`), with their text. */
  findings: Finding[];
  /** Findings that still hold and whose cards exist already (`known`): heads only. */
  kept: FindingHead[];
  /**
   * The earliest future instant at which a finding can appear or change without the case changing;
   * null when nothing can happen before the case changes again (concluded, or waiting on a pause).
   */
  nextCheckAt: Date | null;
}

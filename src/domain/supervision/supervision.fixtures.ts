// Test fixture (imported only by *.test.ts): a case snapshot with sensible defaults and the default
// county rule set, so each test states only what its rule looks at.
import { instantOfCivil } from '../calendar/civil-time';
import type { Rule, RuleCode, RuleSet, RuleThresholds, SupervisedCase } from './supervision.types';

export const at = (day: string, hhmm = '10:00'): Date => instantOfCivil(day, hhmm);

export function buildCase(over: Partial<SupervisedCase> = {}): SupervisedCase {
  return {
    id: 'c1',
    status: 'accepted',
    immediate: false,
    outcome: null,
    receivedAt: at('2026-03-02', '09:30'),
    acceptedAt: at('2026-03-02'),
    deemedAccepted: false,
    supplementRequestedAt: null,
    refusedAt: null,
    concludedAt: null,
    limit: { amount: 5, unit: 'workday' },
    legalLimit: { amount: 20, unit: 'workday' },
    pauses: [],
    extensions: [],
    step: null,
    decisionReason: null,
    negativeReportedAt: null,
    fee: null,
    ticketCalledAt: null,
    ...over,
  };
}

export const testThresholds: RuleThresholds = {
  deadline: {
    warning: { ref: 'due', value: -1 },
    yellow: { ref: 'due', value: 0 },
    red: { ref: 'yellow', value: 3 },
  },
  step_overdue: { graceWorkdays: 0 },
  pause_overrun: { graceWorkdays: 0, maxWorkdays: 30 },
  pause_no_result: {},
  five_day: { limitWorkdays: 5, warnBeforeWorkdays: 1 },
  negative_unreported: { reportWithinWorkdays: 1 },
  fee_mismatch: { toleranceFen: 0 },
  acceptance_late: { maxMinutes: 30 },
  immediate_not_same_day: { graceMinutes: 0 },
};

const levelOf: Record<RuleCode, Rule['level']> = {
  deadline: 'yellow',
  step_overdue: 'warning',
  pause_overrun: 'yellow',
  pause_no_result: 'warning',
  five_day: 'red',
  negative_unreported: 'yellow',
  fee_mismatch: 'red',
  acceptance_late: 'warning',
  immediate_not_same_day: 'yellow',
};

export function rule<C extends RuleCode>(code: C, thresholds?: Partial<RuleThresholds[C]>): Rule<C> {
  return {
    code,
    enabled: true,
    level: levelOf[code],
    thresholds: { ...testThresholds[code], ...thresholds },
  };
}

/** Only the named rules, so a test sees only its own findings. */
export function only<C extends RuleCode>(code: C, thresholds?: Partial<RuleThresholds[C]>): RuleSet {
  return { [code]: rule(code, thresholds) };
}

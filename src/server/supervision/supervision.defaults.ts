import type { Rule, RuleCode } from '../../domain/supervision';

/**
 * The default rule set a center starts from (seed data, written into `supervision_rules` by the demo
 * step and editable by supervisors; the sweep reads only the table). Sources (domain-facts.md §4):
 *  - a warning one working day before the promised due (某市电子监察办法: 到期前一个工作日发出提示信号);
 *  - a yellow card when the promised due has passed, a red card when still not concluded after the
 *    supervision period of 3 working days (湛江: 超过时限黄牌, 超过督办期限仍未办结红牌);
 *  - 5 working days for acceptance (行政许可法 第32条), warned one day before;
 *  - special procedures at most 60 working days unless announced otherwise (a center policy).
 */
export const defaultRules: { [C in RuleCode]: Rule<C> } = {
  deadline: {
    code: 'deadline',
    enabled: true,
    level: 'yellow',
    thresholds: {
      warning: { ref: 'due', value: -1 },
      yellow: { ref: 'due', value: 0 },
      red: { ref: 'yellow', value: 3 },
    },
  },
  step_overdue: { code: 'step_overdue', enabled: true, level: 'warning', thresholds: { graceWorkdays: 0 } },
  pause_overrun: {
    code: 'pause_overrun',
    enabled: true,
    level: 'yellow',
    thresholds: { graceWorkdays: 0, maxWorkdays: 60 },
  },
  pause_no_result: { code: 'pause_no_result', enabled: true, level: 'warning', thresholds: {} },
  five_day: {
    code: 'five_day',
    enabled: true,
    level: 'red',
    thresholds: { limitWorkdays: 5, warnBeforeWorkdays: 1 },
  },
  negative_unreported: {
    code: 'negative_unreported',
    enabled: true,
    level: 'yellow',
    thresholds: { reportWithinWorkdays: 1 },
  },
  fee_mismatch: { code: 'fee_mismatch', enabled: true, level: 'red', thresholds: { toleranceFen: 0 } },
  acceptance_late: {
    code: 'acceptance_late',
    enabled: true,
    level: 'warning',
    thresholds: { maxMinutes: 30 },
  },
  immediate_not_same_day: {
    code: 'immediate_not_same_day',
    enabled: true,
    level: 'yellow',
    thresholds: { graceMinutes: 0 },
  },
};

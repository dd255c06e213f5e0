import type { ErrorCatalog } from './types';

/** Errors of e-supervision: rules, cards, reminders and supervision orders. */
export const supervisionErrors = {
  SUPERVISION_RULE_CONTRADICTION: {
    status: 400,
    zh: '监察规则「{ruleZh}」的阈值相互矛盾，请检查标出的字段',
    en: 'The thresholds of the rule "{ruleEn}" contradict each other: check the fields marked',
  },
  SUPERVISION_CARD_CLEARED: {
    status: 409,
    zh: '该监察信号已于 {at} 解除',
    en: 'This card was already cleared at {at}',
  },
  SUPERVISION_ORDER_STATE: {
    status: 409,
    zh: '督办单当前状态为「{statusZh}」，不能{actionZh}',
    en: 'The order is "{statusEn}": you cannot {actionEn} it now',
  },
  SUPERVISION_NOT_YOUR_DEPARTMENT: {
    status: 403,
    zh: '只有被督办部门的首席代表或审批人可以回复',
    en: 'Only the chief representative or an approver of the department addressed can respond',
  },
} as const satisfies ErrorCatalog;

/** Field-rule messages of e-supervision (merged into `ruleMessages`). */
export const supervisionRuleMessages: Record<string, { zh: string; en: string }> = {
  'rule.supervision_yellow_ref': {
    zh: '只有红牌可以按“黄牌后 N 个工作日”设置',
    en: 'only the red card may be set relative to the yellow card',
  },
  'rule.supervision_point_due': {
    zh: '应为 -60 到 60 之间的整数个工作日',
    en: 'must be a whole number of working days from -60 to 60',
  },
  'rule.supervision_point_percent': {
    zh: '应为 1 到 300 之间的整数百分比',
    en: 'must be a whole percentage from 1 to 300',
  },
  'rule.supervision_point_yellow': {
    zh: '应为 1 到 60 之间的整数个工作日',
    en: 'must be a whole number of working days from 1 to 60',
  },
  'rule.supervision_warning_not_before_yellow': {
    zh: '预警必须早于黄牌',
    en: 'the warning must come before the yellow card',
  },
  'rule.supervision_warning_before_start': {
    zh: '预警时点早于受理（对该事项的时限而言）',
    en: 'the warning would come before acceptance for this item’s limit',
  },
  'rule.supervision_red_not_after_yellow': {
    zh: '红牌必须晚于黄牌',
    en: 'the red card must come after the yellow card',
  },
  'rule.supervision_five_day_legal': {
    zh: '应为 1 到 5 个工作日（行政许可法第32条规定为 5 日）',
    en: 'must be 1 to 5 working days (the law allows 5)',
  },
  'rule.supervision_warning_not_before_limit': {
    zh: '提前预警天数必须小于期限天数',
    en: 'the warning must come before the end of the period',
  },
  'rule.supervision_level_above_warning': {
    zh: '设置了提前预警时，届满信号应为黄牌或红牌',
    en: 'with an early warning, the card at the end must be yellow or red',
  },
  'rule.supervision_workdays_0_60': { zh: '应为 0 到 60 的整数', en: 'must be a whole number from 0 to 60' },
  'rule.supervision_workdays_0_4': { zh: '应为 0 到 4 的整数', en: 'must be a whole number from 0 to 4' },
  'rule.supervision_workdays_0_10': { zh: '应为 0 到 10 的整数', en: 'must be a whole number from 0 to 10' },
  'rule.supervision_workdays_1_1000': {
    zh: '应为 1 到 1000 的整数',
    en: 'must be a whole number from 1 to 1000',
  },
  'rule.supervision_minutes_1_1440': { zh: '应为 1 到 1440 的整数分钟', en: 'must be 1 to 1440 minutes' },
  'rule.supervision_minutes_0_600': { zh: '应为 0 到 600 的整数分钟', en: 'must be 0 to 600 minutes' },
  'rule.supervision_fen': { zh: '应为非负整数（分）', en: 'must be a non-negative whole number of fen' },
  'rule.supervision_level': { zh: '只能是预警、黄牌或红牌', en: 'must be warning, yellow or red' },
  'rule.supervision_rule_code': { zh: '没有这条监察规则', en: 'no such rule' },
  'rule.supervision_case_or_department': {
    zh: '请选择办件或被督办部门',
    en: 'choose a case or the department addressed',
  },
  'rule.month': { zh: '月份格式应为 YYYY-MM', en: 'must be a month YYYY-MM' },
};

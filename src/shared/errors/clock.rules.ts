/** Field-rule messages of the working-day clock (merged into `ruleMessages`). */
export const clockRuleMessages: Record<string, { zh: string; en: string }> = {
  'rule.invalid_instant': { zh: '不是有效的时间', en: 'is not a valid instant' },
  'rule.clock_unit': { zh: '只能是工作日、自然日或工作小时', en: 'must be workday, day or workhour' },
  'rule.clock_extension_unit': { zh: '延期只能按工作日计算', en: 'extensions are counted in working days' },
  'rule.clock_amount_days': {
    zh: '应为不超过上限的非负整数天数',
    en: 'must be a whole number of days within the allowed range',
  },
  'rule.clock_amount_minutes': {
    zh: '应为正数，精确到分钟，且不超过上限',
    en: 'must be positive, in whole minutes, within the allowed range',
  },
  'rule.clock_before_start': { zh: '不能早于受理时间', en: 'must not be before the start' },
  'rule.clock_after_now': { zh: '不能晚于当前时间', en: 'must not be after now' },
  'rule.clock_pause_before_start': {
    zh: '暂停不能早于受理时间',
    en: 'a pause must not begin before the start',
  },
  'rule.clock_open_pause_needs_now': {
    zh: '暂停尚未结束，需要提供当前时间',
    en: 'the pause is still open: now is required',
  },
  'rule.calendar_not_configured': {
    zh: '该年度工作日历尚未配置',
    en: 'the calendar of that year is not configured',
  },
  'rule.calendar_duplicate_day': { zh: '日期重复', en: 'is a duplicate day' },
  'rule.calendar_year_range': { zh: '年份超出允许范围', en: 'the year is out of range' },
  'rule.working_periods_order': {
    zh: '工作时段须按时间先后排列且不重叠',
    en: 'periods must be in order and must not overlap',
  },
  'rule.month_day': { zh: '格式应为 MM-DD', en: 'must be a month-day MM-DD' },
};

/** Field-rule messages of the working-day calendar (merged into `ruleMessages`). */
export const calendarRuleMessages: Record<string, { zh: string; en: string }> = {
  'rule.calendar_not_in_year': { zh: '日期不在所录入的年份内', en: 'is not in the year being entered' },
  'rule.calendar_holiday_overlap': { zh: '与前面的放假日期重叠', en: 'overlaps an earlier holiday' },
  'rule.calendar_workday_in_holiday': {
    zh: '调休上班日不能在放假期间内',
    en: 'a make-up working day cannot lie inside a holiday',
  },
  'rule.calendar_root_no_parent': {
    zh: '县级中心没有上级日历可继承，请直接修改',
    en: 'the root center has no parent calendar to inherit: edit it directly',
  },
  'rule.not_before_from': { zh: '不能早于开始日期', en: 'must not be before the start date' },
};

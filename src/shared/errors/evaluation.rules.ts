/** Field-rule messages of evaluation, complaints and the hotline (merged into `ruleMessages`). */
export const evaluationRuleMessages: Record<string, { zh: string; en: string }> = {
  'rule.evaluation_first_taken': { zh: '首次评价已存在', en: 'the first evaluation already exists' },
  'rule.evaluation_no_first': { zh: '尚无首次评价', en: 'there is no first evaluation yet' },
  'rule.extension_days': { zh: '延期天数超出允许范围', en: 'the extension is out of range' },
  'rule.co_unit_is_lead': { zh: '协办单位不能是主办单位', en: 'a co-unit cannot be the lead unit' },
  'rule.level': { zh: '满意度只能是五级之一', en: 'must be one of the five levels' },
  'rule.contact_or_anonymous': {
    zh: '请留下联系方式，或选择匿名',
    en: 'leave a contact or choose to stay anonymous',
  },
  'rule.month': { zh: '月份格式应为 YYYY-MM', en: 'must be a month YYYY-MM' },
  'rule.base64': { zh: '附件内容应为 base64 编码', en: 'must be base64-encoded' },
};

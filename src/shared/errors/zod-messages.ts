import type { Lang } from './index';
import { clockRuleMessages } from './clock.rules';
import { calendarRuleMessages } from './calendar.rules';
import { evaluationRuleMessages } from './evaluation.rules';
import { supervisionRuleMessages } from './supervision.errors';
import { appointmentsRuleMessages } from './appointments.errors';

/**
 * Zod issues rendered in the user's language, naming the rule that failed. Custom refinements put a
 * rule key (e.g. `rule.promised_exceeds_legal`) in their message; it is looked up in `ruleMessages`.
 * Shared by the server (API errors) and the web app (form errors), so both say the same words.
 */
export interface IssueLike {
  code?: string;
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  input?: unknown;
}

export const ruleMessages: Record<string, { zh: string; en: string }> = {
  ...clockRuleMessages,
  ...calendarRuleMessages,
  ...evaluationRuleMessages,
  ...supervisionRuleMessages,
  ...appointmentsRuleMessages,
  'rule.required': { zh: '必填', en: 'is required' },
  'rule.transfer_other_window': { zh: '请选择另一个窗口', en: 'choose another window' },
  'rule.item_not_in_category': {
    zh: '该事项不属于所选业务类别',
    en: 'is not an item of the chosen category',
  },
  'rule.daily_cap_range': {
    zh: '每日限号不能超过号段容量',
    en: 'the daily cap must not exceed the size of the number range',
  },
  'rule.after_from': { zh: '结束时间必须晚于开始时间', en: 'must be after the start' },
  'rule.promised_exceeds_legal': {
    zh: '承诺时限不能超过法定时限',
    en: 'the promised limit must not exceed the legal limit',
  },
  'rule.visits_reason_required': {
    zh: '到现场次数大于 0 时必须说明原因',
    en: 'a reason is required when visits are required',
  },
  'rule.id_number': { zh: '身份证号码校验不通过', en: 'is not a valid resident ID number' },
  'rule.credit_code': { zh: '统一社会信用代码校验不通过', en: 'is not a valid unified social credit code' },
  'rule.phone': { zh: '电话号码格式不正确', en: 'is not a valid phone number' },
  'rule.password_strength': {
    zh: '密码至少 8 位，须同时包含字母和数字',
    en: 'must be at least 8 characters with letters and digits',
  },
  'rule.current_password_wrong': { zh: '当前密码不正确', en: 'the current password is wrong' },
  'rule.idempotency_key': {
    zh: '幂等键应为 8–128 位字母、数字或 ._:-',
    en: 'must be 8–128 letters, digits or ._:-',
  },
  'rule.now_or_advance': { zh: '请提供 now 或 advanceMinutes 之一', en: 'give either now or advanceMinutes' },
  'rule.code': { zh: '只能包含字母、数字、下划线和短横线', en: 'may contain only letters, digits, _ and -' },
  'rule.region_code': { zh: '行政区划代码应为 6–12 位数字', en: 'must be a region code of 6–12 digits' },
  'rule.window_department': {
    zh: '部门窗口必须选择所属部门，综合窗口不能选择部门',
    en: 'a department window needs its department; a comprehensive window has none',
  },
  'rule.username': {
    zh: '用户名只能包含小写字母、数字和 ._-',
    en: 'may contain only lowercase letters, digits and ._-',
  },
  'rule.same_center': { zh: '必须属于同一服务中心', en: 'must belong to the same center' },
  'rule.child_level': {
    zh: '下级中心的层级不正确（县级→乡镇→村）',
    en: 'wrong level for a child center (county → township → village)',
  },
  'rule.unique': { zh: '已被占用，不能重复', en: 'is already taken' },
  'rule.backup_self': { zh: 'B 岗不能是本人', en: 'cannot be the same person' },
  'rule.not_self': {
    zh: '不能停用自己的账号或取消自己的管理员角色',
    en: 'you cannot disable yourself or drop your own admin role',
  },
  'rule.time_hhmm': { zh: '时间格式应为 HH:MM', en: 'must be a time HH:MM' },
  'rule.date': { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' },
  // catalog (事项清单)
  'rule.item_code': { zh: '编码不能包含空白字符', en: 'a code may not contain spaces' },
  'rule.limit_units_incomparable': {
    zh: '承诺时限与法定时限单位不同，无法比较，请使用相同单位',
    en: 'the promised and legal limits use units that cannot be compared: use the same unit',
  },
  'rule.immediate_zero_limit': {
    zh: '即办件的承诺时限应为 0（当场办结）',
    en: 'an immediate item has a promised limit of 0 (decided on the spot)',
  },
  'rule.promised_needs_limit': {
    zh: '承诺件的承诺时限至少为 1',
    en: 'a promised item needs a promised limit of at least 1',
  },
  'rule.no_visit_visits': { zh: '“不见面”事项的到现场次数应为 0', en: 'a no-visit item requires 0 visits' },
  'rule.one_visit_visits': {
    zh: '“跑一次”事项的到现场次数不能超过 1',
    en: 'a one-visit item requires at most 1 visit',
  },
  'rule.duplicate': { zh: '与前面的项目重复', en: 'duplicates an earlier entry' },
  'rule.step_unit': {
    zh: '环节时限的单位应与承诺时限相同',
    en: 'a step limit uses the unit of the promised limit',
  },
  'rule.steps_exceed_promised': {
    zh: '各环节时限之和超过承诺时限',
    en: 'the step limits add up to more than the promised limit',
  },
  'rule.unknown_situation': { zh: '办理情形不存在', en: 'no such situation' },
  'rule.effective_from_past': { zh: '生效日期不能早于今天', en: 'the effective date cannot be in the past' },
};

const typeNames: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'an integer' },
  boolean: { zh: '是/否', en: 'true or false' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
  date: { zh: '日期', en: 'a date' },
};

export function issueMessage(issue: IssueLike, lang: Lang): string {
  const zh = lang !== 'en';
  const pick = (m: { zh: string; en: string }) => (zh ? m.zh : m.en);
  const msg = issue.message ?? '';
  if (ruleMessages[msg]) return pick(ruleMessages[msg]);
  const unit =
    issue.origin === 'string'
      ? zh
        ? '个字符'
        : ' characters'
      : issue.origin === 'array'
        ? zh
          ? '项'
          : ' items'
        : '';
  switch (issue.code) {
    case 'invalid_type':
      // zod does not echo the input; its default message says when nothing was given.
      if (issue.input === undefined && (!('input' in issue) ? /received undefined/.test(msg) : true)) {
        return pick(ruleMessages['rule.required']!);
      }
      return zh
        ? `应为${typeNames[issue.expected ?? '']?.zh ?? issue.expected}`
        : `must be ${typeNames[issue.expected ?? '']?.en ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return pick(ruleMessages['rule.required']!);
      if (unit) return zh ? `至少 ${issue.minimum} ${unit}` : `must have at least ${issue.minimum}${unit}`;
      return zh ? `不能小于 ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (unit) return zh ? `最多 ${issue.maximum} ${unit}` : `must have at most ${issue.maximum}${unit}`;
      return zh ? `不能大于 ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return zh ? `格式不正确（${issue.format}）` : `has an invalid format (${issue.format})`;
    case 'invalid_value':
      return zh
        ? `只能是：${(issue.values ?? []).map(String).join('、')}`
        : `must be one of: ${(issue.values ?? []).map(String).join(', ')}`;
    case 'unrecognized_keys':
      return zh
        ? `含有未知字段：${(issue.keys ?? []).join('、')}`
        : `has unknown fields: ${(issue.keys ?? []).join(', ')}`;
    default:
      return msg || (zh ? '不符合规则' : 'is invalid');
  }
}

import type { Level, RuleCode } from './supervision.types';

/** zh-CN / en names of the rules and levels, shared by explanations, error messages and the web app. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const ruleLabels: Readonly<Record<RuleCode, Label & { descZh: string; descEn: string }>> = {
  deadline: {
    zh: '承诺时限预警与亮牌',
    en: 'Promised limit: warning and cards',
    descZh: '到期前预警；到期（或时限用去一定比例）亮黄牌；督办期限届满仍未办结亮红牌',
    descEn:
      'A warning before the promised due; a yellow card at the due (or at a share of the limit); a red card when still not concluded after the supervision period',
  },
  step_overdue: {
    zh: '环节超时',
    en: 'Step overdue',
    descZh: '办件总时限未到，但当前审批环节已超过环节时限',
    descEn: 'The current approval step is past its step limit although the case as a whole is not',
  },
  pause_overrun: {
    zh: '特别程序超期',
    en: 'Pause overrun',
    descZh: '特别程序超过告知的预计时长，或超过中心规定的最长暂停时间',
    descEn: 'A special procedure past its announced duration, or longer than the center maximum',
  },
  pause_no_result: {
    zh: '恢复计时未录入结果',
    en: 'Pause resumed without a result',
    descZh: '特别程序结束、恢复计时，但未录入特别程序结果',
    descEn: 'A special procedure ended and the clock resumed without a recorded result',
  },
  five_day: {
    zh: '5日内未受理（视为受理）',
    en: 'Five-day rule (deemed accepted)',
    descZh:
      '收件后 5 个工作日内既未受理、不予受理，也未一次性告知补正，依法自收到材料之日起即为受理（行政许可法第32条）',
    descEn:
      'Received and, within 5 working days, neither accepted, refused nor told what is missing: deemed accepted from receipt (Administrative Licensing Law art. 32)',
  },
  negative_unreported: {
    zh: '否定决定未说明理由或未报备',
    en: 'Negative decision without reason or report',
    descZh: '不予受理、不予许可未书面说明理由，或未按时否定报备',
    descEn: 'A refusal or denial without a written reason, or not reported (否定报备) in time',
  },
  fee_mismatch: {
    zh: '擅自收费',
    en: 'Fee differs from the standard',
    descZh: '实收金额与事项收费标准不一致',
    descEn: 'The fee charged differs from the catalog fee standard',
  },
  acceptance_late: {
    zh: '受理与录入不同步',
    en: 'Acceptance entered late',
    descZh: '叫号后过久才录入受理，受理时间与实际办理不同步',
    descEn: 'The case was entered as accepted long after the ticket was called',
  },
  immediate_not_same_day: {
    zh: '即办件未当日办结',
    en: 'Immediate case not concluded the same day',
    descZh: '即办件未在受理当日办结',
    descEn: 'An immediate case (即办件) not concluded on the day of acceptance',
  },
};

export const levelLabels: Readonly<Record<Level, Label>> = {
  warning: { zh: '预警', en: 'Warning' },
  yellow: { zh: '黄牌', en: 'Yellow card' },
  red: { zh: '红牌', en: 'Red card' },
};

import type {
  ComplaintAssessment,
  ComplaintChannel,
  ComplaintKind,
} from '../../domain/evaluation/complaints';
import type { SupervisionReason } from '../../domain/evaluation/hotline';
import type { EvaluationChannel, Indicator, SatisfactionLevel } from '../../domain/evaluation/levels';
import type { HotlineCategory } from '../../domain/evaluation/policy';

import type { Label } from '../../domain/evaluation/workflow-labels';

/** zh-CN / en labels of the evaluation, complaint and hotline vocabulary (server messages and web app). */
export type { Label };
export {
  complaintActionLabels,
  complaintStatusLabels,
  hotlineActionLabels,
  hotlineStatusLabels,
  rectificationActionLabels,
  rectificationStatusLabels,
} from '../../domain/evaluation/workflow-labels';

export const levelLabels: Readonly<Record<SatisfactionLevel, Label>> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
};

export const channelLabels: Readonly<Record<EvaluationChannel, Label>> = {
  window_device: { zh: '窗口评价器', en: 'Window evaluator' },
  web: { zh: '网上办事大厅', en: 'Web' },
  mobile: { zh: '移动端', en: 'Mobile' },
  qr: { zh: '二维码', en: 'QR code' },
  sms: { zh: '短信', en: 'SMS' },
  phone: { zh: '电话回访', en: 'Phone return visit' },
  kiosk: { zh: '自助终端', en: 'Kiosk' },
  default: { zh: '系统默认评价', en: 'Default rating' },
};

export const indicatorLabels: Readonly<Record<Indicator, Label>> = {
  overall: { zh: '整体满意度', en: 'Overall' },
  service_efficiency: { zh: '服务效率', en: 'Service efficiency' },
  service_level: { zh: '服务水平', en: 'Service level' },
  service_attitude: { zh: '服务态度', en: 'Service attitude' },
  handling_efficiency: { zh: '办事效率', en: 'Handling efficiency' },
  guide_accuracy: { zh: '办事指南精确度', en: 'Guide accuracy' },
  convenience: { zh: '办事便捷度', en: 'Convenience' },
  platform_usability: { zh: '平台操作性', en: 'Platform usability' },
};

/** 差评 tags (广东 2023-07 top three first). Keys are stable; labels may be reworded. */
export const badReviewTags = [
  'overdue',
  'extra_conditions',
  'extra_materials',
  'attitude',
  'long_wait',
  'repeated_visits',
  'unclear_notice',
  'other',
] as const;
export type BadReviewTag = (typeof badReviewTags)[number];
export const tagLabels: Readonly<Record<BadReviewTag, Label>> = {
  overdue: { zh: '无理由超时', en: 'Late without reason' },
  extra_conditions: { zh: '指南外增加条件', en: 'Conditions beyond the guide' },
  extra_materials: { zh: '要求指南外材料', en: 'Materials beyond the guide' },
  attitude: { zh: '态度差', en: 'Poor attitude' },
  long_wait: { zh: '等候时间长', en: 'Long wait' },
  repeated_visits: { zh: '多次跑腿', en: 'Had to come back' },
  unclear_notice: { zh: '一次性告知不清', en: 'Unclear one-time notice' },
  other: { zh: '其他', en: 'Other' },
};

export const hotlineCategoryLabels: Readonly<Record<HotlineCategory, Label>> = {
  urgent: { zh: '紧急', en: 'Urgent' },
  ordinary: { zh: '一般', en: 'Ordinary' },
  complex: { zh: '复杂', en: 'Complex' },
};

export const supervisionReasonLabels: Readonly<Record<SupervisionReason, Label>> = {
  sign_overdue: { zh: '超时未签收', en: 'Not signed in time' },
  reply_overdue: { zh: '超时未回复', en: 'Not replied in time' },
  manual: { zh: '人工督办', en: 'Manual' },
};

export const complaintKindLabels: Readonly<Record<ComplaintKind, Label>> = {
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  praise: { zh: '表扬', en: 'Praise' },
  suggestion: { zh: '建议', en: 'Suggestion' },
};

export const complaintChannelLabels: Readonly<Record<ComplaintChannel, Label>> = {
  portal: { zh: '网上', en: 'Portal' },
  phone: { zh: '电话', en: 'Phone' },
  box: { zh: '意见箱', en: 'Suggestion box' },
  window: { zh: '现场', en: 'In person' },
  letter: { zh: '来信', en: 'Letter' },
};

export const assessmentLabels: Readonly<Record<ComplaintAssessment, Label>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

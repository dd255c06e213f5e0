import type {
  ComplaintAction,
  ComplaintAssessment,
  ComplaintChannel,
  ComplaintKind,
  ComplaintStatus,
} from '../../domain/evaluation/complaints';
import type { HotlineAction, HotlineStatus, SupervisionReason } from '../../domain/evaluation/hotline';
import type { EvaluationChannel, Indicator, SatisfactionLevel } from '../../domain/evaluation/levels';
import type { HotlineCategory } from '../../domain/evaluation/policy';
import type { RectificationAction, RectificationStatus } from '../../domain/evaluation/rectification';

/** zh-CN / en labels of the evaluation, complaint and hotline vocabulary (server messages and web app). */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

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

export const rectificationStatusLabels: Readonly<Record<RectificationStatus, Label>> = {
  return_visit: { zh: '待回访', en: 'Return visit due' },
  verifying: { zh: '待核实处理', en: 'To verify' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  appealing: { zh: '申诉复核中', en: 'Appeal under review' },
  explained: { zh: '已解释说明', en: 'Explained' },
  rectified: { zh: '已整改反馈', en: 'Rectified' },
  closed: { zh: '已办结', en: 'Closed' },
  excluded: { zh: '申诉成立（不计入）', en: 'Appeal upheld (excluded)' },
};

export const rectificationActionLabels: Readonly<Record<RectificationAction, Label>> = {
  record_return_visit: { zh: '登记回访', en: 'record the return visit' },
  decide: { zh: '核实处理', en: 'verify and decide' },
  request_extension: { zh: '申请延期', en: 'request an extension' },
  decide_extension: { zh: '审批延期', en: 'decide the extension' },
  complete: { zh: '整改反馈', en: 'report the rectification' },
  decide_appeal: { zh: '申诉复核', en: 'decide the appeal' },
  rate: { zh: '评价整改', en: 'rate the rectification' },
  close: { zh: '办结', en: 'close' },
};

export const hotlineStatusLabels: Readonly<Record<HotlineStatus, Label>> = {
  received: { zh: '已受理', en: 'Received' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  signed: { zh: '已签收', en: 'Signed' },
  handling: { zh: '办理中', en: 'Handling' },
  replied: { zh: '已回复', en: 'Replied' },
  returned: { zh: '已回退', en: 'Returned' },
  concluded: { zh: '已办结', en: 'Concluded' },
  visited: { zh: '已回访', en: 'Visited' },
  evaluated: { zh: '已评价', en: 'Evaluated' },
};

export const hotlineActionLabels: Readonly<Record<HotlineAction, Label>> = {
  dispatch: { zh: '派单', en: 'dispatch' },
  sign: { zh: '签收', en: 'sign' },
  handle: { zh: '办理', en: 'record handling' },
  return: { zh: '回退', en: 'return' },
  extend: { zh: '延期', en: 'extend' },
  reply: { zh: '回复', en: 'reply' },
  reject_reply: { zh: '退回重办', en: 'reject the reply' },
  supervise: { zh: '督办', en: 'issue a supervision order' },
  conclude: { zh: '办结', en: 'conclude' },
  visit: { zh: '回访', en: 'record the return visit' },
  evaluate: { zh: '评价', en: 'evaluate' },
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

export const complaintStatusLabels: Readonly<Record<ComplaintStatus, Label>> = {
  received: { zh: '已登记', en: 'Received' },
  assigned: { zh: '已交办', en: 'Assigned' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const complaintActionLabels: Readonly<Record<ComplaintAction, Label>> = {
  assign: { zh: '交办', en: 'assign' },
  reply: { zh: '答复', en: 'reply' },
  assess: { zh: '评价答复', en: 'assess the reply' },
  reopen: { zh: '重新交办', en: 'reopen' },
  close: { zh: '办结', en: 'close' },
  acknowledge: { zh: '登记表扬', en: 'acknowledge' },
};

export const assessmentLabels: Readonly<Record<ComplaintAssessment, Label>> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

const pair = (prefix: string, l: Label) => ({ [`${prefix}Zh`]: l.zh, [`${prefix}En`]: l.en });

/** Params of the *_INVALID_TRANSITION errors: both languages, one template per language. */
export const rectificationTransitionParams = (s: RectificationStatus, a: RectificationAction) => ({
  ...pair('stateLabel', rectificationStatusLabels[s]),
  ...pair('actionLabel', rectificationActionLabels[a]),
});
export const hotlineTransitionParams = (s: HotlineStatus, a: HotlineAction) => ({
  ...pair('stateLabel', hotlineStatusLabels[s]),
  ...pair('actionLabel', hotlineActionLabels[a]),
});
export const complaintTransitionParams = (s: ComplaintStatus, a: ComplaintAction) => ({
  ...pair('stateLabel', complaintStatusLabels[s]),
  ...pair('actionLabel', complaintActionLabels[a]),
});

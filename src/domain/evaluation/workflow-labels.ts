import type { ComplaintAction, ComplaintStatus } from './complaints';
import type { HotlineAction, HotlineStatus } from './hotline';
import type { RectificationAction, RectificationStatus } from './rectification';

/**
 * zh-CN / en words of the three workflows' states and actions. They live beside the transition
 * tables because an invalid transition names them in its error; the web app reads them through
 * shared/contracts/evaluation-labels.ts.
 */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

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

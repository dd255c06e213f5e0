import type {
  CaseAction,
  CaseActorRole,
  CaseDocument,
  CaseOutcome,
  CaseStatus,
  DeliveryMethod,
  SpecialProcedureKind,
} from '../../domain/cases/case-states';
import type { Lang } from '../errors';
import { roleLabels } from '../contracts/roles';

/** zh-CN / en labels of the case vocabulary, shared by the server (error messages) and the web app. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const caseStatusLabels: Readonly<Record<CaseStatus, Label>> = {
  draft: { zh: '草稿', en: 'Draft' },
  received: { zh: '已收件', en: 'Received' },
  supplement_requested: { zh: '待补正', en: 'Supplement requested' },
  refused: { zh: '不予受理', en: 'Refused' },
  accepted: { zh: '办理中', en: 'In process' },
  paused: { zh: '特别程序中', en: 'Paused (special procedure)' },
  concluded: { zh: '已办结', en: 'Concluded' },
  delivered: { zh: '已送达', en: 'Delivered' },
  closed: { zh: '已归档', en: 'Closed' },
};

export const caseOutcomeLabels: Readonly<Record<CaseOutcome, Label>> = {
  approved: { zh: '准予许可', en: 'Approved' },
  denied: { zh: '不予许可', en: 'Denied' },
  forwarded: { zh: '转报', en: 'Forwarded' },
  withdrawn: { zh: '撤回/退件', en: 'Withdrawn' },
  voided: { zh: '作废', en: 'Voided' },
};

export const caseActionLabels: Readonly<Record<CaseAction, Label>> = {
  receive: { zh: '收件', en: 'receive' },
  request_supplement: { zh: '一次性告知补正', en: 'request a supplement' },
  supply: { zh: '补齐补正材料', en: 'supply the missing materials' },
  accept: { zh: '受理', en: 'accept' },
  deem_accept: { zh: '视为受理', en: 'deem accepted' },
  refuse: { zh: '不予受理', en: 'refuse to accept' },
  pass_step: { zh: '通过本环节', en: 'pass this step' },
  return_step: { zh: '退回上一环节', en: 'return to an earlier step' },
  pause: { zh: '启动特别程序', en: 'start a special procedure' },
  resume: { zh: '结束特别程序', en: 'end the special procedure' },
  extend: { zh: '延期', en: 'extend the limit' },
  approve: { zh: '准予许可', en: 'approve' },
  deny: { zh: '不予许可', en: 'deny' },
  forward: { zh: '转报', en: 'forward to a higher level' },
  withdraw: { zh: '撤回/退件', en: 'withdraw' },
  void: { zh: '作废', en: 'void' },
  deliver: { zh: '送达', en: 'deliver the result' },
  close: { zh: '归档', en: 'close' },
  convert_to_promised: { zh: '转为承诺件', en: 'convert to a promised case' },
};

export const specialProcedureLabels: Readonly<Record<SpecialProcedureKind, Label>> = {
  hearing: { zh: '听证', en: 'Hearing' },
  tender: { zh: '招标', en: 'Tender' },
  auction: { zh: '拍卖', en: 'Auction' },
  inspection: { zh: '检验', en: 'Inspection' },
  testing: { zh: '检测', en: 'Testing' },
  quarantine: { zh: '检疫', en: 'Quarantine' },
  appraisal: { zh: '鉴定', en: 'Appraisal' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  site_check: { zh: '现场核查', en: 'Site check' },
};

export const deliveryMethodLabels: Readonly<Record<DeliveryMethod, Label>> = {
  window: { zh: '窗口领取', en: 'Pick up at the window' },
  courier: { zh: '快递送达', en: 'Courier' },
  electronic: { zh: '电子送达', en: 'Electronic delivery' },
};

export const caseDocumentLabels: Readonly<Record<CaseDocument, Label>> = {
  material_receipt: { zh: '收件材料接收凭证', en: 'Receipt of materials' },
  supplement_notice: { zh: '补正材料通知书', en: 'Supplement notice' },
  acceptance_notice: { zh: '受理通知书', en: 'Acceptance notice' },
  refusal_notice: { zh: '不予受理通知书', en: 'Refusal notice' },
  special_procedure_notice: { zh: '特别程序告知书', en: 'Special procedure notice' },
  extension_notice: { zh: '延期告知书', en: 'Extension notice' },
  decision_approve: { zh: '准予许可决定书', en: 'Approval decision' },
  decision_deny: { zh: '不予许可决定书', en: 'Denial decision' },
  delivery_receipt: { zh: '送达回证', en: 'Delivery receipt' },
};

const systemLabel: Label = { zh: '系统', en: 'System' };

export function actorRoleLabel(role: CaseActorRole): Label {
  return role === 'system' ? systemLabel : roleLabels[role];
}

/** The label of a case's state; a concluded (or later) case names its outcome, e.g. 「已办结（不予许可）」. */
export function caseStateLabel(status: CaseStatus, outcome: CaseOutcome | null | undefined): Label {
  const s = caseStatusLabels[status];
  if (!outcome) return s;
  const o = caseOutcomeLabels[outcome];
  return { zh: `${s.zh}（${o.zh}）`, en: `${s.en} (${o.en})` };
}

export function pickLabel(label: Label, lang: Lang): string {
  return lang === 'en' ? label.en : label.zh;
}

/**
 * Params of CASE_INVALID_TRANSITION. The error catalog renders one template per language from
 * params, so both languages' labels travel with the codes (`state`, `action`) the client may use.
 */
export function transitionErrorParams(
  status: CaseStatus,
  outcome: CaseOutcome | null,
  action: CaseAction,
): Record<string, string> {
  const s = caseStateLabel(status, outcome);
  const a = caseActionLabels[action];
  return {
    state: status,
    action,
    stateLabelZh: s.zh,
    stateLabelEn: s.en,
    actionLabelZh: a.zh,
    actionLabelEn: a.en,
  };
}

/** Params of CASE_ROLE_NOT_ALLOWED. */
export function roleErrorParams(role: CaseActorRole, action: CaseAction): Record<string, string> {
  const r = actorRoleLabel(role);
  const a = caseActionLabels[action];
  return { role, action, roleLabelZh: r.zh, roleLabelEn: r.en, actionLabelZh: a.zh, actionLabelEn: a.en };
}

/** Params of CASE_REASON_REQUIRED. */
export function reasonErrorParams(action: CaseAction): Record<string, string> {
  const a = caseActionLabels[action];
  return { action, actionLabelZh: a.zh, actionLabelEn: a.en };
}

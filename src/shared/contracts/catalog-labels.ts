import type {
  CaseType,
  HandlingMode,
  ItemType,
  Level,
  LimitUnit,
  SpecialProcedure,
  VersionStatus,
} from './catalog';

/** zh-CN / en labels of the catalog vocabulary, shared by the server (messages, PDF, xlsx) and the web app. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const versionStatusLabels: Readonly<Record<VersionStatus, Label>> = {
  draft: { zh: '草稿', en: 'draft' },
  department_review: { zh: '部门审核中', en: 'in department review' },
  center_review: { zh: '中心审核中', en: 'in center review' },
  published: { zh: '已发布', en: 'published' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

export const versionActionLabels: Readonly<
  Record<'submit' | 'approve' | 'return' | 'cancel' | 'edit', Label>
> = {
  submit: { zh: '提交审核', en: 'submit' },
  approve: { zh: '审核通过', en: 'approve' },
  return: { zh: '退回修改', en: 'return' },
  cancel: { zh: '取消', en: 'cancel' },
  edit: { zh: '修改', en: 'edit' },
};

export const unitLabels: Readonly<Record<LimitUnit, Label>> = {
  workday: { zh: '个工作日', en: 'working days' },
  day: { zh: '个自然日', en: 'calendar days' },
  workhour: { zh: '个工作小时', en: 'working hours' },
};
/** The unit words of import files and the guide (工作日 / 自然日 / 工作小时). */
export const unitWords: Readonly<Record<LimitUnit, string>> = {
  workday: '工作日',
  day: '自然日',
  workhour: '工作小时',
};

export const caseTypeLabels: Readonly<Record<CaseType, Label>> = {
  immediate: { zh: '即办件', en: 'Decided on the spot' },
  promised: { zh: '承诺件', en: 'Promised limit' },
};

export const handlingModeLabels: Readonly<Record<HandlingMode, Label>> = {
  onsite_prerequisite: { zh: '现场前置', en: 'On-site check first' },
  immediate: { zh: '马上办', en: 'Done at once' },
  online: { zh: '网上办', en: 'Online' },
  nearby: { zh: '就近办', en: 'Nearby' },
  no_visit: { zh: '不见面', en: 'No visit' },
  one_visit: { zh: '跑一次', en: 'One visit' },
};

export const levelLabels: Readonly<Record<Level, Label>> = {
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇（街道）', en: 'Township' },
  village: { zh: '村（社区）', en: 'Village' },
};

export const specialProcedureLabels: Readonly<Record<SpecialProcedure, Label>> = {
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

/** GB/T 39046 附录 A.1 code and labels per item type (the migration seeds the same mapping table). */
export const itemTypeInfo: Readonly<Record<ItemType, Label & { gb: string; provincial: string | null }>> = {
  power: { zh: '行政权力事项', en: 'Administrative power', gb: '00', provincial: null },
  licensing: { zh: '行政许可', en: 'Administrative licensing', gb: '01', provincial: 'XK' },
  penalty: { zh: '行政处罚', en: 'Administrative penalty', gb: '02', provincial: 'CF' },
  enforcement: { zh: '行政强制', en: 'Administrative enforcement', gb: '03', provincial: 'QZ' },
  levy: { zh: '行政征收', en: 'Administrative levy', gb: '04', provincial: 'ZS' },
  benefit: { zh: '行政给付', en: 'Administrative benefit', gb: '05', provincial: 'GF' },
  inspection: { zh: '行政检查', en: 'Administrative inspection', gb: '06', provincial: 'JC' },
  confirmation: { zh: '行政确认', en: 'Administrative confirmation', gb: '07', provincial: 'QR' },
  reward: { zh: '行政奖励', en: 'Administrative reward', gb: '08', provincial: 'JL' },
  adjudication: { zh: '行政裁决', en: 'Administrative adjudication', gb: '09', provincial: 'CJ' },
  other: { zh: '其他类别事项', en: 'Other', gb: '10', provincial: 'QT' },
  public_service: { zh: '公共服务事项', en: 'Public service', gb: '20', provincial: 'GG' },
};

export const materialFormLabels: Readonly<Record<'paper' | 'electronic' | 'both', Label>> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子', en: 'Electronic' },
  both: { zh: '纸质和电子', en: 'Paper and electronic' },
};
export const materialNecessityLabels: Readonly<Record<'mandatory' | 'optional' | 'deferrable', Label>> = {
  mandatory: { zh: '必要', en: 'Mandatory' },
  optional: { zh: '非必要', en: 'Optional' },
  deferrable: { zh: '容缺后补', en: 'May be supplied later' },
};
export const materialSourceLabels: Readonly<Record<'applicant' | 'government' | 'e_license', Label>> = {
  applicant: { zh: '申请人自备', en: 'Applicant' },
  government: { zh: '政府部门核发', en: 'Issued by government' },
  e_license: { zh: '电子证照库调取', en: 'Electronic licence library' },
};
export const stepRoleLabels: Readonly<Record<'officer' | 'chief_rep' | 'approver', Label>> = {
  officer: { zh: '窗口受理', en: 'Window officer' },
  chief_rep: { zh: '首席代表', en: 'Chief representative' },
  approver: { zh: '部门审批', en: 'Department approver' },
};
export const resultKindLabels: Readonly<Record<'certificate' | 'document' | 'approval', Label>> = {
  certificate: { zh: '证照', en: 'Certificate' },
  document: { zh: '文书', en: 'Document' },
  approval: { zh: '批复', en: 'Approval' },
};

/** "5 个工作日" / "5 working days"; 0 reads as on the spot. */
export function formatLimit(l: { amount: number; unit: LimitUnit }, lang: 'zh-CN' | 'en'): string {
  if (l.amount === 0) return lang === 'en' ? 'on the spot' : '当场办结';
  return lang === 'en' ? `${l.amount} ${unitLabels[l.unit].en}` : `${l.amount} ${unitLabels[l.unit].zh}`;
}

export const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

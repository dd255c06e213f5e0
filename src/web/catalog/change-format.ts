import {
  caseTypeLabels,
  formatLimit,
  handlingModeLabels,
  itemTypeInfo,
  levelLabels,
  specialProcedureLabels,
  type Label,
} from '../../shared/contracts/catalog-labels';

/** Names of the content fields in the history view ("承诺时限: 20 个工作日 → 5 个工作日"). */
const fieldLabels: Record<string, Label> = {
  name: { zh: '事项名称', en: 'Name' },
  itemType: { zh: '事项类型', en: 'Type' },
  exerciseLevel: { zh: '行使层级', en: 'Exercised at' },
  acceptLevels: { zh: '可受理层级', en: 'Accepted at' },
  caseType: { zh: '办件类型', en: 'Case type' },
  legalLimit: { zh: '法定时限', en: 'Legal limit' },
  legalLimitNote: { zh: '法定时限说明', en: 'Legal limit note' },
  promisedLimit: { zh: '承诺时限', en: 'Promised limit' },
  handlingModes: { zh: '办理方式', en: 'Handling modes' },
  visitsRequired: { zh: '到现场次数', en: 'Visits' },
  visitsReason: { zh: '现场办理原因', en: 'Why a visit' },
  onlineDepth: { zh: '网上办理深度', en: 'Online depth' },
  legalBasis: { zh: '设定依据', en: 'Legal basis' },
  conditions: { zh: '受理条件', en: 'Preconditions' },
  steps: { zh: '办理环节', en: 'Step' },
  specialProcedures: { zh: '特别程序', en: 'Special procedures' },
  fees: { zh: '收费', en: 'Fees' },
  result: { zh: '办理结果', en: 'Result' },
  location: { zh: '办理地点', en: 'Where' },
  hours: { zh: '办理时间', en: 'Hours' },
  phone: { zh: '咨询电话', en: 'Enquiries' },
  complaintPhone: { zh: '投诉电话', en: 'Complaints' },
  faq: { zh: '常见问题', en: 'FAQ' },
  themes: { zh: '主题', en: 'Themes' },
  materials: { zh: '申请材料', en: 'Material' },
  situations: { zh: '办理情形', en: 'Situation' },
};

/** Enumerations whose values are shown by their labels. */
const valueLabels: Record<string, Readonly<Record<string, Label>>> = {
  caseType: caseTypeLabels,
  handlingModes: handlingModeLabels,
  acceptLevels: levelLabels,
  exerciseLevel: levelLabels,
  specialProcedures: specialProcedureLabels,
  itemType: itemTypeInfo,
};

const pick = (l: Label, lang: 'zh-CN' | 'en') => (lang === 'en' ? l.en : l.zh);

/** "承诺时限" for `promisedLimit`, "申请材料 m3" for `materials.m3`. */
export function formatChangeField(field: string, lang: 'zh-CN' | 'en'): string {
  const [head, key] = field.split('.');
  const l = fieldLabels[head ?? ''];
  return l ? `${pick(l, lang)}${key ? ` ${key}` : ''}` : field;
}

/** A value of the history view in words: limits as "5 个工作日", enums by label, entries by name, lists joined. */
export function formatChangeValue(v: unknown, lang: 'zh-CN' | 'en', field = ''): string {
  if (v === null || v === undefined || v === '') return '—';
  const labels = valueLabels[field.split('.')[0] ?? ''];
  if (Array.isArray(v)) return v.map((x) => formatChangeValue(x, lang, field)).join('、') || '—';
  if (typeof v === 'string' && labels?.[v]) return pick(labels[v], lang);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.unit === 'string') {
      return formatLimit({ amount: o.amount, unit: o.unit as 'workday' | 'day' | 'workhour' }, lang);
    }
    if (typeof o.name === 'string') return o.name;
    if (typeof o.q === 'string') return o.q;
    return JSON.stringify(v);
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : JSON.stringify(v);
}

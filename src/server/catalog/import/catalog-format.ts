import {
  caseTypeLabels,
  handlingModeLabels,
  itemTypeInfo,
  levelLabels,
  materialFormLabels,
  materialNecessityLabels,
  materialSourceLabels,
  resultKindLabels,
  specialProcedureLabels,
  stepRoleLabels,
  unitWords,
  type Label,
} from '../../../shared/contracts/catalog-labels';

/**
 * The spreadsheet format of the catalog, shared by import and export so a file exported here imports
 * unchanged. One sheet per list: items, materials, steps, fees, FAQ; child rows point at their item by
 * 实施编码. Enumerations are written as the Chinese words used in the hall (工作日, 即办件, 容缺后补 …);
 * the importer also accepts the English keys. Item types are GB/T 39046 codes (01, 07, 20 …) or the
 * provincial letter codes (XK, QR, GG …): codes are mapped at this edge, never stored.
 */
export const SHEETS = {
  items: '事项',
  materials: '材料',
  steps: '环节',
  fees: '收费',
  faq: '常见问题',
} as const;
export type SheetKey = keyof typeof SHEETS;

export const ITEM_COLUMNS = {
  implCode: '实施编码',
  basicCode: '基本编码',
  name: '事项名称',
  departmentCode: '部门编码',
  itemType: '事项类型代码',
  exerciseLevel: '行使层级',
  acceptLevels: '受理层级',
  caseType: '办件类型',
  legalAmount: '法定时限',
  legalUnit: '法定时限单位',
  legalNote: '法定时限说明',
  promisedAmount: '承诺时限',
  promisedUnit: '承诺时限单位',
  handlingModes: '办理方式',
  visitsRequired: '到现场次数',
  visitsReason: '必须现场办理原因',
  onlineDepth: '网上办理深度',
  legalBasis: '设定依据',
  conditions: '受理条件',
  specialProcedures: '特别程序',
  resultName: '办理结果名称',
  resultKind: '办理结果类型',
  location: '办理地点',
  hours: '办理时间',
  phone: '咨询电话',
  complaintPhone: '投诉电话',
  themes: '主题',
  situations: '办理情形',
  changeNote: '变更说明',
} as const;

export const MATERIAL_COLUMNS = {
  implCode: '实施编码',
  key: '材料编号',
  name: '材料名称',
  originals: '原件份数',
  copies: '复印件份数',
  form: '材料形式',
  necessity: '必要性',
  source: '来源渠道',
  situation: '适用情形',
  notes: '备注',
} as const;

export const STEP_COLUMNS = {
  implCode: '实施编码',
  key: '环节编号',
  name: '环节名称',
  role: '办理人',
  amount: '环节时限',
  unit: '时限单位',
} as const;

export const FEE_COLUMNS = {
  implCode: '实施编码',
  name: '收费项目',
  standard: '收费标准（元）',
  basis: '收费依据',
  reductions: '减免',
} as const;

export const FAQ_COLUMNS = { implCode: '实施编码', q: '问题', a: '解答' } as const;

/** Separator of multi-valued cells (受理层级, 办理方式, 主题 …); the importer accepts 、，,；; too. */
export const LIST_SEPARATOR = '、';
export const splitList = (s: string): string[] =>
  s
    .split(/[、，,；;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A word list: every accepted spelling of each value, the first one being what export writes. */
export type Words<K extends string> = Readonly<Record<K, readonly string[]>>;

const fromLabels = <K extends string>(
  labels: Readonly<Record<K, Label>>,
  extra: Partial<Record<K, readonly string[]>> = {},
): Words<K> =>
  Object.fromEntries(
    (Object.keys(labels) as K[]).map((k) => [k, [labels[k].zh, k, labels[k].en, ...(extra[k] ?? [])]]),
  ) as unknown as Words<K>;

export const WORDS = {
  unit: {
    workday: [unitWords.workday, 'workday'],
    day: [unitWords.day, 'day', '日历日'],
    workhour: [unitWords.workhour, 'workhour', '小时'],
  } as Words<'workday' | 'day' | 'workhour'>,
  caseType: fromLabels(caseTypeLabels),
  level: fromLabels(levelLabels, {
    county: ['县', '县级'],
    township: ['乡镇', '乡镇级', '街道'],
    village: ['村', '村级', '社区'],
  }),
  handlingMode: fromLabels(handlingModeLabels, { one_visit: ['最多跑一次'], no_visit: ['零跑动'] }),
  specialProcedure: fromLabels(specialProcedureLabels),
  form: fromLabels(materialFormLabels, { both: ['纸质+电子', '纸质和电子'] }),
  necessity: fromLabels(materialNecessityLabels, { optional: ['可选'], deferrable: ['容缺'] }),
  source: fromLabels(materialSourceLabels, { government: ['政府部门'], e_license: ['电子证照'] }),
  role: fromLabels(stepRoleLabels, { officer: ['受理员', '窗口'], approver: ['审批人'] }),
  resultKind: fromLabels(resultKindLabels),
  itemType: Object.fromEntries(
    Object.entries(itemTypeInfo).map(([k, t]) => [
      k,
      [t.gb, ...(t.provincial ? [t.provincial] : []), k, t.zh],
    ]),
  ) as unknown as Words<keyof typeof itemTypeInfo>,
};

/** Look a cell's word up; undefined when it is not one of the accepted spellings. */
export function wordOf<K extends string>(words: Words<K>, raw: string): K | undefined {
  const t = raw.trim().toLowerCase();
  for (const [k, spellings] of Object.entries(words) as [K, readonly string[]][]) {
    if (spellings.some((s) => s.toLowerCase() === t)) return k;
  }
  return undefined;
}
export const firstWord = <K extends string>(words: Words<K>, k: K): string => words[k][0]!;
export const allowedWords = <K extends string>(words: Words<K>): string =>
  Object.values<readonly string[]>(words)
    .map((s) => s[0])
    .join('、');

/** Messages of the importer in both languages; `{x}` placeholders are filled per issue. */
export const REASONS = {
  required: { zh: '必填', en: 'is required' },
  notInteger: {
    zh: '应为不小于 0 的整数，实际为「{value}」',
    en: 'must be a whole number ≥ 0, not "{value}"',
  },
  notAmount: {
    zh: '应为金额（元，最多两位小数），实际为「{value}」',
    en: 'must be an amount in yuan (≤ 2 decimals), not "{value}"',
  },
  unknownWord: {
    zh: '「{value}」无法识别，应为：{allowed}',
    en: '"{value}" is not recognised; use one of: {allowed}',
  },
  unknownItem: {
    zh: '实施编码「{value}」在「事项」表中不存在',
    en: 'no item with implementation code "{value}" in the items sheet',
  },
  duplicateInFile: {
    zh: '实施编码「{value}」在文件中重复',
    en: 'implementation code "{value}" appears more than once in the file',
  },
  basicDuplicateInFile: {
    zh: '基本编码「{value}」在文件中重复',
    en: 'basic code "{value}" appears more than once in the file',
  },
  unknownDepartment: {
    zh: '部门编码「{value}」在本中心不存在',
    en: 'no department with code "{value}" in this center',
  },
  basicCodeTaken: {
    zh: '基本编码「{value}」已被其他事项使用',
    en: 'basic code "{value}" belongs to another item',
  },
  openVersion: {
    zh: '该事项已有正在办理的第 {value} 版，请先完成或取消',
    en: 'version {value} of this item is still open: finish or cancel it first',
  },
  situationFormat: {
    zh: '办理情形应写作「编号:名称」，多个用「；」分隔',
    en: 'write situations as "code:name", separated by ";"',
  },
  missingHeader: { zh: '缺少表头「{value}」', en: 'the header "{value}" is missing' },
  missingSheet: { zh: '缺少工作表「{value}」', en: 'the sheet "{value}" is missing' },
  jsonShape: { zh: '不符合要求：{value}', en: 'is invalid: {value}' },
} as const satisfies Record<string, Label>;

export type Reason = keyof typeof REASONS;
export function reasonText(
  r: Reason,
  lang: 'zh-CN' | 'en',
  params: Record<string, string | number> = {},
): string {
  const t = lang === 'en' ? REASONS[r].en : REASONS[r].zh;
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

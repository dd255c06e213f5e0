import type { GuideView } from '../../shared/contracts/catalog-public';
import {
  caseTypeLabels,
  formatLimit,
  handlingModeLabels,
  itemTypeInfo,
  levelLabels,
  materialFormLabels,
  materialNecessityLabels,
  materialSourceLabels,
  resultKindLabels,
  specialProcedureLabels,
  stepRoleLabels,
  yuan,
  type Label,
} from '../../shared/contracts/catalog-labels';
import {
  MARGIN,
  CONTENT_WIDTH,
  bullets,
  createA4Document,
  fields,
  footer,
  heading,
  paragraph,
  table,
  title,
  toBuffer,
} from '../documents/pdf';
import { qrPng } from '../documents/qr';

/**
 * The printable A4 guide (办事指南) of one published version, with the "八公开" elements in the order
 * the hall's notice boards use: overview, legal basis, preconditions, materials, procedure, limits,
 * fee standard and basis, then result, place, hours and contacts. A QR code leads to the online guide.
 */
type Lang = 'zh-CN' | 'en';

const T = {
  guide: { zh: '办事指南', en: 'Service guide' },
  overview: { zh: '一、事项概述', en: '1. Overview' },
  basis: { zh: '二、设定依据', en: '2. Legal basis' },
  conditions: { zh: '三、受理条件', en: '3. Preconditions' },
  materials: { zh: '四、申请材料', en: '4. Materials' },
  procedure: { zh: '五、办理流程', en: '5. Procedure' },
  limits: { zh: '六、办理时限', en: '6. Time limits' },
  fees: { zh: '七、收费标准及依据', en: '7. Fees and their basis' },
  result: { zh: '八、办理结果及联系方式', en: '8. Result and contacts' },
  faq: { zh: '常见问题', en: 'Frequently asked questions' },
  name: { zh: '事项名称', en: 'Item' },
  type: { zh: '事项类型', en: 'Type' },
  department: { zh: '实施主体', en: 'Authority' },
  codes: { zh: '基本编码 / 实施编码', en: 'Basic / implementation code' },
  exerciseLevel: { zh: '行使层级', en: 'Exercised at' },
  acceptLevels: { zh: '可受理层级', en: 'Accepted at' },
  caseType: { zh: '办件类型', en: 'Case type' },
  modes: { zh: '办理方式', en: 'Handling modes' },
  visits: { zh: '到现场次数', en: 'Visits required' },
  online: { zh: '网上办理深度', en: 'Online depth' },
  no: { zh: '序号', en: 'No.' },
  material: { zh: '材料名称', en: 'Material' },
  counts: { zh: '原件/复印件', en: 'Originals/copies' },
  form: { zh: '形式', en: 'Form' },
  necessity: { zh: '必要性', en: 'Necessity' },
  source: { zh: '来源', en: 'Source' },
  notes: { zh: '备注', en: 'Notes' },
  situation: { zh: '适用情形', en: 'Situation' },
  step: { zh: '环节', en: 'Step' },
  role: { zh: '办理人', en: 'By' },
  stepLimit: { zh: '环节时限', en: 'Step limit' },
  special: { zh: '特别程序（所需时间不计入办理时限）', en: 'Special procedures (time not counted)' },
  legal: { zh: '法定办结时限', en: 'Legal limit' },
  promised: { zh: '承诺办结时限', en: 'Promised limit' },
  feeItem: { zh: '收费项目', en: 'Fee' },
  standard: { zh: '收费标准（元）', en: 'Standard (yuan)' },
  feeBasis: { zh: '收费依据', en: 'Basis' },
  reductions: { zh: '减免', en: 'Reductions' },
  free: { zh: '不收费', en: 'Free of charge' },
  resultName: { zh: '办理结果', en: 'Result' },
  location: { zh: '办理地点', en: 'Where' },
  hours: { zh: '办理时间', en: 'Hours' },
  phone: { zh: '咨询电话', en: 'Enquiries' },
  complaint: { zh: '监督投诉电话', en: 'Complaints' },
  version: { zh: '第 {n} 版，{date} 起施行', en: 'Version {n}, in force from {date}' },
  page: {
    zh: '{center} · 第 {p} / {n} 页 · 扫码查看网上办事指南',
    en: '{center} · page {p} of {n} · scan for the online guide',
  },
  times: { zh: '次', en: '' },
  none: { zh: '无', en: 'None' },
};

export async function buildGuidePdf(g: GuideView, opts: { lang: Lang; url: string }): Promise<Buffer> {
  const en = opts.lang === 'en';
  const t = (l: Label) => (en ? l.en : l.zh);
  const fill = (s: string, p: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => String(p[k] ?? m));
  const c = g.content;
  const doc = createA4Document({ title: `${c.name} ${t(T.guide)}`, subject: g.implCode, lang: opts.lang });

  const qr = await qrPng(opts.url);
  doc.image(qr, MARGIN + CONTENT_WIDTH - 64, MARGIN - 10, { width: 64 });
  doc.y = MARGIN + 4;
  title(
    doc,
    `${c.name}`,
    `${t(T.guide)} · ${fill(t(T.version), { n: g.versionNo, date: g.effectiveFrom ?? '' })}`,
  );

  heading(doc, t(T.overview));
  fields(doc, [
    [t(T.name), c.name],
    [t(T.type), `${t(itemTypeInfo[c.itemType])}（${g.itemTypeCode}）`],
    [t(T.department), `${g.departmentName}（${g.centerName}）`],
    [t(T.codes), `${g.basicCode} / ${g.implCode}`],
    [t(T.exerciseLevel), t(levelLabels[c.exerciseLevel])],
    [t(T.acceptLevels), c.acceptLevels.map((l) => t(levelLabels[l])).join('、')],
    [t(T.caseType), t(caseTypeLabels[c.caseType])],
    [t(T.modes), c.handlingModes.map((m) => t(handlingModeLabels[m])).join('、')],
    [t(T.visits), `${c.visitsRequired} ${t(T.times)}${c.visitsReason ? `（${c.visitsReason}）` : ''}`],
    [t(T.online), String(c.onlineDepth)],
  ]);

  heading(doc, t(T.basis));
  paragraph(doc, c.legalBasis);
  heading(doc, t(T.conditions));
  paragraph(doc, c.conditions);

  heading(doc, t(T.materials));
  const situationName = new Map(c.situations.map((s) => [s.code, s.name]));
  table(
    doc,
    [
      { header: t(T.no), width: 0.06 },
      { header: t(T.material), width: 0.3 },
      { header: t(T.counts), width: 0.11 },
      { header: t(T.form), width: 0.1 },
      { header: t(T.necessity), width: 0.1 },
      { header: t(T.source), width: 0.13 },
      { header: t(T.notes), width: 0.2 },
    ],
    c.materials.map((m, i) => [
      String(i + 1),
      m.name,
      `${m.originals} / ${m.copies}`,
      t(materialFormLabels[m.form]),
      t(materialNecessityLabels[m.necessity]),
      t(materialSourceLabels[m.source]),
      [m.situation ? `${t(T.situation)}：${situationName.get(m.situation) ?? m.situation}` : '', m.notes]
        .filter(Boolean)
        .join('；'),
    ]),
  );

  heading(doc, t(T.procedure));
  table(
    doc,
    [
      { header: t(T.step), width: 0.4 },
      { header: t(T.role), width: 0.3 },
      { header: t(T.stepLimit), width: 0.3 },
    ],
    c.steps.map((s) => [s.name, t(stepRoleLabels[s.role]), formatLimit(s.limit, opts.lang)]),
  );
  paragraph(
    doc,
    `${t(T.special)}：${c.specialProcedures.length ? c.specialProcedures.map((p) => t(specialProcedureLabels[p])).join('、') : t(T.none)}`,
  );

  heading(doc, t(T.limits));
  fields(doc, [
    [
      t(T.legal),
      `${formatLimit(c.legalLimit, opts.lang)}${c.legalLimitNote ? `（${c.legalLimitNote}）` : ''}`,
    ],
    [t(T.promised), formatLimit(c.promisedLimit, opts.lang)],
  ]);

  heading(doc, t(T.fees));
  if (c.fees.length === 0 || c.fees.every((f) => f.standardFen === 0)) paragraph(doc, t(T.free));
  if (c.fees.length > 0) {
    table(
      doc,
      [
        { header: t(T.feeItem), width: 0.3 },
        { header: t(T.standard), width: 0.15 },
        { header: t(T.feeBasis), width: 0.35 },
        { header: t(T.reductions), width: 0.2 },
      ],
      c.fees.map((f) => [f.name, yuan(f.standardFen), f.basis, f.reductions]),
    );
  }

  heading(doc, t(T.result));
  fields(doc, [
    [t(T.resultName), `${c.result.name}（${t(resultKindLabels[c.result.kind])}）`],
    [t(T.location), c.location],
    [t(T.hours), c.hours],
    [t(T.phone), c.phone],
    [t(T.complaint), c.complaintPhone],
  ]);

  if (c.faq.length > 0) {
    heading(doc, t(T.faq));
    bullets(
      doc,
      c.faq.map((f) => `${f.q} —— ${f.a}`),
    );
  }

  footer(doc, (p, n) => fill(t(T.page), { center: g.centerName, p, n }));
  return toBuffer(doc);
}

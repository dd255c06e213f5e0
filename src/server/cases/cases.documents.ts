import { maskIdNumber } from '../../domain/identity';
import { caseDocumentLabels, deliveryMethodLabels, specialProcedureLabels } from '../../shared/cases/labels';
import type { CaseDocumentKind } from '../../shared/contracts/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { CENTER_UTC_OFFSET_MS } from '../../domain/calendar';
import type { MaterialRow } from './cases.parts.repository';
import type { CaseRow, OrgInfo } from './cases.repository';

/**
 * Case documents (文书) are issued by an event and print only what that event recorded: the data
 * below is a snapshot taken in the event's transaction and stored with the document's number, so a
 * 受理通知书 cannot exist unless the acceptance was entered, and its time is the recorded one
 * (seed 004). The PDF is rendered from the snapshot (cases.pdf.ts) on first print and then kept.
 */

export interface DocumentData {
  kind: CaseDocumentKind;
  title: string;
  number: string;
  caseNumber: string;
  centerName: string;
  issuer: string;
  issuedAt: string;
  issuedBy: string;
  /** Path of the public progress page, turned into a QR code with the site's address when printed. */
  progressPath: string;
  fields: [string, string][];
  paragraphs: string[];
  table: { columns: { header: string; width: number }[]; rows: string[][] } | null;
  after: string[];
  signature: string[];
}

const pickupLabel = { zh: '领取通知书', en: 'Pickup notice' };
export const documentTitle = (kind: CaseDocumentKind) =>
  kind === 'pickup_notice' ? pickupLabel : caseDocumentLabels[kind];

/** 2026年3月2日 09:05 in China Standard Time. */
export function cnTime(d: Date): string {
  const l = new Date(d.getTime() + CENTER_UTC_OFFSET_MS);
  const hh = String(l.getUTCHours()).padStart(2, '0');
  const mm = String(l.getUTCMinutes()).padStart(2, '0');
  return `${l.getUTCFullYear()}年${l.getUTCMonth() + 1}月${l.getUTCDate()}日 ${hh}:${mm}`;
}
export const cnDate = (d: Date): string => cnTime(d).split(' ')[0]!;

const RIGHTS =
  '如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。';

const materialStatus: Record<MaterialRow['status'], string> = {
  received: '已收',
  missing: '缺',
  deferred: '容缺后补',
  not_applicable: '不适用',
};

function materialsTable(ms: readonly MaterialRow[]): DocumentData['table'] {
  return {
    columns: [
      { header: '序号', width: 0.08 },
      { header: '材料名称', width: 0.52 },
      { header: '原件', width: 0.1 },
      { header: '复印件', width: 0.1 },
      { header: '状态', width: 0.2 },
    ],
    rows: ms.map((m, i) => [
      String(i + 1),
      m.name,
      String(m.originals_received),
      String(m.copies_received),
      m.supplied_at ? `已补交（${cnDate(m.supplied_at)}）` : materialStatus[m.status],
    ]),
  };
}

export interface IssueContext {
  row: CaseRow;
  version: ItemVersionView;
  org: OrgInfo;
  materials: readonly MaterialRow[];
  payload: Record<string, unknown>;
  issuedBy: string;
  at: Date;
  bundleParts?: readonly { number: string; item_name: string; outcome: string | null }[];
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** The kind-specific content of a document; everything printed comes from here. */
function content(
  kind: CaseDocumentKind,
  c: IssueContext,
): Pick<DocumentData, 'fields' | 'paragraphs' | 'table' | 'after'> {
  const r = c.row;
  const v = c.version.content;
  const p = c.payload;
  const base: [string, string][] = [
    ['办件编号', r.number],
    ['事项名称', r.item_name],
    ['申请人', r.applicant_name],
    ['证件号码', maskIdNumber(r.applicant_id_number)],
    ...(r.agent_name ? ([['代理人', r.agent_name]] as [string, string][]) : []),
  ];
  const contact = `咨询电话：${v.phone}；办理地点：${v.location}。`;
  switch (kind) {
    case 'material_receipt':
      return {
        fields: [...base, ['收件时间', cnTime(r.last_received_at)], ['收件人', c.issuedBy]],
        paragraphs: ['已收到你（单位）提交的下列申请材料：'],
        table: materialsTable(c.materials),
        after: [
          '本凭证仅证明材料已经收到，不是受理凭证。窗口将当场或者在五个工作日内作出受理、不予受理或者一次性告知补正的决定，逾期不告知的，自收到申请材料之日起即为受理（《中华人民共和国行政许可法》第三十二条）。',
          contact,
        ],
      };
    case 'supplement_notice': {
      const missing = Array.isArray(p.missingMaterials)
        ? (p.missingMaterials as { name?: unknown; note?: unknown }[])
        : [];
      return {
        fields: [...base, ['收件时间', cnTime(r.last_received_at)], ['告知时间', cnTime(c.at)]],
        paragraphs: [
          `你（单位）申请的「${r.item_name}」，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项，现一次性告知需要补正的全部内容如下：`,
        ],
        table: {
          columns: [
            { header: '序号', width: 0.08 },
            { header: '需补正的材料', width: 0.46 },
            { header: '补正原因及要求', width: 0.46 },
          ],
          rows: missing.map((m, i) => [String(i + 1), str(m.name), str(m.note) || '未提交']),
        },
        after: ['请按上述要求补齐全部材料后到窗口提交；补齐后窗口将依法作出是否受理的决定。', contact],
      };
    }
    case 'acceptance_notice':
      return {
        fields: [
          ...base,
          ['受理时间', r.accepted_at ? cnTime(r.accepted_at) : ''],
          ['受理人', c.issuedBy],
          ['受理单位', c.org.department_name ?? c.org.center_name],
          ['办件类型', r.kind === 'immediate' ? '即办件' : '承诺件'],
          ['承诺办结时间', r.due_at ? cnTime(r.due_at) : '（工作日历未配置，另行告知）'],
          ['法定办结时间', r.legal_due_at ? cnTime(r.legal_due_at) : '—'],
        ],
        paragraphs: [
          `你（单位）申请的「${r.item_name}」，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。收到的材料如下：`,
        ],
        table: materialsTable(c.materials),
        after: [
          '办理时限以工作日计算，不含法定节假日；依法需要听证、检验、检测、鉴定、专家评审、现场核查等特别程序的，所需时间不计算在办理时限内，届时将书面告知（第四十五条）。',
          '凭办件编号和申请时登记的手机号码，可扫描二维码查询办理进度。',
          contact,
        ],
      };
    case 'refusal_notice':
      return {
        fields: [...base, ['收件时间', cnTime(r.last_received_at)], ['决定时间', cnTime(c.at)]],
        paragraphs: [
          `你（单位）申请的「${r.item_name}」，经审查，决定不予受理。理由如下：`,
          str(p.reason),
          ...(p.referTo ? [`请向 ${str(p.referTo)} 提出申请。`] : []),
        ],
        table: null,
        after: [RIGHTS, contact],
      };
    case 'special_procedure_notice': {
      const kindKey = str(p.kind) as keyof typeof specialProcedureLabels;
      return {
        fields: [
          ...base,
          ['特别程序', specialProcedureLabels[kindKey]?.zh ?? kindKey],
          ['开始时间', cnTime(c.at)],
          ['预计所需时间', `${str(p.expectedWorkingDays)} 个工作日`],
          ['启动理由', str(p.reason)],
        ],
        paragraphs: [
          `你（单位）申请的「${r.item_name}」依法需要履行上述特别程序。根据《中华人民共和国行政许可法》第四十五条，所需时间不计算在办理时限内，特此书面告知。特别程序结束后恢复计时。`,
        ],
        table: null,
        after: [contact],
      };
    }
    case 'extension_notice':
      return {
        fields: [
          ...base,
          ['延长期限', `${str(p.workingDays)} 个工作日`],
          ['批准人', str(p.approvedBy)],
          ['延期理由', str(p.reason)],
          ['延期后办结时间', r.due_at ? cnTime(r.due_at) : '—'],
        ],
        paragraphs: [
          `你（单位）申请的「${r.item_name}」不能在规定期限内作出决定，经本行政机关负责人批准，延长办理期限，并告知延期理由（《中华人民共和国行政许可法》第四十二条）。`,
        ],
        table: null,
        after: [contact],
      };
    case 'decision_approve': {
      const cert = (r.certificate ?? {}) as { name?: string; number?: string; validUntil?: string };
      return {
        fields: [
          ...base,
          ['决定时间', cnTime(c.at)],
          ['办理结果', cert.name || v.result.name],
          ...(cert.number ? ([['证照编号', cert.number]] as [string, string][]) : []),
          ...(cert.validUntil ? ([['有效期至', cert.validUntil]] as [string, string][]) : []),
        ],
        paragraphs: [
          `你（单位）申请的「${r.item_name}」，经审查，符合法定条件、标准，依据${v.legalBasis}，决定准予许可。`,
        ],
        table: null,
        after: [
          '请凭本决定书和有效身份证件领取办理结果（《中华人民共和国行政许可法》第四十四条）。',
          contact,
        ],
      };
    }
    case 'decision_deny':
      return {
        fields: [...base, ['决定时间', cnTime(c.at)]],
        paragraphs: [`你（单位）申请的「${r.item_name}」，经审查，决定不予许可。理由如下：`, str(p.reason)],
        table: null,
        after: [RIGHTS, contact],
      };
    case 'delivery_receipt': {
      const method = str(p.method) as keyof typeof deliveryMethodLabels;
      return {
        fields: [
          ...base,
          ['送达文书', `${r.outcome === 'denied' ? '不予许可决定书' : '准予许可决定书'}及办理结果`],
          ['送达方式', deliveryMethodLabels[method]?.zh ?? method],
          ...(p.trackingNumber ? ([['快递单号', str(p.trackingNumber)]] as [string, string][]) : []),
          ['送达时间', cnTime(c.at)],
          ['送达人', c.issuedBy],
        ],
        paragraphs: ['受送达人签名（盖章）：____________________    日期：________________'],
        table: null,
        after: [],
      };
    }
    case 'pickup_notice':
      return {
        fields: [...base, ['通知时间', cnTime(c.at)]],
        paragraphs: [
          '你（单位）一并申请的下列事项已全部办结，请携带有效身份证件到窗口一次领取全部办理结果（两证齐发）：',
        ],
        table: {
          columns: [
            { header: '序号', width: 0.08 },
            { header: '办件编号', width: 0.32 },
            { header: '事项名称', width: 0.6 },
          ],
          rows: (c.bundleParts ?? []).map((b, i) => [String(i + 1), b.number, b.item_name]),
        },
        after: [contact],
      };
  }
}

export function buildDocumentData(kind: CaseDocumentKind, number: string, c: IssueContext): DocumentData {
  return {
    kind,
    title: documentTitle(kind).zh,
    number,
    caseNumber: c.row.number,
    centerName: c.org.center_name,
    issuer: c.org.department_name ?? c.org.center_name,
    issuedAt: c.at.toISOString(),
    issuedBy: c.issuedBy,
    progressPath: `/progress?number=${encodeURIComponent(c.row.number)}`,
    signature: [c.org.department_name ?? c.org.center_name, cnDate(c.at)],
    ...content(kind, c),
  };
}

export interface IssuedDocument {
  id: string;
  kind: CaseDocumentKind;
  number: string;
  issuedAt: Date;
  issuedBy: string;
  eventId: number;
}

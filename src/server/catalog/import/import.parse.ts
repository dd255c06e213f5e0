import ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors';
import { ItemCode, ItemContent } from '../../../shared/contracts/catalog';
import type { ImportIssue } from '../../../shared/contracts/catalog-import';
import { issueMessage } from '../../../shared/errors/zod-messages';
import {
  FAQ_COLUMNS,
  FEE_COLUMNS,
  ITEM_COLUMNS,
  MATERIAL_COLUMNS,
  SHEETS,
  STEP_COLUMNS,
  WORDS,
  allowedWords,
  reasonText,
  splitList,
  wordOf,
  type Reason,
  type Words,
} from './catalog-format';

/**
 * Reading an import file into candidate items, row by row. Every cell that cannot be read is reported
 * with its sheet, row and column; an item whose own row is clean is then checked as a whole by the
 * contract (`ItemContent`), and each rule it breaks is reported on the row and column it came from.
 */
type Lang = 'zh-CN' | 'en';

export interface ParsedItem {
  sheet: string;
  row: number;
  implCode: string;
  basicCode: string;
  departmentCode: string;
  changeNote: string;
  name: string;
  /** Set when the item's own row is clean and its content passed the contract. */
  content: ItemContent | null;
  rowRejected: boolean;
  /** One of its material/step/fee/FAQ rows was rejected: the item cannot be imported as it is. */
  blocked: boolean;
}
export interface ParsedFile {
  items: ParsedItem[];
  issues: ImportIssue[];
}

/** Text of a cell whatever exceljs made of it (rich text, formula result, hyperlink, number, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return String((v as { text: unknown }).text).trim();
  return '';
}

interface SheetRows {
  name: string;
  rows: { row: number; get: (header: string) => string }[];
}

function readSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  issues: ImportIssue[],
  lang: Lang,
  required: boolean,
): SheetRows {
  const ws = wb.getWorksheet(name);
  if (!ws) {
    if (required)
      issues.push({
        sheet: name,
        row: 1,
        column: '',
        reason: reasonText('missingSheet', lang, { value: name }),
      });
    return { name, rows: [] };
  }
  const index = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => index.set(cellText(cell.value), col));
  for (const h of headers) {
    if (!index.has(h))
      issues.push({
        sheet: name,
        row: 1,
        column: h,
        reason: reasonText('missingHeader', lang, { value: h }),
      });
  }
  const rows: SheetRows['rows'] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const get = (h: string) => {
      const c = index.get(h);
      return c ? cellText(r.getCell(c).value) : '';
    };
    if (headers.every((h) => get(h) === '')) return;
    rows.push({ row: n, get });
  });
  return { name, rows };
}

/** Cell readers that record an issue and return undefined when the cell is not valid. */
function readers(issues: ImportIssue[], lang: Lang, sheet: string, row: number) {
  let bad = false;
  const fail = (column: string, reason: Reason, params: Record<string, string | number> = {}) => {
    bad = true;
    issues.push({ sheet, row, column, reason: reasonText(reason, lang, params) });
    return undefined;
  };
  return {
    get bad() {
      return bad;
    },
    fail,
    /** A code cell: required, no spaces, at most 50 characters (the contract's rule). */
    code(column: string, raw: string): string | undefined {
      const r = ItemCode.safeParse(raw);
      if (r.success) return r.data;
      bad = true;
      issues.push({ sheet, row, column, reason: issueMessage(r.error.issues[0] as never, lang) });
      return undefined;
    },
    int(column: string, raw: string): number | undefined {
      if (raw === '') return fail(column, 'required');
      return /^\d{1,6}(\.0+)?$/.test(raw)
        ? Number.parseInt(raw, 10)
        : fail(column, 'notInteger', { value: raw });
    },
    fen(column: string, raw: string): number | undefined {
      if (raw === '') return fail(column, 'required');
      if (!/^\d{1,9}(\.\d{1,2})?$/.test(raw)) return fail(column, 'notAmount', { value: raw });
      return Math.round(Number(raw) * 100);
    },
    word<K extends string>(column: string, words: Words<K>, raw: string): K | undefined {
      if (raw === '') return fail(column, 'required');
      return wordOf(words, raw) ?? fail(column, 'unknownWord', { value: raw, allowed: allowedWords(words) });
    },
    words<K extends string>(column: string, words: Words<K>, raw: string): K[] | undefined {
      const out: K[] = [];
      for (const w of splitList(raw)) {
        const k = wordOf(words, w);
        if (!k) return fail(column, 'unknownWord', { value: w, allowed: allowedWords(words) });
        out.push(k);
      }
      return out;
    },
  };
}

const ITEM_PATH_COLUMNS: Record<string, string> = {
  name: ITEM_COLUMNS.name,
  itemType: ITEM_COLUMNS.itemType,
  exerciseLevel: ITEM_COLUMNS.exerciseLevel,
  acceptLevels: ITEM_COLUMNS.acceptLevels,
  caseType: ITEM_COLUMNS.caseType,
  'legalLimit.amount': ITEM_COLUMNS.legalAmount,
  'legalLimit.unit': ITEM_COLUMNS.legalUnit,
  legalLimitNote: ITEM_COLUMNS.legalNote,
  'promisedLimit.amount': ITEM_COLUMNS.promisedAmount,
  'promisedLimit.unit': ITEM_COLUMNS.promisedUnit,
  handlingModes: ITEM_COLUMNS.handlingModes,
  visitsRequired: ITEM_COLUMNS.visitsRequired,
  visitsReason: ITEM_COLUMNS.visitsReason,
  onlineDepth: ITEM_COLUMNS.onlineDepth,
  legalBasis: ITEM_COLUMNS.legalBasis,
  conditions: ITEM_COLUMNS.conditions,
  specialProcedures: ITEM_COLUMNS.specialProcedures,
  'result.name': ITEM_COLUMNS.resultName,
  'result.kind': ITEM_COLUMNS.resultKind,
  location: ITEM_COLUMNS.location,
  hours: ITEM_COLUMNS.hours,
  phone: ITEM_COLUMNS.phone,
  complaintPhone: ITEM_COLUMNS.complaintPhone,
  themes: ITEM_COLUMNS.themes,
  situations: ITEM_COLUMNS.situations,
  steps: ITEM_COLUMNS.promisedAmount,
  materials: SHEETS.materials,
};
const CHILD_COLUMNS: Record<string, { sheet: string; columns: Record<string, string> }> = {
  materials: { sheet: SHEETS.materials, columns: { ...MATERIAL_COLUMNS } },
  steps: {
    sheet: SHEETS.steps,
    columns: { ...STEP_COLUMNS, 'limit.amount': STEP_COLUMNS.amount, 'limit.unit': STEP_COLUMNS.unit },
  },
  fees: { sheet: SHEETS.fees, columns: { ...FEE_COLUMNS, standardFen: FEE_COLUMNS.standard } },
  faq: { sheet: SHEETS.faq, columns: { ...FAQ_COLUMNS } },
};

export async function parseXlsx(buf: Buffer, lang: Lang): Promise<ParsedFile> {
  // An xlsx file is a zip archive: anything else is refused before exceljs tries to read it.
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new AppError('CATALOG_IMPORT_NOT_XLSX');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('CATALOG_IMPORT_NOT_XLSX');
  }
  const issues: ImportIssue[] = [];
  const itemsSheet = readSheet(wb, SHEETS.items, Object.values(ITEM_COLUMNS), issues, lang, true);
  const sheets = {
    materials: readSheet(wb, SHEETS.materials, Object.values(MATERIAL_COLUMNS), issues, lang, true),
    steps: readSheet(wb, SHEETS.steps, Object.values(STEP_COLUMNS), issues, lang, true),
    fees: readSheet(wb, SHEETS.fees, Object.values(FEE_COLUMNS), issues, lang, false),
    faq: readSheet(wb, SHEETS.faq, Object.values(FAQ_COLUMNS), issues, lang, false),
  };

  interface Draft {
    item: ParsedItem;
    raw: Record<string, unknown>;
    children: Record<keyof typeof sheets, { row: number; value: unknown }[]>;
  }
  const byCode = new Map<string, Draft>();
  const basicSeen = new Set<string>();
  const drafts: Draft[] = [];
  for (const { row, get } of itemsSheet.rows) {
    const rd = readers(issues, lang, SHEETS.items, row);
    const C = ITEM_COLUMNS;
    const implCode = get(C.implCode);
    // Situation names may contain 、 (继承、受遗赠): only ； ; and line breaks separate them.
    const situations = get(C.situations)
      .split(/[；;\n]/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((s) => {
        const m = /^([\w-]+)\s*[:：]\s*(.+)$/.exec(s);
        return m ? { code: m[1], name: m[2]!.trim() } : null;
      });
    if (situations.some((s) => s === null)) rd.fail(C.situations, 'situationFormat');
    const raw: Record<string, unknown> = {
      name: get(C.name),
      itemType: rd.word(C.itemType, WORDS.itemType, get(C.itemType)),
      exerciseLevel: rd.word(C.exerciseLevel, WORDS.level, get(C.exerciseLevel)),
      acceptLevels: rd.words(C.acceptLevels, WORDS.level, get(C.acceptLevels)),
      caseType: rd.word(C.caseType, WORDS.caseType, get(C.caseType)),
      legalLimit: {
        amount: rd.int(C.legalAmount, get(C.legalAmount)),
        unit: rd.word(C.legalUnit, WORDS.unit, get(C.legalUnit)),
      },
      legalLimitNote: get(C.legalNote),
      promisedLimit: {
        amount: rd.int(C.promisedAmount, get(C.promisedAmount)),
        unit: rd.word(C.promisedUnit, WORDS.unit, get(C.promisedUnit)),
      },
      handlingModes: rd.words(C.handlingModes, WORDS.handlingMode, get(C.handlingModes)),
      visitsRequired: rd.int(C.visitsRequired, get(C.visitsRequired)),
      visitsReason: get(C.visitsReason),
      onlineDepth: rd.int(C.onlineDepth, get(C.onlineDepth)),
      legalBasis: get(C.legalBasis),
      conditions: get(C.conditions),
      specialProcedures: rd.words(C.specialProcedures, WORDS.specialProcedure, get(C.specialProcedures)),
      result: { name: get(C.resultName), kind: rd.word(C.resultKind, WORDS.resultKind, get(C.resultKind)) },
      location: get(C.location),
      hours: get(C.hours),
      phone: get(C.phone),
      complaintPhone: get(C.complaintPhone),
      themes: splitList(get(C.themes)),
      situations,
    };
    const basic = rd.code(C.basicCode, get(C.basicCode));
    if (basic !== undefined && basicSeen.has(basic))
      rd.fail(C.basicCode, 'basicDuplicateInFile', { value: basic });
    if (basic !== undefined) basicSeen.add(basic);
    if (!get(C.departmentCode)) rd.fail(C.departmentCode, 'required');
    if (rd.code(C.implCode, implCode) !== undefined && byCode.has(implCode))
      rd.fail(C.implCode, 'duplicateInFile', { value: implCode });
    const d: Draft = {
      item: {
        sheet: SHEETS.items,
        row,
        implCode,
        basicCode: get(C.basicCode),
        departmentCode: get(C.departmentCode),
        changeNote: get(C.changeNote),
        name: get(C.name),
        content: null,
        rowRejected: false,
        blocked: false,
      },
      raw,
      children: { materials: [], steps: [], fees: [], faq: [] },
    };
    d.item.rowRejected = rd.bad;
    drafts.push(d);
    if (implCode && !byCode.has(implCode)) byCode.set(implCode, d);
  }

  const attach = (
    key: keyof typeof sheets,
    sheet: SheetRows,
    build: (rd: ReturnType<typeof readers>, get: (h: string) => string) => unknown,
  ) => {
    for (const { row, get } of sheet.rows) {
      const rd = readers(issues, lang, sheet.name, row);
      const code = get('实施编码');
      const owner = byCode.get(code);
      if (!owner) rd.fail('实施编码', code ? 'unknownItem' : 'required', { value: code });
      const value = build(rd, get);
      if (!owner) continue;
      if (rd.bad) owner.item.blocked = true;
      else owner.children[key].push({ row, value });
    }
  };
  attach('materials', sheets.materials, (rd, get) => ({
    key: get(MATERIAL_COLUMNS.key),
    name: get(MATERIAL_COLUMNS.name),
    originals: rd.int(MATERIAL_COLUMNS.originals, get(MATERIAL_COLUMNS.originals)),
    copies: rd.int(MATERIAL_COLUMNS.copies, get(MATERIAL_COLUMNS.copies)),
    form: rd.word(MATERIAL_COLUMNS.form, WORDS.form, get(MATERIAL_COLUMNS.form)),
    necessity: rd.word(MATERIAL_COLUMNS.necessity, WORDS.necessity, get(MATERIAL_COLUMNS.necessity)),
    source: rd.word(MATERIAL_COLUMNS.source, WORDS.source, get(MATERIAL_COLUMNS.source)),
    situation: get(MATERIAL_COLUMNS.situation) || null,
    notes: get(MATERIAL_COLUMNS.notes),
  }));
  attach('steps', sheets.steps, (rd, get) => ({
    key: get(STEP_COLUMNS.key),
    name: get(STEP_COLUMNS.name),
    role: rd.word(STEP_COLUMNS.role, WORDS.role, get(STEP_COLUMNS.role)),
    limit: {
      amount: rd.int(STEP_COLUMNS.amount, get(STEP_COLUMNS.amount)),
      unit: rd.word(STEP_COLUMNS.unit, WORDS.unit, get(STEP_COLUMNS.unit)),
    },
  }));
  attach('fees', sheets.fees, (rd, get) => ({
    name: get(FEE_COLUMNS.name),
    standardFen: rd.fen(FEE_COLUMNS.standard, get(FEE_COLUMNS.standard)),
    basis: get(FEE_COLUMNS.basis),
    reductions: get(FEE_COLUMNS.reductions),
  }));
  attach('faq', sheets.faq, (_rd, get) => ({ q: get(FAQ_COLUMNS.q), a: get(FAQ_COLUMNS.a) }));

  for (const d of drafts) {
    if (d.item.rowRejected || d.item.blocked) continue;
    const content = {
      ...d.raw,
      materials: d.children.materials.map((c) => c.value),
      steps: d.children.steps.map((c) => c.value),
      fees: d.children.fees.map((c) => c.value),
      faq: d.children.faq.map((c) => c.value),
    };
    const r = ItemContent.safeParse(content);
    if (r.success) {
      d.item.content = r.data;
      continue;
    }
    for (const issue of r.error.issues) {
      const [head, index, ...rest] = issue.path.map(String);
      const child = head ? CHILD_COLUMNS[head] : undefined;
      const reason = issueMessage(issue, lang);
      if (child && index !== undefined && /^\d+$/.test(index)) {
        const entry = d.children[head as keyof typeof sheets][Number(index)]!;
        issues.push({
          sheet: child.sheet,
          row: entry.row,
          column: child.columns[rest.join('.')] ?? rest.join('.'),
          reason,
        });
        d.item.blocked = true;
      } else {
        const path = issue.path.map(String).join('.');
        issues.push({
          sheet: SHEETS.items,
          row: d.item.row,
          column: ITEM_PATH_COLUMNS[path] ?? ITEM_PATH_COLUMNS[head ?? ''] ?? path,
          reason,
        });
        d.item.rowRejected = true;
      }
    }
  }
  return { items: drafts.map((d) => d.item), issues };
}

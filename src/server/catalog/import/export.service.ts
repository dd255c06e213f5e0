import ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors';
import type { ItemContent } from '../../../shared/contracts/catalog';
import { CATALOG_JSON_FORMAT } from '../../../shared/contracts/catalog-import';
import { yuan } from '../../../shared/contracts/catalog-labels';
import type { Queryable } from '../../db/db';
import * as org from '../../org/org.repository';
import { contentOf } from '../catalog.presenter';
import type { VersionRow } from '../catalog.repository';
import type { Scoped } from '../catalog.service';
import {
  FAQ_COLUMNS,
  FEE_COLUMNS,
  ITEM_COLUMNS,
  LIST_SEPARATOR,
  MATERIAL_COLUMNS,
  SHEETS,
  STEP_COLUMNS,
  WORDS,
  firstWord,
} from './catalog-format';

/**
 * Export a center's catalog: for each item the version in force today, else its latest version that
 * was not cancelled (so a catalog still being drafted can be exported, reviewed offline and imported
 * back). The files are exactly what the importer reads.
 */
export interface ExportEntry {
  basicCode: string;
  implCode: string;
  departmentCode: string;
  content: ItemContent;
}

export async function exportEntries(
  q: Queryable,
  actor: Scoped,
  centerId: string,
  today: string,
): Promise<{ center: { code: string; name: string }; items: ExportEntry[] }> {
  const center = await org.findCenter(q, actor.centerPath, centerId);
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  const rows = await q.query<VersionRow & { department_code: string }>(
    `SELECT DISTINCT ON (v.item_id) v.*, i.department_id, d.name AS department_name, d.code AS department_code,
       i.basic_code, i.impl_code, t.code AS item_type_code
     FROM item_versions v JOIN items i ON i.id = v.item_id JOIN departments d ON d.id = i.department_id
     LEFT JOIN item_type_codes t ON t.item_type = v.item_type AND t.system = 'gbt39046'
     WHERE i.center_id = $1 AND v.status <> 'cancelled'
     ORDER BY v.item_id, (v.status = 'published' AND v.effective_from <= $2::date) DESC, v.effective_from DESC NULLS LAST,
       v.version_no DESC`,
    [centerId, today],
  );
  rows.sort((a, b) => (a.department_code + a.impl_code < b.department_code + b.impl_code ? -1 : 1));
  return {
    center: { code: center.code, name: center.name },
    items: rows.map((r) => ({
      basicCode: r.basic_code,
      implCode: r.impl_code,
      departmentCode: r.department_code,
      content: contentOf(r),
    })),
  };
}

export function exportJson(
  data: { center: { code: string; name: string }; items: ExportEntry[] },
  now: Date,
): Buffer {
  const doc = {
    format: CATALOG_JSON_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    center: data.center,
    items: data.items.map((i) => ({ ...i, changeNote: '' })),
  };
  return Buffer.from(JSON.stringify(doc, null, 2), 'utf8');
}

const list = (xs: readonly string[]) => xs.join(LIST_SEPARATOR);

export async function exportXlsx(items: readonly ExportEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow 一窗通';
  const sheet = (name: string, headers: readonly string[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...headers]).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 16));
    return ws;
  };
  const C = ITEM_COLUMNS;
  const itemsWs = sheet(SHEETS.items, Object.values(C));
  const materialsWs = sheet(SHEETS.materials, Object.values(MATERIAL_COLUMNS));
  const stepsWs = sheet(SHEETS.steps, Object.values(STEP_COLUMNS));
  const feesWs = sheet(SHEETS.fees, Object.values(FEE_COLUMNS));
  const faqWs = sheet(SHEETS.faq, Object.values(FAQ_COLUMNS));
  for (const { basicCode, implCode, departmentCode, content: c } of items) {
    const row: Record<string, string | number> = {
      [C.implCode]: implCode,
      [C.basicCode]: basicCode,
      [C.name]: c.name,
      [C.departmentCode]: departmentCode,
      [C.itemType]: firstWord(WORDS.itemType, c.itemType),
      [C.exerciseLevel]: firstWord(WORDS.level, c.exerciseLevel),
      [C.acceptLevels]: list(c.acceptLevels.map((l) => firstWord(WORDS.level, l))),
      [C.caseType]: firstWord(WORDS.caseType, c.caseType),
      [C.legalAmount]: c.legalLimit.amount,
      [C.legalUnit]: firstWord(WORDS.unit, c.legalLimit.unit),
      [C.legalNote]: c.legalLimitNote,
      [C.promisedAmount]: c.promisedLimit.amount,
      [C.promisedUnit]: firstWord(WORDS.unit, c.promisedLimit.unit),
      [C.handlingModes]: list(c.handlingModes.map((m) => firstWord(WORDS.handlingMode, m))),
      [C.visitsRequired]: c.visitsRequired,
      [C.visitsReason]: c.visitsReason,
      [C.onlineDepth]: c.onlineDepth,
      [C.legalBasis]: c.legalBasis,
      [C.conditions]: c.conditions,
      [C.specialProcedures]: list(c.specialProcedures.map((s) => firstWord(WORDS.specialProcedure, s))),
      [C.resultName]: c.result.name,
      [C.resultKind]: firstWord(WORDS.resultKind, c.result.kind),
      [C.location]: c.location,
      [C.hours]: c.hours,
      [C.phone]: c.phone,
      [C.complaintPhone]: c.complaintPhone,
      [C.themes]: list(c.themes),
      [C.situations]: c.situations.map((s) => `${s.code}:${s.name}`).join('；'),
      [C.changeNote]: '',
    };
    itemsWs.addRow(Object.values(C).map((h) => row[h] ?? ''));
    for (const m of c.materials) {
      materialsWs.addRow([
        implCode,
        m.key,
        m.name,
        m.originals,
        m.copies,
        firstWord(WORDS.form, m.form),
        firstWord(WORDS.necessity, m.necessity),
        firstWord(WORDS.source, m.source),
        m.situation ?? '',
        m.notes,
      ]);
    }
    for (const s of c.steps)
      stepsWs.addRow([
        implCode,
        s.key,
        s.name,
        firstWord(WORDS.role, s.role),
        s.limit.amount,
        firstWord(WORDS.unit, s.limit.unit),
      ]);
    for (const f of c.fees) feesWs.addRow([implCode, f.name, yuan(f.standardFen), f.basis, f.reductions]);
    for (const f of c.faq) faqWs.addRow([implCode, f.q, f.a]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

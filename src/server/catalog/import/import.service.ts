import { AppError } from '../../../domain/errors';
import type {
  ImportFormat,
  ImportIssue,
  ImportMode,
  ImportReport,
} from '../../../shared/contracts/catalog-import';
import type { Db, Queryable } from '../../db/db';
import * as org from '../../org/org.repository';
import {
  auditCatalog,
  createItem,
  createVersion,
  updateDraft,
  updateItemIdentity,
  type Ctx,
} from '../catalog.service';
import { ITEM_COLUMNS, SHEETS, reasonText } from './catalog-format';
import { parseJson } from './json.parse';
import { parseXlsx, type ParsedItem } from './import.parse';

/**
 * Import a catalog file: read and check every row, then check the items against the database
 * (department codes, codes used by other items, items already being revised). `validate` only reports;
 * `commit` writes only a clean file; `commit_valid` writes the valid items and leaves the rest. Writing
 * happens in one transaction, so a failure half-way leaves nothing behind.
 */
type Lang = 'zh-CN' | 'en';

interface Existing {
  id: string;
  basic_code: string;
  department_id: string;
  open_no: number | null;
}

export async function importCatalog(
  db: Db,
  ctx: Ctx,
  p: {
    centerId: string;
    mode: ImportMode;
    format: ImportFormat;
    campaignId: string | null;
    file: Buffer;
    lang: Lang;
  },
): Promise<ImportReport> {
  const parsed = p.format === 'xlsx' ? await parseXlsx(p.file, p.lang) : parseJson(p.file, p.lang);
  if (parsed.items.length === 0 && parsed.issues.length === 0) throw new AppError('CATALOG_IMPORT_EMPTY');
  if (!(await org.findCenter(db, ctx.actor.centerPath, p.centerId)))
    throw new AppError('NOT_FOUND', { entity: 'center' });
  const issues = [...parsed.issues];
  const plan = await checkAgainstDatabase(db, p.centerId, parsed.items, issues, p.lang, p.format);

  const valid = parsed.items.filter((i) => !i.rowRejected && !i.blocked && i.content);
  const report: ImportReport = {
    mode: p.mode,
    format: p.format,
    committed: false,
    totalItems: parsed.items.length,
    validItems: valid.length,
    importedItems: 0,
    rejected: issues.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1)),
    items: parsed.items.map((i) => ({
      row: i.row,
      implCode: i.implCode,
      name: i.name,
      outcome: i.rowRejected
        ? 'rejected'
        : i.blocked
          ? 'blocked'
          : plan.get(i)?.existing
            ? 'new_version'
            : 'create',
    })),
  };
  const clean = issues.length === 0;
  if (p.mode === 'validate' || (p.mode === 'commit' && !clean) || valid.length === 0) return report;

  await db.transaction(async (tx) => {
    for (const it of valid) await writeItem(tx, ctx, p, it, plan.get(it)!);
    await auditCatalog(tx, ctx, p.centerId, 'import', 'catalog', p.centerId, null, {
      format: p.format,
      mode: p.mode,
      items: valid.length,
      rejectedRows: issues.length,
    });
  });
  return { ...report, committed: true, importedItems: valid.length };
}

interface PlanEntry {
  departmentId: string;
  existing: Existing | undefined;
}

async function checkAgainstDatabase(
  q: Queryable,
  centerId: string,
  items: ParsedItem[],
  issues: ImportIssue[],
  lang: Lang,
  format: ImportFormat,
): Promise<Map<ParsedItem, PlanEntry>> {
  const departments = new Map(
    (
      await q.query<{ id: string; code: string }>('SELECT id, code FROM departments WHERE center_id = $1', [
        centerId,
      ])
    ).map((d) => [d.code, d.id]),
  );
  const existing = await q.query<Existing & { impl_code: string }>(
    `SELECT i.id, i.impl_code, i.basic_code, i.department_id,
       (SELECT v.version_no FROM item_versions v WHERE v.item_id = i.id AND v.status IN ('draft', 'department_review', 'center_review')) AS open_no
     FROM items i WHERE i.center_id = $1`,
    [centerId],
  );
  const byImpl = new Map(existing.map((e) => [e.impl_code, e]));
  const byBasic = new Map(existing.map((e) => [e.basic_code, e.impl_code]));
  const col = (xlsx: string, json: string) => (format === 'xlsx' ? xlsx : json);
  const sheet = format === 'xlsx' ? SHEETS.items : 'items';
  const plan = new Map<ParsedItem, PlanEntry>();
  for (const it of items) {
    if (it.rowRejected) continue;
    const reject = (column: string, reason: Parameters<typeof reasonText>[0], value: string | number) => {
      issues.push({ sheet, row: it.row, column, reason: reasonText(reason, lang, { value }) });
      it.rowRejected = true;
    };
    const departmentId = departments.get(it.departmentCode);
    if (!departmentId)
      reject(col(ITEM_COLUMNS.departmentCode, 'departmentCode'), 'unknownDepartment', it.departmentCode);
    const owner = byBasic.get(it.basicCode);
    if (owner !== undefined && owner !== it.implCode)
      reject(col(ITEM_COLUMNS.basicCode, 'basicCode'), 'basicCodeTaken', it.basicCode);
    const ex = byImpl.get(it.implCode);
    if (ex?.open_no) reject(col(ITEM_COLUMNS.implCode, 'implCode'), 'openVersion', ex.open_no);
    if (departmentId) plan.set(it, { departmentId, existing: ex });
  }
  return plan;
}

async function writeItem(
  tx: Queryable,
  ctx: Ctx,
  p: { centerId: string; campaignId: string | null },
  it: ParsedItem,
  plan: PlanEntry,
): Promise<void> {
  const content = it.content!;
  if (!plan.existing) {
    await createItem(tx, ctx, {
      centerId: p.centerId,
      departmentId: plan.departmentId,
      basicCode: it.basicCode,
      implCode: it.implCode,
      changeNote: it.changeNote,
      campaignId: p.campaignId,
      content,
    });
    return;
  }
  const ex = plan.existing;
  if (ex.basic_code !== it.basicCode || ex.department_id !== plan.departmentId) {
    await updateItemIdentity(tx, ctx, ex.id, { basicCode: it.basicCode, departmentId: plan.departmentId });
  }
  const draft = await createVersion(tx, ctx, ex.id, { changeNote: it.changeNote, campaignId: p.campaignId });
  await updateDraft(tx, ctx, draft.id, { changeNote: it.changeNote, content });
}

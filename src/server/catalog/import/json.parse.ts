import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { ItemCode, ItemContent } from '../../../shared/contracts/catalog';
import { CATALOG_JSON_FORMAT, type ImportIssue } from '../../../shared/contracts/catalog-import';
import { issueMessage } from '../../../shared/errors/zod-messages';
import { reasonText } from './catalog-format';
import type { ParsedFile, ParsedItem } from './import.parse';

/** Reading the JSON exchange document (what `export?format=json` writes) into candidate items. */
type Lang = 'zh-CN' | 'en';

const JsonItem = z.object({
  basicCode: ItemCode,
  implCode: ItemCode,
  departmentCode: z.string().trim().min(1).max(50),
  changeNote: z.string().trim().max(500).default(''),
  content: ItemContent,
});

/** The JSON exchange document; each item is checked alone, its position standing for the row. */
export function parseJson(buf: Buffer, lang: Lang): ParsedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(buf.toString('utf8'));
  } catch {
    throw new AppError('CATALOG_IMPORT_NOT_JSON');
  }
  const shape = z
    .object({ format: z.literal(CATALOG_JSON_FORMAT), items: z.array(z.unknown()) })
    .safeParse(doc);
  if (!shape.success) throw new AppError('CATALOG_IMPORT_NOT_JSON');
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const basicSeen = new Set<string>();
  const items = shape.data.items.map((x, i): ParsedItem => {
    const obj = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const content = (obj.content ?? {}) as Record<string, unknown>;
    const item: ParsedItem = {
      sheet: 'items',
      row: i + 1,
      implCode: str(obj.implCode),
      basicCode: str(obj.basicCode),
      departmentCode: str(obj.departmentCode),
      changeNote: str(obj.changeNote),
      name: str(content.name),
      content: null,
      rowRejected: false,
      blocked: false,
    };
    const r = JsonItem.safeParse(x);
    if (!r.success) {
      for (const issue of r.error.issues)
        issues.push({
          sheet: 'items',
          row: i + 1,
          column: issue.path.map(String).join('.'),
          reason: issueMessage(issue, lang),
        });
      item.rowRejected = true;
    } else {
      item.content = r.data.content;
      item.changeNote = r.data.changeNote;
    }
    if (item.implCode && seen.has(item.implCode)) {
      issues.push({
        sheet: 'items',
        row: i + 1,
        column: 'implCode',
        reason: reasonText('duplicateInFile', lang, { value: item.implCode }),
      });
      item.rowRejected = true;
    }
    if (item.basicCode && basicSeen.has(item.basicCode)) {
      issues.push({
        sheet: 'items',
        row: i + 1,
        column: 'basicCode',
        reason: reasonText('basicDuplicateInFile', lang, { value: item.basicCode }),
      });
      item.rowRejected = true;
    }
    seen.add(item.implCode);
    basicSeen.add(item.basicCode);
    return item;
  });
  return { items, issues };
}

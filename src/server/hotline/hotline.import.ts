import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CENTER_UTC_OFFSET_MS } from '../../domain/calendar/civil-time';
import { AppError } from '../../domain/errors';
import type { Lang } from '../../shared/errors';
import { issueMessage } from '../../shared/errors/zod-messages';
import { HotlineOrderInput } from '../../shared/contracts/hotline';
import { hotlineCategoryLabels } from '../../shared/contracts/evaluation-labels';
import { hotlineKindLabels } from '../../shared/contracts/hotline';
import { cellText } from '../catalog/import/import.parse';

/**
 * Work orders from a file exported by the 12345 platform: an Excel sheet with the columns below
 * (Chinese headers, the first sheet), or JSON `{ "orders": [...] }` in the shape of the HTTP endpoint.
 * Each row is checked on its own: good rows are imported, bad rows are reported with their field.
 */
export const COLUMNS = {
  number: '工单编号',
  receivedAt: '受理时间',
  category: '诉求类别',
  kind: '诉求类型',
  title: '标题',
  content: '诉求内容',
  callerName: '来电人',
  callerPhone: '联系电话',
  address: '地址',
  departmentCode: '承办单位编码',
} as const;

export interface ParsedRow {
  row: number;
  order?: HotlineOrderInput;
  issues: { field: string; message: string }[];
}

const byLabel = <K extends string>(labels: Record<K, { zh: string; en: string }>) =>
  new Map(
    Object.entries<{ zh: string; en: string }>(labels).flatMap(([k, l]) => [
      [l.zh, k],
      [l.en.toLowerCase(), k],
      [k, k],
    ]),
  );
const categories = byLabel(hotlineCategoryLabels);
const kinds = byLabel(hotlineKindLabels);

/**
 * A time cell: exceljs gives a wall-clock time as a UTC Date (Excel has no zones), which is Beijing
 * time here; text is read as Beijing time too ('2026-03-02 09:30').
 */
function whenOf(v: ExcelJS.CellValue): string | undefined {
  if (v instanceof Date) return new Date(v.getTime() - CENTER_UTC_OFFSET_MS).toISOString();
  const s = cellText(v);
  if (!s) return undefined;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return s; // left to the schema, which names the field
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec) - CENTER_UTC_OFFSET_MS;
  return new Date(utc).toISOString();
}

function check(row: number, raw: Record<string, unknown>, lang: Lang): ParsedRow {
  const r = HotlineOrderInput.safeParse(raw);
  if (r.success) return { row, order: r.data, issues: [] };
  return {
    row,
    issues: r.error.issues.map((i) => ({
      field: i.path.join('.') || '(row)',
      message: issueMessage(i, lang),
    })),
  };
}

export async function parseXlsx(buf: Buffer, lang: Lang): Promise<ParsedRow[]> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50)
    throw new AppError('HOTLINE_IMPORT_BAD_FILE', {
      reason: lang === 'en' ? 'not an xlsx file' : '不是 xlsx 文件',
    });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('HOTLINE_IMPORT_BAD_FILE', {
      reason: lang === 'en' ? 'not an xlsx file' : '不是 xlsx 文件',
    });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((c, col) => header.set(cellText(c.value), col));
  const missing = [COLUMNS.number, COLUMNS.title, COLUMNS.content].filter((h) => !header.has(h));
  if (missing.length)
    throw new AppError('HOTLINE_IMPORT_BAD_FILE', { reason: `缺少列：${missing.join('、')}` });
  const out: ParsedRow[] = [];
  for (let i = 2; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    const get = (h: string) => {
      const col = header.get(h);
      return col ? row.getCell(col).value : null;
    };
    if ([COLUMNS.number, COLUMNS.title, COLUMNS.content].every((h) => cellText(get(h)) === '')) continue;
    const raw: Record<string, unknown> = {};
    for (const [key, h] of Object.entries(COLUMNS)) {
      if (key === 'receivedAt') {
        const w = whenOf(get(h));
        if (w) raw.receivedAt = w;
        continue;
      }
      const text = cellText(get(h));
      if (text === '') continue;
      raw[key] =
        key === 'category'
          ? (categories.get(text) ?? text)
          : key === 'kind'
            ? (kinds.get(text) ?? text)
            : text;
    }
    out.push(check(i, raw, lang));
  }
  return out;
}

export function parseJson(buf: Buffer, lang: Lang): ParsedRow[] {
  let data: unknown;
  try {
    data = JSON.parse(buf.toString('utf8'));
  } catch {
    throw new AppError('HOTLINE_IMPORT_BAD_FILE', {
      reason: lang === 'en' ? 'not valid JSON' : '不是合法的 JSON',
    });
  }
  const list = z.object({ orders: z.array(z.record(z.string(), z.unknown())) }).safeParse(data);
  if (!list.success) throw new AppError('HOTLINE_IMPORT_BAD_FILE', { reason: '{ "orders": [...] }' });
  return list.data.orders.map((o, i) => check(i + 1, o, lang));
}

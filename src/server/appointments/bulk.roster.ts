import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors';
import { idNumberProblem, isValidPhone, normalizeIdNumber, normalizePhone } from '../../domain/identity';
import type { RosterIssue } from '../../shared/contracts/appointments';
import type { Lang } from '../../shared/errors';
import { ruleMessages } from '../../shared/errors/zod-messages';
import { cellText } from '../catalog/import/import.parse';

/**
 * The enterprise's roster (名册) for a bulk request: an Excel workbook, first sheet, one applicant a
 * row under the header row 姓名 | 身份证号 | 手机号 | 备注. Every row is checked (name, ID number with
 * its check digit, phone, repeated ID numbers, more rows than applications) and every problem is
 * reported with its row and column; the roster is taken whole or not at all.
 */
export interface RosterLine {
  rowNo: number;
  name: string;
  idNumber: string;
  phone: string;
  subject: string;
}

export const ROSTER_COLUMNS = {
  name: { zh: '姓名', en: 'Name', aliases: ['姓名', 'name'] },
  idNumber: { zh: '身份证号', en: 'ID number', aliases: ['身份证号', '身份证号码', '证件号码', 'id number'] },
  phone: { zh: '手机号', en: 'Phone', aliases: ['手机号', '手机号码', '联系电话', 'phone'] },
  subject: { zh: '备注', en: 'Note', aliases: ['备注', '办理事项', 'note'] },
} as const;
type Column = keyof typeof ROSTER_COLUMNS;

/** A .xlsx file is a ZIP archive: it starts with the local-file header "PK\x03\x04". */
const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const msg = (rule: string, lang: Lang) => {
  const m = ruleMessages[rule];
  return m ? (lang === 'en' ? m.en : m.zh) : rule;
};

export async function parseRoster(
  file: Buffer,
  maxRows: number,
  today: string,
  lang: Lang,
): Promise<{ lines: RosterLine[]; issues: RosterIssue[] }> {
  if (!isZip(file)) throw new AppError('BULK_ROSTER_NOT_XLSX');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BULK_ROSTER_NOT_XLSX');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('BULK_ROSTER_NOT_XLSX');
  const label = (c: Column) => (lang === 'en' ? ROSTER_COLUMNS[c].en : ROSTER_COLUMNS[c].zh);
  const issues: RosterIssue[] = [];
  const where = new Map<Column, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).toLowerCase();
    for (const k of Object.keys(ROSTER_COLUMNS) as Column[])
      if ((ROSTER_COLUMNS[k].aliases as readonly string[]).includes(text)) where.set(k, col);
  });
  for (const k of ['name', 'idNumber', 'phone'] as const)
    if (!where.has(k)) issues.push({ row: 1, column: label(k), message: msg('rule.required', lang) });
  if (issues.length > 0) return { lines: [], issues };

  const lines: RosterLine[] = [];
  const seen = new Map<string, number>();
  const get = (row: ExcelJS.Row, k: Column) => {
    const col = where.get(k);
    return col ? cellText(row.getCell(col).value) : '';
  };
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const name = get(row, 'name');
    const rawId = get(row, 'idNumber');
    const rawPhone = get(row, 'phone');
    if (!name && !rawId && !rawPhone) continue;
    const bad = (k: Column, rule: string) => {
      issues.push({ row: r, column: label(k), message: msg(rule, lang) });
    };
    const before = issues.length;
    const idNumber = normalizeIdNumber(rawId);
    const phone = normalizePhone(rawPhone);
    if (!name) bad('name', 'rule.roster_name');
    if (idNumberProblem(idNumber, { today })) bad('idNumber', 'rule.id_number');
    else if (seen.has(idNumber)) bad('idNumber', 'rule.roster_duplicate');
    if (!isValidPhone(phone)) bad('phone', 'rule.phone');
    seen.set(idNumber, r);
    if (issues.length === before && lines.length >= maxRows) bad('name', 'rule.roster_too_many');
    if (issues.length === before)
      lines.push({ rowNo: r, name, idNumber, phone, subject: get(row, 'subject').slice(0, 300) });
  }
  if (lines.length === 0 && issues.length === 0)
    issues.push({ row: 2, column: label('name'), message: msg('rule.required', lang) });
  return { lines, issues };
}

/** The blank roster to fill in (header row, widths, ID numbers as text so Excel keeps every digit). */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.columns = [
    { header: ROSTER_COLUMNS.name.zh, key: 'name', width: 14 },
    { header: ROSTER_COLUMNS.idNumber.zh, key: 'id', width: 24, style: { numFmt: '@' } },
    { header: ROSTER_COLUMNS.phone.zh, key: 'phone', width: 16, style: { numFmt: '@' } },
    { header: ROSTER_COLUMNS.subject.zh, key: 'note', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

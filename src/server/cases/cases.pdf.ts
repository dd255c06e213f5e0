import { createHash } from 'node:crypto';
import type { TransferList } from '../../shared/contracts/cases';
import {
  A4,
  CONTENT_WIDTH,
  FONT,
  FONT_BOLD,
  MARGIN,
  createA4Document,
  fields,
  footer,
  paragraph,
  table,
  title,
  toBuffer,
} from '../documents/pdf';
import { qrPng } from '../documents/qr';
import type { Queryable } from '../db/db';
import { cnTime, type DocumentData } from './cases.documents';
import * as parts from './cases.parts.repository';

/**
 * PDFs of case documents, drawn from the snapshot stored when the document was issued (never from
 * the case as it is now), with a QR code opening the public progress page. The first print is kept,
 * so a reprint is byte-identical to what the applicant was given.
 */

export async function renderCaseDocument(data: DocumentData, origin: string): Promise<Buffer> {
  const doc = createA4Document({ title: `${data.title} ${data.number}`, subject: data.caseNumber });
  doc.font(FONT).fontSize(10).text(data.centerName, MARGIN, doc.y, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.4);
  title(doc, data.title, data.number);
  // The QR code sits at the top right: scanning it opens the progress page of this case.
  const qr = await qrPng(`${origin}${data.progressPath}`, 200);
  doc.image(qr, A4.width - MARGIN - 64, MARGIN - 10, { width: 64 });
  fields(doc, data.fields);
  doc.moveDown(0.4);
  for (const p of data.paragraphs) paragraph(doc, p);
  if (data.table) table(doc, data.table.columns, data.table.rows);
  for (const p of data.after) paragraph(doc, p);
  doc.moveDown(1.5);
  for (const s of data.signature)
    doc.font(FONT).fontSize(10.5).text(s, MARGIN, doc.y, { width: CONTENT_WIDTH, align: 'right' });
  doc.moveDown(0.5);
  doc
    .fontSize(8.5)
    .fillColor('#666')
    .text(`经办人：${data.issuedBy}    系统生成时间：${cnTime(new Date(data.issuedAt))}`, MARGIN, doc.y, {
      width: CONTENT_WIDTH,
      align: 'right',
    });
  doc.fillColor('#000');
  footer(doc, (page, pages) => `${data.number} · 第 ${page} / ${pages} 页 · 扫码或凭办件编号查询办理进度`);
  return toBuffer(doc);
}

/** The stored PDF of a document, rendered and kept on its first print. */
export async function documentPdf(q: Queryable, doc: parts.DocumentRow, origin: string): Promise<Buffer> {
  const stored = await parts.findPdf(q, doc.id);
  if (stored?.pdf) return Buffer.from(stored.pdf);
  const pdf = await renderCaseDocument(doc.data as unknown as DocumentData, origin);
  await parts.storePdf(q, doc.id, pdf, createHash('sha256').update(pdf).digest('hex'));
  // A concurrent first print may have stored its own bytes first: return what is kept.
  const kept = await parts.findPdf(q, doc.id);
  return kept?.pdf ? Buffer.from(kept.pdf) : pdf;
}

/** 业务受理转办明细表, printable: one table per department with a signature line for the hand-over. */
export async function renderTransferList(t: TransferList): Promise<Buffer> {
  const doc = createA4Document({ title: `业务受理转办明细表 ${t.date}` });
  title(doc, '业务受理转办明细表', `${t.centerName} · ${t.date}`);
  if (t.departments.length === 0) paragraph(doc, '当日无受理转办的办件。');
  for (const d of t.departments) {
    doc.font(FONT_BOLD).fontSize(12).text(`${d.departmentName}（${d.cases.length} 件）`, MARGIN, doc.y);
    doc.moveDown(0.3);
    table(
      doc,
      [
        { header: '序号', width: 0.06 },
        { header: '办件编号', width: 0.22 },
        { header: '事项名称', width: 0.26 },
        { header: '申请人', width: 0.14 },
        { header: '材料', width: 0.07 },
        { header: '受理时间', width: 0.12 },
        { header: '承诺办结', width: 0.13 },
      ],
      d.cases.map((c, i) => [
        String(i + 1),
        c.number,
        c.itemName,
        c.applicantName,
        String(c.materialsReceived),
        cnTime(new Date(c.acceptedAt)).split(' ')[1]!,
        c.dueAt ? cnTime(new Date(c.dueAt)).split(' ')[0]! : '—',
      ]),
    );
    paragraph(doc, '移交人：____________    接收人：____________    接收时间：____________');
    doc.moveDown(0.5);
  }
  footer(doc, (page, pages) => `业务受理转办明细表 ${t.date} · 第 ${page} / ${pages} 页`);
  return toBuffer(doc);
}

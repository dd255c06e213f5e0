import PDFDocument from 'pdfkit';
import { findCjkFonts } from './fonts';

/**
 * A small A4 layout kit over pdfkit for the center's documents (guides, notices): CJK fonts, headings,
 * paragraphs, label/value rows and simple tables that break across pages, page numbers in the footer.
 * Text is drawn as text (never as images), so pdftotext and screen readers can read it.
 */
export type Doc = PDFKit.PDFDocument;

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 50;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER_SPACE = 30;

export const FONT = 'cjk';
export const FONT_BOLD = 'cjk-bold';

export function createA4Document(meta: { title: string; subject?: string; lang?: string }): Doc {
  const fonts = findCjkFonts();
  if (!fonts)
    throw new Error(
      'No CJK font: install the npm package @expo-google-fonts/noto-sans-sc or Debian fonts-noto-cjk',
    );
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: meta.title, Subject: meta.subject ?? '', Creator: 'OneWindow 一窗通' },
    lang: meta.lang ?? 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont(FONT, fonts.regular.path, fonts.regular.family);
  doc.registerFont(FONT_BOLD, fonts.bold.path, fonts.bold.family);
  doc.font(FONT).fontSize(10.5);
  return doc;
}

/** Start a new page when fewer than `needed` points are left above the footer. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > A4.height - MARGIN - FOOTER_SPACE) doc.addPage();
}

export function title(doc: Doc, text: string, sub?: string): void {
  doc.font(FONT_BOLD).fontSize(18).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH, align: 'center' });
  if (sub)
    doc
      .moveDown(0.3)
      .font(FONT)
      .fontSize(10)
      .fillColor('#555')
      .text(sub, { width: CONTENT_WIDTH, align: 'center' })
      .fillColor('#000');
  doc.moveDown(0.8).font(FONT).fontSize(10.5);
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6).font(FONT_BOLD).fontSize(12.5).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(0.5)
    .strokeColor('#999')
    .stroke()
    .strokeColor('#000');
  doc.moveDown(0.4).font(FONT).fontSize(10.5);
}

export function paragraph(doc: Doc, text: string): void {
  ensureSpace(doc, 20);
  doc
    .font(FONT)
    .fontSize(10.5)
    .text(text || '—', MARGIN, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
  doc.moveDown(0.3);
}

/** Label/value rows ("承诺时限：5 个工作日"), the label column fixed, the value wrapping. */
export function fields(doc: Doc, rows: readonly (readonly [string, string])[], labelWidth = 110): void {
  for (const [label, value] of rows) {
    const valueWidth = CONTENT_WIDTH - labelWidth;
    doc.font(FONT).fontSize(10.5);
    const h = Math.max(
      doc.heightOfString(value || '—', { width: valueWidth }),
      doc.heightOfString(label, { width: labelWidth }),
    );
    ensureSpace(doc, h + 4);
    const y = doc.y;
    doc.font(FONT_BOLD).text(label, MARGIN, y, { width: labelWidth - 8 });
    doc.font(FONT).text(value || '—', MARGIN + labelWidth, y, { width: valueWidth, lineGap: 1 });
    doc.x = MARGIN;
    doc.y = y + h + 4;
  }
}

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
}

/** A bordered table; rows that do not fit start a new page, where the header is repeated. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const widths = columns.map((c) => c.width * CONTENT_WIDTH);
  const pad = 4;
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(9.5);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || '—', { width: widths[i]! - 2 * pad }))) +
      2 * pad
    );
  };
  const drawRow = (cells: readonly string[], font: string, fill: string | null) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fillColor(fill).fill().fillColor('#000');
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#888').stroke().strokeColor('#000');
      doc
        .font(font)
        .fontSize(9.5)
        .text(c || '—', x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const headers = columns.map((c) => c.header);
  ensureSpace(doc, rowHeight(headers, FONT_BOLD) + (rows[0] ? rowHeight(rows[0], FONT) : 0));
  drawRow(headers, FONT_BOLD, '#f0f0f0');
  for (const r of rows) {
    if (doc.y + rowHeight(r, FONT) > A4.height - MARGIN - FOOTER_SPACE) {
      doc.addPage();
      drawRow(headers, FONT_BOLD, '#f0f0f0');
    }
    drawRow(r, FONT, null);
  }
  doc.moveDown(0.5).font(FONT).fontSize(10.5);
}

export function bullets(doc: Doc, items: readonly string[]): void {
  for (const it of items) {
    ensureSpace(doc, 16);
    doc
      .font(FONT)
      .fontSize(10.5)
      .text(`• ${it}`, MARGIN + 8, doc.y, { width: CONTENT_WIDTH - 8, lineGap: 1 });
  }
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

/** Page numbers ("第 1 / 3 页") and a footer line on every page, once the content is complete. */
export function footer(doc: Doc, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor('#666')
      .text(text(i + 1, range.count), MARGIN, A4.height - MARGIN + 10, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.fillColor('#000');
    doc.page.margins.bottom = bottom;
  }
}

/** Finish the document and collect its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCjkFonts } from './fonts';
import { createA4Document, fields, footer, heading, table, title, toBuffer } from './pdf';
import { qrPng } from './qr';

const text = (pdf: Buffer, args: string[] = []) => {
  const dir = mkdtempSync(join(tmpdir(), 'ow-pdf-'));
  try {
    writeFileSync(join(dir, 'x.pdf'), pdf);
    return execFileSync('pdftotext', [...args, join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('the A4 PDF toolkit', () => {
  it('finds a CJK font (the npm package first)', () => {
    expect(findCjkFonts()?.regular.path).toMatch(/NotoSans/);
  });

  it('writes Chinese as extractable text, repeats table headers across pages and numbers the pages', async () => {
    const doc = createA4Document({ title: '测试文书' });
    title(doc, '受理通知书', '云溪县政务服务中心');
    heading(doc, '一、申请材料');
    fields(doc, [
      ['申请人', '张三'],
      ['事项', '个体工商户设立登记'],
    ]);
    table(
      doc,
      [
        { header: '序号', width: 0.2 },
        { header: '材料名称', width: 0.8 },
      ],
      Array.from({ length: 80 }, (_, i) => [String(i + 1), `第 ${i + 1} 份材料`]),
    );
    footer(doc, (p, n) => `第 ${p} / ${n} 页`);
    const pdf = await toBuffer(doc);
    const all = text(pdf);
    expect(all).toContain('受理通知书');
    expect(all).toContain('第 80 份材料');
    const pages = all.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.includes('材料名称'))).toBe(true);
    // pdftotext drops the spaces between CJK characters and digits.
    expect(all.replace(/\s/g, '')).toContain(`第${pages.length}/${pages.length}页`);
  });

  it('makes a QR code PNG', async () => {
    const png = await qrPng('http://localhost:3000/guides/x');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

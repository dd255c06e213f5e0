import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { sampleContent } from './catalog.fixtures';

let t: TestApp;
let admin: Client;
let county: string;
let scjg: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  scjg = (await t.db.query<{ id: string }>("SELECT id FROM departments WHERE code = 'SCJG'"))[0]!.id;
});
afterAll(() => t.close());

function multipart(filename: string, content: Buffer) {
  const boundary = `----ow${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (name: string, bytes: Buffer) =>
  admin.request({ method: 'POST', url: `/api/catalog/files?centerId=${county}`, ...multipart(name, bytes) });

describe('blank forms and samples of materials', () => {
  it('are uploaded by administrators, attached to a material, and public once the version is published', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% blank form\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const up = await upload('申请书空白表格.pdf', pdf);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json<{ id: string; mime: string }>();
    expect(file.mime).toBe('application/pdf');

    const content = sampleContent();
    content.materials[0] = { ...content.materials[0]!, blankFormFileId: file.id };
    const v = (
      await admin.post('/api/catalog/items', {
        centerId: county,
        departmentId: scjg,
        basicCode: 'F-B-1',
        implCode: 'F-I-1',
        content,
      })
    ).json<ItemVersionView>();
    expect(v.content.materials[0]!.blankFormFileId).toBe(file.id);
    expect((await t.anon.get(`/api/public/files/${file.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/catalog/files/${file.id}`)).rawPayload.equals(pdf)).toBe(true);

    await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'submit' });
    await (await t.as('approver')).post(`/api/catalog/versions/${v.id}/actions`, { action: 'approve' });
    await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'approve' });
    const pub = await t.anon.get(`/api/public/files/${file.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('application/pdf');
  });

  it('refuses files that are not documents or images, and unknown file ids', async () => {
    const exe = await upload('form.pdf', Buffer.from('MZ\x90\x00 this is not a pdf at all'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json<{ error: { code: string } }>().error.code).toBe('CATALOG_FILE_TYPE');
    const content = sampleContent();
    content.materials[0] = { ...content.materials[0]!, sampleFileId: '00000000-0000-4000-8000-000000000000' };
    const res = await admin.post('/api/catalog/items', {
      centerId: county,
      departmentId: scjg,
      basicCode: 'F-B-2',
      implCode: 'F-I-2',
      content,
    });
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      'content.materials.0.sampleFileId': '必须属于同一服务中心',
    });
  });

  it('refuses an oversized file', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 32)]);
    const res = await upload('big.pdf', big);
    expect(res.statusCode).toBe(413);
  });
});

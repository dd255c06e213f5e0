import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/contracts/catalog-import';
import { createTestApp, type Client, type TestApp } from '../../test/test-app';
import { FEE_COLUMNS, ITEM_COLUMNS, MATERIAL_COLUMNS, SHEETS, STEP_COLUMNS } from './catalog-format';

let t: TestApp;
let admin: Client;
let county: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
});
afterAll(() => t.close());

function multipart(filename: string, content: Buffer, type: string) {
  const boundary = `----ow${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (mode: string, file: Buffer, name = 'catalog.xlsx', type = XLSX) =>
  admin.request({
    method: 'POST',
    url: `/api/catalog/import?centerId=${county}&mode=${mode}`,
    ...multipart(name, file, type),
  });

const itemRow = (n: number, over: Record<string, string | number> = {}): Record<string, string | number> => ({
  [ITEM_COLUMNS.implCode]: `NEW-I-${n}`,
  [ITEM_COLUMNS.basicCode]: `NEW-B-${n}`,
  [ITEM_COLUMNS.name]: `导入测试事项${n}`,
  [ITEM_COLUMNS.departmentCode]: 'SCJG',
  [ITEM_COLUMNS.itemType]: '01',
  [ITEM_COLUMNS.exerciseLevel]: '县级',
  [ITEM_COLUMNS.acceptLevels]: '县级、乡镇（街道）',
  [ITEM_COLUMNS.caseType]: '承诺件',
  [ITEM_COLUMNS.legalAmount]: 20,
  [ITEM_COLUMNS.legalUnit]: '工作日',
  [ITEM_COLUMNS.promisedAmount]: 5,
  [ITEM_COLUMNS.promisedUnit]: '工作日',
  [ITEM_COLUMNS.handlingModes]: '网上办、跑一次',
  [ITEM_COLUMNS.visitsRequired]: 1,
  [ITEM_COLUMNS.visitsReason]: '领取证照',
  [ITEM_COLUMNS.onlineDepth]: 4,
  [ITEM_COLUMNS.legalBasis]: '《行政许可法》',
  [ITEM_COLUMNS.conditions]: '符合法定条件',
  [ITEM_COLUMNS.resultName]: '许可证',
  [ITEM_COLUMNS.resultKind]: '证照',
  [ITEM_COLUMNS.location]: '一楼9号窗口',
  [ITEM_COLUMNS.hours]: '工作日',
  [ITEM_COLUMNS.phone]: '0550-7012302',
  [ITEM_COLUMNS.complaintPhone]: '12345',
  [ITEM_COLUMNS.themes]: '企业开办',
  ...over,
});

/** Five items; rows 3 and 5 of the items sheet and row 4 of the materials sheet are bad. */
async function workbookWithThreeBadRows(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, headers: readonly string[], rows: Record<string, string | number>[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([...headers]);
    for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  };
  sheet(SHEETS.items, Object.values(ITEM_COLUMNS), [
    itemRow(1),
    itemRow(2, { [ITEM_COLUMNS.promisedUnit]: '周' }), // row 3: unknown unit
    itemRow(3),
    itemRow(4, { [ITEM_COLUMNS.promisedAmount]: 30 }), // row 5: promised > legal
    itemRow(5),
  ]);
  const m = (n: number, originals: string | number) => ({
    [MATERIAL_COLUMNS.implCode]: `NEW-I-${n}`,
    [MATERIAL_COLUMNS.key]: 'm1',
    [MATERIAL_COLUMNS.name]: '申请书',
    [MATERIAL_COLUMNS.originals]: originals,
    [MATERIAL_COLUMNS.copies]: 0,
    [MATERIAL_COLUMNS.form]: '纸质',
    [MATERIAL_COLUMNS.necessity]: '必要',
    [MATERIAL_COLUMNS.source]: '申请人自备',
  });
  sheet(SHEETS.materials, Object.values(MATERIAL_COLUMNS), [
    m(1, 1),
    m(2, 1),
    m(3, 'two') /* row 4 */,
    m(4, 1),
    m(5, 1),
  ]);
  const s = (n: number) => ({
    [STEP_COLUMNS.implCode]: `NEW-I-${n}`,
    [STEP_COLUMNS.key]: 's1',
    [STEP_COLUMNS.name]: '受理审核',
    [STEP_COLUMNS.role]: '窗口受理',
    [STEP_COLUMNS.amount]: 5,
    [STEP_COLUMNS.unit]: '工作日',
  });
  sheet(SHEETS.steps, Object.values(STEP_COLUMNS), [1, 2, 3, 4, 5].map(s));
  sheet(SHEETS.fees, Object.values(FEE_COLUMNS), [
    {
      [FEE_COLUMNS.implCode]: 'NEW-I-1',
      [FEE_COLUMNS.name]: '工本费',
      [FEE_COLUMNS.standard]: '10.50',
      [FEE_COLUMNS.basis]: '物价文件',
    },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const imported = async () =>
  (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM items WHERE impl_code LIKE 'NEW-I-%'"))[0]!
    .n;

describe('xlsx import', () => {
  it('reports exactly the three bad rows (row, column, reason) and imports nothing when validating', async () => {
    const res = await upload('validate', await workbookWithThreeBadRows());
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<ImportReport>();
    expect(r.rejected.map((i) => `${i.sheet}#${i.row}#${i.column}`).sort()).toEqual([
      '事项#3#承诺时限单位',
      '事项#5#承诺时限',
      '材料#4#原件份数',
    ]);
    expect(r.rejected.find((i) => i.row === 3 && i.sheet === '事项')!.reason).toBe(
      '「周」无法识别，应为：工作日、自然日、工作小时',
    );
    expect(r.rejected.find((i) => i.row === 5)!.reason).toBe('承诺时限不能超过法定时限');
    expect(r.items.map((i) => i.outcome)).toEqual(['create', 'rejected', 'blocked', 'rejected', 'create']);
    expect(r).toMatchObject({ totalItems: 5, validItems: 2, committed: false, importedItems: 0 });
    expect(await imported()).toBe(0);
  });

  it('refuses to commit a file with rejected rows: 422 with the report, nothing half-imported', async () => {
    const res = await upload('commit', await workbookWithThreeBadRows());
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; message: string }; report: ImportReport }>();
    expect(body.error).toMatchObject({
      code: 'CATALOG_IMPORT_REJECTED',
      message: '文件中有 3 行不符合要求，未导入任何数据',
    });
    expect(body.report.rejected).toHaveLength(3);
    expect(await imported()).toBe(0);
  });

  it('imports the valid part as drafts only when the user accepts it explicitly', async () => {
    const res = await upload('commit_valid', await workbookWithThreeBadRows());
    expect(res.json<ImportReport>()).toMatchObject({ committed: true, importedItems: 2 });
    const rows = await t.db.query<{ impl_code: string; status: string; fees: { standardFen: number }[] }>(
      "SELECT i.impl_code, v.status, v.fees FROM items i JOIN item_versions v ON v.item_id = i.id WHERE i.impl_code LIKE 'NEW-I-%' ORDER BY 1",
    );
    expect(rows.map((r) => [r.impl_code, r.status])).toEqual([
      ['NEW-I-1', 'draft'],
      ['NEW-I-5', 'draft'],
    ]);
    expect(rows[0]!.fees[0]!.standardFen).toBe(1050);
    // The same file again: the two imported items now have open drafts, so they are rejected too.
    const again = (await upload('validate', await workbookWithThreeBadRows())).json<ImportReport>();
    expect(again.rejected.filter((i) => i.column === ITEM_COLUMNS.implCode).map((i) => i.row)).toEqual([
      2, 6,
    ]);
  });

  it('refuses duplicate codes within the file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEETS.items);
    ws.addRow(Object.values(ITEM_COLUMNS));
    for (const r of [
      itemRow(7),
      itemRow(7, { [ITEM_COLUMNS.basicCode]: 'OTHER' }),
      itemRow(8, { [ITEM_COLUMNS.basicCode]: 'NEW-B-7' }),
    ])
      ws.addRow(Object.values(ITEM_COLUMNS).map((h) => r[h] ?? ''));
    wb.addWorksheet(SHEETS.materials).addRow(Object.values(MATERIAL_COLUMNS));
    wb.addWorksheet(SHEETS.steps).addRow(Object.values(STEP_COLUMNS));
    const r = (await upload('validate', Buffer.from(await wb.xlsx.writeBuffer()))).json<ImportReport>();
    const dup = r.rejected.filter((i) => /重复/.test(i.reason));
    expect(dup.map((i) => `${i.row}#${i.column}`)).toEqual(['3#实施编码', '4#基本编码']);
  });

  it('an exported catalog imports back cleanly (xlsx and JSON), as new versions of the same items', async () => {
    const xlsx = await admin.get(`/api/catalog/export?centerId=${county}&format=xlsx`);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const rx = (await upload('validate', xlsx.rawPayload)).json<ImportReport>();
    // Only the two drafts imported above are refused: they are still being worked on.
    expect(rx.rejected.map((i) => i.reason)).toEqual(
      Array(2).fill('该事项已有正在办理的第 1 版，请先完成或取消'),
    );
    expect(rx.items.filter((i) => i.outcome === 'new_version').length).toBeGreaterThanOrEqual(60);
    const json = await admin.get(`/api/catalog/export?centerId=${county}&format=json`);
    const rj = (
      await upload('validate', json.rawPayload, 'catalog.json', 'application/json')
    ).json<ImportReport>();
    expect(rj).toMatchObject({ format: 'json' });
    expect(rj.rejected).toHaveLength(2);
    expect(rj.totalItems).toBe(rx.totalItems);
  });
});

describe('bad files', () => {
  it('a file that is not xlsx is refused with a clear error', async () => {
    const text = await upload('validate', Buffer.from('name,code\n个体工商户,1\n'), 'catalog.xlsx');
    expect(text.statusCode).toBe(415);
    expect(text.json<{ error: { message: string } }>().error.message).toBe(
      '文件不是有效的 Excel（.xlsx）文件',
    );
    const zip = await upload(
      'validate',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    );
    expect(zip.json<{ error: { code: string } }>().error.code).toBe('CATALOG_IMPORT_NOT_XLSX');
    const json = await upload('validate', Buffer.from('{"items": 3}'), 'catalog.json', 'application/json');
    expect(json.json<{ error: { code: string } }>().error.code).toBe('CATALOG_IMPORT_NOT_JSON');
  });

  it('an oversized upload is refused (413) and nothing is imported', async () => {
    const res = await upload('commit_valid', Buffer.alloc(11 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '请求内容过大（上限 10 MB）',
    });
  });

  it('a request without a file, and a non-administrator, are refused', async () => {
    const none = await admin.post(`/api/catalog/import?centerId=${county}`, { x: 1 });
    expect(none.json<{ error: { code: string } }>().error.code).toBe('CATALOG_IMPORT_NO_FILE');
    const officer = await t.as('officer');
    const res = await officer.request({
      method: 'POST',
      url: `/api/catalog/import?centerId=${county}`,
      ...multipart('a.xlsx', Buffer.from('x'), XLSX),
    });
    expect(res.statusCode).toBe(403);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotlineOrderView } from '../../shared/contracts/hotline';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { sweepHotlineSupervision } from './hotline.service';

let t: TestApp;
let supervisor: Client;
let chief: Client;
let wj: Client;
let key: string;
let county: string;
const dept: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  supervisor = await t.as('supervisor');
  chief = await t.as('chief'); // 市场监管 首席代表
  wj = await t.as('yuhai'); // 卫健 首席代表
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  for (const d of await t.db.query<{ id: string; code: string }>('SELECT id, code FROM departments'))
    dept[d.code] = d.id;
  const admin = await t.as('admin');
  const k = await admin.post('/api/hotline/api-keys', { centerId: county, name: '省12345平台' });
  expect(k.statusCode, k.body).toBe(201);
  key = k.json<{ key: string }>().key;
});
afterAll(() => t.close());

const cst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const at = (d: Date) => t.clock.set(d, { freeze: true });
const push = (orders: Record<string, unknown>[], k = key) =>
  t.anon.post('/api/hotline/inbound', { orders }, { 'x-hotline-key': k });
const errorOf = (res: { json<T>(): T }) =>
  res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>().error;
async function act(c: Client, id: string, body: Record<string, unknown>, status = 200) {
  const res = await c.post(`/api/hotline/orders/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<HotlineOrderView>();
}
const order = (number: string, extra: Record<string, unknown> = {}) => ({
  number,
  category: 'ordinary',
  kind: 'help',
  title: '个体户执照办理咨询',
  content: '来电人反映个体工商户登记被要求补充材料，希望尽快办理。',
  callerName: '刘女士',
  callerPhone: '13900001234',
  ...extra,
});

describe('the 12345 platform endpoint', () => {
  it('takes orders with a key, once each, and refuses without one', async () => {
    at(cst('2026-03-02', '09:00'));
    const res = await push([order('GD2026030200001')]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1,
      existing: 0,
      orders: [{ number: 'GD2026030200001', status: 'received' }],
    });
    expect((await push([order('GD2026030200001')])).json()).toMatchObject({ created: 0, existing: 1 });
    const bad = await push([order('X')], 'wrong-key-wrong-key');
    expect(bad.statusCode).toBe(401);
    expect(errorOf(bad).code).toBe('HOTLINE_API_KEY_INVALID');
    expect((await t.anon.post('/api/hotline/inbound', { orders: [order('Y')] })).statusCode).toBe(401);
    // The endpoint is documented for the platform's developers.
    const spec = (await t.anon.get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/hotline/inbound', '/api/hotline/inbound/{number}/evaluation']),
    );
  });
});

describe('a work order forwarded, returned, re-forwarded and answered late', () => {
  it('earns a 督办 for the late reply, and runs on to 办结, 回访 and 评价', async () => {
    at(cst('2026-03-02', '09:00'));
    const id = (await push([order('GD2026030200002')])).json<{ orders: { id: string }[] }>().orders[0]!.id;
    at(cst('2026-03-02', '10:00'));
    let o = await act(supervisor, id, { type: 'dispatch', leadDepartmentId: dept.WJ });
    expect(o).toMatchObject({ status: 'dispatched', returnDueAt: cst('2026-03-04', '17:30').toISOString() });
    // Not for 卫健: returned within 2 working days, with a reason.
    at(cst('2026-03-03', '11:00'));
    await act(wj, id, { type: 'sign' });
    await act(wj, id, { type: 'return', reason: ' ' }, 400);
    o = await act(wj, id, { type: 'return', reason: '非本单位职责，应由市场监管局办理' });
    expect(o).toMatchObject({ status: 'returned', returnCount: 1 });
    // The 市场监管 chief cannot touch what is not dispatched to them.
    expect((await chief.post(`/api/hotline/orders/${id}/actions`, { type: 'sign' })).statusCode).toBe(404);

    at(cst('2026-03-04', '09:00'));
    o = await act(supervisor, id, {
      type: 'dispatch',
      leadDepartmentId: dept.SCJG,
      coDepartmentIds: [dept.RS],
    });
    expect(o).toMatchObject({
      status: 'dispatched',
      signDueAt: cst('2026-03-05', '17:30').toISOString(),
      replyDueAt: cst('2026-03-11', '17:30').toISOString(),
      coDepartments: [{ name: '云溪县人力资源和社会保障局' }],
    });
    // The previous unit lost it.
    expect((await wj.get(`/api/hotline/orders/${id}`)).statusCode).toBe(404);
    await act(chief, id, { type: 'sign' });
    await act(chief, id, { type: 'handle', note: '已联系来电人核实情况' });

    at(cst('2026-03-12', '10:00'));
    o = await act(chief, id, { type: 'reply', text: '已指导窗口按指南收件，来电人业务已办结。' });
    expect(o).toMatchObject({ status: 'replied', supervisionLevel: 1, supervised: ['reply_overdue'] });
    expect(o.events!.slice(-2).map((e) => [e.action, e.actorName])).toEqual([
      ['supervise', '系统'],
      ['reply', '许志明'],
    ]);
    const notice = await t.db.query(
      `SELECT 1 FROM notification_outbox WHERE kind = 'hotline_supervision' AND link = $1`,
      [`/evaluation/hotline?id=${id}`],
    );
    expect(notice.length).toBeGreaterThan(0);

    await act(supervisor, id, { type: 'conclude' });
    await act(supervisor, id, { type: 'visit', note: '来电人表示问题已解决', reached: true });
    const ev = await t.anon.post(
      '/api/hotline/inbound/GD2026030200002/evaluation',
      { satisfaction: 4, codeSystem: 'provincial' },
      { 'x-hotline-key': key },
    );
    expect(ev.json()).toEqual({ status: 'evaluated', satisfaction: 'satisfied' });
    const s = (await supervisor.get('/api/hotline/stats?month=2026-03')).json();
    expect(s).toMatchObject({ supervised: 1, returned: 1 });
  });

  it('refuses a return after 2 working days and a satisfaction code out of range', async () => {
    at(cst('2026-03-02', '09:00'));
    const id = (await push([order('GD2026030200003', { departmentCode: 'SCJG' })])).json<{
      orders: { id: string; status: string }[];
    }>().orders[0]!;
    expect(id.status).toBe('dispatched');
    at(cst('2026-03-05', '09:00'));
    const late = await chief.post(`/api/hotline/orders/${id.id}/actions`, {
      type: 'return',
      reason: '非本单位职责',
    });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).message).toMatch(/回退时限/);
    const bad = await t.anon.post(
      '/api/hotline/inbound/GD2026030200003/evaluation',
      { satisfaction: 9, codeSystem: 'gbt39046' },
      { 'x-hotline-key': key },
    );
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('EVALUATION_LEVEL_CODE_UNKNOWN');
  });

  it('the sweep supervises an order nobody signed, once', async () => {
    at(cst('2026-03-06', '09:00'));
    const id = (await push([order('GD2026030600001', { departmentCode: 'YB' })])).json<{
      orders: { id: string }[];
    }>().orders[0]!.id;
    at(cst('2026-03-10', '09:00'));
    expect(await t.db.transaction((tx) => sweepHotlineSupervision(tx, t.clock.now()))).toBeGreaterThanOrEqual(
      1,
    );
    await t.db.transaction((tx) => sweepHotlineSupervision(tx, t.clock.now()));
    const o = (await supervisor.get(`/api/hotline/orders/${id}`)).json<HotlineOrderView>();
    expect(o).toMatchObject({ supervised: ['sign_overdue'], supervisionLevel: 1, overdue: true });
    const overdue = (await supervisor.get('/api/hotline/orders?overdue=true')).json<{
      items: { id: string }[];
    }>();
    expect(overdue.items.map((x) => x.id)).toContain(id);
  });
});

describe('import and manual entry', () => {
  it('imports an Excel export, reporting bad rows by row and field', async () => {
    at(cst('2026-03-09', '09:00'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow([
      '工单编号',
      '受理时间',
      '诉求类别',
      '诉求类型',
      '标题',
      '诉求内容',
      '来电人',
      '联系电话',
      '地址',
      '承办单位编码',
    ]);
    ws.addRow([
      'XL001',
      '2026-03-08 20:15',
      '紧急',
      '求助',
      '停水',
      '小区停水两天',
      '王先生',
      '13700000001',
      '城关镇',
      'ZJ',
    ]);
    ws.addRow([
      'XL002',
      new Date(Date.UTC(2026, 2, 9, 8, 30)),
      '一般',
      '咨询',
      '社保转移',
      '咨询社保转移流程',
      '',
      '',
      '',
      '',
    ]);
    ws.addRow(['XL003', '', '超级', '咨询', '', '缺标题', '', '', '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----ow12345';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      buf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await supervisor.request({
      method: 'POST',
      url: '/api/hotline/import',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ created: number; rejected: { row: number; field: string }[] }>();
    expect(report.created).toBe(2);
    expect(report.rejected.map((x) => `${x.row}:${x.field}`).sort()).toEqual(['4:category', '4:title']);
    const list = (await supervisor.get('/api/hotline/orders?pageSize=200')).json<{
      items: HotlineOrderView[];
    }>();
    const urgent = list.items.find((o) => o.number === 'XL001')!;
    expect(urgent).toMatchObject({
      category: 'urgent',
      status: 'dispatched',
      receivedAt: cst('2026-03-08', '20:15').toISOString(),
    });
    expect(list.items.find((o) => o.number === 'XL002')!.receivedAt).toBe(
      cst('2026-03-09', '08:30').toISOString(),
    );
  });

  it('enters an order by hand and refuses a duplicate number', async () => {
    const body = { centerId: county, ...order('MANUAL-1') };
    expect((await supervisor.post('/api/hotline/orders', body)).statusCode).toBe(201);
    const dup = await supervisor.post('/api/hotline/orders', body);
    expect(dup.statusCode).toBe(409);
    expect((await chief.post('/api/hotline/orders', { ...body, number: 'MANUAL-2' })).statusCode).toBe(403);
  });
});

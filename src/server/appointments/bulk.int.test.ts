import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import type {
  BulkDetailView,
  BulkView,
  ReceptionView,
  TimetableView,
} from '../../shared/contracts/appointments';
import { idNumber } from '../cases/cases.fixtures';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { TEST_NOW } from '../test/test-now';

/**
 * Enterprise bulk appointments (批量办证服务室) and the leaders' enterprise reception, through the real
 * app on PGlite and PostgreSQL. The demo has a request of 云溪县绿源农产品有限公司 for 24 applications
 * of a 市场监管 item, a bulk room (window P1) and a reception timetable with an overdue follow-up.
 */
let t: TestApp;
let admin: Client;
let officer: Client;
let request: BulkView;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const error = (res: { json<T>(): T }) => res.json<{ error: { code: string; message: string } }>().error;
function multipart(filename: string, content: Buffer, type: string) {
  const boundary = `----ow${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
async function roster(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['姓名', '身份证号', '手机号', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const goodRow = (i: number) => [
  `员工${i}`,
  idNumber(`1988${String(1 + (i % 12)).padStart(2, '0')}15`, String(200 + i)),
  `1375500${String(1000 + i)}`,
  `门店${i}`,
];
const upload = (c: Client, id: string, file: Buffer, name = 'roster.xlsx', type = XLSX) =>
  c.request({ method: 'POST', url: `/api/appointments/bulk/${id}/roster`, ...multipart(name, file, type) });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TEST_NOW, { freeze: true });
  admin = await t.as('admin');
  officer = await t.as('officer');
  request = (await admin.get('/api/appointments/bulk')).json<BulkView[]>()[0]!;
});
afterAll(() => t.close());

describe('enterprise bulk appointments', () => {
  it('refuses a request at or below the threshold, naming it', async () => {
    const res = await admin.post('/api/appointments/bulk', {
      creditCode: request.creditCode,
      enterpriseName: request.enterpriseName,
      contactName: '王经理',
      phone: '13855007788',
      itemId: request.itemId,
      count: 10,
    });
    expect([res.statusCode, error(res).code]).toEqual([422, 'BULK_BELOW_THRESHOLD']);
  });

  it('an enterprise account sees its own request; proposals follow the load; staff confirm one', async () => {
    const qiye = await t.as('qiye');
    expect((await qiye.get('/api/appointments/bulk')).json<BulkView[]>().map((b) => b.id)).toEqual([
      request.id,
    ]);
    const zhang = await t.as('zhangsan');
    expect((await zhang.get(`/api/appointments/bulk/${request.id}`)).statusCode).toBe(404);

    const p = await admin.get(`/api/appointments/bulk/${request.id}/proposals`);
    expect(p.statusCode, p.body).toBe(200);
    const proposals = p.json<{
      proposals: {
        blocks: { date: string; start: string; end: string; staffIds: string[]; cases: number }[];
      }[];
    }>().proposals;
    expect(proposals.length).toBeGreaterThan(0);
    for (const x of proposals) expect(x.blocks.reduce((s, b) => s + b.cases, 0)).toBe(24);
    const blocks = proposals[0]!.blocks.map(({ date, start, end, staffIds, cases }) => ({
      date,
      start,
      end,
      staffIds,
      cases,
    }));
    const res = await officer.post(`/api/appointments/bulk/${request.id}/confirm`, { blocks });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BulkView>()).toMatchObject({ status: 'confirmed', roomName: '批量办证服务室' });
    request = res.json<BulkView>();
    // The officers are away from their windows during the blocks.
    const away = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM staff_absences WHERE note = $1 AND cancelled_at IS NULL',
      [`批量办证 ${request.number}`],
    );
    expect(away[0]!.n).toBe(blocks.reduce((s, b) => s + b.staffIds.length, 0));
  });

  it('a roster that is not xlsx is refused', async () => {
    const res = await upload(
      admin,
      request.id,
      Buffer.from('姓名,身份证号\n张三,1'),
      'roster.csv',
      'text/csv',
    );
    expect([res.statusCode, error(res).code]).toEqual([415, 'BULK_ROSTER_NOT_XLSX']);
  });

  it('a roster with 2 bad rows reports exactly those rows and imports nothing', async () => {
    const rows = [
      goodRow(1),
      goodRow(2),
      ['员工3', '349901198801011231', '13755001003', ''],
      goodRow(4),
      ['员工5', goodRow(5)[1]!, '12345', ''],
      goodRow(6),
    ];
    const res = await upload(admin, request.id, await roster(rows));
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json<{
      error: { code: string; message: string };
      report: { rejected: { row: number; column: string }[] };
    }>();
    expect(body.error).toMatchObject({
      code: 'BULK_ROSTER_REJECTED',
      message: '名册有 2 行有误，未导入任何数据，请改正后重新上传',
    });
    expect(body.report.rejected.map((r) => [r.row, r.column])).toEqual([
      [4, '身份证号'],
      [6, '手机号'],
    ]);
    expect((await admin.get(`/api/appointments/bulk/${request.id}`)).json<BulkDetailView>().roster).toEqual(
      [],
    );
  });

  it('a good roster is spread over the blocks; on the day each row becomes a received case at the room', async () => {
    const res = await upload(
      admin,
      request.id,
      await roster(Array.from({ length: 24 }, (_, i) => goodRow(i + 1))),
    );
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await admin.get(`/api/appointments/bulk/${request.id}`)).json<BulkDetailView>();
    expect(detail.roster).toHaveLength(24);
    const first = request.blocks![0]!;
    expect(detail.roster[0]!.plannedDate).toBe(first.date);

    const wrongDay = await officer.post(`/api/appointments/bulk/${request.id}/receive`, {
      date: '2026-03-20',
    });
    expect([wrongDay.statusCode, error(wrongDay).code]).toEqual([409, 'BULK_NOT_THE_DAY']);
    t.clock.set(instantOfCivil(first.date, first.start), { freeze: true });
    const rec = await officer.post(`/api/appointments/bulk/${request.id}/receive`, {});
    expect(rec.statusCode, rec.body).toBe(200);
    const received = rec.json<{ received: number; cases: { caseId: string }[] }>();
    expect(received.received).toBe(detail.roster.filter((r) => r.plannedDate === first.date).length);
    const cases = await t.db.query<{ status: string; window_id: string }>(
      'SELECT status, window_id FROM cases WHERE id = ANY($1::uuid[])',
      [received.cases.map((c) => c.caseId)],
    );
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['received']));
    expect(new Set(cases.map((c) => c.window_id))).toEqual(new Set([request.roomWindowId]));
    t.clock.set(TEST_NOW, { freeze: true });
  });
});

describe('the leaders’ enterprise reception', () => {
  it('an enterprise books a published date; a wrong weekday is refused; the meeting is recorded with a follow-up', async () => {
    const tt = (await t.anon.get('/api/public/reception/timetable')).json<TimetableView[]>();
    const director = tt.find((x) => x.leaderName === '周建国')!;
    expect(director.next[0]).toEqual({ date: '2026-03-09', left: 3 });
    const body = {
      timetableId: director.id,
      creditCode: '91349901MA2Q7K3N4M',
      enterpriseName: '云溪县绿源农产品有限公司',
      contactName: '王经理',
      phone: '13855007788',
      matter: '新建冷链仓库的用地与规划手续咨询',
    };
    const wrong = await t.anon.post('/api/public/reception/bookings', { ...body, date: '2026-03-10' });
    expect([wrong.statusCode, error(wrong).code]).toEqual([422, 'RECEPTION_WRONG_DAY']);
    const ok = await t.anon.post('/api/public/reception/bookings', { ...body, date: '2026-03-09' });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json<{ id: string }>().id;

    const leader = await t.as('leader');
    const scjg = (await t.db.query<{ id: string }>("SELECT id FROM departments WHERE code = 'SCJG'"))[0]!.id;
    const rec = await leader.post(`/api/reception/bookings/${id}/record`, {
      record: '已答复：由自然资源和规划局牵头，市场监管局配合。',
      responsibleDepartmentId: scjg,
      followUpDue: '2026-03-20',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json<ReceptionView>()).toMatchObject({
      status: 'held',
      followUpDue: '2026-03-20',
      overdue: false,
    });
  });

  it('supervisors see overdue follow-ups until the department reports its result', async () => {
    const supervisor = await t.as('supervisor');
    const overdue = (await supervisor.get('/api/reception/bookings?overdue=true')).json<ReceptionView[]>();
    expect(overdue.map((o) => o.enterpriseName)).toEqual(['云溪县绿源农产品有限公司']);
    expect(overdue[0]!.overdue).toBe(true);
    const approver = await t.as('approver');
    const done = await approver.post(`/api/reception/bookings/${overdue[0]!.id}/follow-up`, {
      result: '已按容缺受理，材料已补齐，变更已办结。',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await supervisor.get('/api/reception/bookings?overdue=true')).json<ReceptionView[]>()).toEqual(
      [],
    );
    const officerList = await officer.get('/api/reception/bookings');
    expect(officerList.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView } from '../../shared/contracts/complaints';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

let t: TestApp;
let supervisor: Client;
let chief: Client;
let county: string;
let scjg: string;
let window9: string;
beforeAll(async () => {
  t = await createTestApp();
  supervisor = await t.as('supervisor');
  chief = await t.as('chief');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  scjg = (await t.db.query<{ id: string }>("SELECT id FROM departments WHERE code = 'SCJG'"))[0]!.id;
  window9 = (
    await t.db.query<{ id: string }>("SELECT id FROM windows WHERE center_id = $1 AND number = '9'", [county])
  )[0]!.id;
});
afterAll(() => t.close());

const cst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const at = (d: Date) => t.clock.set(d, { freeze: true });
const errorOf = (res: { json<T>(): T }) =>
  res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>().error;
const png = (bytes: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(bytes - 4)]).toString('base64');
async function act(c: Client, id: string, body: Record<string, unknown>, status = 200) {
  const res = await c.post(`/api/complaints/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<ComplaintView>();
}

describe('a complaint from the portal gets a reply', () => {
  it('is received, assigned, answered on time, assessed by the complainant and closed', async () => {
    at(cst('2026-03-02', '10:00'));
    const res = await t.anon.post('/api/complaints/public', {
      centerId: county,
      kind: 'complaint',
      title: '窗口要求提供指南以外的材料',
      content: '办理个体工商户登记时被要求提供房东身份证原件。',
      targetWindowId: window9,
      contactName: '张先生',
      contactPhone: '13800001111',
      attachments: [{ name: '材料清单.png', mime: 'image/png', dataBase64: png(2000) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, number, trackingToken } = res.json<{ id: string; number: string; trackingToken: string }>();
    expect(number).toMatch(/^TS2026\d{5}$/);
    let k = (await supervisor.get(`/api/complaints/${id}`)).json<ComplaintView>();
    // 5 working days from receipt.
    expect(k).toMatchObject({
      status: 'received',
      replyDueAt: cst('2026-03-09', '17:30').toISOString(),
      targetWindowNumber: '9',
    });
    expect(k.attachments).toMatchObject([{ name: '材料清单.png', size: 2000 }]);
    const file = await supervisor.get(`/api/complaints/${id}/attachments/${k.attachments[0]!.id}`);
    expect(file.rawPayload.length).toBe(2000);

    k = await act(supervisor, id, { type: 'assign', departmentId: scjg, note: '请市场监管局核实答复' });
    expect(k.status).toBe('assigned');
    // The assigned unit sees it and replies; the supervisor's desk may not be bypassed for closing.
    expect(
      (await chief.get('/api/complaints')).json<{ items: { id: string }[] }>().items.map((x) => x.id),
    ).toContain(id);
    at(cst('2026-03-05', '15:00'));
    k = await act(chief, id, { type: 'reply', text: '经核实，已责令窗口按指南收取材料，并向您致歉。' });
    expect(k.status).toBe('replied');
    await act(chief, id, { type: 'close' }, 403);

    const track = (await t.anon.get(`/api/complaints/public/${trackingToken}`)).json();
    expect(track).toMatchObject({
      status: 'replied',
      canAssess: true,
      reply: expect.stringContaining('致歉'),
    });
    expect(
      (await t.anon.post(`/api/complaints/public/${trackingToken}/assess`, { assessment: 'satisfied' }))
        .statusCode,
    ).toBe(200);
    k = await act(supervisor, id, { type: 'close', note: '投诉人满意' });
    expect(k).toMatchObject({ status: 'closed', assessment: 'satisfied' });
    expect(k.events!.map((e) => e.action)).toEqual(['receive', 'assign', 'reply', 'assess', 'close']);
  });

  it('counts 办复率 and the on-time rate: an open complaint past its due counts as late', async () => {
    type Stats = {
      received: number;
      replied: number;
      repliedOnTime: number;
      openOverdue: number;
      byKind: Record<string, number>;
    };
    const stats = async () => (await supervisor.get('/api/complaints/stats?month=2026-03')).json<Stats>();
    at(cst('2026-03-20', '10:00'));
    const before = await stats();
    at(cst('2026-03-02', '11:00'));
    const late = await supervisor.post('/api/complaints', {
      centerId: county,
      channel: 'phone',
      kind: 'complaint',
      title: '排队时间过长',
      content: '上午排队两小时',
      anonymous: true,
    });
    expect(late.statusCode, late.body).toBe(201);
    const praise = await supervisor.post('/api/complaints', {
      centerId: county,
      channel: 'box',
      kind: 'praise',
      title: '表扬信',
      content: '感谢窗口热情服务',
      targetWindowId: window9,
      contactName: '李女士',
      contactPhone: '13800002222',
    });
    await act(supervisor, praise.json<{ id: string }>().id, { type: 'acknowledge', bonusPoints: 2 });
    at(cst('2026-03-20', '10:00'));
    const after = await stats();
    // Praise needs no reply: it is not in the population of 办复率.
    expect(after.received - before.received).toBe(1);
    expect(after.replied - before.replied).toBe(0);
    expect(after.openOverdue - before.openOverdue).toBe(1);
    expect((after.byKind.praise ?? 0) - (before.byKind.praise ?? 0)).toBe(1);
    // The portal complaint of the test above was answered on time.
    expect(after.repliedOnTime).toBeGreaterThanOrEqual(1);
    const s = (await supervisor.get('/api/complaints/stats?month=2026-03')).json<
      Stats & { replyRate: number; onTimeRate: number }
    >();
    expect(s.replyRate).toBeCloseTo(s.replied / s.received);
    expect(s.onTimeRate).toBeCloseTo(s.repliedOnTime / (s.replied + s.openOverdue));
  });
});

describe('bad input', () => {
  it('refuses an oversized attachment, saying which and how large, and writes nothing', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints'))[0]!.n;
    const res = await t.anon.post('/api/complaints/public', {
      centerId: county,
      kind: 'suggestion',
      title: '建议',
      content: '建议增加自助终端',
      anonymous: true,
      attachments: [{ name: '照片.png', mime: 'image/png', dataBase64: png(3 * 1024 * 1024) }],
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      message: '附件「照片.png」大小为 3.0 MB，超过单个附件上限 2.0 MB',
    });
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints'))[0]!.n).toBe(before);
  });

  it('refuses a request body over the intake limit', async () => {
    const res = await t.anon.post('/api/complaints/public', {
      centerId: county,
      kind: 'suggestion',
      title: 'x',
      content: 'x',
      anonymous: true,
      attachments: [{ name: 'big.pdf', mime: 'application/pdf', dataBase64: 'A'.repeat(17 * 1024 * 1024) }],
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses other file types and a form without contact that is not anonymous', async () => {
    const exe = await t.anon.post('/api/complaints/public', {
      centerId: county,
      kind: 'report',
      title: 'x',
      content: 'x',
      anonymous: true,
      attachments: [{ name: 'a.exe', mime: 'application/x-msdownload', dataBase64: 'TVo=' }],
    });
    expect(errorOf(exe).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const noContact = await t.anon.post('/api/complaints/public', {
      centerId: county,
      kind: 'report',
      title: 'x',
      content: 'x',
    });
    expect(noContact.statusCode).toBe(400);
    expect(errorOf(noContact).fields).toEqual({ contactPhone: '请留下联系方式，或选择匿名' });
  });
});

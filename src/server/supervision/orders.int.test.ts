import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import type {
  AccountabilityView,
  CardList,
  OrderView,
  SummaryView,
} from '../../shared/contracts/supervision';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { logAdapter, setChannelAdapter } from './outbox.service';
import { Stories } from './supervision.stories';

/** Supervision orders (督办单) and the desk, over cases received through the real case API. */
let t: TestApp;
let s: Stories;
let sup: Client;
let chief: Client;
/** 宋佳, window 9 (市场监管): receives and accepts the food licences. */
let songjia: Client;
let county: string;
let item: ItemVersionView;
let scjg: string;
let caseId: string;
let caseNumber: string;
const at = (day: string, hhmm: string) => instantOfCivil(day, hhmm);

const sweepAt = (now: Date) => s.sweep(now);

beforeAll(async () => {
  t = await createTestApp();
  s = await Stories.open(t);
  sup = s.sup;
  county = s.county;
  // The demo opens a 督办单 and a 催办 of its own; these stories number and count from none.
  await t.db.query(`DELETE FROM notification_outbox WHERE dedupe_key LIKE 'order:%'`);
  await t.db.query('DELETE FROM supervision_order_events');
  await t.db.query('DELETE FROM supervision_orders');
  await t.db.query(`DELETE FROM supervision_counters WHERE scope LIKE 'order:%' OR scope LIKE 'reminder:%'`);
  chief = await t.as('chief');
  songjia = await t.as('songjia');
  item = await s.item('食品经营许可（新办）', at('2026-03-02', '09:00'));
  scjg = item.departmentId;
  // Accepted Mon 03-02 and never concluded: due Mon 03-09 17:30, red card Thu 03-12 17:30.
  ({ id: caseId, number: caseNumber } = await s.receive(songjia, item, {
    receivedAt: at('2026-03-02', '09:05'),
    acceptedAt: at('2026-03-02', '09:10'),
  }));
  await sweepAt(at('2026-03-12', '17:31'));
});
afterAll(() => t.close());
afterEach(() => setChannelAdapter('sms', logAdapter));

describe('督办单: the supervisor opens it, the department answers, the supervisor closes it', () => {
  let order: OrderView;

  it('opens an order on the red card, addressed to the case department, with a deadline in working days', async () => {
    const cards = (await sup.get(`/api/supervision/cards?caseId=${caseId}&level=red`)).json<CardList>();
    expect(cards.items).toHaveLength(1);
    const res = await sup.post('/api/supervision/orders', {
      centerId: county,
      kind: 'order',
      caseId,
      cardId: cards.items[0]!.id,
      content: '该件已超期 3 个工作日，请于 2 个工作日内办结并书面说明超期原因。',
      responseWorkdays: 2,
    });
    expect(res.statusCode).toBe(201);
    order = res.json<OrderView>();
    // Issued Thu 03-12 17:31: two working days are Fri and Mon, due Mon 03-16 17:30.
    expect(order).toMatchObject({
      number: '督办〔2026〕1号',
      level: 'blue',
      status: 'open',
      departmentId: scjg,
      caseNumber,
      responseDueAt: at('2026-03-16', '17:30').toISOString(),
    });
  });

  it('the department sees it (and nothing else), and a supervisor cannot answer for it', async () => {
    await sweepAt(at('2026-03-13', '09:00'));
    const mine = (await chief.get('/api/supervision/orders')).json<OrderView[]>();
    expect(mine.map((o) => o.id)).toEqual([order.id]);
    const inbox = (await chief.get('/api/inbox')).json<{ items: { title: string }[] }>();
    expect(inbox.items.some((n) => n.title.includes('督办〔2026〕1号'))).toBe(true);
    const wrong = await sup.post(`/api/supervision/orders/${order.id}/respond`, { response: 'x' });
    expect(wrong.statusCode).toBe(403);
    const other = await t.as('xiehongmei'); // 人社 chief representative
    expect((await other.get(`/api/supervision/orders/${order.id}`)).statusCode).toBe(404);
    expect(
      (await other.post(`/api/supervision/orders/${order.id}/respond`, { response: 'x' })).statusCode,
    ).toBe(403);
  });

  it('the department answers in writing; a verdict comes only after an answer', async () => {
    const early = await sup.post(`/api/supervision/orders/${order.id}/verdict`, { verdict: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'SUPERVISION_ORDER_STATE' } });
    const res = await chief.post(`/api/supervision/orders/${order.id}/respond`, {
      response: '因现场核查排期延误，已于今日办结，经办人已作检查。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'responded',
      respondedLate: false,
      respondedByName: '许志明',
    });
  });

  it('the supervisor finds the answer wanting, the department answers again, the supervisor closes it', async () => {
    await s.clockAt(at('2026-03-13', '10:00'));
    const back = await sup.post(`/api/supervision/orders/${order.id}/verdict`, {
      verdict: 'unsatisfied',
      note: '请说明整改措施',
    });
    expect(back.json()).toMatchObject({ status: 'open', verdict: 'unsatisfied' });
    await chief.post(`/api/supervision/orders/${order.id}/respond`, {
      response: '整改措施：现场核查改为 1 个工作日内排期。',
    });
    const done = await sup.post(`/api/supervision/orders/${order.id}/verdict`, {
      verdict: 'satisfied',
      note: '同意办结',
    });
    expect(done.statusCode).toBe(200);
    const v = done.json<OrderView>();
    expect(v.status).toBe('closed');
    expect(v.events.map((e) => e.action)).toEqual([
      'issue',
      'respond',
      'verdict',
      'respond',
      'verdict',
      'close',
    ]);
    const history = (await sup.get(`/api/supervision/cases/${caseId}`)).json<{ orders: OrderView[] }>();
    expect(history.orders).toHaveLength(1);
  });
});

describe('overdue orders escalate on their own', () => {
  it('blue → orange → red, copying the department leader, then the center leadership', async () => {
    await s.clockAt(at('2026-03-16', '09:00'));
    const res = await sup.post('/api/supervision/orders', {
      centerId: county,
      kind: 'order',
      departmentId: scjg,
      content: '本月超期件较多，请于 1 个工作日内报送整改方案。',
      responseWorkdays: 1,
    });
    const o = res.json<OrderView>();
    expect(o.responseDueAt).toBe(at('2026-03-17', '17:30').toISOString());
    expect((await sweepAt(at('2026-03-17', '17:00'))).escalated).toBe(0);
    expect((await sweepAt(at('2026-03-17', '17:31'))).escalated).toBe(1);
    expect((await sweepAt(at('2026-03-17', '17:40'))).escalated).toBe(0);
    let v = (await sup.get(`/api/supervision/orders/${o.id}`)).json<OrderView>();
    expect(v).toMatchObject({
      level: 'orange',
      escalations: 1,
      responseDueAt: at('2026-03-18', '17:30').toISOString(),
    });
    await sweepAt(at('2026-03-18', '17:31'));
    v = (await sup.get(`/api/supervision/orders/${o.id}`)).json<OrderView>();
    expect(v).toMatchObject({ level: 'red', escalations: 2, overdue: false });
    // Red is the top: further lateness shows as overdue, no more escalations.
    expect((await sweepAt(at('2026-03-20', '09:00'))).escalated).toBe(0);
    const leader = await t.as('leader');
    const inbox = (await leader.get('/api/inbox')).json<{ items: { title: string }[] }>();
    expect(inbox.items.some((n) => n.title.startsWith('【红色督办】'))).toBe(true);
    const late = await chief.post(`/api/supervision/orders/${o.id}/respond`, {
      response: '整改方案见附件。',
    });
    expect(late.json()).toMatchObject({ respondedLate: true });
  });
});

describe('notifications are sent once and retried on failure', () => {
  it('a failing SMS gateway is retried with back-off; each message goes out once', async () => {
    const sent: number[] = [];
    let failures = 1;
    setChannelAdapter('sms', {
      async send(m) {
        if (failures-- > 0) throw new Error('gateway down');
        sent.push(m.id);
      },
    });
    const { id, number } = await s.receive(songjia, item, {
      receivedAt: at('2026-03-02', '09:05'),
      acceptedAt: at('2026-03-02', '09:10'),
    });
    await sweepAt(at('2026-03-20', '10:00'));
    const rows = await t.db.query<{ id: number; status: string; attempts: number }>(
      `SELECT id, status, attempts FROM notification_outbox WHERE channel = 'sms' AND title LIKE '%' || $1 || '%'
       ORDER BY id`,
      [number],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.status === 'pending' && r.attempts === 1)).toBe(true);
    await sweepAt(at('2026-03-20', '10:05'));
    await sweepAt(at('2026-03-20', '10:10'));
    const after = await t.db.query<{ status: string }>(
      `SELECT status FROM notification_outbox WHERE channel = 'sms' AND title LIKE '%' || $1 || '%'`,
      [number],
    );
    expect(after.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.length).toBe(rows.length);
    expect(id).toBeTruthy();
  });
});

describe('the desk and the accountability feed', () => {
  it('summary counts by level and by department, window and officer', async () => {
    const s = (await sup.get(`/api/supervision/summary?centerId=${county}`)).json<SummaryView>();
    expect(s.open.red).toBeGreaterThanOrEqual(1);
    expect(s.byDepartment[0]).toMatchObject({ id: scjg });
    expect(s.byOfficer.some((o) => o.name === '宋佳')).toBe(true);
    expect(s.byWindow.some((w) => w.name.startsWith('9 '))).toBe(true);
    expect((await chief.get('/api/supervision/summary')).statusCode).toBe(403);
  });

  it('lists received cases by what is left of their 5 working days', async () => {
    // Received and not yet accepted, refused or told what is missing.
    const { number } = await s.receive(songjia, item, { receivedAt: at('2026-03-16', '09:00') });
    await s.clockAt(at('2026-03-20', '10:00'));
    const list = (await sup.get('/api/supervision/five-day')).json<
      { caseNumber: string; remainingWorkingDays: number }[]
    >();
    // Received Mon 03-16: 5 working days end Mon 03-23 17:30; on Fri 10:00 Monday and 5 of Friday's 6.5 hours are left.
    expect(list.find((x) => x.caseNumber === number)!.remainingWorkingDays).toBeCloseTo(1 + 5 / 6.5, 1);
  });

  it('monthly counts per department, window and officer from cards and orders only', async () => {
    const res = await sup.get(`/api/supervision/accountability?centerId=${county}&month=2026-03`);
    expect(res.statusCode).toBe(200);
    const feed = res.json<AccountabilityView>();
    const dept = feed.rows.find((r) => r.dimension === 'department' && r.id === scjg)!;
    expect(dept.redCards).toBeGreaterThanOrEqual(2);
    expect(dept.overdueCases).toBeGreaterThanOrEqual(2);
    expect(dept.lateResponses).toBe(2);
    expect(feed.rows.find((r) => r.dimension === 'officer' && r.name === '宋佳')).toBeTruthy();
    const bad = await sup.get(`/api/supervision/accountability?centerId=${county}&month=2026-13`);
    expect(bad.statusCode).toBe(400);
  });

  it('exports the open cards and orders to Excel', async () => {
    const res = await sup.get(`/api/supervision/export.xlsx?centerId=${county}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('监察信号')!;
    expect(sheet.rowCount).toBeGreaterThan(2);
    expect(sheet.getRow(2).getCell(1).text).toMatch(/红牌|黄牌|预警/);
  });

  it('a supervisor clears a record card by hand, with a note (audited)', async () => {
    // The market regulator's items charge nothing: a housing transfer at the comprehensive window does,
    // and the officer charges 30 yuan over the standard, giving a reason (the receipt requires one).
    const transfer = await s.item('不动产转移登记', at('2026-03-20', '10:50'));
    const line = transfer.content.fees.find((f) => f.standardFen > 0)!;
    expect(line).toBeTruthy();
    const { id } = await s.receive(await t.as('officer'), transfer, {
      receivedAt: at('2026-03-20', '10:50'),
      acceptedAt: at('2026-03-20', '10:50'),
      fee: { lines: [{ name: line.name, chargedFen: line.standardFen + 3000 }], reason: '加急' },
    });
    await sweepAt(at('2026-03-20', '11:00'));
    const found = (await sup.get(`/api/supervision/cards?rule=fee_mismatch&caseId=${id}`)).json<CardList>();
    expect(found.items).toHaveLength(1);
    const fee = found.items[0]!;
    expect(fee).toMatchObject({
      persistence: 'record',
      level: 'red',
      facts: { standardFen: line.standardFen, chargedFen: line.standardFen + 3000, reason: '加急' },
    });
    const res = await sup.post(`/api/supervision/cards/${fee.id}/clear`, { note: '已退还多收费用 30 元' });
    expect(res.json()).toMatchObject({ clearReason: 'manual', clearedByName: '孙立军' });
    expect((await sup.post(`/api/supervision/cards/${fee.id}/clear`, { note: 'x' })).statusCode).toBe(409);
  });
});

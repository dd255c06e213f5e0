import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CategoryView, TicketDetail, TicketIssued, TicketPublicView } from '../../shared/contracts/hall';
import type { HallStats } from '../../shared/contracts/hall-stats';
import { APPLICANT, allReceived, itemByName } from '../cases/cases.fixtures';
import { runJobOnce } from '../jobs/jobs';
import { TEST_NOW } from '../test/test-now';
import { hallCloseDayJob } from './hall.jobs';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

/**
 * The hall queue through the real app, on PGlite and PostgreSQL (ONEWINDOW_TEST_DB). The demo hall
 * 一楼大厅 has one category per department; window 3 is 全岗通 (陈晓燕, `officer`), window 9 is
 * 市场监管 registration (宋佳), window 13 is 医保 (曹芳). The test day is Monday 2 March 2026, 09:00.
 */
let t: TestApp;
let admin: Client;
let officer: Client;
let guide: Client;
let hallId: string;
const windowId: Record<string, string> = {};
const cat: Record<string, CategoryView> = {};

const MIN = 60_000;
// The domain clock only moves forward, a few seconds per step, so arrival order is real.
let clockMs = TEST_NOW.getTime();
const tick = (ms = 5000) => t.clock.set(new Date((clockMs += ms)), { freeze: true });
const issue = async (prefix: string) => {
  tick();
  const res = await t.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId: cat[prefix]!.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TicketIssued>().ticket;
};
const act = (c: Client, ticketId: string, action: string, body?: unknown) =>
  c.post(`/api/hall/tickets/${ticketId}/${action}`, body ?? {});
const callNext = (c: Client, w: string) => {
  tick();
  return c.post(`/api/hall/windows/${windowId[w]}/call-next`, {});
};
const current = (res: { json<T>(): T }) => res.json<{ current: TicketDetail | null }>().current;
const code = (res: { json<T>(): T }) => res.json<{ error: { code: string; message: string } }>().error;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  officer = await t.as('officer');
  guide = await t.as('yinxiaoyu');
  const halls = (await admin.get('/api/hall/halls')).json<{ id: string; name: string }[]>();
  hallId = halls.find((h) => h.name === '一楼大厅')!.id;
  for (const c of (await admin.get(`/api/hall/halls/${hallId}/categories`)).json<CategoryView[]>())
    cat[c.prefix] = c;
  for (const w of await t.db.query<{ id: string; number: string }>(
    "SELECT w.id, w.number FROM windows w JOIN centers c ON c.id = w.center_id WHERE c.code = 'yunxi'",
  ))
    windowId[w.number] = w.id;
});
afterAll(() => t.close());

describe('categories and eligibility from the skills matrix', () => {
  it('binds each demo category to catalog items and derives the windows that call it', () => {
    expect(cat.A!.items.length).toBeGreaterThan(0);
    const numbers = cat.E!.windows.map((w) => w.number);
    // 医保: the 全岗通 comprehensive windows and the 医保 window, not the 公安 window
    expect(numbers).toEqual(expect.arrayContaining(['1', '3', '5', '13']));
    expect(numbers).not.toContain('7');
  });

  it('refuses a daily cap larger than the number range', async () => {
    const res = await admin.post('/api/hall/categories', {
      hallId,
      prefix: 'X',
      name: '测试',
      numberFrom: 1,
      numberTo: 9,
      dailyCap: 10,
      expectedServiceMinutes: 5,
      itemIds: cat.A!.items.map((i) => i.id),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields.dailyCap).toMatch(/号段/);
  });
});

describe('taking tickets', () => {
  it('the kiosk issues the first number of the day with people ahead and an estimated wait', async () => {
    const tk = await issue('C');
    expect(tk).toMatchObject({
      number: 'C001',
      status: 'waiting',
      ahead: 0,
      businessDate: '2026-03-02',
      expired: false,
    });
    expect(tk.estimatedWaitMinutes).toBeGreaterThan(0);
    const second = await issue('C');
    expect(second).toMatchObject({ number: 'C002', ahead: 1 });
    const events = (await admin.get(`/api/hall/tickets/${tk.id}`)).json<TicketDetail>().events;
    expect(events.map((e) => e.type)).toEqual(['issue']);
  });

  it('200 parallel requests get 200 distinct consecutive numbers', async () => {
    const res = await admin.post('/api/hall/categories', {
      hallId,
      prefix: 'P',
      name: '并发测试',
      numberFrom: 1,
      numberTo: 999,
      dailyCap: 500,
      expectedServiceMinutes: 5,
      itemIds: cat.D!.items.map((i) => i.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = (await admin.get(`/api/hall/halls/${hallId}/categories`))
      .json<CategoryView[]>()
      .find((c) => c.prefix === 'P')!;
    const all = await Promise.all(
      Array.from({ length: 200 }, () =>
        t.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId: p.id }),
      ),
    );
    expect(all.map((r) => r.statusCode)).toEqual(Array(200).fill(201));
    const numbers = all
      .map((r) => Number(r.json<TicketIssued>().ticket.number.slice(1)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await admin.patch(`/api/hall/categories/${p.id}`, { active: false });
  });

  it('refuses a ticket once the daily cap is reached or the hall is closed, and counts again from 1 on the next business day (China time)', async () => {
    await admin.post('/api/hall/categories', {
      hallId,
      prefix: 'Q',
      name: '限号测试',
      numberFrom: 1,
      numberTo: 99,
      dailyCap: 2,
      expectedServiceMinutes: 5,
      itemIds: cat.F!.items.map((i) => i.id),
    });
    cat.Q = (await admin.get(`/api/hall/halls/${hallId}/categories`))
      .json<CategoryView[]>()
      .find((c) => c.prefix === 'Q')!;
    await issue('Q');
    await issue('Q');
    const third = await t.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId: cat.Q.id });
    expect(third.statusCode).toBe(409);
    expect(code(third)).toMatchObject({ code: 'HALL_DAILY_CAP_REACHED' });
    expect(code(third).message).toContain('每日限 2 个');
    // 00:30 on 3 March in Beijing (still 2 March in UTC): the hall is closed, and the kiosk says
    // when the category's windows open that (Beijing) morning.
    t.clock.set(new Date('2026-03-02T16:30:00Z'), { freeze: true });
    try {
      const night = await t.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId: cat.Q.id });
      expect(night.statusCode).toBe(409);
      expect(code(night).code).toBe('HALL_CATEGORY_NOT_OPEN');
      expect(code(night).message).toMatch(/请于 2026-03-03 0\d:\d\d 再来/);
      // 09:00 that morning is a new business day: numbering starts again at 1.
      t.clock.set(new Date('2026-03-03T01:00:00Z'), { freeze: true });
      const next = await t.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId: cat.Q.id });
      expect(next.json<TicketIssued>().ticket).toMatchObject({ number: 'Q01', businessDate: '2026-03-03' });
    } finally {
      tick(0);
    }
  });
});

describe('calling and serving', () => {
  it('calling with no one waiting for the window is a clear error', async () => {
    const caofang = await t.as('caofang');
    const res = await callNext(caofang, '13');
    expect(res.statusCode).toBe(409);
    expect(code(res)).toMatchObject({ code: 'HALL_NO_TICKET_WAITING', message: '13号窗口当前没有可叫的号' });
  });

  it('the officer calls the earliest ticket, the phone page shows the window, every step is an event', async () => {
    const before = (await t.anon.get(`/api/public/halls/${hallId}`)).json<{
      categories: { prefix: string; waiting: number }[];
    }>();
    expect(before.categories.find((c) => c.prefix === 'C')!.waiting).toBe(2);
    const res = await callNext(officer, '3');
    expect(res.statusCode, res.body).toBe(200);
    const tk = current(res)!;
    expect(tk).toMatchObject({ number: 'C001', status: 'called', window: { number: '3' } });
    expect(tk.allowedActions).toEqual(expect.arrayContaining(['recall', 'start', 'no_show', 'transfer']));
    const phone = (await t.anon.get(`/api/public/tickets/${tk.id}`)).json<TicketPublicView>();
    expect(phone).toMatchObject({ status: 'called', window: { number: '3' }, ahead: null });
    const board = (await t.anon.get(`/api/public/halls/${hallId}/board`)).json<{
      recentCalls: { text: string; speech: string }[];
      windows: {
        number: string;
        status: string;
        officer: { name: string } | null;
        current: { number: string } | null;
      }[];
    }>();
    expect(board.recentCalls[0]).toMatchObject({
      text: '请C001号到3号窗口办理',
      speech: '请C零零一号到3号窗口办理',
    });
    expect(board.windows.find((w) => w.number === '3')).toMatchObject({
      status: 'open',
      officer: { name: '陈晓燕' },
      current: { number: 'C001' },
    });

    // a second call while C001 is at the window is refused
    expect(code(await callNext(officer, '3')).code).toBe('HALL_WINDOW_BUSY');
    await act(officer, tk.id, 'recall');
    tick(2 * MIN);
    await act(officer, tk.id, 'start');
    tick(4 * MIN);
    const done = (await act(officer, tk.id, 'finish')).json<TicketDetail>();
    expect(done.status).toBe('done');
    expect(done.events.map((e) => e.type)).toEqual(['issue', 'call', 'recall', 'start', 'finish']);
  });

  it('a verified priority goes first; the guide may not be a kiosk-declared one', async () => {
    await issue('D');
    const elder = await guide.post('/api/hall/tickets', {
      hallId,
      categoryId: cat.D!.id,
      priority: 'elderly',
    });
    expect(elder.statusCode, elder.body).toBe(201);
    expect(elder.json<TicketIssued>().ticket).toMatchObject({ priority: 'elderly', ahead: 0 });
    const liang = await t.as('luoqian');
    const called = current(await callNext(liang, '11'))!;
    expect(called.number).toBe(elder.json<TicketIssued>().ticket.number);
    await act(liang, called.id, 'start');
    await act(liang, called.id, 'finish');
  });

  it('a transfer to a window that cannot serve the category is refused; a valid one keeps the ticket its place', async () => {
    const first = await issue('A');
    await issue('A');
    const songjia = await t.as('songjia');
    const wangting = await t.as('wangting');
    tick();
    const tk = current(
      await wangting.post(`/api/hall/windows/${windowId['1']}/call`, { number: first.number }),
    )!;
    expect(tk.number).toBe(first.number);
    const bad = await act(wangting, tk.id, 'transfer', { toWindowId: windowId['13'] });
    expect(bad.statusCode).toBe(409);
    expect(code(bad)).toMatchObject({
      code: 'HALL_WINDOW_CANNOT_SERVE',
      message: '13号窗口不能办理「企业开办」业务，请选择其他窗口',
    });
    const moved = (
      await act(wangting, tk.id, 'transfer', { toWindowId: windowId['9'] })
    ).json<TicketDetail>();
    expect(moved).toMatchObject({ status: 'transferred', number: first.number, window: { number: '9' } });
    // window 10 (same department) may not take it; window 9 calls it before the later A ticket
    const tangwei = await t.as('tangwei');
    const other = current(await callNext(tangwei, '10'));
    expect(other?.number).not.toBe(first.number);
    const again = current(await callNext(songjia, '9'))!;
    expect(again).toMatchObject({ number: first.number, transferCount: 1 });
  });

  it('recalls are capped and a no-show may be re-queued once', async () => {
    const tk = await issue('G');
    const dongjie = await t.as('dongjie');
    current(await callNext(dongjie, '15'));
    for (let i = 0; i < 3; i++) expect((await act(dongjie, tk.id, 'recall')).statusCode).toBe(200);
    const fourth = await act(dongjie, tk.id, 'recall');
    expect(code(fourth).code).toBe('HALL_RECALL_LIMIT');
    await act(dongjie, tk.id, 'no-show');
    expect((await act(guide, tk.id, 'requeue')).json<TicketDetail>().status).toBe('waiting');
    current(await callNext(dongjie, '15'));
    await act(dongjie, tk.id, 'no-show');
    expect(code(await act(guide, tk.id, 'requeue')).code).toBe('HALL_REQUEUE_LIMIT');
  });

  it('a paused window does not call', async () => {
    const zhoumin = await t.as('zhoumin');
    await zhoumin.post(`/api/hall/windows/${windowId['5']}/open`, {});
    const paused = await zhoumin.post(`/api/hall/windows/${windowId['5']}/pause`, { reason: '午间轮岗' });
    expect(paused.json<{ state: { status: string } }>().state.status).toBe('paused');
    expect(code(await callNext(zhoumin, '5')).code).toBe('HALL_WINDOW_PAUSED');
    await zhoumin.post(`/api/hall/windows/${windowId['5']}/close`, {});
  });

  it('an officer cannot call at another officer’s window', async () => {
    const res = await callNext(officer, '9');
    expect(res.statusCode).toBe(403);
    expect(code(res).code).toBe('HALL_NOT_AT_WINDOW');
  });
});

describe('yesterday’s tickets', () => {
  it('a number from yesterday is refused with its date, and its phone page says it has expired', async () => {
    const [old] = await t.db.query<{ id: string; display_number: string; business_date: string }>(
      `SELECT id, display_number, business_date FROM tickets WHERE hall_id = $1 AND business_date < '2026-03-02'
       AND display_number LIKE 'C%' ORDER BY business_date DESC, number DESC LIMIT 1`,
      [hallId],
    );
    const res = await officer.post(`/api/hall/windows/${windowId['3']}/call`, {
      number: old!.display_number,
    });
    expect(res.statusCode).toBe(409);
    expect(code(res)).toMatchObject({ code: 'HALL_TICKET_NOT_TODAY' });
    expect(code(res).message).toContain(old!.business_date);
    expect((await t.anon.get(`/api/public/tickets/${old!.id}`)).json<TicketPublicView>().expired).toBe(true);
    expect(code(await act(guide, old!.id, 'cancel', { reason: 'x' })).code).toBe('HALL_TICKET_NOT_TODAY');
  });
});

describe('estimated wait from live service rates', () => {
  it('faster recent services at the windows shorten the estimate for the same queue', async () => {
    const newcomer = async () =>
      (await t.anon.get(`/api/public/halls/${hallId}`))
        .json<{ categories: { prefix: string; waiting: number; estimatedWaitMinutes: number }[] }>()
        .categories.find((c) => c.prefix === 'H')!;
    for (let i = 0; i < 4; i++) await issue('H');
    const before = await newcomer();
    const chengli = await t.as('chengli');
    // three 1-minute services at the 残联 window, then one more visitor so the queue is as long
    for (let i = 0; i < 3; i++) {
      const c = current(await callNext(chengli, '16'))!;
      await act(chengli, c.id, 'start');
      tick(MIN);
      await act(chengli, c.id, 'finish');
    }
    for (let i = 0; i < 3; i++) await issue('H');
    const after = await newcomer();
    expect(after.waiting).toBe(before.waiting);
    expect(after.estimatedWaitMinutes).toBeLessThan(before.estimatedWaitMinutes);
  });
});

describe('opening a case from a ticket (从此号受理)', () => {
  it('links the case and keeps the time from the call to the acceptance; a second case is refused', async () => {
    const tk = await issue('E');
    tick();
    const c = current(await officer.post(`/api/hall/windows/${windowId['3']}/call`, { number: tk.number }))!;
    expect(c.number).toBe(tk.number);
    await act(officer, c.id, 'start');
    tick(7 * MIN);
    const item = await itemByName(t.db, cat.E!.items[0]!.name, t.clock.now());
    const body = {
      itemId: item.itemId,
      applicant: APPLICANT,
      materials: allReceived(item),
      decision: 'accept',
    };
    const created = await officer.post('/api/cases', body);
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json<{ id: string }>().id;
    const linked = await act(officer, c.id, 'link-case', { caseId });
    expect(linked.statusCode, linked.body).toBe(200);
    const detail = linked.json<TicketDetail>();
    expect(detail.caseId).toBe(caseId);
    expect(detail.acceptedAt).not.toBeNull();
    const ev = detail.events.find((e) => e.type === 'link_case')!;
    expect(ev.detail).toMatchObject({ caseId, callToAcceptMinutes: 7 });
    const second = (await officer.post('/api/cases', body)).json<{ id: string }>().id;
    expect(code(await act(officer, c.id, 'link-case', { caseId: second })).code).toBe('HALL_TICKET_LINKED');
    await act(officer, c.id, 'finish');
  });

  it('a case received with the ticket is linked in the same transaction; a failed receipt links nothing', async () => {
    const tk = await issue('E');
    tick();
    const c = current(await officer.post(`/api/hall/windows/${windowId['3']}/call`, { number: tk.number }))!;
    await act(officer, c.id, 'start');
    tick(4 * MIN);
    const item = await itemByName(t.db, cat.E!.items[0]!.name, t.clock.now());
    const body = {
      itemId: item.itemId,
      applicant: APPLICANT,
      materials: allReceived(item),
      decision: 'accept',
    };
    // A refusal without its reason fails validation: no case, and the ticket stays unlinked.
    const bad = await officer.post('/api/cases', { ...body, decision: 'refuse', ticketId: c.id });
    expect(bad.statusCode).toBe(400);
    const still = (await officer.get(`/api/hall/tickets/${c.id}`)).json<TicketDetail>();
    expect(still.caseId).toBeNull();
    const created = await officer.post('/api/cases', { ...body, ticketId: c.id });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json<{ id: string }>().id;
    const detail = (await officer.get(`/api/hall/tickets/${c.id}`)).json<TicketDetail>();
    expect(detail.caseId).toBe(caseId);
    expect(detail.events.find((e) => e.type === 'link_case')!.detail).toMatchObject({
      callToAcceptMinutes: 4,
    });
    // The same ticket cannot open a second case: the whole receipt is refused, no case is written.
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    const again = await officer.post('/api/cases', { ...body, ticketId: c.id });
    expect(code(again).code).toBe('HALL_TICKET_LINKED');
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(after[0]!.n).toBe(before[0]!.n);
    await act(officer, c.id, 'finish');
  });
});

describe('hall statistics', () => {
  it('reports waits, services, the estimation error and the busy hours, and exports Excel', async () => {
    const q = `hallId=${hallId}&from=2026-02-01&to=2026-03-02`;
    const res = await admin.get(`/api/hall/stats?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<HallStats>();
    expect(s.totals.tickets).toBeGreaterThan(500);
    expect(s.totals.waitP90!).toBeGreaterThanOrEqual(s.totals.waitMean! * 0.5);
    expect(s.estimate.n).toBeGreaterThan(0);
    expect(s.estimate.meanAbsError).not.toBeNull();
    expect(s.heat.length).toBeGreaterThan(10);
    expect(s.byWindow.some((w) => w.label.startsWith('3号'))).toBe(true);
    const xlsx = await admin.get(`/api/hall/stats.xlsx?${q}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await officer.get(`/api/hall/stats?${q}`)).statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('township staff do not see the county hall; applicants cannot work the queue', async () => {
    const wangqin = await t.as('wangqin');
    expect((await wangqin.get(`/api/hall/halls/${hallId}/categories`)).statusCode).toBe(404);
    const zhang = await t.as('zhangsan');
    expect((await zhang.post(`/api/hall/windows/${windowId['3']}/call-next`, {})).statusCode).toBe(403);
  });
});

describe('the end of the business day', () => {
  it('cancels what is still waiting or called as expired, through the transition table', async () => {
    const waiting = await issue('C');
    t.clock.set(new Date('2026-03-03T00:30:00Z'), { freeze: true });
    const ran = await runJobOnce(hallCloseDayJob, { db: t.db, clock: t.clock, log: t.app.log });
    expect(ran).toBe(true);
    const d = (await admin.get(`/api/hall/tickets/${waiting.id}`)).json<TicketDetail>();
    expect(d.status).toBe('cancelled');
    expect(d.events.at(-1)).toMatchObject({
      type: 'cancel',
      actorName: 'system',
      detail: { reason: 'expired' },
    });
    const [open] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM window_states WHERE status <> 'closed'",
    );
    expect(open!.n).toBe(0);
  });
});

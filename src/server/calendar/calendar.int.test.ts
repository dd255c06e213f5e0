import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearView, DeadlineView, HoursView } from '../../shared/contracts/calendar';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

let t: TestApp;
let admin: Client;
let county: string;
let township: string;
let village: string;

const id = async (sql: string) => (await t.db.query<{ id: string }>(sql))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = await id("SELECT id FROM centers WHERE level = 'county'");
  township = await id("SELECT id FROM centers WHERE code = 'yunxi-luqiao'");
  village = await id("SELECT id FROM centers WHERE code = 'yunxi-luqiao-huanglong'");
});
afterAll(() => t.close());

type Fields = { error: { code: string; message: string; fields?: Record<string, string> } };

/** 5 working days from Monday 2026-03-02 09:00 (an ordinary week in the seeded calendar). */
const deadline = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/calendar/deadline', {
    start: '2026-03-02T09:00:00+08:00',
    amount: 5,
    unit: 'workday',
    ...body,
  });
const dueOf = async (c: Client, body: Record<string, unknown>) => {
  const res = await deadline(c, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DeadlineView>().due;
};

describe('the seeded calendar', () => {
  it('gives the county every day of 2026 with the State Council holidays and make-up working days', async () => {
    const res = await admin.get(`/api/calendar/days?centerId=${county}&year=2026`);
    expect(res.statusCode).toBe(200);
    const y = res.json<CalendarYearView>();
    expect(y).toMatchObject({ configured: true, editable: true, ownDays: 365 });
    expect(y.days).toHaveLength(365);
    const day = (d: string) => y.days.find((x) => x.day === d)!;
    expect(day('2026-02-17')).toMatchObject({
      isWorkday: false,
      name: '春节',
      source: 'seed',
      inherited: false,
    });
    expect(day('2026-02-14')).toMatchObject({ isWorkday: true, name: '调休上班（春节）' });
    expect(day('2026-03-02')).toMatchObject({ isWorkday: true, name: null });
  });

  it('a township and a village inherit the county calendar, and say so', async () => {
    for (const c of [township, village]) {
      const y = (await admin.get(`/api/calendar/days?centerId=${c}&year=2026`)).json<CalendarYearView>();
      expect(y).toMatchObject({ configured: true, ownDays: 0 });
      expect(y.chain[0]!.centerId).toBe(county);
      expect(y.days.find((x) => x.day === '2026-10-01')).toMatchObject({
        isWorkday: false,
        name: '国庆节',
        inherited: true,
        definedBy: { centerId: county },
      });
    }
  });

  it('answers the summer afternoon hours of the demo center (14:30–18:00 from May to September)', async () => {
    const due = await dueOf(admin, { start: '2026-06-01T09:00:00+08:00' });
    expect(due).toBe('2026-06-08T18:00:00+08:00');
    const winter = await dueOf(admin, {});
    expect(winter).toBe('2026-03-09T17:30:00+08:00');
  });
});

describe('administrators edit the calendar', () => {
  it('a day marked as a holiday changes the calculator’s answer, and the change is audited', async () => {
    expect(await dueOf(admin, { centerId: county })).toBe('2026-03-09T17:30:00+08:00');
    const put = await admin.put(`/api/calendar/days/2026-03-04?centerId=${county}`, {
      isWorkday: false,
      name: '测试假日',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      isWorkday: false,
      name: '测试假日',
      source: 'admin',
      updatedBy: expect.any(String),
    });

    const res = await deadline(admin, { centerId: county });
    const body = res.json<DeadlineView>();
    expect(body.due).toBe('2026-03-10T17:30:00+08:00');
    expect(body.explanation.map((e) => e.text)).toContain('跳过测试假日 2026-03-04 至 2026-03-04（1 天）');

    const audit = (await admin.get('/api/audit?entity=calendar')).json<{
      items: { action: string; entityId: string; after: { isWorkday: boolean } }[];
    }>();
    expect(audit.items[0]).toMatchObject({
      action: 'set_day',
      entityId: `${county}:2026-03-04`,
      after: { isWorkday: false },
    });

    // Back to a working day: the answer follows at once.
    await admin.put(`/api/calendar/days/2026-03-04?centerId=${county}`, { isWorkday: true, name: null });
    expect(await dueOf(admin, { centerId: county })).toBe('2026-03-09T17:30:00+08:00');
  });

  it('a township inherits the county calendar until it overrides a day; a reset inherits again', async () => {
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-09T17:30:00+08:00');
    // The county changes a day: the township (and its village) follow.
    await admin.put(`/api/calendar/days/2026-03-03?centerId=${county}`, {
      isWorkday: false,
      name: '县里放假',
    });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-10T17:30:00+08:00');
    expect(await dueOf(admin, { centerId: village })).toBe('2026-03-10T17:30:00+08:00');

    // The township overrides that day back to a working day: only it (and below) differ.
    const own = await admin.put(`/api/calendar/days/2026-03-03?centerId=${township}`, {
      isWorkday: true,
      name: null,
    });
    expect(own.json()).toMatchObject({ inherited: false, definedBy: { centerId: township } });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-09T17:30:00+08:00');
    expect(await dueOf(admin, { centerId: village })).toBe('2026-03-09T17:30:00+08:00');
    expect(await dueOf(admin, { centerId: county })).toBe('2026-03-10T17:30:00+08:00');
    const y = (await admin.get(`/api/calendar/days?centerId=${township}&year=2026`)).json<CalendarYearView>();
    expect(y.ownDays).toBe(1);

    const reset = await admin.delete(`/api/calendar/days/2026-03-03?centerId=${township}`);
    expect(reset.json()).toMatchObject({ isWorkday: false, inherited: true });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-10T17:30:00+08:00');
    await admin.put(`/api/calendar/days/2026-03-03?centerId=${county}`, { isWorkday: true, name: null });
  });

  it('the root center has no parent to inherit from: a reset there names the field', async () => {
    const res = await admin.delete(`/api/calendar/days/2026-03-03?centerId=${county}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.fields).toHaveProperty('centerId');
  });

  it('an unconfigured year is refused, never guessed: 2030', async () => {
    const res = await deadline(admin, { start: '2030-03-04T09:00:00+08:00' });
    expect(res.statusCode).toBe(422);
    expect(res.json<Fields>().error).toMatchObject({
      code: 'CALENDAR_NOT_CONFIGURED',
      message: expect.stringContaining('2030'),
      fields: { start: '该年度工作日历尚未配置' },
    });
    const across = await deadline(admin, { start: '2027-12-20T09:00:00+08:00', amount: 20 });
    expect(across.json<Fields>().error).toMatchObject({
      code: 'CALENDAR_NOT_CONFIGURED',
      fields: { amount: expect.any(String) },
    });
    const day = await admin.put(`/api/calendar/days/2030-03-04?centerId=${county}`, {
      isWorkday: false,
      name: 'x',
    });
    expect(day.statusCode).toBe(422);
    expect(day.json<Fields>().error.code).toBe('CALENDAR_NOT_CONFIGURED');
    const y = (await admin.get(`/api/calendar/days?centerId=${county}&year=2030`)).json<CalendarYearView>();
    expect(y).toMatchObject({ configured: false, days: [] });
  });

  it('a year entered from the State Council notice replaces the provisional demo year', async () => {
    // The demo holds only 2027's statutory days (no 调休): 2027-02-20 is an ordinary Saturday.
    const before = (
      await deadline(admin, { start: '2027-02-19T10:00:00+08:00', amount: 1 })
    ).json<DeadlineView>();
    expect(before.due).toBe('2027-02-22T17:30:00+08:00');
    const res = await admin.post(`/api/calendar/years/2027?centerId=${county}`, {
      holidays: [
        { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
        { from: '2027-02-06', to: '2027-02-14', name: '春节' },
      ],
      workdays: [{ day: '2027-02-20', name: '调休上班（春节）' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, days: 365 });

    // From the last week of 2026 into 2027: 元旦 is skipped.
    const across = (await deadline(admin, { start: '2026-12-28T10:00:00+08:00' })).json<DeadlineView>();
    expect(across.due).toBe('2027-01-05T17:30:00+08:00');
    expect(across.explanation.map((e) => e.text)).toContain('跳过元旦 2027-01-01 至 2027-01-03（3 天）');
    // 春节 and the make-up Saturday.
    const spring = (
      await deadline(admin, { start: '2027-02-04T10:00:00+08:00', amount: 3 })
    ).json<DeadlineView>();
    expect(spring.due).toBe('2027-02-16T17:30:00+08:00');
    const y = (await admin.get(`/api/calendar/days?centerId=${township}&year=2027`)).json<CalendarYearView>();
    expect(y.days.find((d) => d.day === '2027-02-20')).toMatchObject({ isWorkday: true, inherited: true });

    const count = await admin.get(`/api/calendar/workdays?centerId=${county}&from=2027-02-01&to=2027-02-28`);
    expect(count.json()).toMatchObject({ workdays: 20 - 5 + 1, days: 28 });
  });

  it('a township copies the county year and then owns it; a year reset inherits again', async () => {
    const copy = await admin.post(`/api/calendar/years/2026/copy?centerId=${township}`);
    expect(copy.json()).toMatchObject({ days: 365 });
    await admin.put(`/api/calendar/days/2026-03-05?centerId=${county}`, { isWorkday: false, name: '县假' });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-09T17:30:00+08:00');
    const reset = await admin.delete(`/api/calendar/years/2026?centerId=${township}`);
    expect(reset.json()).toMatchObject({ days: 365 });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-10T17:30:00+08:00');
    await admin.put(`/api/calendar/days/2026-03-05?centerId=${county}`, { isWorkday: true, name: null });
  });

  it('refuses a schedule whose dates are wrong, naming the field', async () => {
    const post = (body: unknown) => admin.post(`/api/calendar/years/2028?centerId=${county}`, body);
    const cases: [unknown, string][] = [
      [{ holidays: [{ from: '2028-10-07', to: '2028-10-01', name: '国庆节' }] }, 'holidays.0.to'],
      [{ holidays: [{ from: '2029-01-01', to: '2029-01-02', name: '元旦' }] }, 'holidays.0.from'],
      [
        {
          holidays: [
            { from: '2028-10-01', to: '2028-10-07', name: '国庆节' },
            { from: '2028-10-05', to: '2028-10-08', name: '重叠' },
          ],
        },
        'holidays.1.from',
      ],
      [
        {
          holidays: [{ from: '2028-10-01', to: '2028-10-07', name: '国庆节' }],
          workdays: [{ day: '2028-10-03' }],
        },
        'workdays.0.day',
      ],
      [{ holidays: [{ from: '2028-02-30', to: '2028-03-01', name: 'x' }] }, 'holidays.0.from'],
      [{ holidays: [{ from: '2028-01-01', to: '2028-01-01', name: '' }] }, 'holidays.0.name'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json<Fields>().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const y = (await admin.get(`/api/calendar/days?centerId=${county}&year=2028`)).json<CalendarYearView>();
    expect(y.configured).toBe(false);
  });

  it('working hours: a township sets its own, later than the county; a reset inherits again', async () => {
    const inherited = (await admin.get(`/api/calendar/hours?centerId=${township}`)).json<HoursView>();
    expect(inherited).toMatchObject({ source: 'inherited', definedBy: { centerId: county } });
    const put = await admin.put(`/api/calendar/hours?centerId=${township}`, {
      hours: {
        periods: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '17:00' },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ source: 'own' });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-09T17:00:00+08:00');
    expect(await dueOf(admin, { centerId: village })).toBe('2026-03-09T17:00:00+08:00');
    expect(await dueOf(admin, { centerId: county })).toBe('2026-03-09T17:30:00+08:00');

    const bad = await admin.put(`/api/calendar/hours?centerId=${township}`, {
      hours: {
        periods: [
          { start: '14:00', end: '17:00' },
          { start: '09:00', end: '12:00' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Fields>().error.fields).toHaveProperty(['hours.periods.1.start']);
    const badTime = await admin.put(`/api/calendar/hours?centerId=${township}`, {
      hours: { periods: [{ start: '9:00', end: '12:00' }] },
    });
    expect(Object.keys(badTime.json<Fields>().error.fields ?? {})).toContain('hours.periods.0.start');

    await admin.put(`/api/calendar/hours?centerId=${township}`, { hours: null });
    expect(await dueOf(admin, { centerId: township })).toBe('2026-03-09T17:30:00+08:00');
    const rootReset = await admin.put(`/api/calendar/hours?centerId=${county}`, { hours: null });
    expect(rootReset.statusCode).toBe(400);
  });
});

describe('who may edit', () => {
  it.each(['officer', 'supervisor', 'leader'])('%s cannot edit the calendar (403)', async (username) => {
    const c = await t.as(username);
    const res = await c.put(`/api/calendar/days/2026-03-04?centerId=${county}`, {
      isWorkday: false,
      name: 'x',
    });
    expect(res.statusCode).toBe(403);
    expect((await c.get(`/api/calendar/days?year=2026`)).statusCode).toBe(200);
  });

  it('a township administrator edits the township but not the county (404)', async () => {
    await admin.post('/api/org/staff', {
      centerId: township,
      name: '乡镇管理员',
      post: '管理员',
      badgeNumber: 'CAL-01',
      account: { username: 'cal.admin', password: 'Township2026', roles: ['admin'] },
    });
    const town = await t.as('cal.admin', 'Township2026');
    const county404 = await town.put(`/api/calendar/days/2026-03-04?centerId=${county}`, {
      isWorkday: false,
      name: 'x',
    });
    expect(county404.statusCode).toBe(404);
    expect((await town.post(`/api/calendar/years/2029?centerId=${county}`, {})).statusCode).toBe(404);
    expect((await town.put(`/api/calendar/hours?centerId=${county}`, { hours: null })).statusCode).toBe(404);
    const y = (await town.get(`/api/calendar/days?centerId=${county}&year=2026`)).json<CalendarYearView>();
    expect(y.editable).toBe(false);
    const own = await town.put(`/api/calendar/days/2026-03-04?centerId=${township}`, {
      isWorkday: true,
      name: null,
    });
    expect(own.statusCode).toBe(200);
    await town.delete(`/api/calendar/days/2026-03-04?centerId=${township}`);
  });

  it('without a session the calendar views answer 401 but the calculator works', async () => {
    expect((await t.anon.get('/api/calendar/days?year=2026')).statusCode).toBe(401);
    expect(
      (await t.anon.put(`/api/calendar/days/2026-03-04?centerId=${county}`, { isWorkday: false })).statusCode,
    ).toBe(401);
    const res = await deadline(t.anon, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ centerId: county, due: '2026-03-09T17:30:00+08:00' });
    const count = await t.anon.get(
      `/api/calendar/workdays?centerId=${township}&from=2026-10-01&to=2026-10-31`,
    );
    expect(count.json()).toMatchObject({ workdays: 18, days: 31 });
    const centers = (await t.anon.get('/api/calendar/centers')).json<{ id: string }[]>();
    expect(centers.map((c) => c.id)).toContain(village);
  });
});

describe('the calculator refuses bad input, naming the field', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    [
      'reversed pause',
      { pauses: [{ from: '2026-03-04T10:00:00+08:00', to: '2026-03-03T10:00:00+08:00' }] },
      422,
      'pauses.0.to',
    ],
    [
      'pause before the start',
      { pauses: [{ from: '2026-03-01T10:00:00+08:00', to: '2026-03-03T10:00:00+08:00' }] },
      422,
      'pauses.0.from',
    ],
    ['negative amount', { amount: -3 }, 422, 'amount'],
    ['absurd amount', { amount: 100_000 }, 422, 'amount'],
    ['fractional working days', { amount: 2.5 }, 422, 'amount'],
    ['unknown unit', { unit: 'fortnight' }, 400, 'unit'],
    ['extension in natural days', { extensions: [{ amount: 10, unit: 'day' }] }, 422, 'extensions.0.unit'],
    ['zero extension', { extensions: [{ amount: 0 }] }, 422, 'extensions.0.amount'],
    ['start without an offset', { start: '2026-03-02 09:00' }, 400, 'start'],
    ['start in an unconfigured year', { start: '1999-03-02T09:00:00+08:00' }, 422, 'start'],
  ];
  it.each(cases)('%s', async (_name, body, status, field) => {
    const res = await deadline(t.anon, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(Object.keys(res.json<Fields>().error.fields ?? {})).toContain(field);
  });

  it('answers in English when asked', async () => {
    const res = await t.anon.post(
      '/api/calendar/deadline',
      { start: '2026-03-02T09:00:00+08:00', amount: -1, unit: 'workday' },
      { 'accept-language': 'en' },
    );
    expect(res.json<Fields>().error.message).toMatch(/Invalid limit amount "-1" \(amount\)/);
  });

  it('workdays: to before from, and impossible dates, name the field', async () => {
    const reversed = await t.anon.get('/api/calendar/workdays?from=2026-03-10&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<Fields>().error.fields).toHaveProperty('to');
    const impossible = await t.anon.get('/api/calendar/workdays?from=2026-02-30&to=2026-03-01');
    expect(impossible.json<Fields>().error.fields).toHaveProperty('from');
    const outside = await t.anon.get('/api/calendar/workdays?from=2026-12-01&to=2031-01-01');
    expect(outside.statusCode).toBe(422);
    expect(outside.json<Fields>().error.fields).toHaveProperty('to');
  });
});

describe('the calculator explains pauses and extensions', () => {
  it('a pause over a holiday and an extension, each in the explanation', async () => {
    const res = await deadline(admin, {
      start: '2026-09-28T10:00:00+08:00',
      amount: 5,
      pauses: [{ from: '2026-09-30T09:00:00+08:00', to: '2026-10-09T09:00:00+08:00', kind: 'expert_review' }],
      extensions: [{ amount: 10, approvedBy: '县长' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<DeadlineView>();
    const kinds = body.explanation.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['start', 'pause', 'extension', 'due']));
    const pause = body.explanation.find((e) => e.kind === 'pause')!;
    expect(pause.text).toMatch(/^暂停计时（专家评审）2026-09-30 09:00 至 2026-10-09 09:00/);
    expect(body.explanation.at(-1)!.text).toBe(
      `到期时间：${body.due.slice(0, 10)} ${body.due.slice(11, 16)}`,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import type { AbsenceView, DirectoryView, RosterMonthView } from '../../shared/contracts/schedule';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { TEST_NOW } from '../test/test-now';
import { isCategoryOpen } from './category-open';
import { activeSubstitutions } from './schedule.service';

/**
 * Hours, duty roster, absences and AB posts through the real app (PGlite and PostgreSQL). Demo: the
 * center works 08:30–11:30 and 14:00–17:30; windows 1, 3, 7, 17 serve over lunch (错时服务); the
 * police window 7 is open on rest days 9–11, 14–16 with a rostered officer; windows 14, 17, 19 serve
 * on Saturdays (周末便民服务); windows 3 and 4 take turns on Sundays (轮值). 规划与自然资源 (K) is
 * served only at window 19 (侯宁).
 */
let t: TestApp;
let admin: Client;
let county: string;
const staff: Record<string, string> = {};
const windows: Record<string, string> = {};
const categories: Record<string, string> = {};
const at = (date: string, time: string) => instantOfCivil(date, time);
const error = (res: { json<T>(): T }) => res.json<{ error: { code: string } }>().error;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  for (const r of await t.db.query<{ username: string; staff_id: string }>(
    'SELECT username, staff_id FROM users WHERE staff_id IS NOT NULL',
  ))
    staff[r.username] = r.staff_id;
  for (const r of await t.db.query<{ number: string; id: string }>(
    'SELECT number, id FROM windows WHERE center_id = $1',
    [county],
  ))
    windows[r.number] = r.id;
  for (const r of await t.db.query<{ prefix: string; id: string }>(
    'SELECT prefix, id FROM ticket_categories WHERE center_id = $1',
    [county],
  ))
    categories[r.prefix] = r.id;
});
afterAll(() => t.close());

describe('tickets only while a window that can serve the category is open', () => {
  const open = (prefix: string, date: string, time: string) =>
    isCategoryOpen(t.db, { categoryId: categories[prefix]!, at: at(date, time) });

  it('规划 (window 19 only) closes for lunch and says when it reopens', async () => {
    expect(await open('K', '2026-03-02', '10:00')).toEqual({ open: true, reopensAt: null });
    expect(await open('K', '2026-03-02', '12:00')).toEqual({
      open: false,
      reopensAt: at('2026-03-02', '14:00'),
    });
  });

  it('不动产 (window 17, 错时服务) stays open over lunch', async () => {
    expect((await open('J', '2026-03-02', '12:30')).open).toBe(true);
  });

  it('after Friday’s hours 规划 reopens for the Saturday service; 户政 is open on Sunday (police duty)', async () => {
    expect(await open('K', '2026-03-06', '18:00')).toEqual({
      open: false,
      reopensAt: at('2026-03-07', '08:30'),
    });
    expect(await open('C', '2026-03-08', '10:00')).toEqual({ open: true, reopensAt: null });
    expect(await open('C', '2026-03-08', '12:00')).toEqual({
      open: false,
      reopensAt: at('2026-03-08', '14:00'),
    });
  });
});

describe('absences and AB posts', () => {
  it('the demo: 王婷 is on leave and 黄凯 (her B post) sits at window 1; window 2 has nobody meanwhile', async () => {
    const month = (await admin.get('/api/schedule/roster?month=2026-03')).json<RosterMonthView>();
    const day = month.days.find((d) => d.date === '2026-03-03')!;
    const w1 = day.cells.find((c) => c.windowId === windows['1'])!;
    expect(w1).toMatchObject({
      onDuty: [staff.huangkai],
      standIns: [staff.huangkai],
      absent: [staff.wangting],
    });
    expect(day.cells.find((c) => c.windowId === windows['2'])!.onDuty).toEqual([]);
    expect(
      await activeSubstitutions(t.db, { staffId: staff.huangkai!, at: at('2026-03-03', '10:00') }),
    ).toEqual([staff.wangting]);
    expect(
      await activeSubstitutions(t.db, { staffId: staff.huangkai!, at: at('2026-03-04', '10:00') }),
    ).toEqual([]);
  });

  it('an absence ropes in the designated B post, who then stands in for A', async () => {
    const res = await admin.post('/api/schedule/absences', {
      staffId: staff.officer,
      kind: 'meeting',
      from: '2026-03-02T09:00:00+08:00',
      to: '2026-03-02T11:00:00+08:00',
      note: '业务培训会',
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json<{ absence: AbsenceView; substitutionProblem: string | null }>();
    expect(out.substitutionProblem).toBeNull();
    expect(out.absence.substitution).toMatchObject({ standInStaffId: staff.liuyang, windowNumber: '3' });
    const liuyang = await t.as('liuyang');
    t.clock.set(at('2026-03-02', '10:00'), { freeze: true });
    const me = (await liuyang.get('/api/schedule/me/stand-ins')).json<{
      standsInFor: { staffId: string; windowNumber: string }[];
    }>();
    expect(me.standsInFor).toEqual([expect.objectContaining({ staffId: staff.officer, windowNumber: '3' })]);
    // Cancelling the absence ends the substitution now; its record stays.
    expect((await admin.delete(`/api/schedule/absences/${out.absence.id}`)).statusCode).toBe(200);
    expect(
      (await liuyang.get('/api/schedule/me/stand-ins')).json<{ standsInFor: unknown[] }>().standsInFor,
    ).toEqual([]);
    // The absences list shows it cancelled, with the B post it roped in (ended with it).
    const list = await admin.get('/api/schedule/absences?from=2026-03-02&to=2026-03-02');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<AbsenceView[]>().find((a) => a.id === out.absence.id)).toMatchObject({
      cancelled: true,
      note: '业务培训会',
      substitution: { standInStaffId: staff.liuyang, windowNumber: '3', ended: true },
    });
    t.clock.set(TEST_NOW, { freeze: true });
  });

  it('without a B post the window closes for the absence', async () => {
    const res = await admin.post('/api/schedule/absences', {
      staffId: staff.houning,
      kind: 'leave',
      from: '2026-03-04T14:00:00+08:00',
      to: '2026-03-04T16:00:00+08:00',
      substitute: 'auto',
    });
    expect(res.json<{ substitutionProblem: string }>().substitutionProblem).toBe('no_backup');
    expect(await isCategoryOpen(t.db, { categoryId: categories.K!, at: at('2026-03-04', '15:00') })).toEqual({
      open: false,
      reopensAt: at('2026-03-04', '16:00'),
    });
  });

  it('a named stand-in who is absent is refused', async () => {
    await admin.post('/api/schedule/absences', {
      staffId: staff.songjia,
      kind: 'leave',
      from: '2026-03-05T08:00:00+08:00',
      to: '2026-03-05T18:00:00+08:00',
      substitute: 'none',
    });
    const res = await admin.post('/api/schedule/substitutions', {
      absentStaffId: staff.tangwei,
      standInStaffId: staff.songjia,
      from: '2026-03-05T09:00:00+08:00',
      to: '2026-03-05T10:00:00+08:00',
    });
    expect([res.statusCode, error(res).code]).toEqual([409, 'SCHEDULE_STAND_IN_UNAVAILABLE']);
  });
});

describe('the duty roster and hours exceptions', () => {
  it('rosters an officer for a Saturday, and refuses one person at two windows a day', async () => {
    const put = await admin.put('/api/schedule/roster', {
      centerId: county,
      windowId: windows['19'],
      days: ['2026-03-14'],
      staffIds: [staff.fulin],
    });
    expect(put.statusCode, put.body).toBe(200);
    const month = (await admin.get('/api/schedule/roster?month=2026-03')).json<RosterMonthView>();
    const cell = month.days
      .find((d) => d.date === '2026-03-14')!
      .cells.find((c) => c.windowId === windows['19'])!;
    expect(cell).toMatchObject({
      rostered: [staff.fulin],
      onDuty: [staff.fulin],
      open: ['08:30-11:30', '14:00-17:30'],
    });
    // 江涛 is on the Saturday service at window 17 that day.
    const clash = await admin.put('/api/schedule/roster', {
      centerId: county,
      windowId: windows['19'],
      days: ['2026-03-14'],
      staffIds: [staff.jiangtao],
    });
    expect([clash.statusCode, error(clash).code]).toEqual([409, 'SCHEDULE_ROSTER_CLASH']);
  });

  it('administrators add and remove an exception; officers may not', async () => {
    const body = {
      windowId: windows['19'],
      days: 'date',
      date: '2026-03-11',
      mode: 'close',
      note: '设备检修',
    };
    expect((await (await t.as('officer')).post('/api/schedule/hours-rules', body)).statusCode).toBe(403);
    const res = await admin.post('/api/schedule/hours-rules', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await isCategoryOpen(t.db, { categoryId: categories.K!, at: at('2026-03-11', '10:00') })).open,
    ).toBe(false);
    expect(
      (await admin.delete(`/api/schedule/hours-rules/${res.json<{ id: string }>().id}`)).statusCode,
    ).toBe(200);
    expect(
      (await isCategoryOpen(t.db, { categoryId: categories.K!, at: at('2026-03-11', '10:00') })).open,
    ).toBe(true);
    const bad = await admin.post('/api/schedule/hours-rules', {
      windowId: windows['19'],
      days: 'workday',
      mode: 'add',
      periods: [],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('publishes the window directory (窗口服务电话表) with hours, items and phones', async () => {
    const d = (await t.anon.get('/api/public/window-directory')).json<DirectoryView>();
    expect(d.hours).toBe('08:30-11:30, 14:00-17:30');
    const police = d.windows.find((w) => w.number === '7')!;
    expect(police.phone).not.toBe('');
    expect(police.hoursNotes, JSON.stringify(police.hoursNotes)).toEqual([
      '工作日 增加 11:30-14:00',
      '休息日（双休及节假日） 09:00-11:00, 14:00-16:00',
    ]);
    expect(police.items.length).toBeGreaterThan(0);
  });
});

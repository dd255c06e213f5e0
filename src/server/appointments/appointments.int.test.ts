import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import { isAppError } from '../../domain/errors';
import type {
  AppointmentView,
  BookableCategory,
  CheckInView,
  SlotsView,
} from '../../shared/contracts/appointments';
import { idNumber } from '../cases/cases.fixtures';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { TEST_NOW } from '../test/test-now';
import { markNoShows } from './appointments.jobs';
import { bookAppointment } from './appointments.service';

/**
 * Appointments through the real app, on PGlite and PostgreSQL (ONEWINDOW_TEST_DB). The test day is
 * Monday 2 March 2026, 09:00. Category 人社业务 (D) of 一楼大厅 is served by windows 11/12 (人社) and
 * the 全岗通 windows 1–6: eight officers, 4 visits an hour each, half of it for appointments.
 */
let t: TestApp;
let admin: Client;
let rs: BookableCategory;
let county: string;

const at = (date: string, time: string) => instantOfCivil(date, time);
const setClock = (d: Date) => t.clock.set(d, { freeze: true });
const error = (res: { json<T>(): T }) => res.json<{ error: { code: string; message: string } }>().error;
let seq = 0;
/** A fresh valid ID number and mobile phone per call. */
const person = () => {
  seq += 1;
  return {
    name: `测试${seq}`,
    idNumber: idNumber(
      `1990${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}`,
      String(100 + (seq % 900)),
    ),
    phone: `139${String(10_000_000 + seq).slice(-8)}`,
  };
};
const slotsOf = async (categoryId: string, from: string, to = from) =>
  (
    await t.anon.get(`/api/public/appointments/slots?categoryId=${categoryId}&from=${from}&to=${to}`)
  ).json<SlotsView>();
const book = (startsAt: Date, who = person(), categoryId = rs.id) =>
  t.anon.post('/api/public/appointments', { categoryId, startsAt: startsAt.toISOString(), ...who });
const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  const cats = (await t.anon.get('/api/public/appointments/categories')).json<BookableCategory[]>();
  rs = cats.find((c) => c.name === '人社业务')!;
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
});
afterAll(() => t.close());

describe('booking on the portal', () => {
  it('offers hourly slots from tomorrow to the 5th working day, with capacity from hours and roster', async () => {
    setClock(TEST_NOW);
    const s = (await t.anon.get(`/api/public/appointments/slots?categoryId=${rs.id}`)).json<SlotsView>();
    expect(s.lastDay).toBe('2026-03-09');
    expect(s.days[0]!.date).toBe('2026-03-03');
    const thu = s.days.find((d) => d.date === '2026-03-05')!;
    // Windows 1 and 3 serve over lunch (错时服务): the day is one stretch from 08:30 to 17:30.
    expect(thu.slots.map((x) => x.label)).toEqual([
      '08:30-09:30',
      '09:30-10:30',
      '10:30-11:30',
      '11:30-12:30',
      '12:30-13:30',
      '13:30-14:30',
      '14:30-15:30',
      '15:30-16:30',
      '16:30-17:30',
    ]);
    expect(thu.slots[0]!.capacity).toBe(16); // 8 officers × 4/h × 50 %
    expect(thu.slots[3]!.capacity).toBe(4); // lunch: windows 1 and 3 only
    expect(s.days.find((d) => d.date === '2026-03-07')!.slots).toEqual([]); // Saturday: no window of D serves
  });

  it('books with an ID number and phone, answers masked, and queues a confirmation SMS', async () => {
    setClock(TEST_NOW);
    const who = person();
    const res = await book(at('2026-03-04', '09:30'), who);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<AppointmentView>();
    expect(a).toMatchObject({
      status: 'booked',
      label: '09:30-10:30',
      day: '2026-03-04',
      cancelUntil: '2026-03-04T07:30:00+08:00',
    });
    expect(a.idNumber).toMatch(/^349901\*+\d{3}[\dX]$/);
    expect(a.code).toMatch(/^[A-Z2-9]{8}$/);
    const mine = (
      await t.anon.post('/api/public/appointments/lookup', { idNumber: who.idNumber, phone: who.phone })
    ).json<AppointmentView[]>();
    expect(mine.map((m) => m.code)).toEqual([a.code]);
    expect(
      await count('SELECT count(*)::int AS n FROM notification_outbox WHERE dedupe_key = $1', [
        `appointment:${a.id}:booked:sms`,
      ]),
    ).toBe(1);
  });
});

describe('500 concurrent bookings for the last 10 places', () => {
  it('never overbooks: exactly 10 succeed, the others are told the slot is full', async () => {
    setClock(TEST_NOW);
    const startsAt = at('2026-03-05', '10:30');
    const slot = (await slotsOf(rs.id, '2026-03-05')).days[0]!.slots.find((x) => x.label === '10:30-11:30')!;
    await t.db.query(
      'INSERT INTO appointment_slot_counts (category_id, starts_at, center_id, booked) VALUES ($1, $2, $3, $4)',
      [rs.id, startsAt, county, slot.capacity - 10],
    );
    const people = Array.from({ length: 500 }, () => person());
    const results = await Promise.allSettled(
      people.map((p) =>
        t.db.transaction((tx) =>
          bookAppointment(
            tx,
            { now: TEST_NOW, actor: null },
            { categoryId: rs.id, startsAt: startsAt.toISOString(), ...p },
          ),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const full = results.filter(
      (r) => r.status === 'rejected' && isAppError(r.reason) && r.reason.code === 'APPOINTMENT_SLOT_FULL',
    );
    expect(ok).toHaveLength(10);
    expect(full).toHaveLength(490);
    expect(
      await count('SELECT count(*)::int AS n FROM appointments WHERE category_id = $1 AND starts_at = $2', [
        rs.id,
        startsAt,
      ]),
    ).toBe(10);
    expect(
      await count(
        'SELECT booked AS n FROM appointment_slot_counts WHERE category_id = $1 AND starts_at = $2',
        [rs.id, startsAt],
      ),
    ).toBe(slot.capacity);
    // The refused bookers hold no place of their day either (nothing half-written).
    expect(
      await count(
        "SELECT count(*)::int AS n FROM appointment_person_days WHERE day = '2026-03-05' AND booked > 0",
        [],
      ),
    ).toBe(10);
  }, 180_000);
});

describe('bad input is refused with a clear error and nothing written', () => {
  it('a full slot', async () => {
    setClock(TEST_NOW);
    const res = await book(at('2026-03-05', '10:30'));
    expect(res.statusCode).toBe(409);
    expect(error(res)).toMatchObject({
      code: 'APPOINTMENT_SLOT_FULL',
      message: '2026-03-05 10:30-11:30 时段已约满，请选择其他时段',
    });
  });

  it('a second booking the same day, a day beyond the horizon, a slot that does not exist, a bad ID number', async () => {
    setClock(TEST_NOW);
    const who = person();
    expect((await book(at('2026-03-06', '08:30'), who)).statusCode).toBe(201);
    const again = await book(at('2026-03-06', '14:30'), who);
    expect([again.statusCode, error(again).code]).toEqual([409, 'APPOINTMENT_PER_DAY_LIMIT']);
    const far = await book(at('2026-03-10', '08:30'));
    expect([far.statusCode, error(far).code]).toEqual([422, 'APPOINTMENT_DAY_NOT_BOOKABLE']);
    const today = await book(at('2026-03-02', '14:30'));
    expect(error(today).code).toBe('APPOINTMENT_DAY_NOT_BOOKABLE');
    const odd = await book(at('2026-03-06', '09:00'));
    expect([odd.statusCode, error(odd).code]).toEqual([422, 'APPOINTMENT_NO_SUCH_SLOT']);
    const bad = await book(at('2026-03-06', '09:30'), { ...person(), idNumber: '349901199001011230' });
    expect([bad.statusCode, error(bad).code]).toEqual([400, 'INVALID_ID_NUMBER']);
  });

  it('cancelling too late; in time the place is given back', async () => {
    setClock(TEST_NOW);
    const who = person();
    const a = (await book(at('2026-03-03', '10:30'), who)).json<AppointmentView>();
    const before = (await slotsOf(rs.id, '2026-03-03')).days[0]!.slots.find(
      (x) => x.label === '10:30-11:30',
    )!.booked;
    setClock(at('2026-03-03', '08:31'));
    const late = await t.anon.post(`/api/public/appointments/${a.code}/cancel`, { phone: who.phone });
    expect([late.statusCode, error(late).code]).toEqual([409, 'APPOINTMENT_CANCEL_TOO_LATE']);
    expect(error(late).message).toContain('2026-03-03 08:30');
    setClock(at('2026-03-03', '08:30'));
    const wrongPhone = await t.anon.post(`/api/public/appointments/${a.code}/cancel`, {
      phone: '13900000000',
    });
    expect(wrongPhone.statusCode).toBe(404);
    const ok = await t.anon.post(`/api/public/appointments/${a.code}/cancel`, { phone: who.phone });
    expect(ok.json<AppointmentView>().status).toBe('cancelled');
    expect(
      (await slotsOf(rs.id, '2026-03-03')).days[0]!.slots.find((x) => x.label === '10:30-11:30')!.booked,
    ).toBe(before - 1);
  });
});

describe('no-shows and the blacklist', () => {
  it('a booking not checked in by the end of its slot becomes a no-show by the job, warned by SMS', async () => {
    setClock(TEST_NOW);
    const a = (await book(at('2026-03-03', '14:30'))).json<AppointmentView>();
    const status = async () =>
      (await t.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [a.id]))[0]!
        .status;
    await markNoShows(t.db, new Date(at('2026-03-03', '15:30').getTime() - 1));
    expect(await status()).toBe('booked');
    expect(await markNoShows(t.db, at('2026-03-03', '15:30'))).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.query<{ status: string; no_show_at: Date }>(
      'SELECT status, no_show_at FROM appointments WHERE id = $1',
      [a.id],
    );
    expect(row).toEqual({ status: 'no_show', no_show_at: at('2026-03-03', '15:30') });
    expect(
      await count(
        "SELECT count(*)::int AS n FROM appointment_events WHERE appointment_id = $1 AND type = 'no_show'",
        [a.id],
      ),
    ).toBe(1);
    expect(
      await count('SELECT count(*)::int AS n FROM notification_outbox WHERE dedupe_key = $1', [
        `appointment:${a.id}:no_show:sms`,
      ]),
    ).toBe(1);
    // Idempotent: a second tick finds nothing more for that slot.
    await markNoShows(t.db, at('2026-03-03', '15:31'));
    expect(
      await count(
        "SELECT count(*)::int AS n FROM appointment_events WHERE appointment_id = $1 AND type = 'no_show'",
        [a.id],
      ),
    ).toBe(1);
  });

  it('2 no-shows within 30 days bar booking for 30 days; nothing is written', async () => {
    const who = person();
    setClock(TEST_NOW);
    expect((await book(at('2026-03-04', '08:30'), who)).statusCode).toBe(201);
    await markNoShows(t.db, at('2026-03-04', '09:30'));
    setClock(at('2026-03-04', '12:00'));
    expect((await book(at('2026-03-05', '08:30'), who)).statusCode).toBe(201);
    await markNoShows(t.db, at('2026-03-05', '09:30'));
    setClock(at('2026-03-05', '12:00'));
    const before = await count('SELECT count(*)::int AS n FROM appointments', []);
    const res = await book(at('2026-03-06', '10:30'), who);
    expect(res.statusCode).toBe(403);
    expect(error(res)).toMatchObject({ code: 'APPOINTMENT_BLACKLISTED' });
    expect(error(res).message).toContain('2026-04-04 09:30');
    expect(await count('SELECT count(*)::int AS n FROM appointments', [])).toBe(before);
    const list = (await admin.get('/api/appointments/blacklist')).json<{ items: { idNumber: string }[] }>();
    expect(list.items.map((i) => i.idNumber)).toContain(who.idNumber);
  });
});

describe('check-in at the kiosk', () => {
  it('turns the booking into an appointment ticket that is called before earlier walk-ins of the category', async () => {
    setClock(TEST_NOW);
    const who = person();
    const a = (await book(at('2026-03-03', '09:30'), who)).json<AppointmentView>();
    const early = await t.anon.post('/api/public/appointments/check-in', { idNumber: who.idNumber });
    expect([early.statusCode, error(early).code]).toEqual([404, 'APPOINTMENT_NONE_TODAY']);

    const hallId = (await admin.get('/api/hall/halls'))
      .json<{ id: string; name: string }[]>()
      .find((h) => h.name === '一楼大厅')!.id;
    setClock(at('2026-03-03', '08:50'));
    const tooEarly = await t.anon.post('/api/public/appointments/check-in', { code: a.code });
    expect([tooEarly.statusCode, error(tooEarly).code]).toEqual([409, 'APPOINTMENT_CHECK_IN_TOO_EARLY']);
    for (const m of ['09:31', '09:32']) {
      setClock(at('2026-03-03', m));
      expect(
        (await t.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId: rs.id })).statusCode,
      ).toBe(201);
    }
    setClock(at('2026-03-03', '09:35'));
    const res = await t.anon.post('/api/public/appointments/check-in', { idNumber: who.idNumber });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<CheckInView>();
    expect(out.appointment.status).toBe('checked_in');
    expect(out.ticket.number).toMatch(/^D/);
    const again = await t.anon.post('/api/public/appointments/check-in', { code: a.code });
    expect([again.statusCode, error(again).code]).toEqual([409, 'APPOINTMENT_INVALID_STATE']);

    const luoqian = await t.as('luoqian');
    const w11 = (
      await t.db.query<{ id: string }>("SELECT id FROM windows WHERE center_id = $1 AND number = '11'", [
        county,
      ])
    )[0]!.id;
    setClock(at('2026-03-03', '09:36'));
    expect((await luoqian.post(`/api/hall/windows/${w11}/open`, {})).statusCode).toBe(200);
    const called = await luoqian.post(`/api/hall/windows/${w11}/call-next`, {});
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json<{ current: { number: string } | null }>().current?.number).toBe(out.ticket.number);
  });
});

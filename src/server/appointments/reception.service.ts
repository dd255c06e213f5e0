import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { civilDateOfInstant, formatInstant } from '../../domain/calendar';
import { parseCivilDate, weekdayOfDayNumber } from '../../domain/calendar/civil-time';
import { AppError } from '../../domain/errors';
import { assertCreditCode, isValidPhone, normalizePhone } from '../../domain/identity';
import type {
  ReceptionBookBody,
  ReceptionView,
  TimetableBody,
  TimetableView,
} from '../../shared/contracts/appointments';
import { recordAudit } from '../audit/audit.repository';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Queryable } from '../db/db';
import { findDepartment } from '../org/org.repository';
import { addDays } from '../schedule/schedule.engine';
import type { Ctx } from '../schedule/schedule.service';
import { enqueueNotices } from '../supervision/notify.repository';
import * as repo from './reception.repository';

/**
 * 企业接待制度 (seed 004): the center's leaders and the heads of the departments receive enterprises
 * in the reception room on a published timetable (《区企业接待室部门负责人接待时间表》). An enterprise
 * books a date of a timetable entry and states its matter; the meeting is recorded with the
 * department responsible and a follow-up deadline; supervisors see follow-ups that are overdue.
 */
const WEEKDAY_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];
/** How far ahead a reception can be booked. */
const HORIZON_DAYS = 30;

/** ISO weekday (1 = Monday … 7 = Sunday) of a civil date. */
export const isoWeekday = (date: string): number => {
  const wd = weekdayOfDayNumber(parseCivilDate(date)!);
  return wd === 0 ? 7 : wd;
};

/** The next dates of an entry: its weekday, working days only, from tomorrow within the horizon. */
export async function nextDates(
  q: Queryable,
  t: repo.TimetableRow,
  today: string,
  count: number,
): Promise<string[]> {
  const calendar = await getCalendarIndex(q, t.center_id);
  const out: string[] = [];
  for (
    let d = addDays(today, 1);
    out.length < count && d <= addDays(today, HORIZON_DAYS);
    d = addDays(d, 1)
  ) {
    if (isoWeekday(d) !== t.weekday) continue;
    try {
      if (calendar.isWorkday(d)) out.push(d);
    } catch {
      break; // a year without a calendar is never guessed
    }
  }
  return out;
}

export async function timetableViews(
  q: Queryable,
  rows: readonly repo.TimetableRow[],
  now: Date,
): Promise<TimetableView[]> {
  const today = civilDateOfInstant(now.getTime());
  const dates = new Map<string, string[]>();
  for (const t of rows) dates.set(t.id, t.active ? await nextDates(q, t, today, 4) : []);
  const taken = await repo.takenPlaces(
    q,
    rows.map((t) => t.id),
    today,
    addDays(today, HORIZON_DAYS),
  );
  const n = new Map(taken.map((x) => [`${x.timetable_id}|${x.day}`, x.n]));
  return rows.map((t) => ({
    id: t.id,
    centerId: t.center_id,
    leaderName: t.leader_name,
    leaderTitle: t.leader_title,
    departmentId: t.department_id,
    departmentName: t.department_name,
    weekday: t.weekday,
    startTime: t.start_time,
    endTime: t.end_time,
    room: t.room,
    capacity: t.capacity,
    active: t.active,
    next: (dates.get(t.id) ?? []).map((date) => ({
      date,
      left: Math.max(0, t.capacity - (n.get(`${t.id}|${date}`) ?? 0)),
    })),
  }));
}

async function checkDepartment(q: Queryable, ctx: Ctx, id: string | null, centerId: string, field: string) {
  if (!id) return;
  const d = await findDepartment(q, ctx.actor.centerPath, id);
  if (!d || d.center_id !== centerId)
    throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.same_center' });
}

const toWrite = (input: z.output<typeof TimetableBody>) => ({
  center_id: input.centerId,
  leader_name: input.leaderName,
  leader_title: input.leaderTitle,
  department_id: input.departmentId,
  weekday: input.weekday,
  start_time: input.startTime,
  end_time: input.endTime,
  room: input.room,
  capacity: input.capacity,
  active: input.active,
});

export async function saveTimetable(
  q: Queryable,
  ctx: Ctx,
  id: string | null,
  input: z.output<typeof TimetableBody>,
) {
  await checkDepartment(q, ctx, input.departmentId, input.centerId, 'departmentId');
  let before: repo.TimetableRow | null = null;
  if (id) {
    before = (await repo.findTimetable(q, id, ctx.actor.centerPath)) ?? null;
    if (!before || before.center_id !== input.centerId)
      throw new AppError('NOT_FOUND', { entity: 'timetable' });
    await repo.updateTimetable(q, id, toWrite(input), ctx.now);
  } else id = await repo.insertTimetable(q, toWrite(input), ctx.now);
  const after = (await repo.findTimetable(q, id, ctx.actor.centerPath))!;
  await recordAudit(q, {
    centerId: input.centerId,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    action: before ? 'update' : 'create',
    entity: 'reception_timetable',
    entityId: id,
    before,
    after,
    at: ctx.now,
  });
  return after;
}

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An enterprise books a date of a timetable entry (public). The entry row is locked: places never run over. */
export async function bookReception(
  q: Queryable,
  now: Date,
  input: z.output<typeof ReceptionBookBody>,
): Promise<string> {
  assertCreditCode(input.creditCode, 'creditCode');
  if (!isValidPhone(input.phone)) throw new AppError('VALIDATION_FAILED', {}, { phone: 'rule.phone' });
  const t = await repo.findTimetable(q, input.timetableId, null, true);
  if (!t || !t.active) throw new AppError('NOT_FOUND', { entity: 'timetable' });
  const today = civilDateOfInstant(now.getTime());
  const leader = `${t.leader_title}${t.leader_name}`;
  if (!(await nextDates(q, t, today, 10)).includes(input.date))
    throw new AppError('RECEPTION_WRONG_DAY', {
      leader,
      weekday: WEEKDAY_ZH[t.weekday] ?? '',
      date: input.date,
    });
  const [taken] = await repo.takenPlaces(q, [t.id], input.date, input.date);
  if ((taken?.n ?? 0) >= t.capacity) throw new AppError('RECEPTION_FULL', { leader, date: input.date });
  const code = Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');
  const id = await repo.insertReception(q, {
    centerId: t.center_id,
    timetableId: t.id,
    day: input.date,
    code,
    creditCode: input.creditCode,
    enterpriseName: input.enterpriseName,
    contactName: input.contactName,
    phone: normalizePhone(input.phone),
    matter: input.matter,
    now,
  });
  await enqueueNotices(
    q,
    [
      {
        centerId: t.center_id,
        userId: null,
        channel: 'sms',
        address: normalizePhone(input.phone),
        kind: 'reception_booked',
        title: '企业接待预约成功',
        body: `${input.enterpriseName}：已预约 ${input.date} ${t.start_time}-${t.end_time} 由${leader}在${t.room}接待，预约码 ${code}。`,
        link: '',
        dedupeKey: `reception:${id}:booked`,
      },
    ],
    now,
  );
  return id;
}

export async function recordMeeting(
  q: Queryable,
  ctx: Ctx,
  id: string,
  input: { record: string; responsibleDepartmentId: string | null; followUpDue: string | null },
) {
  const b = await repo.findReception(q, id, ctx.actor.centerPath, true);
  if (!b) throw new AppError('NOT_FOUND', { entity: 'reception' });
  if (b.status === 'cancelled') throw new AppError('RECEPTION_INVALID_STATE', { status: '已取消' });
  await checkDepartment(q, ctx, input.responsibleDepartmentId, b.center_id, 'responsibleDepartmentId');
  if (input.followUpDue && !input.responsibleDepartmentId)
    throw new AppError('VALIDATION_FAILED', {}, { responsibleDepartmentId: 'rule.required' });
  await repo.recordReception(q, id, {
    record: input.record,
    by: ctx.actor.displayName,
    departmentId: input.responsibleDepartmentId,
    due: input.followUpDue,
    now: ctx.now,
  });
}

export async function recordFollowUp(q: Queryable, ctx: Ctx, id: string, result: string) {
  const b = await repo.findReception(q, id, ctx.actor.centerPath, true);
  if (!b) throw new AppError('NOT_FOUND', { entity: 'reception' });
  if (b.status !== 'held' || !b.follow_up_due)
    throw new AppError('RECEPTION_INVALID_STATE', { status: b.status === 'held' ? '无需跟进' : '未接待' });
  await repo.recordFollowUp(q, id, { result, by: ctx.actor.displayName, now: ctx.now });
}

export function presentReception(b: repo.ReceptionRow, today: string): ReceptionView {
  return {
    id: b.id,
    code: b.code,
    timetableId: b.timetable_id,
    leaderName: b.leader_name,
    leaderTitle: b.leader_title,
    date: b.day,
    time: `${b.start_time}-${b.end_time}`,
    room: b.room,
    creditCode: b.credit_code,
    enterpriseName: b.enterprise_name,
    contactName: b.contact_name,
    phone: b.phone,
    matter: b.matter,
    status: b.status,
    record: b.record,
    recordedByName: b.recorded_by_name,
    responsibleDepartmentId: b.responsible_department_id,
    responsibleDepartmentName: b.responsible_department_name,
    followUpDue: b.follow_up_due,
    followUpResult: b.follow_up_result,
    followUpDoneAt: b.follow_up_done_at ? formatInstant(b.follow_up_done_at.getTime()) : null,
    overdue: Boolean(b.follow_up_due && !b.follow_up_done_at && b.follow_up_due < today),
  };
}

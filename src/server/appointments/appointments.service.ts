import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { civilDateOfInstant, formatInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { assertIdNumber, isValidPhone, normalizeIdNumber, normalizePhone } from '../../domain/identity';
import {
  blacklistStatus,
  canCancel,
  cancellationDeadline,
  checkInProblem,
  checkInWindow,
  type AppointmentPolicy,
} from '../../domain/schedule';
import { appointmentStatusLabels, type BookBody } from '../../shared/contracts/appointments';
import type { Db, Queryable } from '../db/db';
import { requireHall } from '../hall/hall.common';
import { withFeed } from '../hall/hall.feed';
import { issueTicket } from '../hall/tickets.service';
import type { Actor } from '../http/actor';
import { loadSchedule } from '../schedule/schedule.engine';
import { findCategoryInfo } from '../schedule/schedule.repository';
import { notifyAppointment } from './appointments.notify';
import * as repo from './appointments.repository';
import { loadSettings } from './appointments.settings';
import { requireBookableSlot } from './appointments.slots';

/**
 * Booking, cancelling and checking in (预约 → 签到取号). A booking is one transaction: the rules
 * (horizon, blacklist, the slot exists), then one place of the person's day and one place of the slot
 * by conditional increments (never overbooked, see the repository), then the row, its event and the
 * SMS in the outbox. A refused booking writes nothing.
 */
export interface BookCtx {
  now: Date;
  /** The staff member booking for someone (channel staff), an applicant account, or nobody. */
  actor: Actor | null;
}

const DAY_MS = 86_400_000;
const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');
const local = (d: Date | number) =>
  formatInstant(typeof d === 'number' ? d : d.getTime())
    .slice(0, 16)
    .replace('T', ' ');

/** Normalised, checked identity: the ID number (GB 11643 check) and a phone. */
export function checkIdentity(idNumber: string, phone: string, now: Date) {
  const id = normalizeIdNumber(idNumber);
  assertIdNumber(id, 'idNumber', { today: civilDateOfInstant(now.getTime()) });
  if (!isValidPhone(phone)) throw new AppError('VALIDATION_FAILED', {}, { phone: 'rule.phone' });
  return { idNumber: id, phone: normalizePhone(phone) };
}

export async function assertNotBlacklisted(
  q: Queryable,
  p: { centerId: string; idNumber: string; phone: string; now: Date; policy: AppointmentPolicy },
): Promise<void> {
  const since = new Date(p.now.getTime() - (p.policy.noShowWindowDays + p.policy.blacklistDays) * DAY_MS);
  const rows = await repo.noShowsOf(q, p.centerId, p.idNumber, p.phone, since);
  const s = blacklistStatus(
    rows.map((r) => r.no_show_at.getTime()),
    p.now.getTime(),
    p.policy,
  );
  if (s.blocked)
    throw new AppError('APPOINTMENT_BLACKLISTED', {
      days: p.policy.noShowWindowDays,
      count: Math.max(p.policy.noShowLimit, s.recentNoShows),
      until: local(s.untilMs!),
    });
}

export async function bookAppointment(
  q: Queryable,
  ctx: BookCtx,
  input: z.output<typeof BookBody>,
): Promise<repo.AppointmentRow> {
  const category = await findCategoryInfo(q, input.categoryId);
  if (!category) throw new AppError('NOT_FOUND', { entity: 'category' });
  if (!category.active || category.item_ids.length === 0)
    throw new AppError('APPOINTMENT_CATEGORY_NOT_BOOKABLE', { name: category.name });
  const who = checkIdentity(input.idNumber, input.phone, ctx.now);
  const { policy } = await loadSettings(q, category.center_id);
  const startsAt = new Date(input.startsAt);
  const date = civilDateOfInstant(startsAt.getTime());
  const data = await loadSchedule(q, category.center_id, date, date, category.item_ids);
  const slot = requireBookableSlot(data, category, startsAt, ctx.now, policy);
  await assertNotBlacklisted(q, { centerId: category.center_id, ...who, now: ctx.now, policy });

  // Person first, slot second, in every booking: a fixed lock order, so no two bookings deadlock.
  const personOk = await repo.takePersonDay(q, {
    centerId: category.center_id,
    idNumber: who.idNumber,
    day: date,
    max: policy.maxPerPersonPerDay,
  });
  if (!personOk) throw new AppError('APPOINTMENT_PER_DAY_LIMIT', { max: policy.maxPerPersonPerDay, date });
  const placeOk = await repo.takePlace(q, {
    categoryId: category.id,
    startsAt,
    centerId: category.center_id,
    capacity: slot.capacity,
  });
  if (!placeOk) throw new AppError('APPOINTMENT_SLOT_FULL', { time: `${date} ${slot.label}` });

  let code = newCode();
  while (await repo.codeTaken(q, code)) code = newCode();
  const staff = ctx.actor?.staffId ? ctx.actor : null;
  const id = await repo.insertAppointment(q, {
    centerId: category.center_id,
    categoryId: category.id,
    code,
    idNumber: who.idNumber,
    name: input.name,
    phone: who.phone,
    day: date,
    startsAt,
    endsAt: slot.endsAt,
    channel: staff ? 'staff' : 'portal',
    userId: ctx.actor && !staff ? ctx.actor.userId : null,
    now: ctx.now,
  });
  await repo.insertEvent(q, {
    appointmentId: id,
    centerId: category.center_id,
    type: 'book',
    from: null,
    to: 'booked',
    actor: ctx.actor?.displayName ?? input.name,
    at: ctx.now,
  });
  const row = (await repo.findById(q, id))!;
  await notifyAppointment(q, 'booked', row, ctx.now);
  return row;
}

function invalidState(a: repo.AppointmentRow, action: { zh: string; en: string }): AppError {
  const l = appointmentStatusLabels[a.status];
  return new AppError('APPOINTMENT_INVALID_STATE', {
    statusZh: l.zh,
    statusEn: l.en,
    actionZh: action.zh,
    actionEn: action.en,
  });
}
const CANCEL = { zh: '取消', en: 'cancel' };
const CHECK_IN = { zh: '签到', en: 'check in' };

async function cancel(q: Queryable, a: repo.AppointmentRow, actorName: string, reason: string, now: Date) {
  await repo.setStatus(q, a.id, { status: 'cancelled', at: now, reason });
  await repo.releasePlace(q, a.category_id, a.starts_at);
  await repo.releasePersonDay(q, a.center_id, a.id_number, a.day);
  await repo.insertEvent(q, {
    appointmentId: a.id,
    centerId: a.center_id,
    type: 'cancel',
    from: a.status,
    to: 'cancelled',
    actor: actorName,
    note: reason,
    at: now,
  });
  await notifyAppointment(q, 'cancelled', a, now);
}

/**
 * The person cancels with the booking code and the phone given at booking, up to `cancelBeforeHours`
 * before the slot (a later cancellation is refused: the place could no longer be given to someone).
 */
export async function cancelByCode(
  q: Queryable,
  ctx: BookCtx,
  p: { code: string; phone: string; reason: string },
): Promise<repo.AppointmentRow> {
  const a = await repo.findByCode(q, p.code.toUpperCase(), true);
  if (!a || a.phone !== normalizePhone(p.phone)) throw new AppError('NOT_FOUND', { entity: 'appointment' });
  if (a.status !== 'booked') throw invalidState(a, CANCEL);
  const { policy } = await loadSettings(q, a.center_id);
  if (!canCancel(a.starts_at.getTime(), ctx.now.getTime(), policy))
    throw new AppError('APPOINTMENT_CANCEL_TOO_LATE', {
      hours: policy.cancelBeforeHours,
      deadline: local(cancellationDeadline(a.starts_at.getTime(), policy)),
    });
  await cancel(q, a, ctx.actor?.displayName ?? a.name, p.reason, ctx.now);
  return (await repo.findById(q, a.id))!;
}

/** Staff cancel at any time before the slot ends, with a reason (e.g. the window cannot open). */
export async function cancelByStaff(
  q: Queryable,
  ctx: BookCtx & { actor: Actor & { centerPath: string } },
  id: string,
  reason: string,
): Promise<repo.AppointmentRow> {
  const a = await repo.findById(q, id, true);
  if (!a || !(await inScope(q, a.center_id, ctx.actor.centerPath)))
    throw new AppError('NOT_FOUND', { entity: 'appointment' });
  if (a.status !== 'booked') throw invalidState(a, CANCEL);
  await cancel(q, a, ctx.actor.displayName, reason, ctx.now);
  return (await repo.findById(q, a.id))!;
}

const inScope = async (q: Queryable, centerId: string, scopePath: string) =>
  (await q.query("SELECT 1 FROM centers WHERE id = $1 AND path LIKE $2 || '%'", [centerId, scopePath]))
    .length > 0;

/**
 * Check-in at the kiosk (or the guide desk): the booking of today found by its code or by the ID
 * number becomes an appointment ticket of its category, issued by the hall (`issueTicket`) in the
 * same transaction. The hall calls a due appointment ticket before walk-ins (预约到时优先).
 */
export async function checkIn(
  db: Db,
  ctx: BookCtx,
  p: { centerId?: string | undefined; idNumber?: string | undefined; code?: string | undefined },
): Promise<{ appointment: repo.AppointmentRow; ticketId: string; policy: AppointmentPolicy }> {
  return withFeed(db, async (tx, outbox) => {
    const today = civilDateOfInstant(ctx.now.getTime());
    let a: repo.AppointmentRow | undefined;
    if (p.code) {
      a = await repo.findByCode(tx, p.code.toUpperCase(), true);
      if (!a || a.day !== today) throw new AppError('APPOINTMENT_NONE_TODAY');
    } else {
      const idNumber = normalizeIdNumber(p.idNumber ?? '');
      const open = await tx.query<{ id: string }>(
        `SELECT id FROM appointments WHERE id_number = $1 AND day = $2 AND status = 'booked'
           AND ($3::uuid IS NULL OR center_id = $3) ORDER BY starts_at`,
        [idNumber, today, p.centerId ?? null],
      );
      const candidates = [];
      for (const o of open) candidates.push((await repo.findById(tx, o.id, true))!);
      // The current or next booking of the day (it says when to come back), else the last one.
      a =
        candidates.find((c) => c.ends_at.getTime() > ctx.now.getTime()) ?? candidates[candidates.length - 1];
      if (!a) throw new AppError('APPOINTMENT_NONE_TODAY');
    }
    if (a.status !== 'booked') throw invalidState(a, CHECK_IN);
    const { policy } = await loadSettings(tx, a.center_id);
    const problem = checkInProblem(a.starts_at.getTime(), a.ends_at.getTime(), ctx.now.getTime(), policy);
    const slot = `${local(a.starts_at)}-${local(a.ends_at).slice(11)}`;
    if (problem === 'too_early')
      throw new AppError('APPOINTMENT_CHECK_IN_TOO_EARLY', {
        slot,
        from: local(checkInWindow(a.starts_at.getTime(), a.ends_at.getTime(), policy).fromMs),
      });
    if (problem === 'too_late') throw new AppError('APPOINTMENT_CHECK_IN_TOO_LATE', { slot });
    const hall = await requireHall(tx, a.hall_id, null);
    const staff =
      ctx.actor?.centerId && ctx.actor.centerPath
        ? (ctx.actor as Actor & { centerId: string; centerPath: string })
        : null;
    const ticketId = await issueTicket(
      tx,
      outbox,
      { now: ctx.now, actor: staff },
      {
        hall,
        categoryId: a.category_id,
        channel: 'appointment',
        appointmentAt: a.starts_at,
      },
    );
    await repo.setStatus(tx, a.id, { status: 'checked_in', at: ctx.now, ticketId });
    await repo.insertEvent(tx, {
      appointmentId: a.id,
      centerId: a.center_id,
      type: 'check_in',
      from: 'booked',
      to: 'checked_in',
      actor: ctx.actor?.displayName ?? '取号机',
      at: ctx.now,
    });
    return { appointment: (await repo.findById(tx, a.id))!, ticketId, policy };
  });
}

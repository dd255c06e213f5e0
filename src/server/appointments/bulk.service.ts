import type { z } from 'zod';
import { civilDateOfInstant, instantOfCivil } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { assertCreditCode, isValidPhone, normalizePhone } from '../../domain/identity';
import { dutySegments, hhmm, proposeBulkBlocks, type BulkDay, type Interval } from '../../domain/schedule';
import { parseHhmm } from '../../domain/calendar/civil-time';
import {
  bulkStatusLabels,
  type BulkBlock,
  type BulkConfirmBody,
  type BulkCreate,
  type RosterIssue,
} from '../../shared/contracts/appointments';
import type { Lang } from '../../shared/errors';
import { getCalendarIndex } from '../calendar/calendar.service';
import { receiveCaseInTransaction } from '../cases/receive.service';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import { enqueueNotices } from '../supervision/notify.repository';
import { addDays, loadSchedule, windowDuty, type ScheduleData } from '../schedule/schedule.engine';
import * as schedRepo from '../schedule/schedule.repository';
import * as repo from './bulk.repository';
import { parseRoster } from './bulk.roster';
import { loadSettings } from './appointments.settings';

/**
 * 批量办证服务室 (seed 004): "当企业单种审批数量超过xx件时 … 由中心约定接待时间（一般约定在企业来电的
 * 当天或次日），并根据相关窗口当时业务量的高低和企业需要办理数量的多少，组织工作人员在服务室单独为该企业
 * 提供审批服务". Request → proposals (domain/schedule/bulk-proposal) → staff confirm a plan (the
 * officers are recorded absent from their windows for the blocks, so slots and the kiosk see it) →
 * the enterprise uploads its roster → on the day each row is received as a case at the room's window.
 */
export type Scoped = Actor & { centerId: string; centerPath: string };
export interface BulkCtx {
  actor: Actor;
  now: Date;
}

const DAY_MS = 86_400_000;
/** Candidate days for a block: today and the next working days (当天或次日, and one more). */
const CANDIDATE_WORKDAYS = 2;

const invalidState = (b: repo.BulkRow, action: { zh: string; en: string }) =>
  new AppError('BULK_INVALID_STATE', {
    statusZh: bulkStatusLabels[b.status].zh,
    statusEn: bulkStatusLabels[b.status].en,
    actionZh: action.zh,
    actionEn: action.en,
  });

export async function createBulk(
  q: Queryable,
  ctx: BulkCtx,
  centerId: string,
  input: z.output<typeof BulkCreate>,
): Promise<string> {
  assertCreditCode(input.creditCode, 'creditCode');
  if (!isValidPhone(input.phone)) throw new AppError('VALIDATION_FAILED', {}, { phone: 'rule.phone' });
  const item = await q.query<{ id: string }>('SELECT id FROM items WHERE id = $1 AND center_id = $2', [
    input.itemId,
    centerId,
  ]);
  if (item.length === 0) throw new AppError('NOT_FOUND', { entity: 'item' });
  const { policy } = await loadSettings(q, centerId);
  if (input.count <= policy.bulkThreshold)
    throw new AppError(
      'BULK_BELOW_THRESHOLD',
      { threshold: policy.bulkThreshold, count: input.count },
      { count: 'rule.bulk_threshold' },
    );
  const day = civilDateOfInstant(ctx.now.getTime());
  const dayStart = instantOfCivil(day);
  const number = await repo.nextBulkNumber(q, centerId, day, dayStart, new Date(dayStart.getTime() + DAY_MS));
  return repo.insertBulk(q, {
    centerId,
    number,
    creditCode: input.creditCode,
    enterpriseName: input.enterpriseName,
    contactName: input.contactName,
    phone: normalizePhone(input.phone),
    itemId: input.itemId,
    count: input.count,
    note: input.note,
    userId: ctx.actor.applicantId ? ctx.actor.userId : null,
    now: ctx.now,
  });
}

/** Where each skilled officer is on duty on a day (own window, or the center hours when posted nowhere). */
function officerFreeTime(data: ScheduleData, staffId: string, date: string): Interval[] {
  const staff = data.staff.find((s) => s.id === staffId);
  if (!staff?.active) return [];
  const free: Interval[] = [];
  for (const w of data.windows)
    for (const s of windowDuty(data, w.id, date).segments) if (s.staffIds.includes(staffId)) free.push(s);
  if (free.length > 0 || staff.window_id) return free;
  const day = { date, isWorkday: data.calendar.isWorkday(date), name: data.calendar.dayName(date) };
  // A back-office officer: on duty through the center hours, minus their absences.
  return dutySegments({
    windowId: `back-office:${staffId}`,
    dayStartMs: instantOfCivil(date).getTime(),
    isWorkday: day.isWorkday,
    open: data.centerDay(day),
    rostered: null,
    assigned: [staffId],
    absences: data.absences,
    substitutions: [],
  });
}

export async function bulkProposals(q: Queryable, b: repo.BulkRow, now: Date) {
  if (b.status !== 'requested' && b.status !== 'confirmed')
    throw invalidState(b, { zh: '安排时段', en: 'plan' });
  const { policy, bulkRoomWindowId } = await loadSettings(q, b.center_id);
  if (!bulkRoomWindowId) throw new AppError('BULK_NO_ROOM');
  const today = civilDateOfInstant(now.getTime());
  const last = (await getCalendarIndex(q, b.center_id)).addWorkingDays(today, CANDIDATE_WORKDAYS, 'date');
  const data = await loadSchedule(q, b.center_id, today, last, [b.item_id]);
  const dates: string[] = [];
  for (let d = today; d <= last; d = addDays(d, 1)) dates.push(d);
  const skilled = data.staff
    .filter((s) => s.active && data.staffItems.get(s.id)?.has(b.item_id))
    .map((s) => s.id);
  const load = await expectedLoad(q, b.center_id, dates, now);
  const nowMinute = Math.ceil((now.getTime() - instantOfCivil(today).getTime()) / 60_000);
  const days: BulkDay[] = dates.map((date) => ({
    date,
    // Today only from now on.
    open: windowDuty(data, bulkRoomWindowId, date).open.map((iv) =>
      date === today ? { start: Math.max(iv.start, nowMinute), end: iv.end } : iv,
    ),
    officers: skilled.map((staffId) => ({ staffId, free: officerFreeTime(data, staffId, date) })),
    loadByHour: load.get(date) ?? [],
  }));
  const names = new Map(data.staff.map((s) => [s.id, s.name]));
  const proposals = proposeBulkBlocks({
    count: b.count,
    minutesPerCase: policy.bulkMinutesPerCase,
    days,
    maxOfficers: policy.bulkMaxOfficers,
  });
  return {
    proposals: proposals.map((p) => ({
      cost: p.cost,
      blocks: p.blocks.map((x) => ({
        date: x.date,
        start: hhmm(x.start),
        end: hhmm(x.end),
        staffIds: [...x.staffIds],
        staffNames: x.staffIds.map((id) => names.get(id) ?? ''),
        cases: x.cases,
      })),
    })),
  };
}

/** Expected visits per hour of each day: tickets of the same weekday over the last 4 weeks, plus bookings. */
async function expectedLoad(
  q: Queryable,
  centerId: string,
  dates: string[],
  now: Date,
): Promise<Map<string, number[]>> {
  const WEEKS = 4;
  const hist = await repo.ticketLoad(q, centerId, new Date(now.getTime() - WEEKS * 7 * DAY_MS), now);
  const booked = await repo.bookedLoad(q, centerId, dates);
  const out = new Map<string, number[]>();
  for (const date of dates) {
    const dow = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const hours = Array.from({ length: 24 }, () => 0);
    for (const h of hist) if (h.dow === dow) hours[h.hour] = (hours[h.hour] ?? 0) + h.n / WEEKS;
    for (const x of booked) if (x.day === date) hours[x.hour] = (hours[x.hour] ?? 0) + x.n;
    out.set(date, hours);
  }
  return out;
}

const blockNote = (b: repo.BulkRow) => `批量办证 ${b.number}`;

export async function confirmBulk(
  q: Queryable,
  ctx: BulkCtx & { actor: Scoped },
  b: repo.BulkRow,
  input: z.output<typeof BulkConfirmBody>,
) {
  if (b.status !== 'requested' && b.status !== 'confirmed')
    throw invalidState(b, { zh: '确认时段', en: 'confirm' });
  const { bulkRoomWindowId } = await loadSettings(q, b.center_id);
  if (!bulkRoomWindowId) throw new AppError('BULK_NO_ROOM');
  const sum = input.blocks.reduce((s, x) => s + x.cases, 0);
  if (sum !== b.count) throw new AppError('BULK_BLOCKS_COUNT', { sum, count: b.count });
  const staffIds = [...new Set(input.blocks.flatMap((x) => x.staffIds))];
  const ok = await q.query<{ id: string }>(
    'SELECT id FROM staff WHERE center_id = $1 AND id = ANY($2::uuid[])',
    [b.center_id, staffIds],
  );
  if (ok.length !== staffIds.length)
    throw new AppError('VALIDATION_FAILED', {}, { blocks: 'rule.same_center' });
  input.blocks.forEach((x, i) => {
    const s = parseHhmm(x.start);
    const e = parseHhmm(x.end);
    if (s === null || e === null || e <= s)
      throw new AppError('VALIDATION_FAILED', {}, { [`blocks.${i}.end`]: 'rule.after_from' });
  });
  // A re-plan replaces the officers' earlier room time.
  await cancelRoomAbsences(q, b, ctx.now);
  const blocks = [...input.blocks].sort((x, y) => (x.date + x.start < y.date + y.start ? -1 : 1));
  for (const x of blocks)
    for (const staffId of x.staffIds)
      await schedRepo.insertAbsence(q, {
        centerId: b.center_id,
        staffId,
        kind: 'other',
        from: instantOfCivil(x.date, x.start),
        to: instantOfCivil(x.date, x.end),
        note: blockNote(b),
        by: ctx.actor.displayName,
        now: ctx.now,
      });
  await repo.confirmBulk(q, b.id, {
    roomWindowId: bulkRoomWindowId,
    blocks,
    by: ctx.actor.displayName,
    now: ctx.now,
  });
  const first = blocks[0]!;
  await enqueueNotices(
    q,
    [
      {
        centerId: b.center_id,
        userId: null,
        channel: 'sms',
        address: b.phone,
        kind: 'bulk_confirmed',
        title: '批量办证预约已确认',
        body: `${b.enterprise_name}：您申请的「${b.item_name}」${b.count} 件已安排在批量办证服务室，${first.date} ${first.start} 起办理（共 ${blocks.length} 个时段）。请提前上传人员名册。`,
        link: '',
        dedupeKey: `bulk:${b.id}:confirmed:${ctx.now.getTime()}`,
      },
    ],
    ctx.now,
  );
}

async function cancelRoomAbsences(q: Queryable, b: repo.BulkRow, now: Date) {
  await q.query(
    `UPDATE staff_absences SET cancelled_at = $3 WHERE center_id = $1 AND note = $2 AND kind = 'other' AND cancelled_at IS NULL`,
    [b.center_id, blockNote(b), now],
  );
}

export async function cancelBulk(q: Queryable, b: repo.BulkRow, now: Date) {
  if (b.status !== 'requested' && b.status !== 'confirmed')
    throw invalidState(b, { zh: '取消', en: 'cancel' });
  await cancelRoomAbsences(q, b, now);
  await repo.setBulkStatus(q, b.id, 'cancelled', now);
}

/** Take the roster whole or not at all; rows are spread over the blocks in order. */
export async function uploadRoster(
  q: Queryable,
  b: repo.BulkRow,
  file: Buffer,
  now: Date,
  lang: Lang,
): Promise<{ accepted: number; rejected: RosterIssue[] }> {
  if (b.status !== 'confirmed') throw invalidState(b, { zh: '上传名册', en: 'upload a roster' });
  if (b.received_rows > 0) throw invalidState(b, { zh: '更换名册', en: 'replace the roster' });
  const { lines, issues } = await parseRoster(file, b.count, civilDateOfInstant(now.getTime()), lang);
  if (issues.length > 0) return { accepted: 0, rejected: issues };
  const slots: string[] = (b.blocks ?? []).flatMap((x: BulkBlock) =>
    Array.from({ length: x.cases }, () => x.date),
  );
  await repo.replaceRoster(
    q,
    b.id,
    b.center_id,
    lines.map((l, i) => ({ ...l, plannedDate: slots[i] ?? slots[slots.length - 1]! })),
    now,
  );
  return { accepted: lines.length, rejected: [] };
}

/**
 * On a block's day, at the room: every roster row planned for today (or earlier and not yet received)
 * becomes a received case at the room's window, through the cases feature's `receiveCaseInTransaction`, in one
 * transaction (all rows or none).
 */
export async function receiveBulkDay(q: Queryable, ctx: BulkCtx, b: repo.BulkRow, date: string | undefined) {
  if (b.status !== 'confirmed') throw invalidState(b, { zh: '收件', en: 'receive' });
  const today = date ?? civilDateOfInstant(ctx.now.getTime());
  const dates = [...new Set((b.blocks ?? []).map((x) => x.date))];
  if (!dates.includes(today)) throw new AppError('BULK_NOT_THE_DAY', { today, dates: dates.join('、') });
  const roster = await repo.listRoster(q, b.id);
  if (roster.length === 0) throw new AppError('BULK_NO_ROSTER');
  const cases: { rowNo: number; caseId: string; caseNumber: string }[] = [];
  for (const r of roster) {
    if (r.case_id || r.planned_date > today) continue;
    const { row } = await receiveCaseInTransaction(q, ctx, {
      decision: 'receive',
      itemId: b.item_id,
      windowId: b.room_window_id ?? undefined,
      channel: 'counter',
      applicant: {
        kind: 'person',
        name: r.name,
        idType: 'resident_id',
        idNumber: r.id_number,
        phone: r.phone,
        address: '',
        legalRepresentative: '',
      },
      subject: [b.enterprise_name, r.subject].filter(Boolean).join(' · ').slice(0, 300),
      materials: [],
    });
    await repo.setRowCase(q, b.id, r.row_no, row.id);
    cases.push({ rowNo: r.row_no, caseId: row.id, caseNumber: row.number });
  }
  if (roster.every((r) => r.case_id || cases.some((c) => c.rowNo === r.row_no)))
    await repo.setBulkStatus(q, b.id, 'received', ctx.now);
  return { received: cases.length, cases };
}

import { AppError } from '../../domain/errors';
import { businessDate, pickNext, transitionTicket, type QueueEntry } from '../../domain/queue';
import type { Queryable } from '../db/db';
import type { FeedOutbox } from './hall.feed';
import {
  actorName,
  boardWindowOf,
  feedCall,
  requireHall,
  requireHallWindow,
  requireToday,
  type HallCtx,
} from './hall.common';
import * as repo from './hall.repository';
import { loadHallState } from './hall.state';
import * as tickets from './tickets.repository';

/**
 * A window's duty (上岗 / 暂停服务 / 下岗) and calling (叫号). Every operation on a window first locks
 * its duty row, so a double click on "call next" never calls two tickets to one window.
 */
type StaffCtx = HallCtx & { actor: NonNullable<HallCtx['actor']> };

function staffIdOf(ctx: StaffCtx): string {
  if (!ctx.actor.staffId) throw new AppError('FORBIDDEN');
  return ctx.actor.staffId;
}

async function lockWindow(q: Queryable, ctx: StaffCtx, windowId: string) {
  const w = await requireHallWindow(q, windowId, ctx.actor.centerPath);
  const state = await repo.lockWindowState(q, w.id, w.center_id, ctx.now);
  return { w, state };
}

async function feedWindow(q: Queryable, outbox: FeedOutbox, ctx: HallCtx, windowId: string, hallId: string) {
  const fresh = (await repo.findWindowWithHall(q, windowId, null))!;
  const board = await boardWindowOf(q, fresh, businessDate(ctx.now));
  await outbox.append(q, hallId, 'window', ctx.now, () => ({ window: board }));
}

/**
 * Go on duty at a window (上岗). AB岗: the B post may take A's window; whoever was on duty there is
 * replaced, and the officer leaves any other window they were on duty at.
 */
export async function openWindow(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: StaffCtx,
  windowId: string,
): Promise<void> {
  const staffId = staffIdOf(ctx);
  const { w, state } = await lockWindow(q, ctx, windowId);
  if (state.status !== 'closed' && state.staff_id !== staffId) {
    const active = await tickets.activeTicketAt(q, w.id, businessDate(ctx.now));
    if (active) throw new AppError('HALL_WINDOW_BUSY', { window: w.number, number: active.display_number });
  }
  for (const other of await repo.dutyWindowsOf(q, staffId)) {
    if (other.window_id === w.id) continue;
    const o = await repo.findWindowWithHall(q, other.window_id, null);
    await repo.lockWindowState(q, other.window_id, o!.center_id, ctx.now);
    const active = await tickets.activeTicketAt(q, other.window_id, businessDate(ctx.now));
    if (active) throw new AppError('HALL_WINDOW_BUSY', { window: o!.number, number: active.display_number });
    await repo.setWindowState(q, other.window_id, {
      status: 'closed',
      staffId: null,
      reason: '',
      now: ctx.now,
    });
    if (o!.hall_id) await feedWindow(q, outbox, ctx, other.window_id, o!.hall_id);
  }
  if (state.status === 'open' && state.staff_id === staffId) return;
  await repo.setWindowState(q, w.id, { status: 'open', staffId, reason: '', now: ctx.now });
  await feedWindow(q, outbox, ctx, w.id, w.hall_id);
}

async function requireOnDuty(q: Queryable, ctx: StaffCtx, windowId: string) {
  const staffId = staffIdOf(ctx);
  const { w, state } = await lockWindow(q, ctx, windowId);
  if (state.status === 'closed' || state.staff_id !== staffId)
    throw new AppError('HALL_NOT_AT_WINDOW', { window: w.number });
  return { w, state, staffId };
}

/** 暂停服务 (a break, a meeting): the window stops calling; its current ticket stays with it. */
export async function pauseWindow(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: StaffCtx,
  windowId: string,
  reason: string,
) {
  const { w, staffId } = await requireOnDuty(q, ctx, windowId);
  await repo.setWindowState(q, w.id, { status: 'paused', staffId, reason, now: ctx.now });
  await feedWindow(q, outbox, ctx, w.id, w.hall_id);
}

export async function resumeWindow(q: Queryable, outbox: FeedOutbox, ctx: StaffCtx, windowId: string) {
  const { w, staffId } = await requireOnDuty(q, ctx, windowId);
  await repo.setWindowState(q, w.id, { status: 'open', staffId, reason: '', now: ctx.now });
  await feedWindow(q, outbox, ctx, w.id, w.hall_id);
}

/** 下岗: only with no ticket in progress at the window. */
export async function closeWindow(q: Queryable, outbox: FeedOutbox, ctx: StaffCtx, windowId: string) {
  const { w } = await requireOnDuty(q, ctx, windowId);
  const active = await tickets.activeTicketAt(q, w.id, businessDate(ctx.now));
  if (active) throw new AppError('HALL_WINDOW_BUSY', { window: w.number, number: active.display_number });
  await repo.setWindowState(q, w.id, { status: 'closed', staffId: null, reason: '', now: ctx.now });
  await feedWindow(q, outbox, ctx, w.id, w.hall_id);
}

/**
 * Ready to call: on duty (an officer assigned to a closed window goes on duty by calling), not
 * paused, and no ticket still in progress here.
 */
async function readyToCall(q: Queryable, outbox: FeedOutbox, ctx: StaffCtx, windowId: string) {
  const staffId = staffIdOf(ctx);
  let { w, state } = await lockWindow(q, ctx, windowId);
  if (state.status === 'closed') {
    const [me] = await repo.staffBadges(q, [staffId]);
    if (me?.window_id !== w.id) throw new AppError('HALL_NOT_AT_WINDOW', { window: w.number });
    await openWindow(q, outbox, ctx, windowId);
    ({ w, state } = await lockWindow(q, ctx, windowId));
  }
  if (state.staff_id !== staffId) throw new AppError('HALL_NOT_AT_WINDOW', { window: w.number });
  if (state.status === 'paused') throw new AppError('HALL_WINDOW_PAUSED', { window: w.number });
  const date = businessDate(ctx.now);
  const active = await tickets.activeTicketAt(q, w.id, date);
  if (active) throw new AppError('HALL_WINDOW_BUSY', { window: w.number, number: active.display_number });
  const hall = await requireHall(q, w.hall_id, null);
  return { w, hall, staffId, date };
}

/** Call one chosen ticket (locked, re-checked) to a window and announce it. */
async function callTicket(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: StaffCtx,
  p: Awaited<ReturnType<typeof readyToCall>>,
  ticketId: string,
): Promise<boolean> {
  const row = await tickets.lockTicket(q, ticketId);
  if (!row || (row.status !== 'waiting' && row.status !== 'transferred')) return false;
  const next = transitionTicket(
    tickets.snapshotOf(row),
    { type: 'call', at: ctx.now.getTime(), windowId: p.w.id, staffId: p.staffId },
    { maxRecalls: p.hall.max_recalls, maxRequeues: p.hall.max_requeues },
  );
  await tickets.saveSnapshot(q, row.id, next);
  await tickets.insertTicketEvent(q, {
    ticketId: row.id,
    centerId: row.center_id,
    hallId: row.hall_id,
    type: 'call',
    from: row.status,
    to: next.status,
    windowId: p.w.id,
    staffId: p.staffId,
    actorName: actorName(ctx),
    detail: { waitedMinutes: Math.round((ctx.now.getTime() - new Date(row.issued_at).getTime()) / 60_000) },
    at: ctx.now,
  });
  const category = await repo.findCategory(q, row.category_id);
  await feedCall(q, outbox, {
    hall: p.hall,
    date: p.date,
    at: ctx.now,
    window: { id: p.w.id, number: p.w.number, name: p.w.name },
    number: row.display_number,
    categoryName: category?.name ?? '',
    recall: false,
  });
  return true;
}

/** 叫号: the next ticket by the ordering policy among those this window's officer can serve. */
export async function callNext(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: StaffCtx,
  windowId: string,
): Promise<string> {
  const p = await readyToCall(q, outbox, ctx, windowId);
  const state = await loadHallState(q, p.hall, ctx.now);
  const me = state.windows.find((x) => x.id === p.w.id);
  let queue: QueueEntry[] = state.waiting;
  // Another window may take the chosen ticket first: then pick again (bounded, as NovoSGA does).
  for (let attempt = 0; attempt < 5; attempt++) {
    const chosen = pickNext(queue, p.w.id, me?.callable ?? new Set(), state.now);
    if (!chosen) break;
    if (await callTicket(q, outbox, ctx, p, chosen.id)) return chosen.id;
    queue = queue.filter((e) => e.id !== chosen.id);
  }
  throw new AppError('HALL_NO_TICKET_WAITING', { window: p.w.number });
}

/** Call a ticket by its printed number (the visitor shows the slip): today's ticket only. */
export async function callNumber(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: StaffCtx,
  windowId: string,
  number: string,
): Promise<string> {
  const p = await readyToCall(q, outbox, ctx, windowId);
  const [found] = await tickets.findByNumber(q, p.hall.id, number.toUpperCase(), p.date);
  if (!found) throw new AppError('NOT_FOUND', { entity: `ticket ${number}` });
  requireToday({ display_number: number.toUpperCase(), business_date: found.business_date }, p.date);
  const t = (await tickets.findTicket(q, found.id, null))!;
  const state = await loadHallState(q, p.hall, ctx.now);
  const me = state.windows.find((x) => x.id === p.w.id);
  const reserved = t.status === 'transferred' ? t.window_id : null;
  if (reserved ? reserved !== p.w.id : !me?.callable.has(t.category_id))
    throw new AppError(reserved ? 'HALL_TICKET_RESERVED' : 'HALL_WINDOW_CANNOT_SERVE', {
      number: t.display_number,
      window: p.w.number,
      category: t.category_name,
    });
  if (!(await callTicket(q, outbox, ctx, p, t.id))) {
    const row = (await tickets.lockTicket(q, t.id))!;
    transitionTicket(
      tickets.snapshotOf(row),
      { type: 'call', at: ctx.now.getTime(), windowId, staffId: p.staffId },
      {
        maxRecalls: p.hall.max_recalls,
        maxRequeues: p.hall.max_requeues,
      },
    );
  }
  return t.id;
}

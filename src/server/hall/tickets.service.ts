import { formatInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import {
  businessDate,
  formatTicketNumber,
  newTicketSnapshot,
  nextTicketNumber,
  priorityWeight,
  type PriorityKind,
} from '../../domain/queue';
import type { Queryable } from '../db/db';
import { isCategoryOpen } from '../schedule/category-open';
import type { FeedOutbox } from './hall.feed';
import { actorName, feedTicket, type HallCtx } from './hall.common';
import * as repo from './hall.repository';
import { loadHallState, positionOf, type Position } from './hall.state';
import * as tickets from './tickets.repository';

/**
 * Issuing tickets (取号): at the kiosk, at the guide desk with a verified priority, or when the
 * appointments feature checks a booking in.
 * The number comes from the category's counter row of the business day, locked until the commit, so
 * 200 kiosks pressing at once get 200 consecutive numbers and none twice.
 */
export interface IssueRequest {
  hall: repo.HallRow;
  categoryId: string;
  itemId?: string | undefined;
  channel: tickets.TicketRow['channel'];
  /** A priority verified by the staff member issuing the ticket. */
  priority?: PriorityKind | null;
  /** The booked slot, for a ticket checked in from an appointment (预约到时优先). */
  appointmentAt?: Date | null;
}

/** Issue a ticket; returns its id (the appointments feature checks bookings in through this). */
export async function issueTicket(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: HallCtx,
  r: IssueRequest,
): Promise<string> {
  return (await issueTicketWithPosition(q, outbox, ctx, r)).id;
}

/** Issue a ticket and answer with its place and estimate as printed on the slip. */
export async function issueTicketWithPosition(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: HallCtx,
  r: IssueRequest,
): Promise<{ id: string; position: Position }> {
  const category = await repo.findCategory(q, r.categoryId);
  if (!category || category.hall_id !== r.hall.id)
    throw new AppError('NOT_FOUND', { entity: 'ticket_category' });
  if (!category.active) throw new AppError('HALL_CATEGORY_CLOSED', { category: category.name });
  if (r.itemId && !category.item_ids.includes(r.itemId))
    throw new AppError('VALIDATION_FAILED', {}, { itemId: 'rule.item_not_in_category' });
  if (r.priority && !ctx.actor) throw new AppError('FORBIDDEN');
  // A walk-in ticket only while a window able to serve the category is open (hours, roster, absences,
  // AB posts); otherwise the kiosk says when to come back. A booking checked in has its slot already.
  if (r.channel !== 'appointment') await assertCategoryOpen(q, category.id, category.name, ctx.now);
  const date = businessDate(ctx.now);
  // Read the queue before taking the counter lock, so the lock is held only for a few statements.
  const state = await loadHallState(q, r.hall, ctx.now);

  const counter = await repo.lockCounter(q, {
    categoryId: category.id,
    centerId: category.center_id,
    date,
    dailyReset: category.daily_reset,
  });
  if (counter.issued >= category.daily_cap)
    throw new AppError('HALL_DAILY_CAP_REACHED', { category: category.name, cap: category.daily_cap });
  const range = { from: category.number_from, to: category.number_to };
  const number = nextTicketNumber(counter.last_number, range);
  await repo.advanceCounter(q, category.id, date, number);

  const weight = priorityWeight(state.weights, r.priority ?? null);
  const seq = counter.issued + 1;
  const snap = newTicketSnapshot({
    number: formatTicketNumber(category.prefix, number, range),
    categoryId: category.id,
    issuedAt: ctx.now.getTime(),
    priority: r.priority ?? null,
    priorityWeight: weight,
  });
  const position = positionOf(state, {
    id: '~new',
    categoryId: category.id,
    reservedWindowId: null,
    appointmentAt: r.appointmentAt ? r.appointmentAt.getTime() : null,
    priorityWeight: weight,
    queuedAt: snap.queuedAt,
    seq,
  });
  const id = await tickets.insertTicket(q, {
    centerId: r.hall.center_id,
    hallId: r.hall.id,
    categoryId: category.id,
    date,
    number,
    displayNumber: snap.number,
    seq,
    channel: r.channel,
    itemId: r.itemId ?? null,
    priority: snap.priority,
    priorityWeight: weight,
    verifiedBy: r.priority ? (ctx.actor?.staffId ?? null) : null,
    appointmentAt: r.appointmentAt ?? null,
    issuedAt: ctx.now,
    estimate: position.estimate.minutes,
  });
  await tickets.insertTicketEvent(q, {
    ticketId: id,
    centerId: r.hall.center_id,
    hallId: r.hall.id,
    type: 'issue',
    from: null,
    to: 'waiting',
    windowId: null,
    staffId: ctx.actor?.staffId ?? null,
    actorName: actorName(ctx),
    detail: {
      channel: r.channel,
      ...(snap.priority ? { priority: snap.priority } : {}),
      ahead: position.ahead,
      estimatedWaitMinutes: position.estimate.minutes,
    },
    at: ctx.now,
  });
  await feedTicket(q, outbox, {
    hallId: r.hall.id,
    date,
    at: ctx.now,
    action: 'issue',
    windowId: null,
    number: snap.number,
    status: 'waiting',
  });
  return { id, position };
}

async function assertCategoryOpen(q: Queryable, categoryId: string, name: string, now: Date): Promise<void> {
  const s = await isCategoryOpen(q, { categoryId, at: now });
  if (s.open) return;
  if (!s.reopensAt) throw new AppError('HALL_CATEGORY_NOT_SCHEDULED', { category: name });
  // China time, minutes: "2026-03-03 08:30".
  const reopens = formatInstant(s.reopensAt.getTime()).slice(0, 16).replace('T', ' ');
  throw new AppError('HALL_CATEGORY_NOT_OPEN', { category: name, reopens });
}

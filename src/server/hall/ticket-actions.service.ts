import { AppError } from '../../domain/errors';
import {
  businessDate,
  priorityWeight,
  resolvePriorityWeights,
  transitionTicket,
  type PriorityKind,
  type TicketEvent,
} from '../../domain/queue';
import type { Queryable } from '../db/db';
import type { FeedOutbox } from './hall.feed';
import { actorName, feedCall, feedTicket, requireHall, requireToday, type HallCtx } from './hall.common';
import * as repo from './hall.repository';
import { loadHallState } from './hall.state';
import * as tickets from './tickets.repository';

/**
 * Everything done to a ticket after its call: recall, start, finish, no-show, transfer (at the
 * window, by the officer on duty there), and re-queue, cancel, priority (at the guide desk or any
 * window). Each runs the pure transition table and writes the row, one `ticket_events` row and the
 * hall feed in the caller's transaction.
 */
type StaffCtx = HallCtx & { actor: NonNullable<HallCtx['actor']> };

export type TicketCommand =
  | { type: 'recall' | 'start' | 'finish' | 'no_show' | 'requeue' }
  | { type: 'transfer'; toWindowId: string; toCategoryId?: string | undefined }
  | { type: 'cancel'; reason: string }
  | { type: 'verify_priority'; priority: PriorityKind | null };

/** Actions only the officer on duty at the ticket's window may take. */
const atWindow = new Set<TicketCommand['type']>(['recall', 'start', 'finish', 'no_show', 'transfer']);

export async function actOnTicket(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: StaffCtx,
  ticketId: string,
  cmd: TicketCommand,
): Promise<void> {
  const found = await tickets.findTicket(q, ticketId, ctx.actor.centerPath);
  if (!found) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  const row = (await tickets.lockTicket(q, ticketId))!;
  const date = businessDate(ctx.now);
  requireToday(row, date);
  const hall = await requireHall(q, row.hall_id, null);
  const policy = { maxRecalls: hall.max_recalls, maxRequeues: hall.max_requeues };
  const at = ctx.now.getTime();

  let window: repo.HallWindowRow | undefined;
  if (atWindow.has(cmd.type) && row.window_id && (row.status === 'called' || row.status === 'serving')) {
    window = (await repo.findWindowWithHall(q, row.window_id, null))!;
    const duty = await repo.lockWindowState(q, window.id, window.center_id, ctx.now);
    if (duty.status === 'closed' || duty.staff_id !== ctx.actor.staffId)
      throw new AppError('HALL_NOT_AT_WINDOW', { window: window.number });
  }

  let event: TicketEvent;
  const detail: Record<string, unknown> = {};
  switch (cmd.type) {
    case 'transfer': {
      const target = await repo.findWindowWithHall(q, cmd.toWindowId, ctx.actor.centerPath);
      if (!target) throw new AppError('NOT_FOUND', { entity: 'window' });
      if (target.hall_id !== hall.id)
        throw new AppError('HALL_WINDOW_NOT_IN_HALL', { window: target.number });
      const categoryId = cmd.toCategoryId ?? row.category_id;
      const category = await repo.findCategory(q, categoryId);
      if (!category || category.hall_id !== hall.id)
        throw new AppError('NOT_FOUND', { entity: 'ticket_category' });
      const state = await loadHallState(q, hall, ctx.now);
      const served = state.windows.find((w) => w.id === target.id)?.served;
      if (!served?.has(categoryId))
        throw new AppError('HALL_WINDOW_CANNOT_SERVE', { window: target.number, category: category.name });
      event = {
        type: 'transfer',
        at,
        toWindowId: target.id,
        ...(cmd.toCategoryId ? { toCategoryId: categoryId } : {}),
      };
      Object.assign(detail, {
        toWindowId: target.id,
        toWindowNumber: target.number,
        toCategoryId: categoryId,
      });
      break;
    }
    case 'cancel':
      event = { type: 'cancel', at, reason: cmd.reason };
      detail.reason = cmd.reason;
      break;
    case 'verify_priority': {
      const weight = priorityWeight(resolvePriorityWeights(hall.priority_weights), cmd.priority);
      event = { type: 'verify_priority', at, priority: cmd.priority, weight };
      Object.assign(detail, { priority: cmd.priority, weight });
      break;
    }
    default:
      event = { type: cmd.type, at };
  }
  const next = transitionTicket(tickets.snapshotOf(row), event, policy);
  await tickets.saveSnapshot(
    q,
    row.id,
    next,
    cmd.type === 'verify_priority' ? { verifiedBy: cmd.priority ? ctx.actor.staffId : null } : {},
  );
  await tickets.insertTicketEvent(q, {
    ticketId: row.id,
    centerId: row.center_id,
    hallId: row.hall_id,
    type: cmd.type,
    from: row.status,
    to: next.status,
    windowId: window?.id ?? row.window_id,
    staffId: ctx.actor.staffId,
    actorName: actorName(ctx),
    detail,
    at: ctx.now,
  });
  if (cmd.type === 'recall' && window) {
    const category = await repo.findCategory(q, row.category_id);
    await feedCall(q, outbox, {
      hall,
      date,
      at: ctx.now,
      window: { id: window.id, number: window.number, name: window.name },
      number: row.display_number,
      categoryName: category?.name ?? '',
      recall: true,
    });
  } else {
    await feedTicket(q, outbox, {
      hallId: hall.id,
      date,
      at: ctx.now,
      action: cmd.type,
      windowId: window?.id ?? next.windowId,
      number: row.display_number,
      status: next.status,
    });
  }
}

/**
 * 从此号受理: link the case opened from a ticket. The time from the call to the acceptance is kept
 * on the ticket for supervision (a visitor called at 9:05 and accepted at 9:50 waited at the window).
 * Called by the cases feature in its own transaction; a ticket links to one case only.
 */
export async function linkTicketToCase(
  q: Queryable,
  p: {
    ticketId: string;
    caseId: string;
    acceptedAt: Date | null;
    actorName: string;
    staffId?: string | null;
    now: Date;
  },
): Promise<void> {
  const row = await tickets.lockTicket(q, p.ticketId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  if (row.case_id && row.case_id !== p.caseId) {
    const [c] = await q.query<{ number: string }>('SELECT number FROM cases WHERE id = $1', [row.case_id]);
    throw new AppError('HALL_TICKET_LINKED', {
      number: row.display_number,
      caseNumber: c?.number ?? row.case_id,
    });
  }
  await q.query('UPDATE tickets SET case_id = $2, accepted_at = coalesce($3, accepted_at) WHERE id = $1', [
    row.id,
    p.caseId,
    p.acceptedAt,
  ]);
  await tickets.insertTicketEvent(q, {
    ticketId: row.id,
    centerId: row.center_id,
    hallId: row.hall_id,
    type: 'link_case',
    from: row.status,
    to: row.status,
    windowId: row.window_id,
    staffId: p.staffId ?? null,
    actorName: p.actorName,
    detail: {
      caseId: p.caseId,
      ...(p.acceptedAt && row.first_called_at
        ? {
            callToAcceptMinutes: Math.round(
              (p.acceptedAt.getTime() - new Date(row.first_called_at).getTime()) / 60_000,
            ),
          }
        : {}),
    },
    at: p.now,
  });
}

/** The case (by id or number, in the actor's scope) and its acceptance time, once the cases feature has one. */
export async function findCaseForLink(
  q: Queryable,
  p: { caseId?: string | undefined; caseNumber?: string | undefined },
  scopePath: string,
): Promise<{ id: string; acceptedAt: Date | null } | undefined> {
  const [c] = await q.query<{ id: string; accepted_at: Date | null }>(
    `SELECT k.id, k.accepted_at FROM cases k JOIN centers c ON c.id = k.center_id
     WHERE ($1::uuid IS NULL OR k.id = $1) AND ($2::text IS NULL OR k.number = $2) AND c.path LIKE $3 || '%'
     LIMIT 1`,
    [p.caseId ?? null, p.caseNumber ?? null, scopePath],
  );
  return c ? { id: c.id, acceptedAt: c.accepted_at ? new Date(c.accepted_at) : null } : undefined;
}

import { AppError } from '../../domain/errors';
import {
  renderAnnouncement,
  spokenAnnouncement,
  type TicketAction,
  type TicketStatus,
} from '../../domain/queue';
import type { BoardWindow, FeedWaiting } from '../../shared/contracts/hall';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import type { FeedOutbox } from './hall.feed';
import { presentBadge } from './hall.presenter';
import * as repo from './hall.repository';
import * as tickets from './tickets.repository';

/** Who acts and when. `actor` is null on the public screens (kiosk), which act as "取号机". */
export interface HallCtx {
  now: Date;
  actor: (Actor & { centerId: string; centerPath: string }) | null;
}

export const actorName = (ctx: HallCtx): string => ctx.actor?.displayName ?? '取号机';
export const scopeOf = (ctx: HallCtx): string | null => ctx.actor?.centerPath ?? null;

export async function requireHall(q: Queryable, id: string, scopePath: string | null): Promise<repo.HallRow> {
  const h = await repo.findHall(q, id, scopePath);
  if (!h) throw new AppError('NOT_FOUND', { entity: 'hall' });
  return h;
}

/** A window of a hall (windows outside any configured hall have no queue). */
export async function requireHallWindow(
  q: Queryable,
  windowId: string,
  scopePath: string | null,
): Promise<repo.HallWindowRow & { hall_id: string }> {
  const w = await repo.findWindowWithHall(q, windowId, scopePath);
  if (!w) throw new AppError('NOT_FOUND', { entity: 'window' });
  if (!w.hall_id) throw new AppError('NOT_FOUND', { entity: 'hall' });
  return w as repo.HallWindowRow & { hall_id: string };
}

export async function requireTicket(q: Queryable, id: string, scopePath: string | null) {
  const t = await tickets.findTicket(q, id, scopePath);
  if (!t) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  return t;
}

/** A ticket of an earlier business day is void: 过号 or not, it cannot be called or served today. */
export function requireToday(t: { display_number: string; business_date: string }, today: string): void {
  if (t.business_date !== today)
    throw new AppError('HALL_TICKET_NOT_TODAY', { number: t.display_number, date: t.business_date });
}

const waitingOf = async (q: Queryable, hallId: string, date: string): Promise<FeedWaiting> =>
  (await tickets.waitingCounts(q, hallId, date)).map((r) => ({
    categoryId: r.category_id,
    waiting: r.waiting,
  }));

/** Append a ticket change to the hall feed (the waiting counts are read under the feed lock). */
export const feedTicket = (
  q: Queryable,
  outbox: FeedOutbox,
  p: {
    hallId: string;
    date: string;
    at: Date;
    action: TicketAction | 'issue';
    windowId: string | null;
    number: string;
    status: TicketStatus;
  },
) =>
  outbox.append(q, p.hallId, 'ticket', p.at, async () => ({
    action: p.action,
    windowId: p.windowId,
    ticketNumber: p.number,
    status: p.status,
    waiting: await waitingOf(q, p.hallId, p.date),
  }));

/** Append a call (or recall) with the hall's announcement text and the spoken form. */
export async function feedCall(
  q: Queryable,
  outbox: FeedOutbox,
  p: {
    hall: repo.HallRow;
    date: string;
    at: Date;
    window: { id: string; number: string; name: string };
    number: string;
    categoryName: string;
    recall: boolean;
  },
) {
  const vars = { number: p.number, window: p.window.number, category: p.categoryName };
  return outbox.append(q, p.hall.id, 'call', p.at, async (seq) => {
    return {
      call: {
        seq,
        ticketNumber: p.number,
        windowId: p.window.id,
        windowNumber: p.window.number,
        windowName: p.window.name,
        categoryName: p.categoryName,
        text: renderAnnouncement(p.hall.announcement_template, vars),
        speech: spokenAnnouncement(p.hall.announcement_template, vars),
        recall: p.recall,
        at: p.at.toISOString(),
      },
      waiting: await waitingOf(q, p.hall.id, p.date),
    };
  });
}

/** A window as the hall display shows it: duty state, officer badge, current ticket. */
export async function boardWindowOf(
  q: Queryable,
  w: repo.HallWindowRow,
  date: string,
  current?: { display_number: string; status: TicketStatus } | null,
): Promise<BoardWindow> {
  const status = w.status ?? 'closed';
  const [badge] = w.duty_staff_id && status !== 'closed' ? await repo.staffBadges(q, [w.duty_staff_id]) : [];
  const cur = current === undefined ? await tickets.activeTicketAt(q, w.id, date) : current;
  return {
    id: w.id,
    number: w.number,
    name: w.name,
    status,
    officer: badge ? presentBadge(badge) : null,
    current: cur ? { number: cur.display_number, status: cur.status } : null,
  };
}

import { formatInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { businessDate, sortQueue } from '../../domain/queue';
import type {
  BoardView,
  CallView,
  HallCategoriesOpenView,
  HallPublicView,
  OfficerPanelView,
  TicketDetail,
  TicketPublicView,
  TicketView,
  WindowDisplayView,
} from '../../shared/contracts/hall';
import type { Queryable } from '../db/db';
import { categoriesOpen } from '../schedule/category-open';
import { listHallCategoryInfos } from '../schedule/schedule.repository';
import { boardWindowOf, requireHall, requireHallWindow, requireTicket } from './hall.common';
import { currentSeq } from './hall.feed';
import { presentBadge, presentEvent, presentTicket, presentTicketPublic } from './hall.presenter';
import * as repo from './hall.repository';
import { categoryWaiting, loadHallState, positionOf, type HallState, type Position } from './hall.state';
import * as tickets from './tickets.repository';

/** Read models of the hall screens: kiosk, hall display, window display, phone page, officer panel. */

const waitingList = (s: HallState) =>
  categoryWaiting(s).map((c) => ({
    categoryId: c.category.id,
    prefix: c.category.prefix,
    name: c.category.name,
    waiting: c.waiting,
    estimatedWaitMinutes: c.position.estimate.minutes,
  }));

/** The kiosk's view: the hall's open categories with the queue and the wait a newcomer faces. */
export async function hallPublic(q: Queryable, hallId: string, now: Date): Promise<HallPublicView> {
  const hall = await requireHall(q, hallId, null);
  const seq = (await currentSeq(q, hall.id)) ?? 0;
  const state = await loadHallState(q, hall, now);
  return {
    seq,
    id: hall.id,
    centerId: hall.center_id,
    name: hall.name,
    centerName: hall.center_name,
    announcementTemplate: hall.announcement_template,
    notice: hall.notice,
    categories: categoryWaiting(state).map((c) => ({
      categoryId: c.category.id,
      prefix: c.category.prefix,
      name: c.category.name,
      description: c.category.description,
      waiting: c.waiting,
      estimatedWaitMinutes: c.position.estimate.minutes,
      open: c.open,
    })),
  };
}

/**
 * Whether each active category of the hall issues tickets at `now` and, if not, when it reopens: the
 * kiosk greys closed ones out from this one answer instead of asking category by category. The rule
 * is the one that refuses a ticket (`isCategoryOpen`, tickets.service.ts), run for the whole hall on
 * one load of the schedule, so the kiosk never shows open what the server would refuse.
 */
export async function hallCategoriesOpen(
  q: Queryable,
  hallId: string,
  now: Date,
): Promise<HallCategoriesOpenView> {
  const hall = await requireHall(q, hallId, null);
  // The kiosk's categories and order (categoryWaiting): the active ones, by sort then prefix.
  const active = (await listHallCategoryInfos(q, hall.id)).filter((c) => c.active);
  const states = await categoriesOpen(q, active, now);
  return {
    hallId: hall.id,
    at: formatInstant(now.getTime()),
    categories: active.map((c) => {
      const s = states.get(c.id)!;
      return {
        categoryId: c.id,
        prefix: c.prefix,
        open: s.open,
        reopensAt: s.reopensAt ? formatInstant(s.reopensAt.getTime()) : null,
      };
    }),
  };
}

const recentCalls = async (q: Queryable, hallId: string, date: string, limit: number): Promise<CallView[]> =>
  (
    await q.query<{ data: { call: CallView } }>(
      `SELECT data FROM hall_feed WHERE hall_id = $1 AND type = 'call' AND at >= $2::date - interval '8 hours'
       ORDER BY seq DESC LIMIT $3`,
      [hallId, date, limit],
    )
  ).map((r) => r.data.call);

/** The hall display (大屏) snapshot; the display then follows the feed from `seq`. */
export async function board(q: Queryable, hallId: string, now: Date): Promise<BoardView> {
  const hall = await requireHall(q, hallId, null);
  const seq = (await currentSeq(q, hall.id)) ?? 0;
  const state = await loadHallState(q, hall, now);
  const current = new Map(
    (await tickets.currentTickets(q, hall.id, state.date)).map((c) => [c.window_id, c]),
  );
  return {
    seq,
    hall: {
      id: hall.id,
      centerId: hall.center_id,
      name: hall.name,
      centerName: hall.center_name,
      announcementTemplate: hall.announcement_template,
      notice: hall.notice,
    },
    windows: await Promise.all(
      state.windows.map((w) => boardWindowOf(q, w, state.date, current.get(w.id) ?? null)),
    ),
    recentCalls: await recentCalls(q, hall.id, state.date, 12),
    waiting: waitingList(state),
    serverTime: now.toISOString(),
  };
}

/** The display above one window: its number, the officer's badge (挂牌上岗), the current ticket. */
export async function windowDisplay(q: Queryable, windowId: string, now: Date): Promise<WindowDisplayView> {
  const w = await requireHallWindow(q, windowId, null);
  const seq = (await currentSeq(q, w.hall_id)) ?? 0;
  const b = await boardWindowOf(q, w, businessDate(now));
  return {
    seq,
    hallId: w.hall_id,
    window: { id: w.id, number: w.number, name: w.name, departmentName: w.department_name },
    status: b.status,
    officer: b.officer,
    current: b.current,
  };
}

/** The slip of a ticket just issued, with the place and estimate computed at issue. */
export async function issuedTicket(
  q: Queryable,
  id: string,
  now: Date,
  position: Position,
): Promise<TicketPublicView> {
  return presentTicketPublic(await requireTicket(q, id, null), businessDate(now), position);
}

/** The phone page of a ticket: position and estimated wait while waiting, the window once called. */
export async function publicTicket(
  q: Queryable,
  ticketId: string,
  now: Date,
  state?: HallState,
): Promise<TicketPublicView> {
  const t = await requireTicket(q, ticketId, null);
  const date = businessDate(now);
  const waiting = t.business_date === date && (t.status === 'waiting' || t.status === 'transferred');
  let position = null;
  if (waiting) {
    const s = state ?? (await loadHallState(q, (await repo.findHall(q, t.hall_id, null))!, now));
    const me = s.waiting.find((e) => e.id === t.id);
    position = me ? positionOf(s, me) : null;
  }
  return presentTicketPublic(t, date, position);
}

async function staffTicketView(q: Queryable, t: tickets.TicketFullRow, now: Date): Promise<TicketView> {
  const hall = (await repo.findHall(q, t.hall_id, null))!;
  const date = businessDate(now);
  let position = null;
  if (t.business_date === date && (t.status === 'waiting' || t.status === 'transferred')) {
    const s = await loadHallState(q, hall, now);
    const me = s.waiting.find((e) => e.id === t.id);
    position = me ? positionOf(s, me) : null;
  }
  const [item] = t.item_id ? await repo.itemNames(q, [t.item_id]) : [];
  return presentTicket(
    t,
    date,
    position,
    { maxRecalls: hall.max_recalls, maxRequeues: hall.max_requeues },
    item?.name ?? null,
  );
}

export async function ticketDetail(
  q: Queryable,
  ticketId: string,
  scopePath: string,
  now: Date,
): Promise<TicketDetail> {
  const t = await requireTicket(q, ticketId, scopePath);
  return {
    ...(await staffTicketView(q, t, now)),
    events: (await tickets.ticketEvents(q, t.id)).map(presentEvent),
  };
}

export async function ticketList(
  q: Queryable,
  f: {
    hallId: string;
    scopePath: string;
    status?: TicketView['status'] | undefined;
    number?: string | undefined;
  },
  now: Date,
): Promise<TicketView[]> {
  const hall = await requireHall(q, f.hallId, f.scopePath);
  const date = businessDate(now);
  const rows = await tickets.listTickets(q, {
    hallId: hall.id,
    date,
    status: f.status,
    number: f.number?.toUpperCase(),
  });
  const state = await loadHallState(q, hall, now);
  const policy = { maxRecalls: hall.max_recalls, maxRequeues: hall.max_requeues };
  const names = new Map(
    (
      await repo.itemNames(
        q,
        rows.flatMap((r) => (r.item_id ? [r.item_id] : [])),
      )
    ).map((r) => [r.id, r.name]),
  );
  return rows.map((t) => {
    const me = state.waiting.find((e) => e.id === t.id);
    return presentTicket(
      t,
      date,
      me ? positionOf(state, me) : null,
      policy,
      t.item_id ? (names.get(t.item_id) ?? null) : null,
    );
  });
}

/** The officer panel of a window: duty state, the ticket in progress, what is waiting, today's tally. */
export async function officerPanel(
  q: Queryable,
  ctx: { now: Date; staffId: string | null; scopePath: string },
  windowId: string,
): Promise<OfficerPanelView> {
  const w = await requireHallWindow(q, windowId, ctx.scopePath);
  const hall = await requireHall(q, w.hall_id, null);
  const state = await loadHallState(q, hall, ctx.now);
  const me = state.windows.find((x) => x.id === w.id);
  if (!me) throw new AppError('NOT_FOUND', { entity: 'window' });
  const active = await tickets.activeTicketAt(q, w.id, state.date);
  const current = active
    ? await staffTicketView(q, (await tickets.findTicket(q, active.id, null))!, ctx.now)
    : null;
  const [badge] =
    me.duty_staff_id && me.status !== 'closed' ? await repo.staffBadges(q, [me.duty_staff_id]) : [];
  const callable = sortQueue(
    state.waiting.filter((e) =>
      e.reservedWindowId ? e.reservedWindowId === w.id : me.served.has(e.categoryId),
    ),
    state.now,
  );
  const names = new Map(state.categories.map((c) => [c.id, c]));
  const today = await tickets.windowToday(q, w.id, state.date);
  return {
    seq: (await currentSeq(q, hall.id)) ?? 0,
    window: { id: w.id, number: w.number, name: w.name, kind: w.kind, hallId: hall.id, hallName: hall.name },
    state: {
      status: me.status ?? 'closed',
      staffId: me.status === 'closed' ? null : me.duty_staff_id,
      officer: badge ? presentBadge(badge) : null,
      pauseReason: me.pause_reason ?? '',
      since: me.since ? new Date(me.since).toISOString() : null,
    },
    onDutyHere: me.status !== null && me.status !== 'closed' && me.duty_staff_id === ctx.staffId,
    current,
    categories: waitingList(state).filter((c) => me.served.has(c.categoryId)),
    next: callable.slice(0, 10).map((e) => ({
      id: e.id,
      number: e.number,
      categoryName: names.get(e.categoryId)?.name ?? '',
      priority: e.priority,
      appointmentAt: e.appointmentAt === null ? null : new Date(e.appointmentAt).toISOString(),
      transferred: e.reservedWindowId !== null,
      queuedAt: new Date(e.queuedAt).toISOString(),
    })),
    transferTargets: state.windows
      .filter((x) => x.id !== w.id)
      .map((x) => ({ id: x.id, number: x.number, name: x.name, categoryIds: [...x.served] })),
    hallCategories: state.categories
      .filter((c) => c.active)
      .map((c) => ({ id: c.id, prefix: c.prefix, name: c.name })),
    today: {
      served: today?.served ?? 0,
      noShows: today?.no_shows ?? 0,
      transferred: today?.transferred ?? 0,
      meanServiceMinutes:
        today?.mean_service === null || today?.mean_service === undefined
          ? null
          : Math.round(today.mean_service * 10) / 10,
    },
  };
}

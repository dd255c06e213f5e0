import {
  businessDate,
  categoriesServedBy,
  estimateWait,
  peopleAhead,
  resolvePriorityWeights,
  RECENT_SAMPLES,
  type PriorityWeights,
  type QueueEntry,
  type WaitEstimate,
} from '../../domain/queue';
import type { Queryable } from '../db/db';
import * as repo from './hall.repository';
import * as tickets from './tickets.repository';

/**
 * The live state of one hall, loaded in a handful of queries: categories, windows with who is on
 * duty and what they are skilled for, today's waiting tickets, and the windows' latest service times.
 * Everything the queue needs (who may call what, people ahead, estimated waits) is derived from it
 * by the pure queue core.
 */
export interface HallWindow extends repo.HallWindowRow {
  /** On duty and calling. */
  open: boolean;
  /** Categories the window can serve: by the officer on duty, else by the officer assigned to it. */
  served: Set<string>;
  /** Categories the window may call now: by the officer on duty only (empty when nobody is). */
  callable: Set<string>;
}

export type QueueTicket = QueueEntry & {
  number: string;
  status: tickets.QueueRow['status'];
  priority: tickets.QueueRow['priority'];
};

export interface HallState {
  hall: repo.HallRow;
  date: string;
  now: number;
  weights: PriorityWeights;
  categories: repo.CategoryRow[];
  windows: HallWindow[];
  waiting: QueueTicket[];
  recent: Map<string, number[]>;
}

export const toQueueTicket = (t: tickets.QueueRow): QueueTicket => ({
  id: t.id,
  categoryId: t.category_id,
  reservedWindowId: t.status === 'transferred' ? t.window_id : null,
  appointmentAt: t.appointment_at === null ? null : new Date(t.appointment_at).getTime(),
  priorityWeight: t.priority_weight,
  queuedAt: new Date(t.queued_at).getTime(),
  seq: t.seq,
  number: t.display_number,
  status: t.status,
  priority: t.priority,
});

const group = <K, V>(rows: readonly { k: K; v: V }[]) => {
  const m = new Map<K, Set<V>>();
  for (const r of rows) {
    let s = m.get(r.k);
    if (!s) m.set(r.k, (s = new Set()));
    s.add(r.v);
  }
  return m;
};

interface StaticHall {
  categories: repo.CategoryRow[];
  windows: Awaited<ReturnType<typeof repo.listHallWindowsStatic>>;
  windowItems: Map<string, Set<string>>;
  staffItems: Map<string, Set<string>>;
}

/**
 * The slowly changing part of a hall (categories, windows, skills), cached per process under the
 * configuration stamp: one primary-key lookup per use instead of reading the skills matrix each time
 * a ticket is issued. An edit anywhere changes the stamp, in every process at once.
 */
const staticCache = new Map<string, { fp: string; data: Promise<StaticHall> }>();

async function loadStatic(q: Queryable, hall: repo.HallRow): Promise<StaticHall> {
  const categories = await repo.listCategories(q, hall.id);
  const windows = await repo.listHallWindowsStatic(q, hall.center_id, hall.name);
  const windowItems = group(
    (await repo.centerWindowItems(q, hall.center_id)).map((r) => ({ k: r.window_id, v: r.item_id })),
  );
  const staffItems = group(
    (await repo.centerStaffItems(q, hall.center_id)).map((r) => ({ k: r.staff_id, v: r.item_id })),
  );
  return { categories, windows, windowItems, staffItems };
}

async function staticHall(q: Queryable, hall: repo.HallRow): Promise<StaticHall> {
  const fp = `${await repo.configStamp(q)}/${hall.center_id}/${hall.name}`;
  const hit = staticCache.get(hall.id);
  if (hit?.fp === fp) return hit.data;
  const data = loadStatic(q, hall);
  staticCache.set(hall.id, { fp, data });
  data.catch(() => staticCache.delete(hall.id));
  return data;
}

export async function loadHallState(q: Queryable, hall: repo.HallRow, now: Date): Promise<HallState> {
  const date = businessDate(now);
  const st = await staticHall(q, hall);
  const duty = new Map(
    (
      await repo.windowDuty(
        q,
        st.windows.map((w) => w.id),
      )
    ).map((d) => [d.window_id, d]),
  );
  const waiting = await tickets.waitingTickets(q, hall.id, date);
  const recentRows = await tickets.recentServices(q, hall.id, date, RECENT_SAMPLES);
  const active = st.categories.filter((c) => c.active).map((c) => ({ id: c.id, itemIds: c.item_ids }));
  const none = new Set<string>();
  const windows = st.windows.map((w): HallWindow => {
    const d = duty.get(w.id);
    const status = d?.status ?? null;
    const onDuty = status === 'open' || status === 'paused' ? (d?.staff_id ?? null) : null;
    const skillsOf = (staffId: string | null) =>
      categoriesServedBy(
        {
          kind: w.kind,
          windowItemIds: st.windowItems.get(w.id) ?? none,
          officerItemIds: staffId ? (st.staffItems.get(staffId) ?? none) : null,
        },
        active,
      );
    return {
      ...w,
      status,
      duty_staff_id: d?.staff_id ?? null,
      pause_reason: d?.pause_reason ?? null,
      since: d?.since ?? null,
      open: status === 'open' && onDuty !== null,
      served: skillsOf(onDuty ?? w.assigned_staff_id),
      callable: onDuty ? skillsOf(onDuty) : new Set(),
    };
  });
  const recent = new Map<string, number[]>();
  for (const r of recentRows)
    recent.set(r.window_id, [...(recent.get(r.window_id) ?? []), Number(r.minutes)]);
  return {
    hall,
    date,
    now: now.getTime(),
    weights: resolvePriorityWeights(hall.priority_weights),
    categories: st.categories,
    windows,
    waiting: waiting.map(toQueueTicket),
    recent,
  };
}

/** The windows able to serve a ticket: its reserved window after a transfer, else by category. */
export const windowsFor = (s: HallState, e: Pick<QueueEntry, 'categoryId' | 'reservedWindowId'>) =>
  s.windows.filter((w) => (e.reservedWindowId ? w.id === e.reservedWindowId : w.served.has(e.categoryId)));

export interface Position {
  ahead: number;
  estimate: WaitEstimate;
}

/** People ahead of a waiting ticket and its estimated wait, from the live service rates. */
export function positionOf(s: HallState, e: QueueEntry): Position {
  const ws = windowsFor(s, e);
  const ids = new Set(ws.map((w) => w.id));
  const competes = (x: QueueEntry) =>
    x.reservedWindowId ? ids.has(x.reservedWindowId) : ws.some((w) => w.served.has(x.categoryId));
  const entries = s.waiting.some((x) => x.id === e.id) ? s.waiting : [...s.waiting, e];
  const ahead = peopleAhead(entries, e, s.now, competes);
  const category = s.categories.find((c) => c.id === e.categoryId);
  const estimate = estimateWait({
    ahead,
    windows: ws.map((w) => ({ open: w.open, recentServiceMinutes: s.recent.get(w.id) ?? [] })),
    priorMinutes: Number(category?.expected_service_minutes ?? 10),
  });
  return { ahead, estimate };
}

/** Waiting count and the estimate for a newcomer, per active category (kiosk, displays, panel). */
export function categoryWaiting(s: HallState) {
  return s.categories
    .filter((c) => c.active)
    .map((c) => {
      const newcomer: QueueEntry = {
        id: '~newcomer',
        categoryId: c.id,
        reservedWindowId: null,
        appointmentAt: null,
        priorityWeight: 0,
        queuedAt: s.now,
        seq: Number.MAX_SAFE_INTEGER,
      };
      return {
        category: c,
        waiting: s.waiting.filter((t) => t.categoryId === c.id).length,
        position: positionOf(s, newcomer),
        open: windowsFor(s, newcomer).some((w) => w.open),
      };
    });
}

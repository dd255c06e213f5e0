import type { z } from 'zod';
import { instantOfCivil } from '../../domain/calendar';
import { clockValue } from '../../domain/clock';
import { AppError } from '../../domain/errors';
import { levelRank } from '../../domain/supervision';
import type {
  AccountabilityView,
  FiveDayWatchView,
  OrderView,
  PauseWatchView,
  SummaryView,
} from '../../shared/contracts/supervision';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import { accountability } from './accountability.repository';
import * as cards from './cards.repository';
import * as desk from './desk.repository';
import * as orders from './orders.repository';
import { effectiveCenterRules } from './rules.repository';
import { requireCenterInScope } from './rules.service';
import { presentCard, presentOrder } from './supervision.presenter';

/** Read side of the supervision desk (no writes). */
type Scoped = Actor & { centerPath: string };

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function summary(
  q: Queryable,
  actor: Scoped,
  centerId: string | null,
  now: Date,
): Promise<SummaryView> {
  if (centerId) await requireCenterInScope(q, actor, centerId);
  const g = await desk.openCardGroups(q, actor.centerPath, centerId);
  const c = await desk.deskCounters(q, actor.centerPath, centerId, now);
  return {
    at: now.toISOString(),
    open: g.total,
    byDepartment: g.byDepartment,
    byWindow: g.byWindow,
    byOfficer: g.byOfficer,
    pausesOverrun: c.pauses_overrun,
    openPauses: c.open_pauses,
    fiveDayNear: c.five_day_near,
    ordersOpen: c.orders_open,
    ordersOverdue: c.orders_overdue,
  };
}

/** Open special procedures with their age in working days against the duration announced. */
export async function pauseWatch(q: Queryable, actor: Scoped, centerId: string | null, now: Date) {
  const rows = await desk.openPauses(q, actor.centerPath, centerId);
  const out: z.infer<typeof PauseWatchView>[] = [];
  for (const r of rows) {
    const calendar = await getCalendarIndex(q, r.center_id);
    const age =
      calendar.workdayCoordAt(now.getTime(), 'now') - calendar.workdayCoordAt(r.started_at.getTime(), 'from');
    out.push({
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemName: r.item_name,
      departmentName: r.department_name,
      kind: r.kind,
      startedAt: r.started_at.toISOString(),
      expectedWorkingDays: r.expected_working_days,
      ageWorkingDays: round2(age),
      overrun: age > r.expected_working_days,
    });
  }
  return out.sort(
    (a, b) => b.ageWorkingDays - b.expectedWorkingDays - (a.ageWorkingDays - a.expectedWorkingDays),
  );
}

/** Received cases by the working days left of the 5-day period (第32条), most urgent first. */
export async function fiveDayWatch(q: Queryable, actor: Scoped, centerId: string | null, now: Date) {
  const rows = await desk.waitingForAcceptance(q, actor.centerPath, centerId);
  const out: z.infer<typeof FiveDayWatchView>[] = [];
  const limits = new Map<string, number>();
  for (const r of rows) {
    if (!limits.has(r.center_id)) {
      const rule = (await effectiveCenterRules(q, r.center_id)).find((x) => x.code === 'five_day');
      limits.set(
        r.center_id,
        Number((rule?.thresholds as { limitWorkdays?: number } | undefined)?.limitWorkdays ?? 5),
      );
    }
    const calendar = await getCalendarIndex(q, r.center_id);
    const v = clockValue({
      start: r.received_at,
      limit: { amount: limits.get(r.center_id)!, unit: 'workday' },
      now,
      calendar,
    });
    out.push({
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemName: r.item_name,
      departmentName: r.department_name,
      receivedAt: r.received_at.toISOString(),
      limitAt: v.due.toISOString(),
      remainingWorkingDays: round2(v.remainingWorkingDays),
    });
  }
  return out.sort((a, b) => a.remainingWorkingDays - b.remainingWorkingDays);
}

export async function ordersWithEvents(
  q: Queryable,
  rows: readonly orders.OrderRow[],
  now: Date,
): Promise<OrderView[]> {
  const events = await orders.listOrderEvents(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentOrder(
      r,
      events.filter((e) => e.order_id === r.id),
      now,
    ),
  );
}

/** Everything supervision has on one case: its cards (open and cleared) and its reminders/orders. */
export async function caseHistory(q: Queryable, actor: Scoped, caseId: string, now: Date) {
  const [k] = await q.query<{ number: string }>(
    `SELECT k.number FROM cases k JOIN centers c ON c.id = k.center_id WHERE k.id = $1 AND c.path LIKE $2 || '%'`,
    [caseId, actor.centerPath],
  );
  if (!k) throw new AppError('NOT_FOUND', { entity: 'case' });
  const list = await cards.listCards(q, {
    scopePath: actor.centerPath,
    caseId,
    state: 'all',
    limit: 500,
    offset: 0,
  });
  const os = await orders.listOrders(q, {
    scopePath: actor.centerPath,
    caseId,
    statuses: ['open', 'responded', 'closed'],
  });
  return {
    caseId,
    caseNumber: k.number,
    cards: list.rows
      .map(presentCard)
      .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || levelRank[a.level] - levelRank[b.level]),
    orders: await ordersWithEvents(q, os, now),
  };
}

export async function accountabilityFeed(
  q: Queryable,
  actor: Scoped,
  centerId: string,
  month: string,
): Promise<AccountabilityView> {
  const center = await requireCenterInScope(q, actor, centerId);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const from = instantOfCivil(`${month}-01`);
  const to = instantOfCivil(`${next}-01`);
  const rows = await accountability(q, center.path, from, to);
  return {
    centerId,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    rows: rows.map((r) => ({
      dimension: r.dimension,
      id: r.id,
      name: r.name,
      warnings: r.warnings,
      yellowCards: r.yellow_cards,
      redCards: r.red_cards,
      overdueCases: r.overdue_cases,
      lateResponses: r.late_responses,
    })),
  };
}

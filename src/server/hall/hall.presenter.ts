import { allowedTicketActions, resolvePriorityWeights } from '../../domain/queue';
import type { CategoryView, HallView, TicketPublicView, TicketView } from '../../shared/contracts/hall';
import type { z } from 'zod';
import type { OfficerBadge, TicketEventView } from '../../shared/contracts/hall';
import type { CategoryRow, HallRow, StaffBadgeRow } from './hall.repository';
import type { Position } from './hall.state';
import { snapshotOf, type TicketEventRow, type TicketFullRow } from './tickets.repository';

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export const presentHall = (h: HallRow): HallView => ({
  id: h.id,
  centerId: h.center_id,
  centerName: h.center_name,
  name: h.name,
  announcementTemplate: h.announcement_template,
  notice: h.notice,
  maxRecalls: h.max_recalls,
  maxRequeues: h.max_requeues,
  priorityWeights: resolvePriorityWeights(h.priority_weights),
  windowCount: h.window_count,
});

export const presentCategory = (
  c: CategoryRow,
  names: ReadonlyMap<string, string>,
  windows: { id: string; number: string }[],
  issuedToday: number,
): CategoryView => ({
  id: c.id,
  hallId: c.hall_id,
  prefix: c.prefix,
  name: c.name,
  description: c.description,
  numberFrom: c.number_from,
  numberTo: c.number_to,
  dailyReset: c.daily_reset,
  dailyCap: c.daily_cap,
  expectedServiceMinutes: Number(c.expected_service_minutes),
  sort: c.sort,
  active: c.active,
  items: c.item_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
  windows,
  issuedToday,
});

/** The photo placeholder of 挂牌上岗: the given name (a Chinese name's last one or two characters). */
export const initialsOf = (name: string): string => {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (/^[\u4e00-\u9fff]+$/.test(name.trim())) return chars.slice(chars.length > 2 ? -2 : -1).join('');
  return name
    .split(/\s+/)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 2);
};

export const presentBadge = (s: StaffBadgeRow): z.infer<typeof OfficerBadge> => ({
  name: s.name,
  badgeNumber: s.badge_number,
  post: s.post,
  initials: initialsOf(s.name),
});

/** The ticket holder's view; `position` for a waiting ticket of today. */
export function presentTicketPublic(
  t: TicketFullRow,
  today: string,
  position: Position | null,
): TicketPublicView {
  const waiting = t.status === 'waiting' || t.status === 'transferred';
  return {
    id: t.id,
    number: t.display_number,
    hallId: t.hall_id,
    hallName: t.hall_name,
    centerName: t.center_name,
    categoryName: t.category_name,
    status: t.status,
    businessDate: t.business_date,
    issuedAt: new Date(t.issued_at).toISOString(),
    ahead: waiting && position ? position.ahead : null,
    estimatedWaitMinutes: waiting && position ? position.estimate.minutes : null,
    estimateBasis: waiting && position ? position.estimate.basis : null,
    window:
      t.window_id && t.window_number !== null
        ? { id: t.window_id, number: t.window_number, name: t.window_name ?? '' }
        : null,
    calledAt: iso(t.called_at),
    priority: t.priority,
    appointmentAt: iso(t.appointment_at),
    expired: t.business_date < today,
  };
}

export function presentTicket(
  t: TicketFullRow,
  today: string,
  position: Position | null,
  policy: { maxRecalls: number; maxRequeues: number },
  itemName: string | null,
): TicketView {
  const expired = t.business_date < today;
  return {
    ...presentTicketPublic(t, today, position),
    categoryId: t.category_id,
    channel: t.channel,
    priorityWeight: t.priority_weight,
    itemId: t.item_id,
    itemName,
    staffId: t.staff_id,
    staffName: t.staff_name,
    queuedAt: new Date(t.queued_at).toISOString(),
    firstCalledAt: iso(t.first_called_at),
    servingAt: iso(t.serving_at),
    finishedAt: iso(t.finished_at),
    recallCount: t.recall_count,
    requeueCount: t.requeue_count,
    transferCount: t.transfer_count,
    issuedEstimateMinutes: t.estimated_wait_minutes,
    caseId: t.case_id,
    acceptedAt: iso(t.accepted_at),
    allowedActions: expired ? [] : allowedTicketActions(snapshotOf(t), policy),
  };
}

export const presentEvent = (e: TicketEventRow): z.infer<typeof TicketEventView> => ({
  id: Number(e.id),
  type: e.type,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  windowNumber: e.window_number,
  actorName: e.actor_name,
  detail: e.detail,
  at: new Date(e.at).toISOString(),
});

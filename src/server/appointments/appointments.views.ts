import { civilDateOfInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { blacklistStatus, isBookableDay } from '../../domain/schedule';
import type { BookableCategory, SlotsView } from '../../shared/contracts/appointments';
import type { Queryable } from '../db/db';
import { formatInstant } from '../../domain/calendar';
import { addDays, loadSchedule } from '../schedule/schedule.engine';
import { findCategoryInfo, listCategoryInfos } from '../schedule/schedule.repository';
import * as repo from './appointments.repository';
import { loadSettings } from './appointments.settings';
import { bookingHorizon, slotsWithCounts } from './appointments.slots';

const iso = (d: Date) => formatInstant(d.getTime());
const DAY_MS = 86_400_000;

/** Categories of a center people can book: active, bound to items (names from the catalog). */
export async function bookableCategories(q: Queryable, centerId: string): Promise<BookableCategory[]> {
  const cats = (await listCategoryInfos(q, centerId)).filter((c) => c.item_ids.length > 0);
  const names = await q.query<{ id: string; name: string }>(
    `SELECT i.id, v.name FROM items i JOIN item_versions v ON v.id = i.current_version_id WHERE i.id = ANY($1::uuid[])`,
    [[...new Set(cats.flatMap((c) => c.item_ids))]],
  );
  const byId = new Map(names.map((n) => [n.id, n.name]));
  return cats.map((c) => ({
    id: c.id,
    hallId: c.hall_id,
    hallName: c.hall_name,
    prefix: c.prefix,
    name: c.name,
    description: c.description,
    items: c.item_ids.map((i) => byId.get(i)).filter((n): n is string => Boolean(n)),
  }));
}

/** The bookable days of a category with slots and places left (default: today to the horizon). */
export async function categorySlotsView(
  q: Queryable,
  p: { categoryId: string; from?: string | undefined; to?: string | undefined; now: Date },
): Promise<SlotsView> {
  const c = await findCategoryInfo(q, p.categoryId);
  if (!c || !c.active) throw new AppError('NOT_FOUND', { entity: 'category' });
  const { policy } = await loadSettings(q, c.center_id);
  const today = civilDateOfInstant(p.now.getTime());
  const horizon = bookingHorizon(await loadSchedule(q, c.center_id, today, today, c.item_ids), p.now, policy);
  const from = p.from ?? horizon.first;
  const to = p.to ?? horizon.lastDay;
  if (to < from || to > addDays(from, 62))
    throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.not_before_from' });
  const days = (await slotsWithCounts(q, c.center_id, [c], from, to, policy)).get(c.id) ?? [];
  return {
    categoryId: c.id,
    categoryName: c.name,
    lastDay: horizon.lastDay,
    days: days.map((d) => ({
      date: d.date,
      isWorkday: d.isWorkday,
      bookable: isBookableDay(d.date, today, horizon.lastDay, policy),
      slots: d.slots.map((s) => ({
        startsAt: iso(s.startsAt),
        endsAt: iso(s.endsAt),
        label: s.label,
        capacity: s.capacity,
        booked: s.booked,
        available: s.startsAt.getTime() > p.now.getTime() ? Math.max(0, s.capacity - s.booked) : 0,
      })),
    })),
  };
}

/** Capacity and bookings per day of every bookable category of a center (planning view, bench). */
export async function availability(q: Queryable, centerId: string, from: string, to: string) {
  if (to < from || to > addDays(from, 62))
    throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.not_before_from' });
  const { policy } = await loadSettings(q, centerId);
  const cats = (await listCategoryInfos(q, centerId)).filter((c) => c.item_ids.length > 0);
  const slots = await slotsWithCounts(q, centerId, cats, from, to, policy);
  return {
    centerId,
    categories: cats.map((c) => ({
      categoryId: c.id,
      name: c.name,
      days: (slots.get(c.id) ?? []).map((d) => ({
        date: d.date,
        capacity: d.slots.reduce((s, x) => s + x.capacity, 0),
        booked: d.slots.reduce((s, x) => s + x.booked, 0),
      })),
    })),
  };
}

/** People barred from booking now (blacklist), with the end of their bar. */
export async function blacklist(q: Queryable, centerId: string, now: Date) {
  const { policy } = await loadSettings(q, centerId);
  const since = new Date(now.getTime() - (policy.noShowWindowDays + policy.blacklistDays) * DAY_MS);
  const rows = await repo.noShowsOfCenter(q, centerId, since);
  const items = [];
  for (const r of rows) {
    const s = blacklistStatus(
      r.at.map((d) => new Date(d).getTime()),
      now.getTime(),
      policy,
    );
    if (s.blocked)
      items.push({
        idNumber: r.id_number,
        name: r.name,
        noShows: r.at.length,
        until: iso(new Date(s.untilMs!)),
      });
  }
  return { items };
}

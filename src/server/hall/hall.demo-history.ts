import { randomUUID } from 'node:crypto';
import {
  civilDateOfDayNumber,
  dayNumberOfInstant,
  instantOfCivil,
  weekdayOfDayNumber,
} from '../../domain/calendar/civil-time';
import { formatTicketNumber } from '../../domain/queue';
import type { Queryable } from '../db/db';

/**
 * Two weeks of past tickets for the demo hall, so the statistics, the heat map and the estimation
 * error have something to show on the first start. Deterministic (seeded), busier in the morning
 * peak and after lunch like the halls in the seed documents; waits, services and the estimates
 * printed on the slips vary around the categories' expected times.
 */
const PROFILE: [hour: number, weight: number][] = [
  [8, 5],
  [9, 14],
  [10, 12],
  [11, 5],
  [14, 7],
  [15, 10],
  [16, 8],
  [17, 3],
];
const VOLUME: Record<string, number> = { A: 38, B: 9, C: 30, D: 34, E: 28, F: 11, G: 7, H: 6 };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function insertDemoHistory(
  tx: Queryable,
  p: {
    centerId: string;
    hallId: string;
    now: Date;
    categories: { id: string; prefix: string; hall: string; minutes: number }[];
  },
): Promise<void> {
  const cats = p.categories.filter((c) => c.hall === p.hallId && VOLUME[c.prefix]);
  if (cats.length === 0) return;
  const today = dayNumberOfInstant(p.now.getTime());
  const workdays = (
    await tx.query<{ day: string }>(
      `SELECT day::text AS day FROM calendar_days WHERE center_id = $1 AND is_workday AND day < $2 ORDER BY day DESC LIMIT 10`,
      [p.centerId, civilDateOfDayNumber(today)],
    )
  ).map((r) => r.day);
  const days =
    workdays.length > 0
      ? workdays
      : Array.from({ length: 14 }, (_, i) => today - 14 + i)
          .filter((d) => weekdayOfDayNumber(d) % 6 !== 0)
          .map(civilDateOfDayNumber);
  // Windows able to take each category (its items' windows in this hall, the pickup window aside),
  // with the officer assigned there.
  const windows = await tx.query<{ category_id: string; window_id: string; staff_id: string | null }>(
    `SELECT DISTINCT x.category_id, w.id AS window_id,
       (SELECT s.id FROM staff s WHERE s.window_id = w.id AND s.active ORDER BY (s.backup_of_id IS NOT NULL), s.badge_number LIMIT 1) AS staff_id
     FROM ticket_category_items x JOIN item_windows iw ON iw.item_id = x.item_id JOIN windows w ON w.id = iw.window_id
     JOIN halls h ON h.id = $1 AND h.center_id = w.center_id AND h.name = w.hall
     WHERE x.category_id = ANY($2::uuid[]) AND w.name NOT LIKE '%出件%'`,
    [p.hallId, cats.map((c) => c.id)],
  );
  const random = rng(20260302);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const noise = (sigma: number) => Math.exp(sigma * (random() + random() + random() - 1.5) * 1.4);
  const hourWeights = PROFILE.reduce((a, [, w]) => a + w, 0);
  const t: unknown[][] = Array.from({ length: 17 }, () => []);
  const e: unknown[][] = Array.from({ length: 8 }, () => []);
  const event = (
    ticket: string,
    type: string,
    from: string | null,
    to: string,
    win: string | null,
    staff: string | null,
    at: Date,
  ) => {
    for (const [i, v] of [
      ticket,
      type,
      from,
      to,
      win,
      staff,
      staff ? '窗口工作人员' : '取号机',
      at,
    ].entries())
      e[i]!.push(v);
  };

  for (const day of days) {
    for (const c of cats) {
      const ws = windows.filter((w) => w.category_id === c.id);
      if (ws.length === 0) continue;
      const n = Math.round(VOLUME[c.prefix]! * (0.75 + random() * 0.5));
      const arrivals = Array.from({ length: n }, () => {
        let r = random() * hourWeights;
        const [hour] = PROFILE.find(([, w]) => (r -= w) < 0) ?? PROFILE[0]!;
        const startMin = hour === 8 ? 30 : 0;
        const endMin = hour === 11 || hour === 17 ? 30 : 60;
        const m = startMin + Math.floor(random() * (endMin - startMin));
        return instantOfCivil(
          day,
          `${String(hour).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
        ).getTime();
      }).sort((a, b) => a - b);
      arrivals.forEach((issued, i) => {
        const id = randomUUID();
        const hour = Number(new Date(issued + 8 * 3_600_000).getUTCHours());
        const peak = hour === 9 || hour === 10 || hour === 15 ? 2.2 : 1;
        const wait = Math.max(0.5, c.minutes * 0.9 * peak * noise(0.5));
        // A little optimistic at the peaks, as live estimates are while a rush builds up.
        const estimate = Math.max(1, Math.round(wait * (0.7 + random() * 0.45) + (random() - 0.5) * 4));
        const service = Math.max(1, c.minutes * noise(0.35));
        const w = pick(ws);
        const noShow = random() < 0.05;
        const called = new Date(issued + wait * 60_000);
        const serving = new Date(called.getTime() + (0.5 + random()) * 60_000);
        const finished = new Date(serving.getTime() + service * 60_000);
        const number = i + 1;
        const row = [
          id,
          p.centerId,
          p.hallId,
          c.id,
          day,
          number,
          formatTicketNumber(c.prefix, number, { from: 1, to: 999 }),
          number,
          noShow ? 'no_show' : 'done',
          new Date(issued),
          w.window_id,
          w.staff_id,
          called,
          noShow ? null : serving,
          noShow ? null : finished,
          estimate,
          random() < 0.9 ? 'kiosk' : 'guide',
        ];
        row.forEach((v, k) => t[k]!.push(v));
        event(id, 'issue', null, 'waiting', null, null, new Date(issued));
        event(id, 'call', 'waiting', 'called', w.window_id, w.staff_id, called);
        if (noShow)
          event(
            id,
            'no_show',
            'called',
            'no_show',
            w.window_id,
            w.staff_id,
            new Date(called.getTime() + 180_000),
          );
        else {
          event(id, 'start', 'called', 'serving', w.window_id, w.staff_id, serving);
          event(id, 'finish', 'serving', 'done', w.window_id, w.staff_id, finished);
        }
      });
    }
  }
  await tx.query(
    `INSERT INTO tickets (id, center_id, hall_id, category_id, business_date, number, display_number, seq, status, issued_at,
       queued_at, window_id, staff_id, called_at, first_called_at, serving_at, finished_at, estimated_wait_minutes, channel)
     SELECT id, center_id, hall_id, category_id, day, number, display_number, seq, status, issued, issued, window_id, staff_id,
       called, called, serving, finished, estimate, channel
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::int[], $7::text[], $8::int[], $9::text[],
       $10::timestamptz[], $11::uuid[], $12::uuid[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[], $16::int[], $17::text[])
       AS x(id, center_id, hall_id, category_id, day, number, display_number, seq, status, issued, window_id, staff_id, called,
            serving, finished, estimate, channel)`,
    t,
  );
  await tx.query(
    `INSERT INTO ticket_events (ticket_id, center_id, hall_id, type, from_status, to_status, window_id, staff_id, actor_name, at)
     SELECT ticket, $9, $10, type, from_status, to_status, window_id, staff_id, actor, at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[])
       AS x(ticket, type, from_status, to_status, window_id, staff_id, actor, at)`,
    [...e, p.centerId, p.hallId],
  );
}

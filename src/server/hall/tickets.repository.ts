import type { TicketSnapshot, TicketStatus } from '../../domain/queue';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for tickets and their events. */

export interface TicketRow {
  id: string;
  center_id: string;
  hall_id: string;
  category_id: string;
  business_date: string;
  number: number;
  display_number: string;
  seq: number;
  status: TicketStatus;
  channel: 'kiosk' | 'guide' | 'appointment';
  item_id: string | null;
  priority: TicketSnapshot['priority'];
  priority_weight: number;
  appointment_at: Date | null;
  issued_at: Date;
  queued_at: Date;
  window_id: string | null;
  staff_id: string | null;
  called_at: Date | null;
  first_called_at: Date | null;
  serving_at: Date | null;
  finished_at: Date | null;
  recall_count: number;
  requeue_count: number;
  transfer_count: number;
  estimated_wait_minutes: number | null;
  case_id: string | null;
  accepted_at: Date | null;
}

/** A ticket with the names its views show. */
export interface TicketFullRow extends TicketRow {
  hall_name: string;
  center_name: string;
  center_path: string;
  category_name: string;
  window_number: string | null;
  window_name: string | null;
  staff_name: string | null;
}

const fullSelect = `SELECT t.*, h.name AS hall_name, c.name AS center_name, c.path AS center_path,
    k.name AS category_name, w.number AS window_number, w.name AS window_name, s.name AS staff_name
  FROM tickets t JOIN halls h ON h.id = t.hall_id JOIN centers c ON c.id = t.center_id
  JOIN ticket_categories k ON k.id = t.category_id
  LEFT JOIN windows w ON w.id = t.window_id LEFT JOIN staff s ON s.id = t.staff_id`;

/** A ticket by id; `scopePath` null for the public phone page (the id is the capability). */
export const findTicket = (q: Queryable, id: string, scopePath: string | null) =>
  maybeOne<TicketFullRow>(
    q,
    `${fullSelect} WHERE t.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')`,
    [id, scopePath],
  );

/** Lock a ticket row for a change (the caller re-reads it through `findTicket` afterwards). */
export const lockTicket = (q: Queryable, id: string) =>
  maybeOne<TicketRow>(q, 'SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [id]);

/** Tickets of a hall by printed number, newest business day first (today's, or the last one before). */
export const findByNumber = (q: Queryable, hallId: string, displayNumber: string, onOrBefore: string) =>
  q.query<{ id: string; business_date: string }>(
    `SELECT id, business_date FROM tickets WHERE hall_id = $1 AND display_number = $2 AND business_date <= $3
     ORDER BY business_date DESC LIMIT 1`,
    [hallId, displayNumber, onOrBefore],
  );

export const listTickets = (
  q: Queryable,
  f: { hallId: string; date: string; status?: TicketStatus | undefined; number?: string | undefined },
) =>
  q.query<TicketFullRow>(
    `${fullSelect} WHERE t.hall_id = $1 AND t.business_date = $2 AND ($3::text IS NULL OR t.status = $3)
       AND ($4::text IS NULL OR t.display_number = $4)
     ORDER BY t.issued_at DESC, t.seq DESC LIMIT 300`,
    [f.hallId, f.date, f.status ?? null, f.number ?? null],
  );

/** The active ticket (called or serving) of a window on a business day. */
export const activeTicketAt = (q: Queryable, windowId: string, date: string) =>
  maybeOne<{ id: string; display_number: string; status: TicketStatus }>(
    q,
    `SELECT id, display_number, status FROM tickets WHERE window_id = $1 AND business_date = $2 AND status IN ('called', 'serving')
     ORDER BY called_at DESC LIMIT 1`,
    [windowId, date],
  );

export interface NewTicket {
  centerId: string;
  hallId: string;
  categoryId: string;
  date: string;
  number: number;
  displayNumber: string;
  seq: number;
  channel: TicketRow['channel'];
  itemId: string | null;
  priority: TicketSnapshot['priority'];
  priorityWeight: number;
  verifiedBy: string | null;
  appointmentAt: Date | null;
  issuedAt: Date;
  estimate: number | null;
}

export async function insertTicket(q: Queryable, t: NewTicket): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO tickets (center_id, hall_id, category_id, business_date, number, display_number, seq, status, channel,
       item_id, priority, priority_weight, priority_verified_by, appointment_at, issued_at, queued_at,
       estimated_wait_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $10, $11, $12, $13, $14, $14, $15) RETURNING id`,
    [
      t.centerId,
      t.hallId,
      t.categoryId,
      t.date,
      t.number,
      t.displayNumber,
      t.seq,
      t.channel,
      t.itemId,
      t.priority,
      t.priorityWeight,
      t.verifiedBy,
      t.appointmentAt,
      t.issuedAt,
      t.estimate,
    ],
  );
  return r!.id;
}

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Write the snapshot the transition table produced. */
export async function saveSnapshot(
  q: Queryable,
  id: string,
  s: TicketSnapshot,
  extra: { verifiedBy?: string | null } = {},
): Promise<void> {
  await q.query(
    `UPDATE tickets SET status = $2, category_id = $3, window_id = $4, staff_id = $5, queued_at = $6, called_at = $7,
       first_called_at = $8, serving_at = $9, finished_at = $10, recall_count = $11, requeue_count = $12,
       transfer_count = $13, priority = $14, priority_weight = $15,
       priority_verified_by = CASE WHEN $16::boolean THEN $17::uuid ELSE priority_verified_by END
     WHERE id = $1`,
    [
      id,
      s.status,
      s.categoryId,
      s.windowId,
      s.staffId,
      new Date(s.queuedAt),
      at(s.calledAt),
      at(s.firstCalledAt),
      at(s.servingAt),
      at(s.finishedAt),
      s.recallCount,
      s.requeueCount,
      s.transferCount,
      s.priority,
      s.priorityWeight,
      'verifiedBy' in extra,
      extra.verifiedBy ?? null,
    ],
  );
}

const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());

export const snapshotOf = (t: TicketRow): TicketSnapshot => ({
  number: t.display_number,
  status: t.status,
  categoryId: t.category_id,
  windowId: t.window_id,
  staffId: t.staff_id,
  queuedAt: new Date(t.queued_at).getTime(),
  calledAt: ms(t.called_at),
  firstCalledAt: ms(t.first_called_at),
  servingAt: ms(t.serving_at),
  finishedAt: ms(t.finished_at),
  recallCount: t.recall_count,
  requeueCount: t.requeue_count,
  transferCount: t.transfer_count,
  priority: t.priority,
  priorityWeight: t.priority_weight,
});

export async function insertTicketEvent(
  q: Queryable,
  e: {
    ticketId: string;
    centerId: string;
    hallId: string;
    type: string;
    from: TicketStatus | null;
    to: TicketStatus;
    windowId: string | null;
    staffId: string | null;
    actorName: string;
    detail?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO ticket_events (ticket_id, center_id, hall_id, type, from_status, to_status, window_id, staff_id, actor_name, detail, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      e.ticketId,
      e.centerId,
      e.hallId,
      e.type,
      e.from,
      e.to,
      e.windowId,
      e.staffId,
      e.actorName,
      JSON.stringify(e.detail ?? {}),
      e.at,
    ],
  );
}

export interface TicketEventRow {
  id: number;
  type: string;
  from_status: TicketStatus | null;
  to_status: TicketStatus;
  window_number: string | null;
  actor_name: string;
  detail: Record<string, unknown>;
  at: Date;
}

export const ticketEvents = (q: Queryable, ticketId: string) =>
  q.query<TicketEventRow>(
    `SELECT e.id, e.type, e.from_status, e.to_status, w.number AS window_number, e.actor_name, e.detail, e.at
     FROM ticket_events e LEFT JOIN windows w ON w.id = e.window_id WHERE e.ticket_id = $1 ORDER BY e.id`,
    [ticketId],
  );

// ---- the live queue of a hall -------------------------------------------------------------------

export interface QueueRow {
  id: string;
  category_id: string;
  status: TicketStatus;
  window_id: string | null;
  appointment_at: Date | null;
  priority: TicketSnapshot['priority'];
  priority_weight: number;
  queued_at: Date;
  seq: number;
  display_number: string;
}

/** Today's waiting tickets of a hall (waiting, or transferred to a window). */
export const waitingTickets = (q: Queryable, hallId: string, date: string) =>
  q.query<QueueRow>(
    `SELECT id, category_id, status, window_id, appointment_at, priority, priority_weight, queued_at, seq, display_number
     FROM tickets WHERE hall_id = $1 AND business_date = $2 AND status IN ('waiting', 'transferred')`,
    [hallId, date],
  );

/** Today's waiting count per category, counted under the hall's feed lock for the feed message. */
export const waitingCounts = (q: Queryable, hallId: string, date: string) =>
  q.query<{ category_id: string; waiting: number }>(
    `SELECT category_id, count(*)::int AS waiting FROM tickets
     WHERE hall_id = $1 AND business_date = $2 AND status IN ('waiting', 'transferred') GROUP BY category_id`,
    [hallId, date],
  );

/**
 * The latest service durations (minutes from the call at the window to the finish) of each window of
 * a hall today, newest first, at most `per` each: the live service rates of the wait estimate.
 */
export const recentServices = (q: Queryable, hallId: string, date: string, per: number) =>
  q.query<{ window_id: string; minutes: number }>(
    `SELECT window_id, minutes FROM (
       SELECT window_id, extract(epoch FROM finished_at - called_at) / 60.0 AS minutes,
              row_number() OVER (PARTITION BY window_id ORDER BY finished_at DESC) AS rn
       FROM tickets WHERE hall_id = $1 AND business_date = $2 AND status = 'done' AND called_at IS NOT NULL
     ) x WHERE rn <= $3 ORDER BY window_id, rn`,
    [hallId, date, per],
  );

/** The current ticket (called or serving) of each window of a hall today. */
export const currentTickets = (q: Queryable, hallId: string, date: string) =>
  q.query<{ window_id: string; display_number: string; status: TicketStatus }>(
    `SELECT DISTINCT ON (window_id) window_id, display_number, status FROM tickets
     WHERE hall_id = $1 AND business_date = $2 AND status IN ('called', 'serving') AND window_id IS NOT NULL
     ORDER BY window_id, called_at DESC`,
    [hallId, date],
  );

/** Today's tally of a window for the officer panel. */
export const windowToday = (q: Queryable, windowId: string, date: string) =>
  maybeOne<{ served: number; no_shows: number; transferred: number; mean_service: number | null }>(
    q,
    `SELECT
       (SELECT count(*)::int FROM tickets WHERE window_id = $1 AND business_date = $2 AND status = 'done') AS served,
       (SELECT count(*)::int FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
          WHERE e.window_id = $1 AND t.business_date = $2 AND e.type = 'no_show') AS no_shows,
       (SELECT count(*)::int FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
          WHERE e.window_id = $1 AND t.business_date = $2 AND e.type = 'transfer') AS transferred,
       (SELECT avg(extract(epoch FROM finished_at - serving_at) / 60.0)::float8 FROM tickets
          WHERE window_id = $1 AND business_date = $2 AND status = 'done') AS mean_service`,
    [windowId, date],
  );

import type { OrderLevel } from '../../shared/contracts/supervision';
import type { Queryable } from '../db/db';

/** Thin typed SQL for reminders (催办) and supervision orders (督办单) and their history. */

export interface OrderRow {
  id: string;
  center_id: string;
  number: string;
  kind: 'reminder' | 'order';
  case_id: string | null;
  case_number: string | null;
  card_id: string | null;
  department_id: string;
  department_name: string;
  content: string;
  response_workdays: number;
  response_due_at: Date;
  level: OrderLevel;
  status: 'open' | 'responded' | 'closed';
  escalations: number;
  issued_by: string | null;
  issued_by_name: string;
  issued_at: Date;
  response: string | null;
  responded_by_name: string | null;
  responded_at: Date | null;
  responded_late: boolean | null;
  verdict: 'satisfied' | 'unsatisfied' | null;
  verdict_note: string | null;
  verdict_by_name: string | null;
  verdict_at: Date | null;
  closed_at: Date | null;
}

export interface OrderEventRow {
  order_id: string;
  action: 'issue' | 'escalate' | 'respond' | 'verdict' | 'close';
  level: string;
  actor_name: string;
  note: string;
  at: Date;
}

/** The next number of a kind of order in a center's year; the row lock keeps numbers unique under concurrency. */
export async function nextNumber(q: Queryable, centerId: string, scope: string): Promise<number> {
  const [r] = await q.query<{ last: number }>(
    `INSERT INTO supervision_counters (center_id, scope, last) VALUES ($1, $2, 1)
     ON CONFLICT (center_id, scope) DO UPDATE SET last = supervision_counters.last + 1 RETURNING last`,
    [centerId, scope],
  );
  return r!.last;
}

export interface NewOrder {
  center_id: string;
  number: string;
  kind: 'reminder' | 'order';
  case_id: string | null;
  card_id: string | null;
  department_id: string;
  content: string;
  response_workdays: number;
  response_due_at: Date;
  issued_by: string;
  issued_by_name: string;
}

export async function insertOrder(q: Queryable, o: NewOrder, now: Date): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO supervision_orders (center_id, number, kind, case_id, card_id, department_id, content,
       response_workdays, response_due_at, level, status, issued_by, issued_by_name, issued_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'blue', 'open', $10, $11, $12, $12) RETURNING id`,
    [
      o.center_id,
      o.number,
      o.kind,
      o.case_id,
      o.card_id,
      o.department_id,
      o.content,
      o.response_workdays,
      o.response_due_at,
      o.issued_by,
      o.issued_by_name,
      now,
    ],
  );
  return r!.id;
}

const orderSelect = `SELECT o.*, k.number AS case_number, d.name AS department_name
  FROM supervision_orders o JOIN centers c ON c.id = o.center_id JOIN departments d ON d.id = o.department_id
  LEFT JOIN cases k ON k.id = o.case_id`;

export async function findOrder(
  q: Queryable,
  scopePath: string,
  id: string,
  forUpdate = false,
): Promise<OrderRow | undefined> {
  const [r] = await q.query<OrderRow>(
    `${orderSelect} WHERE o.id = $2 AND c.path LIKE $1 || '%'${forUpdate ? ' FOR UPDATE OF o' : ''}`,
    [scopePath, id],
  );
  return r;
}

export interface OrderFilter {
  scopePath: string;
  centerId?: string | undefined;
  departmentId?: string | undefined;
  caseId?: string | undefined;
  statuses: readonly string[];
}

export const listOrders = (q: Queryable, f: OrderFilter) =>
  q.query<OrderRow>(
    `${orderSelect} WHERE c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR o.center_id = $2)
       AND ($3::uuid IS NULL OR o.department_id = $3) AND ($4::uuid IS NULL OR o.case_id = $4)
       AND o.status = ANY($5::text[])
     ORDER BY o.status = 'closed', o.response_due_at, o.issued_at DESC LIMIT 500`,
    [f.scopePath, f.centerId ?? null, f.departmentId ?? null, f.caseId ?? null, f.statuses],
  );

export const listOrderEvents = (q: Queryable, orderIds: readonly string[]) =>
  q.query<OrderEventRow>(
    `SELECT order_id, action, level, actor_name, note, at FROM supervision_order_events
     WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, id`,
    [orderIds],
  );

export async function addOrderEvent(
  q: Queryable,
  o: { id: string; center_id: string },
  e: Omit<OrderEventRow, 'order_id'>,
): Promise<void> {
  await q.query(
    `INSERT INTO supervision_order_events (order_id, center_id, action, level, actor_name, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [o.id, o.center_id, e.action, e.level, e.actor_name, e.note, e.at],
  );
}

export async function saveResponse(
  q: Queryable,
  id: string,
  r: { response: string; byName: string; late: boolean; status: 'responded' | 'closed' },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE supervision_orders SET response = $2, responded_by_name = $3, responded_at = $4::timestamptz, responded_late = $5,
       status = $6::text, closed_at = CASE WHEN $6::text = 'closed' THEN $4::timestamptz ELSE closed_at END,
       updated_at = $4::timestamptz WHERE id = $1`,
    [id, r.response, r.byName, now, r.late, r.status],
  );
}

export async function saveVerdict(
  q: Queryable,
  id: string,
  v: { verdict: 'satisfied' | 'unsatisfied'; note: string; byName: string; reopenDueAt: Date | null },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE supervision_orders SET verdict = $2::text, verdict_note = $3, verdict_by_name = $4, verdict_at = $5::timestamptz,
       status = CASE WHEN $2::text = 'satisfied' THEN 'closed' ELSE 'open' END,
       closed_at = CASE WHEN $2::text = 'satisfied' THEN $5::timestamptz END,
       response_due_at = coalesce($6::timestamptz, response_due_at), updated_at = $5::timestamptz WHERE id = $1`,
    [id, v.verdict, v.note, v.byName, now, v.reopenDueAt],
  );
}

/** Open orders past their response deadline that can still go up a level (blue or orange). */
export const claimOverdue = (q: Queryable, now: Date, limit: number, centerIds: readonly string[] | null) =>
  q.query<OrderRow>(
    `SELECT o.*, NULL::text AS case_number, '' AS department_name FROM supervision_orders o
     WHERE o.status = 'open' AND o.level <> 'red' AND o.response_due_at < $1
       AND ($3::uuid[] IS NULL OR o.center_id = ANY($3::uuid[]))
     ORDER BY o.response_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit, centerIds],
  );

export async function escalate(
  q: Queryable,
  id: string,
  level: OrderLevel,
  dueAt: Date,
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE supervision_orders SET level = $2, response_due_at = $3, escalations = escalations + 1, updated_at = $4
     WHERE id = $1`,
    [id, level, dueAt, now],
  );
}

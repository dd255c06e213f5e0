import type {
  HotlineCategory,
  HotlineStatus,
  SatisfactionLevel,
  SupervisionReason,
} from '../../domain/evaluation';
import { type Queryable, page } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for 12345 work orders, their units and events, and the platform's API keys. */

export interface OrderRow {
  id: string;
  center_id: string;
  number: string;
  source: 'api' | 'import' | 'manual';
  category: HotlineCategory;
  kind: 'consult' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise';
  title: string;
  content: string;
  caller_name: string;
  caller_phone: string;
  address: string;
  received_at: Date;
  status: HotlineStatus;
  lead_department_id: string | null;
  dispatched_at: Date | null;
  signed_at: Date | null;
  replied_at: Date | null;
  concluded_at: Date | null;
  sign_due_at: Date | null;
  reply_due_at: Date | null;
  return_due_at: Date | null;
  extension_days: number;
  supervised: SupervisionReason[];
  supervision_level: number;
  return_count: number;
  reply: string | null;
  visit_note: string | null;
  satisfaction: SatisfactionLevel | null;
  event_count: number;
}

export interface OrderListRow extends OrderRow {
  lead_department_name: string | null;
  co_departments: { id: string; name: string }[] | null;
}

const select = `SELECT o.*, d.name AS lead_department_name,
    (SELECT json_agg(json_build_object('id', u.department_id, 'name', x.name) ORDER BY x.code)
       FROM hotline_order_units u JOIN departments x ON x.id = u.department_id
       WHERE u.order_id = o.id AND u.role = 'co') AS co_departments
  FROM hotline_orders o JOIN centers c ON c.id = o.center_id LEFT JOIN departments d ON d.id = o.lead_department_id`;

export type NewOrder = Pick<
  OrderRow,
  | 'center_id'
  | 'number'
  | 'source'
  | 'category'
  | 'kind'
  | 'title'
  | 'content'
  | 'caller_name'
  | 'caller_phone'
  | 'address'
  | 'received_at'
>;

/** Insert an order unless the platform's number is known; returns the id and whether it was new. */
export async function insertOrder(
  q: Queryable,
  o: NewOrder,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO hotline_orders (center_id, number, source, category, kind, title, content, caller_name, caller_phone,
       address, received_at, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'received', $12, $12)
     ON CONFLICT (center_id, number) DO NOTHING RETURNING id`,
    [
      o.center_id,
      o.number,
      o.source,
      o.category,
      o.kind,
      o.title,
      o.content,
      o.caller_name,
      o.caller_phone,
      o.address,
      o.received_at,
      now,
    ],
  );
  if (r) return { id: r.id, created: true };
  const [e] = await q.query<{ id: string }>(
    'SELECT id FROM hotline_orders WHERE center_id = $1 AND number = $2',
    [o.center_id, o.number],
  );
  return { id: e!.id, created: false };
}

export const findOrder = (q: Queryable, scopePath: string | null, id: string, lock = false) =>
  maybeOne<OrderListRow>(
    q,
    `${select} WHERE o.id = $1 AND ($2::text IS NULL OR c.path LIKE $2 || '%')${lock ? ' FOR UPDATE OF o' : ''}`,
    [id, scopePath],
  );

export const findOrderByNumber = (q: Queryable, centerId: string, number: string) =>
  maybeOne<OrderListRow>(q, `${select} WHERE o.center_id = $1 AND o.number = $2 FOR UPDATE OF o`, [
    centerId,
    number,
  ]);

/** Is the department one of the order's current units (lead or co)? */
export const unitRole = async (q: Queryable, orderId: string, departmentId: string) =>
  (
    await q.query<{ role: 'lead' | 'co' }>(
      'SELECT role FROM hotline_order_units WHERE order_id = $1 AND department_id = $2',
      [orderId, departmentId],
    )
  )[0]?.role ?? null;

export async function listOrders(
  q: Queryable,
  f: {
    scopePath: string;
    centerId?: string | undefined;
    status?: string | undefined;
    overdueAt?: Date | undefined;
    departmentId?: string | null | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: OrderListRow[]; total: number }> {
  const where = `c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR o.center_id = $2) AND ($3::text IS NULL OR o.status = $3)
    AND ($4::timestamptz IS NULL OR (o.status IN ('dispatched', 'signed', 'handling') AND o.reply_due_at < $4)
         OR (o.status = 'dispatched' AND o.sign_due_at < $4))
    AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM hotline_order_units u WHERE u.order_id = o.id AND u.department_id = $5))`;
  const params = [
    f.scopePath,
    f.centerId ?? null,
    f.status ?? null,
    f.overdueAt ?? null,
    f.departmentId ?? null,
  ];
  return page<OrderListRow>(q, {
    select: select,
    countFrom: 'hotline_orders o JOIN centers c ON c.id = o.center_id',
    where,
    params,
    orderBy: 'o.received_at DESC, o.id',
    limit: f.limit,
    offset: f.offset,
  });
}

export async function saveOrder(q: Queryable, o: OrderRow, now: Date): Promise<void> {
  await q.query(
    `UPDATE hotline_orders SET status = $2, lead_department_id = $3, dispatched_at = $4, signed_at = $5, replied_at = $6,
       concluded_at = $7, sign_due_at = $8, reply_due_at = $9, return_due_at = $10, extension_days = $11,
       supervised = $12, supervision_level = $13, return_count = $14, reply = $15, visit_note = $16,
       satisfaction = $17, event_count = $18, updated_at = $19 WHERE id = $1`,
    [
      o.id,
      o.status,
      o.lead_department_id,
      o.dispatched_at,
      o.signed_at,
      o.replied_at,
      o.concluded_at,
      o.sign_due_at,
      o.reply_due_at,
      o.return_due_at,
      o.extension_days,
      o.supervised,
      o.supervision_level,
      o.return_count,
      o.reply,
      o.visit_note,
      o.satisfaction,
      o.event_count,
      now,
    ],
  );
}

export async function replaceUnits(
  q: Queryable,
  o: { id: string; center_id: string },
  lead: string,
  co: readonly string[],
): Promise<void> {
  await q.query('DELETE FROM hotline_order_units WHERE order_id = $1', [o.id]);
  await q.query(
    `INSERT INTO hotline_order_units (order_id, department_id, center_id, role)
     SELECT $1, x.id, $2, CASE WHEN x.id = $3 THEN 'lead' ELSE 'co' END FROM unnest($4::uuid[]) AS x(id)`,
    [o.id, o.center_id, lead, [lead, ...co]],
  );
}

export async function insertEvent(
  q: Queryable,
  e: {
    order_id: string;
    center_id: string;
    seq: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_name: string;
    department_id: string | null;
    note: string;
    payload: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO hotline_order_events (order_id, center_id, seq, action, from_status, to_status, actor_name,
       department_id, note, payload, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      e.order_id,
      e.center_id,
      e.seq,
      e.action,
      e.from_status,
      e.to_status,
      e.actor_name,
      e.department_id,
      e.note,
      JSON.stringify(e.payload),
      e.at,
    ],
  );
}

export const listEvents = (q: Queryable, orderId: string) =>
  q.query<{
    seq: number;
    action: string;
    to_status: string;
    actor_name: string;
    department_name: string | null;
    note: string;
    at: Date;
  }>(
    `SELECT e.seq, e.action, e.to_status, e.actor_name, d.name AS department_name, e.note, e.at
     FROM hotline_order_events e LEFT JOIN departments d ON d.id = e.department_id WHERE e.order_id = $1 ORDER BY e.seq`,
    [orderId],
  );

/** Open orders past a due and not yet supervised for it, locked for the sweep. */
export const claimLate = (q: Queryable, now: Date, limit: number) =>
  q.query<OrderListRow>(
    `${select} WHERE o.id IN (
       SELECT id FROM hotline_orders WHERE status = 'dispatched' AND sign_due_at < $1 AND NOT ('sign_overdue' = ANY(supervised))
       UNION
       SELECT id FROM hotline_orders WHERE status IN ('dispatched', 'signed', 'handling') AND reply_due_at < $1
         AND NOT ('reply_overdue' = ANY(supervised))
       LIMIT $2)
     FOR UPDATE OF o SKIP LOCKED`,
    [now, limit],
  );

export const departmentByCode = (q: Queryable, centerId: string, code: string) =>
  maybeOne<{ id: string }>(q, 'SELECT id FROM departments WHERE center_id = $1 AND code = $2 AND active', [
    centerId,
    code,
  ]);

export async function insertApiKey(q: Queryable, centerId: string, name: string, hash: string, now: Date) {
  const [r] = await q.query<{ id: string }>(
    'INSERT INTO hotline_api_keys (center_id, name, key_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [centerId, name, hash, now],
  );
  return r!.id;
}

export const findApiKey = (q: Queryable, hash: string) =>
  maybeOne<{ id: string; center_id: string; name: string }>(
    q,
    'SELECT id, center_id, name FROM hotline_api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [hash],
  );

export const listApiKeys = (q: Queryable, scopePath: string) =>
  q.query<{ id: string; name: string; created_at: Date; revoked_at: Date | null }>(
    `SELECT k.id, k.name, k.created_at, k.revoked_at FROM hotline_api_keys k JOIN centers c ON c.id = k.center_id
     WHERE c.path LIKE $1 || '%' ORDER BY k.created_at DESC`,
    [scopePath],
  );

export const monthFigures = (q: Queryable, scopePath: string, from: Date, to: Date) =>
  q.query<{
    status: string;
    n: number;
    replied: number;
    on_time: number;
    supervised: number;
    returned: number;
  }>(
    `SELECT o.status, count(*)::int AS n, count(*) FILTER (WHERE o.replied_at IS NOT NULL)::int AS replied,
       count(*) FILTER (WHERE o.replied_at IS NOT NULL AND NOT ('reply_overdue' = ANY(o.supervised)))::int AS on_time,
       count(*) FILTER (WHERE o.supervision_level > 0)::int AS supervised,
       count(*) FILTER (WHERE o.return_count > 0)::int AS returned
     FROM hotline_orders o JOIN centers c ON c.id = o.center_id
     WHERE c.path LIKE $1 || '%' AND o.received_at >= $2 AND o.received_at < $3 GROUP BY o.status`,
    [scopePath, from, to],
  );

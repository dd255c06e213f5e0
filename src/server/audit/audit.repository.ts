import type { Queryable } from '../db/db';

export interface AuditEntry {
  centerId: string | null;
  actor: { userId: string; displayName: string } | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Append one audit row in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (center_id, actor_id, actor_name, action, entity, entity_id, before, after, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.centerId,
      e.actor?.userId ?? null,
      e.actor?.displayName ?? 'system',
      e.action,
      e.entity,
      e.entityId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.at,
    ],
  );
}

export interface AuditRow {
  id: number;
  center_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export async function listAudit(
  q: Queryable,
  f: {
    centerPath: string;
    entity?: string | undefined;
    entityId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = [`(a.center_id IS NULL OR c.path LIKE $1 || '%')`];
  const params: unknown[] = [f.centerPath];
  if (f.entity) {
    params.push(f.entity);
    where.push(`a.entity = $${params.length}`);
  }
  if (f.entityId) {
    params.push(f.entityId);
    where.push(`a.entity_id = $${params.length}`);
  }
  const base = `FROM audit_log a LEFT JOIN centers c ON c.id = a.center_id WHERE ${where.join(' AND ')}`;
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params))[0]?.n ?? 0;
  const rows = await q.query<AuditRow>(
    `SELECT a.id, a.center_id, a.actor_name, a.action, a.entity, a.entity_id, a.before, a.after, a.at ${base}
     ORDER BY a.at DESC, a.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
  return { rows, total };
}

/** Who makes a change and when, as every service's context carries it. */
export interface AuditCtx {
  actor: { userId: string; displayName: string };
  now: Date;
}

/** The audit row of a change made by the context's actor at its `now` (the services' common case). */
export const auditChange = (
  q: Queryable,
  ctx: AuditCtx,
  centerId: string,
  action: string,
  entity: string,
  id: string,
  before: unknown,
  after: unknown,
) =>
  recordAudit(q, {
    centerId,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    action,
    entity,
    entityId: id,
    before,
    after,
    at: ctx.now,
  });

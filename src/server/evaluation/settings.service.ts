import { resolvePolicies, type CenterPolicies, type StoredPolicies } from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import type { Policies } from '../../shared/contracts/evaluation';
import { recordAudit } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';

/**
 * The effective policies of a center: the nearest center up the tree (itself, its township, its
 * county…) that stored overrides decides, merged over the code defaults. A village therefore follows
 * its county until someone sets its own deadlines.
 */
export async function loadPolicies(q: Queryable, centerId: string): Promise<CenterPolicies> {
  const hit = cache.get(centerId);
  if (hit && hit.until > Date.now()) return hit.policies;
  const policies = await readPolicies(q, centerId);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(centerId, { policies, until: Date.now() + CACHE_MS });
  return policies;
}

/**
 * Policies are read on every evaluation (the window evaluators' hot path) and change a few times a
 * year, so each process keeps them for a few seconds; a save clears this process's copy at once and
 * other processes follow within CACHE_MS. (Infrastructure time, not the domain clock.)
 */
const CACHE_MS = 10_000;
const MAX_CACHED = 5_000;
const cache = new Map<string, { policies: CenterPolicies; until: number }>();

async function readPolicies(q: Queryable, centerId: string): Promise<CenterPolicies> {
  const [row] = await q.query<{ policies: StoredPolicies }>(
    `SELECT s.policies FROM evaluation_settings s JOIN centers a ON a.id = s.center_id
     JOIN centers c ON c.id = $1 WHERE c.path LIKE a.path || '%' ORDER BY length(a.path) DESC LIMIT 1`,
    [centerId],
  );
  return resolvePolicies(row?.policies);
}

export async function savePolicies(
  q: Queryable,
  ctx: { actor: Actor & { centerPath: string }; now: Date },
  centerId: string,
  policies: Policies,
): Promise<CenterPolicies> {
  const [center] = await q.query<{ id: string }>(
    `SELECT id FROM centers WHERE id = $1 AND path LIKE $2 || '%'`,
    [centerId, ctx.actor.centerPath],
  );
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  const before = await readPolicies(q, centerId);
  await q.query(
    `INSERT INTO evaluation_settings (center_id, policies, updated_at, updated_by_name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (center_id) DO UPDATE SET policies = EXCLUDED.policies, updated_at = EXCLUDED.updated_at,
       updated_by_name = EXCLUDED.updated_by_name`,
    [centerId, JSON.stringify(policies), ctx.now, ctx.actor.displayName],
  );
  // Centers below inherit these policies: forget every cached copy.
  cache.clear();
  await recordAudit(q, {
    centerId,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    action: 'update',
    entity: 'evaluation_settings',
    entityId: centerId,
    before,
    after: policies,
    at: ctx.now,
  });
  return resolvePolicies(policies);
}

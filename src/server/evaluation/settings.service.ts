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
  const [row] = await q.query<{ epoch: string }>('SELECT epoch FROM evaluation_settings_epoch');
  const epoch = String(row?.epoch ?? 0);
  const hit = cache.get(centerId);
  if (hit && hit.epoch === epoch) return hit.policies;
  const policies = await readPolicies(q, centerId);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(centerId, { policies, epoch });
  return policies;
}

/**
 * Policies are read on every evaluation (the window evaluators' hot path) and change a few times a
 * year, so each process keeps what it read under the settings epoch of that moment; a save anywhere
 * bumps the epoch, and every process reads again on its next call. Policies read just as a save
 * commits may be kept under the old epoch: the new epoch makes the next call read them again.
 */
const MAX_CACHED = 5_000;
const cache = new Map<string, { policies: CenterPolicies; epoch: string }>();

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
  // Centers below inherit these policies: every process's cached copies are now out of date.
  await q.query('UPDATE evaluation_settings_epoch SET epoch = epoch + 1');
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

import type { Limit } from '../../domain/clock';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { civilDateOfInstant } from '../../domain/calendar';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import { getItemVersion } from '../catalog/catalog.service';

/**
 * The item versions cases are pinned to. A published version is frozen (a database trigger refuses
 * any change), so a version read once can be kept in memory for every later action on its cases.
 */
const cache = new Map<string, ItemVersionView>();
const CACHE_MAX = 2000;

export async function pinnedVersion(q: Queryable, versionId: string): Promise<ItemVersionView> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const v = await getItemVersion(q, versionId);
  if (!v) throw new Error(`item version ${versionId} not found`);
  if (v.status === 'published' || v.status === 'cancelled') {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(versionId, v);
  }
  return v;
}

/** The published version of an item in force today, with the path of the item's center (for scope). */
export async function versionInForce(
  q: Queryable,
  itemId: string,
  now: Date,
): Promise<{ version: ItemVersionView; itemCenterPath: string } | undefined> {
  const r = await maybeOne<{ id: string; path: string }>(
    q,
    `SELECT v.id, c.path FROM item_versions v JOIN centers c ON c.id = v.center_id
     WHERE v.item_id = $1 AND v.status = 'published' AND v.effective_from <= $2::date
     ORDER BY v.effective_from DESC, v.version_no DESC LIMIT 1`,
    [itemId, civilDateOfInstant(now.getTime())],
  );
  if (!r) return undefined;
  return { version: await pinnedVersion(q, r.id), itemCenterPath: r.path };
}

export interface StepDef {
  name: string;
  role: string;
  limit: Limit;
}

export const stepsOf = (v: ItemVersionView): StepDef[] =>
  v.content.steps.map((s) => ({
    name: s.name,
    role: s.role,
    limit: { amount: s.limit.amount, unit: s.limit.unit },
  }));

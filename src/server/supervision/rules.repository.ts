import type { Level, Rule, RuleCode } from '../../domain/supervision';
import type { Queryable } from '../db/db';

/** Thin typed SQL for rules as data: a center's rows, inherited down the center tree, and item overrides. */

export interface RuleRow {
  center_id: string;
  item_id: string | null;
  code: RuleCode;
  enabled: boolean;
  level: Level;
  thresholds: Record<string, unknown>;
  note: string;
  updated_at: Date;
  updated_by_name: string;
}

export const toRule = (r: RuleRow): Rule =>
  ({ code: r.code, enabled: r.enabled, level: r.level, thresholds: r.thresholds }) as Rule;

/** The ids of a center's chain from the root down to it, from its materialised path. */
export async function centerChain(q: Queryable, centerId: string): Promise<string[]> {
  const [row] = await q.query<{ path: string }>('SELECT path FROM centers WHERE id = $1', [centerId]);
  return row ? row.path.split('/').filter(Boolean) : [];
}

/**
 * The rules in force at a center: for each rule, the row of the deepest center of its chain that has
 * one (a township inherits the county's rules until it sets its own).
 */
export async function effectiveCenterRules(q: Queryable, centerId: string): Promise<RuleRow[]> {
  const chain = await centerChain(q, centerId);
  if (chain.length === 0) return [];
  const rows = await q.query<RuleRow>(
    `SELECT center_id, NULL::uuid AS item_id, code, enabled, level, thresholds, note, updated_at, updated_by_name
     FROM supervision_rules WHERE center_id = ANY($1::uuid[])`,
    [chain],
  );
  const depth = new Map(chain.map((id, i) => [id, i]));
  const best = new Map<RuleCode, RuleRow>();
  for (const r of rows) {
    const cur = best.get(r.code);
    if (!cur || depth.get(r.center_id)! > depth.get(cur.center_id)!) best.set(r.code, r);
  }
  return [...best.values()];
}

export const listItemRules = (q: Queryable, itemIds: readonly string[]) =>
  q.query<RuleRow>(
    `SELECT center_id, item_id, code, enabled, level, thresholds, note, updated_at, updated_by_name
     FROM supervision_item_rules WHERE item_id = ANY($1::uuid[])`,
    [itemIds],
  );

export async function findCenterRule(
  q: Queryable,
  centerId: string,
  code: RuleCode,
): Promise<RuleRow | undefined> {
  const [row] = await q.query<RuleRow>(
    `SELECT center_id, NULL::uuid AS item_id, code, enabled, level, thresholds, note, updated_at, updated_by_name
     FROM supervision_rules WHERE center_id = $1 AND code = $2`,
    [centerId, code],
  );
  return row;
}

export async function upsertCenterRule(
  q: Queryable,
  centerId: string,
  r: Rule & { note: string },
  byName: string,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO supervision_rules (center_id, code, enabled, level, thresholds, note, updated_at, updated_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (center_id, code) DO UPDATE SET enabled = EXCLUDED.enabled, level = EXCLUDED.level,
       thresholds = EXCLUDED.thresholds, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,
       updated_by_name = EXCLUDED.updated_by_name`,
    [centerId, r.code, r.enabled, r.level, JSON.stringify(r.thresholds), r.note, now, byName],
  );
}

export async function upsertItemRule(
  q: Queryable,
  itemId: string,
  centerId: string,
  r: Rule & { note: string },
  byName: string,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO supervision_item_rules (item_id, center_id, code, enabled, level, thresholds, note, updated_at, updated_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (item_id, code) DO UPDATE SET enabled = EXCLUDED.enabled, level = EXCLUDED.level,
       thresholds = EXCLUDED.thresholds, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,
       updated_by_name = EXCLUDED.updated_by_name`,
    [itemId, centerId, r.code, r.enabled, r.level, JSON.stringify(r.thresholds), r.note, now, byName],
  );
}

export async function deleteItemRule(
  q: Queryable,
  itemId: string,
  code: RuleCode,
): Promise<RuleRow | undefined> {
  const [row] = await q.query<RuleRow>(
    `DELETE FROM supervision_item_rules WHERE item_id = $1 AND code = $2
     RETURNING center_id, item_id, code, enabled, level, thresholds, note, updated_at, updated_by_name`,
    [itemId, code],
  );
  return row;
}

/**
 * After a rule changes, the cases it applies to are looked at again by the next sweep: every case
 * not yet settled in the center and the centers below it (or of one item).
 */
export async function markCasesDirty(
  q: Queryable,
  scope: { centerPath: string } | { itemId: string },
): Promise<void> {
  const open = `c.status IN ('received', 'supplement_requested', 'accepted', 'paused')`;
  if ('itemId' in scope) {
    await q.query(
      `UPDATE supervision_case_state s SET dirty = true, change_seq = s.change_seq + 1
       FROM cases c WHERE c.id = s.case_id AND c.item_id = $1 AND ${open}`,
      [scope.itemId],
    );
    return;
  }
  await q.query(
    `UPDATE supervision_case_state s SET dirty = true, change_seq = s.change_seq + 1
     FROM cases c WHERE c.id = s.case_id AND ${open}
       AND c.center_id IN (SELECT id FROM centers WHERE path LIKE $1 || '%')`,
    [scope.centerPath],
  );
}

import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { Assignments, AssignmentsView } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';
import { auditCatalog, requireItem, type Ctx, type Scoped } from './catalog.service';

/**
 * 全岗通 skills matrix: which windows and which staff may accept an item. An administrator edits it per
 * item; the hall queue reads it (`windowsForItem`, `staffMayAccept`, `itemsForStaff`). Windows and
 * staff must belong to the item's center.
 */
export async function getAssignments(q: Queryable, actor: Scoped, itemId: string): Promise<AssignmentsView> {
  await requireItem(q, actor, itemId);
  return loadAssignments(q, itemId);
}

async function loadAssignments(q: Queryable, itemId: string): Promise<AssignmentsView> {
  const windows = await q.query<{ window_id: string }>(
    'SELECT window_id FROM item_windows WHERE item_id = $1 ORDER BY window_id',
    [itemId],
  );
  const staff = await q.query<{ staff_id: string }>(
    'SELECT staff_id FROM item_staff WHERE item_id = $1 ORDER BY staff_id',
    [itemId],
  );
  return { itemId, windowIds: windows.map((w) => w.window_id), staffIds: staff.map((s) => s.staff_id) };
}

export async function setAssignments(
  q: Queryable,
  ctx: Ctx,
  itemId: string,
  input: z.infer<typeof Assignments>,
): Promise<AssignmentsView> {
  const item = await requireItem(q, ctx.actor, itemId);
  const windowIds = [...new Set(input.windowIds)];
  const staffIds = [...new Set(input.staffIds)];
  const okWindows = await q.query<{ id: string }>(
    'SELECT id FROM windows WHERE center_id = $1 AND id = ANY($2::uuid[])',
    [item.center_id, windowIds],
  );
  if (okWindows.length !== windowIds.length)
    throw new AppError('VALIDATION_FAILED', {}, { windowIds: 'rule.same_center' });
  const okStaff = await q.query<{ id: string }>(
    'SELECT id FROM staff WHERE center_id = $1 AND id = ANY($2::uuid[])',
    [item.center_id, staffIds],
  );
  if (okStaff.length !== staffIds.length)
    throw new AppError('VALIDATION_FAILED', {}, { staffIds: 'rule.same_center' });
  const before = await loadAssignments(q, itemId);
  await q.query('DELETE FROM item_windows WHERE item_id = $1', [itemId]);
  await q.query('DELETE FROM item_staff WHERE item_id = $1', [itemId]);
  await q.query(
    'INSERT INTO item_windows (item_id, window_id, center_id) SELECT $1, w, $2 FROM unnest($3::uuid[]) w',
    [itemId, item.center_id, windowIds],
  );
  await q.query(
    'INSERT INTO item_staff (item_id, staff_id, center_id) SELECT $1, s, $2 FROM unnest($3::uuid[]) s',
    [itemId, item.center_id, staffIds],
  );
  const after = await loadAssignments(q, itemId);
  await auditCatalog(q, ctx, item.center_id, 'update', 'item_assignments', itemId, before, after);
  return after;
}

export interface SkillRow {
  item_id: string;
  name: string;
  impl_code: string;
  department_name: string;
  window_ids: string[];
  staff_ids: string[];
}

/** The whole matrix of one center: every item (named by its latest version) with its windows and staff. */
export const skillsMatrix = (q: Queryable, scopePath: string, centerId: string) =>
  q.query<SkillRow>(
    `SELECT i.id AS item_id, v.name, i.impl_code, d.name AS department_name,
       coalesce((SELECT array_agg(w.window_id ORDER BY w.window_id) FROM item_windows w WHERE w.item_id = i.id), '{}') AS window_ids,
       coalesce((SELECT array_agg(s.staff_id ORDER BY s.staff_id) FROM item_staff s WHERE s.item_id = i.id), '{}') AS staff_ids
     FROM items i JOIN centers c ON c.id = i.center_id JOIN departments d ON d.id = i.department_id
     JOIN LATERAL (SELECT name FROM item_versions x WHERE x.item_id = i.id ORDER BY (x.id = i.current_version_id) DESC, x.version_no DESC LIMIT 1) v ON true
     WHERE c.path LIKE $1 || '%' AND i.center_id = $2
     ORDER BY d.code, i.impl_code`,
    [scopePath, centerId],
  );

// ---- for the hall queue -------------------------------------------------------------------------

/** Windows where an item may be accepted. */
export const windowsForItem = async (q: Queryable, itemId: string): Promise<string[]> =>
  (
    await q.query<{ window_id: string }>('SELECT window_id FROM item_windows WHERE item_id = $1', [itemId])
  ).map((r) => r.window_id);

/** Items a staff member is skilled for (全岗通). */
export const itemsForStaff = async (q: Queryable, staffId: string): Promise<string[]> =>
  (await q.query<{ item_id: string }>('SELECT item_id FROM item_staff WHERE staff_id = $1', [staffId])).map(
    (r) => r.item_id,
  );

export const staffMayAccept = async (
  q: Queryable,
  p: { staffId: string; itemId: string },
): Promise<boolean> =>
  (await q.query('SELECT 1 FROM item_staff WHERE staff_id = $1 AND item_id = $2', [p.staffId, p.itemId]))
    .length > 0;

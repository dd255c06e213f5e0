import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import { businessDate, DEFAULT_ANNOUNCEMENT, defaultPriorityWeights } from '../../domain/queue';
import type {
  CategoryCreate,
  CategoryUpdate,
  CategoryView,
  HallCreate,
  HallUpdate,
} from '../../shared/contracts/hall';
import { auditChange } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import type { FeedOutbox } from './hall.feed';
import { requireHall } from './hall.common';
import { presentCategory } from './hall.presenter';
import * as repo from './hall.repository';
import { loadHallState } from './hall.state';

/**
 * Hall settings and ticket categories, edited by administrators (audited). A category binds catalog
 * items of the hall's own center; which windows call it is derived, never configured by hand.
 */
interface AdminCtx {
  actor: Actor & { centerId: string; centerPath: string };
  now: Date;
}

const audit = auditChange;

export async function createHall(
  q: Queryable,
  ctx: AdminCtx,
  input: z.infer<typeof HallCreate>,
): Promise<repo.HallRow> {
  const [center] = await q.query<{ id: string }>(
    `SELECT id FROM centers WHERE id = $1 AND path LIKE $2 || '%'`,
    [input.centerId, ctx.actor.centerPath],
  );
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  const [dup] = await q.query('SELECT 1 FROM halls WHERE center_id = $1 AND name = $2', [
    input.centerId,
    input.name,
  ]);
  if (dup) throw new AppError('DUPLICATE', { field: 'name', value: input.name }, { name: 'rule.unique' });
  const id = await repo.insertHall(q, {
    centerId: input.centerId,
    name: input.name,
    template: input.announcementTemplate ?? DEFAULT_ANNOUNCEMENT,
    notice: input.notice,
    maxRecalls: input.maxRecalls,
    maxRequeues: input.maxRequeues,
    weights: input.priorityWeights ?? { ...defaultPriorityWeights },
    now: ctx.now,
  });
  const row = (await repo.findHall(q, id, null))!;
  await audit(q, ctx, row.center_id, 'create', 'hall', id, null, row);
  return row;
}

export async function updateHall(
  q: Queryable,
  outbox: FeedOutbox,
  ctx: AdminCtx,
  id: string,
  input: z.infer<typeof HallUpdate>,
): Promise<repo.HallRow> {
  const before = await requireHall(q, id, ctx.actor.centerPath);
  await repo.updateHall(
    q,
    id,
    {
      template: input.announcementTemplate,
      notice: input.notice,
      maxRecalls: input.maxRecalls,
      maxRequeues: input.maxRequeues,
      weights: input.priorityWeights,
    },
    ctx.now,
  );
  const after = (await repo.findHall(q, id, null))!;
  await audit(q, ctx, before.center_id, 'update', 'hall', id, before, after);
  if (after.notice !== before.notice || after.announcement_template !== before.announcement_template) {
    await outbox.append(q, id, 'notice', ctx.now, () => ({
      notice: after.notice,
      announcementTemplate: after.announcement_template,
    }));
  }
  return after;
}

/** The categories of a hall with their items, the windows that can call them now, and today's count. */
export async function categoryViews(q: Queryable, hall: repo.HallRow, now: Date): Promise<CategoryView[]> {
  const state = await loadHallState(q, hall, now);
  const names = new Map(
    (await repo.itemNames(q, [...new Set(state.categories.flatMap((c) => c.item_ids))])).map((r) => [
      r.id,
      r.name,
    ]),
  );
  const issued = new Map(
    (await repo.issuedToday(q, hall.id, businessDate(now))).map((r) => [r.category_id, r.issued]),
  );
  return state.categories.map((c) =>
    presentCategory(
      c,
      names,
      state.windows.filter((w) => w.served.has(c.id)).map((w) => ({ id: w.id, number: w.number })),
      issued.get(c.id) ?? 0,
    ),
  );
}

async function checkItems(q: Queryable, centerId: string, itemIds: string[]): Promise<string[]> {
  const ids = [...new Set(itemIds)];
  if ((await repo.itemsOfCenter(q, centerId, ids)).length !== ids.length)
    throw new AppError('VALIDATION_FAILED', {}, { itemIds: 'rule.same_center' });
  return ids;
}

async function assertPrefixFree(q: Queryable, hallId: string, prefix: string, exceptId: string | null) {
  const [dup] = await q.query(
    'SELECT 1 FROM ticket_categories WHERE hall_id = $1 AND prefix = $2 AND id <> coalesce($3::uuid, gen_random_uuid())',
    [hallId, prefix, exceptId],
  );
  if (dup) throw new AppError('DUPLICATE', { field: 'prefix', value: prefix }, { prefix: 'rule.unique' });
}

export async function createCategory(
  q: Queryable,
  ctx: AdminCtx,
  input: z.infer<typeof CategoryCreate>,
): Promise<repo.CategoryRow> {
  const hall = await requireHall(q, input.hallId, ctx.actor.centerPath);
  await assertPrefixFree(q, hall.id, input.prefix, null);
  const itemIds = await checkItems(q, hall.center_id, input.itemIds);
  const id = await repo.insertCategory(q, {
    ...input,
    centerId: hall.center_id,
    hallId: hall.id,
    now: ctx.now,
  });
  await repo.setCategoryItems(q, id, hall.center_id, itemIds);
  const row = (await repo.findCategory(q, id))!;
  await audit(q, ctx, hall.center_id, 'create', 'ticket_category', id, null, row);
  return row;
}

export async function updateCategory(
  q: Queryable,
  ctx: AdminCtx,
  id: string,
  input: z.infer<typeof CategoryUpdate>,
): Promise<repo.CategoryRow> {
  const before = await repo.findCategory(q, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: 'ticket_category' });
  const hall = await requireHall(q, before.hall_id, ctx.actor.centerPath);
  const next: repo.CategoryFields = {
    prefix: input.prefix ?? before.prefix,
    name: input.name ?? before.name,
    description: input.description ?? before.description,
    numberFrom: input.numberFrom ?? before.number_from,
    numberTo: input.numberTo ?? before.number_to,
    dailyReset: input.dailyReset ?? before.daily_reset,
    dailyCap: input.dailyCap ?? before.daily_cap,
    expectedServiceMinutes: input.expectedServiceMinutes ?? Number(before.expected_service_minutes),
    sort: input.sort ?? before.sort,
    active: input.active ?? before.active,
  };
  if (next.numberTo < next.numberFrom || next.dailyCap > next.numberTo - next.numberFrom + 1)
    throw new AppError('VALIDATION_FAILED', {}, { dailyCap: 'rule.daily_cap_range' });
  if (next.prefix !== before.prefix) await assertPrefixFree(q, hall.id, next.prefix, id);
  await repo.updateCategory(q, id, next, ctx.now);
  if (input.itemIds)
    await repo.setCategoryItems(q, id, hall.center_id, await checkItems(q, hall.center_id, input.itemIds));
  const row = (await repo.findCategory(q, id))!;
  await audit(q, ctx, hall.center_id, 'update', 'ticket_category', id, before, row);
  return row;
}

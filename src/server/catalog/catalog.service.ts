import type { z } from 'zod';
import { civilDateOfInstant } from '../../domain/calendar/civil-time';
import { AppError } from '../../domain/errors';
import type {
  HistoryEntry,
  ItemContent,
  ItemCreate,
  ItemIdentityUpdate,
  ItemVersionView,
  VersionCreate,
  VersionUpdate,
} from '../../shared/contracts/catalog';
import { versionStatusLabels } from '../../shared/contracts/catalog-labels';
import { auditChange } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import { uniqueViolation } from '../db/db-errors';
import type { Actor } from '../http/actor';
import * as org from '../org/org.repository';
import { diffContent } from './catalog.diff';
import { assertFilesOf } from './catalog.files';
import { contentOf, presentVersion } from './catalog.presenter';
import * as repo from './catalog.repository';

/**
 * Items and their versions: creating, editing drafts, opening a new version, history. Administrators
 * edit within their scope; every referenced object is looked up in the actor's scope (404 otherwise).
 * The review workflow is in catalog.workflow.service.ts.
 */
export type Scoped = Actor & { centerId: string; centerPath: string };
export interface Ctx {
  actor: Scoped;
  now: Date;
}

/** The civil day (China Standard Time) of an instant: what "effective from" dates are compared with. */
export const civilDay = (at: Date): string => civilDateOfInstant(at.getTime());

export const auditCatalog = auditChange;

export async function requireItem(q: Queryable, actor: Scoped, id: string): Promise<repo.ItemRow> {
  const item = await repo.findItem(q, actor.centerPath, id);
  if (!item) throw new AppError('NOT_FOUND', { entity: 'item' });
  return item;
}

export async function requireVersion(q: Queryable, actor: Scoped, id: string): Promise<repo.VersionRow> {
  const v = await repo.findVersion(q, actor.centerPath, id);
  if (!v) throw new AppError('NOT_FOUND', { entity: 'item version' });
  return v;
}

async function requireDepartmentOf(q: Queryable, actor: Scoped, departmentId: string, centerId: string) {
  const d = await org.findDepartment(q, actor.centerPath, departmentId);
  if (!d) throw new AppError('NOT_FOUND', { entity: 'department' });
  if (d.center_id !== centerId)
    throw new AppError('VALIDATION_FAILED', {}, { departmentId: 'rule.same_center' });
  return d;
}

/** A campaign a new version may join: same center and running. */
async function requireActiveCampaign(
  q: Queryable,
  campaignId: string | null,
  centerId: string,
): Promise<void> {
  if (!campaignId) return;
  const [c] = await q.query<{ center_id: string; status: string }>(
    'SELECT center_id, status FROM catalog_campaigns WHERE id = $1',
    [campaignId],
  );
  if (!c || c.center_id !== centerId) throw new AppError('NOT_FOUND', { entity: 'campaign' });
  if (c.status !== 'active') throw new AppError('CATALOG_CAMPAIGN_NOT_ACTIVE');
}

async function assertCodesFree(
  q: Queryable,
  centerId: string,
  codes: { basicCode: string; implCode: string },
  exceptId?: string,
) {
  if (await repo.codeTaken(q, centerId, 'basic_code', codes.basicCode, exceptId)) {
    throw new AppError(
      'DUPLICATE',
      { field: 'basicCode', value: codes.basicCode },
      { basicCode: 'rule.unique' },
    );
  }
  if (await repo.codeTaken(q, centerId, 'impl_code', codes.implCode, exceptId)) {
    throw new AppError(
      'DUPLICATE',
      { field: 'implCode', value: codes.implCode },
      { implCode: 'rule.unique' },
    );
  }
}

/** The unique indexes decide when two requests race past the checks above. */
function duplicateFromIndex(e: unknown, codes: { basicCode: string; implCode: string }): never {
  const c = uniqueViolation(e);
  if (c?.includes('basic_code'))
    throw new AppError(
      'DUPLICATE',
      { field: 'basicCode', value: codes.basicCode },
      { basicCode: 'rule.unique' },
    );
  if (c?.includes('impl_code'))
    throw new AppError(
      'DUPLICATE',
      { field: 'implCode', value: codes.implCode },
      { implCode: 'rule.unique' },
    );
  throw e;
}

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, displayName: ctx.actor.displayName });

/** A new item with its first version as a draft. */
export async function createItem(
  q: Queryable,
  ctx: Ctx,
  input: z.infer<typeof ItemCreate>,
): Promise<repo.VersionRow> {
  const center = await org.findCenter(q, ctx.actor.centerPath, input.centerId);
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  await requireDepartmentOf(q, ctx.actor, input.departmentId, input.centerId);
  await requireActiveCampaign(q, input.campaignId, input.centerId);
  await assertCodesFree(q, input.centerId, input);
  await assertFilesOf(q, input.centerId, input.content);
  const itemId = await repo
    .insertItem(q, {
      centerId: input.centerId,
      departmentId: input.departmentId,
      basicCode: input.basicCode,
      implCode: input.implCode,
      now: ctx.now,
    })
    .catch((e: unknown) => duplicateFromIndex(e, input));
  const versionId = await repo.insertVersion(q, {
    itemId,
    centerId: input.centerId,
    versionNo: 1,
    status: 'draft',
    campaignId: input.campaignId,
    changeNote: input.changeNote,
    content: input.content,
    search: repo.searchText(input.content, input.basicCode, input.implCode),
    createdByName: ctx.actor.displayName,
    now: ctx.now,
  });
  await repo.insertEvent(q, {
    versionId,
    itemId,
    centerId: input.centerId,
    action: 'create',
    from: null,
    to: 'draft',
    actor: actorOf(ctx),
    comment: input.changeNote,
    at: ctx.now,
  });
  await auditCatalog(q, ctx, input.centerId, 'create', 'item', itemId, null, {
    basicCode: input.basicCode,
    implCode: input.implCode,
    name: input.content.name,
  });
  return (await repo.findVersionById(q, versionId))!;
}

/** Change the identity of an item (department, codes). Published versions keep their content. */
export async function updateItemIdentity(
  q: Queryable,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof ItemIdentityUpdate>,
): Promise<repo.ItemRow> {
  const before = await requireItem(q, ctx.actor, id);
  const next = {
    departmentId: input.departmentId ?? before.department_id,
    basicCode: input.basicCode ?? before.basic_code,
    implCode: input.implCode ?? before.impl_code,
  };
  if (next.departmentId !== before.department_id)
    await requireDepartmentOf(q, ctx.actor, next.departmentId, before.center_id);
  await assertCodesFree(q, before.center_id, next, id);
  await repo.updateItemIdentity(q, id, next, ctx.now).catch((e: unknown) => duplicateFromIndex(e, next));
  await repo.refreshOpenSearchText(q, id, next.basicCode, next.implCode);
  const after = (await repo.findItem(q, ctx.actor.centerPath, id))!;
  await auditCatalog(q, ctx, before.center_id, 'update', 'item', id, before, after);
  return after;
}

/** Open a new version (a draft copied from the version in force, else the latest one). */
export async function createVersion(
  q: Queryable,
  ctx: Ctx,
  itemId: string,
  input: z.infer<typeof VersionCreate>,
): Promise<repo.VersionRow> {
  const item = await requireItem(q, ctx.actor, itemId);
  await repo.lockItem(q, itemId);
  const open = await repo.openVersion(q, itemId);
  if (open) throw openVersionError(open);
  await requireActiveCampaign(q, input.campaignId, item.center_id);
  const versions = await repo.listVersions(q, itemId);
  const base =
    (await repo.findVersionInForce(q, itemId, civilDay(ctx.now))) ?? versions[versions.length - 1]!;
  const content = contentOf(base);
  const versionNo = Math.max(...versions.map((v) => v.version_no)) + 1;
  const versionId = await repo.insertVersion(q, {
    itemId,
    centerId: item.center_id,
    versionNo,
    status: 'draft',
    campaignId: input.campaignId,
    changeNote: input.changeNote,
    content,
    search: repo.searchText(content, item.basic_code, item.impl_code),
    createdByName: ctx.actor.displayName,
    now: ctx.now,
  });
  await repo.insertEvent(q, {
    versionId,
    itemId,
    centerId: item.center_id,
    action: 'create',
    from: null,
    to: 'draft',
    actor: actorOf(ctx),
    comment: input.changeNote,
    at: ctx.now,
  });
  return (await repo.findVersionById(q, versionId))!;
}

export function openVersionError(open: {
  version_no: number;
  status: keyof typeof versionStatusLabels;
}): AppError {
  const l = versionStatusLabels[open.status];
  return new AppError('CATALOG_OPEN_VERSION_EXISTS', {
    versionNo: open.version_no,
    statusZh: l.zh,
    statusEn: l.en,
  });
}

/** Edit a draft. Anything under review or published is read-only (return it to draft first). */
export async function updateDraft(
  q: Queryable,
  ctx: Ctx,
  versionId: string,
  input: z.infer<typeof VersionUpdate>,
): Promise<repo.VersionRow> {
  const v = await requireVersion(q, ctx.actor, versionId);
  if (v.status !== 'draft') {
    const l = versionStatusLabels[v.status];
    throw new AppError('CATALOG_VERSION_NOT_EDITABLE', { statusZh: l.zh, statusEn: l.en });
  }
  await assertFilesOf(q, v.center_id, input.content);
  await repo.updateVersionContent(q, versionId, {
    changeNote: input.changeNote ?? v.change_note,
    content: input.content,
    search: repo.searchText(input.content, v.basic_code, v.impl_code),
    now: ctx.now,
  });
  await repo.insertEvent(q, {
    versionId,
    itemId: v.item_id,
    centerId: v.center_id,
    action: 'edit',
    from: 'draft',
    to: 'draft',
    actor: actorOf(ctx),
    comment: '',
    at: ctx.now,
  });
  return (await repo.findVersionById(q, versionId))!;
}

/**
 * The history of an item: every version with what changed against the version published before it,
 * and who reviewed and approved it.
 */
export async function itemHistory(q: Queryable, actor: Scoped, itemId: string): Promise<HistoryEntry[]> {
  await requireItem(q, actor, itemId);
  const versions = await repo.listVersions(q, itemId);
  let lastPublished: ItemContent | null = null;
  const out: HistoryEntry[] = [];
  for (const v of versions) {
    const content = contentOf(v);
    out.push({
      versionId: v.id,
      versionNo: v.version_no,
      status: v.status,
      effectiveFrom: v.effective_from,
      changeNote: v.change_note,
      departmentReviewedByName: v.department_reviewed_by_name,
      approvedByName: v.approved_by_name,
      approvedAt: v.approved_at ? new Date(v.approved_at).toISOString() : null,
      changes: diffContent(lastPublished, content),
    });
    if (v.status === 'published') lastPublished = content;
  }
  return out.reverse();
}

// ---------------------------------------------------------------------------------------------
// For other features (cases): a case pins the version it was accepted under.
// ---------------------------------------------------------------------------------------------

/** One version by id, whatever its status (a case reads the version it pinned, even years later). */
export async function getItemVersion(q: Queryable, versionId: string): Promise<ItemVersionView | undefined> {
  const v = await repo.findVersionById(q, versionId);
  return v ? presentVersion(v) : undefined;
}

/** The published version of an item in force at the instant `at` (its civil day in China Standard Time). */
export async function getEffectiveItemVersion(
  q: Queryable,
  p: { itemId: string; at: Date },
): Promise<ItemVersionView | undefined> {
  const v = await repo.findVersionInForce(q, p.itemId, civilDay(p.at));
  return v ? presentVersion(v) : undefined;
}

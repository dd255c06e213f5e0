import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { VersionActionBody } from '../../shared/contracts/catalog';
import { versionActionLabels, versionStatusLabels } from '../../shared/contracts/catalog-labels';
import type { Queryable } from '../db/db';
import { hasRole } from '../http/actor';
import * as repo from './catalog.repository';
import { civilDay, requireVersion, type Ctx, type Scoped } from './catalog.service';
import { versionPointers } from './catalog.versions';
import { versionTransition, type Reviewer } from './catalog.workflow';

/**
 * The review workflow of a version, one transaction per action: re-read under the item's lock, look the
 * action up in the transition table, check who may do it, write the new status and one event row, and
 * on publication move the item's read pointers. Publishing never touches an earlier version: what a
 * case was accepted under stays as it was (the database refuses changes to published rows too).
 */
export function mayReview(actor: Scoped, by: Reviewer, departmentId: string): boolean {
  if (by === 'admin') return hasRole(actor, 'admin');
  return hasRole(actor, 'approver', 'chief_rep') && actor.departmentId === departmentId;
}

export async function actOnVersion(
  q: Queryable,
  ctx: Ctx,
  versionId: string,
  body: z.infer<typeof VersionActionBody>,
): Promise<repo.VersionRow> {
  const seen = await requireVersion(q, ctx.actor, versionId);
  await repo.lockItem(q, seen.item_id);
  const v = (await repo.findVersionById(q, versionId))!;
  const t = versionTransition(v.status, body.action);
  if (!t) {
    const s = versionStatusLabels[v.status];
    const a = versionActionLabels[body.action];
    throw new AppError('CATALOG_INVALID_TRANSITION', {
      statusZh: s.zh,
      statusEn: s.en,
      actionZh: a.zh,
      actionEn: a.en,
    });
  }
  if (!mayReview(ctx.actor, t.by, v.department_id)) {
    throw t.by === 'department' ? new AppError('CATALOG_NOT_REVIEWER') : new AppError('FORBIDDEN');
  }
  if (t.commentRequired && !body.comment.trim())
    throw new AppError('CATALOG_COMMENT_REQUIRED', {}, { comment: 'rule.required' });

  const reviewer = { id: ctx.actor.userId, name: ctx.actor.displayName };
  const patch: repo.StatusPatch = { status: t.to, now: ctx.now };
  if (body.action === 'submit') patch.submitted = true;
  if (v.status === 'department_review' && body.action === 'approve') patch.departmentReviewer = reviewer;
  const today = civilDay(ctx.now);
  if (t.to === 'published') {
    const effectiveFrom = body.effectiveFrom ?? today;
    // Back-dating would change what was "in force" on days already past (and the cases of those days).
    if (effectiveFrom < today)
      throw new AppError('VALIDATION_FAILED', {}, { effectiveFrom: 'rule.effective_from_past' });
    patch.approver = reviewer;
    patch.effectiveFrom = effectiveFrom;
  }
  await repo.setVersionStatus(q, versionId, patch);
  if (t.to === 'published') await movePointers(q, ctx, v.item_id, today);
  await repo.insertEvent(q, {
    versionId,
    itemId: v.item_id,
    centerId: v.center_id,
    action: t.to === 'published' ? 'publish' : body.action,
    from: v.status,
    to: t.to,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    comment: body.comment,
    at: ctx.now,
  });
  return (await repo.findVersionById(q, versionId))!;
}

/** Recompute the item's pointers from its versions; at most one version may wait for a future date. */
async function movePointers(q: Queryable, ctx: Ctx, itemId: string, today: string): Promise<void> {
  const versions = (await repo.listVersions(q, itemId)).map((x) => ({
    id: x.id,
    versionNo: x.version_no,
    status: x.status,
    effectiveFrom: x.effective_from,
  }));
  const p = versionPointers(versions, today);
  if (p.scheduled.length > 1) {
    const other = p.scheduled[0]!;
    throw new AppError('CATALOG_VERSION_SCHEDULED', {
      versionNo: other.versionNo,
      date: other.effectiveFrom!,
    });
  }
  await repo.setItemPointers(
    q,
    itemId,
    {
      current: p.current?.id ?? null,
      next: p.next?.id ?? null,
      nextEffectiveFrom: p.next?.effectiveFrom ?? null,
    },
    ctx.now,
  );
}

/** A comment on a version, by its administrators or its department's reviewers. */
export async function commentOnVersion(
  q: Queryable,
  ctx: Ctx,
  versionId: string,
  comment: string,
): Promise<void> {
  const v = await requireVersion(q, ctx.actor, versionId);
  if (
    !mayReview(ctx.actor, 'admin', v.department_id) &&
    !mayReview(ctx.actor, 'department', v.department_id)
  ) {
    throw new AppError('FORBIDDEN');
  }
  await repo.insertEvent(q, {
    versionId,
    itemId: v.item_id,
    centerId: v.center_id,
    action: 'comment',
    from: v.status,
    to: v.status,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    comment,
    at: ctx.now,
  });
}

export interface ReviewRow {
  version_id: string;
  item_id: string;
  version_no: number;
  status: 'department_review' | 'center_review';
  name: string;
  department_name: string;
  impl_code: string;
  submitted_at: Date | null;
  campaign_name: string | null;
}

/** What waits for the actor: administrators see every version under review in scope, reviewers their department's. */
export async function listReviews(q: Queryable, actor: Scoped): Promise<ReviewRow[]> {
  const admin = hasRole(actor, 'admin');
  const reviewer = hasRole(actor, 'approver', 'chief_rep') && actor.departmentId;
  if (!admin && !reviewer) return [];
  return q.query<ReviewRow>(
    `SELECT v.id AS version_id, v.item_id, v.version_no, v.status, v.name, d.name AS department_name, i.impl_code,
       v.submitted_at, k.name AS campaign_name
     FROM item_versions v JOIN items i ON i.id = v.item_id JOIN centers c ON c.id = v.center_id
     JOIN departments d ON d.id = i.department_id LEFT JOIN catalog_campaigns k ON k.id = v.campaign_id
     WHERE c.path LIKE $1 || '%' AND (
       ($2::boolean AND v.status IN ('department_review', 'center_review'))
       OR (v.status = 'department_review' AND i.department_id = $3::uuid))
     ORDER BY v.submitted_at NULLS LAST, v.id`,
    [actor.centerPath, admin, reviewer ? actor.departmentId : null],
  );
}

import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import type {
  CampaignCreate,
  CampaignStatus,
  CampaignView,
  PhaseStatus,
  StatusCounts,
} from '../../shared/contracts/catalog-campaigns';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import * as org from '../org/org.repository';
import { auditCatalog, createVersion, type Ctx, type Scoped } from './catalog.service';

/**
 * 事项清理 campaigns. Campaign: planning → active → closed. Phase: pending → active → completed.
 * A phase completes (and a campaign closes) only when none of its versions is still being worked on,
 * so "第一阶段已经清理完成, 并已公布" is true when the report says so.
 */
interface CampaignRow {
  id: string;
  center_id: string;
  name: string;
  description: string;
  status: CampaignStatus;
  created_by_name: string;
  created_at: Date;
  started_at: Date | null;
  closed_at: Date | null;
}
interface PhaseRow {
  id: string;
  seq: number;
  name: string;
  due_on: string | null;
  status: PhaseStatus;
  started_at: Date | null;
  completed_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function requireCampaign(q: Queryable, actor: Scoped, id: string): Promise<CampaignRow> {
  const c = await maybeOne<CampaignRow>(
    q,
    `SELECT k.* FROM catalog_campaigns k JOIN centers c ON c.id = k.center_id WHERE k.id = $2 AND c.path LIKE $1 || '%'`,
    [actor.centerPath, id],
  );
  if (!c) throw new AppError('NOT_FOUND', { entity: 'campaign' });
  return c;
}

export async function createCampaign(
  q: Queryable,
  ctx: Ctx,
  input: z.infer<typeof CampaignCreate>,
): Promise<CampaignView> {
  if (!(await org.findCenter(q, ctx.actor.centerPath, input.centerId)))
    throw new AppError('NOT_FOUND', { entity: 'center' });
  const seen = new Set<string>();
  for (const [i, p] of input.phases.entries()) {
    for (const [j, d] of p.departmentIds.entries()) {
      const field = `phases.${i}.departmentIds.${j}`;
      if (seen.has(d)) throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.duplicate' });
      seen.add(d);
      const dep = await org.findDepartment(q, ctx.actor.centerPath, d);
      if (!dep) throw new AppError('NOT_FOUND', { entity: 'department' });
      if (dep.center_id !== input.centerId)
        throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.same_center' });
    }
  }
  const [k] = await q.query<{ id: string }>(
    `INSERT INTO catalog_campaigns (center_id, name, description, status, created_by_name, created_at, updated_at)
     VALUES ($1, $2, $3, 'planning', $4, $5, $5) RETURNING id`,
    [input.centerId, input.name, input.description, ctx.actor.displayName, ctx.now],
  );
  for (const [i, p] of input.phases.entries()) {
    const [ph] = await q.query<{ id: string }>(
      `INSERT INTO catalog_campaign_phases (campaign_id, center_id, seq, name, due_on, status) VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING id`,
      [k!.id, input.centerId, i + 1, p.name, p.dueOn],
    );
    await q.query(
      `INSERT INTO catalog_campaign_departments (campaign_id, phase_id, department_id, center_id) SELECT $1, $2, d, $3 FROM unnest($4::uuid[]) d`,
      [k!.id, ph!.id, input.centerId, p.departmentIds],
    );
  }
  await auditCatalog(q, ctx, input.centerId, 'create', 'campaign', k!.id, null, input);
  return getCampaign(q, ctx.actor, k!.id);
}

/** Versions of the campaign still being worked on, optionally for one phase's departments. */
async function openCount(q: Queryable, campaignId: string, phaseId: string | null): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM item_versions v JOIN items i ON i.id = v.item_id
     WHERE v.campaign_id = $1 AND v.status IN ('draft', 'department_review', 'center_review')
       AND ($2::uuid IS NULL OR i.department_id IN (SELECT department_id FROM catalog_campaign_departments WHERE phase_id = $2))`,
    [campaignId, phaseId],
  );
  return r?.n ?? 0;
}

const campaignLabels: Record<string, { zh: string; en: string }> = {
  planning: { zh: '筹备中', en: 'planning' },
  active: { zh: '进行中', en: 'active' },
  closed: { zh: '已结束', en: 'closed' },
  pending: { zh: '未开始', en: 'pending' },
  completed: { zh: '已完成', en: 'completed' },
  start: { zh: '开始', en: 'start' },
  close: { zh: '结束', en: 'close' },
  complete: { zh: '完成', en: 'complete' },
};
function invalid(status: string, action: string): AppError {
  const s = campaignLabels[status]!;
  const a = campaignLabels[action]!;
  return new AppError('CATALOG_CAMPAIGN_INVALID_TRANSITION', {
    statusZh: s.zh,
    statusEn: s.en,
    actionZh: a.zh,
    actionEn: a.en,
  });
}

export async function campaignAction(
  q: Queryable,
  ctx: Ctx,
  id: string,
  action: 'start' | 'close',
): Promise<CampaignView> {
  const c = await requireCampaign(q, ctx.actor, id);
  await q.query('SELECT id FROM catalog_campaigns WHERE id = $1 FOR UPDATE', [id]);
  if (action === 'start') {
    if (c.status !== 'planning') throw invalid(c.status, action);
    await q.query(
      `UPDATE catalog_campaigns SET status = 'active', started_at = $2, updated_at = $2 WHERE id = $1`,
      [id, ctx.now],
    );
  } else {
    if (c.status !== 'active') throw invalid(c.status, action);
    const open = await openCount(q, id, null);
    if (open > 0) throw new AppError('CATALOG_PHASE_OPEN_ITEMS', { count: open });
    await q.query(
      `UPDATE catalog_campaigns SET status = 'closed', closed_at = $2, updated_at = $2 WHERE id = $1`,
      [id, ctx.now],
    );
  }
  await auditCatalog(q, ctx, c.center_id, action, 'campaign', id, { status: c.status }, null);
  return getCampaign(q, ctx.actor, id);
}

/**
 * Start a phase: every item of its departments gets a draft in the campaign, copied from the version
 * in force. Items already being worked on outside the campaign are skipped (and counted).
 */
export async function phaseAction(
  q: Queryable,
  ctx: Ctx,
  id: string,
  phaseId: string,
  action: 'start' | 'complete',
): Promise<{ campaign: CampaignView; draftsOpened: number; skipped: number }> {
  const c = await requireCampaign(q, ctx.actor, id);
  const phase = await maybeOne<PhaseRow>(
    q,
    'SELECT * FROM catalog_campaign_phases WHERE id = $1 AND campaign_id = $2 FOR UPDATE',
    [phaseId, id],
  );
  if (!phase) throw new AppError('NOT_FOUND', { entity: 'phase' });
  let draftsOpened = 0;
  let skipped = 0;
  if (action === 'start') {
    if (c.status !== 'active') throw invalid(c.status, action);
    if (phase.status !== 'pending') throw invalid(phase.status, action);
    await q.query(`UPDATE catalog_campaign_phases SET status = 'active', started_at = $2 WHERE id = $1`, [
      phaseId,
      ctx.now,
    ]);
    const items = await q.query<{ id: string; open: boolean }>(
      `SELECT i.id, EXISTS (SELECT 1 FROM item_versions v WHERE v.item_id = i.id AND v.status IN ('draft', 'department_review', 'center_review')) AS open
       FROM items i WHERE i.department_id IN (SELECT department_id FROM catalog_campaign_departments WHERE phase_id = $1)
       ORDER BY i.impl_code`,
      [phaseId],
    );
    for (const it of items) {
      if (it.open) {
        skipped++;
        continue;
      }
      await createVersion(q, ctx, it.id, { changeNote: c.name, campaignId: id });
      draftsOpened++;
    }
  } else {
    if (phase.status !== 'active') throw invalid(phase.status, action);
    const open = await openCount(q, id, phaseId);
    if (open > 0) throw new AppError('CATALOG_PHASE_OPEN_ITEMS', { count: open });
    await q.query(
      `UPDATE catalog_campaign_phases SET status = 'completed', completed_at = $2 WHERE id = $1`,
      [phaseId, ctx.now],
    );
  }
  await auditCatalog(
    q,
    ctx,
    c.center_id,
    `phase_${action}`,
    'campaign',
    id,
    { phase: phase.seq, status: phase.status },
    null,
  );
  return { campaign: await getCampaign(q, ctx.actor, id), draftsOpened, skipped };
}

const zeroCounts = (): StatusCounts => ({
  draft: 0,
  department_review: 0,
  center_review: 0,
  published: 0,
  cancelled: 0,
});

export async function getCampaign(q: Queryable, actor: Scoped, id: string): Promise<CampaignView> {
  const c = await requireCampaign(q, actor, id);
  const phases = await q.query<PhaseRow>(
    'SELECT * FROM catalog_campaign_phases WHERE campaign_id = $1 ORDER BY seq',
    [id],
  );
  const deps = await q.query<{ phase_id: string; id: string; name: string }>(
    `SELECT cd.phase_id, d.id, d.name FROM catalog_campaign_departments cd JOIN departments d ON d.id = cd.department_id
     WHERE cd.campaign_id = $1 ORDER BY d.code`,
    [id],
  );
  const counts = await q.query<{ department_id: string; status: keyof StatusCounts; n: number }>(
    `SELECT i.department_id, v.status, count(*)::int AS n FROM item_versions v JOIN items i ON i.id = v.item_id
     WHERE v.campaign_id = $1 GROUP BY i.department_id, v.status`,
    [id],
  );
  const byDept = new Map<string, StatusCounts>();
  for (const r of counts) {
    const m = byDept.get(r.department_id) ?? zeroCounts();
    m[r.status] = r.n;
    byDept.set(r.department_id, m);
  }
  return {
    id: c.id,
    centerId: c.center_id,
    name: c.name,
    description: c.description,
    status: c.status,
    createdByName: c.created_by_name,
    createdAt: iso(c.created_at)!,
    startedAt: iso(c.started_at),
    closedAt: iso(c.closed_at),
    phases: phases.map((p) => ({
      id: p.id,
      seq: p.seq,
      name: p.name,
      dueOn: p.due_on,
      status: p.status,
      startedAt: iso(p.started_at),
      completedAt: iso(p.completed_at),
      departments: deps
        .filter((d) => d.phase_id === p.id)
        .map((d) => ({ id: d.id, name: d.name, counts: byDept.get(d.id) ?? zeroCounts() })),
    })),
  };
}

export async function listCampaigns(q: Queryable, actor: Scoped, centerId?: string) {
  const rows = await q.query<CampaignRow & { phase_count: number; open_versions: number }>(
    `SELECT k.*, (SELECT count(*)::int FROM catalog_campaign_phases p WHERE p.campaign_id = k.id) AS phase_count,
       (SELECT count(*)::int FROM item_versions v WHERE v.campaign_id = k.id
          AND v.status IN ('draft', 'department_review', 'center_review')) AS open_versions
     FROM catalog_campaigns k JOIN centers c ON c.id = k.center_id
     WHERE c.path LIKE $1 || '%' AND ($2::uuid IS NULL OR k.center_id = $2) ORDER BY k.created_at DESC`,
    [actor.centerPath, centerId ?? null],
  );
  return rows.map((c) => ({
    id: c.id,
    centerId: c.center_id,
    name: c.name,
    description: c.description,
    status: c.status,
    createdByName: c.created_by_name,
    createdAt: iso(c.created_at)!,
    startedAt: iso(c.started_at),
    closedAt: iso(c.closed_at),
    phaseCount: c.phase_count,
    openVersions: c.open_versions,
  }));
}

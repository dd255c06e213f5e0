import { z } from 'zod';
import type { Limit } from '../../domain/clock';
import { AppError } from '../../domain/errors';
import { assertRuleValid, ruleCodes, type Rule, type RuleCode } from '../../domain/supervision';
import {
  ruleThresholdSchemas,
  type ItemRuleUpdate,
  type RuleUpdate,
  type RuleView,
} from '../../shared/contracts/supervision';
import { recordAudit } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import * as repo from './rules.repository';

/**
 * Rules as data, edited by supervisors: every change is validated (ranges by the zod contract,
 * contradictions by the domain, both naming the field), audited in the same transaction, and marks
 * the cases it applies to for the next sweep.
 */
type Scoped = Actor & { centerPath: string };
interface Ctx {
  actor: Scoped;
  now: Date;
}

export async function requireCenterInScope(
  q: Queryable,
  actor: Scoped,
  centerId: string,
): Promise<{ id: string; path: string }> {
  const [c] = await q.query<{ id: string; path: string }>(
    `SELECT id, path FROM centers WHERE id = $1 AND path LIKE $2 || '%'`,
    [centerId, actor.centerPath],
  );
  if (!c) throw new AppError('NOT_FOUND', { entity: 'center' });
  return c;
}

interface ItemInfo {
  id: string;
  center_id: string;
  limit_amount: number | null;
  limit_unit: Limit['unit'] | null;
}

async function requireItem(q: Queryable, actor: Scoped, itemId: string): Promise<ItemInfo> {
  const [item] = await q.query<ItemInfo>(
    `SELECT i.id, i.center_id, v.promised_limit_amount AS limit_amount, v.promised_limit_unit AS limit_unit
     FROM items i JOIN centers c ON c.id = i.center_id LEFT JOIN item_versions v ON v.id = i.current_version_id
     WHERE i.id = $1 AND c.path LIKE $2 || '%'`,
    [itemId, actor.centerPath],
  );
  if (!item) throw new AppError('NOT_FOUND', { entity: 'item' });
  return item;
}

/** Parse the thresholds with the rule's own schema (paths come out as `thresholds.…`), then check contradictions. */
function parseRule(code: RuleCode, body: z.infer<typeof ItemRuleUpdate>, limit: Limit | null): Rule {
  const schema = z.object({ thresholds: ruleThresholdSchemas[code] });
  const { thresholds } = schema.parse({ thresholds: body.thresholds });
  const rule = { code, enabled: body.enabled, level: body.level, thresholds } as Rule;
  assertRuleValid(rule, { limit });
  return rule;
}

const view = (r: repo.RuleRow | undefined, code: RuleCode, itemId: string | null = null): RuleView => ({
  code,
  enabled: r?.enabled ?? false,
  level: r?.level ?? 'warning',
  thresholds: r?.thresholds ?? {},
  note: r?.note ?? '',
  definedAt: r?.center_id ?? null,
  itemId: r ? itemId : null,
  updatedAt: r ? r.updated_at.toISOString() : null,
  updatedByName: r?.updated_by_name ?? null,
});

/** The rules in force at a center, one per rule code (inherited ones name the center that defines them). */
export async function listCenterRules(q: Queryable, actor: Scoped, centerId: string): Promise<RuleView[]> {
  await requireCenterInScope(q, actor, centerId);
  const rows = await repo.effectiveCenterRules(q, centerId);
  return ruleCodes.map((code) =>
    view(
      rows.find((r) => r.code === code),
      code,
    ),
  );
}

/** An item's overrides (only the rules it overrides). */
export async function listItemOverrides(q: Queryable, actor: Scoped, itemId: string): Promise<RuleView[]> {
  await requireItem(q, actor, itemId);
  const rows = await repo.listItemRules(q, [itemId]);
  return rows.map((r) => view(r, r.code, itemId));
}

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, displayName: ctx.actor.displayName });

export async function updateCenterRule(
  q: Queryable,
  ctx: Ctx,
  code: RuleCode,
  body: z.infer<typeof RuleUpdate>,
): Promise<RuleView> {
  const center = await requireCenterInScope(q, ctx.actor, body.centerId);
  const rule = parseRule(code, body, null);
  const before = await repo.findCenterRule(q, center.id, code);
  await repo.upsertCenterRule(q, center.id, { ...rule, note: body.note }, ctx.actor.displayName, ctx.now);
  const after = await repo.findCenterRule(q, center.id, code);
  await recordAudit(q, {
    centerId: center.id,
    actor: actorOf(ctx),
    action: before ? 'update' : 'create',
    entity: 'supervision_rule',
    entityId: `${center.id}:${code}`,
    before: before ?? null,
    after,
    at: ctx.now,
  });
  await repo.markCasesDirty(q, { centerPath: center.path });
  return view(after, code);
}

export async function updateItemRule(
  q: Queryable,
  ctx: Ctx,
  itemId: string,
  code: RuleCode,
  body: z.infer<typeof ItemRuleUpdate>,
): Promise<RuleView> {
  const item = await requireItem(q, ctx.actor, itemId);
  const limit =
    item.limit_amount !== null && item.limit_unit
      ? { amount: item.limit_amount, unit: item.limit_unit }
      : null;
  const rule = parseRule(code, body, limit);
  const [before] = await repo.listItemRules(q, [itemId]).then((rs) => rs.filter((r) => r.code === code));
  await repo.upsertItemRule(
    q,
    itemId,
    item.center_id,
    { ...rule, note: body.note },
    ctx.actor.displayName,
    ctx.now,
  );
  const [after] = await repo.listItemRules(q, [itemId]).then((rs) => rs.filter((r) => r.code === code));
  await recordAudit(q, {
    centerId: item.center_id,
    actor: actorOf(ctx),
    action: before ? 'update' : 'create',
    entity: 'supervision_item_rule',
    entityId: `${itemId}:${code}`,
    before: before ?? null,
    after,
    at: ctx.now,
  });
  await repo.markCasesDirty(q, { itemId });
  return view(after, code, itemId);
}

export async function removeItemRule(q: Queryable, ctx: Ctx, itemId: string, code: RuleCode): Promise<void> {
  const item = await requireItem(q, ctx.actor, itemId);
  const before = await repo.deleteItemRule(q, itemId, code);
  if (!before) throw new AppError('NOT_FOUND', { entity: 'rule' });
  await recordAudit(q, {
    centerId: item.center_id,
    actor: actorOf(ctx),
    action: 'delete',
    entity: 'supervision_item_rule',
    entityId: `${itemId}:${code}`,
    before,
    after: null,
    at: ctx.now,
  });
  await repo.markCasesDirty(q, { itemId });
}

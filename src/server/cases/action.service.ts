import { transition } from '../../domain/cases';
import type { CaseEvent, CaseOutcome, CaseStatus } from '../../domain/cases';
import { AppError } from '../../domain/errors';
import { caseStateLabel } from '../../shared/cases/labels';
import type { CaseActionBody } from '../../shared/contracts/cases';
import type { Queryable } from '../db/db';
import { actorOrg, eventActor, type StaffCtx } from './cases.actor';
import { commitUnit } from './cases.commit';
import { applyEvent, currentStep, openUnit, recordEvent, toSnapshot, type Unit } from './cases.engine';
import { findVisibleCase } from './cases.list.repository';
import * as parts from './cases.parts.repository';
import { actingRole, caseScope } from './cases.policy';
import type { CaseRow } from './cases.repository';
import { assertComplete } from './receive.service';

/**
 * POST /api/cases/:id/actions — every action after receipt, through the transition table. The case
 * row is locked first, so two officers acting at once are serialised and the second sees the first's
 * state; everything happens in the caller's transaction, so an error anywhere writes nothing.
 */

type TableAction = Exclude<CaseActionBody, { action: 'supply_deferred' }>;

/** The domain event of an action body (the payload fields are the table's). */
function toEvent(b: TableAction, role: CaseEvent['actorRole'], missing: CaseEvent | null): CaseEvent {
  const opinion = 'opinion' in b && b.opinion ? { opinion: b.opinion } : {};
  switch (b.action) {
    case 'request_supplement':
      return missing!;
    case 'supply':
    case 'accept':
    case 'pass_step':
    case 'close':
    case 'convert_to_promised':
      return { type: b.action, actorRole: role, ...opinion };
    case 'refuse':
      return {
        type: 'refuse',
        actorRole: role,
        reason: b.reason,
        ...(b.referTo ? { referTo: b.referTo } : {}),
      };
    case 'return_step':
      return {
        type: 'return_step',
        actorRole: role,
        opinion: b.opinion,
        ...(b.toStep === undefined ? {} : { toStep: b.toStep }),
      };
    case 'pause':
      return {
        type: 'pause',
        actorRole: role,
        kind: b.kind,
        expectedWorkingDays: b.expectedWorkingDays,
        reason: b.reason,
      };
    case 'resume':
      return { type: 'resume', actorRole: role, ...opinion, ...(b.result ? { result: b.result } : {}) };
    case 'extend':
      return {
        type: 'extend',
        actorRole: role,
        workingDays: b.workingDays,
        approvedBy: b.approvedBy,
        reason: b.reason,
      };
    case 'approve':
      return {
        type: 'approve',
        actorRole: role,
        ...opinion,
        ...(b.certificate ? { certificate: b.certificate } : {}),
      };
    case 'deny':
    case 'withdraw':
    case 'void':
      return { type: b.action, actorRole: role, reason: b.reason };
    case 'forward':
      return { type: 'forward', actorRole: role, toOrg: b.toOrg, reason: b.reason };
    case 'deliver':
      return {
        type: 'deliver',
        actorRole: role,
        method: b.method,
        ...opinion,
        ...(b.trackingNumber ? { trackingNumber: b.trackingNumber } : {}),
      };
  }
}

async function lockVisible(q: Queryable, ctx: StaffCtx, id: string): Promise<CaseRow> {
  const row = await findVisibleCase(q, caseScope(ctx.actor), id, true);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'case' });
  return row;
}

/** 一次性告知: the notice lists every material still missing, those named now and those already marked. */
async function markMissing(
  q: Queryable,
  u: Unit,
  b: Extract<CaseActionBody, { action: 'request_supplement' }>,
) {
  const ms = await parts.listMaterials(q, u.row.id);
  const byKey = new Map(ms.filter((m) => m.material_key).map((m) => [m.material_key!, m]));
  const known = b.missing.filter((m) => m.materialKey && byKey.has(m.materialKey));
  await parts.setMaterialsMissing(
    q,
    u.row.id,
    known.map((m) => byKey.get(m.materialKey!)!.id),
    known.map((m) => m.note ?? ''),
  );
  let seq = ms.reduce((x, m) => Math.max(x, m.seq), 0);
  for (const m of b.missing.filter((x) => !x.materialKey || !byKey.has(x.materialKey))) {
    if (!m.name)
      throw new AppError('CASE_MATERIAL_UNKNOWN', { key: m.materialKey ?? '' }, { missing: 'rule.required' });
    seq += 1;
    await parts.insertExtraMissing(q, u.row.id, u.row.center_id, seq, m.name, m.note ?? '');
  }
  return (await parts.listMaterials(q, u.row.id))
    .filter((m) => m.status === 'missing')
    .map((m) => ({ ...(m.material_key ? { materialId: m.material_key } : {}), name: m.name, note: m.note }));
}

async function supply(
  q: Queryable,
  u: Unit,
  keys: readonly string[] | undefined,
  status: 'missing' | 'deferred',
  now: Date,
) {
  const ms = await parts.listMaterials(q, u.row.id);
  const waiting = ms.filter(
    (m) => m.status === status && (!keys || (m.material_key && keys.includes(m.material_key))),
  );
  if (waiting.length === 0) throw new AppError('CASE_NOTHING_TO_SUPPLY');
  await parts.markSupplied(
    q,
    u.row.id,
    waiting.map((m) => m.id),
    now,
  );
  return waiting.map((m) => m.name);
}

export async function performAction(
  q: Queryable,
  ctx: StaffCtx,
  id: string,
  b: CaseActionBody,
): Promise<CaseRow> {
  const { actor, now } = ctx;
  const row = await lockVisible(q, ctx, id);
  const u = await openUnit(q, row);
  const org = await actorOrg(q, actor);

  if (b.action === 'supply_deferred') {
    // 容缺后补: no change of state, but an event so the later supply is on the record.
    if (!actor.roles.some((r) => ['officer', 'chief_rep', 'village_acceptor', 'approver'].includes(r)))
      throw new AppError('FORBIDDEN');
    if (['draft', 'refused', 'closed'].includes(row.status)) {
      const l = caseStateLabel(row.status as CaseStatus, row.outcome as CaseOutcome | null);
      throw new AppError('CASE_INVALID_TRANSITION', {
        state: row.status,
        action: b.action,
        rule: 'status',
        stateLabelZh: l.zh,
        stateLabelEn: l.en,
        actionLabelZh: '补交容缺材料',
        actionLabelEn: 'supply a deferred material',
      });
    }
    const names = await supply(q, u, b.materialKeys, 'deferred', now);
    recordEvent(u, 'supply_deferred', eventActor(actor, actor.roles[0]!, org), now, '', { materials: names });
    return (await commitUnit(q, u, { issuedBy: actor.displayName, now })).row;
  }

  const snapshot = toSnapshot(row);
  const role = actingRole(actor, b.action, snapshot, currentStep(u));
  let missingEvent: CaseEvent | null = null;
  const extra: Record<string, unknown> = {};
  if (b.action === 'request_supplement') {
    // Ask the table first (pure): materials are marked only on a case that can take the notice.
    transition(snapshot, { type: 'request_supplement', actorRole: role, missingMaterials: [{ name: '?' }] });
    const missingMaterials = await markMissing(q, u, b);
    missingEvent = {
      type: 'request_supplement',
      actorRole: role,
      missingMaterials,
      ...(b.opinion ? { opinion: b.opinion } : {}),
    };
  }
  if (b.action === 'supply') {
    transition(snapshot, { type: 'supply', actorRole: role });
    extra.materials = await supply(q, u, b.materialKeys, 'missing', now);
  }
  if (b.action === 'accept') assertComplete(await parts.listMaterials(q, row.id));
  if (b.action === 'deliver' && row.bundle_id) return deliverBundle(q, ctx, u, b, role, org);

  applyEvent(u, toEvent(b, role, missingEvent), eventActor(actor, role, org), now, { payload: extra });
  return (await commitUnit(q, u, { issuedBy: actor.displayName, now })).row;
}

/** 两证齐发: the results of a bundle are handed over together, once every part is concluded. */
async function deliverBundle(
  q: Queryable,
  ctx: StaffCtx,
  first: Unit,
  b: Extract<CaseActionBody, { action: 'deliver' }>,
  role: CaseEvent['actorRole'],
  org: Awaited<ReturnType<typeof actorOrg>>,
): Promise<CaseRow> {
  const all = await parts.listBundleParts(q, first.row.bundle_id!);
  const open = all.filter((p) => !['concluded', 'delivered', 'closed', 'refused'].includes(p.status));
  if (open.length > 0) throw new AppError('CASE_BUNDLE_NOT_READY', { pending: open.length });
  let mine: CaseRow | null = null;
  for (const p of all) {
    if (p.status !== 'concluded' || (p.outcome !== 'approved' && p.outcome !== 'denied')) continue;
    const u = p.id === first.row.id ? first : await openUnit(q, await lockVisible(q, ctx, p.id));
    applyEvent(u, toEvent(b, role, null), eventActor(ctx.actor, role, org), ctx.now, {
      payload: { bundle: true },
    });
    const { row } = await commitUnit(q, u, {
      issuedBy: ctx.actor.displayName,
      now: ctx.now,
    });
    if (row.id === first.row.id) mine = row;
  }
  // This part had nothing to deliver (e.g. withdrawn): the table names the refusal.
  if (!mine) applyEvent(first, toEvent(b, role, null), eventActor(ctx.actor, role, org), ctx.now);
  return mine!;
}

import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import {
  activeStandIns,
  planSubstitution,
  standInProblem,
  type SubstitutionProblem,
} from '../../domain/schedule';
import type {
  AbsenceBody,
  HoursRuleBody,
  RosterSetBody,
  SubstitutionBody,
} from '../../shared/contracts/schedule';
import { auditChange } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import { requireCenter } from '../org/org.service';
import { findWindow } from '../org/org.repository';
import { toSubstitution } from './schedule.engine';
import * as repo from './schedule.repository';

/**
 * Use cases of hours exceptions, the duty roster, absences and AB substitutions. Administrators
 * change them; every change is audited in its transaction. References are looked up inside the
 * actor's scope (404 otherwise) and must belong to the same center.
 */
export type Scoped = Actor & { centerId: string; centerPath: string };
export interface Ctx {
  actor: Scoped;
  now: Date;
}

const audit = auditChange;

async function requireWindowOf(q: Queryable, actor: Scoped, windowId: string, centerId?: string) {
  const w = await findWindow(q, actor.centerPath, windowId);
  if (!w) throw new AppError('NOT_FOUND', { entity: 'window' });
  if (centerId && w.center_id !== centerId)
    throw new AppError('VALIDATION_FAILED', {}, { windowId: 'rule.same_center' });
  return w;
}

async function requireStaffOf(
  q: Queryable,
  actor: Scoped,
  staffId: string,
  field: string,
  centerId?: string,
) {
  const s = await repo.findStaffInCenter(q, staffId, actor.centerPath);
  if (!s) throw new AppError('NOT_FOUND', { entity: 'staff' });
  if (centerId && s.center_id !== centerId)
    throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.same_center' });
  return s;
}

// ---- hours exceptions ------------------------------------------------------------------------------

export async function createHoursRule(q: Queryable, ctx: Ctx, input: z.output<typeof HoursRuleBody>) {
  const w = await requireWindowOf(q, ctx.actor, input.windowId);
  const id = await repo.insertHoursRule(q, {
    center_id: w.center_id,
    window_id: w.id,
    days: input.days,
    date: input.days === 'date' ? input.date : null,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    mode: input.mode,
    periods: input.periods,
    note: input.note,
    created_by_name: ctx.actor.displayName,
    created_at: ctx.now,
  });
  const row = (await repo.findHoursRule(q, id, ctx.actor.centerPath))!;
  await audit(q, ctx, w.center_id, 'create', 'window_hours_rule', id, null, row);
  return row;
}

export async function deleteHoursRule(q: Queryable, ctx: Ctx, id: string): Promise<void> {
  const row = await repo.findHoursRule(q, id, ctx.actor.centerPath);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'hours_rule' });
  await repo.deleteHoursRule(q, id);
  await audit(q, ctx, row.center_id, 'delete', 'window_hours_rule', id, row, null);
}

// ---- roster --------------------------------------------------------------------------------------

/** Set who is on duty at a window on some days (replacing those days' rows; none = back to default). */
export async function setRoster(
  q: Queryable,
  ctx: Ctx,
  input: z.output<typeof RosterSetBody>,
): Promise<void> {
  await requireCenter(q, ctx.actor, input.centerId);
  const w = await requireWindowOf(q, ctx.actor, input.windowId, input.centerId);
  const staffIds = [...new Set(input.staffIds)];
  const days = [...new Set(input.days)].sort();
  for (const id of staffIds) await requireStaffOf(q, ctx.actor, id, 'staffIds', input.centerId);
  const clash = (await repo.rosterClashes(q, staffIds, days, w.id))[0];
  if (clash) {
    const name = (await repo.findStaffInCenter(q, clash.staff_id, ctx.actor.centerPath))?.name ?? '';
    throw new AppError('SCHEDULE_ROSTER_CLASH', { name, date: clash.day, window: clash.window_number });
  }
  const before = (await repo.listRoster(q, input.centerId, days[0]!, days[days.length - 1]!)).filter(
    (r) => r.window_id === w.id && days.includes(r.day),
  );
  await repo.deleteRoster(q, w.id, days);
  if (staffIds.length > 0)
    await repo.insertRoster(q, {
      centerId: input.centerId,
      windowId: w.id,
      days,
      staffIds,
      note: input.note,
      by: ctx.actor.displayName,
      now: ctx.now,
    });
  await audit(q, ctx, input.centerId, 'update', 'duty_roster', w.id, before, { days, staffIds });
}

// ---- absences and AB substitutions ---------------------------------------------------------------

async function substitutionContext(q: Queryable, centerId: string, from: Date, to: Date) {
  const absences = await repo.listAbsences(q, centerId, from, to);
  const subs = await repo.listSubstitutions(q, centerId, from, to);
  return {
    absences: absences.map((a) => ({
      staffId: a.staff_id,
      fromMs: a.from_at.getTime(),
      toMs: a.to_at.getTime(),
    })),
    substitutions: subs.map(toSubstitution),
  };
}

/**
 * Record an absence; with `substitute: 'auto'` the designated B post (staff.backup_of_id) is
 * rostered to A's window for the interval, or the named stand-in. The absence is written even when
 * no B can stand in — the answer then says why, so the administrator can roster someone else.
 */
export async function createAbsence(
  q: Queryable,
  ctx: Ctx,
  input: z.output<typeof AbsenceBody>,
): Promise<{ absenceId: string; problem: SubstitutionProblem | null }> {
  const a = await requireStaffOf(q, ctx.actor, input.staffId, 'staffId');
  const from = new Date(input.from);
  const to = new Date(input.to);
  const context = await substitutionContext(q, a.center_id, from, to);
  let standInId: string | null = null;
  let problem: SubstitutionProblem | null = null;
  if (input.substitute === 'auto') {
    const staff = (await repo.listStaff(q, a.center_id)).map((s) => ({
      id: s.id,
      windowId: s.window_id,
      backupOfId: s.backup_of_id,
      active: s.active,
    }));
    const plan = planSubstitution({
      absentId: a.id,
      fromMs: from.getTime(),
      toMs: to.getTime(),
      staff,
      ...context,
    });
    standInId = plan.standInId;
    problem = plan.problem;
  } else if (input.substitute !== 'none') {
    const b = await requireStaffOf(q, ctx.actor, input.substitute, 'substitute', a.center_id);
    if (!a.window_id) throw new AppError('SCHEDULE_NO_WINDOW', { name: a.name });
    const p = standInProblem({
      absentId: a.id,
      standInId: b.id,
      fromMs: from.getTime(),
      toMs: to.getTime(),
      ...context,
    });
    if (p) throw new AppError('SCHEDULE_STAND_IN_UNAVAILABLE', { name: b.name });
    standInId = b.id;
  }
  const absenceId = await repo.insertAbsence(q, {
    centerId: a.center_id,
    staffId: a.id,
    kind: input.kind,
    from,
    to,
    note: input.note,
    by: ctx.actor.displayName,
    now: ctx.now,
  });
  if (standInId && a.window_id) {
    await repo.insertSubstitution(q, {
      centerId: a.center_id,
      absentId: a.id,
      standInId,
      windowId: a.window_id,
      absenceId,
      from,
      to,
      reason: input.note,
      by: ctx.actor.displayName,
      now: ctx.now,
    });
  }
  await audit(q, ctx, a.center_id, 'create', 'staff_absence', absenceId, null, { ...input, standInId });
  return { absenceId, problem };
}

/** Cancel an absence; its substitutions end now (their record stays). */
export async function cancelAbsence(q: Queryable, ctx: Ctx, id: string): Promise<void> {
  const a = await repo.findAbsence(q, id, ctx.actor.centerPath);
  if (!a || a.cancelled_at) throw new AppError('NOT_FOUND', { entity: 'absence' });
  await repo.cancelAbsence(q, id, ctx.now);
  for (const s of await repo.substitutionsOfAbsence(q, id)) await repo.endSubstitution(q, s.id, ctx.now);
  await audit(q, ctx, a.center_id, 'cancel', 'staff_absence', id, a, null);
}

/** Roster B for A without an absence record (e.g. A is called away for the afternoon). */
export async function createSubstitution(
  q: Queryable,
  ctx: Ctx,
  input: z.output<typeof SubstitutionBody>,
): Promise<string> {
  const a = await requireStaffOf(q, ctx.actor, input.absentStaffId, 'absentStaffId');
  const b = await requireStaffOf(q, ctx.actor, input.standInStaffId, 'standInStaffId', a.center_id);
  if (!a.window_id) throw new AppError('SCHEDULE_NO_WINDOW', { name: a.name });
  const from = new Date(input.from);
  const to = new Date(input.to);
  const context = await substitutionContext(q, a.center_id, from, to);
  const p = standInProblem({
    absentId: a.id,
    standInId: b.id,
    fromMs: from.getTime(),
    toMs: to.getTime(),
    ...context,
  });
  if (p === 'self') throw new AppError('VALIDATION_FAILED', {}, { standInStaffId: 'rule.backup_self' });
  if (p) throw new AppError('SCHEDULE_STAND_IN_UNAVAILABLE', { name: b.name });
  const id = await repo.insertSubstitution(q, {
    centerId: a.center_id,
    absentId: a.id,
    standInId: b.id,
    windowId: a.window_id,
    absenceId: null,
    from,
    to,
    reason: input.reason,
    by: ctx.actor.displayName,
    now: ctx.now,
  });
  await audit(q, ctx, a.center_id, 'create', 'ab_substitution', id, null, input);
  return id;
}

export async function endSubstitution(q: Queryable, ctx: Ctx, id: string): Promise<void> {
  const s = await repo.findSubstitution(q, id, ctx.actor.centerPath);
  if (!s || s.ended_at) throw new AppError('NOT_FOUND', { entity: 'substitution' });
  await repo.endSubstitution(q, id, ctx.now);
  await audit(q, ctx, s.center_id, 'end', 'ab_substitution', id, s, null);
}

/**
 * The staff ids B currently stands in for (AB岗), so B's case list can include A's open cases and
 * steps. For the cases list (helper-7): `activeSubstitutions(q, { staffId: actor.staffId, at: now })`.
 */
export async function activeSubstitutions(
  q: Queryable,
  args: { staffId: string; at: Date },
): Promise<string[]> {
  const rows = await repo.standInsAt(q, args.staffId, args.at);
  return activeStandIns(rows.map(toSubstitution), args.staffId, args.at.getTime());
}

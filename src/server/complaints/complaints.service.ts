import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { civilDateOfInstant } from '../../domain/calendar/civil-time';
import { computeDeadline } from '../../domain/clock';
import {
  complaintActionAllowed,
  replyRates,
  transitionComplaint,
  type ComplaintAction,
} from '../../domain/evaluation';
import { AppError, isAppError } from '../../domain/errors';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  ATTACHMENTS_MAX,
  type AttachmentInput,
  type ComplaintAction as ComplaintActionBody,
  type PublicComplaintCreate,
} from '../../shared/contracts/complaints';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Queryable } from '../db/db';
import { hasRole, type Actor } from '../http/actor';
import { loadPolicies } from '../evaluation/settings.service';
import { monthRange } from '../evaluation/stats.service';
import * as repo from './complaints.repository';
import type { ComplaintListRow, ComplaintRow } from './complaints.repository';

/**
 * 投诉 / 举报 / 表扬 / 建议: intake (portal, phone desk, paper box), assignment to the responsible
 * unit, the reply within the policy's limit (counted from receipt on the working-day clock), the
 * complainant's assessment, closure; praise is acknowledged with bonus points for the assessment.
 */
type Scoped = Actor & { centerPath: string };
const PREFIX = { complaint: 'TS', report: 'JB', praise: 'BY', suggestion: 'JY' } as const;

const kb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/** Decode and check attachments before anything is written: a refused file leaves nothing behind. */
export function decodeAttachments(list: readonly z.infer<typeof AttachmentInput>[]) {
  if (list.length > ATTACHMENTS_MAX) throw new AppError('ATTACHMENTS_TOO_MANY', { max: ATTACHMENTS_MAX });
  return list.map((a) => {
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(a.mime))
      throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', { name: a.name, type: a.mime });
    const data = Buffer.from(a.dataBase64, 'base64');
    if (data.length > ATTACHMENT_MAX_BYTES)
      throw new AppError('ATTACHMENT_TOO_LARGE', {
        name: a.name,
        size: kb(data.length),
        limit: kb(ATTACHMENT_MAX_BYTES),
      });
    return { name: a.name, mime: a.mime, data };
  });
}

async function replyDue(q: Queryable, centerId: string, from: Date): Promise<Date | null> {
  const policies = await loadPolicies(q, centerId);
  try {
    const calendar = await getCalendarIndex(q, centerId);
    return computeDeadline({ start: from, limit: policies.complaints.replyLimit, calendar }).due;
  } catch (e) {
    if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') return null;
    throw e;
  }
}

/** Targets must belong to the center the complaint is about (else they are simply not found). */
async function checkTargets(q: Queryable, centerId: string, b: z.infer<typeof PublicComplaintCreate>) {
  const checks: [string | null, string, string][] = [
    [b.targetWindowId, 'windows', 'targetWindowId'],
    [b.targetStaffId, 'staff', 'targetStaffId'],
    [b.targetDepartmentId, 'departments', 'targetDepartmentId'],
    [b.targetItemId, 'items', 'targetItemId'],
  ];
  for (const [id, table, field] of checks) {
    if (!id) continue;
    const rows = await q.query(`SELECT 1 FROM ${table} WHERE id = $1 AND center_id = $2`, [id, centerId]);
    if (rows.length === 0) throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.same_center' });
  }
}

export async function createComplaint(
  q: Queryable,
  input: z.infer<typeof PublicComplaintCreate> & {
    channel: ComplaintRow['channel'];
    receivedByName: string | null;
  },
  now: Date,
): Promise<{ id: string; number: string; trackingToken: string }> {
  const files = decodeAttachments(input.attachments);
  const [center] = await q.query<{ id: string }>('SELECT id FROM centers WHERE id = $1', [input.centerId]);
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  await checkTargets(q, input.centerId, input);
  const year = civilDateOfInstant(now.getTime()).slice(0, 4);
  const n = await repo.nextNumber(q, input.centerId, `${input.kind}:${year}`);
  const number = `${PREFIX[input.kind]}${year}${String(n).padStart(5, '0')}`;
  const token = randomBytes(16).toString('base64url');
  const id = await repo.insertComplaint(q, {
    center_id: input.centerId,
    number,
    kind: input.kind,
    channel: input.channel,
    title: input.title,
    content: input.content,
    target_window_id: input.targetWindowId,
    target_staff_id: input.targetStaffId,
    target_department_id: input.targetDepartmentId,
    target_item_id: input.targetItemId,
    anonymous: input.anonymous,
    contact_name: input.anonymous ? '' : input.contactName,
    contact_phone: input.anonymous ? '' : input.contactPhone,
    tracking_token: token,
    received_by_name: input.receivedByName,
    received_at: now,
    reply_due_at: input.kind === 'praise' ? null : await replyDue(q, input.centerId, now),
  });
  await repo.insertAttachments(q, id, input.centerId, files, now);
  await repo.insertEvent(q, {
    complaint_id: id,
    center_id: input.centerId,
    seq: 1,
    action: 'receive',
    from_status: null,
    to_status: 'received',
    actor_name: input.receivedByName ?? '网上提交',
    note: input.channel,
    at: now,
  });
  await q.query('UPDATE complaints SET event_count = 1 WHERE id = $1', [id]);
  return { id, number, trackingToken: token };
}

/** Managers (督查科, 中心管理) run the desk; the assigned unit's people reply. */
const isManager = (a: Actor) => hasRole(a, 'supervisor', 'admin');
const isAssignedUnit = (a: Actor, k: ComplaintRow) =>
  hasRole(a, 'chief_rep', 'approver', 'leader', 'officer') &&
  a.departmentId !== null &&
  a.departmentId === k.assigned_department_id;

export function mayAct(a: Actor, k: ComplaintRow, action: ComplaintAction): boolean {
  if (!complaintActionAllowed(k, action)) return false;
  if (action === 'reply') return isManager(a) || isAssignedUnit(a, k);
  return isManager(a);
}
export const mayViewComplaint = (a: Actor, k: ComplaintRow): boolean =>
  hasRole(a, 'supervisor', 'admin', 'leader') || isAssignedUnit(a, k);

async function apply(
  q: Queryable,
  k: ComplaintListRow,
  body: ComplaintActionBody,
  actorName: string,
  now: Date,
): Promise<void> {
  const next = transitionComplaint(k, body.type, body.type === 'assess' ? body.assessment : undefined);
  const row: ComplaintRow = {
    ...k,
    status: next.status,
    assessment: next.assessment,
    event_count: k.event_count + 1,
  };
  let note = '';
  switch (body.type) {
    case 'assign': {
      const [d] = await q.query('SELECT 1 FROM departments WHERE id = $1 AND center_id = $2', [
        body.departmentId,
        k.center_id,
      ]);
      if (!d) throw new AppError('VALIDATION_FAILED', {}, { departmentId: 'rule.same_center' });
      row.assigned_department_id = body.departmentId;
      row.assigned_at = now;
      note = body.note;
      break;
    }
    case 'reply':
      row.reply = body.text;
      row.replied_at = now;
      row.replied_by_name = actorName;
      note = body.text;
      break;
    case 'assess':
      row.assessed_at = now;
      note = body.assessment;
      break;
    case 'reopen':
      // A new reply is owed, counted from the reopening.
      row.reply_due_at = await replyDue(q, k.center_id, now);
      row.replied_at = null;
      note = body.note;
      break;
    case 'close':
      row.closed_at = now;
      note = body.note;
      break;
    case 'acknowledge':
      row.closed_at = now;
      row.bonus_points = body.bonusPoints;
      note = body.note;
      break;
  }
  await repo.saveComplaint(q, row, now);
  await repo.insertEvent(q, {
    complaint_id: k.id,
    center_id: k.center_id,
    seq: row.event_count,
    action: body.type,
    from_status: k.status,
    to_status: row.status,
    actor_name: actorName,
    note,
    at: now,
  });
}

export async function performComplaintAction(
  q: Queryable,
  ctx: { actor: Scoped; now: Date },
  id: string,
  body: ComplaintActionBody,
): Promise<void> {
  const k = await repo.findComplaint(q, ctx.actor.centerPath, id, true);
  if (!k || !mayViewComplaint(ctx.actor, k)) throw new AppError('NOT_FOUND', { entity: 'complaint' });
  if (complaintActionAllowed(k, body.type) && !mayAct(ctx.actor, k, body.type))
    throw new AppError('FORBIDDEN');
  await apply(q, k, body, ctx.actor.displayName, ctx.now);
}

/** The complainant assesses the reply through their tracking link. */
export async function assessByToken(
  q: Queryable,
  token: string,
  assessment: 'satisfied' | 'basic' | 'dissatisfied',
  now: Date,
): Promise<void> {
  const k = await repo.findByToken(q, token, true);
  if (!k) throw new AppError('NOT_FOUND', { entity: 'complaint' });
  await apply(q, k, { type: 'assess', assessment }, k.anonymous ? '匿名' : k.contact_name || '投诉人', now);
}

export async function complaintStats(q: Queryable, scopePath: string, month: string, now: Date) {
  const { from, to } = monthRange(month);
  const asOf = now < to ? now : to;
  const f = await repo.replyFigures(q, scopePath, from, to, asOf);
  const r = replyRates({
    received: f.received,
    replied: f.replied,
    repliedOnTime: f.replied_on_time,
    openOverdue: f.open_overdue,
  });
  return {
    month,
    byKind: f.byKind,
    received: f.received,
    replied: f.replied,
    repliedOnTime: f.replied_on_time,
    openOverdue: f.open_overdue,
    replyRate: r.replyRate,
    onTimeRate: r.onTimeRate,
    satisfiedAssessments: f.satisfied,
    assessments: f.assessments,
  };
}

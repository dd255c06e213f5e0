import {
  rectificationActionAllowed,
  rectificationActions,
  rectificationStepDue,
  transitionRectification,
  type CenterPolicies,
  type RectificationActor,
  type RectificationEvent,
  type RectificationStatus,
} from '../../domain/evaluation';
import { AppError, isAppError } from '../../domain/errors';
import { rectificationStatusLabels } from '../../shared/contracts/evaluation-labels';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Queryable } from '../db/db';
import { hasRole, type Actor } from '../http/actor';
import {
  departmentLeaders,
  enqueueNotices,
  isMobile,
  type Notice,
  type Recipient,
} from '../supervision/notify.repository';
import type { EvaluationRow, InvitationRow } from './evaluation.repository';
import * as evalRepo from './evaluation.repository';
import * as repo from './rectification.repository';
import type { RectificationListRow, RectificationRow } from './rectification.repository';
import * as visits from './return-visits.repository';
import { loadPolicies } from './settings.service';
import { invitationPath } from './invitations.service';

/**
 * The 差评 loop as a service: a bad review opens a record (in the evaluation's transaction), every
 * action goes through the pure transition table and appends an event in one transaction, and the
 * sweep flags overdue steps and tells the department and the supervisors (督查科).
 */

/** The due of a step; a center whose calendar has no day for it gets no due rather than a failed evaluation. */
async function stepDue(
  q: Queryable,
  centerId: string,
  status: RectificationStatus,
  enteredAt: Date,
  extensionDays: number,
  policies: CenterPolicies,
): Promise<Date | null> {
  try {
    const calendar = await getCalendarIndex(q, centerId);
    return rectificationStepDue({ status, enteredAt, extensionDays, policy: policies.evaluation, calendar });
  } catch (e) {
    if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') return null;
    throw e;
  }
}

/** The center's supervisors (督查科), up the tree: a village's bad review reaches the county's desk. */
const centerSupervisors = (q: Queryable, centerId: string) =>
  q.query<Recipient>(
    `SELECT u.id AS user_id, u.display_name AS name, coalesce(s.phone, '') AS phone, $1::text AS key
     FROM users u LEFT JOIN staff s ON s.id = u.staff_id JOIN centers a ON a.id = u.center_id
     JOIN centers c ON c.id = $1 WHERE 'supervisor' = ANY(u.roles) AND NOT u.disabled AND c.path LIKE a.path || '%'`,
    [centerId],
  );

async function notify(
  q: Queryable,
  r: Pick<RectificationRow, 'id' | 'center_id' | 'department_id' | 'subject_label'>,
  to: { department: boolean; supervisors: boolean },
  tag: string,
  title: string,
  body: string,
  now: Date,
): Promise<void> {
  const people = [
    ...(to.department && r.department_id ? await departmentLeaders(q, [r.department_id]) : []),
    ...(to.supervisors ? await centerSupervisors(q, r.center_id) : []),
  ];
  const seen = new Set<string>();
  const notices: Notice[] = [];
  for (const p of people) {
    if (seen.has(p.user_id)) continue;
    seen.add(p.user_id);
    notices.push({
      centerId: r.center_id,
      userId: p.user_id,
      channel: 'inbox',
      address: '',
      kind: `rectification_${tag}`,
      title,
      body,
      link: `/evaluation/rectifications?id=${r.id}`,
      dedupeKey: `rectification:${r.id}:${tag}:${p.user_id}`,
    });
  }
  await enqueueNotices(q, notices, now);
}

/** Open the record of a 差评, with its return visit on the worklist. Called inside the evaluation's transaction. */
export async function openRectification(
  q: Queryable,
  e: EvaluationRow,
  inv: InvitationRow,
  policies: CenterPolicies,
  now: Date,
): Promise<RectificationRow> {
  const due = await stepDue(q, e.center_id, 'return_visit', now, 0, policies);
  const r = await repo.insertRectification(
    q,
    {
      center_id: e.center_id,
      evaluation_id: e.id,
      invitation_id: inv.id,
      case_id: e.case_id,
      subject_label: inv.subject_label,
      department_id: e.department_id,
      window_id: e.window_id,
      staff_id: e.staff_id,
      status: 'return_visit',
      step_entered_at: now,
      step_due_at: due,
    },
    now,
  );
  await repo.insertRectificationEvent(q, {
    rectification_id: r.id,
    center_id: r.center_id,
    seq: 1,
    action: 'open',
    from_status: null,
    to_status: 'return_visit',
    actor_id: null,
    actor_name: '系统',
    note: e.tags.join(','),
    payload: { level: e.level },
    at: now,
  });
  await q.query('UPDATE rectifications SET event_count = 1 WHERE id = $1', [r.id]);
  await visits.upsertBadReviewVisit(
    q,
    { center_id: r.center_id, invitation_id: inv.id, rectification_id: r.id, due_at: due },
    now,
  );
  await notify(
    q,
    r,
    { department: true, supervisors: true },
    'opened',
    `【差评】${inv.subject_label} ${inv.item_name}`,
    `收到一条差评，请按时回访核实${due ? `（回访期限 ${due.toISOString()}）` : ''}。`,
    now,
  );
  return { ...r, event_count: 1 };
}

type Scoped = Actor & { centerPath: string };

/** Who the actor is for a record (谁办理谁负责), or null when they may only look. */
export function rectificationActor(
  actor: Actor,
  r: Pick<RectificationRow, 'department_id'>,
): RectificationActor | null {
  if (hasRole(actor, 'supervisor')) return 'supervisor';
  if (
    hasRole(actor, 'chief_rep', 'approver', 'leader', 'admin') &&
    (!actor.departmentId || actor.departmentId === r.department_id)
  )
    return 'handler';
  return null;
}

/** The actions the actor may take on the record now (for the screen's buttons). */
export function availableActions(actor: Actor, r: RectificationRow): string[] {
  const kind = rectificationActor(actor, r);
  if (!kind) return [];
  return rectificationActions.filter((a) => rectificationActionAllowed(r.status, a, kind));
}

/** May the actor see the record at all: follow-up roles in scope, or the evaluated officer (anonymised). */
export function mayView(actor: Actor, r: Pick<RectificationRow, 'staff_id' | 'department_id'>): boolean {
  if (hasRole(actor, 'supervisor', 'admin', 'leader')) return true;
  if (hasRole(actor, 'chief_rep', 'approver'))
    return !actor.departmentId || actor.departmentId === r.department_id;
  return actor.staffId !== null && actor.staffId === r.staff_id;
}

/** Who evaluated is shown to those who call back, never to the evaluated officer. */
export const maySeeEvaluator = (actor: Actor, staffId: string | null): boolean =>
  hasRole(actor, 'supervisor', 'admin', 'leader', 'chief_rep', 'approver') &&
  (actor.staffId === null || actor.staffId !== staffId);

async function applyTransition(
  q: Queryable,
  r: RectificationListRow,
  e: RectificationEvent,
  kind: RectificationActor,
  who: { id: string | null; name: string },
  now: Date,
): Promise<RectificationRow> {
  const policies = await loadPolicies(q, r.center_id);
  const { next, effects } = transitionRectification(
    {
      status: r.status,
      extension: r.extension,
      requestedExtensionDays: r.requested_extension_days,
      extensionDays: r.extension_days,
    },
    e,
    kind,
    policies.evaluation,
  );
  const row: RectificationRow = {
    ...r,
    status: next.status,
    extension: next.extension,
    requested_extension_days: next.requestedExtensionDays,
    extension_days: next.extensionDays,
    event_count: r.event_count + 1,
  };
  let note = '';
  switch (e.type) {
    case 'record_return_visit':
      row.return_visit_note = e.note;
      note = e.note;
      break;
    case 'decide':
      row.decision = e.decision;
      row.decision_text = e.text;
      note = e.text;
      break;
    case 'request_extension':
      note = e.reason;
      break;
    case 'decide_extension':
    case 'decide_appeal':
      if (e.type === 'decide_appeal') row.appeal_opinion = e.opinion;
      note = e.opinion;
      break;
    case 'complete':
      row.feedback = e.feedback;
      note = e.feedback;
      break;
    case 'rate':
      row.applicant_rating = e.rating;
      note = e.rating;
      break;
    case 'close':
      note = e.reason;
      break;
  }
  for (const fx of effects) {
    if (fx.type === 'startStep') {
      row.step_entered_at = now;
      row.step_due_at = await stepDue(q, r.center_id, next.status, now, 0, policies);
      row.overdue_flagged_at = null;
    } else if (fx.type === 'extendDue') {
      row.step_due_at = await stepDue(q, r.center_id, next.status, r.step_entered_at, fx.days, policies);
      // A new due that is still ahead is no longer overdue.
      if (row.step_due_at && row.step_due_at > now) row.overdue_flagged_at = null;
    } else {
      await excludeFromRates(q, r.evaluation_id, e.type === 'decide_appeal' ? e.opinion : '');
    }
  }
  if (!effects.some((fx) => fx.type !== 'excludeEvaluation') && next.status !== r.status) {
    // A step without a limit (explained, rectified, closed, excluded): nothing is due any more.
    row.step_entered_at = now;
    row.step_due_at = null;
  }
  if (next.status === 'closed' || next.status === 'excluded') row.closed_at = now;
  await repo.saveRectification(q, row, now);
  await repo.insertRectificationEvent(q, {
    rectification_id: r.id,
    center_id: r.center_id,
    seq: row.event_count,
    action: e.type,
    from_status: r.status,
    to_status: row.status,
    actor_id: who.id,
    actor_name: who.name,
    note,
    payload: { ...e },
    at: now,
  });
  return row;
}

/** 申诉成立: the evaluation stays on record and leaves every rate and ranking. */
async function excludeFromRates(q: Queryable, evaluationId: string, reason: string): Promise<void> {
  const ev = await evalRepo.findEvaluation(q, evaluationId, true);
  if (!ev || ev.excluded) return;
  await evalRepo.excludeEvaluation(q, ev.id, reason);
  await evalRepo.insertDeltas(q, ev, [
    { bucket: ev.level, delta: -1 },
    { bucket: 'excluded', delta: 1 },
  ]);
}

/** One action of staff on a record. */
export async function performRectificationAction(
  q: Queryable,
  ctx: { actor: Scoped; now: Date },
  id: string,
  e: RectificationEvent,
): Promise<RectificationRow> {
  const r = await repo.findRectification(q, ctx.actor.centerPath, id, true);
  if (!r || !mayView(ctx.actor, r)) throw new AppError('NOT_FOUND', { entity: 'rectification' });
  const kind = rectificationActor(ctx.actor, r);
  if (!kind) throw new AppError('FORBIDDEN');
  const row = await applyTransition(
    q,
    r,
    e,
    kind,
    { id: ctx.actor.userId, name: ctx.actor.displayName },
    ctx.now,
  );
  if (e.type === 'record_return_visit') {
    const v = await visits.findVisitOfRectification(q, r.id);
    if (v?.status === 'pending')
      await visits.completeVisit(
        q,
        v.id,
        {
          status: e.reached ? 'done' : 'unreachable',
          calledBy: ctx.actor.userId,
          calledByName: ctx.actor.displayName,
          note: e.note,
          evaluationId: null,
        },
        ctx.now,
      );
  }
  await afterAction(q, r, row, e, ctx.now);
  return row;
}

async function afterAction(
  q: Queryable,
  before: RectificationListRow,
  r: RectificationRow,
  e: RectificationEvent,
  now: Date,
): Promise<void> {
  const label = rectificationStatusLabels[r.status].zh;
  if (e.type === 'request_extension' || (e.type === 'decide' && e.decision === 'appeal'))
    await notify(
      q,
      r,
      { department: false, supervisors: true },
      `${e.type}_${r.event_count}`,
      `【${label}】${r.subject_label}`,
      '请审批。',
      now,
    );
  // 反馈: the applicant hears of the outcome and may rate it through the same link.
  if ((r.status === 'rectified' || r.status === 'explained') && isMobile(before.evaluator_phone)) {
    const [inv] = await q.query<{ token: string }>('SELECT token FROM evaluation_invitations WHERE id = $1', [
      r.invitation_id,
    ]);
    await enqueueNotices(
      q,
      [
        {
          centerId: r.center_id,
          userId: null,
          channel: 'sms',
          address: before.evaluator_phone,
          kind: 'rectification_feedback',
          title: '差评处理反馈',
          body: `您对「${r.subject_label}」的评价已处理（${label}），欢迎对处理结果评价：${invitationPath(inv!.token)}`,
          link: invitationPath(inv!.token),
          dedupeKey: `rectification:${r.id}:feedback`,
        },
      ],
      now,
    );
  }
}

/** The applicant rates the rectification through the evaluation link. */
export async function rateRectificationByToken(
  q: Queryable,
  token: string,
  rating: 'satisfied' | 'basic' | 'dissatisfied',
  now: Date,
): Promise<RectificationRow> {
  const inv = await evalRepo.findInvitationByToken(q, token);
  const r = inv ? await repo.findRectificationByInvitation(q, inv.id, true) : undefined;
  if (!r) throw new AppError('EVALUATION_INVITATION_INVALID');
  return applyTransition(q, r, { type: 'rate', rating }, 'applicant', { id: null, name: '办事人' }, now);
}

/**
 * Sweep: flag every record whose current step is past due (once per step), append an `overdue`
 * event and notify the department's leaders and the supervisors. Bounded and idempotent.
 */
export async function sweepOverdueRectifications(q: Queryable, now: Date, limit = 200): Promise<number> {
  const due = await repo.claimOverdue(q, now, limit);
  for (const r of due) {
    const row: RectificationRow = {
      ...r,
      overdue_flagged_at: now,
      overdue_steps: [...r.overdue_steps, r.status],
      event_count: r.event_count + 1,
    };
    await repo.saveRectification(q, row, now);
    await repo.insertRectificationEvent(q, {
      rectification_id: r.id,
      center_id: r.center_id,
      seq: row.event_count,
      action: 'overdue',
      from_status: r.status,
      to_status: r.status,
      actor_id: null,
      actor_name: '系统',
      note: r.step_due_at?.toISOString() ?? '',
      payload: { step: r.status },
      at: now,
    });
    const step = rectificationStatusLabels[r.status].zh;
    await notify(
      q,
      r,
      { department: true, supervisors: true },
      `overdue_${r.status}_${row.event_count}`,
      `【超期】${r.subject_label} ${step}`,
      `差评处理「${step}」已超过期限，请督办。`,
      now,
    );
  }
  return due.length;
}

/**
 * Overdue rectification steps, for the supervision desk (public API of this feature): records whose
 * current step is past due at `now`, within the actor's scope.
 */
export async function listOverdueRectifications(
  q: Queryable,
  input: { scopePath: string; centerId?: string; now: Date; limit?: number },
): Promise<RectificationListRow[]> {
  return (
    await repo.listRectifications(q, {
      scopePath: input.scopePath,
      centerId: input.centerId,
      overdueAt: input.now,
      limit: input.limit ?? 200,
      offset: 0,
    })
  ).rows;
}

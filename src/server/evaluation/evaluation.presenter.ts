import type { z } from 'zod';
import type {
  EvaluationView,
  OfficerCard,
  RectificationView,
  ReturnVisitView,
} from '../../shared/contracts/evaluation';
import type { Actor } from '../http/actor';
import type { EvaluationListRow } from './evaluation.repository';
import type { OfficerInfo } from './invitations.service';
import type { RectificationEventRow, RectificationListRow } from './rectification.repository';
import { availableActions, maySeeEvaluator } from './rectification.service';
import type { ReturnVisitRow } from './return-visits.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The avatar placeholder: the surname for a Chinese name, the initials of a Latin one. */
export function initials(name: string): string {
  const t = name.trim();
  if (/^[\u3400-\u9fff]/.test(t)) return t.slice(0, 1);
  return t
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

export const presentOfficer = (o: OfficerInfo | undefined): z.infer<typeof OfficerCard> | null =>
  o
    ? {
        name: o.name,
        initials: initials(o.name),
        badgeNumber: o.badge_number,
        post: o.post,
        departmentName: o.department_name,
      }
    : null;

export const presentEvaluation = (e: EvaluationListRow, actor: Actor): EvaluationView => ({
  id: e.id,
  centerId: e.center_id,
  subjectLabel: e.subject_label,
  caseId: e.case_id,
  ticketId: e.ticket_id,
  round: e.round,
  level: e.level,
  indicators: e.indicators,
  tags: e.tags,
  comment: e.comment,
  channel: e.channel,
  isDefault: e.is_default,
  excluded: e.excluded,
  windowNumber: e.window_number,
  staffName: e.staff_name,
  departmentName: e.department_name,
  itemName: e.item_name,
  evaluator: maySeeEvaluator(actor, e.staff_id) ? { name: e.evaluator_name, phone: e.evaluator_phone } : null,
  recordedByName: e.recorded_by_name,
  createdAt: e.created_at.toISOString(),
});

export const presentRectification = (
  r: RectificationListRow,
  actor: Actor,
  now: Date,
  events?: readonly RectificationEventRow[],
): RectificationView => ({
  id: r.id,
  centerId: r.center_id,
  subjectLabel: r.subject_label,
  status: r.status,
  level: r.level as RectificationView['level'],
  tags: r.tags,
  comment: r.comment,
  departmentName: r.department_name,
  windowNumber: r.window_number,
  staffName: r.staff_name,
  stepEnteredAt: r.step_entered_at.toISOString(),
  stepDueAt: iso(r.step_due_at),
  overdue: r.step_due_at !== null && r.step_due_at < now,
  overdueSteps: r.overdue_steps,
  decision: r.decision,
  extension: r.extension,
  requestedExtensionDays: r.requested_extension_days,
  extensionDays: r.extension_days,
  returnVisitNote: r.return_visit_note,
  decisionText: r.decision_text,
  feedback: r.feedback,
  appealOpinion: r.appeal_opinion,
  applicantRating: r.applicant_rating,
  evaluator: maySeeEvaluator(actor, r.staff_id) ? { name: r.evaluator_name, phone: r.evaluator_phone } : null,
  actions: availableActions(actor, r),
  createdAt: r.created_at.toISOString(),
  ...(events
    ? {
        events: events.map((e) => ({
          seq: e.seq,
          action: e.action,
          fromStatus: e.from_status,
          toStatus: e.to_status,
          actorName: e.actor_name,
          note: e.note,
          at: e.at.toISOString(),
        })),
      }
    : {}),
});

export const presentReturnVisit = (v: ReturnVisitRow): z.infer<typeof ReturnVisitView> => ({
  id: v.id,
  reason: v.reason,
  status: v.status,
  subjectLabel: v.subject_label,
  itemName: v.item_name,
  applicantName: v.applicant_name,
  phone: v.applicant_phone,
  windowNumber: v.window_number,
  staffName: v.staff_name,
  dueAt: iso(v.due_at),
  calledByName: v.called_by_name,
  calledAt: iso(v.called_at),
  note: v.note,
  rectificationId: v.rectification_id,
  createdAt: v.created_at.toISOString(),
});

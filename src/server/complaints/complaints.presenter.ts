import { complaintActions } from '../../domain/evaluation';
import type { ComplaintView } from '../../shared/contracts/complaints';
import type { Actor } from '../http/actor';
import type { ComplaintListRow } from './complaints.repository';
import { mayAct } from './complaints.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentComplaint = (
  k: ComplaintListRow,
  actor: Actor,
  now: Date,
  extra: {
    attachments?: { id: string; name: string; mime: string; size: number }[];
    events?: { action: string; to_status: string; actor_name: string; note: string; at: Date }[];
  } = {},
): ComplaintView => ({
  id: k.id,
  centerId: k.center_id,
  number: k.number,
  kind: k.kind,
  channel: k.channel,
  status: k.status,
  title: k.title,
  content: k.content,
  targetWindowNumber: k.target_window_number,
  targetStaffName: k.target_staff_name,
  targetDepartmentName: k.target_department_name,
  targetItemName: k.target_item_name,
  anonymous: k.anonymous,
  contactName: k.contact_name,
  contactPhone: k.contact_phone,
  receivedAt: k.received_at.toISOString(),
  receivedByName: k.received_by_name,
  assignedDepartmentId: k.assigned_department_id,
  assignedDepartmentName: k.assigned_department_name,
  replyDueAt: iso(k.reply_due_at),
  overdue: k.replied_at === null && k.reply_due_at !== null && k.reply_due_at < now && k.status !== 'closed',
  reply: k.reply,
  repliedAt: iso(k.replied_at),
  repliedByName: k.replied_by_name,
  assessment: k.assessment,
  closedAt: iso(k.closed_at),
  bonusPoints: Number(k.bonus_points),
  attachments: extra.attachments ?? [],
  actions: complaintActions.filter((a) => mayAct(actor, k, a)),
  ...(extra.events
    ? {
        events: extra.events.map((e) => ({
          action: e.action,
          toStatus: e.to_status,
          actorName: e.actor_name,
          note: e.note,
          at: e.at.toISOString(),
        })),
      }
    : {}),
});

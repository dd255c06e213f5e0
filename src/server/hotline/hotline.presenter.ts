import type { HotlineOrderView } from '../../shared/contracts/hotline';
import type { OrderListRow } from './hotline.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentOrder = (
  o: OrderListRow,
  now: Date,
  actions: string[],
  events?: {
    seq: number;
    action: string;
    to_status: string;
    actor_name: string;
    department_name: string | null;
    note: string;
    at: Date;
  }[],
): HotlineOrderView => ({
  id: o.id,
  centerId: o.center_id,
  number: o.number,
  source: o.source,
  category: o.category,
  kind: o.kind,
  title: o.title,
  content: o.content,
  callerName: o.caller_name,
  callerPhone: o.caller_phone,
  address: o.address,
  receivedAt: o.received_at.toISOString(),
  status: o.status,
  leadDepartmentId: o.lead_department_id,
  leadDepartmentName: o.lead_department_name,
  coDepartments: o.co_departments ?? [],
  dispatchedAt: iso(o.dispatched_at),
  signDueAt: iso(o.sign_due_at),
  replyDueAt: iso(o.reply_due_at),
  returnDueAt: iso(o.return_due_at),
  signedAt: iso(o.signed_at),
  repliedAt: iso(o.replied_at),
  overdue:
    (['dispatched', 'signed', 'handling'].includes(o.status) &&
      o.reply_due_at !== null &&
      o.reply_due_at < now) ||
    (o.status === 'dispatched' && o.sign_due_at !== null && o.sign_due_at < now),
  extensionDays: o.extension_days,
  supervised: o.supervised,
  supervisionLevel: o.supervision_level,
  returnCount: o.return_count,
  reply: o.reply,
  visitNote: o.visit_note,
  satisfaction: o.satisfaction,
  actions,
  ...(events
    ? {
        events: events.map((e) => ({
          seq: e.seq,
          action: e.action,
          toStatus: e.to_status,
          actorName: e.actor_name,
          departmentName: e.department_name,
          note: e.note,
          at: e.at.toISOString(),
        })),
      }
    : {}),
});

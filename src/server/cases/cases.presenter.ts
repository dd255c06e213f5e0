import type { CalendarIndex } from '../../domain/calendar';
import { maskIdNumber, maskPhone } from '../../domain/identity';
import type {
  CaseDocumentKind,
  CaseDocumentView,
  CaseEventView,
  CaseSummary,
} from '../../shared/contracts/cases';
import { remainingWorkingDays } from './cases.clock';
import type { CaseListRow } from './cases.list.repository';
import type { DocumentRow, MaterialRow } from './cases.parts.repository';
import type { EventRow } from './cases.repository';

/** Rows → the API's shapes. Lists mask the applicant's ID number and phone; only the detail shows them. */

export const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

const open = (status: string) => status === 'accepted' || status === 'paused';

/** Remaining working days of an open case; the clock stands still while paused. */
export function remainingOf(r: CaseListRow, calendar: CalendarIndex, now: Date): number | null {
  if (!r.due_at || !open(r.status)) return null;
  return remainingWorkingDays(calendar, r.due_at, r.status === 'paused' && r.paused_at ? r.paused_at : now);
}

export function presentSummary(r: CaseListRow, calendar: CalendarIndex, now: Date): CaseSummary {
  return {
    id: r.id,
    number: r.number,
    itemName: r.item_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    windowNumber: r.window_number,
    status: r.status as CaseSummary['status'],
    outcome: r.outcome as CaseSummary['outcome'],
    kind: r.kind,
    applicantName: r.applicant_name,
    applicantIdNumber: maskIdNumber(r.applicant_id_number),
    applicantPhone: maskPhone(r.applicant_phone),
    receivedAt: iso(r.received_at)!,
    acceptedAt: iso(r.accepted_at),
    dueAt: iso(r.due_at),
    remainingWorkingDays: remainingOf(r, calendar, now),
    overdue: r.status === 'accepted' && r.due_at !== null && now > r.due_at,
    step: {
      index: r.step_index,
      count: r.step_count,
      name: r.step_name,
      role: r.step_role,
      dueAt: open(r.status) ? iso(r.step_due_at) : null,
    },
    flags: r.flags,
    bundleId: r.bundle_id,
  };
}

export const presentEvent = (e: EventRow): CaseEventView => ({
  seq: e.seq,
  type: e.type,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  stepIndex: e.step_index,
  stepName: e.step_name,
  actorName: e.actor_name,
  actorRole: e.actor_role,
  orgName: e.org_name,
  at: iso(e.at)!,
  opinion: e.opinion,
  payload: e.payload,
});

export const presentMaterial = (m: MaterialRow) => ({
  key: m.material_key,
  name: m.name,
  necessity: m.necessity,
  originalsRequired: m.originals_required,
  copiesRequired: m.copies_required,
  originalsReceived: m.originals_received,
  copiesReceived: m.copies_received,
  status: m.status,
  note: m.note,
  suppliedAt: iso(m.supplied_at),
});

export const presentDocument = (d: {
  id: string;
  kind: string;
  number: string;
  issuedAt: Date;
  issuedBy: string;
  eventSeq: number;
}): CaseDocumentView => ({
  id: d.id,
  kind: d.kind as CaseDocumentKind,
  number: d.number,
  issuedAt: iso(d.issuedAt)!,
  issuedByName: d.issuedBy,
  eventSeq: d.eventSeq,
});

export const presentDocumentRow = (d: DocumentRow): CaseDocumentView =>
  presentDocument({
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuedAt: d.issued_at,
    issuedBy: d.issued_by_name,
    eventSeq: d.event_seq,
  });

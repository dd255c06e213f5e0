import type { CalendarIndex } from '../../domain/calendar';
import { civilDateOfInstant, instantOfCivil, parseCivilDate } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import type { CaseDetail, CaseListQuery, CaseSummary, TransferList } from '../../shared/contracts/cases';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import { loadCalendar } from './cases.calendar';
import { caseClockView } from './cases.clock';
import { currentStep, openUnit, toSnapshot } from './cases.engine';
import * as list from './cases.list.repository';
import * as parts from './cases.parts.repository';
import { actionsFor, caseScope } from './cases.policy';
import { iso, presentDocumentRow, presentEvent, presentMaterial, presentSummary } from './cases.presenter';
import * as repo from './cases.repository';

/** Reading cases: detail with events, clock and next actions; lists; the approver's inbox; the transfer list. */

/** Calendars of the centers of a page of cases, each loaded once. */
async function calendars(q: Queryable, centerIds: readonly string[]): Promise<Map<string, CalendarIndex>> {
  const ids = [...new Set(centerIds)];
  const loaded = await Promise.all(ids.map((id) => loadCalendar(q, id)));
  return new Map(ids.map((id, i) => [id, loaded[i]!]));
}

async function summaries(q: Queryable, rows: readonly list.CaseListRow[], now: Date): Promise<CaseSummary[]> {
  const cals = await calendars(
    q,
    rows.map((r) => r.center_id),
  );
  return rows.map((r) => presentSummary(r, cals.get(r.center_id)!, now));
}

export async function getCaseDetail(q: Queryable, actor: Actor, id: string, now: Date): Promise<CaseDetail> {
  const row = await list.findVisibleCase(q, caseScope(actor), id);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'case' });
  const [u, events, materials, documents, bundle] = await Promise.all([
    openUnit(q, row),
    repo.listEvents(q, id),
    parts.listMaterials(q, id),
    parts.listDocuments(q, id),
    row.bundle_id ? parts.findBundle(q, row.bundle_id) : Promise.resolve(undefined),
  ]);
  const bundleParts = bundle ? await parts.listBundleParts(q, bundle.id) : [];
  const pauseSince = u.pauses.find((p) => !p.ended_at)?.started_at ?? null;
  return {
    ...presentSummary(row, u.calendar, now),
    centerId: row.center_id,
    itemId: row.item_id,
    itemVersionId: row.item_version_id,
    channel: row.channel,
    subject: row.subject,
    receivedByName: row.received_by_name,
    applicant: {
      kind: row.applicant_kind,
      name: row.applicant_name,
      idType: row.applicant_id_type,
      idNumber: row.applicant_id_number,
      phone: row.applicant_phone,
      address: row.applicant_address,
      legalRepresentative: row.legal_representative,
    },
    agent:
      row.agent_name && row.agent_id_type
        ? {
            name: row.agent_name,
            idType: row.agent_id_type,
            idNumber: row.agent_id_number ?? '',
            phone: row.agent_phone ?? '',
          }
        : null,
    fee: {
      standardFen: row.fee_standard_fen,
      chargedFen: row.fee_charged_fen,
      lines: row.fee_lines,
      reason: row.fee_reason,
      mismatch: row.fee_mismatch,
    },
    legalDueAt: iso(row.legal_due_at),
    concludedAt: iso(row.concluded_at),
    deliveredAt: iso(row.delivered_at),
    pause:
      row.pause_kind && row.pause_expected_days !== null
        ? {
            kind: row.pause_kind as NonNullable<CaseDetail['pause']>['kind'],
            expectedWorkingDays: row.pause_expected_days,
            since: iso(pauseSince ?? row.paused_at)!,
          }
        : null,
    extended: row.extended,
    supplementRequests: row.supplement_requests,
    certificate: row.certificate,
    forwardedTo: row.forwarded_to,
    delivery: row.delivery_method
      ? { method: row.delivery_method, trackingNumber: row.tracking_number }
      : null,
    materials: materials.map(presentMaterial),
    events: events.map(presentEvent),
    clock: caseClockView(row, u.pauses, u.extensions, u.calendar, now),
    documents: documents.map(presentDocumentRow),
    allowedActions: actionsFor(actor, toSnapshot(row), currentStep(u).role),
    bundle: bundle
      ? {
          id: bundle.id,
          name: bundle.name,
          ready: bundle.ready_at !== null,
          parts: bundleParts.map((p) => ({
            id: p.id,
            number: p.number,
            itemName: p.item_name,
            status: p.status as CaseSummary['status'],
            outcome: p.outcome as CaseSummary['outcome'],
          })),
        }
      : null,
  };
}

export async function listCases(q: Queryable, actor: Actor, query: CaseListQuery, now: Date) {
  const r = await list.listCases(q, caseScope(actor), {
    status: query.status,
    departmentId: query.departmentId,
    windowId: query.windowId,
    dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
    overdueAt: query.overdue === 'true' ? now : undefined,
    receivedBy: query.mine === 'true' ? actor.userId : undefined,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: await summaries(q, r.rows, now), total: r.total, totalIsLowerBound: r.capped };
}

/** The steps waiting for a department approver or chief representative, earliest step due first. */
export async function inbox(q: Queryable, actor: Actor, now: Date) {
  if (!actor.departmentId) return { items: [] };
  const roles = actor.roles.filter((r) => r === 'approver' || r === 'chief_rep' || r === 'officer');
  const rows = await list.inbox(q, actor.departmentId, roles);
  return { items: await summaries(q, rows, now) };
}

/** 业务受理转办明细表 of one day (China time) at the actor's center, grouped by department. */
export async function transferList(
  q: Queryable,
  actor: Actor & { centerId: string },
  date: string | undefined,
  windowId: string | undefined,
  now: Date,
): Promise<TransferList> {
  const day = date ?? civilDateOfInstant(now.getTime());
  const dn = parseCivilDate(day);
  if (dn === null) throw new AppError('VALIDATION_FAILED', {}, { date: 'rule.date' });
  const from = instantOfCivil(day);
  const to = new Date(from.getTime() + 86_400_000);
  const [rows, org] = await Promise.all([
    list.transfers(q, actor.centerId, from, to, windowId ?? null),
    repo.orgInfo(q, actor.centerId, null),
  ]);
  const byDept = new Map<string, TransferList['departments'][number]>();
  for (const r of rows) {
    let d = byDept.get(r.department_id);
    if (!d)
      byDept.set(
        r.department_id,
        (d = { departmentId: r.department_id, departmentName: r.department_name, cases: [] }),
      );
    d.cases.push({
      id: r.id,
      number: r.number,
      itemName: r.item_name,
      applicantName: r.applicant_name,
      materialsReceived: r.materials_received,
      acceptedAt: iso(r.accepted_at)!,
      dueAt: iso(r.due_at),
      windowNumber: r.window_number,
      receivedByName: r.received_by_name,
    });
  }
  return { date: day, centerName: org.center_name, departments: [...byDept.values()] };
}

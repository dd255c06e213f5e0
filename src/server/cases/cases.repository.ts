import type { Queryable } from '../db/db';
import { maybeOne, one } from '../db/db';

/** Thin typed SQL for cases, their events, materials, pauses, extensions and counters. No rules here. */

export interface CaseRow {
  id: string;
  center_id: string;
  number: string;
  item_id: string;
  item_version_id: string;
  item_name: string;
  department_id: string;
  window_id: string | null;
  channel: 'counter' | 'online';
  bundle_id: string | null;
  subject: string;
  received_by: string | null;
  received_by_name: string;
  status: string;
  kind: 'immediate' | 'promised';
  outcome: string | null;
  step_index: number;
  step_count: number;
  step_name: string;
  step_role: string;
  pause_kind: string | null;
  pause_expected_days: number | null;
  extended: boolean;
  deemed_accepted: boolean;
  negative_reported: boolean;
  converted_from_immediate: boolean;
  supplement_requests: number;
  flags: string[];
  applicant_id: string | null;
  applicant_kind: 'person' | 'enterprise';
  applicant_name: string;
  applicant_id_type: 'resident_id' | 'credit_code' | 'passport' | 'other';
  applicant_id_number: string;
  applicant_phone: string;
  applicant_address: string;
  legal_representative: string;
  agent_name: string | null;
  agent_id_type: 'resident_id' | 'passport' | 'other' | null;
  agent_id_number: string | null;
  agent_phone: string | null;
  fee_standard_fen: number;
  fee_charged_fen: number;
  fee_lines: { name: string; standardFen: number; chargedFen: number }[];
  fee_reason: string | null;
  fee_mismatch: boolean;
  received_at: Date;
  last_received_at: Date;
  accepted_at: Date | null;
  promised_limit_amount: number;
  promised_limit_unit: 'workday' | 'day' | 'workhour';
  legal_limit_amount: number;
  legal_limit_unit: 'workday' | 'day' | 'workhour';
  due_at: Date | null;
  legal_due_at: Date | null;
  paused_at: Date | null;
  step_entered_at: Date | null;
  step_due_at: Date | null;
  concluded_at: Date | null;
  delivered_at: Date | null;
  closed_at: Date | null;
  certificate: Record<string, unknown> | null;
  forwarded_to: string | null;
  delivery_method: 'window' | 'courier' | 'electronic' | null;
  tracking_number: string | null;
  event_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Every column but the timestamps of the row itself: a new case is written once, in its final state. */
const caseColumns: readonly (keyof CaseRow)[] = [
  'id',
  'center_id',
  'number',
  'item_id',
  'item_version_id',
  'item_name',
  'department_id',
  'window_id',
  'channel',
  'bundle_id',
  'subject',
  'received_by',
  'received_by_name',
  'status',
  'kind',
  'outcome',
  'step_index',
  'step_count',
  'step_name',
  'step_role',
  'pause_kind',
  'pause_expected_days',
  'extended',
  'deemed_accepted',
  'negative_reported',
  'converted_from_immediate',
  'supplement_requests',
  'flags',
  'applicant_id',
  'applicant_kind',
  'applicant_name',
  'applicant_id_type',
  'applicant_id_number',
  'applicant_phone',
  'applicant_address',
  'legal_representative',
  'agent_name',
  'agent_id_type',
  'agent_id_number',
  'agent_phone',
  'fee_standard_fen',
  'fee_charged_fen',
  'fee_lines',
  'fee_reason',
  'fee_mismatch',
  'received_at',
  'last_received_at',
  'accepted_at',
  'promised_limit_amount',
  'promised_limit_unit',
  'legal_limit_amount',
  'legal_limit_unit',
  'due_at',
  'legal_due_at',
  'paused_at',
  'step_entered_at',
  'step_due_at',
  'concluded_at',
  'delivered_at',
  'closed_at',
  'certificate',
  'forwarded_to',
  'delivery_method',
  'tracking_number',
  'event_count',
];
const jsonColumns = new Set<keyof CaseRow>(['fee_lines', 'certificate']);

/** A received case, inserted with the state its first events produced (one statement per receipt). */
export async function insertFullCase(q: Queryable, c: CaseRow, now: Date): Promise<CaseRow> {
  const values = caseColumns.map((k) => (jsonColumns.has(k) && c[k] !== null ? JSON.stringify(c[k]) : c[k]));
  const n = values.length;
  return one<CaseRow>(
    q,
    `INSERT INTO cases (${caseColumns.join(', ')}, created_at, updated_at)
     VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}, $${n + 1}, $${n + 1}) RETURNING *`,
    [...values, now],
  );
}

export const findCase = (q: Queryable, id: string) =>
  maybeOne<CaseRow>(q, 'SELECT * FROM cases WHERE id = $1', [id]);

/** The row lock serialises actions on one case: the second of two concurrent actions sees the first's state. */
export const lockCase = (q: Queryable, id: string) =>
  maybeOne<CaseRow>(q, 'SELECT * FROM cases WHERE id = $1 FOR UPDATE', [id]);

export const findCaseByNumber = (q: Queryable, number: string) =>
  maybeOne<CaseRow>(q, 'SELECT * FROM cases WHERE number = $1', [number]);

/** The columns an action may change. */
export type CaseStatePatch = Pick<
  CaseRow,
  | 'status'
  | 'kind'
  | 'outcome'
  | 'step_index'
  | 'step_name'
  | 'step_role'
  | 'pause_kind'
  | 'pause_expected_days'
  | 'extended'
  | 'deemed_accepted'
  | 'negative_reported'
  | 'converted_from_immediate'
  | 'supplement_requests'
  | 'flags'
  | 'last_received_at'
  | 'accepted_at'
  | 'promised_limit_amount'
  | 'promised_limit_unit'
  | 'due_at'
  | 'legal_due_at'
  | 'paused_at'
  | 'step_entered_at'
  | 'step_due_at'
  | 'concluded_at'
  | 'delivered_at'
  | 'closed_at'
  | 'certificate'
  | 'forwarded_to'
  | 'delivery_method'
  | 'tracking_number'
  | 'event_count'
>;

const patchColumns: readonly (keyof CaseStatePatch)[] = [
  'status',
  'kind',
  'outcome',
  'step_index',
  'step_name',
  'step_role',
  'pause_kind',
  'pause_expected_days',
  'extended',
  'deemed_accepted',
  'negative_reported',
  'converted_from_immediate',
  'supplement_requests',
  'flags',
  'last_received_at',
  'accepted_at',
  'promised_limit_amount',
  'promised_limit_unit',
  'due_at',
  'legal_due_at',
  'paused_at',
  'step_entered_at',
  'step_due_at',
  'concluded_at',
  'delivered_at',
  'closed_at',
  'certificate',
  'forwarded_to',
  'delivery_method',
  'tracking_number',
  'event_count',
];

export async function saveCaseState(
  q: Queryable,
  id: string,
  p: CaseStatePatch,
  now: Date,
): Promise<CaseRow> {
  const values = patchColumns.map((k) => (k === 'certificate' && p[k] ? JSON.stringify(p[k]) : p[k]));
  const sets = patchColumns.map((k, i) => `${k} = $${i + 2}`).join(', ');
  return one<CaseRow>(
    q,
    `UPDATE cases SET ${sets}, updated_at = $${values.length + 2} WHERE id = $1 RETURNING *`,
    [id, ...values, now],
  );
}

export interface NewEvent {
  caseId: string;
  centerId: string;
  seq: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  stepIndex: number | null;
  stepName: string | null;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  orgId: string | null;
  orgName: string;
  orgCreditCode: string;
  at: Date;
  opinion: string;
  payload: Record<string, unknown>;
}

const eventColumns = 17;

/** The events of one action (or of a receipt and its decision), in one statement; ids by seq. */
export async function insertEvents(q: Queryable, events: readonly NewEvent[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (events.length === 0) return ids;
  const params: unknown[] = [];
  const tuples = events.map((e) => {
    const base = params.length;
    params.push(
      e.caseId,
      e.centerId,
      e.seq,
      e.type,
      e.fromStatus,
      e.toStatus,
      e.stepIndex,
      e.stepName,
      e.actorId,
      e.actorName,
      e.actorRole,
      e.orgId,
      e.orgName,
      e.orgCreditCode,
      e.at,
      e.opinion,
      JSON.stringify(e.payload),
    );
    return `(${Array.from({ length: eventColumns }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  const rows = await q.query<{ id: number; seq: number }>(
    `INSERT INTO case_events (case_id, center_id, seq, type, from_status, to_status, step_index, step_name,
       actor_id, actor_name, actor_role, org_id, org_name, org_credit_code, at, opinion, payload)
     VALUES ${tuples.join(', ')} RETURNING id, seq`,
    params,
  );
  for (const r of rows) ids.set(r.seq, Number(r.id));
  return ids;
}

export interface EventRow {
  id: number;
  seq: number;
  type: string;
  from_status: string | null;
  to_status: string;
  step_index: number | null;
  step_name: string | null;
  actor_name: string;
  actor_role: string;
  org_name: string;
  at: Date;
  opinion: string;
  payload: Record<string, unknown>;
}

export const listEvents = (q: Queryable, caseId: string) =>
  q.query<EventRow>(
    `SELECT id, seq, type, from_status, to_status, step_index, step_name, actor_name, actor_role, org_name, at,
            opinion, payload
     FROM case_events WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );

export interface OrgInfo {
  center_code: string;
  center_name: string;
  center_level: 'county' | 'township' | 'village';
  center_phone: string;
  center_address: string;
  department_name: string | null;
  department_credit_code: string | null;
  department_phone: string | null;
  /** The staff member's window, when asked for one. */
  staff_window_id: string | null;
}

export const orgInfo = (
  q: Queryable,
  centerId: string,
  departmentId: string | null,
  staffId: string | null = null,
) =>
  one<OrgInfo>(
    q,
    `SELECT c.code AS center_code, c.name AS center_name, c.level AS center_level, c.phone AS center_phone,
            c.address AS center_address, d.name AS department_name, d.credit_code AS department_credit_code,
            d.phone AS department_phone, s.window_id AS staff_window_id
     FROM centers c LEFT JOIN departments d ON d.id = $2::uuid LEFT JOIN staff s ON s.id = $3::uuid
     WHERE c.id = $1`,
    [centerId, departmentId, staffId],
  );

/** The portal account holding this ID document, so the applicant sees the case in "my services". */
export const findApplicantAccount = (q: Queryable, idType: string, idNumber: string) =>
  maybeOne<{ id: string }>(q, 'SELECT id FROM applicants WHERE id_type = $1 AND id_number = $2', [
    idType,
    idNumber,
  ]);

export const findWindowInCenter = (q: Queryable, windowId: string, centerId: string) =>
  maybeOne<{ id: string; number: string }>(
    q,
    'SELECT id, number FROM windows WHERE id = $1 AND center_id = $2 AND active',
    [windowId, centerId],
  );

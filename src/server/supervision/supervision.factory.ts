// Test factory (imported only by *.int.test.ts): cases written straight into the case tables, the way
// the case engine leaves them, so supervision can be tested at any point of a case's life without
// driving every window action. Every write goes through the same trigger as the real ones.
import type { Queryable } from '../db/db';

export interface DemoItemRef {
  itemId: string;
  versionId: string;
  name: string;
  departmentId: string;
  centerId: string;
  promised: number;
  stepName: string;
}

/** A published county item of the demo catalog, by name. */
export async function demoItem(q: Queryable, name: string): Promise<DemoItemRef> {
  const [r] = await q.query<DemoItemRef>(
    `SELECT i.id AS "itemId", v.id AS "versionId", v.name, i.department_id AS "departmentId", i.center_id AS "centerId",
       v.promised_limit_amount AS promised, v.steps->0->>'name' AS "stepName"
     FROM items i JOIN item_versions v ON v.id = i.current_version_id WHERE v.name = $1 LIMIT 1`,
    [name],
  );
  if (!r) throw new Error(`demo item ${name} not found`);
  return r;
}

export interface CaseSpec {
  item: DemoItemRef;
  number: string;
  receivedAt: Date;
  acceptedAt?: Date | null;
  status?: string;
  kind?: 'immediate' | 'promised';
  /** Username of the officer who received the case (must have a staff record). */
  receivedBy?: string;
  windowNumber?: string | null;
  limit?: { amount: number; unit: 'workday' | 'day' | 'workhour' };
  feeStandardFen?: number;
  feeChargedFen?: number;
  feeReason?: string | null;
}

export async function insertCase(q: Queryable, s: CaseSpec): Promise<string> {
  const limit = s.limit ?? { amount: s.item.promised, unit: 'workday' };
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO cases (center_id, number, item_id, item_version_id, item_name, department_id, window_id, channel,
       received_by, received_by_name, status, kind, step_index, step_count, step_name, step_role,
       applicant_kind, applicant_name, applicant_id_type, applicant_id_number, applicant_phone,
       fee_standard_fen, fee_charged_fen, fee_reason, received_at, last_received_at, accepted_at,
       promised_limit_amount, promised_limit_unit, legal_limit_amount, legal_limit_unit, step_entered_at,
       created_at, updated_at)
     SELECT $1, $2, $3, $4, $5, $6,
       (SELECT id FROM windows WHERE center_id = $1 AND number = $7), 'counter',
       u.id, coalesce(u.display_name, '测试'), $8, $9, 0, 3, $10, 'officer',
       'person', '张三', 'resident_id', '110101199003074514', '13800138000',
       $11, $12, $13, $14, $14, $15, $16, $17, 20, 'workday', $15, $14, $14
     FROM (SELECT NULL) x LEFT JOIN users u ON u.username = $18
     RETURNING id`,
    [
      s.item.centerId,
      s.number,
      s.item.itemId,
      s.item.versionId,
      s.item.name,
      s.item.departmentId,
      s.windowNumber ?? null,
      s.status ?? (s.acceptedAt ? 'accepted' : 'received'),
      s.kind ?? 'promised',
      s.item.stepName,
      s.feeStandardFen ?? 0,
      s.feeChargedFen ?? 0,
      s.feeReason ?? null,
      s.receivedAt,
      s.acceptedAt ?? null,
      limit.amount,
      limit.unit,
      s.receivedBy ?? null,
    ],
  );
  return row!.id;
}

/** Start a special procedure (the case goes to `paused`). */
export async function startPause(
  q: Queryable,
  caseId: string,
  at: Date,
  expectedWorkingDays: number,
): Promise<string> {
  const [p] = await q.query<{ id: string }>(
    `INSERT INTO case_pauses (case_id, center_id, kind, expected_working_days, reason, started_at, started_by_name)
     SELECT id, center_id, 'expert_review', $2, '专家评审', $3, '测试' FROM cases WHERE id = $1 RETURNING id`,
    [caseId, expectedWorkingDays, at],
  );
  await q.query(
    `UPDATE cases SET status = 'paused', pause_kind = 'expert_review', pause_expected_days = $2, paused_at = $3,
       updated_at = $3 WHERE id = $1`,
    [caseId, expectedWorkingDays, at],
  );
  return p!.id;
}

export async function endPause(q: Queryable, caseId: string, at: Date, result: string): Promise<void> {
  await q.query(
    `UPDATE case_pauses SET ended_at = $2, result = $3, ended_by_name = '测试' WHERE case_id = $1 AND ended_at IS NULL`,
    [caseId, at, result],
  );
  await q.query(
    `UPDATE cases SET status = 'accepted', pause_kind = NULL, pause_expected_days = NULL, paused_at = NULL, updated_at = $2
     WHERE id = $1`,
    [caseId, at],
  );
}

export async function concludeCase(
  q: Queryable,
  caseId: string,
  at: Date,
  outcome = 'approved',
): Promise<void> {
  await q.query(
    `UPDATE cases SET status = 'concluded', outcome = $3, concluded_at = $2, updated_at = $2 WHERE id = $1`,
    [caseId, at, outcome],
  );
}

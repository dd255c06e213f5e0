import type { Limit } from '../../domain/clock';
import type { Level, RuleCode } from '../../domain/supervision';
import type { Queryable } from '../db/db';

/**
 * The sweep's SQL: claim the cases to look at, read them (read-only, from the case tables), and
 * record what was found. Claims take row locks with SKIP LOCKED, so two sweeps running at once (two
 * processes, or the job and an on-demand sweep) work on different cases. The plans of these
 * statements are in docs/supervision-plans.md.
 */

export interface Claimed {
  case_id: string;
  change_seq: number;
}

/** Cases changed since they were last looked at (the trigger on `cases` marks them). */
export const claimDirty = (q: Queryable, limit: number, centerIds: readonly string[] | null) =>
  q.query<Claimed>(
    `SELECT case_id, change_seq FROM supervision_case_state
     WHERE dirty AND ($2::uuid[] IS NULL OR center_id = ANY($2::uuid[]))
     LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit, centerIds],
  );

/** Unchanged cases whose next threshold has come. */
export const claimDue = (q: Queryable, limit: number, now: Date, centerIds: readonly string[] | null) =>
  q.query<Claimed>(
    `SELECT case_id, change_seq FROM supervision_case_state
     WHERE next_check_at <= $2 AND NOT dirty AND ($3::uuid[] IS NULL OR center_id = ANY($3::uuid[]))
     ORDER BY next_check_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit, now, centerIds],
  );

export interface CaseRow {
  id: string;
  center_id: string;
  number: string;
  item_id: string;
  item_version_id: string;
  item_name: string;
  department_id: string;
  window_id: string | null;
  status: string;
  kind: 'immediate' | 'promised';
  outcome: string | null;
  converted_from_immediate: boolean;
  deemed_accepted: boolean;
  negative_reported: boolean;
  flags: string[];
  last_received_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  promised_limit_amount: number;
  promised_limit_unit: 'workday' | 'day' | 'workhour';
  legal_limit_amount: number;
  legal_limit_unit: 'workday' | 'day' | 'workhour';
  step_index: number;
  step_name: string;
  step_entered_at: Date | null;
  fee_standard_fen: number;
  fee_charged_fen: number;
  fee_reason: string | null;
  officer_staff_id: string | null;
  officer_name: string | null;
}

export interface PauseRow {
  id: string;
  kind: string;
  expected_working_days: number;
  started_at: Date;
  ended_at: Date | null;
  result: string;
}

export interface ExtensionRow {
  working_days: number;
  approved_by: string;
  reason: string;
  approved_at: Date;
}

export interface DecisionEventRow {
  type: 'refuse' | 'deny' | 'request_supplement';
  at: Date;
  opinion: string;
}

export interface OpenCardRef {
  id: string;
  case_id: string;
  rule_code: RuleCode;
  level: Level;
  subject: string;
}

/** A claimed case with everything the rules read about it. */
export interface CaseBundle extends CaseRow {
  pauses: PauseRow[];
  extensions: ExtensionRow[];
  /** Refusals and denials (with their reasons) and supplement notices, in order. */
  events: DecisionEventRow[];
  /** 受理与录入不同步: when the hall ticket linked to the case (tickets.case_id) was called. */
  ticket_called_at: Date | null;
  open_cards: OpenCardRef[];
}

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
const date = (s: string): Date => new Date(s);
const dateOrNull = (s: string | null): Date | null => (s === null ? null : new Date(s));

/** The statement of loadBatch (exported so the benchmark EXPLAINs exactly it). */
export const LOAD_BATCH_SQL = `SELECT c.id, c.center_id, c.number, c.item_id, c.item_version_id, c.item_name, c.department_id, c.window_id,
       c.status, c.kind, c.outcome, c.converted_from_immediate, c.deemed_accepted, c.negative_reported, c.flags,
       c.last_received_at, c.accepted_at, c.concluded_at, c.promised_limit_amount, c.promised_limit_unit,
       c.legal_limit_amount, c.legal_limit_unit, c.step_index, c.step_name, c.step_entered_at,
       c.fee_standard_fen, c.fee_charged_fen, c.fee_reason, s.id AS officer_staff_id, s.name AS officer_name,
       (SELECT coalesce(json_agg(json_build_object('id', p.id, 'kind', p.kind, 'expected_working_days',
          p.expected_working_days, 'started_at', p.started_at, 'ended_at', p.ended_at, 'result', p.result)
          ORDER BY p.started_at), '[]') FROM case_pauses p WHERE p.case_id = c.id) AS pauses,
       (SELECT coalesce(json_agg(json_build_object('working_days', x.working_days, 'approved_by', x.approved_by,
          'reason', x.reason, 'approved_at', x.approved_at) ORDER BY x.approved_at), '[]')
          FROM case_extensions x WHERE x.case_id = c.id) AS extensions,
       (SELECT coalesce(json_agg(json_build_object('type', e.type, 'at', e.at, 'opinion', e.opinion) ORDER BY e.seq), '[]')
          FROM case_events e WHERE e.case_id = c.id AND e.type IN ('refuse', 'deny', 'request_supplement')) AS events,
       (SELECT t.called_at FROM tickets t WHERE t.case_id = c.id AND t.called_at IS NOT NULL LIMIT 1) AS ticket_called_at,
       (SELECT coalesce(json_agg(json_build_object('id', k.id, 'case_id', k.case_id, 'rule_code', k.rule_code,
          'level', k.level, 'subject', k.subject)), '[]')
          FROM supervision_cards k WHERE k.case_id = c.id AND k.cleared_at IS NULL) AS open_cards
     FROM cases c
     LEFT JOIN users u ON u.id = c.received_by
     LEFT JOIN staff s ON s.id = u.staff_id
     WHERE c.id = ANY($1::uuid[])`;

/**
 * Read the claimed cases with their pauses, extensions, decision events, ticket call and open
 * cards in ONE statement (correlated subqueries on the per-case indexes), so a batch costs one round
 * trip and one parse of its id list instead of six.
 */
export async function loadBatch(q: Queryable, ids: readonly string[]): Promise<CaseBundle[]> {
  const rows = await q.query<
    CaseRow & {
      pauses: Json<PauseRow>[];
      extensions: Json<ExtensionRow>[];
      events: Json<DecisionEventRow>[];
      open_cards: OpenCardRef[];
      ticket_called_at: Date | null;
    }
  >(LOAD_BATCH_SQL, [ids]);
  return rows.map((r) => ({
    ...r,
    pauses: r.pauses.map((p) => ({ ...p, started_at: date(p.started_at), ended_at: dateOrNull(p.ended_at) })),
    extensions: r.extensions.map((x) => ({ ...x, approved_at: date(x.approved_at) })),
    events: r.events.map((e) => ({ ...e, at: date(e.at) })),
  }));
}

/** The step limits of item versions, in step order (read once per sweep run: versions are frozen). */
export async function loadStepLimits(
  q: Queryable,
  versionIds: readonly string[],
): Promise<{ id: string; limits: (Limit | null)[] }[]> {
  const rows = await q.query<{ id: string; limits: (Limit | null)[] | null }>(
    `SELECT v.id,
       (SELECT jsonb_agg(e.s -> 'limit' ORDER BY e.o) FROM jsonb_array_elements(v.steps) WITH ORDINALITY AS e(s, o)) AS limits
     FROM item_versions v WHERE v.id = ANY($1::uuid[])`,
    [versionIds],
  );
  return rows.map((r) => ({ id: r.id, limits: r.limits ?? [] }));
}

export interface StateUpdate {
  case_id: string;
  seen_seq: number;
  next_check_at: string | null;
  error: string | null;
}

/**
 * Record the sweep's result: `dirty` stays set if the case changed again while it was evaluated
 * (its change_seq moved on), so that change is not lost.
 */
export async function saveStates(q: Queryable, updates: readonly StateUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  await q.query(
    `UPDATE supervision_case_state s
     SET dirty = (s.change_seq <> x.seen_seq), next_check_at = x.next_check_at, checked_at = $2, error = x.error
     FROM jsonb_to_recordset($1::jsonb) AS x(case_id uuid, seen_seq bigint, next_check_at timestamptz, error text)
     WHERE s.case_id = x.case_id`,
    [JSON.stringify(updates), now],
  );
}

import type { Level, RuleCode } from '../../domain/supervision';
import { type Queryable, page } from '../db/db';

/** Thin typed SQL for cards (预警 / 黄牌 / 红牌). */

export interface CardRow {
  id: string;
  center_id: string;
  case_id: string;
  case_number: string;
  item_id: string;
  item_name: string;
  rule_code: RuleCode;
  level: Level;
  subject: string;
  persistence: 'live' | 'record';
  department_id: string;
  department_name: string;
  window_id: string | null;
  window_number: string | null;
  officer_staff_id: string | null;
  officer_name: string | null;
  threshold_at: Date | null;
  issued_at: Date;
  cleared_at: Date | null;
  clear_reason: 'concluded' | 'condition_ended' | 'pause_resumed' | 'step_passed' | 'manual' | null;
  cleared_by_name: string | null;
  clear_note: string | null;
  explanation_zh: string;
  explanation_en: string;
  facts: Record<string, unknown>;
}

export interface NewCard {
  center_id: string;
  case_id: string;
  case_number: string;
  item_id: string;
  item_name: string;
  rule_code: RuleCode;
  level: Level;
  subject: string;
  persistence: 'live' | 'record';
  department_id: string;
  window_id: string | null;
  officer_staff_id: string | null;
  officer_name: string | null;
  threshold_at: string | null;
  explanation_zh: string;
  explanation_en: string;
  facts: Record<string, unknown>;
}

export interface OpenCard {
  id: string;
  case_id: string;
  rule_code: RuleCode;
  level: Level;
  subject: string;
}

/**
 * Insert new cards; a card that exists already (another sweep, an earlier one) is skipped by the
 * unique index, and only the ones really inserted come back — they alone are notified.
 */
export async function insertCards(
  q: Queryable,
  cards: readonly NewCard[],
  now: Date,
): Promise<(NewCard & { id: string })[]> {
  if (cards.length === 0) return [];
  return q.query<NewCard & { id: string }>(
    `INSERT INTO supervision_cards (center_id, case_id, case_number, item_id, item_name, rule_code, level, subject,
       persistence, department_id, window_id, officer_staff_id, officer_name, threshold_at, issued_at,
       explanation_zh, explanation_en, facts)
     SELECT x.center_id, x.case_id, x.case_number, x.item_id, x.item_name, x.rule_code, x.level, x.subject,
       x.persistence, x.department_id, x.window_id, x.officer_staff_id, x.officer_name, x.threshold_at, $2,
       x.explanation_zh, x.explanation_en, x.facts
     FROM jsonb_to_recordset($1::jsonb) AS x(center_id uuid, case_id uuid, case_number text, item_id uuid,
       item_name text, rule_code text, level text, subject text, persistence text, department_id uuid,
       window_id uuid, officer_staff_id uuid, officer_name text, threshold_at timestamptz,
       explanation_zh text, explanation_en text, facts jsonb)
     ON CONFLICT (case_id, rule_code, level, subject) DO NOTHING
     RETURNING id, center_id, case_id, case_number, item_id, item_name, rule_code, level, subject, persistence,
       department_id, window_id, officer_staff_id, officer_name, threshold_at, explanation_zh, explanation_en, facts`,
    [JSON.stringify(cards), now],
  );
}

export async function clearCards(
  q: Queryable,
  clears: readonly { id: string; reason: NonNullable<CardRow['clear_reason']> }[],
  now: Date,
): Promise<number> {
  if (clears.length === 0) return 0;
  const rows = await q.query(
    `UPDATE supervision_cards c SET cleared_at = $2, clear_reason = x.reason
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reason text)
     WHERE c.id = x.id AND c.cleared_at IS NULL RETURNING c.id`,
    [JSON.stringify(clears), now],
  );
  return rows.length;
}

const cardSelect = `SELECT k.*, d.name AS department_name, w.number AS window_number
  FROM supervision_cards k JOIN centers c ON c.id = k.center_id JOIN departments d ON d.id = k.department_id
  LEFT JOIN windows w ON w.id = k.window_id`;

export interface CardFilter {
  scopePath: string;
  centerId?: string | undefined;
  level?: Level | undefined;
  rule?: RuleCode | undefined;
  state: 'open' | 'cleared' | 'all';
  departmentId?: string | undefined;
  windowId?: string | undefined;
  officerId?: string | undefined;
  caseId?: string | undefined;
  limit: number;
  offset: number;
}

function where(f: CardFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.scopePath];
  const conds = [`c.path LIKE $1 || '%'`];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace('?', `$${params.length}`));
  };
  if (f.centerId) add('k.center_id = ?', f.centerId);
  if (f.level) add('k.level = ?', f.level);
  if (f.rule) add('k.rule_code = ?', f.rule);
  if (f.departmentId) add('k.department_id = ?', f.departmentId);
  if (f.windowId) add('k.window_id = ?', f.windowId);
  if (f.officerId) add('k.officer_staff_id = ?', f.officerId);
  if (f.caseId) add('k.case_id = ?', f.caseId);
  if (f.state === 'open') conds.push('k.cleared_at IS NULL');
  if (f.state === 'cleared') conds.push('k.cleared_at IS NOT NULL');
  return { sql: conds.join(' AND '), params };
}

export async function listCards(q: Queryable, f: CardFilter): Promise<{ rows: CardRow[]; total: number }> {
  const w = where(f);
  return page<CardRow>(q, {
    select: cardSelect,
    countFrom: 'supervision_cards k JOIN centers c ON c.id = k.center_id',
    where: w.sql,
    params: w.params,
    orderBy: "CASE k.level WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, k.issued_at DESC, k.id",
    limit: f.limit,
    offset: f.offset,
  });
}

export async function findCard(q: Queryable, scopePath: string, id: string): Promise<CardRow | undefined> {
  const [row] = await q.query<CardRow>(`${cardSelect} WHERE k.id = $2 AND c.path LIKE $1 || '%'`, [
    scopePath,
    id,
  ]);
  return row;
}

export async function clearCardManually(q: Queryable, id: string, byName: string, note: string, now: Date) {
  await q.query(
    `UPDATE supervision_cards SET cleared_at = $2, clear_reason = 'manual', cleared_by_name = $3, clear_note = $4
     WHERE id = $1 AND cleared_at IS NULL`,
    [id, now, byName, note],
  );
}

import type { Queryable } from '../db/db';

/**
 * The accountability feed for the monthly assessment (考核): per department, window and officer,
 * counts taken from supervision's own records only — cards issued in the month, distinct cases that
 * got a yellow or red deadline card (overdue cases), and reminders/orders that missed their response
 * deadline (each escalation is one late response). The SQL is kept here for review.
 */
export interface AccountabilityRowDb {
  dimension: 'department' | 'window' | 'officer';
  id: string;
  name: string;
  warnings: number;
  yellow_cards: number;
  red_cards: number;
  overdue_cases: number;
  late_responses: number;
}

export const accountability = (q: Queryable, centerPath: string, from: Date, to: Date) =>
  q.query<AccountabilityRowDb>(
    `WITH scope AS (SELECT id FROM centers WHERE path LIKE $1 || '%'),
     cards AS (
       SELECT k.* FROM supervision_cards k
       WHERE k.center_id IN (SELECT id FROM scope) AND k.issued_at >= $2 AND k.issued_at < $3),
     late AS (
       SELECT o.department_id, k.window_id, u.staff_id AS officer_staff_id
       FROM supervision_order_events e JOIN supervision_orders o ON o.id = e.order_id
       LEFT JOIN cases k ON k.id = o.case_id LEFT JOIN users u ON u.id = k.received_by
       WHERE e.action = 'escalate' AND e.center_id IN (SELECT id FROM scope) AND e.at >= $2 AND e.at < $3),
     card_counts AS (
       SELECT dim, id, count(*) FILTER (WHERE level = 'warning')::int AS warnings,
         count(*) FILTER (WHERE level = 'yellow')::int AS yellow_cards,
         count(*) FILTER (WHERE level = 'red')::int AS red_cards,
         count(DISTINCT case_id) FILTER (WHERE rule_code = 'deadline' AND level IN ('yellow', 'red'))::int AS overdue_cases
       FROM (SELECT 'department' AS dim, department_id AS id, level, rule_code, case_id FROM cards
             UNION ALL SELECT 'window', window_id, level, rule_code, case_id FROM cards WHERE window_id IS NOT NULL
             UNION ALL SELECT 'officer', officer_staff_id, level, rule_code, case_id FROM cards WHERE officer_staff_id IS NOT NULL) x
       GROUP BY dim, id),
     late_counts AS (
       SELECT dim, id, count(*)::int AS late_responses
       FROM (SELECT 'department' AS dim, department_id AS id FROM late
             UNION ALL SELECT 'window', window_id FROM late WHERE window_id IS NOT NULL
             UNION ALL SELECT 'officer', officer_staff_id FROM late WHERE officer_staff_id IS NOT NULL) y
       GROUP BY dim, id)
     SELECT coalesce(a.dim, b.dim) AS dimension, coalesce(a.id, b.id)::text AS id,
       coalesce(d.name, w.number || ' ' || w.name, s.name, '') AS name,
       coalesce(a.warnings, 0) AS warnings, coalesce(a.yellow_cards, 0) AS yellow_cards,
       coalesce(a.red_cards, 0) AS red_cards, coalesce(a.overdue_cases, 0) AS overdue_cases,
       coalesce(b.late_responses, 0) AS late_responses
     FROM card_counts a FULL JOIN late_counts b ON a.dim = b.dim AND a.id = b.id
     LEFT JOIN departments d ON coalesce(a.dim, b.dim) = 'department' AND d.id = coalesce(a.id, b.id)
     LEFT JOIN windows w ON coalesce(a.dim, b.dim) = 'window' AND w.id = coalesce(a.id, b.id)
     LEFT JOIN staff s ON coalesce(a.dim, b.dim) = 'officer' AND s.id = coalesce(a.id, b.id)
     ORDER BY 1, red_cards DESC, yellow_cards DESC, late_responses DESC, name`,
    [centerPath, from, to],
  );

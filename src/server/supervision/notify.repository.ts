import type { Queryable } from '../db/db';

/**
 * The notification outbox and the people it goes to. Notices are written in the transaction that
 * decides them (a card, an escalation), keyed by a dedupe key so each exists once, and delivered
 * later by the outbox job (outbox.service.ts).
 */

export type Channel = 'inbox' | 'sms' | 'email';

export interface Notice {
  centerId: string | null;
  userId: string | null;
  channel: Channel;
  /** Phone number or e-mail address for the sms/email channels. */
  address: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
}

export async function enqueueNotices(q: Queryable, notices: readonly Notice[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  await q.query(
    `INSERT INTO notification_outbox (center_id, dedupe_key, channel, user_id, address, kind, title, body, link,
       next_attempt_at, created_at)
     SELECT x."centerId", x."dedupeKey", x.channel, x."userId", x.address, x.kind, x.title, x.body, x.link, $2, $2
     FROM jsonb_to_recordset($1::jsonb) AS x("centerId" uuid, "dedupeKey" text, channel text, "userId" uuid,
       address text, kind text, title text, body text, link text)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [JSON.stringify(notices), now],
  );
}

export interface Recipient {
  user_id: string;
  name: string;
  phone: string;
  /** The staff member, department or center this recipient was found for. */
  key: string;
}

/** The accounts of staff members (the responsible officers). */
export const staffAccounts = (q: Queryable, staffIds: readonly string[]) =>
  q.query<Recipient>(
    `SELECT u.id AS user_id, s.name, s.phone, s.id::text AS key
     FROM staff s JOIN users u ON u.staff_id = s.id
     WHERE s.id = ANY($1::uuid[]) AND NOT u.disabled`,
    [staffIds],
  );

/**
 * A department's leaders as far as the system knows them: its chief representatives (首席代表,
 * the department's authorised decision-maker in the hall), or its approvers when it has none.
 */
export const departmentLeaders = (q: Queryable, departmentIds: readonly string[]) =>
  q.query<Recipient>(
    `WITH members AS (
       SELECT u.id AS user_id, s.name, s.phone, s.department_id, 'chief_rep' = ANY(u.roles) AS chief
       FROM staff s JOIN users u ON u.staff_id = s.id
       WHERE s.department_id = ANY($1::uuid[]) AND s.active AND NOT u.disabled
         AND (u.roles && ARRAY['chief_rep', 'approver']::text[]))
     SELECT user_id, name, phone, department_id::text AS key FROM members m
     WHERE m.chief OR NOT EXISTS (SELECT 1 FROM members o WHERE o.department_id = m.department_id AND o.chief)`,
    [departmentIds],
  );

/** The leadership (领导) of a center, copied on red orders. */
export const centerLeaders = (q: Queryable, centerIds: readonly string[]) =>
  q.query<Recipient>(
    `SELECT u.id AS user_id, u.display_name AS name, coalesce(s.phone, '') AS phone, u.center_id::text AS key
     FROM users u LEFT JOIN staff s ON s.id = u.staff_id
     WHERE u.center_id = ANY($1::uuid[]) AND 'leader' = ANY(u.roles) AND NOT u.disabled`,
    [centerIds],
  );

/** Group recipients by the key they were found for. */
export function byKey(rows: readonly Recipient[]): Map<string, Recipient[]> {
  const m = new Map<string, Recipient[]>();
  for (const r of rows) {
    const list = m.get(r.key);
    if (list) list.push(r);
    else m.set(r.key, [r]);
  }
  return m;
}

/** A mobile number an SMS can go to. */
export const isMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone);

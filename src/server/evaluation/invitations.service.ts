import { randomBytes } from 'node:crypto';
import { DAY_MS, MINUTE_MS } from '../../domain/calendar/civil-time';
import { defaultRatingDueAt, type CenterPolicies } from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import type { Queryable } from '../db/db';
import { enqueueNotices, isMobile } from '../supervision/notify.repository';
import * as repo from './evaluation.repository';
import type { InvitationRow } from './evaluation.repository';
import { loadPolicies } from './settings.service';

/**
 * Invitations: the one row per evaluated subject that every channel opens — the window evaluator
 * asks about it, the QR code on the notice and the SMS link carry its token. A case is the subject
 * once it is concluded (一事一评); a hall visit without a concluded case is a subject of its own
 * (一次一评). They are created on demand (tablet poll, notice printing, the applicant's web page) and
 * by the sweep over newly concluded cases, so none is missed whichever comes first.
 */

/** Statuses of a case that has ended and may be evaluated. */
export const ENDED_CASE_STATUSES = ['concluded', 'delivered', 'closed'];

export const newToken = (): string => randomBytes(16).toString('base64url');
export const invitationPath = (token: string): string => `/evaluate/${token}`;

function caseInvitation(k: repo.CaseSource, policies: CenterPolicies, ticketId: string | null, now: Date) {
  const ended = k.concluded_at ?? now;
  const p = policies.evaluation;
  return {
    center_id: k.center_id,
    token: newToken(),
    case_id: k.id,
    ticket_id: ticketId,
    subject_label: k.number,
    window_id: k.window_id,
    staff_id: k.staff_id,
    department_id: k.department_id,
    item_id: k.item_id,
    item_name: k.item_name,
    applicant_id: k.applicant_id,
    applicant_name: k.applicant_name,
    applicant_phone: k.applicant_phone,
    ended_at: ended,
    expires_at: new Date(ended.getTime() + p.invitationValidDays * DAY_MS),
    default_due_at: p.defaultRating.enabled ? defaultRatingDueAt(ended, p) : null,
    created_at: now,
  };
}

/** The invitation of a case, created when missing; the case must have ended. */
export async function ensureCaseInvitation(
  q: Queryable,
  k: repo.CaseSource,
  now: Date,
  ticketId: string | null = null,
): Promise<InvitationRow> {
  const existing = await repo.findInvitationBySubject(q, k.id, null);
  if (existing) return existing;
  if (!ENDED_CASE_STATUSES.includes(k.status))
    throw new AppError('EVALUATION_CASE_NOT_CONCLUDED', { number: k.number });
  const policies = await loadPolicies(q, k.center_id);
  // A concurrent creator may win the unique index: then read its row.
  return (
    (await repo.insertInvitation(q, caseInvitation(k, policies, ticketId, now))) ??
    (await repo.findInvitationBySubject(q, k.id, null))!
  );
}

/**
 * The invitation of a finished hall visit. When the visit's case has ended too (即办件 concluded at
 * the window) the case is the subject; otherwise the visit is evaluated on its own.
 */
export async function ensureTicketInvitation(
  q: Queryable,
  t: repo.TicketSource,
  now: Date,
): Promise<InvitationRow> {
  if (t.case_id) {
    const k = await repo.findCase(q, t.case_id, null);
    if (k && ENDED_CASE_STATUSES.includes(k.status)) return ensureCaseInvitation(q, k, now, t.id);
  }
  const existing = await repo.findInvitationBySubject(q, null, t.id);
  if (existing) return existing;
  if (t.status !== 'done') throw new AppError('EVALUATION_TICKET_NOT_FINISHED', { number: t.display_number });
  const policies = await loadPolicies(q, t.center_id);
  const ended = t.finished_at ?? now;
  const row = await repo.insertInvitation(q, {
    center_id: t.center_id,
    token: newToken(),
    case_id: null,
    ticket_id: t.id,
    subject_label: t.display_number,
    window_id: t.window_id,
    staff_id: t.staff_id,
    department_id: t.department_id,
    item_id: t.item_id,
    item_name: t.item_name,
    applicant_id: null,
    applicant_name: '',
    applicant_phone: '',
    ended_at: ended,
    expires_at: new Date(ended.getTime() + policies.evaluation.invitationValidDays * DAY_MS),
    default_due_at: null,
    created_at: now,
  });
  return row ?? (await repo.findInvitationBySubject(q, null, t.id))!;
}

/**
 * The evaluation link of a case, for the QR code on a notice (送达回证, 办结通知) and for staff who
 * send it again. `scopePath` null = no scope check (server-side callers). Public API of this feature.
 */
export async function invitationForCase(
  q: Queryable,
  input: { caseId: string; scopePath: string | null; now: Date },
): Promise<{ token: string; path: string }> {
  const k = await repo.findCase(q, input.caseId, input.scopePath);
  if (!k) throw new AppError('NOT_FOUND', { entity: 'case' });
  const inv = await ensureCaseInvitation(q, k, input.now);
  return { token: inv.token, path: invitationPath(inv.token) };
}

export interface OfficerInfo {
  name: string;
  badge_number: string;
  post: string;
  department_name: string | null;
}

/** Who sits at a window now: the hall's window state when open, else the staff assigned to it (A post first). */
export async function officerAtWindow(q: Queryable, windowId: string): Promise<OfficerInfo | undefined> {
  const [o] = await q.query<OfficerInfo>(
    `SELECT s.name, s.badge_number, s.post, d.name AS department_name FROM staff s
     LEFT JOIN departments d ON d.id = s.department_id
     WHERE s.id = coalesce(
       (SELECT ws.staff_id FROM window_states ws WHERE ws.window_id = $1 AND ws.status <> 'closed'),
       (SELECT x.id FROM staff x WHERE x.window_id = $1 AND x.active ORDER BY x.backup_of_id NULLS FIRST, x.badge_number LIMIT 1))`,
    [windowId],
  );
  return o;
}

export async function officerById(q: Queryable, staffId: string | null): Promise<OfficerInfo | undefined> {
  if (!staffId) return undefined;
  const [o] = await q.query<OfficerInfo>(
    `SELECT s.name, s.badge_number, s.post, d.name AS department_name FROM staff s
     LEFT JOIN departments d ON d.id = s.department_id WHERE s.id = $1`,
    [staffId],
  );
  return o;
}

/**
 * What the window evaluator should ask now: the latest ticket or case that ended at its window within
 * the policy's prompt minutes, unless it was already evaluated or skipped. Read by a poll of a few
 * seconds, so it costs two indexed look-ups and, once per service, one insert.
 */
export async function devicePrompt(
  q: Queryable,
  device: repo.DeviceRow,
  now: Date,
): Promise<InvitationRow | null> {
  const policies = await loadPolicies(q, device.center_id);
  const since = new Date(now.getTime() - policies.evaluation.devicePromptMinutes * MINUTE_MS);
  const last = await repo.latestEndedAtWindow(q, device.window_id, since, now);
  if (!last) return null;
  let inv: InvitationRow;
  if (last.kind === 'ticket') {
    const t = await repo.findTicket(q, last.id);
    if (!t) return null;
    inv = await ensureTicketInvitation(q, t, now);
  } else {
    const k = await repo.findCase(q, last.id, null);
    if (!k) return null;
    inv = await ensureCaseInvitation(q, k, now);
  }
  if (inv.first_evaluated_at || inv.dismissed_at) return null;
  return inv;
}

const MARK = 'invitations:cases';
/** Re-read a little behind the mark: a case concluded in a transaction that committed late is not missed. */
const OVERLAP_MS = 10 * MINUTE_MS;

/**
 * Sweep: an invitation for every case concluded since the last run, and its SMS link to the
 * applicant's mobile through the notification outbox (短信邀评). Idempotent: invitations are unique
 * per case and the SMS has a dedupe key.
 */
export async function sweepCaseInvitations(q: Queryable, now: Date, limit = 500): Promise<number> {
  const [m] = await q.query<{ mark: Date }>('SELECT mark FROM evaluation_marks WHERE name = $1', [MARK]);
  const after = new Date((m?.mark ?? new Date(now.getTime() - DAY_MS)).getTime() - OVERLAP_MS);
  const cases = await repo.casesConcludedBetween(q, after, now, limit);
  let created = 0;
  for (const c of cases) {
    const k = await repo.findCase(q, c.id, null);
    if (!k) continue;
    const inv = await ensureCaseInvitation(q, k, now);
    created++;
    if (isMobile(inv.applicant_phone)) {
      await enqueueNotices(
        q,
        [
          {
            centerId: inv.center_id,
            userId: null,
            channel: 'sms',
            address: inv.applicant_phone,
            kind: 'evaluation_invite',
            title: '好差评邀请',
            body: `您办理的「${inv.item_name}」（${inv.subject_label}）已办结，请对本次服务评价：${invitationPath(inv.token)}`,
            link: invitationPath(inv.token),
            dedupeKey: `evaluation:invite:${inv.id}`,
          },
        ],
        now,
      );
    }
  }
  const last = cases.at(-1)?.concluded_at;
  const mark = cases.length < limit ? now : (last ?? now);
  await q.query(
    `INSERT INTO evaluation_marks (name, mark) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET mark = GREATEST(evaluation_marks.mark, EXCLUDED.mark)`,
    [MARK, mark],
  );
  return created;
}

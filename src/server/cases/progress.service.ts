import { civilDateOfInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { normalizePhone } from '../../domain/identity';
import type { ProgressView } from '../../shared/contracts/cases';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import { loadCalendar } from './cases.calendar';
import { remainingOf } from './cases.presenter';
import type { CaseListRow } from './cases.list.repository';
import * as parts from './cases.parts.repository';
import * as repo from './cases.repository';
import { pinnedVersion } from './cases.versions';

/**
 * The public progress lookup (办件进度查询): a case number and the applicant's phone give the state,
 * the remaining working days and the pickup — nothing else personal. A wrong phone and an unknown
 * number answer the same 404, so the endpoint reveals nothing about which numbers exist.
 */

type Stage = ProgressView['stages'][number];

/** Public milestones of the event log, without actors or opinions. */
function stageOf(type: string, stepName: string | null): Omit<Stage, 'at'> | null {
  const s = (zh: string, en: string) => ({ key: type, label: { zh, en } });
  switch (type) {
    case 'receive':
      return s('已收件', 'Received');
    case 'request_supplement':
      return s('一次性告知补正材料', 'Asked to supply missing materials');
    case 'supply':
      return s('已补齐材料', 'Missing materials supplied');
    case 'accept':
      return s('已受理', 'Accepted');
    case 'deem_accept':
      return s('视为受理', 'Deemed accepted');
    case 'refuse':
      return s('不予受理', 'Refused');
    case 'pass_step':
      return s(`「${stepName ?? ''}」环节已完成`, `Step "${stepName ?? ''}" completed`);
    case 'pause':
      return s('特别程序（暂停计时）', 'Special procedure (clock paused)');
    case 'resume':
      return s('特别程序结束（恢复计时）', 'Special procedure ended (clock resumed)');
    case 'extend':
      return s('依法延期', 'Limit extended');
    case 'approve':
      return s('已办结（准予许可）', 'Concluded: approved');
    case 'deny':
      return s('已办结（不予许可）', 'Concluded: denied');
    case 'forward':
      return s('已转报上级机关', 'Forwarded to a higher authority');
    case 'withdraw':
      return s('已撤回', 'Withdrawn');
    case 'void':
      return s('已作废', 'Voided');
    case 'deliver':
      return s('已送达/领取', 'Delivered');
    default:
      return null;
  }
}

/** `YUNXI-LUQIAO-20260302-0007` → the center code `yunxi-luqiao`. */
export function centerCodeOfNumber(number: string): string | null {
  const m = /^(.+)-\d{8}-\d{4,}$/.exec(number.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export async function caseProgress(
  q: Queryable,
  number: string,
  phone: string,
  now: Date,
): Promise<ProgressView> {
  const notFound = new AppError('NOT_FOUND', { entity: 'case' });
  const code = centerCodeOfNumber(number);
  if (!code) throw notFound;
  const row = await maybeOne<CaseListRow>(
    q,
    `SELECT cs.*, '' AS department_name, NULL AS window_number FROM cases cs JOIN centers c ON c.id = cs.center_id
     WHERE c.code = $1 AND cs.number = $2`,
    [code, number.trim().toUpperCase()],
  );
  if (!row || row.applicant_phone !== normalizePhone(phone)) throw notFound;
  const [events, calendar, version, bundle] = await Promise.all([
    repo.listEvents(q, row.id),
    loadCalendar(q, row.center_id),
    pinnedVersion(q, row.item_version_id),
    row.bundle_id ? parts.findBundle(q, row.bundle_id) : Promise.resolve(undefined),
  ]);
  const stages: Stage[] = [];
  for (const e of events) {
    const s = stageOf(e.type, e.step_name);
    if (s) stages.push({ ...s, at: e.at.toISOString() });
  }
  const deliverable = row.status === 'concluded' && (row.outcome === 'approved' || row.outcome === 'denied');
  return {
    number: row.number,
    itemName: row.item_name,
    status: row.status as ProgressView['status'],
    outcome: row.outcome as ProgressView['outcome'],
    remainingWorkingDays: remainingOf(row, calendar, now),
    dueDate: row.due_at ? civilDateOfInstant(row.due_at.getTime()) : null,
    pickup: {
      method: row.delivery_method ?? (deliverable ? 'window' : null),
      place: version.content.location,
      // Linked cases (两证齐发) are handed over together, once every part is concluded.
      ready: deliverable && (!bundle || bundle.ready_at !== null),
    },
    stages,
  };
}

import { AppError } from '../errors';
import { complaintTransitionParams } from './workflow-labels';

/**
 * Complaints, reports, praise and suggestions (投诉 / 举报 / 表扬 / 建议) from the portal, the phone
 * desk or the paper box:
 *
 *   received ─assign─► assigned ─reply─► replied ─close─► closed
 *      │                  ▲                 │ assess (the complainant's verdict; stays replied)
 *      │                  └──── reopen ─────┘ (the verdict was 不满意)
 *      └─acknowledge─► closed   (praise: thanked and recorded, feeds the assessment as a bonus)
 *
 * The reply deadline is set at assignment, on the working-day clock (policy `replyLimit`).
 */

export const complaintKinds = ['complaint', 'report', 'praise', 'suggestion'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];
/** Only these need a reply: they make up the population of 办复率. */
export const kindsNeedingReply: readonly ComplaintKind[] = ['complaint', 'report', 'suggestion'];

export const complaintChannels = ['portal', 'phone', 'box', 'window', 'letter'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintStatuses = ['received', 'assigned', 'replied', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const complaintActions = ['assign', 'reply', 'assess', 'reopen', 'close', 'acknowledge'] as const;
export type ComplaintAction = (typeof complaintActions)[number];

export type ComplaintAssessment = 'satisfied' | 'basic' | 'dissatisfied';

export interface ComplaintSnapshot {
  kind: ComplaintKind;
  status: ComplaintStatus;
  assessment: ComplaintAssessment | null;
}

const table: Readonly<Record<ComplaintAction, readonly ComplaintStatus[]>> = {
  assign: ['received', 'assigned'],
  reply: ['assigned'],
  assess: ['replied'],
  reopen: ['replied'],
  close: ['replied'],
  acknowledge: ['received'],
};

export const complaintActionAllowed = (s: ComplaintSnapshot, action: ComplaintAction): boolean =>
  table[action].includes(s.status) && (action === 'acknowledge') === (s.kind === 'praise');

/** The next status, or COMPLAINT_INVALID_TRANSITION. Praise is acknowledged, never assigned. */
export function transitionComplaint(
  s: ComplaintSnapshot,
  action: ComplaintAction,
  assessment?: ComplaintAssessment,
): ComplaintSnapshot {
  if (!complaintActionAllowed(s, action))
    throw new AppError('COMPLAINT_INVALID_TRANSITION', complaintTransitionParams(s.status, action));
  switch (action) {
    case 'assign':
      return { ...s, status: 'assigned' };
    case 'reply':
      return { ...s, status: 'replied', assessment: null };
    case 'assess':
      if (!assessment) throw new AppError('VALIDATION_FAILED', {}, { assessment: 'rule.required' });
      return { ...s, assessment };
    case 'reopen':
      // Reopened only when the complainant was not satisfied with the reply.
      if (s.assessment !== 'dissatisfied')
        throw new AppError('COMPLAINT_INVALID_TRANSITION', complaintTransitionParams(s.status, action));
      return { ...s, status: 'assigned' };
    case 'close':
    case 'acknowledge':
      return { ...s, status: 'closed' };
  }
}

export interface ReplyFigures {
  /** Complaints, reports and suggestions received in the period. */
  received: number;
  /** Of those, answered (replied or closed after a reply). */
  replied: number;
  /** Of those, answered by their reply due. */
  repliedOnTime: number;
  /** Of those, still unanswered and past their due at the end of the period (counted late). */
  openOverdue: number;
}

/**
 * 办复率 = answered / received (kinds needing a reply); 按时答复率 = answered by the due / (answered +
 * unanswered past the due): an open overdue item counts as late, like 按期办结率 (domain.md rule 7);
 * items still open and not yet due are left out, their outcome is not known.
 */
export function replyRates(f: ReplyFigures): { replyRate: number | null; onTimeRate: number | null } {
  const decided = f.replied + f.openOverdue;
  return {
    replyRate: f.received === 0 ? null : f.replied / f.received,
    onTimeRate: decided === 0 ? null : f.repliedOnTime / decided,
  };
}

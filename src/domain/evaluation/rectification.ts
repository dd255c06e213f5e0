import type { CalendarIndex } from '../calendar/calendar-index';
import { computeDeadline } from '../clock/deadline';
import type { Limit } from '../clock/clock.types';
import { AppError } from '../errors';
import { rectificationTransitionParams } from './workflow-labels';
import type { EvaluationPolicy } from './policy';

/**
 * The 差评 loop (国办发〔2019〕51号: 差评 核实-整改-反馈; 申诉复核 to exclude 误评 and 恶意差评):
 *
 *   return_visit ──record_return_visit──► verifying ──decide──► rectifying ──complete──► rectified ─┐
 *                                            ▲   │                 (one extension, approved)        ├─rate/close─► closed
 *                                            │   ├──decide(explain)──► explained ─────────────────────┘
 *                  decide_appeal(reject) ────┘   └──decide(appeal)───► appealing ──decide_appeal(accept)──► excluded
 *
 * Every waiting status except the last ones has a limit on the working-day clock, counted from when
 * the record entered it; overdue steps raise supervision. `transition` is the only way a record moves.
 */

export const rectificationStatuses = [
  'return_visit', // 待回访
  'verifying', // 待核实处理
  'rectifying', // 整改中
  'appealing', // 申诉复核中
  'explained', // 已解释说明, awaiting the applicant's assessment
  'rectified', // 已整改反馈, awaiting the applicant's assessment
  'closed', // 已办结
  'excluded', // 申诉成立: the review no longer counts
] as const;
export type RectificationStatus = (typeof rectificationStatuses)[number];

export const rectificationActions = [
  'record_return_visit',
  'decide',
  'request_extension',
  'decide_extension',
  'complete',
  'decide_appeal',
  'rate',
  'close',
] as const;
export type RectificationAction = (typeof rectificationActions)[number];

/** 谁办理谁负责: the responsible department handles; the supervisor (督查科) decides appeals and extensions. */
export type RectificationActor = 'handler' | 'supervisor' | 'applicant';

export type RectificationDecision = 'rectify' | 'explain' | 'appeal';
/** The applicant's verdict on the rectification (某市: 满意 / 基本满意 / 不满意). */
export type RectificationRating = 'satisfied' | 'basic' | 'dissatisfied';

export interface RectificationSnapshot {
  status: RectificationStatus;
  extension: 'none' | 'requested' | 'approved' | 'rejected';
  requestedExtensionDays: number | null;
  /** Approved extension working days (0 until one is approved). */
  extensionDays: number;
}

export type RectificationEvent =
  | { type: 'record_return_visit'; note: string; reached: boolean }
  | { type: 'decide'; decision: RectificationDecision; text: string }
  | { type: 'request_extension'; days: number; reason: string }
  | { type: 'decide_extension'; approve: boolean; opinion: string }
  | { type: 'complete'; feedback: string }
  | { type: 'decide_appeal'; accept: boolean; opinion: string }
  | { type: 'rate'; rating: RectificationRating }
  | { type: 'close'; reason: string };

export type RectificationEffect =
  /** The record entered a step with a limit: the service computes its due from now. */
  | { type: 'startStep' }
  /** The approved extension moves the current due. */
  | { type: 'extendDue'; days: number }
  /** 申诉成立: the evaluation is excluded from every rate. */
  | { type: 'excludeEvaluation' };

const table: Readonly<
  Record<RectificationAction, { from: readonly RectificationStatus[]; actors: readonly RectificationActor[] }>
> = {
  record_return_visit: { from: ['return_visit'], actors: ['handler', 'supervisor'] },
  decide: { from: ['verifying'], actors: ['handler', 'supervisor'] },
  request_extension: { from: ['rectifying'], actors: ['handler'] },
  decide_extension: { from: ['rectifying'], actors: ['supervisor'] },
  complete: { from: ['rectifying'], actors: ['handler', 'supervisor'] },
  decide_appeal: { from: ['appealing'], actors: ['supervisor'] },
  rate: { from: ['rectified', 'explained'], actors: ['applicant', 'handler', 'supervisor'] },
  close: { from: ['rectified', 'explained'], actors: ['supervisor'] },
};

export const rectificationActionAllowed = (
  status: RectificationStatus,
  action: RectificationAction,
  actor: RectificationActor,
): boolean => table[action].from.includes(status) && table[action].actors.includes(actor);

const required = (v: string, field: string) => {
  if (v.trim() === '') throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.required' });
};

export function transitionRectification(
  s: RectificationSnapshot,
  e: RectificationEvent,
  actor: RectificationActor,
  policy: Pick<EvaluationPolicy, 'rectificationExtensionMaxWorkdays'>,
): { next: RectificationSnapshot; effects: RectificationEffect[] } {
  const gate = table[e.type];
  if (!gate.from.includes(s.status))
    throw new AppError('RECTIFICATION_INVALID_TRANSITION', rectificationTransitionParams(s.status, e.type));
  if (!gate.actors.includes(actor)) throw new AppError('FORBIDDEN');
  const to = (status: RectificationStatus, ...effects: RectificationEffect[]) => ({
    next: { ...s, status },
    effects,
  });
  switch (e.type) {
    case 'record_return_visit':
      required(e.note, 'note');
      return to('verifying', { type: 'startStep' });
    case 'decide':
      required(e.text, 'text');
      if (e.decision === 'rectify') return to('rectifying', { type: 'startStep' });
      if (e.decision === 'explain') return to('explained');
      return to('appealing', { type: 'startStep' });
    case 'request_extension': {
      if (s.extension !== 'none') throw new AppError('RECTIFICATION_EXTENSION_USED');
      const max = policy.rectificationExtensionMaxWorkdays;
      if (!Number.isInteger(e.days) || e.days < 1 || e.days > max)
        throw new AppError('RECTIFICATION_EXTENSION_TOO_LONG', { max }, { days: 'rule.extension_days' });
      required(e.reason, 'reason');
      return { next: { ...s, extension: 'requested', requestedExtensionDays: e.days }, effects: [] };
    }
    case 'decide_extension': {
      if (s.extension !== 'requested') throw new AppError('RECTIFICATION_NO_EXTENSION_REQUEST');
      if (!e.approve) {
        required(e.opinion, 'opinion');
        return { next: { ...s, extension: 'rejected' }, effects: [] };
      }
      const days = s.requestedExtensionDays ?? 0;
      return {
        next: { ...s, extension: 'approved', extensionDays: days },
        effects: [{ type: 'extendDue', days }],
      };
    }
    case 'complete':
      required(e.feedback, 'feedback');
      return to('rectified');
    case 'decide_appeal':
      required(e.opinion, 'opinion');
      return e.accept
        ? to('excluded', { type: 'excludeEvaluation' })
        : to('verifying', { type: 'startStep' });
    case 'rate':
      return to('closed');
    case 'close':
      required(e.reason, 'reason');
      return to('closed');
  }
}

/** The limit of the step a record waits in, or null when nothing is due from the center. */
export function rectificationStepLimit(
  status: RectificationStatus,
  policy: Pick<EvaluationPolicy, 'returnVisit' | 'verification' | 'rectification' | 'appealDecision'>,
): Limit | null {
  switch (status) {
    case 'return_visit':
      return policy.returnVisit;
    case 'verifying':
      return policy.verification;
    case 'rectifying':
      return policy.rectification;
    case 'appealing':
      return policy.appealDecision;
    default:
      return null;
  }
}

/**
 * The due of the current step on the working-day clock: counted from the instant the record entered
 * the step (that day not counted, 第82条 style), plus an approved rectification extension.
 */
export function rectificationStepDue(input: {
  status: RectificationStatus;
  enteredAt: Date;
  extensionDays: number;
  policy: Pick<EvaluationPolicy, 'returnVisit' | 'verification' | 'rectification' | 'appealDecision'>;
  calendar: CalendarIndex;
}): Date | null {
  const limit = rectificationStepLimit(input.status, input.policy);
  if (!limit) return null;
  const extensions =
    input.status === 'rectifying' && input.extensionDays > 0
      ? [{ amount: input.extensionDays, unit: 'workday' as const }]
      : [];
  return computeDeadline({ start: input.enteredAt, limit, extensions, calendar: input.calendar }).due;
}

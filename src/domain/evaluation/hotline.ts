import type { CalendarIndex } from '../calendar/calendar-index';
import { computeDeadline } from '../clock/deadline';
import { AppError } from '../errors';
import { hotlineTransitionParams } from './workflow-labels';
import type { SatisfactionLevel } from './levels';
import type { HotlineLimits } from './policy';

/**
 * A 12345 work order (国办发〔2020〕53号: 受理、派单、办理、回复、督办、办结、回访、评价):
 *
 *   received ─dispatch─► dispatched ─sign─► signed ─handle─► handling ─reply─► replied ─conclude─► concluded
 *        ▲                   │                 │                                  │                   │ visit
 *        └──── dispatch ── returned ◄─return───┘ (within `returnWithin` of the     └─reject_reply─►     ▼
 *                                              dispatch, with a reason)              handling        visited ─evaluate─► evaluated
 *
 * 督办 (`supervise`) keeps the status and raises the order's supervision level; the sweep issues it
 * when the sign or reply limit has passed, and a late reply issues it too. All limits are data per
 * order category and run on the working-day clock from the (latest) dispatch.
 */

export const hotlineStatuses = [
  'received', // 受理 (by the hotline)
  'dispatched', // 已派单
  'signed', // 已签收
  'handling', // 办理中
  'replied', // 已回复
  'returned', // 已回退, awaiting a new dispatch
  'concluded', // 已办结
  'visited', // 已回访
  'evaluated', // 已评价
] as const;
export type HotlineStatus = (typeof hotlineStatuses)[number];

export const hotlineActions = [
  'dispatch',
  'sign',
  'handle',
  'return',
  'extend',
  'reply',
  'reject_reply',
  'supervise',
  'conclude',
  'visit',
  'evaluate',
] as const;
export type HotlineAction = (typeof hotlineActions)[number];

/** The hotline center (接办、派单、督办、回访) and the unit the order is dispatched to (承办单位). */
export type HotlineActor = 'dispatcher' | 'unit' | 'system';

export type SupervisionReason = 'sign_overdue' | 'reply_overdue' | 'manual';

export interface HotlineSnapshot {
  status: HotlineStatus;
  dispatchedAt: Date | null;
  signedAt: Date | null;
  repliedAt: Date | null;
  extensionDays: number;
  /** Supervision reasons already issued since the latest dispatch. */
  supervised: readonly SupervisionReason[];
  supervisionLevel: number;
}

export type HotlineEvent =
  | { type: 'dispatch'; leadUnit: string; coUnits: readonly string[] }
  | { type: 'sign' }
  | { type: 'handle'; note: string }
  | { type: 'return'; reason: string }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'reply'; text: string }
  | { type: 'reject_reply'; reason: string }
  | { type: 'supervise'; reason: SupervisionReason; note: string }
  | { type: 'conclude' }
  | { type: 'visit'; note: string; reached: boolean }
  | { type: 'evaluate'; level: SatisfactionLevel };

const open: readonly HotlineStatus[] = ['dispatched', 'signed', 'handling', 'replied'];
const table: Readonly<
  Record<HotlineAction, { from: readonly HotlineStatus[]; actors: readonly HotlineActor[] }>
> = {
  dispatch: { from: ['received', 'returned'], actors: ['dispatcher'] },
  sign: { from: ['dispatched'], actors: ['unit'] },
  handle: { from: ['signed', 'handling'], actors: ['unit'] },
  return: { from: ['dispatched', 'signed'], actors: ['unit'] },
  extend: { from: ['signed', 'handling'], actors: ['dispatcher'] },
  reply: { from: ['signed', 'handling'], actors: ['unit'] },
  reject_reply: { from: ['replied'], actors: ['dispatcher'] },
  supervise: { from: open, actors: ['dispatcher', 'system'] },
  conclude: { from: ['replied'], actors: ['dispatcher'] },
  visit: { from: ['concluded'], actors: ['dispatcher'] },
  evaluate: { from: ['concluded', 'visited'], actors: ['dispatcher'] },
};

export const hotlineActionAllowed = (
  status: HotlineStatus,
  action: HotlineAction,
  actor: HotlineActor,
): boolean => table[action].from.includes(status) && table[action].actors.includes(actor);

export interface HotlineDues {
  signDue: Date | null;
  replyDue: Date | null;
  returnDue: Date | null;
}

/** The dues of an order dispatched at `dispatchedAt` (null before any dispatch). */
export function hotlineDues(
  dispatchedAt: Date | null,
  limits: HotlineLimits,
  extensionDays: number,
  calendar: CalendarIndex,
): HotlineDues {
  if (!dispatchedAt) return { signDue: null, replyDue: null, returnDue: null };
  const due = (limit: HotlineLimits['sign'], ext = 0) =>
    computeDeadline({
      start: dispatchedAt,
      limit,
      extensions: ext > 0 ? [{ amount: ext, unit: 'workday' }] : [],
      calendar,
    }).due;
  return {
    signDue: due(limits.sign),
    replyDue: due(limits.reply, extensionDays),
    returnDue: due(limits.returnWithin),
  };
}

const required = (v: string, field: string) => {
  if (v.trim() === '') throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.required' });
};

/**
 * Apply one event at `now`. `dues` are the order's current dues (from `hotlineDues`): the return
 * window is checked against them, and a late reply also issues the 督办 it earned.
 */
export function transitionHotline(
  s: HotlineSnapshot,
  e: HotlineEvent,
  actor: HotlineActor,
  now: Date,
  limits: HotlineLimits,
  dues: HotlineDues,
): { next: HotlineSnapshot; supervisions: SupervisionReason[] } {
  const gate = table[e.type];
  if (!gate.from.includes(s.status))
    throw new AppError('HOTLINE_INVALID_TRANSITION', hotlineTransitionParams(s.status, e.type));
  if (!gate.actors.includes(actor)) throw new AppError('FORBIDDEN');
  const to = (
    status: HotlineStatus,
    patch: Partial<HotlineSnapshot> = {},
    supervisions: SupervisionReason[] = [],
  ) => ({
    next: { ...s, ...patch, status },
    supervisions,
  });
  switch (e.type) {
    case 'dispatch':
      if (e.coUnits.includes(e.leadUnit))
        throw new AppError('VALIDATION_FAILED', {}, { coUnitIds: 'rule.co_unit_is_lead' });
      // A new dispatch starts a new clock for the new unit: earlier supervision belongs to the old one.
      return to('dispatched', {
        dispatchedAt: now,
        signedAt: null,
        repliedAt: null,
        extensionDays: 0,
        supervised: [],
      });
    case 'sign':
      return to('signed', { signedAt: now });
    case 'handle':
      required(e.note, 'note');
      return to('handling');
    case 'return':
      required(e.reason, 'reason');
      if (dues.returnDue && now.getTime() > dues.returnDue.getTime())
        throw new AppError('HOTLINE_RETURN_WINDOW_PASSED', {
          amount: limits.returnWithin.amount,
          unit: limits.returnWithin.unit,
        });
      return to('returned');
    case 'extend':
      if (s.extensionDays > 0) throw new AppError('HOTLINE_EXTENSION_USED');
      if (!Number.isInteger(e.days) || e.days < 1 || e.days > limits.extensionMaxWorkdays)
        throw new AppError(
          'HOTLINE_EXTENSION_TOO_LONG',
          { max: limits.extensionMaxWorkdays },
          { days: 'rule.extension_days' },
        );
      required(e.reason, 'reason');
      return to(s.status, { extensionDays: e.days });
    case 'reply': {
      required(e.text, 'text');
      const owed = overdueSupervisions({ ...s, signedAt: s.signedAt ?? now }, dues, now);
      return to(
        'replied',
        {
          repliedAt: now,
          supervised: [...s.supervised, ...owed],
          supervisionLevel: s.supervisionLevel + owed.length,
        },
        owed,
      );
    }
    case 'reject_reply':
      required(e.reason, 'reason');
      return to('handling', { repliedAt: null });
    case 'supervise':
      required(e.note, 'note');
      return to(
        s.status,
        {
          supervised: e.reason === 'manual' ? s.supervised : [...s.supervised, e.reason],
          supervisionLevel: s.supervisionLevel + 1,
        },
        [e.reason],
      );
    case 'conclude':
      return to('concluded');
    case 'visit':
      required(e.note, 'note');
      return to('visited');
    case 'evaluate':
      return to('evaluated');
  }
}

/**
 * The 督办 an order has earned at `now` and not yet received: the sign limit passed unsigned, or the
 * reply limit passed unreplied. Used by the sweep and by a late reply.
 */
export function overdueSupervisions(s: HotlineSnapshot, dues: HotlineDues, now: Date): SupervisionReason[] {
  if (!open.includes(s.status) || s.status === 'replied') return [];
  const out: SupervisionReason[] = [];
  const t = now.getTime();
  if (!s.signedAt && dues.signDue && t > dues.signDue.getTime() && !s.supervised.includes('sign_overdue'))
    out.push('sign_overdue');
  if (!s.repliedAt && dues.replyDue && t > dues.replyDue.getTime() && !s.supervised.includes('reply_overdue'))
    out.push('reply_overdue');
  return out;
}

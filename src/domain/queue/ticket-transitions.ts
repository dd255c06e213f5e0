import { AppError } from '../errors';
import { transitionErrorParams } from '../../shared/contracts/hall-labels';
import {
  ticketActions,
  type QueuePolicy,
  type TicketAction,
  type TicketEvent,
  type TicketSnapshot,
  type TicketStatus,
} from './ticket-states';

/**
 * The ticket transition table: for every action, the statuses it may start from, a guard on the
 * snapshot (the recall and re-queue caps of the hall), and the next snapshot. `transitionTicket` is the
 * only way a ticket changes; the service writes the result and one `ticket_events` row in one
 * transaction.
 */

type EventOf<A extends TicketAction> = Extract<TicketEvent, { type: A }>;

interface Rule<A extends TicketAction> {
  readonly from: readonly TicketStatus[];
  /** A data condition beyond the status: an AppError to throw, or null. */
  guard?(s: TicketSnapshot, p: QueuePolicy): AppError | null;
  apply(s: TicketSnapshot, e: EventOf<A>): TicketSnapshot;
}

type Table = { readonly [A in TicketAction]: Rule<A> };

const table: Table = {
  call: {
    from: ['waiting', 'transferred'],
    apply: (s, e) => {
      // A transferred ticket is reserved for its target window; the service checks first and says so
      // in words, this is the last line of defence.
      if (s.status === 'transferred' && s.windowId !== e.windowId)
        throw new AppError('HALL_TICKET_RESERVED', { number: s.number });
      return {
        ...s,
        status: 'called',
        windowId: e.windowId,
        staffId: e.staffId,
        calledAt: e.at,
        firstCalledAt: s.firstCalledAt ?? e.at,
        recallCount: 0,
      };
    },
  },
  recall: {
    from: ['called'],
    guard: (s, p) =>
      s.recallCount >= p.maxRecalls
        ? new AppError('HALL_RECALL_LIMIT', { number: s.number, max: p.maxRecalls })
        : null,
    apply: (s, e) => ({ ...s, calledAt: e.at, recallCount: s.recallCount + 1 }),
  },
  start: {
    from: ['called'],
    apply: (s, e) => ({ ...s, status: 'serving', servingAt: e.at }),
  },
  finish: {
    from: ['serving'],
    apply: (s, e) => ({ ...s, status: 'done', finishedAt: e.at }),
  },
  no_show: {
    from: ['called'],
    apply: (s) => ({ ...s, status: 'no_show' }),
  },
  requeue: {
    from: ['no_show'],
    guard: (s, p) =>
      s.requeueCount >= p.maxRequeues
        ? new AppError('HALL_REQUEUE_LIMIT', { number: s.number, max: p.maxRequeues })
        : null,
    // Back of the queue: a visitor who missed the call does not overtake those who waited.
    apply: (s, e) => ({
      ...s,
      status: 'waiting',
      queuedAt: e.at,
      windowId: null,
      staffId: null,
      calledAt: null,
      requeueCount: s.requeueCount + 1,
    }),
  },
  transfer: {
    from: ['called', 'serving'],
    apply: (s, e) => {
      if (e.toWindowId === s.windowId)
        throw new AppError('VALIDATION_FAILED', {}, { toWindowId: 'rule.transfer_other_window' });
      // `queuedAt` stays: a transferred ticket keeps its place in the target window's queue.
      return {
        ...s,
        status: 'transferred',
        categoryId: e.toCategoryId ?? s.categoryId,
        windowId: e.toWindowId,
        staffId: null,
        calledAt: null,
        servingAt: null,
        recallCount: 0,
        transferCount: s.transferCount + 1,
      };
    },
  },
  cancel: {
    from: ['waiting', 'transferred', 'called', 'no_show'],
    apply: (s, e) => {
      if (e.reason.trim() === '') throw new AppError('VALIDATION_FAILED', {}, { reason: 'rule.required' });
      return { ...s, status: 'cancelled' };
    },
  },
  verify_priority: {
    from: ['waiting', 'transferred'],
    apply: (s, e) => {
      if (!Number.isInteger(e.weight) || e.weight < 0 || (e.priority === null) !== (e.weight === 0))
        throw new AppError('VALIDATION_FAILED', {}, { priority: '' });
      return { ...s, priority: e.priority, priorityWeight: e.weight };
    },
  },
};

const ruleOf = <A extends TicketAction>(a: A): Rule<A> => table[a];

/** The next snapshot after `e`, or an AppError naming why the action is not possible now. */
export function transitionTicket(s: TicketSnapshot, e: TicketEvent, policy: QueuePolicy): TicketSnapshot {
  const rule = ruleOf(e.type);
  if (!rule.from.includes(s.status))
    throw new AppError('HALL_INVALID_TRANSITION', transitionErrorParams(s.number, s.status, e.type));
  const refused = rule.guard?.(s, policy);
  if (refused) throw refused;
  return rule.apply(s, e);
}

/** The actions possible on a ticket now (the officer panel shows only these buttons). */
export function allowedTicketActions(s: TicketSnapshot, policy: QueuePolicy): TicketAction[] {
  return ticketActions.filter((a) => {
    const rule = ruleOf(a);
    return rule.from.includes(s.status) && !rule.guard?.(s, policy);
  });
}

/** The statuses an action may start from (for the exhaustive table test and the docs). */
export const actionSources = (a: TicketAction): readonly TicketStatus[] => ruleOf(a).from;

/** A new ticket as issued: waiting, queued at its issue time. */
export function newTicketSnapshot(p: {
  number: string;
  categoryId: string;
  issuedAt: number;
  priority?: TicketSnapshot['priority'];
  priorityWeight?: number;
}): TicketSnapshot {
  return {
    number: p.number,
    status: 'waiting',
    categoryId: p.categoryId,
    windowId: null,
    staffId: null,
    queuedAt: p.issuedAt,
    calledAt: null,
    firstCalledAt: null,
    servingAt: null,
    finishedAt: null,
    recallCount: 0,
    requeueCount: 0,
    transferCount: 0,
    priority: p.priority ?? null,
    priorityWeight: p.priorityWeight ?? 0,
  };
}

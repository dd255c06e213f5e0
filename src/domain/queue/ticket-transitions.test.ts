import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import {
  defaultQueuePolicy,
  ticketActions,
  ticketStatuses,
  type TicketAction,
  type TicketEvent,
  type TicketSnapshot,
  type TicketStatus,
} from './ticket-states';
import {
  actionSources,
  allowedTicketActions,
  newTicketSnapshot,
  transitionTicket,
} from './ticket-transitions';

const T0 = Date.parse('2026-03-02T01:00:00Z');
const fresh = () => newTicketSnapshot({ number: 'A001', categoryId: 'cat-a', issuedAt: T0 });
const policy = defaultQueuePolicy;

const eventOf = (type: TicketAction, at = T0 + 60_000): TicketEvent => {
  switch (type) {
    case 'call':
      return { type, at, windowId: 'w1', staffId: 's1' };
    case 'transfer':
      return { type, at, toWindowId: 'w2' };
    case 'cancel':
      return { type, at, reason: 'left the hall' };
    case 'verify_priority':
      return { type, at, priority: 'elderly', weight: 2 };
    default:
      return { type, at };
  }
};

const inStatus = (status: TicketStatus): TicketSnapshot => ({
  ...fresh(),
  status,
  windowId: status === 'waiting' ? null : 'w1',
  staffId: status === 'called' || status === 'serving' ? 's1' : null,
});

/** The expected table, written out once so a change to the rules shows up as a diff here. */
const expected: Record<TicketAction, TicketStatus[]> = {
  call: ['waiting', 'transferred'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  no_show: ['called'],
  requeue: ['no_show'],
  transfer: ['called', 'serving'],
  cancel: ['waiting', 'transferred', 'called', 'no_show'],
  verify_priority: ['waiting', 'transferred'],
};

describe('the ticket transition table', () => {
  it.each(ticketStatuses.flatMap((s) => ticketActions.map((a) => [s, a] as const)))(
    'from %s, %s is allowed exactly when the table says so',
    (status, action) => {
      expect(actionSources(action)).toEqual(expected[action]);
      const s = inStatus(status);
      // The transferred ticket here targets w1, the calling window of eventOf('call').
      const run = () => transitionTicket(s, eventOf(action), policy);
      if (expected[action].includes(status)) expect(run).not.toThrow();
      else expect(run).toThrow(expect.objectContaining({ code: 'HALL_INVALID_TRANSITION' }) as AppError);
    },
  );

  it('walks a visit: issue → call → recall → start → finish', () => {
    let s = fresh();
    s = transitionTicket(s, { type: 'call', at: T0 + 600_000, windowId: 'w3', staffId: 's3' }, policy);
    expect(s).toMatchObject({ status: 'called', windowId: 'w3', firstCalledAt: T0 + 600_000 });
    s = transitionTicket(s, { type: 'recall', at: T0 + 660_000 }, policy);
    expect(s).toMatchObject({ recallCount: 1, calledAt: T0 + 660_000, firstCalledAt: T0 + 600_000 });
    s = transitionTicket(s, { type: 'start', at: T0 + 700_000 }, policy);
    s = transitionTicket(s, { type: 'finish', at: T0 + 1_300_000 }, policy);
    expect(s).toMatchObject({ status: 'done', servingAt: T0 + 700_000, finishedAt: T0 + 1_300_000 });
  });

  it('caps recalls at the hall policy', () => {
    let s = transitionTicket(fresh(), eventOf('call'), policy);
    for (let i = 0; i < policy.maxRecalls; i++) s = transitionTicket(s, eventOf('recall'), policy);
    expect(allowedTicketActions(s, policy)).not.toContain('recall');
    expect(() => transitionTicket(s, eventOf('recall'), policy)).toThrow(
      expect.objectContaining({ code: 'HALL_RECALL_LIMIT', params: { number: 'A001', max: 3 } }) as AppError,
    );
  });

  it('a no-show may be re-queued once, at the back of the queue', () => {
    let s = transitionTicket(fresh(), eventOf('call'), policy);
    s = transitionTicket(s, eventOf('no_show'), policy);
    s = transitionTicket(s, { type: 'requeue', at: T0 + 3_600_000 }, policy);
    expect(s).toMatchObject({ status: 'waiting', queuedAt: T0 + 3_600_000, windowId: null, requeueCount: 1 });
    s = transitionTicket(s, eventOf('call'), policy);
    s = transitionTicket(s, eventOf('no_show'), policy);
    expect(() => transitionTicket(s, eventOf('requeue'), policy)).toThrow(
      expect.objectContaining({ code: 'HALL_REQUEUE_LIMIT' }) as AppError,
    );
  });

  it('a transfer keeps the number and the place in the queue and reserves the ticket for the target', () => {
    let s = transitionTicket(fresh(), eventOf('call'), policy);
    s = transitionTicket(s, eventOf('start'), policy);
    s = transitionTicket(
      s,
      { type: 'transfer', at: T0 + 900_000, toWindowId: 'w7', toCategoryId: 'cat-b' },
      policy,
    );
    expect(s).toMatchObject({
      status: 'transferred',
      number: 'A001',
      queuedAt: T0,
      windowId: 'w7',
      categoryId: 'cat-b',
      transferCount: 1,
    });
    expect(() =>
      transitionTicket(s, { type: 'call', at: T0 + 960_000, windowId: 'w8', staffId: 's8' }, policy),
    ).toThrow(expect.objectContaining({ code: 'HALL_TICKET_RESERVED' }) as AppError);
    s = transitionTicket(s, { type: 'call', at: T0 + 960_000, windowId: 'w7', staffId: 's7' }, policy);
    expect(s).toMatchObject({ status: 'called', staffId: 's7', firstCalledAt: T0 + 60_000 });
  });

  it('refuses a transfer to the same window and a cancel without a reason', () => {
    const called = transitionTicket(fresh(), eventOf('call'), policy);
    expect(() => transitionTicket(called, { type: 'transfer', at: T0, toWindowId: 'w1' }, policy)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as AppError,
    );
    expect(() => transitionTicket(fresh(), { type: 'cancel', at: T0, reason: ' ' }, policy)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }) as AppError,
    );
  });

  it('a verified priority keeps the status and sets the weight; a weight without a priority is refused', () => {
    const s = transitionTicket(
      fresh(),
      { type: 'verify_priority', at: T0, priority: 'military', weight: 3 },
      policy,
    );
    expect(s).toMatchObject({ status: 'waiting', priority: 'military', priorityWeight: 3 });
    expect(() =>
      transitionTicket(fresh(), { type: 'verify_priority', at: T0, priority: null, weight: 2 }, policy),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }) as AppError);
  });

  it('random walks: every allowed action succeeds and the invariants hold', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
        let s = fresh();
        let at = T0;
        for (const c of choices) {
          const actions = allowedTicketActions(s, policy);
          if (actions.length === 0) {
            expect(['done', 'cancelled']).toContain(s.status);
            break;
          }
          at += 1000;
          const action = actions[c % actions.length]!;
          const e = eventOf(action, at);
          // transfers alternate between two windows so "another window" always exists
          const next =
            e.type === 'transfer'
              ? { ...e, toWindowId: s.windowId === 'w2' ? 'w3' : 'w2' }
              : e.type === 'call' && s.status === 'transferred'
                ? { ...e, windowId: s.windowId! }
                : e;
          s = transitionTicket(s, next, policy);
          expect(s.recallCount).toBeLessThanOrEqual(policy.maxRecalls);
          expect(s.requeueCount).toBeLessThanOrEqual(policy.maxRequeues);
          if (s.status === 'waiting') expect(s.windowId).toBeNull();
          if (['called', 'serving', 'transferred'].includes(s.status)) expect(s.windowId).not.toBeNull();
          if (s.status === 'called' || s.status === 'serving') expect(s.staffId).not.toBeNull();
          if (s.firstCalledAt !== null) expect(s.firstCalledAt).toBeGreaterThanOrEqual(T0);
        }
      }),
    );
  });
});

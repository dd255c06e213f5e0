import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { buildSnapshot, sampleEvents } from './case-fixtures';
import { caseActions, type CaseAction, type CaseSnapshot } from './case-states';
import { allowedActions, transition } from './case-transitions';

/**
 * The whole table, written out by hand: for each representative snapshot, exactly the actions that
 * are allowed. Every (scenario × action) pair is tried with a valid event by a permitted role.
 */
const scenarios: readonly { name: string; snapshot: CaseSnapshot; allowed: readonly CaseAction[] }[] = [
  { name: 'draft', snapshot: buildSnapshot(), allowed: ['receive'] },
  {
    name: 'received',
    snapshot: buildSnapshot({ status: 'received' }),
    allowed: ['request_supplement', 'accept', 'deem_accept', 'refuse', 'withdraw', 'void'],
  },
  {
    name: 'supplement requested',
    snapshot: buildSnapshot({ status: 'supplement_requested', supplementRequests: 1 }),
    allowed: ['supply', 'refuse', 'withdraw', 'void'],
  },
  { name: 'refused', snapshot: buildSnapshot({ status: 'refused', negativeReported: true }), allowed: [] },
  {
    name: 'accepted, first of three steps',
    snapshot: buildSnapshot({ status: 'accepted', stepIndex: 0 }),
    allowed: ['pass_step', 'pause', 'extend', 'withdraw', 'void'],
  },
  {
    name: 'accepted, middle step',
    snapshot: buildSnapshot({ status: 'accepted', stepIndex: 1 }),
    allowed: ['pass_step', 'return_step', 'pause', 'extend', 'withdraw', 'void'],
  },
  {
    name: 'accepted, last step',
    snapshot: buildSnapshot({ status: 'accepted', stepIndex: 2 }),
    allowed: ['return_step', 'pause', 'extend', 'approve', 'deny', 'forward', 'withdraw', 'void'],
  },
  {
    name: 'accepted, single-step procedure',
    snapshot: buildSnapshot({ status: 'accepted', stepCount: 1 }),
    allowed: ['pause', 'extend', 'approve', 'deny', 'forward', 'withdraw', 'void'],
  },
  {
    name: 'accepted, last step, already extended',
    snapshot: buildSnapshot({ status: 'accepted', stepIndex: 2, extended: true }),
    allowed: ['return_step', 'pause', 'approve', 'deny', 'forward', 'withdraw', 'void'],
  },
  {
    name: 'accepted immediate case, one step',
    snapshot: buildSnapshot({ status: 'accepted', kind: 'immediate', stepCount: 1 }),
    allowed: ['approve', 'deny', 'forward', 'withdraw', 'void', 'convert_to_promised'],
  },
  {
    name: 'accepted immediate case, first of two steps',
    snapshot: buildSnapshot({ status: 'accepted', kind: 'immediate', stepCount: 2 }),
    allowed: ['pass_step', 'approve', 'deny', 'forward', 'withdraw', 'void', 'convert_to_promised'],
  },
  {
    name: 'paused',
    snapshot: buildSnapshot({
      status: 'paused',
      stepIndex: 1,
      pause: { kind: 'hearing', expectedWorkingDays: 20 },
    }),
    allowed: ['resume', 'extend', 'withdraw', 'void'],
  },
  {
    name: 'paused, already extended',
    snapshot: buildSnapshot({
      status: 'paused',
      extended: true,
      pause: { kind: 'site_check', expectedWorkingDays: 3 },
    }),
    allowed: ['resume', 'withdraw', 'void'],
  },
  {
    name: 'concluded: approved',
    snapshot: buildSnapshot({ status: 'concluded', outcome: 'approved' }),
    allowed: ['deliver'],
  },
  {
    name: 'concluded: denied',
    snapshot: buildSnapshot({ status: 'concluded', outcome: 'denied' }),
    allowed: ['deliver'],
  },
  {
    name: 'concluded: forwarded',
    snapshot: buildSnapshot({ status: 'concluded', outcome: 'forwarded' }),
    allowed: ['close'],
  },
  {
    name: 'concluded: withdrawn',
    snapshot: buildSnapshot({ status: 'concluded', outcome: 'withdrawn' }),
    allowed: ['close'],
  },
  {
    name: 'concluded: voided',
    snapshot: buildSnapshot({ status: 'concluded', outcome: 'voided' }),
    allowed: ['close'],
  },
  {
    name: 'delivered',
    snapshot: buildSnapshot({ status: 'delivered', outcome: 'approved' }),
    allowed: ['close'],
  },
  { name: 'closed', snapshot: buildSnapshot({ status: 'closed', outcome: 'approved' }), allowed: [] },
];

/** 'allowed', or the code of the AppError thrown. */
function attempt(s: CaseSnapshot, action: CaseAction): string {
  try {
    transition(s, sampleEvents[action]);
    return 'allowed';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

describe('case transition table', () => {
  it('covers every status', () => {
    const statuses = new Set(scenarios.map((s) => s.snapshot.status));
    expect([...statuses].sort()).toEqual(
      [
        'accepted',
        'closed',
        'concluded',
        'delivered',
        'draft',
        'paused',
        'received',
        'refused',
        'supplement_requested',
      ].sort(),
    );
  });

  for (const sc of scenarios) {
    describe(sc.name, () => {
      for (const action of caseActions) {
        const expected = sc.allowed.includes(action) ? 'allowed' : 'CASE_INVALID_TRANSITION';
        it(`${action} → ${expected}`, () => {
          expect(attempt(sc.snapshot, action)).toBe(expected);
        });
      }

      it('allowedActions lists exactly the allowed actions', () => {
        expect(allowedActions(sc.snapshot)).toEqual(caseActions.filter((a) => sc.allowed.includes(a)));
      });
    });
  }

  it('names the state and the action in a refused transition', () => {
    const s = buildSnapshot({ status: 'concluded', outcome: 'denied' });
    try {
      transition(s, sampleEvents.accept);
      expect.unreachable();
    } catch (e) {
      if (!isAppError(e)) throw e;
      expect(e.code).toBe('CASE_INVALID_TRANSITION');
      expect(e.params).toMatchObject({
        state: 'concluded',
        action: 'accept',
        stateLabelZh: '已办结（不予许可）',
        actionLabelZh: '受理',
        rule: 'status',
      });
    }
  });

  it('never modifies the snapshot it is given', () => {
    for (const sc of scenarios) {
      const before = structuredClone(sc.snapshot);
      for (const action of sc.allowed) transition(sc.snapshot, sampleEvents[action]);
      expect(sc.snapshot).toEqual(before);
    }
  });
});

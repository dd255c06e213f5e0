import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { errorMessage } from '../../shared/errors';
import { buildSnapshot, sampleEvents } from './case-fixtures';
import {
  specialProcedureKinds,
  type CaseEvent,
  type CaseSnapshot,
  type TransitionResult,
} from './case-states';
import { allowedActions, newCaseSnapshot, transition } from './case-transitions';

/** Apply events in order and return the final result. */
function run(s: CaseSnapshot, ...events: CaseEvent[]): TransitionResult {
  let r: TransitionResult = { next: s, effects: [] };
  for (const e of events) r = transition(r.next, e);
  return r;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const received = buildSnapshot({ status: 'received' });
const atStep = (stepIndex: number, over: Partial<CaseSnapshot> = {}) =>
  buildSnapshot({ status: 'accepted', stepIndex, ...over });

describe('receipt and acceptance (第32条)', () => {
  it('a counter receipt issues a receipt of materials', () => {
    const r = transition(newCaseSnapshot({ kind: 'promised', stepCount: 2 }), sampleEvents.receive);
    expect(r.next.status).toBe('received');
    expect(r.effects).toEqual([{ type: 'issueDocument', document: 'material_receipt' }]);
  });

  it('acceptance starts the clock now, enters the first step and issues the acceptance notice', () => {
    const r = transition(received, sampleEvents.accept);
    expect(r.next).toMatchObject({ status: 'accepted', stepIndex: 0, deemedAccepted: false });
    expect(r.effects).toEqual([
      { type: 'startClock', from: 'now' },
      { type: 'enterStep', stepIndex: 0 },
      { type: 'issueDocument', document: 'acceptance_notice' },
    ]);
  });

  it('a supplement notice must list the missing materials', () => {
    const empty = errorOf(() =>
      transition(received, { ...sampleEvents.request_supplement, missingMaterials: [] }),
    );
    expect(empty.code).toBe('CASE_SUPPLEMENT_LIST_REQUIRED');
    const blank = errorOf(() =>
      transition(received, { ...sampleEvents.request_supplement, missingMaterials: [{ name: ' ' }] }),
    );
    expect(blank.code).toBe('CASE_SUPPLEMENT_LIST_REQUIRED');
  });

  it('supplying the materials returns the case to pre-review', () => {
    const r = run(received, sampleEvents.request_supplement, sampleEvents.supply);
    expect(r.next).toMatchObject({ status: 'received', supplementRequests: 1 });
  });

  it('a second supplement notice is allowed but flagged: the one-time notice was incomplete', () => {
    const first = transition(received, sampleEvents.request_supplement);
    expect(first.effects).toEqual([{ type: 'issueDocument', document: 'supplement_notice' }]);
    const second = run(first.next, sampleEvents.supply, sampleEvents.request_supplement);
    expect(second.next.supplementRequests).toBe(2);
    expect(second.effects).toContainEqual({ type: 'raiseFlag', flag: 'repeated_supplement' });
  });

  it('deemed acceptance counts from receipt and raises a supervision flag', () => {
    const r = transition(received, sampleEvents.deem_accept);
    expect(r.next).toMatchObject({ status: 'accepted', deemedAccepted: true, stepIndex: 0 });
    expect(r.effects).toEqual([
      { type: 'startClock', from: 'received_at' },
      { type: 'enterStep', stepIndex: 0 },
      { type: 'raiseFlag', flag: 'deemed_accepted' },
    ]);
  });

  it('only the watchdog job deems a case accepted', () => {
    expect(errorOf(() => transition(received, { type: 'deem_accept', actorRole: 'officer' })).code).toBe(
      'CASE_ROLE_NOT_ALLOWED',
    );
  });

  it('a case with a supplement notice is not deemed accepted', () => {
    const s = buildSnapshot({ status: 'supplement_requested', supplementRequests: 1 });
    expect(errorOf(() => transition(s, sampleEvents.deem_accept)).code).toBe('CASE_INVALID_TRANSITION');
  });

  it('a refusal needs a reason, issues the refusal notice and is reported', () => {
    const e = errorOf(() => transition(received, { ...sampleEvents.refuse, reason: '  ' }));
    expect(e.code).toBe('CASE_REASON_REQUIRED');
    expect(e.fields).toEqual({ reason: 'rule.required' });
    const r = transition(received, sampleEvents.refuse);
    expect(r.next).toMatchObject({ status: 'refused', negativeReported: true });
    expect(r.effects).toEqual([
      { type: 'issueDocument', document: 'refusal_notice' },
      { type: 'reportNegative' },
    ]);
  });

  it('a village acceptor accepts but does not refuse', () => {
    expect(allowedActions(received, 'village_acceptor')).toEqual(['request_supplement', 'accept']);
    expect(
      errorOf(() => transition(received, { ...sampleEvents.refuse, actorRole: 'village_acceptor' })).code,
    ).toBe('CASE_ROLE_NOT_ALLOWED');
  });
});

describe('approval steps', () => {
  it('walks the steps and is decided on the last one', () => {
    const r = run(received, sampleEvents.accept, sampleEvents.pass_step, sampleEvents.pass_step);
    expect(r.next.stepIndex).toBe(2);
    expect(r.effects).toEqual([{ type: 'enterStep', stepIndex: 2 }]);
    const done = transition(r.next, { ...sampleEvents.approve, actorRole: 'approver' });
    expect(done.next).toMatchObject({ status: 'concluded', outcome: 'approved' });
    expect(done.effects).toEqual([
      { type: 'stopClock' },
      { type: 'issueDocument', document: 'decision_approve' },
    ]);
  });

  it('the last step cannot be passed: it ends with the decision', () => {
    const e = errorOf(() => transition(atStep(2), sampleEvents.pass_step));
    expect(e.code).toBe('CASE_INVALID_TRANSITION');
    expect(e.params.rule).toBe('last_step_needs_decision');
  });

  it('a promised case is not decided before its last step', () => {
    const e = errorOf(() => transition(atStep(1), sampleEvents.approve));
    expect(e.params.rule).toBe('steps_remaining');
  });

  it('returning goes back one step by default', () => {
    const r = transition(atStep(2), sampleEvents.return_step);
    expect(r.next.stepIndex).toBe(1);
    expect(r.effects).toEqual([{ type: 'enterStep', stepIndex: 1 }]);
  });

  it('returning may name an earlier step', () => {
    expect(transition(atStep(2), { ...sampleEvents.return_step, toStep: 0 }).next.stepIndex).toBe(0);
  });

  it('returning to the current or a later step is refused', () => {
    for (const toStep of [1, 2, -1, 0.5]) {
      expect(errorOf(() => transition(atStep(1), { ...sampleEvents.return_step, toStep })).code).toBe(
        'CASE_INVALID_STEP',
      );
    }
  });

  it('returning needs an opinion', () => {
    const e = errorOf(() => transition(atStep(1), { ...sampleEvents.return_step, opinion: '' }));
    expect(e.code).toBe('CASE_REASON_REQUIRED');
    expect(e.fields).toEqual({ opinion: 'rule.required' });
  });

  it('the first step has nowhere to return to', () => {
    expect(errorOf(() => transition(atStep(0), sampleEvents.return_step)).params.rule).toBe('first_step');
  });
});

describe('special procedures (第45条)', () => {
  it.each(specialProcedureKinds)('%s pauses the clock and tells the applicant in writing', (kind) => {
    const r = transition(atStep(1), { ...sampleEvents.pause, kind, expectedWorkingDays: 15 });
    expect(r.next).toMatchObject({
      status: 'paused',
      stepIndex: 1,
      pause: { kind, expectedWorkingDays: 15 },
    });
    expect(r.effects).toEqual([
      { type: 'pauseClock', kind, expectedWorkingDays: 15 },
      { type: 'issueDocument', document: 'special_procedure_notice' },
    ]);
  });

  it('rejects an unknown kind, a non-positive duration and a missing reason', () => {
    const bad = { ...sampleEvents.pause, kind: 'lottery' } as unknown as CaseEvent;
    expect(errorOf(() => transition(atStep(0), bad)).fields).toEqual({ kind: '' });
    for (const expectedWorkingDays of [0, -3, 2.5]) {
      expect(
        errorOf(() => transition(atStep(0), { ...sampleEvents.pause, expectedWorkingDays })).fields,
      ).toEqual({
        expectedWorkingDays: '',
      });
    }
    expect(errorOf(() => transition(atStep(0), { ...sampleEvents.pause, reason: '' })).code).toBe(
      'CASE_REASON_REQUIRED',
    );
  });

  it('resuming returns to the same step', () => {
    const r = run(atStep(1), sampleEvents.pause, sampleEvents.resume);
    expect(r.next).toMatchObject({ status: 'accepted', stepIndex: 1, pause: null });
    expect(r.effects).toEqual([{ type: 'resumeClock' }]);
  });

  it('an immediate case is not paused: it must become promised first', () => {
    const s = buildSnapshot({ status: 'accepted', kind: 'immediate', stepCount: 1 });
    expect(errorOf(() => transition(s, sampleEvents.pause)).params.rule).toBe('immediate_case');
    const promised = transition(s, sampleEvents.convert_to_promised).next;
    expect(transition(promised, sampleEvents.pause).next.status).toBe('paused');
  });
});

describe('extension (第42条)', () => {
  it('adds working days with the head recorded and the applicant told', () => {
    const r = transition(atStep(0), sampleEvents.extend);
    expect(r.next).toMatchObject({ status: 'accepted', extended: true });
    expect(r.effects).toEqual([
      { type: 'extendClock', workingDays: 10 },
      { type: 'issueDocument', document: 'extension_notice' },
    ]);
  });

  it('may be granted during a special procedure', () => {
    const r = run(atStep(0), sampleEvents.pause, sampleEvents.extend);
    expect(r.next).toMatchObject({ status: 'paused', extended: true });
  });

  it('is granted once', () => {
    const once = transition(atStep(0), sampleEvents.extend).next;
    expect(errorOf(() => transition(once, sampleEvents.extend)).params.rule).toBe('already_extended');
  });

  it('needs the approving head, a positive number of days and a reason', () => {
    expect(errorOf(() => transition(atStep(0), { ...sampleEvents.extend, approvedBy: '' })).fields).toEqual({
      approvedBy: 'rule.required',
    });
    expect(errorOf(() => transition(atStep(0), { ...sampleEvents.extend, workingDays: 0 })).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorOf(() => transition(atStep(0), { ...sampleEvents.extend, reason: '' })).code).toBe(
      'CASE_REASON_REQUIRED',
    );
  });
});

describe('conclusion', () => {
  it('a denial needs a reason and is reported to supervision (否定报备)', () => {
    expect(errorOf(() => transition(atStep(2), { ...sampleEvents.deny, reason: '' })).code).toBe(
      'CASE_REASON_REQUIRED',
    );
    const r = transition(atStep(2), sampleEvents.deny);
    expect(r.next).toMatchObject({ status: 'concluded', outcome: 'denied', negativeReported: true });
    expect(r.effects).toEqual([
      { type: 'stopClock' },
      { type: 'issueDocument', document: 'decision_deny' },
      { type: 'reportNegative' },
    ]);
  });

  it('forwarding names the higher-level organisation', () => {
    expect(errorOf(() => transition(atStep(2), { ...sampleEvents.forward, toOrg: '' })).fields).toEqual({
      toOrg: 'rule.required',
    });
    const r = transition(atStep(2), sampleEvents.forward);
    expect(r.next.outcome).toBe('forwarded');
    expect(r.effects).toEqual([{ type: 'stopClock' }, { type: 'forwardCase', toOrg: '市市场监督管理局' }]);
  });

  it('an approval with a certificate needs its number', () => {
    const e = errorOf(() => transition(atStep(2), { ...sampleEvents.approve, certificate: { number: '' } }));
    expect(e.fields).toEqual({ 'certificate.number': 'rule.required' });
  });

  it('withdrawing during a special procedure closes the pause and stops the clock', () => {
    const paused = transition(atStep(1), sampleEvents.pause).next;
    const r = transition(paused, sampleEvents.withdraw);
    expect(r.next).toMatchObject({ status: 'concluded', outcome: 'withdrawn', pause: null });
    expect(r.effects).toEqual([{ type: 'resumeClock' }, { type: 'stopClock' }]);
  });

  it('voiding before acceptance has no clock to stop', () => {
    const r = transition(received, sampleEvents.void);
    expect(r.next.outcome).toBe('voided');
    expect(r.effects).toEqual([]);
  });

  it('withdraw and void need a reason', () => {
    expect(errorOf(() => transition(received, { ...sampleEvents.withdraw, reason: '' })).code).toBe(
      'CASE_REASON_REQUIRED',
    );
    expect(errorOf(() => transition(atStep(0), { ...sampleEvents.void, reason: '' })).code).toBe(
      'CASE_REASON_REQUIRED',
    );
  });
});

describe('immediate cases (即办件, 一审一核)', () => {
  const immediate = buildSnapshot({ status: 'received', kind: 'immediate', stepCount: 1 });

  it('are accepted by the window officer and approved by the chief representative in one sitting', () => {
    const r = run(immediate, sampleEvents.accept, { type: 'approve', actorRole: 'chief_rep' });
    expect(r.next).toMatchObject({ status: 'concluded', outcome: 'approved', kind: 'immediate' });
  });

  it('are decided only by the chief representative', () => {
    const accepted = transition(immediate, sampleEvents.accept).next;
    for (const actorRole of ['approver', 'officer'] as const) {
      expect(errorOf(() => transition(accepted, { type: 'approve', actorRole })).code).toBe(
        'CASE_ROLE_NOT_ALLOWED',
      );
      expect(errorOf(() => transition(accepted, { ...sampleEvents.deny, actorRole })).code).toBe(
        'CASE_ROLE_NOT_ALLOWED',
      );
    }
    expect(allowedActions(accepted, 'approver')).toEqual(['forward']);
  });

  it('not concluded on the day, become promised and are flagged', () => {
    const accepted = transition(immediate, sampleEvents.accept).next;
    const r = transition(accepted, sampleEvents.convert_to_promised);
    expect(r.next).toMatchObject({ kind: 'promised', convertedFromImmediate: true, status: 'accepted' });
    expect(r.effects).toEqual([
      { type: 'applyPromisedLimit' },
      { type: 'raiseFlag', flag: 'immediate_not_concluded' },
    ]);
    // Now an ordinary promised case: the department approver decides on the last step.
    expect(transition(r.next, { type: 'approve', actorRole: 'approver' }).next.outcome).toBe('approved');
  });
});

describe('delivery and closing', () => {
  const approved = buildSnapshot({ status: 'concluded', outcome: 'approved' });

  it('a courier delivery needs the tracking number', () => {
    const e = errorOf(() => transition(approved, { ...sampleEvents.deliver, method: 'courier' }));
    expect(e.fields).toEqual({ trackingNumber: 'rule.required' });
    const r = transition(approved, {
      ...sampleEvents.deliver,
      method: 'courier',
      trackingNumber: 'SF1234567890',
    });
    expect(r.next.status).toBe('delivered');
    expect(r.effects).toEqual([{ type: 'issueDocument', document: 'delivery_receipt' }]);
  });

  it('an approved case is closed only after delivery (第44条)', () => {
    expect(errorOf(() => transition(approved, sampleEvents.close)).params.rule).toBe('not_delivered');
    const r = run(approved, sampleEvents.deliver, sampleEvents.close);
    expect(r.next).toMatchObject({ status: 'closed', outcome: 'approved' });
  });
});

describe('roles and messages', () => {
  it('an applicant may only withdraw a received case', () => {
    expect(allowedActions(received, 'applicant')).toEqual(['withdraw']);
    expect(allowedActions(received, 'system')).toEqual(['deem_accept']);
    expect(allowedActions(received, 'leader')).toEqual([]);
  });

  it('renders CASE_INVALID_TRANSITION in both languages', () => {
    const e = errorOf(() =>
      transition(
        buildSnapshot({ status: 'paused', pause: { kind: 'hearing', expectedWorkingDays: 20 } }),
        sampleEvents.approve,
      ),
    );
    expect(errorMessage(e.code, e.params, 'zh-CN')).toBe('当前状态为「特别程序中」，不能执行「准予许可」');
    expect(errorMessage(e.code, e.params, 'en')).toBe(
      'The case is "Paused (special procedure)": you cannot approve now',
    );
  });

  it('renders CASE_ROLE_NOT_ALLOWED and CASE_REASON_REQUIRED', () => {
    const role = errorOf(() => transition(received, { ...sampleEvents.refuse, actorRole: 'applicant' }));
    expect(errorMessage(role.code, role.params, 'zh-CN')).toBe('「办事群众/企业」不能执行「不予受理」');
    const reason = errorOf(() => transition(atStep(2), { ...sampleEvents.deny, reason: '' }));
    expect(errorMessage(reason.code, reason.params, 'zh-CN')).toBe('执行「不予许可」必须填写理由');
  });
});

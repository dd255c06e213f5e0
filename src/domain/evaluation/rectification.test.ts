import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { formatInstant, instantOfCivil } from '../calendar/civil-time';
import { isAppError } from '../errors';
import { DEFAULT_POLICIES, resolvePolicies } from './policy';
import {
  rectificationActionAllowed,
  rectificationActions,
  rectificationStatuses,
  rectificationStepDue,
  transitionRectification,
  type RectificationActor,
  type RectificationEvent,
  type RectificationSnapshot,
} from './rectification';

const calendar = chinaCalendar();
const policy = DEFAULT_POLICIES.evaluation;
const at = (day: string, hhmm = '10:00') => instantOfCivil(day, hhmm);
const snap = (
  status: RectificationSnapshot['status'],
  p: Partial<RectificationSnapshot> = {},
): RectificationSnapshot => ({
  status,
  extension: 'none',
  requestedExtensionDays: null,
  extensionDays: 0,
  ...p,
});
const due = (status: RectificationSnapshot['status'], enteredAt: Date, extensionDays = 0, p = policy) =>
  formatInstant(rectificationStepDue({ status, enteredAt, extensionDays, policy: p, calendar })!.getTime());
const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
};

const sample: Record<RectificationEvent['type'], RectificationEvent> = {
  record_return_visit: { type: 'record_return_visit', note: '已电话联系', reached: true },
  decide: { type: 'decide', decision: 'rectify', text: '属实，限期整改' },
  request_extension: { type: 'request_extension', days: 5, reason: '需要调整系统' },
  decide_extension: { type: 'decide_extension', approve: true, opinion: '同意' },
  complete: { type: 'complete', feedback: '已整改' },
  decide_appeal: { type: 'decide_appeal', accept: true, opinion: '恶意差评' },
  rate: { type: 'rate', rating: 'satisfied' },
  close: { type: 'close', reason: '无法联系' },
};

describe('rectification deadlines run on the working-day clock', () => {
  it('a 差评 on the Friday before the 2026 Spring Festival is called back by the first working day after it', () => {
    // 02-14 (Sat) is a make-up working day; 02-15 … 02-23 are off.
    expect(due('return_visit', at('2026-02-13', '15:00'))).toBe('2026-02-14T17:30:00+08:00');
    expect(due('return_visit', at('2026-02-14', '15:00'))).toBe('2026-02-24T17:30:00+08:00');
  });

  it('15 working days of rectification skip the National Day holiday', () => {
    // 2025-10-01 … 10-08 off, 09-28 (Sun) and 10-11 (Sat) make-up working days.
    expect(due('rectifying', at('2025-09-26'))).toBe('2025-10-23T17:30:00+08:00');
  });

  it('an approved extension adds working days after the due', () => {
    expect(due('rectifying', at('2026-03-02'))).toBe('2026-03-23T17:30:00+08:00');
    expect(due('rectifying', at('2026-03-02'), 5)).toBe('2026-03-30T17:30:00+08:00');
  });

  it('the limits are the center’s data', () => {
    const p = resolvePolicies({ evaluation: { returnVisit: { amount: 4, unit: 'workhour' } } }).evaluation;
    expect(due('return_visit', at('2026-03-02', '16:00'), 0, p)).toBe('2026-03-03T11:00:00+08:00');
  });

  it('closed, explained and excluded records have nothing due', () => {
    for (const s of ['explained', 'rectified', 'closed', 'excluded'] as const)
      expect(
        rectificationStepDue({ status: s, enteredAt: at('2026-03-02'), extensionDays: 0, policy, calendar }),
      ).toBeNull();
  });
});

describe('the rectification transition table', () => {
  const actors: RectificationActor[] = ['handler', 'supervisor', 'applicant'];

  it('every (status, action, actor) either moves or answers a stable error', () => {
    for (const status of rectificationStatuses)
      for (const action of rectificationActions)
        for (const actor of actors) {
          const s = snap(
            status,
            action === 'decide_extension' ? { extension: 'requested', requestedExtensionDays: 5 } : {},
          );
          const code = codeOf(() => transitionRectification(s, sample[action], actor, policy));
          if (rectificationActionAllowed(status, action, actor)) expect(code).toBeNull();
          else expect(['RECTIFICATION_INVALID_TRANSITION', 'FORBIDDEN']).toContain(code);
        }
  });

  it('the happy path: return visit → verify → rectify → feedback → the applicant rates', () => {
    let s = snap('return_visit');
    for (const e of ['record_return_visit', 'decide', 'complete', 'rate'] as const) {
      s = transitionRectification(s, sample[e], e === 'rate' ? 'applicant' : 'handler', policy).next;
    }
    expect(s.status).toBe('closed');
  });

  it('one extension only, approved by the supervisor, within the maximum', () => {
    const s = snap('rectifying');
    expect(
      codeOf(() =>
        transitionRectification(
          s,
          { ...sample.request_extension, days: 11 } as RectificationEvent,
          'handler',
          policy,
        ),
      ),
    ).toBe('RECTIFICATION_EXTENSION_TOO_LONG');
    const requested = transitionRectification(s, sample.request_extension, 'handler', policy).next;
    expect(codeOf(() => transitionRectification(requested, sample.decide_extension, 'handler', policy))).toBe(
      'FORBIDDEN',
    );
    const r = transitionRectification(requested, sample.decide_extension, 'supervisor', policy);
    expect(r.next).toMatchObject({ extension: 'approved', extensionDays: 5 });
    expect(r.effects).toEqual([{ type: 'extendDue', days: 5 }]);
    expect(codeOf(() => transitionRectification(r.next, sample.request_extension, 'handler', policy))).toBe(
      'RECTIFICATION_EXTENSION_USED',
    );
  });

  it('an upheld appeal excludes the review; a rejected one sends the record back to verification', () => {
    const accepted = transitionRectification(snap('appealing'), sample.decide_appeal, 'supervisor', policy);
    expect(accepted.next.status).toBe('excluded');
    expect(accepted.effects).toContainEqual({ type: 'excludeEvaluation' });
    const rejected = transitionRectification(
      snap('appealing'),
      { type: 'decide_appeal', accept: false, opinion: '证据不足' },
      'supervisor',
      policy,
    );
    expect(rejected.next.status).toBe('verifying');
  });

  it('a decision without its text is refused, naming the field', () => {
    let err: unknown;
    try {
      transitionRectification(
        snap('verifying'),
        { type: 'decide', decision: 'explain', text: ' ' },
        'handler',
        policy,
      );
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.fields).toEqual({ text: 'rule.required' });
  });
});

import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  complaintActionAllowed,
  complaintActions,
  complaintKinds,
  complaintStatuses,
  replyRates,
  transitionComplaint,
} from './complaints';

const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
};

describe('complaint handling', () => {
  it('every (kind, status, action) either moves or answers COMPLAINT_INVALID_TRANSITION', () => {
    for (const kind of complaintKinds)
      for (const status of complaintStatuses)
        for (const action of complaintActions) {
          const s = { kind, status, assessment: 'dissatisfied' as const };
          const code = codeOf(() => transitionComplaint(s, action, 'satisfied'));
          if (complaintActionAllowed(s, action)) expect(code).toBeNull();
          else expect(code).toBe('COMPLAINT_INVALID_TRANSITION');
        }
  });

  it('a complaint is assigned, replied, assessed and closed; praise is acknowledged', () => {
    let s = { kind: 'complaint' as const, status: 'received' as const, assessment: null } as Parameters<
      typeof transitionComplaint
    >[0];
    s = transitionComplaint(s, 'assign');
    s = transitionComplaint(s, 'reply');
    s = transitionComplaint(s, 'assess', 'satisfied');
    expect(s).toMatchObject({ status: 'replied', assessment: 'satisfied' });
    expect(transitionComplaint(s, 'close').status).toBe('closed');
    expect(
      codeOf(() => transitionComplaint({ kind: 'praise', status: 'received', assessment: null }, 'assign')),
    ).toBe('COMPLAINT_INVALID_TRANSITION');
  });

  it('only a dissatisfied complainant reopens the complaint', () => {
    expect(
      codeOf(() =>
        transitionComplaint({ kind: 'complaint', status: 'replied', assessment: 'satisfied' }, 'reopen'),
      ),
    ).toBe('COMPLAINT_INVALID_TRANSITION');
    expect(
      transitionComplaint({ kind: 'complaint', status: 'replied', assessment: 'dissatisfied' }, 'reopen')
        .status,
    ).toBe('assigned');
  });

  it('办复率 and 按时答复率: open overdue items count as late, open items not yet due are left out', () => {
    expect(replyRates({ received: 10, replied: 8, repliedOnTime: 6, openOverdue: 1 })).toEqual({
      replyRate: 0.8,
      onTimeRate: 6 / 9,
    });
    expect(replyRates({ received: 0, replied: 0, repliedOnTime: 0, openOverdue: 0 })).toEqual({
      replyRate: null,
      onTimeRate: null,
    });
  });
});

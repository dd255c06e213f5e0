import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { formatInstant, instantOfCivil } from '../calendar/civil-time';
import { isAppError } from '../errors';
import {
  hotlineActionAllowed,
  hotlineActions,
  hotlineDues,
  hotlineStatuses,
  overdueSupervisions,
  transitionHotline,
  type HotlineActor,
  type HotlineEvent,
  type HotlineSnapshot,
} from './hotline';
import { DEFAULT_POLICIES } from './policy';

const calendar = chinaCalendar();
const ordinary = DEFAULT_POLICIES.hotline.ordinary;
const at = (day: string, hhmm = '10:00') => instantOfCivil(day, hhmm);
const fmt = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);
const base = (p: Partial<HotlineSnapshot> = {}): HotlineSnapshot => ({
  status: 'received',
  dispatchedAt: null,
  signedAt: null,
  repliedAt: null,
  extensionDays: 0,
  supervised: [],
  supervisionLevel: 0,
  ...p,
});
const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
};
const sample: Record<HotlineEvent['type'], HotlineEvent> = {
  dispatch: { type: 'dispatch', leadUnit: 'A', coUnits: ['B'] },
  sign: { type: 'sign' },
  handle: { type: 'handle', note: '已联系来电人' },
  return: { type: 'return', reason: '非本单位职责' },
  extend: { type: 'extend', days: 3, reason: '需现场核查' },
  reply: { type: 'reply', text: '已处理' },
  reject_reply: { type: 'reject_reply', reason: '答复不完整' },
  supervise: { type: 'supervise', reason: 'manual', note: '请尽快办理' },
  conclude: { type: 'conclude' },
  visit: { type: 'visit', note: '来电人认可', reached: true },
  evaluate: { type: 'evaluate', level: 'satisfied' },
};

describe('12345 limits per category on the working-day clock', () => {
  it('an ordinary order: sign in 1, reply in 5, return within 2 working days of the dispatch', () => {
    const d = hotlineDues(at('2026-03-02'), ordinary, 0, calendar);
    expect(fmt(d.signDue)).toBe('2026-03-03T17:30:00+08:00');
    expect(fmt(d.replyDue)).toBe('2026-03-09T17:30:00+08:00');
    expect(fmt(d.returnDue)).toBe('2026-03-04T17:30:00+08:00');
  });
  it('an urgent order signs within 2 working hours', () => {
    const d = hotlineDues(at('2026-03-02', '11:00'), DEFAULT_POLICIES.hotline.urgent, 0, calendar);
    expect(fmt(d.signDue)).toBe('2026-03-02T15:30:00+08:00');
  });
  it('the reply limit skips the Spring Festival and grows with the one extension', () => {
    const d = hotlineDues(at('2026-02-12'), ordinary, 0, calendar);
    expect(fmt(d.replyDue)).toBe('2026-02-26T17:30:00+08:00');
    // 02-28 (Sat) is a make-up working day.
    expect(fmt(hotlineDues(at('2026-02-12'), ordinary, 5, calendar).replyDue)).toBe(
      '2026-03-04T17:30:00+08:00',
    );
  });
});

describe('the work-order transition table', () => {
  const actors: HotlineActor[] = ['dispatcher', 'unit', 'system'];
  const dispatched = at('2026-03-02');
  const now = at('2026-03-03');
  const dues = hotlineDues(dispatched, ordinary, 0, calendar);

  it('every (status, action, actor) either moves or answers a stable error', () => {
    for (const status of hotlineStatuses)
      for (const action of hotlineActions)
        for (const actor of actors) {
          const s = base({ status, dispatchedAt: dispatched });
          const code = codeOf(() => transitionHotline(s, sample[action], actor, now, ordinary, dues));
          if (hotlineActionAllowed(status, action, actor)) expect(code).toBeNull();
          else expect(['HOTLINE_INVALID_TRANSITION', 'FORBIDDEN']).toContain(code);
        }
  });

  it('the full flow 受理 → 派单 → 签收 → 办理 → 回复 → 办结 → 回访 → 评价', () => {
    let s = base();
    const steps: [HotlineEvent['type'], HotlineActor][] = [
      ['dispatch', 'dispatcher'],
      ['sign', 'unit'],
      ['handle', 'unit'],
      ['reply', 'unit'],
      ['conclude', 'dispatcher'],
      ['visit', 'dispatcher'],
      ['evaluate', 'dispatcher'],
    ];
    for (const [a, who] of steps) s = transitionHotline(s, sample[a], who, now, ordinary, dues).next;
    expect(s.status).toBe('evaluated');
  });

  it('a wrongly routed order is returned within 2 working days, not after', () => {
    const s = base({ status: 'signed', dispatchedAt: dispatched });
    expect(
      transitionHotline(s, sample.return, 'unit', at('2026-03-04', '17:00'), ordinary, dues).next.status,
    ).toBe('returned');
    expect(
      codeOf(() => transitionHotline(s, sample.return, 'unit', at('2026-03-05', '09:00'), ordinary, dues)),
    ).toBe('HOTLINE_RETURN_WINDOW_PASSED');
  });

  it('a re-dispatch starts a new clock and forgets the old unit’s supervision', () => {
    const s = base({
      status: 'returned',
      dispatchedAt: dispatched,
      supervised: ['sign_overdue'],
      supervisionLevel: 1,
    });
    const r = transitionHotline(s, sample.dispatch, 'dispatcher', now, ordinary, dues).next;
    expect(r).toMatchObject({ status: 'dispatched', dispatchedAt: now, supervised: [], supervisionLevel: 1 });
  });

  it('a late reply earns the 督办 it had not yet received', () => {
    const s = base({ status: 'handling', dispatchedAt: dispatched, signedAt: dispatched });
    const late = at('2026-03-10');
    const r = transitionHotline(s, sample.reply, 'unit', late, ordinary, dues);
    expect(r.supervisions).toEqual(['reply_overdue']);
    expect(r.next).toMatchObject({ status: 'replied', supervisionLevel: 1 });
  });

  it('the sweep finds overdue sign and reply once each', () => {
    const s = base({ status: 'dispatched', dispatchedAt: dispatched });
    expect(overdueSupervisions(s, dues, at('2026-03-02', '17:00'))).toEqual([]);
    expect(overdueSupervisions(s, dues, at('2026-03-10'))).toEqual(['sign_overdue', 'reply_overdue']);
    expect(overdueSupervisions({ ...s, supervised: ['sign_overdue'] }, dues, at('2026-03-10'))).toEqual([
      'reply_overdue',
    ]);
  });

  it('one extension, within the category maximum', () => {
    const s = base({ status: 'handling', dispatchedAt: dispatched });
    expect(
      codeOf(() =>
        transitionHotline(
          s,
          { ...sample.extend, days: 6 } as HotlineEvent,
          'dispatcher',
          now,
          ordinary,
          dues,
        ),
      ),
    ).toBe('HOTLINE_EXTENSION_TOO_LONG');
    const e = transitionHotline(s, sample.extend, 'dispatcher', now, ordinary, dues).next;
    expect(codeOf(() => transitionHotline(e, sample.extend, 'dispatcher', now, ordinary, dues))).toBe(
      'HOTLINE_EXTENSION_USED',
    );
  });

  it('a lead unit cannot also be a co-unit', () => {
    expect(
      codeOf(() =>
        transitionHotline(
          base(),
          { type: 'dispatch', leadUnit: 'A', coUnits: ['A'] },
          'dispatcher',
          now,
          ordinary,
          dues,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});

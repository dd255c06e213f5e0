import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOfCivil } from '../calendar/civil-time';
import {
  activeStandIns,
  dutySegments,
  onDutyAt,
  planSubstitution,
  type Absence,
  type StaffPost,
  type Substitution,
  type WindowDay,
} from './duty';
import { hhmm } from './intervals';

const DAY = '2026-03-02';
const at = (t: string) => instantOfCivil(DAY, t).getTime();
const OPEN = [
  { start: 510, end: 690 },
  { start: 840, end: 1050 },
];
const win = (over: Partial<WindowDay> = {}): WindowDay => ({
  windowId: 'W1',
  dayStartMs: at('00:00'),
  isWorkday: true,
  open: OPEN,
  rostered: null,
  assigned: ['A'],
  absences: [],
  substitutions: [],
  ...over,
});
const text = (w: WindowDay) =>
  dutySegments(w)
    .map((s) => `${hhmm(s.start)}-${hhmm(s.end)}:${s.staffIds.join('+')}`)
    .join(' ');

describe('duty at a window', () => {
  it('the officer posted at the window is on duty through the working day', () => {
    expect(text(win())).toBe('08:30-11:30:A 14:00-17:30:A');
  });

  it('nobody is on duty on a rest day unless rostered (weekend duty, 轮值)', () => {
    expect(text(win({ isWorkday: false }))).toBe('');
    expect(text(win({ isWorkday: false, rostered: ['C'] }))).toBe('08:30-11:30:C 14:00-17:30:C');
  });

  it('the roster replaces the posted officers for the day', () => {
    expect(text(win({ rostered: ['C', 'D'] }))).toBe('08:30-11:30:C+D 14:00-17:30:C+D');
  });

  it('a meeting takes the officer off duty: the window is closed meanwhile', () => {
    const meeting: Absence = { staffId: 'A', fromMs: at('09:30'), toMs: at('10:30') };
    expect(text(win({ absences: [meeting] }))).toBe('08:30-09:30:A 10:30-11:30:A 14:00-17:30:A');
  });
});

describe('AB posts (AB岗)', () => {
  const staff: StaffPost[] = [
    { id: 'A', windowId: 'W1', backupOfId: null, active: true },
    { id: 'B', windowId: 'W2', backupOfId: 'A', active: true },
    { id: 'B2', windowId: 'W3', backupOfId: 'A', active: true },
    { id: 'X', windowId: null, backupOfId: null, active: true },
  ];
  const leave: Absence = { staffId: 'A', fromMs: at('08:00'), toMs: at('18:00') };
  const sub: Substitution = {
    absentId: 'A',
    standInId: 'B',
    windowId: 'W1',
    fromMs: leave.fromMs,
    toMs: leave.toMs,
  };

  it('B stands in at A’s window while A is on leave, and is not counted at B’s own window', () => {
    expect(text(win({ absences: [leave], substitutions: [sub] }))).toBe('08:30-11:30:B 14:00-17:30:B');
    expect(text(win({ windowId: 'W2', assigned: ['B'], absences: [leave], substitutions: [sub] }))).toBe('');
  });

  it('plans the designated B post, skipping a B who is absent or already standing in', () => {
    const plan = planSubstitution({
      absentId: 'A',
      fromMs: leave.fromMs,
      toMs: leave.toMs,
      staff,
      absences: [leave],
      substitutions: [],
    });
    expect(plan).toEqual({ standInId: 'B', windowId: 'W1', problem: null });
    const bAway: Absence = { staffId: 'B', fromMs: at('15:00'), toMs: at('16:00') };
    expect(
      planSubstitution({
        absentId: 'A',
        fromMs: leave.fromMs,
        toMs: leave.toMs,
        staff,
        absences: [leave, bAway],
        substitutions: [],
      }).standInId,
    ).toBe('B2');
  });

  it('says why no substitution is possible', () => {
    const args = { fromMs: leave.fromMs, toMs: leave.toMs, staff, absences: [], substitutions: [] };
    expect(planSubstitution({ ...args, absentId: 'X' }).problem).toBe('no_window');
    expect(planSubstitution({ ...args, absentId: 'B' }).problem).toBe('no_backup');
    const busy = [
      { ...sub, absentId: 'Q', windowId: 'W9' },
      { ...sub, absentId: 'Q', standInId: 'B2', windowId: 'W9' },
    ];
    expect(planSubstitution({ ...args, absentId: 'A', substitutions: busy }).problem).toBe(
      'backup_unavailable',
    );
  });

  it('B sees whom it stands in for only while the substitution lasts', () => {
    expect(activeStandIns([sub], 'B', at('10:00'))).toEqual(['A']);
    expect(activeStandIns([sub], 'B', at('18:00'))).toEqual([]);
    expect(activeStandIns([sub], 'A', at('10:00'))).toEqual([]);
  });

  it('at no minute is a person on duty at two windows', () => {
    const ms = fc.integer({ min: at('08:00'), max: at('18:00') });
    const spanOf = fc.tuple(ms, ms).map(([a, b]) => ({ fromMs: Math.min(a, b), toMs: Math.max(a, b) }));
    fc.assert(
      fc.property(
        fc.array(spanOf, { maxLength: 3 }),
        spanOf,
        fc.integer({ min: 510, max: 1049 }),
        (absences, s, m) => {
          const subs = [{ ...s, absentId: 'A', standInId: 'B', windowId: 'W1' }];
          const abs = absences.map((a, i) => ({ ...a, staffId: ['A', 'B', 'A'][i]! }));
          const w1 = dutySegments(win({ absences: abs, substitutions: subs }));
          const w2 = dutySegments(
            win({ windowId: 'W2', assigned: ['B'], absences: abs, substitutions: subs }),
          );
          const both = [...onDutyAt(w1, m), ...onDutyAt(w2, m)];
          expect(new Set(both).size).toBe(both.length);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { formatInstant } from '../calendar/civil-time';
import { evaluateCase } from './evaluate';
import { at, buildCase, only } from './supervision.fixtures';
import type { SupervisedCase, RuleSet } from './supervision.types';

const calendar = chinaCalendar();
const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);

function run(kase: SupervisedCase, now: Date, rules: RuleSet = only('deadline')) {
  return evaluateCase({ kase, rules, now, calendar });
}
const levels = (r: ReturnType<typeof run>) => r.findings.map((f) => f.level);

// Accepted Monday 2026-03-02 10:00 with 5 working days: due Monday 03-09 17:30 (the day of
// acceptance is not counted; the weekend 03-07/08 is skipped).
const kase = buildCase();

describe('deadline rule: warning 1 working day before the due, yellow at the due, red 3 after the yellow', () => {
  it('nothing on the day of acceptance; the next check is when 1 working day is left', () => {
    const r = run(kase, at('2026-03-02', '11:00'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-06T17:30:00+08:00');
  });

  it('the warning comes exactly when 1 working day is left, and cites the clock', () => {
    expect(levels(run(kase, at('2026-03-06', '17:29')))).toEqual([]);
    const r = run(kase, at('2026-03-06', '17:30'));
    expect(levels(r)).toEqual(['warning']);
    expect(r.findings[0]!.explanation.zh).toContain('2026-03-09 17:30 到期');
    expect(r.findings[0]!.explanation.zh).toContain('到期前 1 个工作日');
    expect(r.findings[0]!.facts.clock).toMatchObject({ remainingWorkingDays: 1, elapsedWorkingDays: 4 });
    // The weekend does not count: on Sunday one working day is still left, no yellow yet.
    expect(levels(run(kase, at('2026-03-08', '12:00')))).toEqual(['warning']);
    expect(iso(r.nextCheckAt)).toBe('2026-03-09T17:30:00.001+08:00');
  });

  it('the yellow card comes after the due instant, not at it', () => {
    expect(levels(run(kase, at('2026-03-09', '17:30')))).toEqual(['warning']);
    const r = run(kase, at('2026-03-09', '17:31'));
    expect(levels(r)).toEqual(['warning', 'yellow']);
    expect(r.findings[1]!.thresholdAt).toBe('2026-03-09T17:30:00+08:00');
    expect(r.findings[1]!.explanation.en).toContain('past the promised due');
    expect(iso(r.nextCheckAt)).toBe('2026-03-12T17:30:00+08:00');
  });

  it('the red card comes 3 working days after the yellow one', () => {
    expect(levels(run(kase, at('2026-03-12', '17:29')))).toEqual(['warning', 'yellow']);
    const r = run(kase, at('2026-03-12', '17:30'));
    expect(levels(r)).toEqual(['warning', 'yellow', 'red']);
    expect(r.findings[2]!.facts.clock).toMatchObject({ overdueWorkingDays: 3, state: 'overdue' });
    expect(r.nextCheckAt).toBeNull();
  });

  it('a concluded case has no live deadline finding', () => {
    const done = buildCase({ status: 'concluded', outcome: 'approved', concludedAt: at('2026-03-11') });
    expect(run(done, at('2026-03-20')).findings).toEqual([]);
    expect(run(done, at('2026-03-20')).nextCheckAt).toBeNull();
  });
});

describe('the clock moves the thresholds: holidays, pauses, extensions', () => {
  it('over the Spring Festival the warning waits for the working days after the holiday', () => {
    // Accepted Thu 2026-02-12: 02-13 (Fri) and 02-14 (调休 Saturday) count, then the holiday until
    // 02-23, so 5 working days end on Thu 02-26.
    const k = buildCase({ acceptedAt: at('2026-02-12'), receivedAt: at('2026-02-12', '09:00') });
    const r = run(k, at('2026-02-20'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-02-25T17:30:00+08:00');
    expect(levels(run(k, at('2026-02-26', '18:00')))).toEqual(['warning', 'yellow']);
  });

  it('while a special procedure is open nothing new happens and no re-check is asked', () => {
    const k = buildCase({
      status: 'paused',
      pauses: [
        {
          id: 'p1',
          kind: 'site_check',
          from: at('2026-03-04'),
          to: null,
          expectedWorkingDays: 10,
          result: null,
        },
      ],
    });
    const r = run(k, at('2026-03-13'));
    expect(r.findings).toEqual([]);
    expect(r.nextCheckAt).toBeNull();
  });

  it('a closed pause of 2 working days moves the warning and the yellow card by 2 working days', () => {
    const k = buildCase({
      pauses: [
        {
          id: 'p1',
          kind: 'inspection',
          from: at('2026-03-03'),
          to: at('2026-03-05'),
          expectedWorkingDays: 2,
          result: '合格',
        },
      ],
    });
    // Due moves from 03-09 to 03-11 17:30; 1 working day before it is 03-10 17:30.
    const r = run(k, at('2026-03-06'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-10T17:30:00+08:00');
    const y = run(k, at('2026-03-12', '09:00'));
    expect(levels(y)).toEqual(['warning', 'yellow']);
    expect(y.findings[1]!.explanation.zh).toContain('特别程序 2 个工作日不计');
  });

  it('an extension of 10 working days takes the case out of the warning', () => {
    const before = run(kase, at('2026-03-09', '09:00'));
    expect(levels(before)).toEqual(['warning']);
    const extended = buildCase({ extensions: [{ amount: 10, unit: 'workday', approvedBy: '局长' }] });
    const after = run(extended, at('2026-03-09', '09:00'));
    expect(after.findings).toEqual([]);
    // New due 03-23 17:30; the warning now comes on 03-20 17:30.
    expect(iso(after.nextCheckAt)).toBe('2026-03-20T17:30:00+08:00');
  });
});

describe('percentage points (Yulin: yellow at 90 % of the limit, red when the limit is exceeded)', () => {
  const rules = only('deadline', {
    warning: { ref: 'percent', value: 60 },
    yellow: { ref: 'percent', value: 90 },
    red: { ref: 'due', value: 0 },
  });
  const ten = buildCase({ limit: { amount: 10, unit: 'workday' } });

  it('warning at 6 of 10 working days, yellow at 9, red after the due', () => {
    // Counting from 03-03: 6 working days end 03-10 17:30, 9 end 03-13 17:30, the due is 03-16 17:30.
    expect(iso(run(ten, at('2026-03-02', '11:00'), rules).nextCheckAt)).toBe('2026-03-10T17:30:00+08:00');
    expect(levels(run(ten, at('2026-03-10', '17:30'), rules))).toEqual(['warning']);
    expect(levels(run(ten, at('2026-03-13', '17:30'), rules))).toEqual(['warning', 'yellow']);
    expect(levels(run(ten, at('2026-03-16', '17:30'), rules))).toEqual(['warning', 'yellow']);
    expect(levels(run(ten, at('2026-03-16', '17:31'), rules))).toEqual(['warning', 'yellow', 'red']);
  });

  it('a warning that would come after the yellow card for a short limit is skipped', () => {
    const mixed = only('deadline', {
      warning: { ref: 'percent', value: 80 },
      yellow: { ref: 'due', value: -1 },
    });
    // Limit 3: 80 % = 2.4 working days, yellow at 3 − 1 = 2 working days.
    const r = run(buildCase({ limit: { amount: 3, unit: 'workday' } }), at('2026-03-05', '12:00'), mixed);
    expect(levels(r)).toEqual(['yellow']);
  });

  it('a warning N working days before the due of a limit of N days or less is skipped', () => {
    const one = buildCase({ limit: { amount: 1, unit: 'workday' } });
    const r = run(one, at('2026-03-02', '11:00'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-03T17:30:00.001+08:00');
  });
});

describe('limits in other units', () => {
  it('a natural-day limit is measured on the same working-day axis', () => {
    // 7 calendar days from 03-02 end Mon 03-09: the same due as 5 working days.
    const k = buildCase({ limit: { amount: 7, unit: 'day' } });
    expect(levels(run(k, at('2026-03-09', '17:31')))).toEqual(['warning', 'yellow']);
  });

  it('a working-hour limit falls due inside a working day and the yellow card follows it', () => {
    // 4 working hours from Mon 10:00: 10:00–11:30 (1.5 h), 14:00–16:30 (2.5 h) → due 16:30.
    const k = buildCase({ limit: { amount: 4, unit: 'workhour' } });
    const r = run(k, at('2026-03-02', '16:31'), only('deadline', { warning: null }));
    expect(levels(r)).toEqual(['yellow']);
    expect(r.findings[0]!.thresholdAt).toBe('2026-03-02T16:30:00+08:00');
  });
});

import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { formatInstant } from '../calendar/civil-time';
import { evaluateCase, effectiveRules } from './evaluate';
import { at, buildCase, only, rule } from './supervision.fixtures';
import type { RuleSet, SupervisedCase, SupervisedPause } from './supervision.types';

const calendar = chinaCalendar();
const iso = (d: Date | null) => (d ? formatInstant(d.getTime()) : null);
const run = (kase: SupervisedCase, now: Date, rules: RuleSet) => evaluateCase({ kase, rules, now, calendar });
const keys = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.rule}/${f.level}/${f.subject}`);

const pause = (over: Partial<SupervisedPause> = {}): SupervisedPause => ({
  id: 'p1',
  kind: 'expert_review',
  from: at('2026-03-03'),
  to: null,
  expectedWorkingDays: 3,
  result: null,
  ...over,
});

describe('step overdue (环节超时)', () => {
  const step = {
    index: 0,
    name: '受理审查',
    enteredAt: at('2026-03-02'),
    limit: { amount: 1, unit: 'workday' as const },
  };
  const k = buildCase({ limit: { amount: 10, unit: 'workday' }, step });

  it('the step of 1 working day is due Tue 17:30; the card follows while the case is not overdue', () => {
    const r = run(k, at('2026-03-03', '12:00'), only('step_overdue'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-03T17:30:00.001+08:00');
    const late = run(k, at('2026-03-04', '09:00'), only('step_overdue'));
    expect(keys(late)).toEqual(['step_overdue/warning/step:0']);
    expect(late.findings[0]!.explanation.zh).toContain('办件总时限尚未到期');
  });

  it('a pause during the step gives its working days back to the step too', () => {
    const paused = buildCase({
      ...k,
      pauses: [pause({ from: at('2026-03-03', '08:30'), to: at('2026-03-04', '08:30') })],
    });
    expect(run(paused, at('2026-03-04', '12:00'), only('step_overdue')).findings).toEqual([]);
    expect(keys(run(paused, at('2026-03-05', '09:00'), only('step_overdue')))).toEqual([
      'step_overdue/warning/step:0',
    ]);
  });

  it('grace working days delay the card', () => {
    const r = run(k, at('2026-03-04', '09:00'), only('step_overdue', { graceWorkdays: 2 }));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-05T17:30:00+08:00');
  });
});

describe('pause overrun and pauses without a result', () => {
  const open = buildCase({ status: 'paused', pauses: [pause()] });

  it('past the announced 3 working days (from Tue 10:00: Fri 10:00) the card comes, in working time', () => {
    const r = run(open, at('2026-03-06', '09:59'), only('pause_overrun'));
    expect(r.findings).toEqual([]);
    // Just after 10:00 (a hair of a working day later, so the check lands past the limit).
    expect(iso(r.nextCheckAt)).toMatch(/^2026-03-06T10:00:00\.0\d\d\+08:00$/);
    const late = run(open, at('2026-03-06', '10:05'), only('pause_overrun'));
    expect(keys(late)).toEqual(['pause_overrun/yellow/pause:p1']);
    expect(late.findings[0]!.explanation.zh).toContain('「专家评审」');
    expect(late.findings[0]!.facts).toMatchObject({ byMax: false, expectedWorkingDays: 3 });
  });

  it('a holiday inside the pause is not counted against it', () => {
    const cny = buildCase({
      status: 'paused',
      acceptedAt: at('2026-02-10'),
      receivedAt: at('2026-02-10', '09:00'),
      pauses: [pause({ from: at('2026-02-12'), expectedWorkingDays: 3 })],
    });
    // 02-12 10:00 + 3 working days: 02-13, 02-14 (调休), then 02-24 10:00.
    expect(run(cny, at('2026-02-23', '12:00'), only('pause_overrun')).findings).toEqual([]);
    expect(keys(run(cny, at('2026-02-24', '10:30'), only('pause_overrun')))).toEqual([
      'pause_overrun/yellow/pause:p1',
    ]);
  });

  it('the center maximum applies when it comes first, or when no duration was announced', () => {
    const noDuration = buildCase({ status: 'paused', pauses: [pause({ expectedWorkingDays: null })] });
    const r = run(noDuration, at('2026-03-05', '11:00'), only('pause_overrun', { maxWorkdays: 2 }));
    expect(r.findings[0]!.facts).toMatchObject({ byMax: true });
    expect(r.findings[0]!.explanation.en).toContain('center maximum of 2');
  });

  it('a resumed pause is no longer an overrun (its card clears); without a result it is on record', () => {
    const resumed = buildCase({ pauses: [pause({ to: at('2026-03-09') })] });
    const rules = effectiveRules([rule('pause_overrun'), rule('pause_no_result')], []);
    expect(keys(run(resumed, at('2026-03-09', '11:00'), rules))).toEqual([
      'pause_no_result/warning/pause:p1',
    ]);
    const withResult = buildCase({ pauses: [pause({ to: at('2026-03-09'), result: '评审通过' })] });
    expect(run(withResult, at('2026-03-09', '11:00'), rules).findings).toEqual([]);
  });
});

describe('the 5-working-day watchdog (行政许可法 第32条)', () => {
  const received = buildCase({ status: 'received', acceptedAt: null, receivedAt: at('2026-03-02') });

  it('warns 1 working day before the end and flags at the end', () => {
    const r = run(received, at('2026-03-03'), only('five_day'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-06T17:30:00+08:00');
    expect(keys(run(received, at('2026-03-06', '17:30'), only('five_day')))).toEqual([
      'five_day/warning/near',
    ]);
    const breach = run(received, at('2026-03-09', '17:31'), only('five_day'));
    expect(keys(breach)).toEqual(['five_day/red/']);
    expect(breach.findings[0]!.persistence).toBe('record');
    expect(breach.findings[0]!.explanation.zh).toContain('视为受理');
  });

  it('a supplement notice in time ends the watch; an acceptance too late is on record', () => {
    const told = buildCase({
      ...received,
      status: 'supplement_requested',
      supplementRequestedAt: at('2026-03-04'),
    });
    expect(run(told, at('2026-03-20'), only('five_day'))).toEqual({
      findings: [],
      kept: [],
      nextCheckAt: null,
    });
    const late = buildCase({ ...received, status: 'accepted', acceptedAt: at('2026-03-10') });
    expect(keys(run(late, at('2026-03-20'), only('five_day')))).toEqual(['five_day/red/']);
  });

  it('over a holiday the five days count working days only', () => {
    const k = buildCase({ status: 'received', acceptedAt: null, receivedAt: at('2026-02-12') });
    expect(keys(run(k, at('2026-02-26', '17:00'), only('five_day')))).toEqual(['five_day/warning/near']);
    expect(keys(run(k, at('2026-02-26', '17:31'), only('five_day')))).toEqual(['five_day/red/']);
  });
});

describe('negative decisions, fees, late acceptance, immediate cases', () => {
  it('a denial without a reason, and not reported within 1 working day', () => {
    const denied = buildCase({
      status: 'concluded',
      outcome: 'denied',
      concludedAt: at('2026-03-04'),
      decisionReason: ' ',
    });
    const r = run(denied, at('2026-03-05', '17:00'), only('negative_unreported'));
    expect(keys(r)).toEqual(['negative_unreported/yellow/reason']);
    expect(iso(r.nextCheckAt)).toBe('2026-03-05T17:30:00.001+08:00');
    expect(keys(run(denied, at('2026-03-05', '17:31'), only('negative_unreported')))).toEqual([
      'negative_unreported/yellow/reason',
      'negative_unreported/yellow/report',
    ]);
    const reported = buildCase({
      ...denied,
      decisionReason: '不符合条件',
      negativeReportedAt: at('2026-03-04', '15:00'),
    });
    expect(run(reported, at('2026-03-20'), only('negative_unreported')).findings).toEqual([]);
  });

  it('a fee that differs from the standard beyond the tolerance', () => {
    const k = buildCase({ fee: { chargedFen: 12_000, standardFen: 10_000, reason: null } });
    const r = run(k, at('2026-03-03'), only('fee_mismatch'));
    expect(keys(r)).toEqual(['fee_mismatch/red/fee']);
    expect(r.findings[0]!.explanation.zh).toContain('多收 20.00 元');
    expect(run(k, at('2026-03-03'), only('fee_mismatch', { toleranceFen: 2000 })).findings).toEqual([]);
  });

  it('acceptance entered more than 30 minutes after the ticket call', () => {
    const k = buildCase({ ticketCalledAt: at('2026-03-02', '09:20'), acceptedAt: at('2026-03-02', '10:00') });
    expect(keys(run(k, at('2026-03-03'), only('acceptance_late')))[0]).toBe('acceptance_late/warning/ticket');
    const quick = buildCase({ ticketCalledAt: at('2026-03-02', '09:40') });
    expect(run(quick, at('2026-03-03'), only('acceptance_late')).findings).toEqual([]);
  });

  it('an immediate case not concluded by the end of the working day of acceptance', () => {
    const k = buildCase({ immediate: true, limit: { amount: 0, unit: 'workday' } });
    const r = run(k, at('2026-03-02', '17:00'), only('immediate_not_same_day'));
    expect(r.findings).toEqual([]);
    expect(iso(r.nextCheckAt)).toBe('2026-03-02T17:30:00.001+08:00');
    expect(keys(run(k, at('2026-03-02', '17:31'), only('immediate_not_same_day')))).toEqual([
      'immediate_not_same_day/yellow/',
    ]);
    const sameDay = buildCase({
      ...k,
      status: 'concluded',
      outcome: 'approved',
      concludedAt: at('2026-03-02', '16:00'),
    });
    expect(run(sameDay, at('2026-03-05'), only('immediate_not_same_day')).findings).toEqual([]);
  });
});

describe('rule sets', () => {
  it('an item override replaces the center rule whole; a disabled rule finds nothing', () => {
    const center = [rule('fee_mismatch'), rule('acceptance_late')];
    const set = effectiveRules(center, [{ ...rule('fee_mismatch', { toleranceFen: 5000 }) }]);
    expect(set.fee_mismatch?.thresholds).toEqual({ toleranceFen: 5000 });
    const k = buildCase({ fee: { chargedFen: 12_000, standardFen: 10_000, reason: '加急' } });
    expect(run(k, at('2026-03-03'), set).findings).toEqual([]);
    const off = effectiveRules([{ ...rule('fee_mismatch'), enabled: false }], []);
    expect(run(k, at('2026-03-03'), off).findings).toEqual([]);
  });
});

describe('findings whose cards exist already', () => {
  it('come back as heads only (no text is built again); new ones come with their text', () => {
    const k = buildCase({ fee: { chargedFen: 12_000, standardFen: 10_000, reason: null } });
    const rules = effectiveRules([rule('fee_mismatch'), rule('deadline')], []);
    const r = evaluateCase({
      kase: k,
      rules,
      now: at('2026-03-10'),
      calendar,
      known: new Set(['fee_mismatch|red|fee']),
    });
    expect(r.kept).toEqual([expect.objectContaining({ rule: 'fee_mismatch', level: 'red', subject: 'fee' })]);
    expect(r.findings.map((f) => `${f.rule}/${f.level}`)).toEqual(['deadline/warning', 'deadline/yellow']);
    expect(r.findings[0]!.explanation.zh).toContain('到期');
  });
});

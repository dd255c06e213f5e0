import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { formatInstant, instantOfCivil } from '../calendar/civil-time';
import { AppError } from '../errors';
import { clockValue } from './clock-value';
import { computeDeadline } from './deadline';
import type { ClockInput, ExplanationEntry } from './clock.types';

const calendar = chinaCalendar();
const at = (day: string, hhmm = '10:00') => instantOfCivil(day, hhmm);
const iso = (d: Date | undefined) => (d ? formatInstant(d.getTime()) : undefined);

const base = (over: Partial<ClockInput>): ClockInput => ({
  start: at('2025-03-03'),
  limit: { amount: 5, unit: 'workday' },
  now: at('2025-03-05', '11:00'),
  calendar,
  ...over,
});

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const kinds = (entries: ExplanationEntry[]) => entries.map((e) => e.kind);

describe('the state of a clock', () => {
  it('running: working days used and left add up to the limit', () => {
    const v = clockValue(base({}));
    expect(v.state).toBe('running');
    expect(iso(v.due)).toBe('2025-03-10T17:30:00+08:00');
    // 03-04 whole + 03-05 08:30–11:00 (2.5 of 6.5 h).
    expect(v.elapsedWorkingDays).toBeCloseTo(1 + 2.5 / 6.5, 6);
    expect(v.elapsedWorkingDays + v.remainingWorkingDays).toBeCloseTo(5, 6);
    expect(v.pausedWorkingDays).toBe(0);
  });

  it('paused while a pause is open; the due moves with now', () => {
    const v = clockValue(
      base({ pauses: [{ from: at('2025-03-05', '09:00'), to: null, kind: 'site_check' }] }),
    );
    expect(v.state).toBe('paused');
    expect(iso(v.due)).toBe('2025-03-11T10:30:00+08:00');
    expect(v.pausedWorkingDays).toBeCloseTo(2 / 6.5, 6);
    expect(v.elapsedWorkingDays).toBeCloseTo(1 + 0.5 / 6.5, 6);
    expect(v.elapsedWorkingDays + v.remainingWorkingDays).toBeCloseTo(5, 6);
    const later = clockValue(
      base({ now: at('2025-03-05', '15:00'), pauses: [{ from: at('2025-03-05', '09:00') }] }),
    );
    expect(iso(later.due)).toBe('2025-03-11T14:30:00+08:00');
  });

  it('overdue after the due instant, not at it', () => {
    expect(clockValue(base({ now: at('2025-03-10', '17:30') })).state).toBe('running');
    const v = clockValue(base({ now: at('2025-03-12', '10:00') }));
    expect(v.state).toBe('overdue');
    expect(v.remainingWorkingDays).toBe(0);
    expect(v.overdueWorkingDays).toBeCloseTo(1 + 1.5 / 6.5, 6);
  });

  it('an extension approved after the due brings an overdue case back to running', () => {
    const extension = {
      amount: 10,
      unit: 'workday' as const,
      approvedBy: '张局长',
      reason: '需补充现场核查',
      approvedAt: at('2025-03-12', '09:00'),
    };
    const v = clockValue(base({ now: at('2025-03-12', '10:00'), extensions: [extension] }));
    expect(v.state).toBe('running');
    expect(iso(v.due)).toBe('2025-03-24T17:30:00+08:00');
    expect(v.explanation).toContainEqual({
      kind: 'extension',
      index: 0,
      amount: 10,
      approvedBy: '张局长',
      reason: '需补充现场核查',
      approvedAt: '2025-03-12T09:00:00+08:00',
      dueAfter: '2025-03-24T17:30:00+08:00',
      approvedAfterDue: true,
    });
  });

  it('stopped at conclusion: on time or late', () => {
    const onTime = clockValue(base({ now: at('2025-03-20'), stoppedAt: at('2025-03-07', '16:00') }));
    expect(onTime.state).toBe('stopped');
    expect(onTime.onTime).toBe(true);
    expect(onTime.elapsedWorkingDays).toBeCloseTo(3 + 5 / 6.5, 6);
    const late = clockValue(base({ now: at('2025-03-20'), stoppedAt: at('2025-03-11', '17:30') }));
    expect(late.onTime).toBe(false);
    expect(late.overdueWorkingDays).toBe(1);
  });

  it('reports the legal due beside the promised one', () => {
    const v = clockValue(
      base({ limit: { amount: 10, unit: 'workday' }, legalLimit: { amount: 20, unit: 'workday' } }),
    );
    expect(iso(v.due)).toBe('2025-03-17T17:30:00+08:00');
    expect(iso(v.legalDue)).toBe('2025-03-31T17:30:00+08:00');
  });

  it('agrees with computeDeadline', () => {
    const input = base({ pauses: [{ from: at('2025-03-04', '15:00'), to: at('2025-03-05', '10:00') }] });
    expect(clockValue(input).due).toEqual(computeDeadline(input).due);
  });
});

describe('the explanation lists every step', () => {
  it('across the 2025 Spring Festival with a pause and an extension', () => {
    const v = clockValue({
      start: at('2025-01-24', '16:00'),
      limit: { amount: 5, unit: 'workday' },
      pauses: [{ from: at('2025-02-05', '14:00'), to: at('2025-02-05', '17:30'), kind: 'inspection' }],
      extensions: [{ amount: 2, unit: 'workday', approvedBy: '李主任' }],
      now: at('2025-02-06', '09:00'),
      calendar,
    });
    expect(v.explanation[0]).toEqual({
      kind: 'start',
      at: '2025-01-24T16:00:00+08:00',
      day: '2025-01-24',
      amount: 5,
      unit: 'workday',
      countingFrom: '2025-01-25T00:00:00+08:00',
      startDayIsWorkday: true,
      afterWorkingHours: false,
    });
    expect(v.explanation).toContainEqual({
      kind: 'makeUpWorkday',
      day: '2025-01-26',
      name: '调休上班（春节）',
    });
    expect(v.explanation).toContainEqual({
      kind: 'holidaySkipped',
      from: '2025-01-28',
      to: '2025-02-04',
      days: 8,
      name: '春节',
    });
    expect(v.explanation).toContainEqual({
      kind: 'pause',
      index: 0,
      pauseKind: 'inspection',
      from: '2025-02-05T14:00:00+08:00',
      to: '2025-02-05T17:30:00+08:00',
      workingDays: 0.538462,
      addedBack: 0.538462,
      unit: 'workday',
      notes: [],
    });
    expect(kinds(v.explanation)).toEqual([
      'start',
      'makeUpWorkday',
      'holidaySkipped',
      'makeUpWorkday',
      'weekendsSkipped',
      'pause',
      'dueBeforeExtensions',
      'extension',
      'due',
      'state',
    ]);
    // 5 days: 01-26, 01-27, 02-05, 02-06, 02-07; +3.5 h → 02-08 (make-up Sat) 14:30; +2 → 02-11 14:30.
    expect(v.explanation).toContainEqual({
      kind: 'dueBeforeExtensions',
      at: '2025-02-08T14:30:00+08:00',
      day: '2025-02-08',
    });
    expect(v.explanation).toContainEqual({ kind: 'due', at: '2025-02-11T14:30:00+08:00', day: '2025-02-11' });
  });

  it('notes overlaps, pauses after the due, and pauses outside working time', () => {
    const v = clockValue(
      base({
        now: at('2025-03-14'),
        pauses: [
          { from: at('2025-03-05', '09:00'), to: at('2025-03-05', '11:00') },
          { from: at('2025-03-05', '10:00'), to: at('2025-03-05', '11:30') },
          { from: at('2025-03-08', '09:00'), to: at('2025-03-09', '12:00') },
          { from: at('2025-03-13', '09:00'), to: at('2025-03-13', '10:00') },
        ],
      }),
    );
    const notes = v.explanation.flatMap((e) => (e.kind === 'pause' ? [e.notes] : []));
    expect(notes).toEqual([[], ['overlapsEarlierPause'], ['outsideWorkingTime'], ['afterDue']]);
    expect(v.pausedWorkingDays).toBeCloseTo(2.5 / 6.5, 6);
  });

  it('a natural-day limit ending in the National Day holiday explains the move', () => {
    const v = clockValue(
      base({ start: at('2025-09-20'), limit: { amount: 12, unit: 'day' }, now: at('2025-09-22') }),
    );
    expect(v.explanation).toContainEqual({
      kind: 'holidaySkipped',
      from: '2025-10-02',
      to: '2025-10-05',
      days: 4,
      name: '国庆节',
    });
    expect(v.explanation).toContainEqual({
      kind: 'holidaySkipped',
      from: '2025-10-06',
      to: '2025-10-06',
      days: 1,
      name: '中秋',
    });
    expect(v.explanation).toContainEqual({ kind: 'rolledToWorkday', from: '2025-10-02', to: '2025-10-09' });
  });
});

describe('bad input is refused with the field named', () => {
  it('a reversed pause', () => {
    const e = appError(() =>
      clockValue(base({ pauses: [{ from: at('2025-03-05', '11:00'), to: at('2025-03-05', '09:00') }] })),
    );
    expect(e.code).toBe('CLOCK_INVALID_PAUSE');
    expect(e.fields).toEqual({ 'pauses.0.to': 'rule.after_from' });
  });

  it('a pause before the start or after now', () => {
    expect(
      appError(() => clockValue(base({ pauses: [{ from: at('2025-03-01'), to: at('2025-03-04') }] }))).fields,
    ).toEqual({
      'pauses.0.from': 'rule.clock_pause_before_start',
    });
    expect(
      appError(() => clockValue(base({ pauses: [{ from: at('2025-03-04'), to: at('2025-03-06') }] }))).fields,
    ).toEqual({
      'pauses.0.to': 'rule.clock_after_now',
    });
  });

  it('an open pause without now (computeDeadline)', () => {
    const e = appError(() =>
      computeDeadline({ ...base({}), now: null, pauses: [{ from: at('2025-03-04') }] }),
    );
    expect(e.fields).toEqual({ 'pauses.0.to': 'rule.clock_open_pause_needs_now' });
  });

  it('negative, fractional or absurd amounts', () => {
    for (const amount of [-1, 1.5, 100_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = appError(() => computeDeadline(base({ limit: { amount, unit: 'workday' } })));
      expect(e.code).toBe('CLOCK_INVALID_AMOUNT');
      expect(e.fields).toEqual({ 'limit.amount': 'rule.clock_amount_days' });
    }
    expect(appError(() => computeDeadline(base({ limit: { amount: 0, unit: 'workhour' } }))).fields).toEqual({
      'limit.amount': 'rule.clock_amount_minutes',
    });
    expect(appError(() => clockValue(base({ legalLimit: { amount: -3, unit: 'day' } }))).fields).toEqual({
      'legalLimit.amount': 'rule.clock_amount_days',
    });
    expect(
      appError(() => computeDeadline(base({ extensions: [{ amount: 0, unit: 'workday' }] }))).fields,
    ).toEqual({
      'extensions.0.amount': 'rule.clock_amount_days',
    });
  });

  it('unknown units', () => {
    const month = JSON.parse('{"amount": 1, "unit": "month"}') as ClockInput['limit'];
    const e = appError(() => computeDeadline(base({ limit: month })));
    expect(e.code).toBe('CLOCK_INVALID_UNIT');
    expect(e.params).toEqual({ field: 'limit.unit', unit: 'month' });
    const ext = JSON.parse('[{"amount": 1, "unit": "day"}]') as ClockInput['extensions'];
    expect(appError(() => computeDeadline(base({ extensions: ext }))).fields).toEqual({
      'extensions.0.unit': 'rule.clock_extension_unit',
    });
  });

  it('invalid dates', () => {
    expect(appError(() => computeDeadline(base({ start: new Date(Number.NaN) }))).fields).toEqual({
      start: 'rule.invalid_instant',
    });
    expect(appError(() => clockValue(base({ stoppedAt: at('2025-03-01') }))).fields).toEqual({
      stoppedAt: 'rule.clock_before_start',
    });
  });

  it('dates outside the calendar: CALENDAR_NOT_CONFIGURED', () => {
    const before = appError(() => computeDeadline(base({ start: at('2003-12-30') })));
    expect([before.code, before.params.year, before.fields]).toEqual([
      'CALENDAR_NOT_CONFIGURED',
      2003,
      { start: 'rule.calendar_not_configured' },
    ]);
    const after = appError(() =>
      computeDeadline(base({ start: at('2026-12-20'), limit: { amount: 20, unit: 'workday' } })),
    );
    expect([after.code, after.params.year, after.fields]).toEqual([
      'CALENDAR_NOT_CONFIGURED',
      2027,
      { 'limit.amount': 'rule.calendar_not_configured' },
    ]);
    const natural = appError(() =>
      computeDeadline(base({ start: at('2026-12-20'), limit: { amount: 30, unit: 'day' } })),
    );
    expect(natural.params.year).toBe(2027);
    const hours = appError(() =>
      computeDeadline(base({ start: at('2026-12-31'), limit: { amount: 10, unit: 'workhour' } })),
    );
    expect(hours.params.year).toBe(2027);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { buildCalendarIndex } from './calendar-index';
import { CENTER_HOURS, chinaCalendar } from './calendar.fixture';
import { civilDateOfInstant, formatInstant, instantOfCivil, parseCivilDate } from './civil-time';

const cal = chinaCalendar();

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('civil time (China Standard Time, whatever the machine TZ)', () => {
  it('converts a civil date and time to the exact instant', () => {
    expect(instantOfCivil('2025-01-28', '08:30').toISOString()).toBe('2025-01-28T00:30:00.000Z');
    expect(formatInstant(Date.parse('2025-01-27T16:00:00Z'))).toBe('2025-01-28T00:00:00+08:00');
  });

  it('puts 23:59 UTC of the previous evening on the next civil day in China', () => {
    expect(civilDateOfInstant(Date.parse('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(civilDateOfInstant(Date.parse('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
  });

  it('rejects impossible dates', () => {
    expect(parseCivilDate('2025-02-29')).toBeNull();
    expect(parseCivilDate('2024-02-29')).not.toBeNull();
    expect(parseCivilDate('2025-1-5')).toBeNull();
  });
});

describe('the chinese-days calendar index', () => {
  it('knows holidays and make-up working weekends (2025 Spring Festival)', () => {
    expect(cal.isWorkday('2025-01-26')).toBe(true); // Sunday, 调休上班
    expect(cal.dayName('2025-01-26')).toBe('调休上班（春节）');
    expect(cal.isWorkday('2025-01-28')).toBe(false);
    expect(cal.dayName('2025-01-28')).toBe('春节');
    expect(cal.isWorkday('2025-02-08')).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkday('2025-02-09')).toBe(false); // ordinary Sunday
    expect(cal.dayName('2025-02-09')).toBeNull();
  });

  it('adds working days from the day after, skipping the 2025 Spring Festival', () => {
    expect(cal.addWorkingDays('2025-01-20', 20)).toBe('2025-02-21');
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(cal.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
  });

  it('counts back and forth consistently', () => {
    expect(cal.countWorkingDays('2025-01-20', '2025-02-21')).toBe(20);
    expect(cal.countWorkingDays('2025-02-21', '2025-01-20')).toBe(-20);
    expect(cal.addWorkingDays('2025-02-21', -20)).toBe('2025-01-20');
    expect(cal.addWorkingDays('2025-02-05', -1)).toBe('2025-01-27');
  });

  it('n = 0 gives the day itself when working, else the next working day', () => {
    expect(cal.addWorkingDays('2025-10-06', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-11', 0)).toBe('2025-10-11');
  });

  it('ends the working hours of a day at 17:30', () => {
    expect(formatInstant(cal.endOfWorkingHours('2025-10-11').getTime())).toBe('2025-10-11T17:30:00+08:00');
  });

  it('has data for 2004–2026 and refuses 2003 and 2027 with CALENDAR_NOT_CONFIGURED', () => {
    expect([cal.firstYear, cal.lastYear]).toEqual([2004, 2026]);
    const e = appError(() => cal.isWorkday('2027-01-04'));
    expect(e.code).toBe('CALENDAR_NOT_CONFIGURED');
    expect(e.params).toEqual({ year: 2027, date: '2027-01-04' });
    expect(e.fields).toEqual({ date: 'rule.calendar_not_configured' });
    expect(appError(() => cal.addWorkingDays('2026-12-20', 20)).params.year).toBe(2027);
    expect(appError(() => cal.addWorkingDays('2004-01-05', -10)).params.year).toBe(2003);
  });
});

describe('a sparse, administrator-entered calendar', () => {
  // Only the State Council's holidays and make-up days of 2025 are typed in; the rest follows Mon–Fri.
  const sparse = buildCalendarIndex(
    [
      { day: '2025-10-01', isWorkday: false, name: '国庆节' },
      { day: '2025-10-02', isWorkday: false, name: '国庆节' },
      { day: '2025-10-03', isWorkday: false, name: '国庆节' },
      { day: '2025-10-06', isWorkday: false, name: '中秋' },
      { day: '2025-10-07', isWorkday: false, name: '国庆节' },
      { day: '2025-10-08', isWorkday: false, name: '国庆节' },
      { day: '2025-09-28', isWorkday: true, name: '调休上班' },
      { day: '2025-10-11', isWorkday: true, name: '调休上班' },
      { day: '2027-02-10', isWorkday: false, name: '春节' },
    ],
    CENTER_HOURS,
  );

  it('fills missing days of a configured year with the weekday rule', () => {
    expect(sparse.isWorkday('2025-03-03')).toBe(true);
    expect(sparse.isWorkday('2025-03-08')).toBe(false);
    expect(sparse.addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
  });

  it('treats a year without rows between two configured years as not configured', () => {
    expect(sparse.isYearConfigured(2026)).toBe(false);
    expect(sparse.isYearConfigured(2027)).toBe(true);
    const e = appError(() => sparse.addWorkingDays('2025-12-30', 5));
    expect(e.code).toBe('CALENDAR_NOT_CONFIGURED');
    expect(e.params.year).toBe(2026);
    expect(appError(() => sparse.countWorkingDays('2025-12-01', '2027-03-01')).params.year).toBe(2026);
  });
});

describe('calendar validation names the bad field', () => {
  it('rejects malformed and duplicate days', () => {
    expect(
      appError(() => buildCalendarIndex([{ day: '2025-02-30', isWorkday: true }], CENTER_HOURS)).fields,
    ).toEqual({
      'days.0.day': 'rule.date',
    });
    const dup = [
      { day: '2025-01-01', isWorkday: false },
      { day: '2025-01-01', isWorkday: true },
    ];
    expect(appError(() => buildCalendarIndex(dup, CENTER_HOURS)).fields).toEqual({
      'days.1.day': 'rule.calendar_duplicate_day',
    });
  });

  it('rejects an empty calendar', () => {
    expect(appError(() => buildCalendarIndex([], CENTER_HOURS)).code).toBe('CALENDAR_NOT_CONFIGURED');
  });

  it('rejects reversed, overlapping or malformed working periods and seasons', () => {
    const days = [{ day: '2025-01-01', isWorkday: false }];
    const bad = (hours: Parameters<typeof buildCalendarIndex>[1]) =>
      appError(() => buildCalendarIndex(days, hours)).fields;
    expect(bad({ periods: [{ start: '11:30', end: '08:30' }] })).toEqual({
      'hours.periods.0.end': 'rule.after_from',
    });
    expect(bad({ periods: [{ start: '8:30', end: '11:30' }] })).toEqual({
      'hours.periods.0.start': 'rule.time_hhmm',
    });
    expect(
      bad({
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '11:30', end: '17:00' },
        ],
      }),
    ).toEqual({ 'hours.periods.1.start': 'rule.working_periods_order' });
    expect(bad({ periods: [] })).toEqual({ 'hours.periods': 'rule.required' });
    expect(
      bad({ ...CENTER_HOURS, seasons: [{ from: '13-01', to: '09-30', periods: CENTER_HOURS.periods }] }),
    ).toEqual({
      'hours.seasons.0.from': 'rule.month_day',
    });
  });
});

describe('seasonal working hours', () => {
  const days = [{ day: '2025-01-01', isWorkday: false, name: '元旦' }];
  const seasonal = buildCalendarIndex(days, {
    periods: CENTER_HOURS.periods,
    seasons: [
      // Summer: 08:00–12:00, 14:30–18:00; winter wraps the year end.
      {
        from: '06-01',
        to: '09-30',
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '14:30', end: '18:00' },
        ],
      },
      {
        from: '11-01',
        to: '02-28',
        periods: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '17:00' },
        ],
      },
    ],
  });

  it('ends a summer day at 18:00, a winter day at 17:00, spring at 17:30', () => {
    const end = (d: string) => formatInstant(seasonal.endOfWorkingHours(d).getTime()).slice(11, 16);
    expect(end('2025-07-01')).toBe('18:00');
    expect(end('2025-12-01')).toBe('17:00');
    expect(end('2025-01-06')).toBe('17:00');
    expect(end('2025-04-01')).toBe('17:30');
  });
});

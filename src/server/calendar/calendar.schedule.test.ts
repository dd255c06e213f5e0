import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import { MAKE_UP_DAY_NAME, scheduleOfRows, yearRowsFromSchedule } from './calendar.schedule';

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { ...e.fields };
    throw e;
  }
  throw new Error('expected an AppError');
}

// The State Council's 2025 notice (国办发明电〔2024〕12号), the part about 春节 and 劳动节.
const notice2025 = {
  holidays: [
    { from: '2025-01-28', to: '2025-02-04', name: '春节' },
    { from: '2025-05-01', to: '2025-05-05', name: '劳动节' },
  ],
  workdays: [
    { day: '2025-01-26', name: '调休上班（春节）' },
    { day: '2025-02-08', name: '调休上班（春节）' },
    { day: '2025-04-27', name: '' },
  ],
};

describe('a year from the State Council notice', () => {
  const rows = yearRowsFromSchedule(2025, notice2025);
  const day = (d: string) => rows.find((r) => r.day === d)!;

  it('writes every day of the year once, in order', () => {
    expect(rows).toHaveLength(365);
    expect(rows[0]!.day).toBe('2025-01-01');
    expect(rows.at(-1)!.day).toBe('2025-12-31');
  });

  it('holidays are non-working with their name, weekends inside them included', () => {
    expect(day('2025-01-28')).toEqual({ day: '2025-01-28', isWorkday: false, name: '春节' });
    expect(day('2025-02-01')).toEqual({ day: '2025-02-01', isWorkday: false, name: '春节' });
    expect(day('2025-05-05')).toEqual({ day: '2025-05-05', isWorkday: false, name: '劳动节' });
  });

  it('make-up weekends are working days, with a default name when none is given', () => {
    expect(day('2025-01-26')).toEqual({ day: '2025-01-26', isWorkday: true, name: '调休上班（春节）' });
    expect(day('2025-04-27')).toEqual({ day: '2025-04-27', isWorkday: true, name: MAKE_UP_DAY_NAME });
  });

  it('every other day follows Mon–Fri', () => {
    expect(day('2025-03-03')).toEqual({ day: '2025-03-03', isWorkday: true, name: null });
    expect(day('2025-03-08')).toEqual({ day: '2025-03-08', isWorkday: false, name: null });
  });

  it('turns back into the same schedule (for the audit trail)', () => {
    const back = scheduleOfRows(rows);
    expect(back.holidays).toEqual(notice2025.holidays);
    expect(back.workdays.map((w) => w.day)).toEqual(notice2025.workdays.map((w) => w.day));
  });

  it('a 元旦 range that begins in the year before keeps only its days in this year', () => {
    const r = yearRowsFromSchedule(2023, {
      holidays: [{ from: '2022-12-31', to: '2023-01-02', name: '元旦' }],
      workdays: [],
    });
    expect(r[0]).toEqual({ day: '2023-01-01', isWorkday: false, name: '元旦' });
    expect(r[1]).toEqual({ day: '2023-01-02', isWorkday: false, name: '元旦' });
    expect(r).toHaveLength(365);
  });
});

describe('a wrong schedule is refused, naming the field', () => {
  const year = (
    holidays: { from: string; to: string; name: string }[],
    workdays: { day: string; name: string }[] = [],
  ) => fieldsOf(() => yearRowsFromSchedule(2025, { holidays, workdays }));

  it('a range that ends before it begins', () => {
    expect(year([{ from: '2025-05-05', to: '2025-05-01', name: '劳动节' }])).toEqual({
      'holidays.0.to': 'rule.not_before_from',
    });
  });
  it('a range outside the year', () => {
    expect(year([{ from: '2026-01-01', to: '2026-01-01', name: '元旦' }])).toEqual({
      'holidays.0.from': 'rule.calendar_not_in_year',
    });
  });
  it('overlapping ranges, whatever their order', () => {
    expect(
      year([
        { from: '2025-10-05', to: '2025-10-09', name: 'B' },
        { from: '2025-10-01', to: '2025-10-05', name: 'A' },
      ]),
    ).toEqual({ 'holidays.0.from': 'rule.calendar_holiday_overlap' });
  });
  it('an impossible date', () => {
    expect(year([{ from: '2025-02-29', to: '2025-03-01', name: 'x' }])).toEqual({
      'holidays.0.from': 'rule.date',
    });
  });
  it('a make-up day inside a holiday, outside the year, or twice', () => {
    const h = [{ from: '2025-10-01', to: '2025-10-08', name: '国庆节' }];
    expect(year(h, [{ day: '2025-10-04', name: '' }])).toEqual({
      'workdays.0.day': 'rule.calendar_workday_in_holiday',
    });
    expect(year(h, [{ day: '2024-09-29', name: '' }])).toEqual({
      'workdays.0.day': 'rule.calendar_not_in_year',
    });
    expect(
      year(h, [
        { day: '2025-09-28', name: '' },
        { day: '2025-09-28', name: '' },
      ]),
    ).toEqual({
      'workdays.1.day': 'rule.duplicate',
    });
  });
});

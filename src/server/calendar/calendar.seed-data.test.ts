import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { CHINESE_DAYS_LAST_YEAR, chineseDaysSeed } from './calendar.seed-data';

describe('chineseDaysSeed', () => {
  const rows = chineseDaysSeed();
  const byDay = new Map(rows.map((r) => [r.day, r]));

  it('has every day of 2004–2026 once, and nothing of 2027', () => {
    expect(rows.length).toBe(23 * 365 + 6);
    expect(new Set(rows.map((r) => r.day)).size).toBe(rows.length);
    expect(rows[0]?.day).toBe('2004-01-01');
    expect(rows.at(-1)?.day).toBe('2026-12-31');
    expect(() => chineseDaysSeed(2026, 2027)).toThrow(/2004–2026/);
    expect(() => chineseDaysSeed(2003, 2004)).toThrow(RangeError);
  });

  it('names holidays and make-up working days (2025)', () => {
    expect(byDay.get('2025-01-26')).toEqual({ day: '2025-01-26', isWorkday: true, name: '调休上班（春节）' });
    expect(byDay.get('2025-01-28')).toEqual({ day: '2025-01-28', isWorkday: false, name: '春节' });
    expect(byDay.get('2025-02-08')).toEqual({ day: '2025-02-08', isWorkday: true, name: '调休上班（春节）' });
    expect(byDay.get('2025-10-06')).toEqual({ day: '2025-10-06', isWorkday: false, name: '中秋' });
    expect(byDay.get('2025-10-11')).toEqual({
      day: '2025-10-11',
      isWorkday: true,
      name: '调休上班（国庆节）',
    });
    expect(byDay.get('2025-03-08')).toEqual({ day: '2025-03-08', isWorkday: false, name: null });
    expect(byDay.get('2025-03-07')).toEqual({ day: '2025-03-07', isWorkday: true, name: null });
  });

  it('knows the 2026 schedule, the last year of the package', () => {
    expect(CHINESE_DAYS_LAST_YEAR).toBe(2026);
    expect(byDay.get('2026-02-14')?.isWorkday).toBe(true);
    expect(byDay.get('2026-02-23')?.name).toBe('春节');
    expect(byDay.get('2026-09-20')?.isWorkday).toBe(true);
    expect(byDay.get('2026-10-10')?.isWorkday).toBe(true);
    // The package has no holidays after 2026: it would silently answer with the weekday rule.
    expect(chineseDays.getHolidaysInRange(new Date(2027, 0, 1), new Date(2027, 11, 31), false)).toEqual([]);
  });

  // The package's query functions read dates in local time; they are right only east of UTC.
  it.skipIf(new Date(2025, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days.isWorkday on every day',
    () => {
      for (const r of rows) {
        const [y, m, d] = r.day.split('-').map(Number) as [number, number, number];
        expect([r.day, chineseDays.isWorkday(new Date(y, m - 1, d))]).toEqual([r.day, r.isWorkday]);
      }
    },
  );
});

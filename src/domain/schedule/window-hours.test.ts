import { describe, expect, it } from 'vitest';
import { CENTER_HOURS, chinaCalendar } from '../calendar/calendar.fixture';
import { hhmm, type Interval } from './intervals';
import { centerHours, windowIntervals, type DayFacts, type HoursRule } from './window-hours';

const cal = chinaCalendar();
const day = (date: string): DayFacts => ({ date, isWorkday: cal.isWorkday(date), name: cal.dayName(date) });
const text = (xs: Interval[]) => xs.map((x) => `${hhmm(x.start)}-${hhmm(x.end)}`).join(',');
const center = centerHours(CENTER_HOURS);
const rule = (r: Partial<HoursRule> & Pick<HoursRule, 'days' | 'mode'>): HoursRule => ({
  id: Math.random().toString(36),
  windowId: 'w',
  date: null,
  validFrom: null,
  validTo: null,
  periods: [],
  ...r,
});
const hoursOf = (date: string, rules: HoursRule[]) =>
  text(windowIntervals(center(day(date)), day(date), rules));

// Seed 001: 上午8:30—11:30, 下午2:00—5:30; 中午部分窗口实行错时服务; 公安窗口全年无休, 周六、节假日
// 上午 9:00-11:00 下午 14:00-16:00; 周日部分窗口实行轮值服务. Seed 004: 每周六全天加班.
const lunch = rule({ days: 'workday', mode: 'add', periods: [{ start: '11:30', end: '14:00' }] });
const policeRest = rule({
  days: 'restday',
  mode: 'replace',
  periods: [
    { start: '09:00', end: '11:00' },
    { start: '14:00', end: '16:00' },
  ],
});
const saturday = rule({ days: 'saturday', mode: 'replace', periods: CENTER_HOURS.periods });

describe('window hours over the center calendar', () => {
  it('a plain window keeps the center hours on a working day and is closed on a weekend', () => {
    expect(hoursOf('2026-03-02', [])).toBe('08:30-11:30,14:00-17:30');
    expect(hoursOf('2026-03-07', [])).toBe('');
  });

  it('staggered lunch service (错时服务) makes the day continuous', () => {
    expect(hoursOf('2026-03-02', [lunch])).toBe('08:30-17:30');
  });

  it('the police window is open on weekends and holidays with the duty hours', () => {
    expect(hoursOf('2026-03-08', [lunch, policeRest])).toBe('09:00-11:00,14:00-16:00');
    expect(hoursOf('2025-01-29', [lunch, policeRest])).toBe('09:00-11:00,14:00-16:00'); // 春节
  });

  it('Saturday service covers ordinary Saturdays, not a Saturday inside a holiday', () => {
    expect(hoursOf('2026-03-07', [saturday])).toBe('08:30-11:30,14:00-17:30');
    expect(hoursOf('2025-02-01', [saturday])).toBe(''); // 春节假期 Saturday
  });

  it('a make-up working Saturday (调休上班) keeps the normal hours', () => {
    // 2025-02-08 was a working Saturday after the Spring Festival.
    expect(day('2025-02-08').isWorkday).toBe(true);
    expect(hoursOf('2025-02-08', [])).toBe('08:30-11:30,14:00-17:30');
  });

  it('a one-day closure beats everything, a date replacement beats the weekday rules', () => {
    const closed = rule({ days: 'date', date: '2026-03-03', mode: 'close' });
    expect(hoursOf('2026-03-03', [lunch, closed])).toBe('');
    const short = rule({
      days: 'date',
      date: '2026-03-08',
      mode: 'replace',
      periods: [{ start: '10:00', end: '11:00' }],
    });
    expect(hoursOf('2026-03-08', [policeRest, short])).toBe('10:00-11:00');
    const afternoonOff = rule({
      days: 'date',
      date: '2026-03-04',
      mode: 'close',
      periods: [{ start: '14:00', end: '17:30' }],
    });
    expect(hoursOf('2026-03-04', [afternoonOff])).toBe('08:30-11:30');
  });

  it('respects the validity range of a rule', () => {
    const summer = rule({ ...lunch, validFrom: '2026-06-01', validTo: '2026-08-31' });
    expect(hoursOf('2026-03-02', [summer])).toBe('08:30-11:30,14:00-17:30');
    expect(hoursOf('2026-06-01', [summer])).toBe('08:30-17:30');
  });

  it('follows the seasonal variant of the center hours', () => {
    const seasonal = centerHours({
      periods: CENTER_HOURS.periods,
      seasons: [
        {
          from: '05-01',
          to: '09-30',
          periods: [
            { start: '08:00', end: '12:00' },
            { start: '14:30', end: '18:00' },
          ],
        },
      ],
    });
    expect(text(seasonal(day('2026-06-01')))).toBe('08:00-12:00,14:30-18:00');
    expect(text(seasonal(day('2026-03-02')))).toBe('08:30-11:30,14:00-17:30');
  });
});

import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { formatInstant, instantOfCivil } from '../calendar/civil-time';
import { computeDeadline } from './deadline';
import type { Extension, LimitUnit, Pause } from './clock.types';

// Working hours 08:30–11:30 and 14:00–17:30 (6.5 h); the real 2025/2026 State Council calendars.
const calendar = chinaCalendar();
const at = (day: string, hhmm = '10:00') => instantOfCivil(day, hhmm);

function due(
  start: Date,
  amount: number,
  unit: LimitUnit = 'workday',
  pauses: Pause[] = [],
  extensions: Extension[] = [],
) {
  return formatInstant(
    computeDeadline({ start, limit: { amount, unit }, pauses, extensions, calendar }).due.getTime(),
  );
}

describe('working-day limits: the day of acceptance is not counted (第82条)', () => {
  it('2025 Spring Festival: make-up Sunday 01-26 counts, 01-28…02-04 do not', () => {
    expect(due(at('2025-01-24'), 5)).toBe('2025-02-07T17:30:00+08:00');
    expect(due(at('2025-01-20'), 20)).toBe('2025-02-21T17:30:00+08:00');
  });

  it('2025 Spring Festival: the make-up Saturday 02-08 is a working day', () => {
    expect(due(at('2025-02-05'), 3)).toBe('2025-02-08T17:30:00+08:00');
  });

  it('2026 Spring Festival: make-up Saturday 02-14 counts, then 02-15…02-23 are skipped', () => {
    expect(due(at('2026-02-13', '15:00'), 3)).toBe('2026-02-25T17:30:00+08:00');
    expect(due(at('2026-02-27'), 1)).toBe('2026-02-28T17:30:00+08:00'); // make-up Saturday
  });

  it('2025 Labour Day: make-up Sunday 04-27, holiday 05-01…05-05', () => {
    expect(due(at('2025-04-25'), 3)).toBe('2025-04-29T17:30:00+08:00');
    expect(due(at('2025-04-25'), 5)).toBe('2025-05-06T17:30:00+08:00');
  });

  it('2026 Labour Day: holiday 05-01…05-05, make-up Saturday 05-09', () => {
    expect(due(at('2026-04-30'), 3)).toBe('2026-05-08T17:30:00+08:00');
    expect(due(at('2026-04-30'), 4)).toBe('2026-05-09T17:30:00+08:00');
  });

  it('2025 National Day + Mid-Autumn: make-up 09-28 (Sun) and 10-11 (Sat), holiday 10-01…10-08', () => {
    expect(due(at('2025-09-26'), 2)).toBe('2025-09-29T17:30:00+08:00');
    expect(due(at('2025-09-26'), 5)).toBe('2025-10-10T17:30:00+08:00');
    expect(due(at('2025-09-26'), 6)).toBe('2025-10-11T17:30:00+08:00');
  });

  it('2026 Mid-Autumn 09-25…27 then National Day 10-01…07, make-up 09-20 (Sun) and 10-10 (Sat)', () => {
    expect(due(at('2026-09-18'), 10)).toBe('2026-10-09T17:30:00+08:00');
    expect(due(at('2026-09-18'), 11)).toBe('2026-10-10T17:30:00+08:00');
  });

  it('a limit that starts on a holiday counts from the first working day after it', () => {
    expect(due(at('2025-10-03'), 2)).toBe('2025-10-10T17:30:00+08:00');
    expect(due(at('2025-10-03'), 3)).toBe('2025-10-11T17:30:00+08:00');
  });

  it('a limit that starts on a make-up Saturday does not count that Saturday', () => {
    expect(due(at('2026-02-14', '09:00'), 1)).toBe('2026-02-24T17:30:00+08:00');
    expect(due(at('2025-02-08'), 2)).toBe('2025-02-11T17:30:00+08:00');
  });

  it('a limit that starts after working hours is counted like one started during them', () => {
    expect(due(at('2025-01-27', '19:00'), 1)).toBe('2025-02-05T17:30:00+08:00');
    expect(due(at('2025-01-27', '19:00'), 1)).toBe(due(at('2025-01-27', '09:00'), 1));
  });

  it('0 working days means within the day of acceptance, or the next working day', () => {
    expect(due(at('2025-03-03'), 0)).toBe('2025-03-03T17:30:00+08:00');
    expect(due(at('2025-10-04'), 0)).toBe('2025-10-09T17:30:00+08:00');
  });
});

describe('natural-day limits', () => {
  it('ending on a holiday move to the next working day', () => {
    // 09-20 + 12 days = 10-02 (国庆节) → 10-09.
    expect(due(at('2025-09-20'), 12, 'day')).toBe('2025-10-09T17:30:00+08:00');
    // 2026-02-05 + 10 days = 02-15 (春节) → 02-24.
    expect(due(at('2026-02-05'), 10, 'day')).toBe('2026-02-24T17:30:00+08:00');
  });

  it('ending on a weekend move to Monday; ending on a make-up Saturday stay', () => {
    expect(due(at('2025-03-01'), 7, 'day')).toBe('2025-03-10T17:30:00+08:00');
    expect(due(at('2025-10-01'), 10, 'day')).toBe('2025-10-11T17:30:00+08:00');
  });

  it('a pause gives back its elapsed time, then the end moves to a working day', () => {
    // 2 days paused: 03-01 + 7 = 03-08 → 03-10, which holds; 3 days → 03-11.
    const twoDays: Pause = { from: at('2025-03-03', '10:00'), to: at('2025-03-05', '10:00') };
    expect(due(at('2025-03-01'), 7, 'day', [twoDays])).toBe('2025-03-10T17:30:00+08:00');
    const threeDays: Pause = { from: at('2025-03-03', '10:00'), to: at('2025-03-06', '10:00') };
    expect(due(at('2025-03-01'), 7, 'day', [threeDays])).toBe('2025-03-11T17:30:00+08:00');
  });
});

describe('working-hour limits', () => {
  it('consume only working hours and end at the earliest instant', () => {
    expect(due(at('2025-03-03', '10:00'), 4, 'workhour')).toBe('2025-03-03T16:30:00+08:00');
    expect(due(at('2025-03-03', '10:00'), 8, 'workhour')).toBe('2025-03-04T11:30:00+08:00');
  });

  it('started after hours before a holiday, start with the next working morning', () => {
    expect(due(at('2025-01-27', '19:00'), 2, 'workhour')).toBe('2025-02-05T10:30:00+08:00');
  });

  it('a pause gives back exactly the working hours it covers', () => {
    const lunchToThree: Pause = { from: at('2025-03-03', '11:00'), to: at('2025-03-03', '15:00') };
    // Paused 11:00–11:30 and 14:00–15:00 = 1.5 h of working time: 16:30 + 1.5 h = 17:30 + 0.5 h → next morning 09:00.
    expect(due(at('2025-03-03', '10:00'), 4, 'workhour', [lunchToThree])).toBe('2025-03-04T09:00:00+08:00');
  });
});

describe('pauses (特别程序, 第45条) add back exactly the working time they cover', () => {
  // 5 working days from Mon 2025-03-03: due Mon 03-10 17:30.
  const start = at('2025-03-03');

  it('a pause inside a single day adds back that part of a day', () => {
    // 09:00–11:00 = 2 of 6.5 working hours → due 03-11 at 2 working hours: 10:30.
    expect(
      due(start, 5, 'workday', [{ from: at('2025-03-05', '09:00'), to: at('2025-03-05', '11:00') }]),
    ).toBe('2025-03-11T10:30:00+08:00');
    // 14:00–17:30 = 3.5 h → 03-11 08:30–11:30 (3 h) + 14:00–14:30.
    expect(
      due(start, 5, 'workday', [{ from: at('2025-03-05', '14:00'), to: at('2025-03-05', '17:30') }]),
    ).toBe('2025-03-11T14:30:00+08:00');
  });

  it('a pause across the Spring Festival adds back only the working days in it', () => {
    // 20 working days from 2025-01-20 → 02-21. Paused Fri 01-24 14:00 → Thu 02-06 14:00:
    // 3.5 h + 01-26 (make-up Sunday) + 01-27 + [holiday: 0] + 02-05 + 3 h = 4 working days → 02-27.
    const pause: Pause = {
      from: at('2025-01-24', '14:00'),
      to: at('2025-02-06', '14:00'),
      kind: 'expert_review',
    };
    expect(due(at('2025-01-20'), 20, 'workday', [pause])).toBe('2025-02-27T17:30:00+08:00');
  });

  it('overlapping pauses count once', () => {
    const a: Pause = { from: at('2025-03-05', '09:00'), to: at('2025-03-05', '11:00') };
    const b: Pause = { from: at('2025-03-05', '10:00'), to: at('2025-03-05', '11:30') };
    const inside: Pause = { from: at('2025-03-05', '09:30'), to: at('2025-03-05', '10:30') };
    // Union 09:00–11:30 = 2.5 h → 03-11 11:00.
    expect(due(start, 5, 'workday', [a, b, inside])).toBe('2025-03-11T11:00:00+08:00');
    expect(due(start, 5, 'workday', [b, inside, a])).toBe('2025-03-11T11:00:00+08:00');
  });

  it('a pause over a weekend or at night adds nothing', () => {
    const weekend: Pause = { from: at('2025-03-08', '09:00'), to: at('2025-03-09', '18:00') };
    const night: Pause = { from: at('2025-03-05', '18:00'), to: at('2025-03-06', '08:00') };
    expect(due(start, 5, 'workday', [weekend, night])).toBe('2025-03-10T17:30:00+08:00');
  });

  it('a pause on the day of acceptance adds nothing: that day is not counted anyway', () => {
    expect(
      due(start, 5, 'workday', [{ from: at('2025-03-03', '10:00'), to: at('2025-03-03', '16:00') }]),
    ).toBe('2025-03-10T17:30:00+08:00');
  });

  it('a pause that begins after the due gives nothing back', () => {
    const late: Pause = { from: at('2025-03-11', '09:00'), to: at('2025-03-12', '09:00') };
    expect(due(start, 5, 'workday', [late])).toBe('2025-03-10T17:30:00+08:00');
    const onTheEvening: Pause = { from: at('2025-03-10', '17:30'), to: at('2025-03-12', '09:00') };
    expect(due(start, 5, 'workday', [onTheEvening])).toBe('2025-03-10T17:30:00+08:00');
  });

  it('a pause that begins before the due and ends after it counts whole', () => {
    const straddling: Pause = { from: at('2025-03-10', '17:00'), to: at('2025-03-12', '08:00') };
    // 0.5 h of 03-10 + all of 03-11 → due 03-12 at 0.5 h: 09:00.
    expect(due(start, 5, 'workday', [straddling])).toBe('2025-03-12T09:00:00+08:00');
  });
});

describe('extensions (延期, 第42条)', () => {
  it('+10 working days after 20, across the 2025 National Day', () => {
    // 20 working days from 2025-09-15 → 10-17 (09-28 and 10-11 worked, 10-01…08 off); +10 → 10-31.
    expect(due(at('2025-09-15'), 20)).toBe('2025-10-17T17:30:00+08:00');
    expect(
      due(at('2025-09-15'), 20, 'workday', [], [{ amount: 10, unit: 'workday', approvedBy: '王局长' }]),
    ).toBe('2025-10-31T17:30:00+08:00');
  });

  it('joint handling: 45 + 15 equals 60 working days', () => {
    const ext: Extension = { amount: 15, unit: 'workday', approvedBy: '县政府分管副县长' };
    expect(due(at('2025-03-03'), 45, 'workday', [], [ext])).toBe(due(at('2025-03-03'), 60));
  });

  it('a pause after the first due but within the extended period is not counted either', () => {
    // 5 working days from 03-03 → 03-10; +2 → 03-11, 03-12; with 03-11 paused → 03-12, 03-13.
    const ext: Extension[] = [{ amount: 2, unit: 'workday' }];
    expect(due(at('2025-03-03'), 5, 'workday', [], ext)).toBe('2025-03-12T17:30:00+08:00');
    const pause: Pause = { from: at('2025-03-11', '08:00'), to: at('2025-03-11', '18:00') };
    expect(due(at('2025-03-03'), 5, 'workday', [pause], ext)).toBe('2025-03-13T17:30:00+08:00');
  });

  it('extend a natural-day or working-hour limit by working days after its due', () => {
    expect(due(at('2025-09-20'), 12, 'day', [], [{ amount: 1, unit: 'workday' }])).toBe(
      '2025-10-10T17:30:00+08:00',
    );
    expect(due(at('2025-03-03', '10:00'), 4, 'workhour', [], [{ amount: 1, unit: 'workday' }])).toBe(
      '2025-03-04T16:30:00+08:00',
    );
  });
});

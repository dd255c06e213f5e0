import { describe, expect, it } from 'vitest';
import type { CalendarDayView } from '../../shared/contracts/calendar';
import { scheduleOfDays } from './schedule-of-days';

const d = (day: string, isWorkday: boolean, name: string | null = null): CalendarDayView => ({
  day,
  isWorkday,
  name,
  source: 'seed',
  definedBy: null,
  inherited: false,
  updatedBy: null,
  updatedAt: null,
});

describe('the notice of a year, read back from its days', () => {
  it('groups consecutive named days off into ranges and lists make-up working days', () => {
    const s = scheduleOfDays([
      d('2025-01-26', true, '调休上班（春节）'), // Sunday
      d('2025-01-27', true),
      d('2025-01-28', false, '春节'),
      d('2025-01-29', false, '春节'),
      d('2025-01-30', false, '春节'),
      d('2025-02-01', false), // an ordinary Saturday
      d('2025-02-08', true), // a working Saturday without a name
      d('2025-05-01', false, '劳动节'),
    ]);
    expect(s.holidays).toEqual([
      { from: '2025-01-28', to: '2025-01-30', name: '春节' },
      { from: '2025-05-01', to: '2025-05-01', name: '劳动节' },
    ]);
    expect(s.workdays).toEqual([
      { day: '2025-01-26', name: '调休上班（春节）' },
      { day: '2025-02-08', name: '' },
    ]);
  });

  it('starts a new range when the same name comes back after a gap', () => {
    const s = scheduleOfDays([d('2025-10-01', false, '假'), d('2025-10-03', false, '假')]);
    expect(s.holidays).toHaveLength(2);
  });
});

// Test fixture (imported only by *.test.ts): the real 2004–2026 calendar of chinese-days and the
// working hours of a typical center, 08:30–11:30 and 14:00–17:30 (6.5 working hours a day).
import { chineseDaysSeed } from '../../server/calendar/calendar.seed-data';
import { buildCalendarIndex } from './calendar-index';
import type { CalendarIndex } from './calendar-index';
import type { WorkingHours } from './working-hours';

export const CENTER_HOURS: WorkingHours = {
  periods: [
    { start: '08:30', end: '11:30' },
    { start: '14:00', end: '17:30' },
  ],
};

let cached: CalendarIndex | null = null;

export function chinaCalendar(): CalendarIndex {
  cached ??= buildCalendarIndex(chineseDaysSeed(), CENTER_HOURS);
  return cached;
}

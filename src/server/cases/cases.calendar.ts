import type { CalendarIndex } from '../../domain/calendar';
import type { Queryable } from '../db/db';
import { getCalendarIndex } from '../calendar/calendar.service';

/** The working-day calendar of a case's center (inherited down the tree, cached by the calendar service). */
export function loadCalendar(q: Queryable, centerId: string): Promise<CalendarIndex> {
  return getCalendarIndex(q, centerId);
}

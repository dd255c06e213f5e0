export { buildCalendarIndex, CalendarIndex } from './calendar-index';
export type { CalendarDayRow } from './calendar-index';
export type { WorkingHours, WorkingHoursSeason, WorkingPeriod } from './working-hours';
export {
  CENTER_UTC_OFFSET_MS,
  civilDateOfInstant,
  formatInstant,
  instantOfCivil,
  parseCivilDate,
} from './civil-time';

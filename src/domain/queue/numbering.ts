import { civilDateOfInstant } from '../calendar/civil-time';

/**
 * Ticket numbers (票号): a category has a prefix letter and a number range; the counter restarts
 * every business day (daily reset) or runs on across days, wrapping at the end of the range. A daily
 * cap limits the tickets of one business day; it never exceeds the range, so a number is never
 * issued twice on one day.
 */
export interface NumberRange {
  readonly from: number;
  readonly to: number;
}

/** The number after `last` (null = none issued yet in this counter). */
export function nextTicketNumber(last: number | null, range: NumberRange): number {
  if (last === null || last >= range.to || last < range.from) return range.from;
  return last + 1;
}

/** 'A' + 12 in a range up to 999 → 'A012': every number of a category has the same width. */
export function formatTicketNumber(prefix: string, n: number, range: NumberRange): string {
  return `${prefix}${String(n).padStart(String(range.to).length, '0')}`;
}

/** The business date of an instant: the civil date in China time (UTC+8), whatever the host zone. */
export const businessDate = (at: Date | number): string =>
  civilDateOfInstant(typeof at === 'number' ? at : at.getTime());

export const rangeSize = (r: NumberRange): number => r.to - r.from + 1;

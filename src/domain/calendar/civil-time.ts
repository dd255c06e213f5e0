/**
 * Civil dates and instants in the center's time zone.
 *
 * A center works on China Standard Time: UTC+8 all year, no daylight saving time since 1991. So the
 * conversion between an instant (epoch ms) and a civil date ('YYYY-MM-DD') is plain arithmetic with
 * one fixed offset, and it never depends on the time zone of the machine running the code (tests
 * run with TZ=UTC and TZ=Asia/Shanghai). Every conversion in the clock goes through this file.
 *
 * A "day number" is the count of civil days since 1970-01-01, so consecutive days differ by 1.
 */

/** Offset of China Standard Time from UTC. The single place that knows the center's time zone. */
export const CENTER_UTC_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date, or `null` when the text is not a real 'YYYY-MM-DD' date (e.g. 2025-02-30). */
export function parseCivilDate(date: string): number | null {
  const m = CIVIL_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 02-30 into March; a round trip rejects it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of a day number. */
export function civilDateOfDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Calendar year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day number of the civil day (in the center) that contains the instant. */
export function dayNumberOfInstant(ms: number): number {
  return Math.floor((ms + CENTER_UTC_OFFSET_MS) / DAY_MS);
}

/** The instant at which a civil day starts (00:00 in the center). */
export function instantOfDayStart(dayNumber: number): number {
  return dayNumber * DAY_MS - CENTER_UTC_OFFSET_MS;
}

/** Civil date (in the center) of an instant. */
export function civilDateOfInstant(ms: number): string {
  return civilDateOfDayNumber(dayNumberOfInstant(ms));
}

/** The instant of a civil date and a wall-clock time 'HH:MM' in the center. Throws on malformed input. */
export function instantOfCivil(date: string, hhmm = '00:00'): Date {
  const dn = parseCivilDate(date);
  const minutes = parseHhmm(hhmm);
  if (dn === null || minutes === null) throw new RangeError(`not a civil date/time: ${date} ${hhmm}`);
  return new Date(instantOfDayStart(dn) + minutes * MINUTE_MS);
}

/** Minutes since midnight of 'HH:MM' (00:00–24:00), or `null`. */
export function parseHhmm(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/**
 * ISO 8601 text of an instant in the center's offset, e.g. '2025-02-05T17:30:00+08:00', so an
 * explanation reads in local time and still parses back to the same instant.
 */
export function formatInstant(ms: number): string {
  const local = new Date(ms + CENTER_UTC_OFFSET_MS);
  const frac = local.getUTCMilliseconds();
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}`;
  const millis = frac === 0 ? '' : `.${String(frac).padStart(3, '0')}`;
  return `${civilDateOfDayNumber(dayNumberOfInstant(ms))}T${time}${millis}+08:00`;
}

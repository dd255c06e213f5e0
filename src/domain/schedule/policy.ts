/**
 * The numbers of the appointment rules, per center. Every one is data an administrator can change
 * (domain.md rule 8); these defaults follow the local practice collected in domain-facts.md §5:
 * book at least a day ahead, up to 5 working days; cancel at least 2 hours before; one booking per
 * person per day; 2 no-shows in a month → no booking for 30 days (泉州 2020); one slot per working
 * hour (红旗区).
 */
export interface AppointmentPolicy {
  /** Length of a slot in minutes (60: one slot per working hour). */
  readonly slotMinutes: number;
  /** Visits one officer serves in an hour (sets the capacity of a slot). */
  readonly perOfficerPerHour: number;
  /** Share (%) of a slot's capacity offered to appointments; the rest stays for walk-ins. */
  readonly appointmentSharePct: number;
  /** How far ahead one may book, in working days after today. */
  readonly bookAheadWorkdays: number;
  /** Whether today's later slots may be booked (预约须提前一天 says no). */
  readonly sameDayBooking: boolean;
  /** A booking can be cancelled up to this many hours before its slot starts. */
  readonly cancelBeforeHours: number;
  readonly maxPerPersonPerDay: number;
  /** Blacklist: `noShowLimit` no-shows within `noShowWindowDays` days → no booking for `blacklistDays` days. */
  readonly noShowLimit: number;
  readonly noShowWindowDays: number;
  readonly blacklistDays: number;
  /** Check-in at the kiosk opens this many minutes before the slot and closes at its end. */
  readonly checkInEarlyMinutes: number;
  /** The reminder goes this many hours before the slot. */
  readonly reminderHoursBefore: number;
  /** An enterprise asking for more than this many applications of one item gets the bulk room. */
  readonly bulkThreshold: number;
  /** Officer minutes one application of a bulk request takes (to size the time block). */
  readonly bulkMinutesPerCase: number;
  /** Officers taken off their windows at most for one bulk block. */
  readonly bulkMaxOfficers: number;
}

export const defaultAppointmentPolicy: AppointmentPolicy = {
  slotMinutes: 60,
  perOfficerPerHour: 4,
  appointmentSharePct: 50,
  bookAheadWorkdays: 5,
  sameDayBooking: false,
  cancelBeforeHours: 2,
  maxPerPersonPerDay: 1,
  noShowLimit: 2,
  noShowWindowDays: 30,
  blacklistDays: 30,
  checkInEarlyMinutes: 30,
  reminderHoursBefore: 24,
  bulkThreshold: 10,
  bulkMinutesPerCase: 15,
  bulkMaxOfficers: 3,
};

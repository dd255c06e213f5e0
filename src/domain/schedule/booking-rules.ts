import type { AppointmentPolicy } from './policy';

/**
 * The rules a booking must pass, apart from capacity: the horizon, the blacklist, the cancellation
 * deadline, check-in and no-show. Instants are epoch milliseconds; civil dates 'YYYY-MM-DD'.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The blacklist (失约黑名单): `noShowLimit` no-shows within any `noShowWindowDays` days bar the person
 * from booking for `blacklistDays` days from the no-show that reached the limit (泉州 2020: 1 个月
 * 违约 2 次). A rolling window, not a calendar month, so the 31st and the 1st count together.
 */
export interface BlacklistStatus {
  readonly blocked: boolean;
  /** End of the current bar (exclusive), or null. */
  readonly untilMs: number | null;
  /** No-shows inside the rolling window ending now. */
  readonly recentNoShows: number;
}

export function blacklistStatus(
  noShowsMs: readonly number[],
  nowMs: number,
  p: AppointmentPolicy,
): BlacklistStatus {
  const ts = noShowsMs.filter((t) => t <= nowMs).sort((a, b) => a - b);
  const span = p.noShowWindowDays * DAY_MS;
  let untilMs: number | null = null;
  if (p.noShowLimit > 0) {
    for (let i = p.noShowLimit - 1; i < ts.length; i++) {
      if (ts[i]! - ts[i - p.noShowLimit + 1]! < span) {
        const until = ts[i]! + p.blacklistDays * DAY_MS;
        if (untilMs === null || until > untilMs) untilMs = until;
      }
    }
  }
  const recentNoShows = ts.filter((t) => t > nowMs - span).length;
  const blocked = untilMs !== null && nowMs < untilMs;
  return { blocked, untilMs: blocked ? untilMs : null, recentNoShows };
}

/** The last instant at which a booking may still be cancelled (natural hours: "提前 2 小时取消"). */
export const cancellationDeadline = (slotStartMs: number, p: AppointmentPolicy): number =>
  slotStartMs - p.cancelBeforeHours * HOUR_MS;

export const canCancel = (slotStartMs: number, nowMs: number, p: AppointmentPolicy): boolean =>
  nowMs <= cancellationDeadline(slotStartMs, p);

/**
 * The days one may book: from tomorrow (today when same-day booking is allowed) to `lastDay`, the
 * `bookAheadWorkdays`-th working day after today (computed by the caller from the calendar). Rest
 * days inside the range count when a window serves on them (周末便民服务): they simply have slots.
 */
export function isBookableDay(date: string, today: string, lastDay: string, p: AppointmentPolicy): boolean {
  const first = p.sameDayBooking ? date >= today : date > today;
  return first && date <= lastDay;
}

/** A slot may be booked only before it starts. */
export const slotStillAhead = (slotStartMs: number, nowMs: number): boolean => nowMs < slotStartMs;

/** Check-in window at the kiosk: from `checkInEarlyMinutes` before the slot to its end. */
export function checkInWindow(slotStartMs: number, slotEndMs: number, p: AppointmentPolicy) {
  return { fromMs: slotStartMs - p.checkInEarlyMinutes * 60_000, toMs: slotEndMs };
}

export type CheckInProblem = 'too_early' | 'too_late' | null;

export function checkInProblem(
  slotStartMs: number,
  slotEndMs: number,
  nowMs: number,
  p: AppointmentPolicy,
): CheckInProblem {
  const w = checkInWindow(slotStartMs, slotEndMs, p);
  if (nowMs < w.fromMs) return 'too_early';
  if (nowMs >= w.toMs) return 'too_late';
  return null;
}

/** A booking still `booked` when its slot has ended is a no-show (the job marks it). */
export const isNoShow = (status: string, slotEndMs: number, nowMs: number): boolean =>
  status === 'booked' && nowMs >= slotEndMs;

/** When the reminder of a booking is due. */
export const reminderAt = (slotStartMs: number, p: AppointmentPolicy): number =>
  slotStartMs - p.reminderHoursBefore * HOUR_MS;

import type { DutySegment } from './duty';
import { normalize, overlap, type Interval } from './intervals';
import type { AppointmentPolicy } from './policy';

/**
 * Appointment slots of a category on a day and their capacity, derived from the hours and the duty
 * roster of the windows that serve the category (the window pool).
 *
 * Slots: the minutes in which at least one window of the pool is staffed, cut into pieces of
 * `slotMinutes` from the start of each staffed stretch (08:30–09:30, 09:30–10:30…); a last piece
 * shorter than a quarter of a slot is dropped, since nobody can be served in it.
 *
 * Capacity: officer-minutes of the pool inside the slot × visits per officer-hour × the share kept
 * for appointments, rounded down. Half an hour of one officer at 4 visits/hour with a 50 % share is
 * one place. A window counts only the officers able to serve the category (`eligible`).
 */
export interface Slot extends Interval {
  readonly capacity: number;
}

export function slotIntervals(staffed: readonly Interval[], slotMinutes: number): Interval[] {
  const min = Math.ceil(slotMinutes / 4);
  const out: Interval[] = [];
  for (const x of normalize(staffed)) {
    for (let s = x.start; s < x.end; s += slotMinutes) {
      const e = Math.min(s + slotMinutes, x.end);
      if (e - s >= min) out.push({ start: s, end: e });
    }
  }
  return out;
}

/** Officer-minutes of the pool's duty segments inside an interval. */
export function officerMinutes(
  pool: readonly (readonly DutySegment[])[],
  slot: Interval,
  eligible?: (staffId: string) => boolean,
): number {
  let sum = 0;
  for (const segments of pool) {
    for (const seg of segments) {
      const m = overlap(seg, slot);
      if (m === 0) continue;
      let n = seg.staffIds.length;
      if (eligible) {
        n = 0;
        for (const id of seg.staffIds) if (eligible(id)) n++;
      }
      sum += m * n;
    }
  }
  return sum;
}

export function capacityOf(minutes: number, policy: AppointmentPolicy): number {
  // Integer arithmetic first, so 30 min × 4/h × 50 % is exactly 1, not 0.9999.
  return Math.floor((minutes * policy.perOfficerPerHour * policy.appointmentSharePct) / (60 * 100));
}

/** The day's slots of a category with their capacity (slots of capacity 0 are kept: shown as full). */
export function daySlots(
  pool: readonly (readonly DutySegment[])[],
  policy: AppointmentPolicy,
  eligible?: (staffId: string) => boolean,
): Slot[] {
  const staffed: Interval[] = [];
  for (const segs of pool)
    for (const s of segs)
      if (!eligible || s.staffIds.some(eligible)) staffed.push({ start: s.start, end: s.end });
  const out: Slot[] = [];
  for (const iv of slotIntervals(staffed, policy.slotMinutes))
    out.push({
      start: iv.start,
      end: iv.end,
      capacity: capacityOf(officerMinutes(pool, iv, eligible), policy),
    });
  return out;
}

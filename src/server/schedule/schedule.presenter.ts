import { formatInstant } from '../../domain/calendar';
import type { AbsenceView, HoursRuleView, SubstitutionView } from '../../shared/contracts/schedule';
import type { AbsenceRow, HoursRuleRow, SubstitutionRow } from './schedule.repository';

const iso = (d: Date) => formatInstant(d.getTime());

export const presentHoursRule = (r: HoursRuleRow): HoursRuleView => ({
  id: r.id,
  centerId: r.center_id,
  windowId: r.window_id,
  windowNumber: r.window_number,
  windowName: r.window_name,
  days: r.days,
  date: r.date,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  mode: r.mode,
  periods: r.periods,
  note: r.note,
  createdByName: r.created_by_name,
});

export const presentSubstitution = (s: SubstitutionRow): SubstitutionView => ({
  id: s.id,
  absentStaffId: s.absent_staff_id,
  absentName: s.absent_name,
  standInStaffId: s.stand_in_staff_id,
  standInName: s.stand_in_name,
  windowId: s.window_id,
  windowNumber: s.window_number,
  absenceId: s.absence_id,
  from: iso(s.from_at),
  to: iso(s.ended_at && s.ended_at < s.to_at ? s.ended_at : s.to_at),
  reason: s.reason,
  createdByName: s.created_by_name,
  ended: s.ended_at !== null,
});

export const presentAbsence = (a: AbsenceRow, subs: readonly SubstitutionRow[]): AbsenceView => {
  const sub = subs.find((s) => s.absence_id === a.id);
  return {
    id: a.id,
    staffId: a.staff_id,
    staffName: a.staff_name,
    windowNumber: a.window_number,
    kind: a.kind,
    from: iso(a.from_at),
    to: iso(a.to_at),
    note: a.note,
    createdByName: a.created_by_name,
    cancelled: a.cancelled_at !== null,
    substitution: sub ? presentSubstitution(sub) : null,
  };
};

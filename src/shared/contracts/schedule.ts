import { z } from 'zod';
import { dayKinds, hoursModes } from '../../domain/schedule/window-hours';
import { CivilDate, IsoInstant } from './common';
import { WorkingPeriod } from './calendar';

/**
 * Contracts of the hall's hours and schedules: per-window exceptions to the center hours (错时服务,
 * 值班, 全年无休, 周末便民服务, 轮值), the monthly duty roster, absences, AB岗 substitutions, and the
 * public window directory (窗口服务电话表). Times of day are 'HH:MM' in China time; instants ISO 8601.
 */

export const DayKind = z.enum(dayKinds);
export type DayKind = z.infer<typeof DayKind>;
export const HoursMode = z.enum(hoursModes);
export type HoursMode = z.infer<typeof HoursMode>;

export const dayKindLabels: Record<DayKind, { zh: string; en: string }> = {
  every_day: { zh: '每天', en: 'Every day' },
  workday: { zh: '工作日', en: 'Working days' },
  restday: { zh: '休息日（双休及节假日）', en: 'Rest days (weekends and holidays)' },
  saturday: { zh: '周六', en: 'Saturdays' },
  sunday: { zh: '周日', en: 'Sundays' },
  holiday: { zh: '法定节假日', en: 'Public holidays' },
  date: { zh: '指定日期', en: 'One date' },
};
export const hoursModeLabels: Record<HoursMode, { zh: string; en: string }> = {
  add: { zh: '增加时段', en: 'Add periods' },
  replace: { zh: '改为以下时段', en: 'Replace with' },
  close: { zh: '停止服务', en: 'Closed' },
};

export const HoursRuleBody = z
  .object({
    windowId: z.uuid(),
    days: DayKind,
    date: CivilDate.nullable().default(null),
    validFrom: CivilDate.nullable().default(null),
    validTo: CivilDate.nullable().default(null),
    mode: HoursMode,
    periods: z.array(WorkingPeriod).max(6).default([]),
    note: z.string().trim().max(200).default(''),
  })
  .superRefine((r, ctx) => {
    if ((r.days === 'date') !== (r.date !== null))
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'rule.required' });
    if (r.mode !== 'close' && r.periods.length === 0)
      ctx.addIssue({ code: 'custom', path: ['periods'], message: 'rule.required' });
    r.periods.forEach((p, i) => {
      if (p.end <= p.start)
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'end'], message: 'rule.after_from' });
    });
    if (r.validFrom && r.validTo && r.validTo < r.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'rule.not_before_from' });
  });
export type HoursRuleBody = z.input<typeof HoursRuleBody>;

export const HoursRuleView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  windowId: z.uuid(),
  windowNumber: z.string(),
  windowName: z.string(),
  days: DayKind,
  date: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  mode: HoursMode,
  periods: z.array(WorkingPeriod),
  note: z.string(),
  createdByName: z.string(),
});
export type HoursRuleView = z.infer<typeof HoursRuleView>;

export const CenterQuery = z.object({ centerId: z.uuid().optional() });
export const MonthQuery = z.object({
  centerId: z.uuid().optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'rule.month'),
});
export const RangeQuery = z.object({
  centerId: z.uuid().optional(),
  from: CivilDate,
  to: CivilDate,
});

/** One window on one day in the roster calendar: its open hours and who is on duty. */
export const RosterCell = z.object({
  windowId: z.uuid(),
  /** Open intervals 'HH:MM-HH:MM' while somebody is on duty. */
  open: z.array(z.string()),
  /** Rostered officers (null: no roster row, the posted officers apply). */
  rostered: z.array(z.uuid()).nullable(),
  /** Everyone on duty at some time of the day (after absences and AB substitutions). */
  onDuty: z.array(z.uuid()),
  /** Officers of the day who are absent at some time. */
  absent: z.array(z.uuid()),
  /** B posts standing in at this window that day. */
  standIns: z.array(z.uuid()),
});
export const RosterDay = z.object({
  date: z.string(),
  isWorkday: z.boolean(),
  name: z.string().nullable(),
  cells: z.array(RosterCell),
});
export const RosterMonthView = z.object({
  centerId: z.uuid(),
  month: z.string(),
  windows: z.array(
    z.object({ id: z.uuid(), number: z.string(), name: z.string(), hall: z.string(), phone: z.string() }),
  ),
  staff: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      windowId: z.uuid().nullable(),
      backupOfId: z.uuid().nullable(),
    }),
  ),
  days: z.array(RosterDay),
});
export type RosterMonthView = z.infer<typeof RosterMonthView>;

/** Set who is on duty at a window on one or more days (replaces those days' rows; empty = back to default). */
export const RosterSetBody = z.object({
  centerId: z.uuid(),
  windowId: z.uuid(),
  days: z.array(CivilDate).min(1).max(31),
  staffIds: z.array(z.uuid()).max(10),
  note: z.string().trim().max(200).default(''),
});
export type RosterSetBody = z.input<typeof RosterSetBody>;

export const AbsenceKind = z.enum(['leave', 'meeting', 'training', 'other']);
export type AbsenceKind = z.infer<typeof AbsenceKind>;
export const absenceKindLabels: Record<AbsenceKind, { zh: string; en: string }> = {
  leave: { zh: '请假', en: 'Leave' },
  meeting: { zh: '会议', en: 'Meeting' },
  training: { zh: '培训', en: 'Training' },
  other: { zh: '其他', en: 'Other' },
};

export const AbsenceBody = z
  .object({
    staffId: z.uuid(),
    kind: AbsenceKind,
    from: IsoInstant,
    to: IsoInstant,
    note: z.string().trim().max(200).default(''),
    /** AB岗: 'auto' ropes in the designated B post, a staff id names another, 'none' leaves it. */
    substitute: z.union([z.literal('auto'), z.literal('none'), z.uuid()]).default('auto'),
  })
  .refine((a) => Date.parse(a.to) > Date.parse(a.from), { path: ['to'], message: 'rule.after_from' });
export type AbsenceBody = z.input<typeof AbsenceBody>;

export const SubstitutionView = z.object({
  id: z.uuid(),
  absentStaffId: z.uuid(),
  absentName: z.string(),
  standInStaffId: z.uuid(),
  standInName: z.string(),
  windowId: z.uuid(),
  windowNumber: z.string(),
  absenceId: z.uuid().nullable(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  createdByName: z.string(),
  ended: z.boolean(),
});
export type SubstitutionView = z.infer<typeof SubstitutionView>;

export const AbsenceView = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  windowNumber: z.string().nullable(),
  kind: AbsenceKind,
  from: z.string(),
  to: z.string(),
  note: z.string(),
  createdByName: z.string(),
  cancelled: z.boolean(),
  substitution: SubstitutionView.nullable(),
});
export type AbsenceView = z.infer<typeof AbsenceView>;

export const AbsenceResult = z.object({
  absence: AbsenceView,
  /** Why no B post was roped in (no_window, no_backup, backup_unavailable), or null. */
  substitutionProblem: z.enum(['no_window', 'no_backup', 'backup_unavailable', 'self']).nullable(),
});

export const SubstitutionBody = z
  .object({
    absentStaffId: z.uuid(),
    standInStaffId: z.uuid(),
    from: IsoInstant,
    to: IsoInstant,
    reason: z.string().trim().max(200).default(''),
  })
  .refine((a) => Date.parse(a.to) > Date.parse(a.from), { path: ['to'], message: 'rule.after_from' });
export type SubstitutionBody = z.input<typeof SubstitutionBody>;

export const StandInsView = z.object({
  staffId: z.uuid().nullable(),
  /** The officers this user currently stands in for (AB岗), with their windows. */
  standsInFor: z.array(
    z.object({ staffId: z.uuid(), name: z.string(), windowId: z.uuid(), windowNumber: z.string() }),
  ),
});

/** 窗口服务电话表: windows with hours, items and phones, public. */
export const DirectoryView = z.object({
  centerId: z.uuid(),
  centerName: z.string(),
  centerPhone: z.string(),
  /** The center's regular hours, e.g. '08:30-11:30, 14:00-17:30'. */
  hours: z.string(),
  windows: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      name: z.string(),
      hall: z.string(),
      departmentName: z.string().nullable(),
      phone: z.string(),
      /** Exceptions to the center hours in words: '周六 08:30-11:30, 14:00-17:30' … */
      hoursNotes: z.array(z.string()),
      items: z.array(z.string()),
    }),
  ),
});
export type DirectoryView = z.infer<typeof DirectoryView>;

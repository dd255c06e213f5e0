import { z } from 'zod';
import { CivilDate, IsoInstant } from './common';

/**
 * Contracts of appointments (预约), enterprise bulk appointments (批量办证) and the leaders' enterprise
 * reception (企业接待). Identity of a person who books is the resident ID number with a phone; of an
 * enterprise the unified social credit code (统一社会信用代码).
 */

export const AppointmentPolicyBody = z.object({
  slotMinutes: z.number().int().min(15).max(240),
  perOfficerPerHour: z.number().int().min(1).max(60),
  appointmentSharePct: z.number().int().min(0).max(100),
  bookAheadWorkdays: z.number().int().min(1).max(60),
  sameDayBooking: z.boolean(),
  cancelBeforeHours: z.number().int().min(0).max(168),
  maxPerPersonPerDay: z.number().int().min(1).max(10),
  noShowLimit: z.number().int().min(0).max(20),
  noShowWindowDays: z.number().int().min(1).max(365),
  blacklistDays: z.number().int().min(1).max(365),
  checkInEarlyMinutes: z.number().int().min(0).max(240),
  reminderHoursBefore: z.number().int().min(1).max(168),
  bulkThreshold: z.number().int().min(1).max(1000),
  bulkMinutesPerCase: z.number().int().min(1).max(240),
  bulkMaxOfficers: z.number().int().min(1).max(20),
});
export type AppointmentPolicyBody = z.infer<typeof AppointmentPolicyBody>;

export const SettingsView = z.object({
  centerId: z.uuid(),
  policy: AppointmentPolicyBody,
  bulkRoomWindowId: z.uuid().nullable(),
  /** own = this center's row; default = the built-in numbers. */
  source: z.enum(['own', 'default']),
});
export type SettingsView = z.infer<typeof SettingsView>;
export const SettingsBody = z.object({
  centerId: z.uuid(),
  policy: AppointmentPolicyBody,
  bulkRoomWindowId: z.uuid().nullable(),
});

export const AppointmentStatus = z.enum(['booked', 'checked_in', 'cancelled', 'no_show']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;
export const appointmentStatusLabels: Record<AppointmentStatus, { zh: string; en: string }> = {
  booked: { zh: '已预约', en: 'Booked' },
  checked_in: { zh: '已签到取号', en: 'Checked in' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  no_show: { zh: '失约', en: 'No-show' },
};

export const BookableCategory = z.object({
  id: z.uuid(),
  hallId: z.uuid(),
  hallName: z.string(),
  prefix: z.string(),
  name: z.string(),
  description: z.string(),
  items: z.array(z.string()),
});
export type BookableCategory = z.infer<typeof BookableCategory>;

export const SlotView = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  /** 'HH:MM-HH:MM' in China time. */
  label: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
});
export type SlotView = z.infer<typeof SlotView>;
export const DaySlotsView = z.object({
  date: z.string(),
  isWorkday: z.boolean(),
  bookable: z.boolean(),
  slots: z.array(SlotView),
});
export const SlotsView = z.object({
  categoryId: z.uuid(),
  categoryName: z.string(),
  /** The last day one may book now. */
  lastDay: z.string(),
  days: z.array(DaySlotsView),
});
export type SlotsView = z.infer<typeof SlotsView>;
export const SlotsQuery = z.object({
  categoryId: z.uuid(),
  from: CivilDate.optional(),
  to: CivilDate.optional(),
});

/** Availability of every bookable category of a center over a range (staff planning, the bench). */
export const AvailabilityQuery = z.object({ centerId: z.uuid().optional(), from: CivilDate, to: CivilDate });
export const AvailabilityView = z.object({
  centerId: z.uuid(),
  categories: z.array(
    z.object({
      categoryId: z.uuid(),
      name: z.string(),
      days: z.array(z.object({ date: z.string(), capacity: z.number().int(), booked: z.number().int() })),
    }),
  ),
});

const PersonName = z.string().trim().min(1).max(50);
const IdNumber = z.string().trim().min(15).max(18);
const MobileOrPhone = z.string().trim().min(7).max(20);

export const BookBody = z.object({
  categoryId: z.uuid(),
  startsAt: IsoInstant,
  name: PersonName,
  idNumber: IdNumber,
  phone: MobileOrPhone,
});
export type BookBody = z.input<typeof BookBody>;

export const AppointmentView = z.object({
  id: z.uuid(),
  code: z.string(),
  centerId: z.uuid(),
  categoryId: z.uuid(),
  categoryName: z.string(),
  hallName: z.string(),
  /** Masked for the public answers (张*, 3401**********1234, 138****0000). */
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  label: z.string(),
  status: AppointmentStatus,
  channel: z.enum(['portal', 'staff']),
  /** Until when it may still be cancelled. */
  cancelUntil: z.string(),
  ticketNumber: z.string().nullable(),
  createdAt: z.string(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const LookupBody = z.object({ idNumber: IdNumber, phone: MobileOrPhone });
export const CancelBody = z.object({ phone: MobileOrPhone, reason: z.string().trim().max(200).default('') });
export const StaffCancelBody = z.object({ reason: z.string().trim().min(1).max(200) });
export const CodeParams = z.object({ code: z.string().trim().min(4).max(16) });

/** Check-in at the kiosk by ID number (today's booking) or by booking code. */
export const CheckInBody = z
  .object({
    centerId: z.uuid().optional(),
    idNumber: z.string().trim().max(18).optional(),
    code: z.string().trim().max(16).optional(),
  })
  .refine((b) => Boolean(b.idNumber) !== Boolean(b.code), { path: ['code'], message: 'rule.id_or_code' });
export type CheckInBody = z.input<typeof CheckInBody>;
export const CheckInView = z.object({
  appointment: AppointmentView,
  ticket: z.object({ id: z.uuid(), number: z.string(), categoryName: z.string(), hallName: z.string() }),
});
export type CheckInView = z.infer<typeof CheckInView>;

export const AppointmentListQuery = z.object({
  centerId: z.uuid().optional(),
  day: CivilDate.optional(),
  categoryId: z.uuid().optional(),
  status: AppointmentStatus.optional(),
  q: z.string().trim().max(50).optional(),
});
export const BlacklistView = z.object({
  items: z.array(
    z.object({ idNumber: z.string(), name: z.string(), noShows: z.number().int(), until: z.string() }),
  ),
});

// ------------------------------------------------------------------------------ bulk (批量办证)

export const BulkStatus = z.enum(['requested', 'confirmed', 'received', 'cancelled']);
export type BulkStatus = z.infer<typeof BulkStatus>;
export const bulkStatusLabels: Record<BulkStatus, { zh: string; en: string }> = {
  requested: { zh: '待安排', en: 'Requested' },
  confirmed: { zh: '已确认时段', en: 'Confirmed' },
  received: { zh: '已收件', en: 'Received' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const BulkCreate = z.object({
  centerId: z.uuid().optional(),
  creditCode: z.string().trim().toUpperCase().length(18),
  enterpriseName: z.string().trim().min(1).max(100),
  contactName: PersonName,
  phone: MobileOrPhone,
  itemId: z.uuid(),
  count: z.number().int().min(1).max(2000),
  note: z.string().trim().max(500).default(''),
});
export type BulkCreate = z.input<typeof BulkCreate>;

export const BulkBlock = z.object({
  date: CivilDate,
  /** 'HH:MM' China time. */
  start: z.string().regex(/^\d{2}:\d{2}$/, 'rule.time_hhmm'),
  end: z.string().regex(/^\d{2}:\d{2}$/, 'rule.time_hhmm'),
  staffIds: z.array(z.uuid()).min(1).max(20),
  cases: z.number().int().min(1),
});
export type BulkBlock = z.infer<typeof BulkBlock>;
export const BulkProposalView = z.object({
  blocks: z.array(BulkBlock.extend({ staffNames: z.array(z.string()) })),
  /** Expected visits displaced from the windows while the officers are in the room. */
  cost: z.number(),
});
export const BulkProposalsView = z.object({ proposals: z.array(BulkProposalView) });
export const BulkConfirmBody = z.object({ blocks: z.array(BulkBlock).min(1).max(20) });

export const RosterRowView = z.object({
  rowNo: z.number().int(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  subject: z.string(),
  plannedDate: z.string(),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
});
export const BulkView = z.object({
  id: z.uuid(),
  number: z.string(),
  centerId: z.uuid(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  itemId: z.uuid(),
  itemName: z.string(),
  count: z.number().int(),
  note: z.string(),
  status: BulkStatus,
  roomWindowId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  blocks: z.array(BulkBlock).nullable(),
  rosterRows: z.number().int(),
  receivedRows: z.number().int(),
  createdAt: z.string(),
  confirmedByName: z.string().nullable(),
});
export type BulkView = z.infer<typeof BulkView>;
export const BulkDetailView = BulkView.extend({ roster: z.array(RosterRowView) });
export type BulkDetailView = z.infer<typeof BulkDetailView>;

/** One rejected row of an uploaded roster: the sheet row number, the column and why. */
export const RosterIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RosterIssue = z.infer<typeof RosterIssue>;
export const RosterReport = z.object({
  accepted: z.number().int(),
  rejected: z.array(RosterIssue),
});
export const BulkReceiveBody = z.object({ date: CivilDate.optional() });
export const BulkReceiveView = z.object({
  received: z.number().int(),
  cases: z.array(z.object({ rowNo: z.number().int(), caseId: z.uuid(), caseNumber: z.string() })),
});

// --------------------------------------------------------------------------- reception (企业接待)

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'rule.time_hhmm');
export const TimetableBody = z
  .object({
    centerId: z.uuid(),
    leaderName: z.string().trim().min(1).max(50),
    leaderTitle: z.string().trim().min(1).max(50),
    departmentId: z.uuid().nullable().default(null),
    /** 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: Hhmm,
    endTime: Hhmm,
    room: z.string().trim().min(1).max(50),
    capacity: z.number().int().min(1).max(50).default(3),
    active: z.boolean().default(true),
  })
  .refine((t) => t.endTime > t.startTime, { path: ['endTime'], message: 'rule.after_from' });
export type TimetableBody = z.input<typeof TimetableBody>;
export const TimetableView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  room: z.string(),
  capacity: z.number().int(),
  active: z.boolean(),
  /** Next dates it can be booked, with places left. */
  next: z.array(z.object({ date: z.string(), left: z.number().int() })),
});
export type TimetableView = z.infer<typeof TimetableView>;

export const ReceptionBookBody = z.object({
  timetableId: z.uuid(),
  date: CivilDate,
  creditCode: z.string().trim().toUpperCase().length(18),
  enterpriseName: z.string().trim().min(1).max(100),
  contactName: PersonName,
  phone: MobileOrPhone,
  matter: z.string().trim().min(5).max(2000),
});
export type ReceptionBookBody = z.input<typeof ReceptionBookBody>;

export const ReceptionStatus = z.enum(['booked', 'held', 'cancelled']);
export const ReceptionView = z.object({
  id: z.uuid(),
  code: z.string(),
  timetableId: z.uuid(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  date: z.string(),
  time: z.string(),
  room: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  matter: z.string(),
  status: ReceptionStatus,
  record: z.string().nullable(),
  recordedByName: z.string().nullable(),
  responsibleDepartmentId: z.uuid().nullable(),
  responsibleDepartmentName: z.string().nullable(),
  followUpDue: z.string().nullable(),
  followUpResult: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type ReceptionView = z.infer<typeof ReceptionView>;
export const ReceptionRecordBody = z.object({
  record: z.string().trim().min(1).max(5000),
  responsibleDepartmentId: z.uuid().nullable().default(null),
  followUpDue: CivilDate.nullable().default(null),
});
export const FollowUpBody = z.object({ result: z.string().trim().min(1).max(5000) });
export const ReceptionListQuery = z.object({
  centerId: z.uuid().optional(),
  from: CivilDate.optional(),
  to: CivilDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

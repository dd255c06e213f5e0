import { z } from 'zod';
import type { ExplanationEntry } from '../../domain/clock/clock.types';
import { CivilDate, IsoInstant } from './common';

/**
 * Contracts of the working-day calendar (工作日历) and the deadline calculator (办结期限计算).
 * Dates are 'YYYY-MM-DD' in the center's civil time (China Standard Time); instants are ISO 8601
 * with an offset, and answers give them in +08:00 so they read as local time.
 */

/** Years a calendar may hold (the domain index refuses anything else). */
export const CALENDAR_MIN_YEAR = 1950;
export const CALENDAR_MAX_YEAR = 2200;
const Year = z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR);
const DayName = z.string().trim().max(30);

export const LimitUnit = z.enum(['workday', 'day', 'workhour']);
export type LimitUnit = z.infer<typeof LimitUnit>;

// ----------------------------------------------------------------------------------------- days

/** Where a day's status comes from: a seeded row, an administrator's row, or the weekday rule of a configured year. */
export const DaySource = z.enum(['seed', 'admin', 'weekday']);
export type DaySource = z.infer<typeof DaySource>;

export const CalendarDayView = z.object({
  day: CivilDate,
  isWorkday: z.boolean(),
  name: z.string().nullable(),
  source: DaySource,
  /** The center whose row decides the day (null for the weekday rule). */
  definedBy: z.object({ centerId: z.uuid(), centerName: z.string() }).nullable(),
  /** Decided by an ancestor center, not by the center asked about. */
  inherited: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarYearQuery = z.object({ centerId: z.uuid().optional(), year: Year });
export const CalendarYearView = z.object({
  centerId: z.uuid(),
  centerName: z.string(),
  /** The chain from the root down to this center: whose calendar it inherits. */
  chain: z.array(z.object({ centerId: z.uuid(), centerName: z.string() })),
  year: z.number().int(),
  /** False when the effective calendar has no row in the year: every date in it is refused. */
  configured: z.boolean(),
  /** Every day of the year when configured, else empty. */
  days: z.array(CalendarDayView),
  workdays: z.number().int(),
  /** Days this center decides itself in the year (its overrides, when it has a parent). */
  ownDays: z.number().int(),
  /** Whether an administrator of this user may edit this center's calendar. */
  editable: z.boolean(),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const DayParams = z.object({ date: CivilDate });
/** Writes name the center in the query string (`?centerId=`): the center is the address, the body the content. */
export const DaySetBody = z.object({
  isWorkday: z.boolean(),
  /** 春节, 调休上班… (empty = an ordinary day). */
  name: DayName.nullable().default(null),
});
export type DaySetBody = z.input<typeof DaySetBody>;
export const CenterQuery = z.object({ centerId: z.uuid() });
export const OptionalCenterQuery = z.object({ centerId: z.uuid().optional() });

// ------------------------------------------------------------------------------ year schedules

export const YearParams = z.object({ year: Year });
/**
 * The State Council's yearly notice (国务院办公厅关于某年部分节假日安排的通知): holiday ranges and the
 * make-up working days (调休上班). Every other day of the year follows Mon–Fri.
 */
export const YearScheduleBody = z.object({
  holidays: z
    .array(z.object({ from: CivilDate, to: CivilDate, name: DayName.min(1) }))
    .max(40)
    .default([]),
  workdays: z
    .array(z.object({ day: CivilDate, name: DayName.default('') }))
    .max(40)
    .default([]),
});
export type YearScheduleBody = z.input<typeof YearScheduleBody>;
export const YearChangeView = z.object({
  centerId: z.uuid(),
  year: z.number().int(),
  /** Rows written (bulk entry, copy) or removed (reset) for the center. */
  days: z.number().int(),
});

// ---------------------------------------------------------------------------------- hours

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'rule.time_hhmm');
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'rule.month_day');
export const WorkingPeriod = z.object({ start: Hhmm, end: Hhmm });
export const WorkingHours = z.object({
  periods: z.array(WorkingPeriod).min(1).max(6),
  /** 夏令/冬令作息: from 'MM-DD' to 'MM-DD' inclusive (from > to wraps the year end); first match wins. */
  seasons: z
    .array(z.object({ from: MonthDay, to: MonthDay, periods: z.array(WorkingPeriod).min(1).max(6) }))
    .max(6)
    .default([]),
});
export type WorkingHours = z.infer<typeof WorkingHours>;
export const HoursView = z.object({
  centerId: z.uuid(),
  hours: WorkingHours,
  /** own = set on this center; inherited = from `definedBy`; default = nobody set any (built-in). */
  source: z.enum(['own', 'inherited', 'default']),
  definedBy: z.object({ centerId: z.uuid(), centerName: z.string() }).nullable(),
  editable: z.boolean(),
});
export type HoursView = z.infer<typeof HoursView>;
/** `hours: null` drops the center's own hours so it inherits again (not for the root). */
export const HoursBody = z.object({ hours: WorkingHours.nullable() });

// ------------------------------------------------------------------------------ calculator

export const DeadlineBody = z.object({
  /** Optional: the user's own center when logged in, else the root (county) center. */
  centerId: z.uuid().optional(),
  /** Acceptance instant (受理时间), e.g. '2026-03-02T09:00:00+08:00'. */
  start: IsoInstant,
  amount: z.number(),
  unit: LimitUnit,
  /** Special procedures (特别程序) and in-process 补正 during which the clock stops. */
  pauses: z
    .array(z.object({ from: IsoInstant, to: IsoInstant, kind: z.string().trim().max(30).optional() }))
    .max(50)
    .default([]),
  /** Approved extensions (延期, 第42条), in working days. */
  extensions: z
    .array(
      z.object({
        amount: z.number(),
        unit: LimitUnit.default('workday'),
        approvedBy: z.string().trim().max(50).optional(),
        reason: z.string().trim().max(200).optional(),
      }),
    )
    .max(10)
    .default([]),
});
export type DeadlineBody = z.input<typeof DeadlineBody>;

const at = z.string();
const text = z.string();
/** One explained step (see ExplanationEntry in the clock core) with its text in the request language. */
export const ExplanationEntryView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('start'),
    at,
    day: z.string(),
    amount: z.number(),
    unit: LimitUnit,
    countingFrom: at,
    startDayIsWorkday: z.boolean(),
    afterWorkingHours: z.boolean(),
    text,
  }),
  z.object({ kind: z.literal('makeUpWorkday'), day: z.string(), name: z.string().nullable(), text }),
  z.object({
    kind: z.literal('holidaySkipped'),
    from: z.string(),
    to: z.string(),
    days: z.number(),
    name: z.string(),
    text,
  }),
  z.object({ kind: z.literal('weekendsSkipped'), days: z.number(), text }),
  z.object({ kind: z.literal('rolledToWorkday'), from: z.string(), to: z.string(), text }),
  z.object({
    kind: z.literal('pause'),
    index: z.number(),
    pauseKind: z.string().nullable(),
    from: at,
    to: at.nullable(),
    workingDays: z.number(),
    addedBack: z.number(),
    unit: LimitUnit,
    notes: z.array(
      z.enum(['open', 'overlapsEarlierPause', 'beforeCounting', 'afterDue', 'outsideWorkingTime']),
    ),
    text,
  }),
  z.object({ kind: z.literal('dueBeforeExtensions'), at, day: z.string(), text }),
  z.object({
    kind: z.literal('extension'),
    index: z.number(),
    amount: z.number(),
    approvedBy: z.string().nullable(),
    reason: z.string().nullable(),
    approvedAt: at.nullable(),
    dueAfter: at,
    approvedAfterDue: z.boolean(),
    text,
  }),
  z.object({ kind: z.literal('due'), at, day: z.string(), text }),
  z.object({
    kind: z.literal('legalDue'),
    at,
    day: z.string(),
    amount: z.number(),
    unit: LimitUnit,
    text,
  }),
  z.object({ kind: z.literal('stopped'), at, onTime: z.boolean(), text }),
  z.object({
    kind: z.literal('state'),
    at,
    state: z.enum(['running', 'paused', 'overdue', 'stopped']),
    text,
  }),
]);
export type ExplanationEntryView = z.infer<typeof ExplanationEntryView>;
// The contract must describe every entry the clock core produces (a compile-time check).
type WithoutText<T> = T extends unknown ? Omit<T, 'text'> : never;
type ExplanationCovered = ExplanationEntry extends WithoutText<ExplanationEntryView> ? true : never;
const _explanationCovered: ExplanationCovered = true;

export const DeadlineView = z.object({
  centerId: z.uuid(),
  start: z.string(),
  /** The due instant in +08:00, e.g. '2026-03-16T17:30:00+08:00'. */
  due: z.string(),
  dueDay: CivilDate,
  amount: z.number(),
  unit: LimitUnit,
  explanation: z.array(ExplanationEntryView),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

export const WorkdaysQuery = z.object({ centerId: z.uuid().optional(), from: CivilDate, to: CivilDate });
export const WorkdaysView = z.object({
  centerId: z.uuid(),
  from: CivilDate,
  to: CivilDate,
  /** Working days in [from, to], both ends included. */
  workdays: z.number().int(),
  /** Calendar days in [from, to], both ends included. */
  days: z.number().int(),
});
export type WorkdaysView = z.infer<typeof WorkdaysView>;

/** Centers for the public calculator's picker (no login). */
export const PublicCenterView = z.object({
  id: z.uuid(),
  name: z.string(),
  level: z.enum(['county', 'township', 'village']),
  parentId: z.uuid().nullable(),
});

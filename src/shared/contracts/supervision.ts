import { z } from 'zod';
import type { RuleThresholds } from '../../domain/supervision/supervision.types';

/**
 * Contracts of e-supervision (电子监察): rules and their thresholds, cards, reminders and supervision
 * orders, the desk's watch lists, the accountability feed and the inbox. The cross-field rules of the
 * thresholds (a red card before the yellow one…) live in src/domain/supervision/rule-validate.ts.
 */

export const RuleCode = z.enum([
  'deadline',
  'step_overdue',
  'pause_overrun',
  'pause_no_result',
  'five_day',
  'negative_unreported',
  'fee_mismatch',
  'acceptance_late',
  'immediate_not_same_day',
]);
export type RuleCode = z.infer<typeof RuleCode>;
export const Level = z.enum(['warning', 'yellow', 'red']);
export type Level = z.infer<typeof Level>;
export const OrderLevel = z.enum(['blue', 'orange', 'red']);
export type OrderLevel = z.infer<typeof OrderLevel>;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** A point of the deadline rule: working days relative to the due, % of the limit, or days after the yellow card. */
export const DeadlinePoint = z.strictObject({
  ref: z.enum(['due', 'percent', 'yellow']),
  value: z.number().int().min(-60).max(300),
});

export const ruleThresholdSchemas = {
  deadline: z.strictObject({ warning: DeadlinePoint.nullable(), yellow: DeadlinePoint, red: DeadlinePoint }),
  step_overdue: z.strictObject({ graceWorkdays: int(0, 60) }),
  pause_overrun: z.strictObject({ graceWorkdays: int(0, 60), maxWorkdays: int(1, 1000) }),
  pause_no_result: z.strictObject({}),
  five_day: z.strictObject({ limitWorkdays: int(1, 5), warnBeforeWorkdays: int(0, 4) }),
  negative_unreported: z.strictObject({ reportWithinWorkdays: int(0, 10) }),
  fee_mismatch: z.strictObject({ toleranceFen: int(0, 100_000_000) }),
  acceptance_late: z.strictObject({ maxMinutes: int(1, 1440) }),
  immediate_not_same_day: z.strictObject({ graceMinutes: int(0, 600) }),
} satisfies { [C in RuleCode]: z.ZodType<RuleThresholds[C]> };

export const RuleCodeParams = z.object({ code: RuleCode });
export const ItemRuleParams = z.object({ itemId: z.uuid(), code: RuleCode });

/** Saving a rule: `thresholds` is checked against the rule's own schema, then for contradictions. */
export const RuleUpdate = z.object({
  centerId: z.uuid(),
  enabled: z.boolean(),
  level: Level,
  thresholds: z.record(z.string(), z.unknown()),
  note: z.string().trim().max(500).default(''),
});
export const ItemRuleUpdate = RuleUpdate.omit({ centerId: true });

export const RuleView = z.object({
  code: RuleCode,
  enabled: z.boolean(),
  level: Level,
  thresholds: z.record(z.string(), z.unknown()),
  note: z.string(),
  /** The center whose row is in force (this center or an ancestor); null = not configured. */
  definedAt: z.uuid().nullable(),
  itemId: z.uuid().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type RuleView = z.infer<typeof RuleView>;

export const CenterQuery = z.object({ centerId: z.uuid().optional() });

export const CardQuery = z.object({
  centerId: z.uuid().optional(),
  level: Level.optional(),
  rule: RuleCode.optional(),
  state: z.enum(['open', 'cleared', 'all']).default('open'),
  departmentId: z.uuid().optional(),
  windowId: z.uuid().optional(),
  officerId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const CardView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  itemName: z.string(),
  rule: RuleCode,
  level: Level,
  subject: z.string(),
  persistence: z.enum(['live', 'record']),
  departmentId: z.uuid(),
  departmentName: z.string(),
  windowId: z.uuid().nullable(),
  windowNumber: z.string().nullable(),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  thresholdAt: z.string().nullable(),
  issuedAt: z.string(),
  clearedAt: z.string().nullable(),
  clearReason: z.enum(['concluded', 'condition_ended', 'pause_resumed', 'step_passed', 'manual']).nullable(),
  clearedByName: z.string().nullable(),
  clearNote: z.string().nullable(),
  explanation: z.object({ zh: z.string(), en: z.string() }),
  facts: z.record(z.string(), z.unknown()),
});
export type CardView = z.infer<typeof CardView>;
export const CardList = z.object({ items: z.array(CardView), total: z.number().int() });
export type CardList = z.infer<typeof CardList>;

export const CardClear = z.object({ note: z.string().trim().min(1).max(500) });

/** Counts for the desk header, by level and by group. */
const Group = z.object({
  id: z.string().nullable(),
  name: z.string(),
  warning: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
});
export const SummaryView = z.object({
  at: z.string(),
  open: z.object({ warning: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  byDepartment: z.array(Group),
  byWindow: z.array(Group),
  byOfficer: z.array(Group),
  pausesOverrun: z.number().int(),
  openPauses: z.number().int(),
  fiveDayNear: z.number().int(),
  ordersOpen: z.number().int(),
  ordersOverdue: z.number().int(),
});
export type SummaryView = z.infer<typeof SummaryView>;

export const PauseWatchView = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  kind: z.string(),
  startedAt: z.string(),
  expectedWorkingDays: z.number().int(),
  ageWorkingDays: z.number(),
  overrun: z.boolean(),
});
export type PauseWatchView = z.infer<typeof PauseWatchView>;
export const FiveDayWatchView = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  receivedAt: z.string(),
  limitAt: z.string(),
  remainingWorkingDays: z.number(),
});

export type FiveDayWatchView = z.infer<typeof FiveDayWatchView>;

export const OrderCreate = z
  .object({
    centerId: z.uuid(),
    kind: z.enum(['reminder', 'order']),
    caseId: z.uuid().nullable().default(null),
    cardId: z.uuid().nullable().default(null),
    /** Required for an order on a department; taken from the case otherwise. */
    departmentId: z.uuid().nullable().default(null),
    content: z.string().trim().min(1).max(2000),
    responseWorkdays: z.number().int().min(1).max(30),
  })
  .refine((o) => o.caseId !== null || o.departmentId !== null, {
    message: 'rule.supervision_case_or_department',
    path: ['departmentId'],
  });
export const OrderRespond = z.object({ response: z.string().trim().min(1).max(4000) });
export const OrderVerdict = z.object({
  verdict: z.enum(['satisfied', 'unsatisfied']),
  note: z.string().trim().max(2000).default(''),
});
export const OrderQuery = z.object({
  centerId: z.uuid().optional(),
  status: z.enum(['open', 'responded', 'closed', 'active', 'all']).default('active'),
  /** For department staff: only the orders addressed to their own department. */
  mine: z.coerce.boolean().optional(),
  caseId: z.uuid().optional(),
});

export const OrderEventView = z.object({
  action: z.enum(['issue', 'escalate', 'respond', 'verdict', 'close']),
  level: z.string(),
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
});
export const OrderView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  number: z.string(),
  kind: z.enum(['reminder', 'order']),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  cardId: z.uuid().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  content: z.string(),
  responseWorkdays: z.number().int(),
  responseDueAt: z.string(),
  overdue: z.boolean(),
  level: OrderLevel,
  status: z.enum(['open', 'responded', 'closed']),
  escalations: z.number().int(),
  issuedByName: z.string(),
  issuedAt: z.string(),
  response: z.string().nullable(),
  respondedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedLate: z.boolean().nullable(),
  verdict: z.enum(['satisfied', 'unsatisfied']).nullable(),
  verdictNote: z.string().nullable(),
  verdictByName: z.string().nullable(),
  verdictAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  events: z.array(OrderEventView),
});
export type OrderView = z.infer<typeof OrderView>;

export const CaseHistoryView = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  cards: z.array(CardView),
  orders: z.array(OrderView),
});
export type CaseHistoryView = z.infer<typeof CaseHistoryView>;

export const SweepRequest = z.object({ centerId: z.uuid() });
export const SweepResult = z.object({
  evaluated: z.number().int(),
  issued: z.number().int(),
  cleared: z.number().int(),
  failed: z.number().int(),
  escalated: z.number().int(),
  delivered: z.number().int(),
  more: z.boolean(),
  durationMs: z.number(),
});
export type SweepResult = z.infer<typeof SweepResult>;

/** The accountability feed (for the monthly assessment): counts from cards and orders only. */
export const AccountabilityQuery = z.object({
  centerId: z.uuid().optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'rule.month'),
});
const Counts = z.object({
  warnings: z.number().int(),
  yellowCards: z.number().int(),
  redCards: z.number().int(),
  /** Distinct cases that got a yellow or red deadline card this month. */
  overdueCases: z.number().int(),
  /** Reminders/orders whose response deadline passed without an answer (escalations) this month. */
  lateResponses: z.number().int(),
});
export const AccountabilityRow = Counts.extend({
  dimension: z.enum(['department', 'window', 'officer']),
  id: z.uuid(),
  name: z.string(),
});
export const AccountabilityView = z.object({
  centerId: z.uuid(),
  month: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(AccountabilityRow),
});
export type AccountabilityView = z.infer<typeof AccountabilityView>;

export const NotificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const InboxView = z.object({ unread: z.number().int(), items: z.array(NotificationView) });
export type InboxView = z.infer<typeof InboxView>;

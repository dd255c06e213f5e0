import { z } from 'zod';
import { evaluationChannels, evaluationRounds, satisfactionLevels } from '../../domain/evaluation/levels';
import { rectificationStatuses } from '../../domain/evaluation/rectification';
import { hotlineCategories } from '../../domain/evaluation/policy';
import { CivilDate, Page } from './common';
import { LimitUnit } from './calendar';
import { badReviewTags } from './evaluation-labels';

/** The five levels as words (非常满意 … 非常不满意); numeric codes exist only in the exchange export. */
export const Level = z.enum(satisfactionLevels, { message: 'rule.level' });
export const Channel = z.enum(evaluationChannels);
export const Round = z.enum(evaluationRounds);
export const Tag = z.enum(badReviewTags);
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'rule.month');

/** Indicator ratings, e.g. { overall: 'satisfied', service_attitude: 'dissatisfied' }. */
export const Indicators = z
  .partialRecord(
    z.enum([
      'overall',
      'service_efficiency',
      'service_level',
      'service_attitude',
      'handling_efficiency',
      'guide_accuracy',
      'convenience',
      'platform_usability',
    ]),
    Level,
  )
  .default({});

export const EvaluationSubmit = z.object({
  level: Level.describe('The overall rating (整体满意度).'),
  indicators: Indicators,
  tags: z
    .array(Tag)
    .max(8)
    .default([])
    .describe('Reasons of a 差评; at least one is required for the bottom two levels.'),
  comment: z.string().trim().max(500).default(''),
  /** How the form was reached: the tablet, the QR code on the notice, the SMS link, the web or the app. */
  channel: z.enum(['window_device', 'qr', 'sms', 'web', 'mobile']).default('qr'),
  /** The tablet's key, required with the window_device channel. */
  deviceKey: z.string().max(100).optional(),
  round: Round.optional().describe('Omitted: the first evaluation if none yet, else the follow-up (追评).'),
});
export type EvaluationSubmit = z.infer<typeof EvaluationSubmit>;

export const EvaluationReceipt = z.object({
  id: z.uuid(),
  round: Round,
  level: Level,
  rectificationOpened: z.boolean(),
});

export type EvaluationReceipt = z.infer<typeof EvaluationReceipt>;
export const OfficerCard = z.object({
  name: z.string(),
  initials: z.string(),
  badgeNumber: z.string(),
  post: z.string(),
  departmentName: z.string().nullable(),
});

export const DeviceView = z.object({
  centerName: z.string(),
  window: z.object({ id: z.uuid(), number: z.string(), name: z.string() }),
  officer: OfficerCard.nullable(),
  badReviewTagRequired: z.boolean(),
});

export type DeviceView = z.infer<typeof DeviceView>;
export const PromptView = z.object({
  token: z.string(),
  subjectLabel: z.string(),
  itemName: z.string(),
  endedAt: z.iso.datetime(),
  officer: OfficerCard.nullable(),
});
export const PromptResponse = z.object({ prompt: PromptView.nullable() });

export type PromptResponse = z.infer<typeof PromptResponse>;
export const InvitationView = z.object({
  centerName: z.string(),
  subjectLabel: z.string(),
  itemName: z.string(),
  windowNumber: z.string().nullable(),
  officer: OfficerCard.nullable(),
  endedAt: z.iso.datetime(),
  expired: z.boolean(),
  /** The round the next evaluation takes, or null when both are used (or the link expired). */
  nextRound: Round.nullable(),
  given: z.array(z.object({ round: Round, level: Level, at: z.iso.datetime(), isDefault: z.boolean() })),
  badReviewTagRequired: z.boolean(),
});

export type InvitationView = z.infer<typeof InvitationView>;
export const CaseInvitation = z.object({ token: z.string(), path: z.string() });

export const EvaluationView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  subjectLabel: z.string(),
  caseId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  round: Round,
  level: Level,
  indicators: z.record(z.string(), Level),
  tags: z.array(z.string()),
  comment: z.string(),
  channel: Channel,
  isDefault: z.boolean(),
  excluded: z.boolean(),
  windowNumber: z.string().nullable(),
  staffName: z.string().nullable(),
  departmentName: z.string().nullable(),
  itemName: z.string(),
  /** Hidden (null) from the evaluated officer and from roles that do not follow up reviews. */
  evaluator: z.object({ name: z.string(), phone: z.string() }).nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type EvaluationView = z.infer<typeof EvaluationView>;

export const EvaluationQuery = Page.extend({
  centerId: z.uuid().optional(),
  month: Month.optional(),
  bad: z.enum(['true', 'false']).optional(),
  staffId: z.uuid().optional(),
  windowId: z.uuid().optional(),
});
export const EvaluationList = z.object({ items: z.array(EvaluationView), total: z.number().int() });

export const StaffEvaluationSubmit = EvaluationSubmit.omit({ channel: true, deviceKey: true }).extend({
  channel: z.enum(['web', 'mobile']).default('web'),
});
export type StaffEvaluationSubmit = z.infer<typeof StaffEvaluationSubmit>;

// ── rectification ──────────────────────────────────────────────────────────────

export const RectificationStatus = z.enum(rectificationStatuses);
export const RectificationRating = z.enum(['satisfied', 'basic', 'dissatisfied']);

export const RectificationAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('record_return_visit'),
    note: z.string().trim().max(1000),
    reached: z.boolean(),
  }),
  z.object({
    type: z.literal('decide'),
    decision: z.enum(['rectify', 'explain', 'appeal']),
    text: z.string().trim().max(2000),
  }),
  z.object({
    type: z.literal('request_extension'),
    days: z.number().int(),
    reason: z.string().trim().max(1000),
  }),
  z.object({
    type: z.literal('decide_extension'),
    approve: z.boolean(),
    opinion: z.string().trim().max(1000).default(''),
  }),
  z.object({ type: z.literal('complete'), feedback: z.string().trim().max(2000) }),
  z.object({ type: z.literal('decide_appeal'), accept: z.boolean(), opinion: z.string().trim().max(1000) }),
  z.object({ type: z.literal('rate'), rating: RectificationRating }),
  z.object({ type: z.literal('close'), reason: z.string().trim().max(1000) }),
]);
export type RectificationAction = z.infer<typeof RectificationAction>;

export const RectificationEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  note: z.string(),
  at: z.iso.datetime(),
});

export const RectificationView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  subjectLabel: z.string(),
  status: RectificationStatus,
  level: Level,
  tags: z.array(z.string()),
  comment: z.string(),
  departmentName: z.string().nullable(),
  windowNumber: z.string().nullable(),
  staffName: z.string().nullable(),
  stepEnteredAt: z.iso.datetime(),
  stepDueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  overdueSteps: z.array(z.string()),
  decision: z.enum(['rectify', 'explain', 'appeal']).nullable(),
  extension: z.enum(['none', 'requested', 'approved', 'rejected']),
  requestedExtensionDays: z.number().int().nullable(),
  extensionDays: z.number().int(),
  returnVisitNote: z.string().nullable(),
  decisionText: z.string().nullable(),
  feedback: z.string().nullable(),
  appealOpinion: z.string().nullable(),
  applicantRating: RectificationRating.nullable(),
  evaluator: z.object({ name: z.string(), phone: z.string() }).nullable(),
  /** What the viewer may do now. */
  actions: z.array(z.string()),
  createdAt: z.iso.datetime(),
  events: z.array(RectificationEventView).optional(),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const RectificationQuery = Page.extend({
  centerId: z.uuid().optional(),
  status: RectificationStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const RectificationList = z.object({ items: z.array(RectificationView), total: z.number().int() });

export const PublicRectificationView = z.object({
  status: RectificationStatus,
  decision: z.enum(['rectify', 'explain', 'appeal']).nullable(),
  feedback: z.string().nullable(),
  canRate: z.boolean(),
  applicantRating: RectificationRating.nullable(),
});

// ── return visits ──────────────────────────────────────────────────────────────

export type PublicRectificationView = z.infer<typeof PublicRectificationView>;
export const ReturnVisitView = z.object({
  id: z.uuid(),
  reason: z.enum(['bad_review', 'sample']),
  status: z.enum(['pending', 'done', 'unreachable']),
  subjectLabel: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  phone: z.string(),
  windowNumber: z.string().nullable(),
  staffName: z.string().nullable(),
  dueAt: z.iso.datetime().nullable(),
  calledByName: z.string().nullable(),
  calledAt: z.iso.datetime().nullable(),
  note: z.string(),
  rectificationId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReturnVisitView = z.infer<typeof ReturnVisitView>;
export const ReturnVisitQuery = Page.extend({
  centerId: z.uuid().optional(),
  status: z.enum(['pending', 'done', 'unreachable']).optional(),
});
export const ReturnVisitList = z.object({ items: z.array(ReturnVisitView), total: z.number().int() });
export const SampleRequest = z.object({ centerId: z.uuid(), day: CivilDate });
export const ReturnVisitRecord = z.object({
  reached: z.boolean(),
  note: z.string().trim().min(1).max(1000),
  level: Level.optional().describe('The answer, recorded as a phone-channel evaluation.'),
  indicators: Indicators,
  tags: z.array(Tag).max(8).default([]),
  comment: z.string().trim().max(500).default(''),
});

// ── devices, settings ──────────────────────────────────────────────────────────

export const DeviceBinding = z.object({
  windowId: z.uuid(),
  windowNumber: z.string(),
  windowName: z.string(),
  deviceKey: z.string().nullable(),
  active: z.boolean(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type DeviceBinding = z.infer<typeof DeviceBinding>;
export const DeviceBind = z.object({ windowId: z.uuid() });

const LimitInput = z.object({ amount: z.number().int().min(0).max(365), unit: LimitUnit });
const HotlineLimitsInput = z.object({
  sign: LimitInput,
  reply: LimitInput,
  extensionMaxWorkdays: z.number().int().min(0).max(60),
  returnWithin: LimitInput,
});
export const Policies = z.object({
  evaluation: z.object({
    defaultRating: z.object({
      enabled: z.boolean(),
      afterDays: z.number().int().min(1).max(60),
      level: Level,
      countInRates: z.boolean(),
    }),
    followUpWithinDays: z.number().int().min(1).max(365),
    invitationValidDays: z.number().int().min(1).max(365),
    devicePromptMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    badReviewTagRequired: z.boolean(),
    returnVisit: LimitInput,
    verification: LimitInput,
    rectification: LimitInput,
    rectificationExtensionMaxWorkdays: z.number().int().min(0).max(60),
    appealDecision: LimitInput,
    samplingPercent: z.number().min(0).max(100),
    rankingMinEvaluations: z.number().int().min(0).max(100_000),
  }),
  complaints: z.object({ replyLimit: LimitInput }),
  hotline: z.object(
    Object.fromEntries(hotlineCategories.map((c) => [c, HotlineLimitsInput])) as Record<
      (typeof hotlineCategories)[number],
      typeof HotlineLimitsInput
    >,
  ),
});
export type Policies = z.infer<typeof Policies>;
export const SettingsQuery = z.object({ centerId: z.uuid().optional() });

// ── statistics ─────────────────────────────────────────────────────────────────

export const StatsDim = z.enum(['window', 'staff', 'department', 'item', 'channel']);
export const LevelCountsView = z.object({
  very_satisfied: z.number(),
  satisfied: z.number(),
  basic: z.number(),
  dissatisfied: z.number(),
  very_dissatisfied: z.number(),
});
export const StatsRow = z.object({
  key: z.string(),
  name: z.string(),
  counts: LevelCountsView,
  excluded: z.number(),
  defaults: z
    .number()
    .describe('Default ratings in the month (counted in the rates only when the policy says so).'),
  total: z.number(),
  satisfactionRate: z.number().nullable(),
  badRate: z.number().nullable(),
  averageScore: z.number().nullable(),
});
export type StatsRow = z.infer<typeof StatsRow>;
export const StatsQuery = z.object({
  centerId: z.uuid().optional(),
  month: Month.optional(),
  dim: StatsDim,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(500)
    .describe('The keys with the most evaluations first.'),
});
export const StatsView = z.object({
  month: Month,
  dim: StatsDim,
  defaultsCounted: z.boolean(),
  /** More keys had evaluations than `limit`: rows holds those with the most. */
  truncated: z.boolean(),
  rows: z.array(StatsRow),
});
export type StatsView = z.infer<typeof StatsView>;
export const RankingQuery = z.object({
  centerId: z.uuid().optional(),
  month: Month.optional(),
  size: z.coerce.number().int().min(1).max(50).default(5),
});
export const RankingView = z.object({
  month: Month,
  minEvaluations: z.number().int(),
  top: z.array(StatsRow),
  bottom: z.array(StatsRow),
});
export type RankingView = z.infer<typeof RankingView>;
export const TrendQuery = z.object({
  centerId: z.uuid().optional(),
  to: Month.optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export const TrendView = z.object({ points: z.array(StatsRow.extend({ month: Month })) });
export type TrendView = z.infer<typeof TrendView>;
export const PublicFiguresQuery = z.object({ centerId: z.uuid(), month: Month.optional() });
export const PublicFigures = z.object({
  centerName: z.string(),
  month: Month,
  departments: z.array(
    z.object({
      name: z.string(),
      total: z.number(),
      satisfactionRate: z.number().nullable(),
      bad: z.number(),
      rectified: z.number(),
    }),
  ),
});
export type PublicFigures = z.infer<typeof PublicFigures>;
export const ExportQuery = z.object({
  centerId: z.uuid().optional(),
  month: Month,
  codeSystem: z.enum(['gbt39046', 'provincial']).default('gbt39046'),
});
export const ExchangeRecord = z.object({
  caseNumber: z.string().nullable(),
  evaluateChannel: z.number().int(),
  evaluateTime: z.iso.datetime(),
  assessNumber: z.number().int(),
  satisfaction: z.number().int(),
  satisfactionName: z.string(),
  comment: z.string(),
  isDefault: z.boolean(),
});
export const ExchangeExport = z.object({
  codeSystem: z.enum(['gbt39046', 'provincial']),
  records: z.array(ExchangeRecord),
});

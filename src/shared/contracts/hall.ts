import { z } from 'zod';
import { priorityKinds, ticketActions, ticketStatuses } from '../../domain/queue/ticket-states';
import { CivilDate } from './common';

/**
 * The hall queue (排队叫号) contract: hall settings, ticket categories, tickets, the officer panel,
 * the public kiosk / display / phone views and the live feed they follow. Statistics are in
 * `hall-stats.ts`.
 */

export const TicketStatus = z.enum(ticketStatuses);
export const TicketAction = z.enum(ticketActions);
export const PriorityKind = z.enum(priorityKinds);
export type PriorityKind = z.infer<typeof PriorityKind>;
export const WindowDutyStatus = z.enum(['open', 'paused', 'closed']);
export type WindowDutyStatus = z.infer<typeof WindowDutyStatus>;
export const WaitBasis = z.enum(['live', 'prior', 'no_open_window', 'no_window']);

const weight = z.number().int().min(1).max(100);
export const PriorityWeights = z.object({
  elderly: weight,
  disabled: weight,
  military: weight,
  pregnant: weight,
});

// ---- hall settings ------------------------------------------------------------------------------

export const HallView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  name: z.string(),
  /** Voice and screen text of a call; placeholders {number}, {window}, {category}. */
  announcementTemplate: z.string(),
  /** The rolling notice (滚动通知) of the hall display. */
  notice: z.string(),
  maxRecalls: z.number().int(),
  maxRequeues: z.number().int(),
  priorityWeights: PriorityWeights,
  windowCount: z.number().int(),
});
export type HallView = z.infer<typeof HallView>;

const template = z.string().trim().min(1).max(100);
export const HallCreate = z.object({
  centerId: z.uuid(),
  name: z.string().trim().min(1).max(50),
  announcementTemplate: template.optional(),
  notice: z.string().trim().max(500).default(''),
  maxRecalls: z.number().int().min(0).max(10).default(3),
  maxRequeues: z.number().int().min(0).max(5).default(1),
  priorityWeights: PriorityWeights.optional(),
});
export const HallUpdate = z
  .object({
    announcementTemplate: template,
    notice: z.string().trim().max(500),
    maxRecalls: z.number().int().min(0).max(10),
    maxRequeues: z.number().int().min(0).max(5),
    priorityWeights: PriorityWeights,
  })
  .partial();
export const HallQuery = z.object({ centerId: z.uuid().optional() });

// ---- ticket categories --------------------------------------------------------------------------

export const CategoryView = z.object({
  id: z.uuid(),
  hallId: z.uuid(),
  prefix: z.string(),
  name: z.string(),
  description: z.string(),
  numberFrom: z.number().int(),
  numberTo: z.number().int(),
  dailyReset: z.boolean(),
  dailyCap: z.number().int(),
  expectedServiceMinutes: z.number(),
  sort: z.number().int(),
  active: z.boolean(),
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Windows that can call this category now (from the skills of the officers on duty or assigned). */
  windows: z.array(z.object({ id: z.uuid(), number: z.string() })),
  /** Tickets issued today, against the daily cap. */
  issuedToday: z.number().int(),
});
export type CategoryView = z.infer<typeof CategoryView>;

const categoryFields = z.object({
  prefix: z
    .string()
    .trim()
    .regex(/^[A-Z]$/),
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().max(200).default(''),
  numberFrom: z.number().int().min(1).max(9999),
  numberTo: z.number().int().min(1).max(9999),
  dailyReset: z.boolean().default(true),
  dailyCap: z.number().int().min(1).max(9999),
  expectedServiceMinutes: z.number().min(0.5).max(240),
  sort: z.number().int().min(0).max(999).default(0),
  active: z.boolean().default(true),
  itemIds: z.array(z.uuid()).min(1).max(200),
});
const rangeRule = (c: { numberFrom?: number; numberTo?: number; dailyCap?: number }) =>
  c.numberFrom === undefined ||
  c.numberTo === undefined ||
  c.dailyCap === undefined ||
  (c.numberTo >= c.numberFrom && c.dailyCap <= c.numberTo - c.numberFrom + 1);
export const CategoryCreate = categoryFields
  .extend({ hallId: z.uuid() })
  .refine(rangeRule, { path: ['dailyCap'], message: 'rule.daily_cap_range' });
export const CategoryUpdate = categoryFields.partial();

// ---- tickets ------------------------------------------------------------------------------------

const WindowRef = z.object({ id: z.uuid(), number: z.string(), name: z.string() });

/** What the ticket holder sees (kiosk slip, phone page): no personal data. */
export const TicketPublicView = z.object({
  id: z.uuid(),
  number: z.string(),
  hallId: z.uuid(),
  hallName: z.string(),
  centerName: z.string(),
  categoryName: z.string(),
  status: TicketStatus,
  businessDate: CivilDate,
  issuedAt: z.string(),
  /** Waiting tickets that will be called first; null once called. */
  ahead: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  estimateBasis: WaitBasis.nullable(),
  /** The window that called the ticket, or the window it was transferred to. */
  window: WindowRef.nullable(),
  calledAt: z.string().nullable(),
  priority: PriorityKind.nullable(),
  appointmentAt: z.string().nullable(),
  /** Issued on an earlier business day: no longer valid. */
  expired: z.boolean(),
});
export type TicketPublicView = z.infer<typeof TicketPublicView>;

export const TicketView = TicketPublicView.extend({
  categoryId: z.uuid(),
  channel: z.enum(['kiosk', 'guide', 'appointment']),
  priorityWeight: z.number().int(),
  itemId: z.uuid().nullable(),
  itemName: z.string().nullable(),
  staffId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  queuedAt: z.string(),
  firstCalledAt: z.string().nullable(),
  servingAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recallCount: z.number().int(),
  requeueCount: z.number().int(),
  transferCount: z.number().int(),
  /** The estimate printed on the slip at issue (kept to measure the estimation error). */
  issuedEstimateMinutes: z.number().int().nullable(),
  caseId: z.uuid().nullable(),
  acceptedAt: z.string().nullable(),
  allowedActions: z.array(TicketAction),
});
export type TicketView = z.infer<typeof TicketView>;

export const TicketEventView = z.object({
  id: z.number().int(),
  type: z.string(),
  fromStatus: TicketStatus.nullable(),
  toStatus: TicketStatus,
  windowNumber: z.string().nullable(),
  actorName: z.string(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export const TicketDetail = TicketView.extend({ events: z.array(TicketEventView) });
export type TicketDetail = z.infer<typeof TicketDetail>;

export const KioskTicketRequest = z.object({ categoryId: z.uuid(), itemId: z.uuid().optional() });
export const GuideTicketRequest = z.object({
  hallId: z.uuid(),
  categoryId: z.uuid(),
  itemId: z.uuid().optional(),
  /** A priority the guide has verified (ID card, disability or service card…). */
  priority: PriorityKind.nullable().default(null),
});
export const TicketIssued = z.object({ ticket: TicketPublicView, phonePath: z.string() });
export type TicketIssued = z.infer<typeof TicketIssued>;

export const TicketListQuery = z.object({
  hallId: z.uuid(),
  status: TicketStatus.optional(),
  number: z.string().trim().max(10).optional(),
});
export const CallNumber = z.object({ number: z.string().trim().min(2).max(10) });
export const TransferRequest = z.object({ toWindowId: z.uuid(), toCategoryId: z.uuid().optional() });
export const CancelRequest = z.object({ reason: z.string().trim().min(1).max(200) });
export const PriorityRequest = z.object({ priority: PriorityKind.nullable() });
export const PauseRequest = z.object({ reason: z.string().trim().max(100).default('') });
/** The case opened from the ticket, by id (the cases feature) or by its number (typed at the window). */
export const LinkCaseRequest = z
  .object({ caseId: z.uuid().optional(), caseNumber: z.string().trim().min(1).max(50).optional() })
  .refine((b) => Boolean(b.caseId) !== Boolean(b.caseNumber), {
    path: ['caseNumber'],
    message: 'rule.required',
  });

// ---- windows on duty and the officer panel ------------------------------------------------------

export const OfficerBadge = z.object({
  name: z.string(),
  badgeNumber: z.string(),
  post: z.string(),
  /** For the photo placeholder: the given name's last character(s). */
  initials: z.string(),
});

export const WindowStateView = z.object({
  status: WindowDutyStatus,
  staffId: z.uuid().nullable(),
  officer: OfficerBadge.nullable(),
  pauseReason: z.string(),
  since: z.string().nullable(),
});

export const CategoryWaiting = z.object({
  categoryId: z.uuid(),
  prefix: z.string(),
  name: z.string(),
  waiting: z.number().int(),
  estimatedWaitMinutes: z.number().int().nullable(),
});
export type CategoryWaiting = z.infer<typeof CategoryWaiting>;

export const OfficerPanelView = z.object({
  /** The hall feed position this view reflects. */
  seq: z.number().int(),
  window: WindowRef.extend({
    kind: z.enum(['department', 'comprehensive']),
    hallId: z.uuid(),
    hallName: z.string(),
  }),
  state: WindowStateView,
  /** The actor is the officer on duty here (and may call). */
  onDutyHere: z.boolean(),
  current: TicketView.nullable(),
  categories: z.array(CategoryWaiting),
  next: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      categoryName: z.string(),
      priority: PriorityKind.nullable(),
      appointmentAt: z.string().nullable(),
      transferred: z.boolean(),
      queuedAt: z.string(),
    }),
  ),
  /** Windows of the hall and the categories each can serve, for the transfer dialog. */
  transferTargets: z.array(WindowRef.extend({ categoryIds: z.array(z.uuid()) })),
  hallCategories: z.array(z.object({ id: z.uuid(), prefix: z.string(), name: z.string() })),
  today: z.object({
    served: z.number().int(),
    noShows: z.number().int(),
    transferred: z.number().int(),
    meanServiceMinutes: z.number().nullable(),
  }),
});
export type OfficerPanelView = z.infer<typeof OfficerPanelView>;

// ---- public hall views and the live feed --------------------------------------------------------

export const CallView = z.object({
  seq: z.number().int(),
  ticketNumber: z.string(),
  windowId: z.uuid(),
  windowNumber: z.string(),
  windowName: z.string(),
  categoryName: z.string(),
  /** The hall template filled in, for the screen. */
  text: z.string(),
  /** The same with the number spelled digit by digit, for speech synthesis. */
  speech: z.string(),
  recall: z.boolean(),
  at: z.string(),
});
export type CallView = z.infer<typeof CallView>;

export const BoardWindow = z.object({
  id: z.uuid(),
  number: z.string(),
  name: z.string(),
  status: WindowDutyStatus,
  officer: OfficerBadge.nullable(),
  current: z.object({ number: z.string(), status: TicketStatus }).nullable(),
});
export type BoardWindow = z.infer<typeof BoardWindow>;

export const HallPublicView = z.object({
  /** The feed position this view reflects (follow the feed from here). */
  seq: z.number().int(),
  id: z.uuid(),
  centerId: z.uuid(),
  name: z.string(),
  centerName: z.string(),
  announcementTemplate: z.string(),
  notice: z.string(),
  categories: z.array(CategoryWaiting.extend({ description: z.string(), open: z.boolean() })),
});
export type HallPublicView = z.infer<typeof HallPublicView>;

/**
 * Whether a category issues tickets at `at` by its schedule (hours, duty roster, absences, AB posts;
 * the server's `isCategoryOpen`), not by who happens to be at a window this minute (that is
 * `HallPublicView.categories[].open`). A closed category says when it next opens.
 */
export const CategoryOpenState = z.object({
  categoryId: z.uuid(),
  prefix: z.string(),
  open: z.boolean(),
  /**
   * When it next opens, China time ('2026-03-02T14:00:00+08:00'); null while open, or when nothing is
   * scheduled within two weeks (the kiosk then sends visitors to the guide desk).
   */
  reopensAt: z.string().nullable(),
});
export type CategoryOpenState = z.infer<typeof CategoryOpenState>;

/** The kiosk's one-a-minute check: every active category of the hall, in kiosk order. */
export const HallCategoriesOpenView = z.object({
  hallId: z.uuid(),
  /** The instant the answer is for (the server's clock). */
  at: z.string(),
  categories: z.array(CategoryOpenState),
});
export type HallCategoriesOpenView = z.infer<typeof HallCategoriesOpenView>;

/** The hall display's snapshot; the feed continues from `seq`. */
export const BoardView = z.object({
  seq: z.number().int(),
  hall: HallPublicView.omit({ categories: true, seq: true }),
  windows: z.array(BoardWindow),
  recentCalls: z.array(CallView),
  waiting: z.array(CategoryWaiting),
  serverTime: z.string(),
});
export type BoardView = z.infer<typeof BoardView>;

export const WindowDisplayView = z.object({
  seq: z.number().int(),
  hallId: z.uuid(),
  window: WindowRef.extend({ departmentName: z.string().nullable() }),
  status: WindowDutyStatus,
  officer: OfficerBadge.nullable(),
  current: z.object({ number: z.string(), status: TicketStatus }).nullable(),
});
export type WindowDisplayView = z.infer<typeof WindowDisplayView>;

/** Waiting counts carried by the feed, counted under the hall's feed lock so they are never stale. */
export const FeedWaiting = z.array(z.object({ categoryId: z.uuid(), waiting: z.number().int() }));
export type FeedWaiting = z.infer<typeof FeedWaiting>;

/** One message of the hall feed (SSE `event:` = type, `id:` = seq). */
export const FeedMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    seq: z.number().int(),
    at: z.string(),
    call: CallView,
    waiting: FeedWaiting,
  }),
  z.object({
    type: z.literal('ticket'),
    seq: z.number().int(),
    at: z.string(),
    action: z.string(),
    windowId: z.uuid().nullable(),
    ticketNumber: z.string(),
    status: TicketStatus,
    waiting: FeedWaiting,
  }),
  z.object({ type: z.literal('window'), seq: z.number().int(), at: z.string(), window: BoardWindow }),
  z.object({
    type: z.literal('notice'),
    seq: z.number().int(),
    at: z.string(),
    notice: z.string(),
    announcementTemplate: z.string(),
  }),
]);
export type FeedMessage = z.infer<typeof FeedMessage>;
export type FeedType = FeedMessage['type'];

export const FeedQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

import { z } from 'zod';
import { hotlineStatuses } from '../../domain/evaluation/hotline';
import { hotlineCategories } from '../../domain/evaluation/policy';
import { Page } from './common';
import { Level, Month } from './evaluation';

export const HotlineCategory = z.enum(hotlineCategories);
export const HotlineKind = z.enum(['consult', 'help', 'complaint', 'report', 'suggestion', 'praise']);
export const HotlineStatus = z.enum(hotlineStatuses);

export const hotlineKindLabels: Record<z.infer<typeof HotlineKind>, { zh: string; en: string }> = {
  consult: { zh: '咨询', en: 'Enquiry' },
  help: { zh: '求助', en: 'Request for help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
};

/**
 * One work order as the 12345 platform sends it (HTTP endpoint, JSON import) or staff enter it.
 * `number` is the platform's order number: sending the same order again is harmless.
 */
export const HotlineOrderInput = z.object({
  number: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[\w-]+$/, 'rule.code')
    .describe('The hotline platform’s order number (工单编号).'),
  category: HotlineCategory.default('ordinary').describe(
    '诉求类别: urgent 紧急 / ordinary 一般 / complex 复杂.',
  ),
  kind: HotlineKind.default('help'),
  title: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(10_000),
  callerName: z.string().trim().max(50).default(''),
  callerPhone: z.string().trim().max(30).default(''),
  address: z.string().trim().max(200).default(''),
  receivedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When the hotline received the call (受理); default now.'),
  departmentCode: z
    .string()
    .trim()
    .max(50)
    .optional()
    .describe(
      'When the platform already knows the unit: the department code, and the order is dispatched to it.',
    ),
});
export type HotlineOrderInput = z.infer<typeof HotlineOrderInput>;

export const HotlineInbound = z.object({ orders: z.array(HotlineOrderInput).min(1).max(500) });
export const HotlineInboundResult = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  orders: z.array(z.object({ number: z.string(), id: z.uuid(), status: HotlineStatus })),
});

/** The platform's satisfaction result of a visit, in its own codes (mapped at this edge). */
export const HotlineInboundEvaluation = z.object({
  satisfaction: z.union([z.number(), z.string()]).describe('The satisfaction code of the platform.'),
  codeSystem: z
    .enum(['gbt39046', 'provincial'])
    .describe('gbt39046: 1 = 非常满意; provincial: 1 = 非常不满意.'),
});

export const ManualOrderCreate = HotlineOrderInput.extend({ centerId: z.uuid() });

export const HotlineAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dispatch'),
    leadDepartmentId: z.uuid(),
    coDepartmentIds: z.array(z.uuid()).max(10).default([]),
  }),
  z.object({ type: z.literal('sign') }),
  z.object({ type: z.literal('handle'), note: z.string().trim().max(2000) }),
  z.object({ type: z.literal('return'), reason: z.string().trim().max(1000) }),
  z.object({ type: z.literal('extend'), days: z.number().int(), reason: z.string().trim().max(1000) }),
  z.object({ type: z.literal('reply'), text: z.string().trim().max(5000) }),
  z.object({ type: z.literal('reject_reply'), reason: z.string().trim().max(1000) }),
  z.object({ type: z.literal('supervise'), note: z.string().trim().max(1000) }),
  z.object({ type: z.literal('conclude') }),
  z.object({ type: z.literal('visit'), note: z.string().trim().max(1000), reached: z.boolean() }),
  z.object({ type: z.literal('evaluate'), level: Level }),
]);
export type HotlineAction = z.infer<typeof HotlineAction>;

export const HotlineOrderView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  number: z.string(),
  source: z.enum(['api', 'import', 'manual']),
  category: HotlineCategory,
  kind: HotlineKind,
  title: z.string(),
  content: z.string(),
  callerName: z.string(),
  callerPhone: z.string(),
  address: z.string(),
  receivedAt: z.iso.datetime(),
  status: HotlineStatus,
  leadDepartmentId: z.uuid().nullable(),
  leadDepartmentName: z.string().nullable(),
  coDepartments: z.array(z.object({ id: z.uuid(), name: z.string() })),
  dispatchedAt: z.iso.datetime().nullable(),
  signDueAt: z.iso.datetime().nullable(),
  replyDueAt: z.iso.datetime().nullable(),
  returnDueAt: z.iso.datetime().nullable(),
  signedAt: z.iso.datetime().nullable(),
  repliedAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  extensionDays: z.number().int(),
  supervised: z.array(z.string()),
  supervisionLevel: z.number().int(),
  returnCount: z.number().int(),
  reply: z.string().nullable(),
  visitNote: z.string().nullable(),
  satisfaction: Level.nullable(),
  actions: z.array(z.string()),
  events: z
    .array(
      z.object({
        seq: z.number().int(),
        action: z.string(),
        toStatus: z.string(),
        actorName: z.string(),
        departmentName: z.string().nullable(),
        note: z.string(),
        at: z.iso.datetime(),
      }),
    )
    .optional(),
});
export type HotlineOrderView = z.infer<typeof HotlineOrderView>;

export const HotlineQuery = Page.extend({
  centerId: z.uuid().optional(),
  status: HotlineStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const HotlineList = z.object({ items: z.array(HotlineOrderView), total: z.number().int() });

export const HotlineImportQuery = z.object({
  centerId: z.uuid().optional(),
  format: z.enum(['xlsx', 'json']).optional(),
});
export const HotlineImportReport = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});

export type HotlineImportReport = z.infer<typeof HotlineImportReport>;
export const ApiKeyCreate = z.object({ centerId: z.uuid(), name: z.string().trim().min(1).max(100) });
export const ApiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  revoked: z.boolean(),
  /** Shown once, when created. */
  key: z.string().optional(),
});

export type ApiKeyView = z.infer<typeof ApiKeyView>;
export const HotlineStatsQuery = z.object({ centerId: z.uuid().optional(), month: Month.optional() });
export const HotlineStats = z.object({
  month: Month,
  received: z.number(),
  byStatus: z.record(z.string(), z.number()),
  replied: z.number(),
  repliedOnTime: z.number(),
  supervised: z.number(),
  returned: z.number(),
  onTimeRate: z.number().nullable(),
});

export type HotlineStats = z.infer<typeof HotlineStats>;

import { z } from 'zod';
import { complaintChannels, complaintKinds, complaintStatuses } from '../../domain/evaluation/complaints';
import { Page, Phone } from './common';
import { Month } from './evaluation';

export const ComplaintKind = z.enum(complaintKinds);
export const ComplaintChannel = z.enum(complaintChannels);
export const ComplaintStatus = z.enum(complaintStatuses);
export const Assessment = z.enum(['satisfied', 'basic', 'dissatisfied']);

/** Attachment limits: a photo of a paper form or a receipt, not a video. */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENTS_MAX = 5;
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
] as const;

export const AttachmentInput = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.string().trim().max(100),
  /** The file, base64-encoded. */
  dataBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'rule.base64'),
});

const target = {
  targetWindowId: z.uuid().nullable().default(null),
  targetStaffId: z.uuid().nullable().default(null),
  targetDepartmentId: z.uuid().nullable().default(null),
  targetItemId: z.uuid().nullable().default(null),
};

const intakeBase = z.object({
  centerId: z.uuid(),
  kind: ComplaintKind,
  title: z.string().trim().min(1).max(100),
  content: z.string().trim().min(1).max(5000),
  ...target,
  anonymous: z.boolean().default(false),
  contactName: z.string().trim().max(50).default(''),
  contactPhone: z.union([Phone, z.literal('')]).default(''),
  attachments: z.array(AttachmentInput).default([]),
});
const contactRule = <T extends { anonymous: boolean; contactPhone: string }>(v: T) =>
  v.anonymous || v.contactPhone !== '';

/** The portal's public form (投诉 / 举报 / 表扬 / 建议): a contact, or anonymous. */
export const PublicComplaintCreate = intakeBase.refine(contactRule, {
  message: 'rule.contact_or_anonymous',
  path: ['contactPhone'],
});
/** Staff entering what came by phone, the paper box, a letter or in person. */
export const StaffComplaintCreate = intakeBase
  .extend({ channel: ComplaintChannel.exclude(['portal']) })
  .refine(contactRule, { message: 'rule.contact_or_anonymous', path: ['contactPhone'] });

export const ComplaintReceipt = z.object({ id: z.uuid(), number: z.string(), trackingToken: z.string() });
export type ComplaintReceipt = z.infer<typeof ComplaintReceipt>;

export const ComplaintAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('assign'),
    departmentId: z.uuid(),
    note: z.string().trim().max(1000).default(''),
  }),
  z.object({ type: z.literal('reply'), text: z.string().trim().min(1).max(5000) }),
  z.object({ type: z.literal('assess'), assessment: Assessment }),
  z.object({ type: z.literal('reopen'), note: z.string().trim().min(1).max(1000) }),
  z.object({ type: z.literal('close'), note: z.string().trim().max(1000).default('') }),
  z.object({
    type: z.literal('acknowledge'),
    bonusPoints: z.number().min(0).max(10).default(1),
    note: z.string().trim().max(1000).default(''),
  }),
]);
export type ComplaintAction = z.infer<typeof ComplaintAction>;

export const ComplaintView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  number: z.string(),
  kind: ComplaintKind,
  channel: ComplaintChannel,
  status: ComplaintStatus,
  title: z.string(),
  content: z.string(),
  targetWindowNumber: z.string().nullable(),
  targetStaffName: z.string().nullable(),
  targetDepartmentName: z.string().nullable(),
  targetItemName: z.string().nullable(),
  anonymous: z.boolean(),
  contactName: z.string(),
  contactPhone: z.string(),
  receivedAt: z.iso.datetime(),
  receivedByName: z.string().nullable(),
  assignedDepartmentId: z.uuid().nullable(),
  assignedDepartmentName: z.string().nullable(),
  replyDueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  reply: z.string().nullable(),
  repliedAt: z.iso.datetime().nullable(),
  repliedByName: z.string().nullable(),
  assessment: Assessment.nullable(),
  closedAt: z.iso.datetime().nullable(),
  bonusPoints: z.number(),
  attachments: z.array(z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number() })),
  actions: z.array(z.string()),
  events: z
    .array(
      z.object({
        action: z.string(),
        toStatus: z.string(),
        actorName: z.string(),
        note: z.string(),
        at: z.iso.datetime(),
      }),
    )
    .optional(),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintQuery = Page.extend({
  centerId: z.uuid().optional(),
  status: ComplaintStatus.optional(),
  kind: ComplaintKind.optional(),
});
export const ComplaintList = z.object({ items: z.array(ComplaintView), total: z.number().int() });

export const ComplaintTracking = z.object({
  number: z.string(),
  kind: ComplaintKind,
  status: ComplaintStatus,
  title: z.string(),
  receivedAt: z.iso.datetime(),
  replyDueAt: z.iso.datetime().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.iso.datetime().nullable(),
  assessment: Assessment.nullable(),
  canAssess: z.boolean(),
});

export type ComplaintTracking = z.infer<typeof ComplaintTracking>;
export const ComplaintStatsQuery = z.object({ centerId: z.uuid().optional(), month: Month.optional() });
export const ComplaintStats = z.object({
  month: Month,
  byKind: z.record(z.string(), z.number()),
  received: z.number(),
  replied: z.number(),
  repliedOnTime: z.number(),
  openOverdue: z.number(),
  /** 办复率 = answered / received (complaints, reports, suggestions). */
  replyRate: z.number().nullable(),
  /** 按时答复率 = answered on time / (answered + unanswered past due). */
  onTimeRate: z.number().nullable(),
  satisfiedAssessments: z.number(),
  assessments: z.number(),
});

export type ComplaintStats = z.infer<typeof ComplaintStats>;
export const PublicOptions = z.object({
  centers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  departments: z.array(z.object({ id: z.uuid(), centerId: z.uuid(), name: z.string() })),
  windows: z.array(z.object({ id: z.uuid(), centerId: z.uuid(), number: z.string(), name: z.string() })),
});

export type PublicOptions = z.infer<typeof PublicOptions>;

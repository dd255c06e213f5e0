import { z } from 'zod';
import { Page } from './common';

export const AuditQuery = Page.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
});

export const AuditEntryView = z.object({
  id: z.number(),
  centerId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditList = z.object({ items: z.array(AuditEntryView), total: z.number() });

import { z } from 'zod';
import { CivilDate } from './common';

/**
 * 事项清理 campaigns: a center reviews its catalog department by department, in phases (seed 000:
 * "工作分3个阶段, 共34家单位, 第一阶段10家已经清理完成, 并已公布"). Starting a phase opens a draft of every
 * item of its departments; the drafts then go through the version workflow.
 */
export const CampaignStatus = z.enum(['planning', 'active', 'closed']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;
export const PhaseStatus = z.enum(['pending', 'active', 'completed']);
export type PhaseStatus = z.infer<typeof PhaseStatus>;

export const CampaignCreate = z.object({
  centerId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  phases: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        dueOn: CivilDate.nullable().default(null),
        departmentIds: z.array(z.uuid()).min(1).max(200),
      }),
    )
    .min(1)
    .max(10),
});

export const CampaignActionBody = z.object({ action: z.enum(['start', 'close']) });
export const PhaseActionBody = z.object({ action: z.enum(['start', 'complete']) });
export const PhaseParams = z.object({ id: z.uuid(), phaseId: z.uuid() });

const StatusCounts = z.object({
  draft: z.number(),
  department_review: z.number(),
  center_review: z.number(),
  published: z.number(),
  cancelled: z.number(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const CampaignView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: CampaignStatus,
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  phases: z.array(
    z.object({
      id: z.uuid(),
      seq: z.number(),
      name: z.string(),
      dueOn: z.string().nullable(),
      status: PhaseStatus,
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      departments: z.array(z.object({ id: z.uuid(), name: z.string(), counts: StatusCounts })),
    }),
  ),
});
export type CampaignView = z.infer<typeof CampaignView>;
export const CampaignSummary = CampaignView.omit({ phases: true }).extend({
  phaseCount: z.number(),
  openVersions: z.number(),
});
export const PhaseStartResult = z.object({
  campaign: CampaignView,
  draftsOpened: z.number(),
  skipped: z.number(),
});

import { z } from 'zod';
import { Page } from './common';
import { CaseType, HandlingMode, ItemContentView, ItemType, Level, TimeLimit } from './catalog';

/**
 * The public guides (办事指南): published items in force, readable without login. "八公开": overview,
 * legal basis, fee basis, fee standard, materials, preconditions, procedure and promised limit.
 */
const boolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const GuideListQuery = Page.extend({
  centerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  theme: z.string().trim().max(20).optional(),
  /** A level whose centers accept the item (就近办). */
  level: Level.optional(),
  mode: HandlingMode.optional(),
  /** true = 即办件 only, false = 承诺件 only. */
  immediate: boolQuery,
  itemType: ItemType.optional(),
  q: z.string().trim().max(100).optional(),
});

export const GuideSummary = z.object({
  itemId: z.uuid(),
  versionId: z.uuid(),
  name: z.string(),
  centerId: z.uuid(),
  centerName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  itemType: ItemType,
  caseType: CaseType,
  promisedLimit: TimeLimit,
  handlingModes: z.array(HandlingMode),
  visitsRequired: z.number(),
  acceptLevels: z.array(Level),
  themes: z.array(z.string()),
  feeFree: z.boolean(),
});
export type GuideSummary = z.infer<typeof GuideSummary>;
export const GuideList = z.object({ items: z.array(GuideSummary), total: z.number() });

export const GuideFacetsQuery = z.object({ centerId: z.uuid().optional() });
export const GuideFacets = z.object({
  departments: z.array(
    z.object({ id: z.uuid(), name: z.string(), centerName: z.string(), count: z.number() }),
  ),
  themes: z.array(z.object({ theme: z.string(), count: z.number() })),
  centers: z.array(z.object({ id: z.uuid(), name: z.string(), level: Level })),
});
export type GuideFacets = z.infer<typeof GuideFacets>;

export const GuideView = z.object({
  itemId: z.uuid(),
  versionId: z.uuid(),
  versionNo: z.number(),
  effectiveFrom: z.string().nullable(),
  basicCode: z.string(),
  implCode: z.string(),
  itemTypeCode: z.string(),
  centerId: z.uuid(),
  centerName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  content: ItemContentView,
});
export type GuideView = z.infer<typeof GuideView>;

export const GuideParams = z.object({ itemId: z.uuid() });
export const GuidePdfQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

/**
 * The hall's public board (seed 004): the items concluded on the spot, and the range of promised
 * limits of all the others, with the complaint phone to call when a promised limit is overrun.
 */
export const BoardQuery = z.object({ centerId: z.uuid().optional() });
export const BoardView = z.object({
  centerId: z.uuid(),
  centerName: z.string(),
  onTheSpot: z.array(z.object({ itemId: z.uuid(), name: z.string(), departmentName: z.string() })),
  promisedCount: z.number(),
  ranges: z.array(
    z.object({ unit: TimeLimit.shape.unit, min: z.number(), max: z.number(), count: z.number() }),
  ),
  complaintPhones: z.array(z.string()),
});
export type BoardView = z.infer<typeof BoardView>;

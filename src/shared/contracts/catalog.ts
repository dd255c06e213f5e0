import { z } from 'zod';
import { CivilDate, Page } from './common';
import { itemContentIssues } from './catalog-rules';

/**
 * The service catalog (事项清单) contract, shared by the server (validation, OpenAPI) and the web app
 * (forms, types). An item is a stable identity (center, department, 基本编码, 实施编码); everything it
 * promises the public lives in an immutable version (`ItemContent`). The case feature pins a version
 * (`ItemVersionView.id`) when it accepts a case.
 */

/** 工作日 / 自然日 / 工作小时: the same units as the clock (`src/domain/clock/clock.types.ts`). */
export const LimitUnit = z.enum(['workday', 'day', 'workhour']);
export type LimitUnit = z.infer<typeof LimitUnit>;
export const TimeLimit = z.object({ amount: z.number().int().min(0).max(3650), unit: LimitUnit });
export type TimeLimit = z.infer<typeof TimeLimit>;

/** 即办件 (decided on the spot) / 承诺件 (decided within the promised limit). */
export const CaseType = z.enum(['immediate', 'promised']);
export type CaseType = z.infer<typeof CaseType>;

/** 办理方式 classes of the seed county's list: 现场前置 / 马上办 / 网上办 / 就近办 / 不见面 / 跑一次. */
export const HandlingMode = z.enum([
  'onsite_prerequisite',
  'immediate',
  'online',
  'nearby',
  'no_visit',
  'one_visit',
]);
export type HandlingMode = z.infer<typeof HandlingMode>;

export const Level = z.enum(['county', 'township', 'village']);
export type Level = z.infer<typeof Level>;

/** Semantic item types; the GB/T 39046 附录 A.1 codes are mapped at the edges (table item_type_codes). */
export const ItemType = z.enum([
  'power',
  'licensing',
  'penalty',
  'enforcement',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
  'public_service',
]);
export type ItemType = z.infer<typeof ItemType>;

/** 特别程序 (行政许可法 第45条): time spent in them is not counted; same words as the clock's pause kinds. */
export const SpecialProcedure = z.enum([
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'site_check',
]);
export type SpecialProcedure = z.infer<typeof SpecialProcedure>;

/** Who performs a procedure step of the internal approval chain (受理 → 审核 → 批准). */
export const StepRole = z.enum(['officer', 'chief_rep', 'approver']);
export const ResultKind = z.enum(['certificate', 'document', 'approval']);
export const MaterialForm = z.enum(['paper', 'electronic', 'both']);
/** 'deferrable' = 容缺后补: accepted now, supplied later. */
export const MaterialNecessity = z.enum(['mandatory', 'optional', 'deferrable']);
/** 'e_license' = fetched from the electronic licence library; the applicant brings nothing. */
export const MaterialSource = z.enum(['applicant', 'government', 'e_license']);
export const VersionStatus = z.enum([
  'draft',
  'department_review',
  'center_review',
  'published',
  'cancelled',
]);
export type VersionStatus = z.infer<typeof VersionStatus>;

/**
 * Basic and implementation codes are opaque strings (GB/T 39046 says an..10 / an..24, exchange tables
 * varchar(12)/(36), vendors 12/33 characters): stored as text ≤ 50 and never parsed.
 */
export const ItemCode = z.string().trim().min(1).max(50).regex(/^\S+$/, 'rule.item_code');
const key = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\w-]+$/, 'rule.code');
const text = (max: number) => z.string().trim().max(max);
const title = (max: number) => z.string().trim().min(1).max(max);

export const ItemStep = z.object({
  key,
  name: title(50),
  role: StepRole,
  /** Same unit as the promised limit; the steps together fit in it. */
  limit: TimeLimit,
});
export type ItemStep = z.infer<typeof ItemStep>;

export const ItemFee = z.object({
  name: title(100),
  /** 收费标准 in fen (分), integer so no rounding enters the case's fee check. */
  standardFen: z.number().int().min(0).max(1_000_000_000),
  basis: text(500).default(''),
  reductions: text(500).default(''),
});
export type ItemFee = z.infer<typeof ItemFee>;

export const ItemMaterial = z.object({
  /** Stable within the item across versions, so a case can refer to "material m3" of its version. */
  key,
  name: title(200),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
  form: MaterialForm,
  necessity: MaterialNecessity,
  source: MaterialSource,
  notes: text(500).default(''),
  /** Code of the 办理情形 that requires this material; null = always required. */
  situation: z.string().trim().max(20).nullable().default(null),
  blankFormFileId: z.uuid().nullable().default(null),
  sampleFileId: z.uuid().nullable().default(null),
});
export type ItemMaterial = z.infer<typeof ItemMaterial>;

export const ItemSituation = z.object({ code: key, name: title(100) });
export const ItemFaq = z.object({ q: title(300), a: title(2000) });

const itemContentShape = z.object({
  name: title(200),
  itemType: ItemType,
  exerciseLevel: Level,
  /** Levels whose centers may accept the item (就近办: township centers, village rooms). */
  acceptLevels: z.array(Level).min(1).max(3),
  caseType: CaseType,
  legalLimit: TimeLimit,
  /** Why the legal limit reads as it does when no statute sets one (法定时限说明). */
  legalLimitNote: text(300).default(''),
  promisedLimit: TimeLimit,
  handlingModes: z.array(HandlingMode).min(1).max(6),
  /** 到办事现场次数: 0 = 不见面, ≤ 1 = 最多跑一次. */
  visitsRequired: z.number().int().min(0).max(10),
  /** 必须现场办理原因说明; required when visitsRequired > 0. */
  visitsReason: text(300).default(''),
  /** 网上办理深度 0 none … 7 互联网电子证照反馈. */
  onlineDepth: z.number().int().min(0).max(8),
  legalBasis: title(4000),
  conditions: title(4000),
  steps: z.array(ItemStep).min(1).max(20),
  specialProcedures: z.array(SpecialProcedure).max(9).default([]),
  fees: z.array(ItemFee).max(20).default([]),
  result: z.object({ name: title(100), kind: ResultKind }),
  location: title(200),
  hours: title(200),
  phone: title(50),
  complaintPhone: title(50),
  faq: z.array(ItemFaq).max(50).default([]),
  themes: z.array(title(20)).max(10).default([]),
  materials: z.array(ItemMaterial).max(100),
  situations: z.array(ItemSituation).max(30).default([]),
});

/** Everything one version of an item promises; the rules across fields are in `catalog-rules.ts`. */
export const ItemContent = itemContentShape.superRefine((c, ctx) => {
  for (const issue of itemContentIssues(c))
    ctx.addIssue({ code: 'custom', message: issue.rule, path: issue.path });
});
export type ItemContent = z.infer<typeof itemContentShape>;
/** The content without the cross-field rules: for responses (what was stored was checked when written). */
export const ItemContentView = itemContentShape;

export const ItemCreate = z.object({
  centerId: z.uuid(),
  departmentId: z.uuid(),
  basicCode: ItemCode,
  implCode: ItemCode,
  changeNote: text(500).default(''),
  campaignId: z.uuid().nullable().default(null),
  content: ItemContent,
});
export const ItemIdentityUpdate = z
  .object({ departmentId: z.uuid(), basicCode: ItemCode, implCode: ItemCode })
  .partial();
export const VersionCreate = z.object({
  changeNote: text(500).default(''),
  campaignId: z.uuid().nullable().default(null),
});
export const VersionUpdate = z.object({ changeNote: text(500).optional(), content: ItemContent });

/** Workflow actions on a version: draft → department review → center review → published (or cancelled). */
export const VersionAction = z.enum(['submit', 'approve', 'return', 'cancel']);
export type VersionAction = z.infer<typeof VersionAction>;
export const VersionActionBody = z.object({
  action: VersionAction,
  comment: text(1000).default(''),
  /** When the center's approval publishes the version; defaults to today, never in the past. */
  effectiveFrom: CivilDate.optional(),
});
export const CommentBody = z.object({ comment: title(1000) });

export const VersionEventView = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: VersionStatus.nullable(),
  toStatus: VersionStatus.nullable(),
  actorName: z.string(),
  comment: z.string(),
  at: z.string(),
});
export type VersionEventView = z.infer<typeof VersionEventView>;

/** One version with its item identity: what a case pins and what a guide shows. */
export const ItemVersionView = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  centerId: z.uuid(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  basicCode: z.string(),
  implCode: z.string(),
  /** GB/T 39046 附录 A.1 code of `content.itemType`. */
  itemTypeCode: z.string(),
  versionNo: z.number().int(),
  status: VersionStatus,
  effectiveFrom: z.string().nullable(),
  changeNote: z.string(),
  campaignId: z.uuid().nullable(),
  content: itemContentShape,
  createdByName: z.string(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  departmentReviewedByName: z.string().nullable(),
  departmentReviewedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ItemVersionView = z.infer<typeof ItemVersionView>;

export const ItemVersionDetail = ItemVersionView.extend({ events: z.array(VersionEventView) });
export type ItemVersionDetail = z.infer<typeof ItemVersionDetail>;

const VersionRef = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  status: VersionStatus,
  effectiveFrom: z.string().nullable(),
});

/** A row of the staff catalog list: identity, the effective content's key facts, and the open version. */
export const ItemSummary = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  basicCode: z.string(),
  implCode: z.string(),
  name: z.string(),
  itemType: ItemType,
  caseType: CaseType,
  promisedLimit: TimeLimit,
  legalLimit: TimeLimit,
  handlingModes: z.array(HandlingMode),
  current: VersionRef.nullable(),
  open: VersionRef.nullable(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const ItemListQuery = Page.extend({
  centerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  status: VersionStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export const ItemList = z.object({ items: z.array(ItemSummary), total: z.number() });

export const ItemDetail = z.object({
  item: ItemSummary,
  versions: z.array(
    VersionRef.extend({
      changeNote: z.string(),
      approvedByName: z.string().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/** One change between two consecutive versions, e.g. promisedLimit 20 workday → 5 workday. */
export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const HistoryEntry = z.object({
  versionId: z.uuid(),
  versionNo: z.number().int(),
  status: VersionStatus,
  effectiveFrom: z.string().nullable(),
  changeNote: z.string(),
  departmentReviewedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  changes: z.array(FieldChange),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ItemTypeView = z.object({
  id: ItemType,
  nameZh: z.string(),
  nameEn: z.string(),
  gbCode: z.string(),
  provincialCode: z.string().nullable(),
});

/** 全岗通: the windows and staff who may accept an item. */
export const Assignments = z.object({
  windowIds: z.array(z.uuid()).max(200),
  staffIds: z.array(z.uuid()).max(1000),
});
export const AssignmentsView = Assignments.extend({ itemId: z.uuid() });
export type AssignmentsView = z.infer<typeof AssignmentsView>;

/** A version waiting for the actor's review. */
export const ReviewEntry = z.object({
  versionId: z.uuid(),
  itemId: z.uuid(),
  versionNo: z.number().int(),
  status: VersionStatus,
  name: z.string(),
  departmentName: z.string(),
  implCode: z.string(),
  submittedAt: z.string().nullable(),
  campaignName: z.string().nullable(),
});

export const CompressionQuery = z.object({ centerId: z.uuid().optional(), from: CivilDate, to: CivilDate });
export const CompressionRow = z.object({
  departmentId: z.uuid().nullable(),
  departmentName: z.string(),
  itemsBefore: z.number(),
  itemsAfter: z.number(),
  itemsShortened: z.number(),
  /** Sum of shortened promised limits counted in working days (both versions in working days). */
  workdaysSaved: z.number(),
  /** The same for limits counted in natural days / working hours (kept apart: units never mix). */
  daysSaved: z.number(),
  workhoursSaved: z.number(),
  immediateBefore: z.number(),
  immediateAfter: z.number(),
  /** 即办件 share of the items in force, 0–1. */
  immediateShareBefore: z.number(),
  immediateShareAfter: z.number(),
});
export type CompressionRow = z.infer<typeof CompressionRow>;
export const CompressionReport = z.object({
  from: z.string(),
  to: z.string(),
  departments: z.array(CompressionRow),
  total: CompressionRow,
});
export type CompressionReport = z.infer<typeof CompressionReport>;

export const SkillsQuery = z.object({ centerId: z.uuid().optional() });
export const SkillsRow = z.object({
  itemId: z.uuid(),
  name: z.string(),
  implCode: z.string(),
  departmentName: z.string(),
  windowIds: z.array(z.uuid()),
  staffIds: z.array(z.uuid()),
});
export type SkillsRow = z.infer<typeof SkillsRow>;

import { z } from 'zod';
import {
  caseActions,
  caseDocuments,
  caseKinds,
  caseOutcomes,
  caseStatuses,
  deliveryMethods,
  specialProcedureKinds,
} from '../../domain/cases/case-states';
import { CivilDate, IsoInstant, Page } from './common';

/**
 * The case (办件) contract, shared by the server (validation, OpenAPI) and the web app (forms,
 * types). The vocabulary (statuses, actions, outcomes) is the domain's: `src/domain/cases`.
 * ID numbers are checked by the service (INVALID_ID_NUMBER / INVALID_CREDIT_CODE) so the API names
 * the rule; the web form runs the same checks from `src/domain/identity` before sending.
 */

export const CaseStatus = z.enum(caseStatuses);
export const CaseOutcome = z.enum(caseOutcomes);
export const CaseKind = z.enum(caseKinds);
export const CaseActionName = z.enum(caseActions);
export const CaseDocumentKind = z.enum([...caseDocuments, 'pickup_notice']);
export type CaseDocumentKind = z.infer<typeof CaseDocumentKind>;
export const SpecialProcedureKind = z.enum(specialProcedureKinds);
export const DeliveryMethod = z.enum(deliveryMethods);

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** 证件类型 of an applicant (GA/T 2000.156 codes are mapped at the exchange edge). */
export const IdType = z.enum(['resident_id', 'credit_code', 'passport', 'other']);
export type IdType = z.infer<typeof IdType>;

export const ApplicantInput = z.object({
  kind: z.enum(['person', 'enterprise']),
  name: required(200),
  idType: IdType,
  idNumber: required(50),
  phone: required(30),
  address: text(300).default(''),
  /** 法定代表人 of an enterprise. */
  legalRepresentative: text(100).default(''),
});
export type ApplicantInput = z.infer<typeof ApplicantInput>;

/** 代理人: someone applying on the applicant's behalf (a relative, an employee, a 代办员). */
export const AgentInput = z.object({
  name: required(100),
  idType: z.enum(['resident_id', 'passport', 'other']),
  idNumber: required(50),
  phone: required(30),
});
export type AgentInput = z.infer<typeof AgentInput>;

/**
 * One material of the item as the officer ticks it: received (with the counts), missing (goes on
 * the one-time supplement notice), deferred (容缺: accepted now, supplied later; only materials the
 * catalog marks deferrable) or not applicable (optional, or another situation's).
 */
export const MaterialStatus = z.enum(['received', 'missing', 'deferred', 'not_applicable']);
export type MaterialStatus = z.infer<typeof MaterialStatus>;
export const MaterialTick = z.object({
  key: required(20),
  status: MaterialStatus,
  originals: z.number().int().min(0).max(99).default(0),
  copies: z.number().int().min(0).max(99).default(0),
  note: text(300).default(''),
});
export type MaterialTick = z.infer<typeof MaterialTick>;

/** A missing item beyond the catalog's materials (e.g. "复印件不清晰"), for the one-time notice. */
export const MissingItem = z
  .object({
    /** A material of the item; its name is taken from the catalog when `name` is left out. */
    materialKey: text(20).optional(),
    name: text(200).optional(),
    note: text(300).optional(),
  })
  .refine((m) => Boolean(m.materialKey || m.name), { message: 'rule.required', path: ['name'] });

/** Fees charged, by the names of the catalog's fee lines; a total different from the standard needs a reason. */
export const FeeInput = z.object({
  lines: z
    .array(z.object({ name: required(100), chargedFen: z.number().int().min(0).max(1_000_000_000) }))
    .max(20),
  reason: text(500).optional(),
});
export type FeeInput = z.infer<typeof FeeInput>;

const caseCreateBase = z.object({
  itemId: z.uuid(),
  windowId: z.uuid().optional(),
  channel: z.enum(['counter', 'online']).default('counter'),
  applicant: ApplicantInput,
  agent: AgentInput.optional(),
  /** 办理摘要, e.g. the address of the house or the name of the shop. */
  subject: text(300).default(''),
  materials: z.array(MaterialTick).max(100).default([]),
  fee: FeeInput.optional(),
  /** The hall ticket the visitor was called with (从此号受理): linked to the case in the same transaction. */
  ticketId: z.uuid().optional(),
});

/** Receive a case and decide in the same sitting (one flow at the window): just receive, accept, ask for a supplement or refuse. */
export const CaseCreate = z.discriminatedUnion('decision', [
  caseCreateBase.extend({ decision: z.literal('receive') }),
  caseCreateBase.extend({ decision: z.literal('accept'), opinion: text(1000).optional() }),
  caseCreateBase.extend({
    decision: z.literal('request_supplement'),
    /** Added to the materials ticked missing; together they are ALL the missing items (一次性告知). */
    extraMissing: z.array(MissingItem).max(50).default([]),
    opinion: text(1000).optional(),
  }),
  caseCreateBase.extend({
    decision: z.literal('refuse'),
    reason: required(1000),
    referTo: text(200).optional(),
  }),
]);
export type CaseCreate = z.infer<typeof CaseCreate>;

/** 两证齐发 / 一件事: several items received together for one applicant, delivered together. */
export const BundleCreate = z.object({
  name: required(100),
  windowId: z.uuid().optional(),
  applicant: ApplicantInput,
  agent: AgentInput.optional(),
  subject: text(300).default(''),
  parts: z
    .array(
      z.object({
        itemId: z.uuid(),
        materials: z.array(MaterialTick).max(100).default([]),
        fee: FeeInput.optional(),
      }),
    )
    .min(2)
    .max(10),
  decision: z.enum(['receive', 'accept']).default('accept'),
});
export type BundleCreate = z.infer<typeof BundleCreate>;

const opinion = text(1000).optional();
const reason = required(1000);

/** One action endpoint, the body discriminated by `action` (the names of the transition table). */
export const CaseActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('request_supplement'), missing: z.array(MissingItem).max(50), opinion }),
  z.object({
    action: z.literal('supply'),
    /** Keys of the materials now supplied; all missing ones when omitted. */
    materialKeys: z.array(required(20)).max(100).optional(),
    opinion,
  }),
  z.object({ action: z.literal('accept'), opinion }),
  z.object({ action: z.literal('refuse'), reason, referTo: text(200).optional() }),
  z.object({ action: z.literal('pass_step'), opinion }),
  z.object({
    action: z.literal('return_step'),
    toStep: z.number().int().min(0).max(50).optional(),
    opinion: reason,
  }),
  z.object({
    action: z.literal('pause'),
    kind: SpecialProcedureKind,
    expectedWorkingDays: z.number().int().min(1).max(365),
    reason,
  }),
  z.object({ action: z.literal('resume'), result: text(1000).optional(), opinion }),
  z.object({
    action: z.literal('extend'),
    workingDays: z.number().int().min(1).max(60),
    approvedBy: required(100),
    reason,
  }),
  z.object({
    action: z.literal('approve'),
    certificate: z
      .object({ name: text(100).optional(), number: required(100), validUntil: CivilDate.optional() })
      .optional(),
    opinion,
  }),
  z.object({ action: z.literal('deny'), reason }),
  z.object({ action: z.literal('forward'), toOrg: required(200), reason }),
  z.object({ action: z.literal('withdraw'), reason }),
  z.object({ action: z.literal('void'), reason }),
  z.object({
    action: z.literal('deliver'),
    method: DeliveryMethod,
    trackingNumber: text(50).optional(),
    opinion,
  }),
  z.object({ action: z.literal('close'), opinion }),
  z.object({ action: z.literal('convert_to_promised'), opinion }),
  /** 容缺后补: a deferred material was supplied after acceptance (no change of state, an event). */
  z.object({ action: z.literal('supply_deferred'), materialKeys: z.array(required(20)).min(1).max(100) }),
]);
export type CaseActionBody = z.infer<typeof CaseActionBody>;

export const CaseListQuery = Page.extend({
  status: CaseStatus.optional(),
  departmentId: z.uuid().optional(),
  windowId: z.uuid().optional(),
  /** Open cases due before this instant. */
  dueBefore: IsoInstant.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only the cases I received (the officer's queue). */
  mine: z.enum(['true', 'false']).optional(),
  /** Case number, or part of it. */
  q: text(60).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

const Step = z.object({
  index: z.number().int(),
  count: z.number().int(),
  name: z.string(),
  role: z.string(),
  dueAt: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  itemName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  windowNumber: z.string().nullable(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  kind: CaseKind,
  applicantName: z.string(),
  /** Masked (110105********1234): lists never show a full ID number or phone. */
  applicantIdNumber: z.string(),
  applicantPhone: z.string(),
  receivedAt: z.string(),
  acceptedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** Working days left on the promised limit (fractions of a day count); null when no clock runs. */
  remainingWorkingDays: z.number().nullable(),
  overdue: z.boolean(),
  step: Step,
  flags: z.array(z.string()),
  bundleId: z.uuid().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseList = z.object({
  items: z.array(CaseSummary),
  /** Exact up to 10 000; beyond that `totalIsLowerBound` is true (counting a million rows is not worth it). */
  total: z.number(),
  totalIsLowerBound: z.boolean(),
});

export const CaseEventView = z.object({
  seq: z.number(),
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  stepIndex: z.number().nullable(),
  stepName: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  orgName: z.string(),
  at: z.string(),
  opinion: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const CaseMaterialView = z.object({
  key: z.string().nullable(),
  name: z.string(),
  necessity: z.string(),
  originalsRequired: z.number(),
  copiesRequired: z.number(),
  originalsReceived: z.number(),
  copiesReceived: z.number(),
  status: MaterialStatus,
  note: z.string(),
  suppliedAt: z.string().nullable(),
});

export const CaseDocumentView = z.object({
  id: z.uuid(),
  kind: CaseDocumentKind,
  number: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  eventSeq: z.number(),
});
export type CaseDocumentView = z.infer<typeof CaseDocumentView>;

/** The clock as the domain computes it (src/domain/clock), with its explanation for the UI. */
export const CaseClockView = z.object({
  state: z.enum(['running', 'paused', 'overdue', 'stopped']),
  startedAt: z.string(),
  limit: z.object({ amount: z.number(), unit: z.string() }),
  legalLimit: z.object({ amount: z.number(), unit: z.string() }),
  due: z.string(),
  legalDue: z.string().nullable(),
  elapsedWorkingDays: z.number(),
  remainingWorkingDays: z.number(),
  pausedWorkingDays: z.number(),
  overdueWorkingDays: z.number(),
  onTime: z.boolean().nullable(),
  explanation: z.array(z.record(z.string(), z.unknown())),
  pauses: z.array(
    z.object({
      kind: z.string(),
      expectedWorkingDays: z.number(),
      reason: z.string(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      result: z.string(),
    }),
  ),
  extensions: z.array(
    z.object({ workingDays: z.number(), approvedBy: z.string(), reason: z.string(), approvedAt: z.string() }),
  ),
});
export type CaseClockView = z.infer<typeof CaseClockView>;

export const BundleView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Every part concluded: the one pickup notice is issued and the parts are delivered together. */
  ready: z.boolean(),
  parts: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      itemName: z.string(),
      status: CaseStatus,
      outcome: CaseOutcome.nullable(),
    }),
  ),
});
export type BundleView = z.infer<typeof BundleView>;

export const CaseDetail = CaseSummary.extend({
  centerId: z.uuid(),
  itemId: z.uuid(),
  itemVersionId: z.uuid(),
  channel: z.enum(['counter', 'online']),
  subject: z.string(),
  receivedByName: z.string(),
  applicant: z.object({
    kind: z.enum(['person', 'enterprise']),
    name: z.string(),
    idType: IdType,
    idNumber: z.string(),
    phone: z.string(),
    address: z.string(),
    legalRepresentative: z.string(),
  }),
  agent: AgentInput.nullable(),
  fee: z.object({
    standardFen: z.number(),
    chargedFen: z.number(),
    lines: z.array(z.object({ name: z.string(), standardFen: z.number(), chargedFen: z.number() })),
    reason: z.string().nullable(),
    mismatch: z.boolean(),
  }),
  legalDueAt: z.string().nullable(),
  concludedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  pause: z
    .object({ kind: SpecialProcedureKind, expectedWorkingDays: z.number(), since: z.string() })
    .nullable(),
  extended: z.boolean(),
  supplementRequests: z.number(),
  certificate: z.record(z.string(), z.unknown()).nullable(),
  forwardedTo: z.string().nullable(),
  delivery: z.object({ method: DeliveryMethod, trackingNumber: z.string().nullable() }).nullable(),
  materials: z.array(CaseMaterialView),
  events: z.array(CaseEventView),
  clock: CaseClockView.nullable(),
  documents: z.array(CaseDocumentView),
  /** The next actions this user may take now (the transition table, the role and the step). */
  allowedActions: z.array(z.string()),
  bundle: BundleView.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** A step waiting in a department approver's inbox. */
export const InboxEntry = CaseSummary;
export const Inbox = z.object({ items: z.array(CaseSummary) });

/** 业务受理转办明细表: what the window hands over to each department on a day. */
export const TransferQuery = z.object({ date: CivilDate.optional(), windowId: z.uuid().optional() });
export const TransferList = z.object({
  date: z.string(),
  centerName: z.string(),
  departments: z.array(
    z.object({
      departmentId: z.uuid(),
      departmentName: z.string(),
      cases: z.array(
        z.object({
          id: z.uuid(),
          number: z.string(),
          itemName: z.string(),
          applicantName: z.string(),
          materialsReceived: z.number(),
          acceptedAt: z.string(),
          dueAt: z.string().nullable(),
          windowNumber: z.string().nullable(),
          receivedByName: z.string(),
        }),
      ),
    }),
  ),
});
export type TransferList = z.infer<typeof TransferList>;

/** The public progress lookup: state, remaining working days, pickup — nothing else personal. */
export const ProgressQuery = z.object({ phone: required(30) });
export const ProgressParams = z.object({ number: required(60) });
export const ProgressView = z.object({
  number: z.string(),
  itemName: z.string(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  remainingWorkingDays: z.number().nullable(),
  dueDate: z.string().nullable(),
  pickup: z.object({
    method: DeliveryMethod.nullable(),
    place: z.string(),
    ready: z.boolean(),
  }),
  stages: z.array(
    z.object({ key: z.string(), at: z.string(), label: z.object({ zh: z.string(), en: z.string() }) }),
  ),
});
export type ProgressView = z.infer<typeof ProgressView>;

/** The answer to a receipt: enough to print the documents at once and open the case. */
export const CaseCreated = z.object({
  id: z.uuid(),
  number: z.string(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  kind: CaseKind,
  dueAt: z.string().nullable(),
  documents: z.array(CaseDocumentView),
});
export type CaseCreated = z.infer<typeof CaseCreated>;
export const BundleCreated = z.object({ bundleId: z.uuid(), cases: z.array(CaseCreated) });

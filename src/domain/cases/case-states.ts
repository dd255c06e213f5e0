import type { Role } from '../../shared/contracts/roles';

/**
 * The vocabulary of the case (办件) state machine: statuses, events, effects and the snapshot the
 * transition table works on. The rules themselves live in `case-transitions.ts`.
 *
 * Why these statuses and no others:
 * - `accepted` means "accepted and in process" (审查/审核/决定); the current approval step is data
 *   (`stepIndex`), not a status, so the table does not grow with each item's procedure.
 * - An extension (延期, 行政许可法 第42条) is an event on an in-process case, not a status: during the
 *   extension the case is handled exactly as before (steps pass, pauses start and end), only the due
 *   date moves. A status would have to duplicate every in-process transition. The snapshot keeps an
 *   `extended` flag because 第42条 allows one extension.
 * - `concluded` (办结) carries its outcome (approved | denied | forwarded | withdrawn | voided)
 *   instead of five statuses: all five stop the clock and count as 办结 in the rates.
 * - `refused` (不予受理) is terminal: the application was never accepted, no clock ran, and the
 *   applicant applies anew.
 */

export const caseStatuses = [
  'draft', // 草稿 / 网上申报, not yet received
  'received', // 收件 (counter or online), pre-review before acceptance
  'supplement_requested', // 补正: one-time notice of all missing materials issued, waiting for them
  'refused', // 不予受理 (terminal)
  'accepted', // 受理 and in process through the item's approval steps
  'paused', // 特别程序 (第45条): the clock stops
  'concluded', // 办结, see `outcome`
  'delivered', // 送达 / 领取
  'closed', // 归档, nothing more happens
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseOutcomes = ['approved', 'denied', 'forwarded', 'withdrawn', 'voided'] as const;
/** 准予/出证, 不予许可, 转报, 撤回/退件, 作废. */
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseKinds = ['immediate', 'promised'] as const;
/** 即办件 (decided on the spot) or 承诺件 (decided within the promised working days). */
export type CaseKind = (typeof caseKinds)[number];

/** 行政许可法 第45条 lists the first eight; GB/T 39046 adds 实地核查 (site check) to the examples. */
export const specialProcedureKinds = [
  'hearing', // 听证
  'tender', // 招标
  'auction', // 拍卖
  'inspection', // 检验
  'testing', // 检测
  'quarantine', // 检疫
  'appraisal', // 鉴定
  'expert_review', // 专家评审
  'site_check', // 现场核查
] as const;
export type SpecialProcedureKind = (typeof specialProcedureKinds)[number];

export const deliveryMethods = ['window', 'courier', 'electronic'] as const;
/** 窗口领取, 快递 (tracking number required), 电子送达. */
export type DeliveryMethod = (typeof deliveryMethods)[number];

export const caseDocuments = [
  'material_receipt', // 收件材料接收凭证
  'supplement_notice', // 补正材料通知书 (一次性告知)
  'acceptance_notice', // 受理通知书
  'refusal_notice', // 不予受理通知书 (with reasons and the rights of review)
  'special_procedure_notice', // 特别程序告知书 (第45条: the time needed, in writing)
  'extension_notice', // 延期告知书 (第42条: the reason for the extension)
  'decision_approve', // 准予许可决定书
  'decision_deny', // 不予许可决定书 (with reasons and the rights of review)
  'delivery_receipt', // 送达回证
] as const;
export type CaseDocument = (typeof caseDocuments)[number];

/** Things supervision must look at; raised as effects, the service stores them. */
export const caseFlags = [
  'deemed_accepted', // no acceptance, refusal or supplement notice within 5 working days (第32条)
  'repeated_supplement', // a second supplement notice: the one-time notice (一次性告知) was not complete
  'immediate_not_concluded', // an 即办件 not concluded on the day it was accepted
] as const;
export type CaseFlag = (typeof caseFlags)[number];

/** Who performs an action: a staff or applicant role, or the system (jobs such as the 5-day watchdog). */
export type CaseActorRole = Role | 'system';

/**
 * What the transition table needs to know about a case. Invariants (kept by `transition`):
 * `outcome` is set exactly when status is concluded, delivered or closed; `pause` is set exactly
 * when status is paused; `0 <= stepIndex < stepCount`.
 */
export interface CaseSnapshot {
  readonly status: CaseStatus;
  readonly kind: CaseKind;
  readonly outcome: CaseOutcome | null;
  /** 0-based index of the current approval step while accepted or paused. */
  readonly stepIndex: number;
  /** Number of approval steps of the pinned item version's procedure (≥ 1). */
  readonly stepCount: number;
  readonly pause: { readonly kind: SpecialProcedureKind; readonly expectedWorkingDays: number } | null;
  /** 第42条 allows one extension; a second one is refused. */
  readonly extended: boolean;
  readonly deemedAccepted: boolean;
  /** 否定报备 done (a negative decision was reported to supervision). */
  readonly negativeReported: boolean;
  /** An 即办件 that was not concluded on the day and became a promised case. */
  readonly convertedFromImmediate: boolean;
  /** 补正补齐次数: supplement notices issued before acceptance. More than one is flagged. */
  readonly supplementRequests: number;
}

interface EventBase {
  readonly actorRole: CaseActorRole;
  /** 办理意见: free text recorded with the event. Required where noted. */
  readonly opinion?: string;
}

export interface MissingMaterial {
  readonly materialId?: string;
  readonly name: string;
  /** What is wrong or missing (e.g. "缺少原件", "复印件不清晰"). */
  readonly note?: string;
}

export type CaseEvent =
  | (EventBase & { readonly type: 'receive'; readonly channel: 'counter' | 'online' })
  | (EventBase & {
      readonly type: 'request_supplement';
      readonly missingMaterials: readonly MissingMaterial[];
    })
  | (EventBase & { readonly type: 'supply' })
  | (EventBase & { readonly type: 'accept' })
  | (EventBase & { readonly type: 'deem_accept' })
  | (EventBase & { readonly type: 'refuse'; readonly reason: string; readonly referTo?: string })
  | (EventBase & { readonly type: 'pass_step' })
  | (EventBase & { readonly type: 'return_step'; readonly toStep?: number; readonly opinion: string })
  | (EventBase & {
      readonly type: 'pause';
      readonly kind: SpecialProcedureKind;
      readonly expectedWorkingDays: number;
      readonly reason: string;
    })
  | (EventBase & { readonly type: 'resume'; readonly result?: string })
  | (EventBase & {
      readonly type: 'extend';
      readonly workingDays: number;
      /** The department head (负责人) who approved the extension. */
      readonly approvedBy: string;
      readonly reason: string;
    })
  | (EventBase & {
      readonly type: 'approve';
      readonly certificate?: {
        readonly name?: string;
        readonly number: string;
        readonly validUntil?: string;
      };
    })
  | (EventBase & { readonly type: 'deny'; readonly reason: string })
  | (EventBase & { readonly type: 'forward'; readonly toOrg: string; readonly reason: string })
  | (EventBase & { readonly type: 'withdraw'; readonly reason: string })
  | (EventBase & { readonly type: 'void'; readonly reason: string })
  | (EventBase & {
      readonly type: 'deliver';
      readonly method: DeliveryMethod;
      readonly trackingNumber?: string;
    })
  | (EventBase & { readonly type: 'close' })
  | (EventBase & { readonly type: 'convert_to_promised' });

export type CaseAction = CaseEvent['type'];

export const caseActions = [
  'receive',
  'request_supplement',
  'supply',
  'accept',
  'deem_accept',
  'refuse',
  'pass_step',
  'return_step',
  'pause',
  'resume',
  'extend',
  'approve',
  'deny',
  'forward',
  'withdraw',
  'void',
  'deliver',
  'close',
  'convert_to_promised',
] as const satisfies readonly CaseAction[];

/**
 * Work the service layer must do after writing the new state and the event row, in order.
 * The domain only names it; the clock, document and supervision modules do it.
 */
export type CaseEffect =
  /** Start the limit clock. `received_at`: a deemed acceptance counts from receipt (第32条). */
  | { readonly type: 'startClock'; readonly from: 'now' | 'received_at' }
  /** Open a paused interval; its working days are added back to the due date (第45条). */
  | { readonly type: 'pauseClock'; readonly kind: SpecialProcedureKind; readonly expectedWorkingDays: number }
  | { readonly type: 'resumeClock' }
  | { readonly type: 'extendClock'; readonly workingDays: number }
  | { readonly type: 'stopClock' }
  /** Start the step limit of approval step `stepIndex`. */
  | { readonly type: 'enterStep'; readonly stepIndex: number }
  /** An 即办件 became promised: compute the due date from the item's promised limit. */
  | { readonly type: 'applyPromisedLimit' }
  /** 否定报备: report the negative decision to supervision. */
  | { readonly type: 'reportNegative' }
  | { readonly type: 'issueDocument'; readonly document: CaseDocument }
  | { readonly type: 'raiseFlag'; readonly flag: CaseFlag }
  /** 转报: hand the case to the higher-level organisation. */
  | { readonly type: 'forwardCase'; readonly toOrg: string };

export interface TransitionResult {
  readonly next: CaseSnapshot;
  readonly effects: readonly CaseEffect[];
}

/** Compile-time proof that `caseActions` lists every event type. */
type MissingActions = Exclude<CaseAction, (typeof caseActions)[number]>;
const _caseActionsComplete: [MissingActions] extends [never] ? true : never = true;

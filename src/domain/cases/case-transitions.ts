import { AppError } from '../errors';
import { reasonErrorParams, roleErrorParams, transitionErrorParams } from '../../shared/cases/labels';
import { roleMayPerform } from './case-roles';
import {
  caseActions,
  deliveryMethods,
  specialProcedureKinds,
  type CaseAction,
  type CaseActorRole,
  type CaseEffect,
  type CaseEvent,
  type CaseKind,
  type CaseSnapshot,
  type CaseStatus,
  type TransitionResult,
} from './case-states';

/**
 * The case transition table: for every action, the statuses it may start from, a guard on the
 * snapshot's data, and what it produces. `transition` is the only way a case changes status.
 *
 * Steps: an item's procedure has `stepCount` approval steps (承办 → 审核 → 批准 …). `pass_step`
 * moves to the next step and is not allowed on the last one: the last step ends with the decision
 * itself (`approve`, `deny` or `forward`), so there is never a case whose steps are all passed
 * but which is not concluded. An 即办件 is decided on the spot by the chief representative
 * (一审一核) at any step: its internal steps are not walked.
 */

type EventMap = { readonly [A in CaseAction]: Extract<CaseEvent, { type: A }> };

interface Gate {
  readonly from: readonly CaseStatus[];
  /** A data condition beyond the status; returns the key of the rule that fails, or null. */
  guard?(s: CaseSnapshot): string | null;
}

interface Rule<A extends CaseAction> extends Gate {
  /** Validates the payload (throws AppError) and returns the next snapshot and effects. */
  apply(s: CaseSnapshot, e: EventMap[A]): TransitionResult;
}

/** Renders "is invalid" on the field: `issueMessage` falls back to it for an empty rule key. */
const INVALID = '';

const isBlank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function requireReason(action: CaseAction, value: string | undefined, field = 'reason'): void {
  if (isBlank(value))
    throw new AppError('CASE_REASON_REQUIRED', reasonErrorParams(action), { [field]: 'rule.required' });
}

function requireText(value: string | undefined, field: string): void {
  if (isBlank(value)) throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.required' });
}

function requirePositiveInt(value: number, field: string): void {
  if (!Number.isInteger(value) || value <= 0)
    throw new AppError('VALIDATION_FAILED', {}, { [field]: INVALID });
}

function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value)) throw new AppError('VALIDATION_FAILED', {}, { [field]: INVALID });
}

const result = (next: CaseSnapshot, ...effects: CaseEffect[]): TransitionResult => ({ next, effects });

/** The clock effects of leaving the process early (withdraw, void): close an open pause, then stop. */
function stopEffects(s: CaseSnapshot): CaseEffect[] {
  if (s.status === 'paused') return [{ type: 'resumeClock' }, { type: 'stopClock' }];
  if (s.status === 'accepted') return [{ type: 'stopClock' }];
  return []; // not accepted yet: no clock ran (limits count from acceptance, 第42条)
}

const promisedOnly = (s: CaseSnapshot): string | null => (s.kind === 'promised' ? null : 'immediate_case');

/** The decision (approve, deny, forward) belongs to the last step, or to the spot for an 即办件. */
const atDecisionPoint = (s: CaseSnapshot): string | null =>
  s.kind === 'immediate' || s.stepIndex === s.stepCount - 1 ? null : 'steps_remaining';

const beforeConclusion: readonly CaseStatus[] = ['received', 'supplement_requested', 'accepted', 'paused'];

const rules: { readonly [A in CaseAction]: Rule<A> } = {
  receive: {
    from: ['draft'],
    apply(s, e) {
      requireOneOf(e.channel, ['counter', 'online'], 'channel');
      return result({ ...s, status: 'received' }, { type: 'issueDocument', document: 'material_receipt' });
    },
  },
  request_supplement: {
    from: ['received'],
    apply(s, e) {
      // 第32条: tell ALL the missing materials at once (一次性告知); an empty list is no notice at all.
      if (e.missingMaterials.length === 0 || e.missingMaterials.some((m) => isBlank(m.name))) {
        throw new AppError('CASE_SUPPLEMENT_LIST_REQUIRED', {}, { missingMaterials: 'rule.required' });
      }
      const supplementRequests = s.supplementRequests + 1;
      const effects: CaseEffect[] = [{ type: 'issueDocument', document: 'supplement_notice' }];
      // A second notice means the first was not complete: allowed, but supervision must see it.
      if (supplementRequests > 1) effects.push({ type: 'raiseFlag', flag: 'repeated_supplement' });
      return result({ ...s, status: 'supplement_requested', supplementRequests }, ...effects);
    },
  },
  supply: {
    from: ['supplement_requested'],
    // Back to pre-review: the officer now accepts or refuses. The watchdog counts from the latest receipt.
    apply: (s) =>
      result({ ...s, status: 'received' }, { type: 'issueDocument', document: 'material_receipt' }),
  },
  accept: {
    from: ['received'],
    apply: (s) =>
      result(
        { ...s, status: 'accepted', stepIndex: 0 },
        { type: 'startClock', from: 'now' },
        { type: 'enterStep', stepIndex: 0 },
        { type: 'issueDocument', document: 'acceptance_notice' },
      ),
  },
  deem_accept: {
    // 第32条: no acceptance, refusal or supplement notice within five (working) days ⇒ accepted from
    // the day the materials were received. The watchdog job decides that the five days are over.
    from: ['received'],
    apply: (s) =>
      result(
        { ...s, status: 'accepted', stepIndex: 0, deemedAccepted: true },
        { type: 'startClock', from: 'received_at' },
        { type: 'enterStep', stepIndex: 0 },
        { type: 'raiseFlag', flag: 'deemed_accepted' },
      ),
  },
  refuse: {
    from: ['received', 'supplement_requested'],
    apply(s, e) {
      requireReason('refuse', e.reason);
      // The refusal notice states the reasons and the rights of review (复议/诉讼); a refusal is a
      // negative decision, so it is reported like a denial (否定报备).
      return result(
        { ...s, status: 'refused', negativeReported: true },
        { type: 'issueDocument', document: 'refusal_notice' },
        { type: 'reportNegative' },
      );
    },
  },
  pass_step: {
    from: ['accepted'],
    guard: (s) => (s.stepIndex < s.stepCount - 1 ? null : 'last_step_needs_decision'),
    apply(s) {
      const stepIndex = s.stepIndex + 1;
      return result({ ...s, stepIndex }, { type: 'enterStep', stepIndex });
    },
  },
  return_step: {
    from: ['accepted'],
    guard: (s) => (s.stepIndex > 0 ? null : 'first_step'),
    apply(s, e) {
      requireReason('return_step', e.opinion, 'opinion');
      const toStep = e.toStep ?? s.stepIndex - 1;
      if (!Number.isInteger(toStep) || toStep < 0 || toStep >= s.stepIndex) {
        throw new AppError(
          'CASE_INVALID_STEP',
          { step: toStep + 1, current: s.stepIndex + 1 },
          { toStep: INVALID },
        );
      }
      return result({ ...s, stepIndex: toStep }, { type: 'enterStep', stepIndex: toStep });
    },
  },
  pause: {
    from: ['accepted'],
    // An 即办件 is decided on the spot; one needing a special procedure is converted to promised first.
    guard: promisedOnly,
    apply(s, e) {
      requireOneOf(e.kind, specialProcedureKinds, 'kind');
      requirePositiveInt(e.expectedWorkingDays, 'expectedWorkingDays');
      requireReason('pause', e.reason);
      const pause = { kind: e.kind, expectedWorkingDays: e.expectedWorkingDays };
      // 第45条: the time is not counted, and the applicant is told the time needed in writing.
      return result(
        { ...s, status: 'paused', pause },
        { type: 'pauseClock', ...pause },
        { type: 'issueDocument', document: 'special_procedure_notice' },
      );
    },
  },
  resume: {
    from: ['paused'],
    apply: (s) => result({ ...s, status: 'accepted', pause: null }, { type: 'resumeClock' }),
  },
  extend: {
    from: ['accepted', 'paused'],
    // 第42条: one extension (10 working days; 15 for joint handling), approved by the head, reasons told.
    guard: (s) => promisedOnly(s) ?? (s.extended ? 'already_extended' : null),
    apply(s, e) {
      requirePositiveInt(e.workingDays, 'workingDays');
      requireText(e.approvedBy, 'approvedBy');
      requireReason('extend', e.reason);
      return result(
        { ...s, extended: true },
        { type: 'extendClock', workingDays: e.workingDays },
        { type: 'issueDocument', document: 'extension_notice' },
      );
    },
  },
  approve: {
    from: ['accepted'],
    guard: atDecisionPoint,
    apply(s, e) {
      if (e.certificate) requireText(e.certificate.number, 'certificate.number');
      return result(
        { ...s, status: 'concluded', outcome: 'approved' },
        { type: 'stopClock' },
        { type: 'issueDocument', document: 'decision_approve' },
      );
    },
  },
  deny: {
    from: ['accepted'],
    guard: atDecisionPoint,
    apply(s, e) {
      requireReason('deny', e.reason);
      return result(
        { ...s, status: 'concluded', outcome: 'denied', negativeReported: true },
        { type: 'stopClock' },
        { type: 'issueDocument', document: 'decision_deny' },
        { type: 'reportNegative' },
      );
    },
  },
  forward: {
    from: ['accepted'],
    guard: atDecisionPoint,
    apply(s, e) {
      requireText(e.toOrg, 'toOrg');
      requireReason('forward', e.reason);
      return result(
        { ...s, status: 'concluded', outcome: 'forwarded' },
        { type: 'stopClock' },
        { type: 'forwardCase', toOrg: e.toOrg },
      );
    },
  },
  withdraw: {
    from: beforeConclusion,
    apply(s, e) {
      requireReason('withdraw', e.reason);
      return result({ ...s, status: 'concluded', outcome: 'withdrawn', pause: null }, ...stopEffects(s));
    },
  },
  void: {
    from: beforeConclusion,
    apply(s, e) {
      requireReason('void', e.reason);
      return result({ ...s, status: 'concluded', outcome: 'voided', pause: null }, ...stopEffects(s));
    },
  },
  deliver: {
    from: ['concluded'],
    // A decision (approval or denial) is served on the applicant (第44条); the others have no result.
    guard: (s) => (s.outcome === 'approved' || s.outcome === 'denied' ? null : 'nothing_to_deliver'),
    apply(s, e) {
      requireOneOf(e.method, deliveryMethods, 'method');
      if (e.method === 'courier') requireText(e.trackingNumber, 'trackingNumber');
      return result({ ...s, status: 'delivered' }, { type: 'issueDocument', document: 'delivery_receipt' });
    },
  },
  close: {
    from: ['concluded', 'delivered'],
    guard: (s) =>
      s.status === 'delivered' ||
      s.outcome === 'forwarded' ||
      s.outcome === 'withdrawn' ||
      s.outcome === 'voided'
        ? null
        : 'not_delivered',
    apply: (s) => result({ ...s, status: 'closed' }),
  },
  convert_to_promised: {
    from: ['accepted'],
    guard: (s) => (s.kind === 'immediate' ? null : 'already_promised'),
    apply: (s) =>
      result(
        { ...s, kind: 'promised', convertedFromImmediate: true },
        { type: 'applyPromisedLimit' },
        { type: 'raiseFlag', flag: 'immediate_not_concluded' },
      ),
  },
};

/** Why `action` is not possible on `s` by status or data (not by role), or null if it is. */
function blockedBy(s: CaseSnapshot, action: CaseAction): string | null {
  const gate: Gate = rules[action];
  if (!gate.from.includes(s.status)) return 'status';
  return gate.guard?.(s) ?? null;
}

/**
 * Apply one event to a case. Throws AppError CASE_INVALID_TRANSITION (state, action, rule),
 * CASE_ROLE_NOT_ALLOWED, CASE_REASON_REQUIRED, CASE_SUPPLEMENT_LIST_REQUIRED, CASE_INVALID_STEP or
 * VALIDATION_FAILED. Pure: `s` is not modified.
 */
export function transition(s: CaseSnapshot, event: CaseEvent): TransitionResult {
  const action = event.type;
  const blocked = blockedBy(s, action);
  if (blocked) {
    throw new AppError('CASE_INVALID_TRANSITION', {
      ...transitionErrorParams(s.status, s.outcome, action),
      rule: blocked,
    });
  }
  if (!roleMayPerform(action, event.actorRole, s)) {
    throw new AppError('CASE_ROLE_NOT_ALLOWED', roleErrorParams(event.actorRole, action));
  }
  return applyRule(s, action, event);
}

/** Correlates the action with its event type, so each rule sees its own payload. */
function applyRule<A extends CaseAction>(s: CaseSnapshot, action: A, event: EventMap[A]): TransitionResult {
  const rule: Rule<A> = rules[action];
  return rule.apply(s, event);
}

/** The next allowed actions, for the UI; with a role, only those that role may perform. */
export function allowedActions(s: CaseSnapshot, role?: CaseActorRole): CaseAction[] {
  return caseActions.filter(
    (a) => blockedBy(s, a) === null && (role === undefined || roleMayPerform(a, role, s)),
  );
}

/** A new case before receipt. `stepCount` comes from the pinned item version's procedure. */
export function newCaseSnapshot(opts: { kind: CaseKind; stepCount: number }): CaseSnapshot {
  if (!Number.isInteger(opts.stepCount) || opts.stepCount < 1) {
    throw new RangeError(`stepCount must be a positive integer, got ${opts.stepCount}`);
  }
  return {
    status: 'draft',
    kind: opts.kind,
    outcome: null,
    stepIndex: 0,
    stepCount: opts.stepCount,
    pause: null,
    extended: false,
    deemedAccepted: false,
    negativeReported: false,
    convertedFromImmediate: false,
    supplementRequests: 0,
  };
}

import type { CaseOutcome, CaseStatus } from '../../domain/cases';
import type { Limit } from '../../domain/clock';
import type { SupervisedCase } from '../../domain/supervision';
import type { CaseRow, DecisionEventRow, ExtensionRow, PauseRow } from './sweep.repository';

/**
 * The case records turned into what the rules look at (src/domain/supervision SupervisedCase).
 * Facts the case row does not keep come from its events: when it was refused and why, when the
 * supplement notice went out, the reason of a denial. 否定报备 is recorded with the decision (the
 * case engine's reportNegative effect), so a reported decision was reported at the decision's time.
 */
export interface CaseParts {
  pauses: readonly PauseRow[];
  extensions: readonly ExtensionRow[];
  events: readonly DecisionEventRow[];
  ticketCalledAt: Date | null;
}

const inProcess = (s: string) => s === 'accepted' || s === 'paused';

export function toSupervisedCase(
  r: CaseRow & { step_limit: Limit | null },
  parts: CaseParts,
): SupervisedCase {
  const refusal = parts.events.find((e) => e.type === 'refuse');
  const denial = [...parts.events].reverse().find((e) => e.type === 'deny');
  const decision = r.status === 'refused' ? refusal : r.outcome === 'denied' ? denial : undefined;
  const supplement = parts.events.find(
    (e) => e.type === 'request_supplement' && e.at.getTime() >= r.last_received_at.getTime(),
  );
  const reported = r.negative_reported || r.flags.includes('negative_reported');
  const fee =
    r.fee_charged_fen !== 0 || r.fee_standard_fen !== 0
      ? {
          chargedFen: Number(r.fee_charged_fen),
          standardFen: Number(r.fee_standard_fen),
          reason: r.fee_reason,
        }
      : null;
  return {
    id: r.id,
    status: r.status as CaseStatus,
    immediate: r.kind === 'immediate' || r.converted_from_immediate,
    outcome: r.outcome as CaseOutcome | null,
    receivedAt: r.last_received_at,
    acceptedAt: r.accepted_at,
    deemedAccepted: r.deemed_accepted,
    supplementRequestedAt: supplement?.at ?? null,
    refusedAt: refusal?.at ?? null,
    concludedAt: r.concluded_at,
    limit: { amount: r.promised_limit_amount, unit: r.promised_limit_unit },
    legalLimit: { amount: r.legal_limit_amount, unit: r.legal_limit_unit },
    pauses: parts.pauses.map((p) => ({
      id: p.id,
      kind: p.kind,
      from: p.started_at,
      to: p.ended_at,
      expectedWorkingDays: p.expected_working_days,
      result: p.result === '' ? null : p.result,
    })),
    extensions: parts.extensions.map((e) => ({
      amount: e.working_days,
      unit: 'workday',
      approvedBy: e.approved_by,
      reason: e.reason,
      approvedAt: e.approved_at,
    })),
    step:
      inProcess(r.status) && r.step_entered_at
        ? { index: r.step_index, name: r.step_name, enteredAt: r.step_entered_at, limit: r.step_limit }
        : null,
    decisionReason: decision ? decision.opinion : null,
    negativeReportedAt: reported && decision ? decision.at : null,
    fee,
    ticketCalledAt: parts.ticketCalledAt,
  };
}

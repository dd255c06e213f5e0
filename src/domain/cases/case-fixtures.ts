import type { CaseAction, CaseEvent, CaseSnapshot } from './case-states';
import { newCaseSnapshot } from './case-transitions';

/** Test fixtures for the case state machine (used by unit tests here and by service tests). */

/** A snapshot in any state; defaults to a promised case with three approval steps. */
export function buildSnapshot(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return { ...newCaseSnapshot({ kind: 'promised', stepCount: 3 }), ...overrides };
}

/** A valid event for every action, by a role allowed to perform it (the system for jobs). */
export const sampleEvents: { readonly [A in CaseAction]: Extract<CaseEvent, { type: A }> } = {
  receive: { type: 'receive', actorRole: 'officer', channel: 'counter' },
  request_supplement: {
    type: 'request_supplement',
    actorRole: 'officer',
    missingMaterials: [{ name: '营业执照复印件', note: '缺少加盖公章的复印件' }],
  },
  supply: { type: 'supply', actorRole: 'applicant' },
  accept: { type: 'accept', actorRole: 'officer' },
  deem_accept: { type: 'deem_accept', actorRole: 'system' },
  refuse: {
    type: 'refuse',
    actorRole: 'officer',
    reason: '不属于本机关职权范围',
    referTo: '市市场监督管理局',
  },
  pass_step: { type: 'pass_step', actorRole: 'approver', opinion: '同意' },
  return_step: { type: 'return_step', actorRole: 'approver', opinion: '材料需复核' },
  pause: {
    type: 'pause',
    actorRole: 'approver',
    kind: 'expert_review',
    expectedWorkingDays: 10,
    reason: '需组织专家评审',
  },
  resume: { type: 'resume', actorRole: 'approver', result: '专家评审通过' },
  extend: {
    type: 'extend',
    actorRole: 'approver',
    workingDays: 10,
    approvedBy: '张局长',
    reason: '情况复杂',
  },
  approve: { type: 'approve', actorRole: 'chief_rep' },
  deny: { type: 'deny', actorRole: 'chief_rep', reason: '不符合法定条件' },
  forward: {
    type: 'forward',
    actorRole: 'chief_rep',
    toOrg: '市市场监督管理局',
    reason: '依法由上级机关决定',
  },
  withdraw: { type: 'withdraw', actorRole: 'applicant', reason: '申请人主动撤回' },
  void: { type: 'void', actorRole: 'officer', reason: '重复录入' },
  deliver: { type: 'deliver', actorRole: 'officer', method: 'window' },
  close: { type: 'close', actorRole: 'officer' },
  convert_to_promised: { type: 'convert_to_promised', actorRole: 'system' },
};

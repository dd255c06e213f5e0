import { allowedActions, roleMayPerform } from '../../domain/cases';
import type { CaseAction, CaseActorRole, CaseSnapshot } from '../../domain/cases';
import { AppError } from '../../domain/errors';
import { actorRoleLabel } from '../../shared/cases/labels';
import type { Role } from '../../shared/contracts/roles';
import type { Actor } from '../http/actor';

/**
 * Who sees a case and in which role they act on it. The transition table decides what a role may do
 * in a state (src/domain/cases/case-roles.ts); this adds the org scope and the step's assignee.
 *
 * Scope (a case outside it answers 404, never 403):
 *  - window, village and center staff see the cases of their center and the centers below it;
 *  - department approvers and chief representatives see their department's cases wherever received
 *    (a village room receives for a county department);
 *  - applicants see the cases received under their own ID document.
 */
const centerRoles: readonly Role[] = [
  'officer',
  'village_acceptor',
  'proxy_agent',
  'admin',
  'supervisor',
  'leader',
];
const departmentRoles: readonly Role[] = ['approver', 'chief_rep'];

export interface CaseScope {
  centerPath: string | null;
  departmentId: string | null;
  applicantId: string | null;
}

export function caseScope(actor: Actor): CaseScope {
  const has = (rs: readonly Role[]) => actor.roles.some((r) => rs.includes(r));
  return {
    centerPath: has(centerRoles) ? actor.centerPath : null,
    departmentId: has(departmentRoles) ? actor.departmentId : null,
    applicantId: actor.roles.includes('applicant') ? actor.applicantId : null,
  };
}

/** Actions whose performer must be the current step's assignee (the step's role). */
const stepActions: ReadonlySet<CaseAction> = new Set(['pass_step', 'return_step']);

/**
 * The role the actor acts in for `action`: one of their roles the table allows, preferring the
 * current step's role. A step is passed or returned by its assignee role; the chief representative,
 * the department's authorised approver in the hall, may act on any step of the department.
 * When no role fits, the first role is returned so the transition table names the refusal.
 */
export function actingRole(
  actor: Actor,
  action: CaseAction,
  s: CaseSnapshot,
  step: { name: string; role: string },
): CaseActorRole {
  const stepRole = step.role;
  const allowed = actor.roles.filter((r) => roleMayPerform(action, r, s));
  if (stepActions.has(action) && allowed.length > 0) {
    if (allowed.includes(stepRole as Role)) return stepRole as Role;
    if (allowed.includes('chief_rep')) return 'chief_rep';
    const label = actorRoleLabel(stepRole as Role);
    throw new AppError('CASE_STEP_ROLE', { step: step.name, roleLabelZh: label.zh, roleLabelEn: label.en });
  }
  const preferred = allowed.find((r) => r === stepRole) ?? allowed[0];
  return preferred ?? actor.roles[0] ?? 'applicant';
}

/** The next actions this actor may take: the table's, filtered by their roles and the step's assignee. */
export function actionsFor(actor: Actor, s: CaseSnapshot, stepRole: string): CaseAction[] {
  const out = new Set<CaseAction>();
  for (const r of actor.roles) {
    for (const a of allowedActions(s, r)) {
      if (stepActions.has(a) && r !== stepRole && r !== 'chief_rep') continue;
      out.add(a);
    }
  }
  return [...out];
}

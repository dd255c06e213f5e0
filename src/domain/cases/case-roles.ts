import type { CaseAction, CaseActorRole, CaseSnapshot } from './case-states';

/**
 * Which roles may perform each case action. This is the role half of authorization; the server's
 * policy adds the org scope and the step's assignee. Reasons for the less obvious rows:
 * - a village acceptor accepts and forwards but never decides (no refuse, approve, deny);
 * - the 5-working-day deemed acceptance is done only by the watchdog job (`system`);
 * - the applicant (or a proxy agent on their behalf) receives online, supplies and withdraws.
 */
const actionRoles: { readonly [A in CaseAction]: readonly CaseActorRole[] } = {
  receive: ['officer', 'chief_rep', 'village_acceptor', 'proxy_agent', 'applicant', 'system'],
  request_supplement: ['officer', 'chief_rep', 'village_acceptor'],
  supply: ['applicant', 'proxy_agent', 'officer', 'chief_rep', 'village_acceptor'],
  accept: ['officer', 'chief_rep', 'village_acceptor'],
  deem_accept: ['system'],
  refuse: ['officer', 'chief_rep'],
  pass_step: ['officer', 'approver', 'chief_rep'],
  return_step: ['officer', 'approver', 'chief_rep'],
  pause: ['officer', 'approver', 'chief_rep'],
  resume: ['officer', 'approver', 'chief_rep'],
  extend: ['approver', 'chief_rep'],
  approve: ['approver', 'chief_rep'],
  deny: ['approver', 'chief_rep'],
  forward: ['officer', 'approver', 'chief_rep', 'village_acceptor'],
  withdraw: ['applicant', 'proxy_agent', 'officer', 'chief_rep'],
  void: ['officer', 'chief_rep', 'admin'],
  deliver: ['officer', 'chief_rep', 'village_acceptor', 'proxy_agent'],
  close: ['officer', 'chief_rep', 'village_acceptor', 'system'],
  convert_to_promised: ['officer', 'chief_rep', 'system'],
};

/**
 * 一审一核: on an 即办件 the window officer reviews (accepts) and the chief representative decides on
 * the spot, so only the chief representative approves or denies it.
 */
const immediateDeciders: readonly CaseActorRole[] = ['chief_rep'];

export function roleMayPerform(action: CaseAction, role: CaseActorRole, snapshot: CaseSnapshot): boolean {
  if (snapshot.kind === 'immediate' && (action === 'approve' || action === 'deny')) {
    return immediateDeciders.includes(role);
  }
  return actionRoles[action].includes(role);
}

/** The roles allowed to perform `action` at all (for docs and admin screens). */
export function rolesFor(action: CaseAction): readonly CaseActorRole[] {
  return actionRoles[action];
}

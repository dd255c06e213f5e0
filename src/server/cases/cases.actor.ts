import type { CaseActorRole } from '../../domain/cases';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import type { EventActor } from './cases.engine';
import * as repo from './cases.repository';
import type { OrgInfo } from './cases.repository';

/**
 * The "who and which organisation" of an event (GB/T 39046: 环节处理人, 处理单位 + 统一社会信用代码).
 * Department staff act for their department; everyone else for their center.
 */
export interface StaffCtx {
  actor: Actor;
  now: Date;
}

export async function actorOrg(q: Queryable, actor: Actor): Promise<OrgInfo | null> {
  return actor.centerId ? repo.orgInfo(q, actor.centerId, actor.departmentId) : null;
}

export function eventActor(actor: Actor, role: CaseActorRole, org: OrgInfo | null): EventActor {
  const department = org?.department_name && actor.departmentId ? org : null;
  return {
    userId: actor.userId,
    name: actor.displayName,
    role,
    orgId: department ? actor.departmentId : actor.centerId,
    orgName: department?.department_name ?? org?.center_name ?? '',
    orgCreditCode: department?.department_credit_code ?? '',
  };
}

/** Jobs (the 5-working-day watchdog, the 即办 conversion) act as the system, for the case's center. */
export function systemActor(org: OrgInfo, centerId: string): EventActor {
  return {
    userId: null,
    name: '系统',
    role: 'system',
    orgId: centerId,
    orgName: org.center_name,
    orgCreditCode: '',
  };
}

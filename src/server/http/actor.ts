import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors';
import type { Role } from '../../shared/contracts/roles';

/**
 * Who is asking, resolved from the session once per request. `centerPath` scopes every query: a staff
 * member sees their own center and the centers below it; applicants see only their own records.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  centerId: string | null;
  centerPath: string | null;
  departmentId: string | null;
  staffId: string | null;
  applicantId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  roles.some((r) => actor.roles.includes(r));

/** The authenticated actor, optionally holding one of `roles`; 401 without a session, 403 without the role. */
export function requireActor(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = req.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (roles.length > 0 && !hasRole(actor, ...roles)) throw new AppError('FORBIDDEN');
  return actor;
}

/** A staff actor (has a center); applicants get 403. */
export function requireStaff(
  req: FastifyRequest,
  ...roles: Role[]
): Actor & { centerId: string; centerPath: string } {
  const actor = requireActor(req, ...roles);
  if (!actor.centerId || !actor.centerPath) throw new AppError('FORBIDDEN');
  return actor as Actor & { centerId: string; centerPath: string };
}

import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import * as repo from './auth.repository';
import { hashPassword, verifyPassword } from './passwords';

// Login throttling (shared by all processes through the database): after this many failures in the
// window, further attempts for the same username or from the same address are refused.
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;
// A hash of a random password, verified against when the username is unknown, so the answer takes
// the same time whether or not the account exists.
let decoyHash: Promise<string> | undefined;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function actorFromUser(u: repo.UserRow): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    centerId: u.center_id,
    centerPath: u.center_path,
    departmentId: u.department_id,
    staffId: u.staff_id,
    applicantId: u.applicant_id,
  };
}

export async function login(
  q: Queryable,
  input: { username: string; password: string; ip: string; now: Date; ttlHours: number },
): Promise<{ token: string; csrfToken: string; user: repo.UserRow }> {
  const since = new Date(input.now.getTime() - FAILURE_WINDOW_MS);
  const failures = await repo.countRecentFailures(q, input.username, input.ip, since);
  if (failures.by_user >= MAX_FAILURES_PER_USER || failures.by_ip >= MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', { seconds: FAILURE_WINDOW_MS / 1000 });
  }
  const user = await repo.findUserByUsername(q, input.username);
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyPassword(
        await (decoyHash ??= hashPassword(randomBytes(16).toString('hex'))),
        input.password,
      );
  if (!user || !ok || user.disabled) {
    await repo.recordLoginFailure(q, input.username, input.ip, input.now);
    throw new AppError('LOGIN_FAILED');
  }
  await repo.clearLoginFailures(q, input.username);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await repo.insertSession(q, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    now: input.now,
    expiresAt: new Date(input.now.getTime() + input.ttlHours * 3600_000),
  });
  return { token, csrfToken, user };
}

export async function logout(q: Queryable, token: string): Promise<void> {
  await repo.deleteSession(q, hashToken(token));
}

export async function changePassword(
  q: Queryable,
  input: { actor: Actor; token: string; currentPassword: string; newPassword: string; now: Date },
): Promise<void> {
  const user = await repo.findUserById(q, input.actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', {}, { currentPassword: 'rule.current_password_wrong' });
  }
  await repo.updatePassword(q, user.id, await hashPassword(input.newPassword), input.now);
  // Other sessions of this account end: a changed password must lock out whoever knew the old one.
  await repo.deleteOtherSessions(q, user.id, hashToken(input.token));
}

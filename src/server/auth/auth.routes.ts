import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors';
import { ChangePasswordBody, LoginBody, Me } from '../../shared/contracts/auth';
import { ErrorBody, Ok } from '../../shared/contracts/common';
import { requireActor } from '../http/actor';
import { findUserById, type UserRow } from './auth.repository';
import { changePassword, login, logout } from './auth.service';
import { SESSION_COOKIE, clearSessionCookie, sessionsChanged, setSessionCookie } from './session';

const presentMe = (u: UserRow, csrfToken: string) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  centerId: u.center_id,
  centerName: u.center_name,
  departmentId: u.department_id,
  staffId: u.staff_id,
  applicantId: u.applicant_id,
  csrfToken,
});

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = app.config.env === 'production';

  r.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginBody, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => {
      // No transaction on purpose: a failed attempt must stay recorded for the throttle.
      const { token, csrfToken, user } = await login(app.db, {
        ...req.body,
        ip: req.ip,
        now: app.wallClock.now(),
        ttlHours: app.config.sessionTtlHours,
      });
      setSessionCookie(reply, token, app.config.sessionTtlHours, secure);
      return presentMe(user, csrfToken);
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await logout(app.db, token);
      await sessionsChanged(app);
    }
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: Me, 401: ErrorBody } } },
    async (req) => {
      const actor = requireActor(req);
      const user = await findUserById(app.db, actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      return presentMe(user, req.sessionCsrf ?? '');
    },
  );

  r.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Ok, 400: ErrorBody } } },
    async (req) => {
      const actor = requireActor(req);
      await app.db.transaction((tx) =>
        changePassword(tx, {
          actor,
          token: req.cookies[SESSION_COOKIE] ?? '',
          ...req.body,
          now: app.wallClock.now(),
        }),
      );
      await sessionsChanged(app);
      return { ok: true as const };
    },
  );
}

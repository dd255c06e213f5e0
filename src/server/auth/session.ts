import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../domain/errors';
import * as repo from './auth.repository';
import { actorFromUser, hashToken } from './auth.service';

export const SESSION_COOKIE = 'ow_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Sliding expiry is written at most this often, so a busy screen does not write on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Resolves `req.actor` from the session cookie on every request, and enforces CSRF protection: a
 * changing request that rides on a session cookie must echo the session's token in `x-csrf-token`
 * (a cross-site form cannot read it). Requests without a session cookie have nothing to forge.
 */
export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = app.wallClock.now();
    const tokenHash = hashToken(token);
    const session = await repo.findSession(app.db, tokenHash, now);
    if (!session) return;
    const user = await repo.findUserById(app.db, session.user_id);
    if (!user || user.disabled) return;
    req.actor = actorFromUser(user);
    req.sessionCsrf = session.csrf_token;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrf_token) {
      throw new AppError('CSRF_FAILED');
    }
    if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await repo.touchSession(
        app.db,
        tokenHash,
        now,
        new Date(now.getTime() + app.config.sessionTtlHours * 3600_000),
      );
    }
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  ttlHours: number,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../domain/errors';
import * as repo from './auth.repository';
import { actorFromUser, hashToken } from './auth.service';
import { SessionCache, type CachedSession } from './session-cache';

declare module 'fastify' {
  interface FastifyInstance {
    sessionCache: SessionCache;
  }
}

const CHANGED_CHANNEL = 'ow_sessions_changed';

export const SESSION_COOKIE = 'ow_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Sliding expiry is written at most this often, so a busy screen does not write on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Resolves `req.actor` from the session cookie on every request, and enforces CSRF protection: a
 * changing request that rides on a session cookie must echo the session's token in `x-csrf-token`
 * (a cross-site form cannot read it). Requests without a session cookie have nothing to forge.
 */
export async function registerSessions(app: FastifyInstance): Promise<void> {
  const cache = new SessionCache();
  app.decorate('sessionCache', cache);
  // Another process logged someone out or changed an account: forget every cached session.
  const unlisten = await app.db.listen(CHANGED_CHANNEL, () => cache.clear());
  app.addHook('onClose', async () => unlisten());
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = app.wallClock.now();
    const tokenHash = hashToken(token);
    const session = cache.get(tokenHash, now.getTime()) ?? (await loadSession(app, tokenHash, now));
    if (!session || session.user.disabled) return;
    req.actor = actorFromUser(session.user);
    req.sessionCsrf = session.csrfToken;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
    if (now.getTime() - session.lastSeenMs > TOUCH_EVERY_MS) {
      const expires = new Date(now.getTime() + app.config.sessionTtlHours * 3600_000);
      await repo.touchSession(app.db, tokenHash, now, expires);
      session.lastSeenMs = now.getTime();
      session.expiresMs = expires.getTime();
    }
  });
}

async function loadSession(
  app: FastifyInstance,
  tokenHash: string,
  now: Date,
): Promise<CachedSession | null> {
  const session = await repo.findSession(app.db, tokenHash, now);
  if (!session) return null;
  const user = await repo.findUserById(app.db, session.user_id);
  if (!user) return null;
  const entry: CachedSession = {
    userId: user.id,
    csrfToken: session.csrf_token,
    lastSeenMs: new Date(session.last_seen_at).getTime(),
    expiresMs: new Date(session.expires_at).getTime(),
    user,
    loadedMs: now.getTime(),
  };
  app.sessionCache.set(tokenHash, entry);
  return entry;
}

/**
 * Call after a committed change that ends sessions or changes what an account may do (logout,
 * password, roles, disabling, a staff member's department): this process forgets its cached
 * sessions now, the others when the notification reaches them.
 */
export async function sessionsChanged(app: FastifyInstance): Promise<void> {
  app.sessionCache.clear();
  await app.db.notify(CHANGED_CHANNEL, '');
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

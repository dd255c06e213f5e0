import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors';
import { maybeOne } from '../db/db';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

const KEY_RE = /^[\w.:-]{8,128}$/;

/**
 * `Idempotency-Key` on creating requests (POST): the first request with a key is processed and its
 * response stored; a repeat with the same key and body gets the stored response without running again;
 * the same key with another body is refused; a repeat that arrives while the first still runs gets 409.
 * Keys are per user, so one user cannot replay another's response.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (!KEY_RE.test(key))
      throw new AppError('VALIDATION_FAILED', {}, { 'Idempotency-Key': 'rule.idempotency_key' });
    const userId = req.actor.userId;
    const hash = createHash('sha256')
      .update(
        `${req.method} ${req.routeOptions.url ?? req.url}\n${JSON.stringify(req.params)}\n${JSON.stringify(req.body ?? null)}`,
      )
      .digest('hex');
    const inserted = await app.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, hash, app.clock.now()],
    );
    if (inserted.length === 1) {
      req.idempotency = { userId, key };
      return;
    }
    const prior = await maybeOne<{ request_hash: string; status_code: number | null; response: unknown }>(
      app.db,
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    if (!prior || prior.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (prior.status_code === null) throw new AppError('CONFLICT');
    void reply.header('idempotent-replay', 'true');
    return reply.code(prior.status_code).send(prior.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    if (reply.statusCode >= 500) {
      // A server failure is not an answer: free the key so the client can retry.
      await app.db.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
        idem.userId,
        idem.key,
      ]);
    } else {
      const body = typeof payload === 'string' ? payload : null;
      await app.db.query(
        'UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2',
        [idem.userId, idem.key, reply.statusCode, body === null ? null : safeJson(body)],
      );
    }
    return payload;
  });
}

function safeJson(body: string): string | null {
  try {
    JSON.parse(body);
    return body;
  } catch {
    return JSON.stringify(body);
  }
}

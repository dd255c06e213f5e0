import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Ok } from '../../shared/contracts/common';
import { InboxView } from '../../shared/contracts/supervision';
import { requireActor } from '../http/actor';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/** The in-app inbox of the signed-in user (what the notification outbox delivered to them). */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];

  r.get(
    '/api/inbox',
    {
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(0).max(200).default(30) }),
        response: { 200: InboxView, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [count] = await app.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [actor.userId],
      );
      const rows =
        req.query.limit === 0
          ? []
          : await app.db.query<NotificationRow>(
              `SELECT id, kind, title, body, link, created_at, read_at FROM notifications
               WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
              [actor.userId, req.query.limit],
            );
      return {
        unread: count?.n ?? 0,
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.created_at.toISOString(),
          readAt: n.read_at ? n.read_at.toISOString() : null,
        })),
      };
    },
  );
  r.post(
    '/api/inbox/:id/read',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      await app.db.query(
        'UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
        [req.params.id, actor.userId, app.clock.now()],
      );
      return { ok: true as const };
    },
  );
  r.post('/api/inbox/read-all', { schema: { tags, response: { 200: Ok, ...errors } } }, async (req) => {
    const actor = requireActor(req);
    await app.db.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL', [
      actor.userId,
      app.clock.now(),
    ]);
    return { ok: true as const };
  });
}

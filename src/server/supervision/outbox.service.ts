import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';
import type { Channel } from './notify.repository';

/**
 * Delivery of the notification outbox. The in-app inbox is written directly; SMS and e-mail go
 * through an adapter per channel — the default one only logs (no gateway is configured in a fresh
 * install); a deployment plugs its SMS gateway in with `setChannelAdapter('sms', …)`.
 *
 * Each row is delivered once: it is claimed with a row lock (SKIP LOCKED, so two deliverers never
 * take the same row) and marked sent in the same transaction. A failed send is retried with
 * exponential back-off (1, 2, 4, 8 minutes) and marked failed after MAX_ATTEMPTS.
 */

export interface OutboxMessage {
  id: number;
  channel: Exclude<Channel, 'inbox'>;
  address: string;
  title: string;
  body: string;
}

export interface ChannelAdapter {
  send(message: OutboxMessage, log: FastifyBaseLogger): Promise<void>;
}

/** The default adapter: writes the message to the server log instead of sending it. */
export const logAdapter: ChannelAdapter = {
  async send(m, log) {
    log.info({ channel: m.channel, to: m.address, title: m.title }, 'notification (log adapter)');
  },
};

const adapters: Record<Exclude<Channel, 'inbox'>, ChannelAdapter> = { sms: logAdapter, email: logAdapter };

export function setChannelAdapter(channel: Exclude<Channel, 'inbox'>, adapter: ChannelAdapter): void {
  adapters[channel] = adapter;
}

export const MAX_ATTEMPTS = 5;

interface OutboxRow {
  id: number;
  center_id: string | null;
  channel: Channel;
  user_id: string | null;
  address: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  attempts: number;
}

export async function deliverOutbox(db: Db, now: Date, log: FastifyBaseLogger, limit = 200): Promise<number> {
  return db.transaction(async (q) => {
    const rows = await q.query<OutboxRow>(
      `SELECT id, center_id, channel, user_id, address, kind, title, body, link, attempts FROM notification_outbox
       WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    let sent = 0;
    for (const r of rows) {
      try {
        if (r.channel === 'inbox') {
          await q.query(
            `INSERT INTO notifications (center_id, user_id, kind, title, body, link, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [r.center_id, r.user_id, r.kind, r.title, r.body, r.link, now],
          );
        } else {
          await adapters[r.channel].send(
            { id: r.id, channel: r.channel, address: r.address, title: r.title, body: r.body },
            log,
          );
        }
        await q.query(
          `UPDATE notification_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1 WHERE id = $1`,
          [r.id, now],
        );
        sent++;
      } catch (e) {
        const attempts = r.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        log.warn({ err: e, outbox: r.id, attempts }, 'notification delivery failed');
        await q.query(
          `UPDATE notification_outbox SET attempts = $2, last_error = $3, status = $4, next_attempt_at = $5 WHERE id = $1`,
          [
            r.id,
            attempts,
            String(e).slice(0, 500),
            failed ? 'failed' : 'pending',
            new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
          ],
        );
      }
    }
    return sent;
  });
}

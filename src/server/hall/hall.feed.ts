import type { FeedMessage, FeedType } from '../../shared/contracts/hall';
import type { Db, Queryable } from '../db/db';

/**
 * The public feed of a hall: every change a display or a phone must see is appended in the
 * transaction of the change, and announced with NOTIFY after the commit (PostgreSQL carries it to
 * every server process; on PGlite it stays in this process). A row's `seq` comes from the hall row,
 * which stays locked until the commit, so the feed of a hall is gap-free and in commit order: a
 * display that reconnects with the last id it saw (Last-Event-ID) reads exactly what it missed.
 */
export const FEED_CHANNEL = 'hall_feed';

/** A feed message plus the hall it belongs to, as carried by NOTIFY. */
export type FeedEnvelope = FeedMessage & { hallId: string };

type Body<T extends FeedType> = Omit<Extract<FeedMessage, { type: T }>, 'type' | 'seq' | 'at'>;

/** The messages of one transaction, announced after it commits. */
export class FeedOutbox {
  readonly messages: FeedEnvelope[] = [];

  /**
   * Append a message. Call it last in the transaction: it locks the hall row until the commit.
   * `body` runs under that lock, so counts it reads include every earlier committed change.
   */
  async append<T extends FeedType>(
    q: Queryable,
    hallId: string,
    type: T,
    at: Date,
    body: (seq: number) => Promise<Body<T>> | Body<T>,
  ): Promise<FeedEnvelope> {
    const [row] = await q.query<{ feed_seq: number }>(
      'UPDATE halls SET feed_seq = feed_seq + 1 WHERE id = $1 RETURNING feed_seq',
      [hallId],
    );
    const seq = Number(row!.feed_seq);
    const msg = { ...(await body(seq)), type, seq, at: at.toISOString() } as unknown as FeedMessage;
    await q.query('INSERT INTO hall_feed (hall_id, seq, type, data, at) VALUES ($1, $2, $3, $4, $5)', [
      hallId,
      seq,
      type,
      JSON.stringify(msg),
      at,
    ]);
    const env = { ...msg, hallId };
    this.messages.push(env);
    return env;
  }
}

/** NOTIFY payloads must stay under 8000 bytes; a larger message is announced by reference. */
const MAX_NOTIFY = 7000;

export async function announce(db: Db, messages: readonly FeedEnvelope[]): Promise<void> {
  for (const m of messages) {
    const text = JSON.stringify(m);
    await db.notify(
      FEED_CHANNEL,
      text.length <= MAX_NOTIFY ? text : JSON.stringify({ hallId: m.hallId, seq: m.seq, ref: true }),
    );
  }
}

/** Run `fn` in one transaction and announce its feed messages once it has committed. */
export async function withFeed<T>(db: Db, fn: (tx: Queryable, outbox: FeedOutbox) => Promise<T>): Promise<T> {
  const outbox = new FeedOutbox();
  const result = await db.transaction((tx) => fn(tx, outbox));
  await announce(db, outbox.messages);
  return result;
}

/** Feed messages of a hall after `afterSeq` (exclusive), oldest first. */
export async function feedSince(
  q: Queryable,
  hallId: string,
  afterSeq: number,
  limit: number,
): Promise<FeedEnvelope[]> {
  const rows = await q.query<{ data: FeedMessage }>(
    'SELECT data FROM hall_feed WHERE hall_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [hallId, afterSeq, limit],
  );
  return rows.map((r) => ({ ...r.data, hallId }));
}

export const currentSeq = async (q: Queryable, hallId: string): Promise<number | null> => {
  const [r] = await q.query<{ feed_seq: number }>('SELECT feed_seq FROM halls WHERE id = $1', [hallId]);
  return r ? Number(r.feed_seq) : null;
};

/** Feed rows older than `before` (the displays reload a snapshot when they are that far behind). */
export const sweepFeed = (q: Queryable, before: Date, limit: number) =>
  q.query(
    `DELETE FROM hall_feed WHERE (hall_id, seq) IN (SELECT hall_id, seq FROM hall_feed WHERE at < $1 LIMIT $2)`,
    [before, limit],
  );

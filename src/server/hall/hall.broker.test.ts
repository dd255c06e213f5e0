import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { HallBroker } from './hall.broker';
import type { FeedEnvelope } from './hall.feed';

/** An in-memory stand-in for the database: the hall's feed rows and a notification channel. */
function fakeDb() {
  const feed: FeedEnvelope[] = [];
  let handler: ((p: string) => void) | null = null;
  const db = {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      if (sql.includes('SELECT feed_seq FROM halls')) return [{ feed_seq: feed.length }] as T[];
      if (sql.includes('FROM hall_feed')) {
        const [, after, limit] = params as [string, number, number];
        return feed
          .filter((m) => m.seq > after)
          .slice(0, limit)
          .map((m) => ({ data: m })) as T[];
      }
      throw new Error(`unexpected SQL ${sql}`);
    },
    async listen(_c: string, h: (p: string) => void) {
      handler = h;
      return async () => undefined;
    },
  } as unknown as Db;
  const msg = (seq: number): FeedEnvelope => ({
    hallId: 'h1',
    type: 'notice',
    seq,
    at: new Date(0).toISOString(),
    notice: `n${seq}`,
    announcementTemplate: '',
  });
  return {
    db,
    /** Commit a message (the row exists) without announcing it. */
    commit: (): FeedEnvelope => {
      const m = msg(feed.length + 1);
      feed.push(m);
      return m;
    },
    announce: (m: FeedEnvelope) => handler?.(JSON.stringify(m)),
  };
}

const log = { warn: () => undefined } as unknown as FastifyBaseLogger;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the hall broker', () => {
  it('replays what a reconnecting display missed, then continues live, without duplicates', async () => {
    const f = fakeDb();
    const broker = new HallBroker(f.db, log);
    const a = f.commit();
    f.commit();
    f.commit();
    const got: number[] = [];
    await broker.subscribe('h1', a.seq, { deliver: (m) => got.push(m.seq), reset: () => got.push(-1) });
    expect(got).toEqual([2, 3]);
    const m4 = f.commit();
    f.announce(m4);
    f.announce(m4);
    await tick(5);
    expect(got).toEqual([2, 3, 4]);
    await broker.close();
  });

  it('delivers in feed order when notifications arrive out of order, filling a lost one from the feed', async () => {
    const f = fakeDb();
    const broker = new HallBroker(f.db, log);
    const got: number[] = [];
    await broker.subscribe('h1', null, { deliver: (m) => got.push(m.seq), reset: () => undefined });
    const m1 = f.commit();
    const m2 = f.commit();
    const m3 = f.commit();
    f.announce(m3);
    f.announce(m1);
    // m2's notification is lost (its process died after the commit)
    await tick(100);
    expect(got).toEqual([1, 2, 3]);
    expect(m2.seq).toBe(2);
    await broker.close();
  });

  it('tells a client that is ahead of the feed, or too far behind, to reload', async () => {
    const f = fakeDb();
    f.commit();
    const broker = new HallBroker(f.db, log);
    let resets = 0;
    await broker.subscribe('h1', 99, { deliver: () => undefined, reset: () => resets++ });
    expect(resets).toBe(1);
    await broker.close();
  });
});

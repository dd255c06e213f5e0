import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';
import { currentSeq, FEED_CHANNEL, feedSince, type FeedEnvelope } from './hall.feed';

/**
 * One per server process: listens on the feed channel (LISTEN/NOTIFY on PostgreSQL, in-process on
 * PGlite) and fans each hall's messages out to the SSE streams attached to this process.
 *
 * Delivery is in feed order and exactly once per subscriber. NOTIFYs of different processes may
 * arrive out of order (each is sent after its own commit), and one may be lost with its process; the
 * broker holds a message that arrives early, and after a short wait reads the missing ones from the
 * feed table (they are committed: feed order is commit order).
 */
export interface Subscriber {
  deliver(m: FeedEnvelope): void;
  /** The subscriber is too far behind to catch up (or ahead of the feed): reload a snapshot. */
  reset(): void;
}

interface Channel {
  lastSeq: number;
  subs: Set<Sub>;
  pending: Map<number, FeedEnvelope>;
  gapTimer: NodeJS.Timeout | null;
}

interface Sub {
  s: Subscriber;
  sent: number;
  buffer: FeedEnvelope[] | null;
}

const CATCH_UP_LIMIT = 500;
const GAP_WAIT_MS = 40;

export class HallBroker {
  private channels = new Map<string, Promise<Channel>>();
  private unlisten: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  /** Open SSE responses of this process, ended on shutdown (a stream never ends by itself). */
  private readonly streams = new Set<{ close(): void }>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  private start(): Promise<void> {
    this.starting ??= this.db
      .listen(FEED_CHANNEL, (payload) => this.onPayload(payload))
      .then((stop) => {
        this.unlisten = stop;
      });
    return this.starting;
  }

  private channel(hallId: string): Promise<Channel> {
    let ch = this.channels.get(hallId);
    if (!ch) {
      ch = (async () => ({
        lastSeq: (await currentSeq(this.db, hallId)) ?? 0,
        subs: new Set<Sub>(),
        pending: new Map<number, FeedEnvelope>(),
        gapTimer: null,
      }))();
      this.channels.set(hallId, ch);
    }
    return ch;
  }

  /**
   * Attach a subscriber to a hall from `after` (the last seq it saw; null = only what comes next).
   * Messages it missed are read from the feed first; live ones arriving meanwhile are buffered.
   */
  async subscribe(hallId: string, after: number | null, s: Subscriber): Promise<() => void> {
    await this.start();
    const ch = await this.channel(hallId);
    const sub: Sub = { s, sent: after ?? ch.lastSeq, buffer: [] };
    ch.subs.add(sub);
    const detach = () => void ch.subs.delete(sub);
    try {
      if (after !== null) {
        const head = (await currentSeq(this.db, hallId)) ?? 0;
        if (after > head || head - after > CATCH_UP_LIMIT) {
          sub.buffer = null;
          s.reset();
          sub.sent = head;
          return detach;
        }
        for (const m of await feedSince(this.db, hallId, after, CATCH_UP_LIMIT)) {
          s.deliver(m);
          sub.sent = m.seq;
        }
      }
      for (const m of sub.buffer ?? []) {
        if (m.seq > sub.sent) {
          s.deliver(m);
          sub.sent = m.seq;
        }
      }
    } finally {
      sub.buffer = null;
    }
    return detach;
  }

  private onPayload(payload: string): void {
    let m: FeedEnvelope & { ref?: boolean };
    try {
      m = JSON.parse(payload) as FeedEnvelope & { ref?: boolean };
    } catch {
      return;
    }
    const ch = this.channels.get(m.hallId);
    if (!ch) return;
    void ch.then((c) => this.receive(m.hallId, c, m.ref ? null : m, m.seq));
  }

  private receive(hallId: string, ch: Channel, m: FeedEnvelope | null, seq: number): void {
    if (seq <= ch.lastSeq) return;
    // A message announced by reference is read from the feed with the gap.
    if (m) ch.pending.set(seq, m);
    this.drain(hallId, ch, m ? 0 : seq);
  }

  private drain(hallId: string, ch: Channel, mustReach: number): void {
    for (let m = ch.pending.get(ch.lastSeq + 1); m; m = ch.pending.get(ch.lastSeq + 1)) {
      ch.pending.delete(m.seq);
      ch.lastSeq = m.seq;
      this.broadcast(ch, m);
    }
    if ((ch.pending.size > 0 || mustReach > ch.lastSeq) && !ch.gapTimer) {
      const target = Math.max(mustReach, ...ch.pending.keys());
      ch.gapTimer = setTimeout(() => void this.fillGap(hallId, ch, target), GAP_WAIT_MS);
      ch.gapTimer.unref();
    }
  }

  private async fillGap(hallId: string, ch: Channel, target: number): Promise<void> {
    ch.gapTimer = null;
    if (this.closed || target <= ch.lastSeq) return;
    try {
      for (const m of await feedSince(this.db, hallId, ch.lastSeq, target - ch.lastSeq)) {
        if (m.seq > ch.lastSeq) ch.pending.set(m.seq, m);
      }
    } catch (err) {
      this.log.warn({ err, hallId }, 'hall feed gap read failed');
    }
    // Still missing (a swept or never-committed seq): skip it rather than stall the hall.
    if (ch.pending.size > 0 && !ch.pending.has(ch.lastSeq + 1))
      ch.lastSeq = Math.min(...ch.pending.keys()) - 1;
    this.drain(hallId, ch, 0);
  }

  private broadcast(ch: Channel, m: FeedEnvelope): void {
    for (const sub of ch.subs) {
      if (sub.buffer) sub.buffer.push(m);
      else if (m.seq > sub.sent) {
        sub.sent = m.seq;
        try {
          sub.s.deliver(m);
        } catch (err) {
          this.log.warn({ err }, 'hall subscriber failed');
        }
      }
    }
  }

  /** Track an open stream until it closes, so `close()` can end it. */
  track(stream: { close(): void; onClose(fn: () => void): void }): void {
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of [...this.streams]) s.close();
    for (const ch of this.channels.values()) {
      const c = await ch;
      if (c.gapTimer) clearTimeout(c.gapTimer);
      c.subs.clear();
    }
    await this.unlisten?.();
  }
}

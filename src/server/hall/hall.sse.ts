import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A Server-Sent Events response on Fastify's raw socket. `retry` tells EventSource how soon to
 * reconnect; comments every 15 s keep proxies and load balancers from closing an idle stream. A
 * client that does not read (its socket buffer keeps growing) is dropped: it reconnects and catches
 * up from the feed instead of holding the server's memory.
 */
export interface SseStream {
  send(event: string, id: number | null, data: unknown): void;
  /** Write a frame made by `sseFrame` (one serialisation shared by every stream of a hall). */
  write(frame: string): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
  close(): void;
}

const MAX_BUFFER = 1 << 20;
const HEARTBEAT_MS = 15_000;

export function openSse(req: FastifyRequest, reply: FastifyReply, retryMs = 2000): SseStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(`retry: ${retryMs}\n\n`);
  const closers: (() => void)[] = [];
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(beat);
    for (const fn of closers.splice(0)) fn();
  };
  const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  beat.unref();
  req.raw.on('close', finish);
  res.on('error', finish);
  const write = (frame: string) => {
    if (closed) return;
    if (res.writableLength > MAX_BUFFER) {
      res.destroy();
      finish();
      return;
    }
    res.write(frame);
  };
  return {
    get closed() {
      return closed;
    },
    send: (event, id, data) => write(sseFrame(event, id, data)),
    write,
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    close() {
      res.end();
      finish();
    },
  };
}

export const sseFrame = (event: string, id: number | null, data: unknown): string =>
  `${id !== null ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** The id a reconnecting EventSource sends (Last-Event-ID), else the `after` query parameter. */
export function lastEventId(req: FastifyRequest, after: number | undefined): number | null {
  const h = req.headers['last-event-id'];
  const v = Array.isArray(h) ? h[0] : h;
  if (v !== undefined && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return after ?? null;
}

// Test and benchmark tooling (imported by *.int.test.ts and bench/hall.bench.ts only).
import { request, type IncomingMessage } from 'node:http';

/** A minimal Server-Sent Events client for tests and benchmarks (Node's http, no EventSource). */
export interface SseMessage {
  event: string;
  id: string | null;
  data: unknown;
  receivedAt: number;
}

export interface SseClient {
  messages: SseMessage[];
  waitFor(pred: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

export function openSseClient(
  url: string,
  headers: Record<string, string> = {},
  onMessage?: (m: SseMessage) => void,
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const messages: SseMessage[] = [];
    const waiters = new Set<{ pred: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }>();
    const req = request(
      url,
      { headers: { accept: 'text/event-stream', ...headers }, agent: false },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          reject(new Error(`SSE ${url}: HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let event = 'message';
            let id: string | null = null;
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length === 0) continue;
            const m: SseMessage = {
              event,
              id,
              data: JSON.parse(data.join('\n')),
              receivedAt: performance.now(),
            };
            messages.push(m);
            onMessage?.(m);
            for (const w of waiters) {
              if (w.pred(m)) {
                waiters.delete(w);
                w.resolve(m);
              }
            }
          }
        });
        resolve({
          messages,
          waitFor(pred, timeoutMs = 5000) {
            const found = messages.find(pred);
            if (found) return Promise.resolve(found);
            return new Promise((res2, rej2) => {
              const w = { pred, resolve: res2 };
              waiters.add(w);
              setTimeout(() => {
                if (waiters.delete(w)) rej2(new Error(`SSE: no matching message within ${timeoutMs} ms`));
              }, timeoutMs).unref();
            });
          },
          close() {
            req.destroy();
          },
        });
      },
    );
    req.on('error', (e) => reject(e));
    req.end();
  });
}

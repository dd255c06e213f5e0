import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CategoryView, TicketIssued } from '../../shared/contracts/hall';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { Db } from '../db/db';
import { openPostgres } from '../db/postgres';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { openSseClient, type SseClient } from './hall.sse-client';

/**
 * Real time across processes. On PostgreSQL a second app ("process B") runs on the same database
 * with its own connection pool, so a call made through app A can reach B's SSE clients only through
 * LISTEN/NOTIFY. On PGlite (one process per database) the same tests run in-process.
 */
let a: TestApp;
let b: FastifyInstance;
let bDb: Db | null = null;
let bUrl: string;
let officer: Client;
let hallId: string;
let categoryId: string;
let window3: string;
const streams: SseClient[] = [];

const open = async (path: string, headers: Record<string, string> = {}) => {
  const s = await openSseClient(`${bUrl}${path}`, headers);
  streams.push(s);
  return s;
};

beforeAll(async () => {
  a = await createTestApp();
  if (inject('dbKind') === 'postgres') {
    const [row] = await a.db.query<{ db: string }>('SELECT current_database() AS db');
    const db = row!.db;
    bDb = await openPostgres(inject('pgTemplateUrl').replace(/\/ow_template$/, `/${db}`));
    const config = loadConfig({ NODE_ENV: 'test', ONEWINDOW_CLOCK: 'manual', LOG_LEVEL: 'silent' });
    b = await buildApp({ db: bDb, clock: a.clock, wallClock: a.wallClock, config, logger: false });
  } else {
    b = a.app;
  }
  await b.listen({ port: 0, host: '127.0.0.1' });
  const addr = b.server.address();
  bUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  officer = await a.as('officer');
  const admin = await a.as('admin');
  hallId = (await admin.get('/api/hall/halls'))
    .json<{ id: string; name: string }[]>()
    .find((h) => h.name === '一楼大厅')!.id;
  categoryId = (await admin.get(`/api/hall/halls/${hallId}/categories`))
    .json<CategoryView[]>()
    .find((c) => c.prefix === 'D')!.id;
  window3 = (
    await a.db.query<{ id: string }>(
      "SELECT w.id FROM windows w JOIN centers c ON c.id = w.center_id WHERE c.code = 'yunxi' AND w.number = '3'",
    )
  )[0]!.id;
});
afterAll(async () => {
  // Streams are still open: closing the app must end them rather than wait for them.
  if (bDb) {
    await b.close();
    await bDb.close();
    // pg's pool.end() resolves before its sockets are closed; dropping the database (FORCE) at once
    // would terminate them mid-close and surface an unhandled 57P01.
    await new Promise((r) => setTimeout(r, 300));
  }
  await a.close();
  for (const s of streams) s.close();
});

const issue = async () =>
  (await a.anon.post(`/api/public/halls/${hallId}/tickets`, { categoryId })).json<TicketIssued>().ticket;
const serveCurrent = async () => {
  const panel = (await officer.get(`/api/hall/windows/${window3}/panel`)).json<{
    current: { id: string } | null;
  }>();
  if (!panel.current) return;
  await officer.post(`/api/hall/tickets/${panel.current.id}/start`, {});
  await officer.post(`/api/hall/tickets/${panel.current.id}/finish`, {});
};

describe('the hall feed over SSE', () => {
  const crossProcess = inject('dbKind') === 'postgres';
  it(
    crossProcess
      ? 'a call made through app A reaches a display attached to app B (LISTEN/NOTIFY across processes)'
      : 'a call reaches a display attached to the same process (in-process notifications on PGlite)',
    async () => {
      const display = await open(`/api/public/halls/${hallId}/events`);
      await display.waitFor((m) => m.event === 'ready');
      const tk = await issue();
      const res = await officer.post(`/api/hall/windows/${window3}/call-next`, {});
      expect(res.statusCode, res.body).toBe(200);
      const call = await display.waitFor((m) => m.event === 'call');
      expect(call.data).toMatchObject({
        type: 'call',
        call: { ticketNumber: tk.number, windowNumber: '3', text: `请${tk.number}号到3号窗口办理` },
      });
      expect(Number(call.id)).toBeGreaterThan(0);
      // the issue came first, in feed order
      const ids = display.messages.filter((m) => m.id).map((m) => Number(m.id));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      await serveCurrent();
    },
  );

  it('a display that reconnects with Last-Event-ID receives exactly what it missed, in order', async () => {
    const first = await open(`/api/public/halls/${hallId}/events`);
    await first.waitFor((m) => m.event === 'ready');
    const t1 = await issue();
    const seen = await first.waitFor((m) => m.event === 'ticket');
    first.close();
    // missed while disconnected: two tickets and a call
    await issue();
    await issue();
    await officer.post(`/api/hall/windows/${window3}/call`, { number: t1.number });
    const again = await open(`/api/public/halls/${hallId}/events`, { 'last-event-id': seen.id! });
    const call = await again.waitFor((m) => m.event === 'call');
    const replayed = again.messages.filter((m) => m.id !== null);
    expect(replayed.map((m) => Number(m.id))).toEqual([1, 2, 3].map((i) => Number(seen.id) + i));
    expect(replayed.map((m) => m.event)).toEqual(['ticket', 'ticket', 'call']);
    expect(call.data).toMatchObject({ call: { ticketNumber: t1.number } });
    await serveCurrent();
  });

  it('the phone page follows its ticket: position while waiting, then "your turn at window 3"', async () => {
    const tk = await issue();
    const phone = await open(`/api/public/tickets/${tk.id}/events`);
    const firstView = await phone.waitFor((m) => m.event === 'ticket');
    expect(firstView.data).toMatchObject({ number: tk.number, status: 'waiting' });
    await officer.post(`/api/hall/windows/${window3}/call`, { number: tk.number });
    const called = await phone.waitFor(
      (m) => m.event === 'ticket' && (m.data as { status: string }).status === 'called',
    );
    expect(called.data).toMatchObject({ window: { number: '3' }, ahead: null });
    await serveCurrent();
  });

  it('a client ahead of the feed (another database) is told to reload', async () => {
    const s = await open(`/api/public/halls/${hallId}/events?after=999999`);
    await s.waitFor((m) => m.event === 'reset');
  });
});

/**
 * Benchmark of the hall queue (issue 7): 1,000 SSE display connections spread over 2 server
 * processes on one PostgreSQL, and the latency from an officer's "call next" (request sent) to the
 * call arriving on every display, p50 and p99 (target p99 < 100 ms); then ticket issuance from 50
 * concurrent kiosks against both processes: tickets/s and a check that no number was issued twice.
 *
 * Everything runs on loopback: a throwaway PostgreSQL cluster (startPgCluster), two real server
 * processes (`src/server/main.ts`, as `npm start` runs them), and the clients in this process.
 * `npx tsx bench/hall.bench.ts` runs it standalone; `hallBench()` returns the report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { openSseClient, type SseClient } from '../src/server/hall/hall.sse-client';
import { freePort, startPgCluster, type PgCluster } from '../src/server/test/pg-cluster';
import { openPostgres } from '../src/server/db/postgres';

const DISPLAYS = 1000;
const CALLS = 20;
const KIOSKS = 50;
const TICKETS_PER_KIOSK = 10;

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      ONEWINDOW_JOBS: 'off',
      // Tickets are only issued while the hall is open: the bench sets both clocks to opening hours.
      ONEWINDOW_CLOCK: 'manual',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'OneWindow2026' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function call<T>(base: string, path: string, s: Session | null, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The next Wednesday, 10:00 in China (02:00 UTC): a working day with the whole hall open. */
function nextWednesdayMorning(now = Date.now()): string {
  const d = new Date(now + 86_400_000);
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T02:00:00Z`;
}

/** Every process keeps its own manual clock: set each one, running (not frozen). */
async function openHall(servers: readonly Server[]): Promise<void> {
  const now = nextWednesdayMorning();
  for (const s of servers) await call(s.url, '/api/dev/clock', await login(s.url, 'admin'), { now });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => x.toFixed(1);

export async function hallBench(): Promise<string> {
  let cluster: PgCluster | undefined;
  const servers: Server[] = [];
  const clients: SseClient[] = [];
  try {
    cluster = await startPgCluster();
    const admin = await openPostgres(cluster.url(), { max: 1 });
    await admin.query('CREATE DATABASE ow_bench');
    await admin.close();
    const url = cluster.url('ow_bench');
    // The first process migrates and loads the demo; the second joins the same database.
    servers.push(await startServer(url));
    servers.push(await startServer(url));
    await openHall(servers);
    const a = servers[0]!;

    const officerA = await login(a.url, 'officer');
    const halls = await call<{ id: string; name: string }[]>(a.url, '/api/hall/halls', officerA);
    const hallId = halls.find((h) => h.name === '一楼大厅')!.id;
    const staff = await call<{ windowId: string }>(
      a.url,
      `/api/org/staff/${(await call<{ staffId: string }>(a.url, '/api/auth/me', officerA)).staffId}`,
      officerA,
    );
    const windowId = staff.windowId;
    const hall = await call<{ categories: { categoryId: string; prefix: string }[] }>(
      a.url,
      `/api/public/halls/${hallId}`,
      null,
    );
    const categoryC = hall.categories.find((c) => c.prefix === 'C')!.categoryId;

    // ---- 1,000 displays, half on each process --------------------------------------------------
    // Receipt times per display. (The message's own `at` is the servers' manual domain clock, set to
    // opening hours, so it cannot be compared with this process's clock.)
    const received = new Map<string, { at: number; server: number }[]>();
    const t0 = performance.now();
    for (let i = 0; i < DISPLAYS; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, DISPLAYS - i) }, async (_, j) => {
          const server = (i + j) % 2;
          const c = await openSseClient(
            `${servers[server]!.url}/api/public/halls/${hallId}/events`,
            {},
            (m) => {
              if (m.event !== 'call') return;
              const call = (m.data as { call: { ticketNumber: string } }).call;
              let list = received.get(call.ticketNumber);
              if (!list) received.set(call.ticketNumber, (list = []));
              list.push({ at: m.receivedAt, server });
            },
          );
          await c.waitFor((m) => m.event === 'ready', 30_000);
          clients.push(c);
        }),
      );
    }
    const connectMs = performance.now() - t0;

    // ---- calls: officer on process A, displays on A and B ----------------------------------------
    const latencies: number[][] = [[], []];
    const callRequest: number[] = [];
    let missing = 0;
    for (let i = 0; i < CALLS; i++) {
      await call(a.url, `/api/public/halls/${hallId}/tickets`, null, { categoryId: categoryC });
      await new Promise((r) => setTimeout(r, 50));
      const sent = performance.now();
      const panel = await call<{ current: { id: string; number: string } }>(
        a.url,
        `/api/hall/windows/${windowId}/call-next`,
        officerA,
        {},
      );
      callRequest.push(performance.now() - sent);
      const number = panel.current.number;
      const deadline = performance.now() + 5000;
      while ((received.get(number)?.length ?? 0) < DISPLAYS && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      const got = received.get(number) ?? [];
      missing += DISPLAYS - got.length;
      for (const g of got) latencies[g.server]!.push(g.at - sent);
      await call(a.url, `/api/hall/tickets/${panel.current.id}/start`, officerA, {});
      await call(a.url, `/api/hall/tickets/${panel.current.id}/finish`, officerA, {});
    }
    for (const c of clients.splice(0)) c.close();
    const all = [...latencies[0]!, ...latencies[1]!];

    // ---- 50 kiosks issuing concurrently against both processes ----------------------------------
    const numbers = new Map<string, string[]>();
    const cats = hall.categories.filter((c) => c.prefix !== 'C');
    const k0 = performance.now();
    await Promise.all(
      Array.from({ length: KIOSKS }, async (_, k) => {
        const base = servers[k % 2]!.url;
        for (let i = 0; i < TICKETS_PER_KIOSK; i++) {
          const cat = cats[(k + i) % cats.length]!;
          const r = await call<{ ticket: { number: string } }>(
            base,
            `/api/public/halls/${hallId}/tickets`,
            null,
            { categoryId: cat.categoryId },
          );
          const list = numbers.get(cat.prefix) ?? [];
          list.push(r.ticket.number);
          numbers.set(cat.prefix, list);
        }
      }),
    );
    const issueMs = performance.now() - k0;
    const total = KIOSKS * TICKETS_PER_KIOSK;
    let duplicates = 0;
    let gaps = 0;
    for (const list of numbers.values()) {
      const n = list.map((x) => Number(x.slice(1))).sort((p, q) => p - q);
      duplicates += n.length - new Set(n).size;
      gaps += n[n.length - 1]! - n[0]! + 1 - n.length;
    }

    return [
      `machine: ${cpus().length} cores shared by PostgreSQL, 2 server processes and the ${DISPLAYS} clients`,
      '',
      '| hall feed over SSE | value |',
      '|---|---|',
      `| displays connected (half per process) | ${DISPLAYS} in ${ms(connectMs)} ms |`,
      `| calls made (officer on process A) | ${CALLS} → ${all.length} deliveries, ${missing} missing |`,
      `| call → display, all, p50 / p99 (ms) | ${ms(pct(all, 50))} / ${ms(pct(all, 99))} |`,
      `| call → display on process A (same process), p50 / p99 | ${ms(pct(latencies[0]!, 50))} / ${ms(pct(latencies[0]!, 99))} |`,
      `| call → display on process B (via LISTEN/NOTIFY), p50 / p99 | ${ms(pct(latencies[1]!, 50))} / ${ms(pct(latencies[1]!, 99))} |`,
      `| "call next" HTTP request itself (returns the refreshed panel), p50 / p99 | ${ms(pct(callRequest, 50))} / ${ms(pct(callRequest, 99))} |`,
      '',
      '| ticket issuance | value |',
      '|---|---|',
      `| ${KIOSKS} concurrent kiosks × ${TICKETS_PER_KIOSK} tickets, both processes | ${total} tickets in ${ms(issueMs)} ms |`,
      `| tickets/s | ${((total / issueMs) * 1000).toFixed(0)} |`,
      `| duplicate numbers / gaps per category | ${duplicates} / ${gaps} |`,
    ].join('\n');
  } finally {
    for (const c of clients) c.close();
    for (const s of servers) await stopServer(s);
    cluster?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  hallBench().then(
    (r) => console.log(r),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}

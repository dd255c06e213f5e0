import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { ManualClock } from '../clock/clock';
import { loadConfig } from '../config';
import type { Db } from '../db/db';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { DEMO_PASSWORD } from '../demo/demo-accounts';
import { TEST_NOW } from './test-now';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: ManualClock;
  /** The security clock (sessions, login throttling), separate from the domain clock. */
  wallClock: ManualClock;
  /** Log in as a demo (or test-created) account and get a client that carries its cookie and CSRF token. */
  as(username: string, password?: string): Promise<Client>;
  anon: Client;
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** A fresh copy of the template database (see global-setup.ts) on the database this run targets. */
export async function openTestDb(): Promise<Db & { dispose(): Promise<void> }> {
  if (inject('dbKind') === 'postgres') {
    const template = inject('pgTemplateUrl');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(template.replace(/\/ow_template$/, '/postgres'), { max: 1 });
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ow_template`);
    const db = await openPostgres(template.replace(/\/ow_template$/, `/${name}`));
    return Object.assign(db, {
      async dispose() {
        await db.close();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.close();
      },
    });
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const db = await openPglite(undefined, { loadDataDir: blob });
  return Object.assign(db, { dispose: () => db.close() });
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await openTestDb();
  const clock = new ManualClock();
  clock.set(TEST_NOW, { freeze: true });
  const wallClock = new ManualClock();
  wallClock.set(TEST_NOW, { freeze: true });
  const config = loadConfig({ NODE_ENV: 'test', ONEWINDOW_CLOCK: 'manual', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ db, clock, wallClock, config, logger: false });
  await app.ready();

  const client = (cookie?: string, csrf?: string): Client => {
    const request = (opts: InjectOptions) =>
      app.inject({
        ...opts,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf && opts.method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
          ...(opts.headers ?? {}),
        },
      });
    const withBody =
      (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown, headers?: Record<string, string>) =>
        request({
          method,
          url,
          ...(body === undefined ? {} : { payload: body as object }),
          ...(headers ? { headers } : {}),
        });
    return {
      request,
      get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
      post: withBody('POST'),
      patch: withBody('PATCH'),
      put: withBody('PUT'),
      delete: (url, headers) => request({ method: 'DELETE', url, ...(headers ? { headers } : {}) }),
    };
  };

  return {
    app,
    db,
    clock,
    wallClock,
    anon: client(),
    async as(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const sid = res.cookies.find((c) => c.name === 'ow_sid')!.value;
      return client(`ow_sid=${sid}`, res.json<{ csrfToken: string }>().csrfToken);
    },
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { DEMO_PASSWORD } from '../demo/demo-accounts';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login, session, logout', () => {
  it('logs in with the demo password and answers /me with roles and a CSRF token', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'officer', password: 'OneWindow2026' });
    expect(res.statusCode).toBe(200);
    const me = res.json<{ username: string; roles: string[]; csrfToken: string; centerId: string }>();
    expect(me.username).toBe('officer');
    expect(me.roles).toContain('officer');
    expect(me.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === 'ow_sid')!;
    expect(cookie.httpOnly).toBe(true);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `ow_sid=${cookie.value}` },
    });
    expect(again.json<{ username: string }>().username).toBe('officer');
  });

  it('answers a wrong password with LOGIN_FAILED in the user language, without telling which part was wrong', async () => {
    const zh = await t.anon.post('/api/auth/login', { username: 'officer', password: 'nope' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: '用户名或密码错误' } });
    const en = await t.anon.post(
      '/api/auth/login',
      { username: 'ghost', password: 'nope' },
      { 'accept-language': 'en' },
    );
    expect(en.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: 'Wrong username or password' } });
  });

  it('throttles a username after 5 failures in 15 minutes, then lets it in again later', async () => {
    for (let i = 0; i < 5; i++) await t.anon.post('/api/auth/login', { username: 'leader', password: 'bad' });
    const blocked = await t.anon.post('/api/auth/login', { username: 'leader', password: 'OneWindow2026' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
    t.wallClock.advance(16 * 60_000);
    const ok = await t.anon.post('/api/auth/login', { username: 'leader', password: 'OneWindow2026' });
    expect(ok.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const c = await t.as('supervisor');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a changing request that rides on the cookie without the CSRF token', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'admin', password: 'OneWindow2026' });
    const cookie = `ow_sid=${res.cookies.find((c) => c.name === 'ow_sid')!.value}`;
    const forged = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json<{ error: { code: string } }>().error.code).toBe('CSRF_FAILED');
  });
});

describe('cached sessions', () => {
  it('a logout on one server process ends the session on another that had it cached', async () => {
    // A second process on the same database: its own session cache, notified through LISTEN/NOTIFY.
    const second = await buildApp({
      db: t.db,
      clock: t.clock,
      wallClock: t.wallClock,
      config: loadConfig({ NODE_ENV: 'test', ONEWINDOW_CLOCK: 'manual', LOG_LEVEL: 'silent' }),
      logger: false,
    });
    await second.ready();
    try {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: DEMO_PASSWORD },
      });
      const cookie = `ow_sid=${login.cookies.find((c) => c.name === 'ow_sid')!.value}`;
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const me = () => second.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect((await me()).statusCode).toBe(200);
      expect(second.sessionCache.size).toBeGreaterThan(0);
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, 'x-csrf-token': csrf },
      });
      expect(out.statusCode).toBe(200);
      await expect.poll(async () => (await me()).statusCode, { timeout: 2_000 }).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('disabling an account ends its cached session at once', async () => {
    const admin = await t.as('admin');
    const officer = await t.as('officer');
    expect((await officer.get('/api/auth/me')).statusCode).toBe(200);
    const staff = (await admin.get('/api/org/staff')).json<
      { id: string; account: { username: string } | null }[]
    >();
    const target = staff.find((s) => s.account?.username === 'officer');
    expect(target).toBeDefined();
    expect((await admin.patch(`/api/org/staff/${target!.id}/account`, { disabled: true })).statusCode).toBe(
      200,
    );
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await admin.patch(`/api/org/staff/${target!.id}/account`, { disabled: false })).statusCode).toBe(
      200,
    );
  });
});

describe('password change', () => {
  it('names the field and the rule for a weak new password and a wrong current one', async () => {
    const c = await t.as('proxy');
    const weak = await c.post('/api/auth/password', {
      currentPassword: 'OneWindow2026',
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ error: { fields: Record<string, string> } }>().error.fields.newPassword).toBe(
      '至少 8 个字符',
    );
    const wrong = await c.post('/api/auth/password', { currentPassword: 'x', newPassword: 'Better2026x' });
    expect(wrong.json<{ error: { fields: Record<string, string> } }>().error.fields.currentPassword).toBe(
      '当前密码不正确',
    );
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const other = await t.as('village');
    const c = await t.as('village');
    expect(
      (await c.post('/api/auth/password', { currentPassword: 'OneWindow2026', newPassword: 'Village2027' }))
        .statusCode,
    ).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await t.anon.post('/api/auth/login', { username: 'village', password: 'OneWindow2026' })).statusCode,
    ).toBe(401);
    expect(
      (await t.anon.post('/api/auth/login', { username: 'village', password: 'Village2027' })).statusCode,
    ).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const centerId = async () =>
  (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;

describe('API conventions', () => {
  it('reports health with the database kind and version', async () => {
    const res = await t.anon.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: expect.stringMatching(/^(pglite|postgres)$/),
      version: '0.1.0',
    });
  });

  it('serves an OpenAPI 3 document that lists the routes', async () => {
    const doc = (await t.anon.get('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/org/windows', '/api/health']),
    );
  });

  it('sets security headers', async () => {
    const res = await t.anon.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('bad input gets the one error shape and writes nothing', () => {
  it('malformed JSON', async () => {
    const before = await count('windows');
    const res = await admin.request({
      method: 'POST',
      url: '/api/org/windows',
      payload: '{"number": "99",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'MALFORMED_JSON', message: '请求内容不是合法的 JSON' } });
    expect(await count('windows')).toBe(before);
  });

  it('missing and wrong-typed fields are named, in English on request', async () => {
    const before = await count('windows');
    const res = await admin.post(
      '/api/org/windows',
      { centerId: await centerId(), number: 7, kind: 'bogus' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields).toMatchObject({
      number: 'must be text',
      name: 'is required',
      kind: expect.stringContaining('must be one of: department, comprehensive'),
    });
    expect(await count('windows')).toBe(before);
  });

  it('an oversized body', async () => {
    const res = await admin.post('/api/org/windows', { name: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown ids and unknown routes answer 404 in the same shape', async () => {
    const res = await admin.patch('/api/org/windows/00000000-0000-4000-8000-000000000000', { name: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    const nope = await admin.get('/api/nope');
    expect(nope.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
  });

  it('a malformed id is a validation error naming the parameter', async () => {
    const res = await admin.patch('/api/org/windows/not-a-uuid', { name: 'x' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual([
      'id',
    ]);
  });

  it('a failure in the middle of a change leaves nothing behind', async () => {
    // The staff row is written before the account; a taken username is found after the staff insert
    // would have happened if it were checked late, so the transaction must leave neither.
    const before = {
      staff: await count('staff'),
      users: await count('users'),
      audit: await count('audit_log'),
    };
    const res = await admin.post('/api/org/staff', {
      centerId: await centerId(),
      name: '测试人员',
      post: '受理员',
      badgeNumber: 'T-9001',
      account: { username: 'officer', password: 'Passw0rd99', roles: ['officer'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty([
      'account.username',
    ]);
    expect({
      staff: await count('staff'),
      users: await count('users'),
      audit: await count('audit_log'),
    }).toEqual(before);
  });
});

describe('idempotency keys', () => {
  it('replays the first response for the same key and body, and refuses the key with another body', async () => {
    const body = { centerId: await centerId(), number: 'I-1', name: '幂等测试窗口', kind: 'comprehensive' };
    const key = { 'idempotency-key': 'test-key-0001' };
    const first = await admin.post('/api/org/windows', body, key);
    const second = await admin.post('/api/org/windows', body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect((await t.db.query("SELECT 1 FROM windows WHERE number = 'I-1'")).length).toBe(1);
    const other = await admin.post('/api/org/windows', { ...body, number: 'I-2' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('the manual clock', () => {
  it('lets an administrator set and read the server time', async () => {
    const set = await admin.post('/api/dev/clock', { now: '2026-10-01T00:00:00Z', freeze: true });
    expect(set.json()).toEqual({ now: '2026-10-01T00:00:00.000Z', manual: true });
    expect((await admin.get('/api/dev/clock')).json<{ now: string }>().now).toBe('2026-10-01T00:00:00.000Z');
    const adv = await admin.post('/api/dev/clock', { advanceMinutes: 90 });
    expect(adv.json<{ now: string }>().now).toBe('2026-10-01T01:30:00.000Z');
  });

  it('refuses other roles and bad bodies', async () => {
    const officer = await t.as('officer');
    expect((await officer.post('/api/dev/clock', { now: '2026-10-01T00:00:00Z' })).statusCode).toBe(403);
    const bad = await admin.post('/api/dev/clock', { now: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('now');
  });
});

describe('without the manual clock', () => {
  it('has no dev clock endpoint', async () => {
    const sys = await createTestApp({ ONEWINDOW_CLOCK: 'system' });
    try {
      const res = await sys.anon.get('/api/dev/clock');
      expect(res.statusCode).toBe(404);
    } finally {
      await sys.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

let t: TestApp;
let admin: Client;
let county: string;
let township: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  township = (
    await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'township' ORDER BY code LIMIT 1")
  )[0]!.id;
});
afterAll(() => t.close());

describe('administrators manage the organisation', () => {
  it('creates a window and a staff member with an account who can then log in; both are audited', async () => {
    const w = await admin.post('/api/org/windows', {
      centerId: county,
      number: '88',
      name: '测试综合窗口',
      kind: 'comprehensive',
      hall: '二楼',
    });
    expect(w.statusCode).toBe(201);
    const windowId = w.json<{ id: string }>().id;
    const s = await admin.post('/api/org/staff', {
      centerId: county,
      name: '李测试',
      gender: 'female',
      post: '综合受理员',
      badgeNumber: 'T-0088',
      phone: '13800138000',
      windowId,
      account: { username: 'li.test', password: 'Welcome2026', roles: ['officer'] },
    });
    expect(s.statusCode).toBe(201);
    expect(s.json()).toMatchObject({
      windowNumber: '88',
      account: { username: 'li.test', roles: ['officer'] },
    });
    const li = await t.as('li.test', 'Welcome2026');
    expect((await li.get('/api/auth/me')).json<{ staffId: string }>().staffId).toBe(
      s.json<{ id: string }>().id,
    );
    const audit = (await admin.get('/api/audit?entity=staff')).json<{
      items: { action: string; entityId: string }[];
    }>();
    expect(audit.items[0]).toMatchObject({ action: 'create', entityId: s.json<{ id: string }>().id });
  });

  it('refuses a duplicate window number in one center, naming the field', async () => {
    await admin.post('/api/org/windows', {
      centerId: county,
      number: '77',
      name: 'A',
      kind: 'comprehensive',
    });
    const dup = await admin.post('/api/org/windows', {
      centerId: county,
      number: '77',
      name: 'B',
      kind: 'comprehensive',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      error: { code: 'DUPLICATE', fields: { number: '已被占用，不能重复' } },
    });
  });

  it('requires a department for a department window and none for a comprehensive one', async () => {
    const res = await admin.post('/api/org/windows', {
      centerId: county,
      number: '66',
      name: 'X',
      kind: 'department',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields.departmentId).toMatch(
      /部门窗口必须选择/,
    );
  });

  it('creates a township under the county but not a village directly under the county', async () => {
    const bad = await admin.post('/api/org/centers', {
      code: 'BAD-1',
      name: '错层级',
      level: 'village',
      parentId: county,
      regionCode: '330000',
    });
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields.level).toBeDefined();
    const ok = await admin.post('/api/org/centers', {
      code: 'TS-NEW',
      name: '新乡镇便民服务中心',
      level: 'township',
      parentId: county,
      regionCode: '330101001',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('links an AB post backup and refuses a backup in another center', async () => {
    const staff = (await admin.get(`/api/org/staff?centerId=${county}`)).json<{ id: string }[]>();
    const townStaff = (await admin.get(`/api/org/staff?centerId=${township}`)).json<{ id: string }[]>();
    const res = await admin.patch(`/api/org/staff/${staff[0]!.id}`, { backupOfId: townStaff[0]!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields.backupOfId).toBe(
      '必须属于同一服务中心',
    );
    const ok = await admin.patch(`/api/org/staff/${staff[0]!.id}`, { backupOfId: staff[1]!.id });
    expect(ok.json<{ backupOfId: string }>().backupOfId).toBe(staff[1]!.id);
  });
});

describe('authorization by role and scope', () => {
  const staffRoles = ['admin', 'supervisor', 'officer', 'chief', 'approver', 'village', 'proxy', 'leader'];

  it.each(staffRoles)('%s reads the organisation of their scope', async (username) => {
    const c = await t.as(username);
    expect((await c.get('/api/org/windows')).statusCode).toBe(200);
  });

  it.each(staffRoles.filter((r) => r !== 'admin'))('%s may not change the organisation', async (username) => {
    const c = await t.as(username);
    const res = await c.post('/api/org/windows', {
      centerId: county,
      number: 'Z9',
      name: 'x',
      kind: 'comprehensive',
    });
    expect(res.statusCode).toBe(403);
  });

  it('applicants reach neither the organisation nor the audit log', async () => {
    const c = await t.as('zhangsan');
    expect((await c.get('/api/org/windows')).statusCode).toBe(403);
    expect((await c.get('/api/audit')).statusCode).toBe(403);
  });

  it('without a session everything private answers 401', async () => {
    expect((await t.anon.get('/api/org/windows')).statusCode).toBe(401);
    expect((await t.anon.get('/api/audit')).statusCode).toBe(401);
  });

  it('a village acceptor sees only their own village: the county is 404 to them', async () => {
    const village = await t.as('village');
    const centers = (await village.get('/api/org/centers')).json<{ level: string }[]>();
    expect(centers.map((c) => c.level)).toEqual(['village']);
    const countyWindow = (
      await t.db.query<{ id: string }>('SELECT id FROM windows WHERE center_id = $1 LIMIT 1', [county])
    )[0]!.id;
    const windows = (await village.get('/api/org/windows')).json<{ id: string }[]>();
    expect(windows.map((w) => w.id)).not.toContain(countyWindow);
  });

  it("a township administrator cannot touch the county's windows (404, not 403)", async () => {
    await admin.post('/api/org/staff', {
      centerId: township,
      name: '乡镇管理员',
      post: '管理员',
      badgeNumber: 'TA-01',
      account: { username: 'town.admin', password: 'Township2026', roles: ['admin'] },
    });
    const townAdmin = await t.as('town.admin', 'Township2026');
    const countyWindow = (
      await t.db.query<{ id: string }>('SELECT id FROM windows WHERE center_id = $1 LIMIT 1', [county])
    )[0]!.id;
    const res = await townAdmin.patch(`/api/org/windows/${countyWindow}`, { name: '越权修改' });
    expect(res.statusCode).toBe(404);
    const create = await townAdmin.post('/api/org/windows', {
      centerId: county,
      number: 'Q1',
      name: 'x',
      kind: 'comprehensive',
    });
    expect(create.statusCode).toBe(404);
  });
});

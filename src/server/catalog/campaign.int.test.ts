import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignView } from '../../shared/contracts/catalog-campaigns';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

let t: TestApp;
let admin: Client;
let county: string;
const dept: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  for (const d of await t.db.query<{ id: string; code: string }>('SELECT id, code FROM departments'))
    dept[d.code] = d.id;
});
afterAll(() => t.close());

type Err = { error: { code: string; message: string; fields?: Record<string, string> } };

describe('clean-up campaigns (事项清理)', () => {
  it('run in phases: start, open drafts for the phase departments, review, complete, close', async () => {
    const created = await admin.post('/api/catalog/campaigns', {
      centerId: county,
      name: '2026年度事项清理',
      phases: [
        { name: '第一阶段', departmentIds: [dept.SCJG] },
        { name: '第二阶段', departmentIds: [dept.CL, dept.SW] },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json<CampaignView>();
    expect(c).toMatchObject({
      status: 'planning',
      phases: [
        { seq: 1, status: 'pending' },
        { seq: 2, status: 'pending' },
      ],
    });
    const [p1, p2] = c.phases;

    // A phase cannot start before the campaign does.
    const early = await admin.post(`/api/catalog/campaigns/${c.id}/phases/${p1!.id}/actions`, {
      action: 'start',
    });
    expect(early.json<Err>().error.code).toBe('CATALOG_CAMPAIGN_INVALID_TRANSITION');
    expect(
      (await admin.post(`/api/catalog/campaigns/${c.id}/actions`, { action: 'start' })).json<CampaignView>()
        .status,
    ).toBe('active');

    const started = await admin.post(`/api/catalog/campaigns/${c.id}/phases/${p1!.id}/actions`, {
      action: 'start',
    });
    expect(started.statusCode, started.body).toBe(200);
    const scjgItems = (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE department_id = $1', [
        dept.SCJG,
      ])
    )[0]!.n;
    expect(started.json<{ draftsOpened: number; skipped: number }>()).toMatchObject({
      draftsOpened: scjgItems,
      skipped: 0,
    });

    // The phase cannot complete while its drafts are open.
    const blocked = await admin.post(`/api/catalog/campaigns/${c.id}/phases/${p1!.id}/actions`, {
      action: 'complete',
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<Err>().error.message).toBe(`本阶段还有 ${scjgItems} 个事项未完成审核发布，不能结束`);

    // Review: the first draft goes all the way to publication, the others are cancelled as unchanged.
    const drafts = await t.db.query<{ id: string }>(
      "SELECT id FROM item_versions WHERE campaign_id = $1 AND status = 'draft' ORDER BY id",
      [c.id],
    );
    const approver = await t.as('approver');
    const first = drafts[0]!.id;
    await admin.post(`/api/catalog/versions/${first}/actions`, { action: 'submit' });
    expect(
      (await approver.get('/api/catalog/reviews')).json<{ versionId: string; campaignName: string }[]>(),
    ).toContainEqual(expect.objectContaining({ versionId: first, campaignName: '2026年度事项清理' }));
    await approver.post(`/api/catalog/versions/${first}/actions`, { action: 'approve' });
    expect(
      (await admin.post(`/api/catalog/versions/${first}/actions`, { action: 'approve' })).json<{
        status: string;
      }>().status,
    ).toBe('published');
    for (const d of drafts.slice(1)) {
      const res = await admin.post(`/api/catalog/versions/${d.id}/actions`, {
        action: 'cancel',
        comment: '经清理无变化',
      });
      expect(res.statusCode).toBe(200);
    }
    const progress = (await admin.get(`/api/catalog/campaigns/${c.id}`)).json<CampaignView>();
    expect(progress.phases[0]!.departments[0]!.counts).toEqual({
      draft: 0,
      department_review: 0,
      center_review: 0,
      published: 1,
      cancelled: scjgItems - 1,
    });

    const done = await admin.post(`/api/catalog/campaigns/${c.id}/phases/${p1!.id}/actions`, {
      action: 'complete',
    });
    expect(done.json<{ campaign: CampaignView }>().campaign.phases[0]!.status).toBe('completed');

    // Phase 2 with its drafts open blocks closing the campaign.
    await admin.post(`/api/catalog/campaigns/${c.id}/phases/${p2!.id}/actions`, { action: 'start' });
    expect(
      (await admin.post(`/api/catalog/campaigns/${c.id}/actions`, { action: 'close' })).json<Err>().error
        .code,
    ).toBe('CATALOG_PHASE_OPEN_ITEMS');
    const open = await t.db.query<{ id: string }>(
      "SELECT id FROM item_versions WHERE campaign_id = $1 AND status = 'draft'",
      [c.id],
    );
    for (const d of open)
      await admin.post(`/api/catalog/versions/${d.id}/actions`, { action: 'cancel', comment: '无变化' });
    await admin.post(`/api/catalog/campaigns/${c.id}/phases/${p2!.id}/actions`, { action: 'complete' });
    const closed = await admin.post(`/api/catalog/campaigns/${c.id}/actions`, { action: 'close' });
    expect(closed.json<CampaignView>().status).toBe('closed');
    const list = (await admin.get('/api/catalog/campaigns')).json<
      { id: string; status: string; openVersions: number }[]
    >();
    expect(list.find((x) => x.id === c.id)).toMatchObject({ status: 'closed', openVersions: 0 });
  });

  it('refuses a department in two phases and a department of another center', async () => {
    const twice = await admin.post('/api/catalog/campaigns', {
      centerId: county,
      name: 'x',
      phases: [
        { name: 'a', departmentIds: [dept.GA] },
        { name: 'b', departmentIds: [dept.GA] },
      ],
    });
    expect(twice.json<Err>().error.fields).toEqual({ 'phases.1.departmentIds.0': '与前面的项目重复' });
  });

  it('only administrators run campaigns; staff may read them', async () => {
    const officer = await t.as('officer');
    expect(
      (
        await officer.post('/api/catalog/campaigns', {
          centerId: county,
          name: 'x',
          phases: [{ name: 'a', departmentIds: [dept.GA] }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await officer.get('/api/catalog/campaigns')).statusCode).toBe(200);
  });

  it('the demo campaign is closed with three completed phases', async () => {
    const list = (await admin.get('/api/catalog/campaigns')).json<
      { id: string; name: string; status: string; phaseCount: number }[]
    >();
    const demo = list.find((c) => c.name.includes('第三次审批提速'))!;
    expect(demo).toMatchObject({ status: 'closed', phaseCount: 3 });
  });
});

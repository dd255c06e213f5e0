import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemContent, ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { sampleContent } from './catalog.fixtures';
import { getEffectiveItemVersion, getItemVersion } from './catalog.service';

let t: TestApp;
let admin: Client;
let county: string;
let scjg: string;
let ga: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  scjg = (await t.db.query<{ id: string }>("SELECT id FROM departments WHERE code = 'SCJG'"))[0]!.id;
  ga = (await t.db.query<{ id: string }>("SELECT id FROM departments WHERE code = 'GA'"))[0]!.id;
});
afterAll(() => t.close());

type Fields = { error: { code: string; message: string; fields?: Record<string, string> } };

async function createDraft(over: Partial<ItemContent> = {}, departmentId = scjg): Promise<ItemVersionView> {
  seq++;
  const res = await admin.post('/api/catalog/items', {
    centerId: county,
    departmentId,
    basicCode: `T-B-${seq}`,
    implCode: `T-I-${seq}`,
    content: sampleContent(over),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ItemVersionView>();
}

/** Draft → department review → center review → published, by the right people. */
async function publish(versionId: string, effectiveFrom?: string): Promise<ItemVersionView> {
  const approver = await t.as('approver');
  expect(
    (await admin.post(`/api/catalog/versions/${versionId}/actions`, { action: 'submit' })).statusCode,
  ).toBe(200);
  expect(
    (
      await approver.post(`/api/catalog/versions/${versionId}/actions`, {
        action: 'approve',
        comment: '同意',
      })
    ).statusCode,
  ).toBe(200);
  const res = await admin.post(`/api/catalog/versions/${versionId}/actions`, {
    action: 'approve',
    ...(effectiveFrom ? { effectiveFrom } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ItemVersionView>();
}

describe('creating items', () => {
  it('creates an item as a draft version 1 with its materials and steps', async () => {
    const v = await createDraft();
    expect(v).toMatchObject({
      versionNo: 1,
      status: 'draft',
      itemTypeCode: '01',
      departmentName: '云溪县市场监督管理局',
    });
    expect(v.content.materials.map((m) => m.name)).toEqual(['个体工商户登记申请书', '授权委托书']);
    expect(v.content.steps).toHaveLength(3);
  });

  it('refuses a duplicate basic code and a duplicate implementation code in the same center', async () => {
    const v = await createDraft();
    const dupBasic = await admin.post('/api/catalog/items', {
      centerId: county,
      departmentId: scjg,
      basicCode: v.basicCode,
      implCode: 'OTHER-1',
      content: sampleContent(),
    });
    expect(dupBasic.statusCode).toBe(409);
    expect(dupBasic.json<Fields>().error).toMatchObject({
      code: 'DUPLICATE',
      fields: { basicCode: '已被占用，不能重复' },
    });
    const dupImpl = await admin.post('/api/catalog/items', {
      centerId: county,
      departmentId: scjg,
      basicCode: 'OTHER-2',
      implCode: v.implCode,
      content: sampleContent(),
    });
    expect(dupImpl.json<Fields>().error).toMatchObject({
      code: 'DUPLICATE',
      fields: { implCode: '已被占用，不能重复' },
    });
  });

  it('refuses a limit in an unknown unit and a promised limit over the legal one, naming the fields', async () => {
    const body = (content: unknown) => ({
      centerId: county,
      departmentId: scjg,
      basicCode: 'X-1',
      implCode: 'X-1',
      content,
    });
    const unit = await admin.post(
      '/api/catalog/items',
      body({ ...sampleContent(), promisedLimit: { amount: 5, unit: 'week' } }),
    );
    expect(unit.statusCode).toBe(400);
    expect(unit.json<Fields>().error.fields!['content.promisedLimit.unit']).toBe(
      '只能是：workday、day、workhour',
    );
    const over = await admin.post(
      '/api/catalog/items',
      body(sampleContent({ promisedLimit: { amount: 30, unit: 'workday' } })),
      { 'accept-language': 'en' },
    );
    expect(over.json<Fields>().error.fields!['content.promisedLimit.amount']).toBe(
      'the promised limit must not exceed the legal limit',
    );
    const visits = await admin.post(
      '/api/catalog/items',
      body(sampleContent({ visitsRequired: 1, visitsReason: '' })),
    );
    expect(visits.json<Fields>().error.fields!['content.visitsReason']).toBe(
      '到现场次数大于 0 时必须说明原因',
    );
  });

  it('only administrators create items; other staff read; the public and applicants do not reach staff endpoints', async () => {
    const officer = await t.as('officer');
    expect(
      (
        await officer.post('/api/catalog/items', {
          centerId: county,
          departmentId: scjg,
          basicCode: 'Y',
          implCode: 'Y',
          content: sampleContent(),
        })
      ).statusCode,
    ).toBe(403);
    expect((await officer.get('/api/catalog/items')).statusCode).toBe(200);
    expect((await t.anon.get('/api/catalog/items')).statusCode).toBe(401);
    expect((await (await t.as('zhangsan')).get('/api/catalog/items')).statusCode).toBe(403);
  });
});

describe('the review workflow', () => {
  it('goes draft → department review → center review → published, with events and the approver', async () => {
    const v = await createDraft();
    const published = await publish(v.id);
    expect(published).toMatchObject({
      status: 'published',
      approvedByName: '杜丽华',
      departmentReviewedByName: '马俊',
      effectiveFrom: '2026-03-02',
    });
    const detail = await admin.get(`/api/catalog/versions/${v.id}`);
    expect(detail.json<{ events: { action: string }[] }>().events.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'approve',
      'publish',
    ]);
  });

  it("only the reviewers of the item's own department review it", async () => {
    const v = await createDraft({}, ga);
    await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'submit' });
    const other = await (
      await t.as('approver')
    ).post(`/api/catalog/versions/${v.id}/actions`, { action: 'approve' });
    expect(other.statusCode).toBe(403);
    expect(other.json<Fields>().error.code).toBe('CATALOG_NOT_REVIEWER');
    const officer = await (
      await t.as('officer')
    ).post(`/api/catalog/versions/${v.id}/actions`, { action: 'approve' });
    expect(officer.statusCode).toBe(403);
    // Nor may the administrator skip the department's review.
    expect(
      (await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'approve' })).json<Fields>().error
        .code,
    ).toBe('CATALOG_NOT_REVIEWER');
  });

  it('a return needs a comment and goes back to draft; a published version cannot be acted on or edited', async () => {
    const v = await createDraft();
    await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'submit' });
    const approver = await t.as('approver');
    const bare = await approver.post(`/api/catalog/versions/${v.id}/actions`, { action: 'return' });
    expect(bare.json<Fields>().error.code).toBe('CATALOG_COMMENT_REQUIRED');
    const back = await approver.post(`/api/catalog/versions/${v.id}/actions`, {
      action: 'return',
      comment: '请补充收费依据',
    });
    expect(back.json<ItemVersionView>().status).toBe('draft');
    await publish(v.id);
    const again = await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'submit' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Fields>().error.message).toBe('当前状态为「已发布」，不能执行「提交审核」');
    const edit = await admin.put(`/api/catalog/versions/${v.id}`, { content: sampleContent() });
    expect(edit.json<Fields>().error.code).toBe('CATALOG_VERSION_NOT_EDITABLE');
  });

  it('refuses a back-dated publication', async () => {
    const v = await createDraft();
    await admin.post(`/api/catalog/versions/${v.id}/actions`, { action: 'submit' });
    await (await t.as('approver')).post(`/api/catalog/versions/${v.id}/actions`, { action: 'approve' });
    const res = await admin.post(`/api/catalog/versions/${v.id}/actions`, {
      action: 'approve',
      effectiveFrom: '2026-01-01',
    });
    expect(res.json<Fields>().error.fields).toEqual({ effectiveFrom: '生效日期不能早于今天' });
  });
});

describe('versions', () => {
  it('publishing version 2 while a case references version 1 leaves version 1 exactly as it was', async () => {
    const v1 = await publish(
      (await createDraft({ promisedLimit: { amount: 20, unit: 'workday' }, steps: sampleContent().steps }))
        .id,
    );
    // A case accepted today pins the version in force (what the case feature does at acceptance).
    const pinned = (await getEffectiveItemVersion(t.db, { itemId: v1.itemId, at: t.clock.now() }))!;
    expect(pinned.id).toBe(v1.id);

    const draft = await admin.post(`/api/catalog/items/${v1.itemId}/versions`, { changeNote: '审批提速' });
    expect(draft.statusCode).toBe(201);
    const v2id = draft.json<ItemVersionView>().id;
    expect((await admin.post(`/api/catalog/items/${v1.itemId}/versions`, {})).json<Fields>().error.code).toBe(
      'CATALOG_OPEN_VERSION_EXISTS',
    );
    const edit = await admin.put(`/api/catalog/versions/${v2id}`, {
      content: sampleContent({ promisedLimit: { amount: 5, unit: 'workday' } }),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await publish(v2id, '2026-03-09');

    const again = (await getItemVersion(t.db, pinned.id))!;
    expect(again).toEqual(pinned);
    expect(again.content.promisedLimit).toEqual({ amount: 20, unit: 'workday' });
    // v2 takes effect a week later: v1 stays in force until then.
    expect(
      (await getEffectiveItemVersion(t.db, { itemId: v1.itemId, at: new Date('2026-03-08T15:00:00Z') }))!.id,
    ).toBe(v1.id);
    expect(
      (await getEffectiveItemVersion(t.db, { itemId: v1.itemId, at: new Date('2026-03-08T16:00:00Z') }))!.id,
    ).toBe(v2id);
    // The database itself refuses to change a published version.
    await expect(
      t.db.query('UPDATE item_versions SET promised_limit_amount = 1 WHERE id = $1', [v1.id]),
    ).rejects.toThrow(/cannot change/);

    const history = (await admin.get(`/api/catalog/items/${v1.itemId}/history`)).json<
      {
        versionNo: number;
        approvedByName: string;
        changes: { field: string; before: unknown; after: unknown }[];
      }[]
    >();
    expect(history[0]).toMatchObject({ versionNo: 2, approvedByName: '杜丽华' });
    expect(history[0]!.changes).toContainEqual({
      field: 'promisedLimit',
      before: { amount: 20, unit: 'workday' },
      after: { amount: 5, unit: 'workday' },
    });
  });

  it('only one version may wait for a future date', async () => {
    const v1 = await publish((await createDraft()).id);
    const v2 = (await admin.post(`/api/catalog/items/${v1.itemId}/versions`, {})).json<ItemVersionView>();
    await publish(v2.id, '2026-04-01');
    const v3 = (await admin.post(`/api/catalog/items/${v1.itemId}/versions`, {})).json<ItemVersionView>();
    await admin.post(`/api/catalog/versions/${v3.id}/actions`, { action: 'submit' });
    await (await t.as('approver')).post(`/api/catalog/versions/${v3.id}/actions`, { action: 'approve' });
    const res = await admin.post(`/api/catalog/versions/${v3.id}/actions`, {
      action: 'approve',
      effectiveFrom: '2026-05-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Fields>().error.code).toBe('CATALOG_VERSION_SCHEDULED');
  });
});

describe('the staff list', () => {
  it('lists items with the version in force and the open one, and searches Chinese substrings', async () => {
    const v = await createDraft({ name: '测试专用建筑垃圾处置核准' });
    const res = await admin.get(`/api/catalog/items?q=${encodeURIComponent('垃圾处置')}`);
    const body = res.json<{
      items: { id: string; open: { status: string } | null; current: unknown }[];
      total: number;
    }>();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: v.itemId, open: { status: 'draft' }, current: null });
    const demo = (await admin.get('/api/catalog/items?status=published&pageSize=200')).json<{
      total: number;
    }>();
    expect(demo.total).toBeGreaterThanOrEqual(60);
  });
});

describe('windows and staff (全岗通)', () => {
  it('sets the windows and staff who may accept an item, within its center only', async () => {
    const v = await createDraft();
    const windows = await t.db.query<{ id: string }>(
      "SELECT id FROM windows WHERE center_id = $1 AND number IN ('1', '9') ORDER BY id",
      [county],
    );
    const staff = await t.db.query<{ id: string }>(
      "SELECT s.id FROM staff s JOIN users u ON u.staff_id = s.id WHERE u.username IN ('officer', 'chief') ORDER BY s.id",
    );
    const put = await admin.put(`/api/catalog/items/${v.itemId}/assignments`, {
      windowIds: windows.map((w) => w.id),
      staffIds: staff.map((s) => s.id),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({
      itemId: v.itemId,
      windowIds: windows.map((w) => w.id),
      staffIds: staff.map((s) => s.id),
    });
    const township = await t.db.query<{ id: string }>(
      "SELECT w.id FROM windows w JOIN centers c ON c.id = w.center_id WHERE c.level = 'township' LIMIT 1",
    );
    const bad = await admin.put(`/api/catalog/items/${v.itemId}/assignments`, {
      windowIds: [township[0]!.id],
      staffIds: [],
    });
    expect(bad.json<Fields>().error.fields).toEqual({ windowIds: '必须属于同一服务中心' });
    const matrix = (await admin.get('/api/catalog/skills')).json<{ itemId: string; windowIds: string[] }[]>();
    expect(matrix.find((m) => m.itemId === v.itemId)!.windowIds).toHaveLength(2);
  });
});

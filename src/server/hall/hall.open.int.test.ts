import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant, instantOfCivil } from '../../domain/calendar';
import { HallCategoriesOpenView, HallPublicView, type CategoryView } from '../../shared/contracts/hall';
import { isCategoryOpen } from '../schedule/category-open';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { TEST_NOW } from '../test/test-now';

/**
 * The kiosk's one-request check of which categories issue tickets, on PGlite and PostgreSQL
 * (ONEWINDOW_TEST_DB). Demo: 二楼大厅 holds 不动产 (J, window 17 serves over lunch, 错时服务) and
 * 规划 (K, window 19 only, closed 11:30–14:00); the center works 08:30–11:30 and 14:00–17:30.
 */
let t: TestApp;
let admin: Client;
const hallIds: Record<string, string> = {};
const at = (date: string, time: string) => instantOfCivil(date, time);
const url = (hallId: string) => `/api/public/halls/${hallId}/categories/open`;
const categoriesOf = async (hallId: string) =>
  (await admin.get(`/api/hall/halls/${hallId}/categories`)).json<CategoryView[]>();
const openView = async (hallId: string) => {
  const res = await t.anon.get(url(hallId));
  expect(res.statusCode, res.body).toBe(200);
  // The response is what the contract says (the kiosk parses it with the same schema).
  return HallCategoriesOpenView.parse(res.json());
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  for (const h of (await admin.get('/api/hall/halls')).json<{ id: string; name: string }[]>())
    hallIds[h.name] = h.id;
});
afterAll(() => t.close());

describe('GET /api/public/halls/:id/categories/open', () => {
  it('at lunch on a working day: 不动产 is open, 规划 is closed until 14:00', async () => {
    t.clock.set(at('2026-03-02', '12:00'), { freeze: true });
    try {
      const hallId = hallIds['二楼大厅']!;
      const v = await openView(hallId);
      expect(v.hallId).toBe(hallId);
      expect(v.at).toBe('2026-03-02T12:00:00+08:00');
      const byPrefix = Object.fromEntries(v.categories.map((c) => [c.prefix, c]));
      expect(byPrefix.J).toMatchObject({ open: true, reopensAt: null });
      expect(byPrefix.K).toMatchObject({ open: false, reopensAt: '2026-03-02T14:00:00+08:00' });

      // Exactly the kiosk's categories, in the kiosk's order: the hall's active ones, none of the
      // other hall's.
      const kiosk = HallPublicView.parse((await t.anon.get(`/api/public/halls/${hallId}`)).json());
      expect(v.categories.map((c) => c.categoryId)).toEqual(kiosk.categories.map((c) => c.categoryId));
      const own = await categoriesOf(hallId);
      expect(v.categories.map((c) => c.categoryId).sort()).toEqual(
        own
          .filter((c) => c.active)
          .map((c) => c.id)
          .sort(),
      );

      // Each answer is the rule that refuses a ticket (isCategoryOpen), not a second copy of it.
      for (const c of v.categories) {
        const s = await isCategoryOpen(t.db, { categoryId: c.categoryId, at: at('2026-03-02', '12:00') });
        expect(c, c.prefix).toMatchObject({
          open: s.open,
          reopensAt: s.reopensAt ? formatInstant(s.reopensAt.getTime()) : null,
        });
      }
    } finally {
      t.clock.set(TEST_NOW, { freeze: true });
    }
  });

  it('a category no window of the hall can serve is closed with no reopening; a switched-off one is left out', async () => {
    // 户政 items are served by the police windows of 一楼大厅 only: in 二楼大厅 nobody can serve them.
    const huzheng = (await categoriesOf(hallIds['一楼大厅']!)).find((c) => c.prefix === 'C')!;
    const hallId = hallIds['二楼大厅']!;
    const created = await admin.post('/api/hall/categories', {
      hallId,
      prefix: 'X',
      name: '无人可办',
      numberFrom: 1,
      numberTo: 99,
      dailyCap: 10,
      expectedServiceMinutes: 5,
      itemIds: huzheng.items.map((i) => i.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const x = (await categoriesOf(hallId)).find((c) => c.prefix === 'X')!;

    const v = await openView(hallId);
    expect(v.categories.find((c) => c.categoryId === x.id)).toEqual({
      categoryId: x.id,
      prefix: 'X',
      open: false,
      reopensAt: null,
    });

    expect((await admin.patch(`/api/hall/categories/${x.id}`, { active: false })).statusCode).toBe(200);
    expect((await openView(hallId)).categories.map((c) => c.categoryId)).not.toContain(x.id);
  });

  it('an unknown hall is a 404 NOT_FOUND (zh-CN and English), a malformed id a 400', async () => {
    const unknown = url('00000000-0000-4000-8000-000000000000');
    const zh = await t.anon.get(unknown);
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('未找到') } });
    const en = await t.anon.get(unknown, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(404);
    expect(en.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('not found') },
    });

    const bad = await t.anon.get(url('not-a-uuid'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });

  it('is in the OpenAPI description as a public route', async () => {
    const spec = (await t.anon.get('/api/openapi.json')).json<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>();
    expect(spec.paths['/api/public/halls/{id}/categories/open']?.get?.tags).toContain('public');
  });
});

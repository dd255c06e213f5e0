import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import type { BoardView, GuideFacets, GuideSummary, GuideView } from '../../shared/contracts/catalog-public';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { sampleContent } from './catalog.fixtures';

let t: TestApp;
let admin: Client;
let published: ItemVersionView;
let draft: ItemVersionView;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  const county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  const scjg = (await t.db.query<{ id: string }>("SELECT id FROM departments WHERE code = 'SCJG'"))[0]!.id;
  const create = async (n: number, name: string) =>
    (
      await admin.post('/api/catalog/items', {
        centerId: county,
        departmentId: scjg,
        basicCode: `P-B-${n}`,
        implCode: `P-I-${n}`,
        content: sampleContent({ name }),
      })
    ).json<ItemVersionView>();
  published = await create(1, '个体工商户营业执照注册登记');
  draft = await create(2, '尚未发布的营业执照补领');
  await admin.post(`/api/catalog/versions/${published.id}/actions`, { action: 'submit' });
  await (await t.as('approver')).post(`/api/catalog/versions/${published.id}/actions`, { action: 'approve' });
  await admin.post(`/api/catalog/versions/${published.id}/actions`, { action: 'approve' });
});
afterAll(() => t.close());

const guides = async (qs: string) =>
  (await t.anon.get(`/api/public/guides?${qs}`)).json<{ items: GuideSummary[]; total: number }>();

describe('public guides', () => {
  it('are readable without login and list published items only', async () => {
    const all = await guides('pageSize=200');
    expect(all.total).toBeGreaterThanOrEqual(61);
    expect(all.items.map((g) => g.itemId)).toContain(published.itemId);
    expect(all.items.map((g) => g.itemId)).not.toContain(draft.itemId);
    expect((await t.anon.get(`/api/public/guides/${draft.itemId}`)).statusCode).toBe(404);
  });

  it('search finds Chinese partial words: 营业执照 finds 个体工商户营业执照注册登记', async () => {
    const res = await guides(`q=${encodeURIComponent('营业执照')}`);
    expect(res.items.map((g) => g.name)).toContain('个体工商户营业执照注册登记');
    expect(res.items.map((g) => g.name)).not.toContain('尚未发布的营业执照补领');
    expect((await guides(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('filters by department, theme, level, handling mode and 即办件', async () => {
    const immediate = await guides('immediate=true&pageSize=200');
    expect(immediate.total).toBeGreaterThan(0);
    expect(immediate.items.every((g) => g.caseType === 'immediate')).toBe(true);
    const village = await guides('level=village&pageSize=200');
    expect(village.items.every((g) => g.acceptLevels.includes('village'))).toBe(true);
    const online = await guides('mode=no_visit&pageSize=200');
    expect(online.items.every((g) => g.handlingModes.includes('no_visit'))).toBe(true);
    const facets = (await t.anon.get('/api/public/guides/facets')).json<GuideFacets>();
    expect(facets.departments.length).toBeGreaterThanOrEqual(10);
    const theme = facets.themes[0]!.theme;
    expect((await guides(`theme=${encodeURIComponent(theme)}&pageSize=200`)).total).toBe(
      facets.themes[0]!.count,
    );
    const dept = facets.departments[0]!;
    expect((await guides(`departmentId=${dept.id}&pageSize=200`)).total).toBe(dept.count);
  });

  it('a guide carries the 八公开 elements of the version in force', async () => {
    const g = (await t.anon.get(`/api/public/guides/${published.itemId}`)).json<GuideView>();
    expect(g).toMatchObject({
      versionId: published.id,
      centerName: expect.stringContaining('云溪县') as string,
      itemTypeCode: '01',
    });
    expect(g.content).toMatchObject({
      legalBasis: expect.any(String) as string,
      conditions: expect.any(String) as string,
      promisedLimit: { amount: 5, unit: 'workday' },
    });
    expect(g.content.fees[0]).toMatchObject({ standardFen: 1000, basis: expect.any(String) as string });
  });

  it('prints an A4 PDF whose text (CJK included) pdftotext can read', async () => {
    const res = await t.anon.get(`/api/public/guides/${published.itemId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ow-guide-'));
    try {
      writeFileSync(join(dir, 'g.pdf'), res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'g.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('个体工商户营业执照注册登记');
      expect(text).toContain('承诺办结时限');
      expect(text).toContain('5 个工作日');
      const info = execFileSync('pdfinfo', [join(dir, 'g.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the hall board lists the items concluded on the spot and the range of the others', async () => {
    const b = (await t.anon.get('/api/public/board')).json<BoardView>();
    expect(b.onTheSpot.length).toBeGreaterThan(5);
    expect(b.ranges[0]).toMatchObject({ unit: 'workday' });
    expect(b.ranges[0]!.min).toBeGreaterThan(0);
    expect(b.complaintPhones).toContain('12345');
  });
});

describe('the compression report', () => {
  it('shows the demo clean-up: 290 working days saved, six new 即办件', async () => {
    const res = await admin.get('/api/catalog/reports/compression?from=2025-06-01&to=2026-03-02');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{
      total: {
        itemsShortened: number;
        workdaysSaved: number;
        immediateBefore: number;
        immediateAfter: number;
      };
      departments: unknown[];
    }>();
    expect(r.total.workdaysSaved).toBe(290);
    expect(r.total.immediateAfter - r.total.immediateBefore).toBe(6);
    expect(r.departments.length).toBeGreaterThan(5);
  });

  it('is empty for a period before any change', async () => {
    const r = (await admin.get('/api/catalog/reports/compression?from=2025-01-02&to=2025-02-01')).json<{
      total: { itemsShortened: number };
    }>();
    expect(r.total.itemsShortened).toBe(0);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const NAME = '端到端测试餐饮小作坊登记';

/** Pick an option of an antd Select by its visible title. */
async function choose(page: Page, selector: string, title: string | RegExp): Promise<void> {
  await page.locator(selector).click();
  await page.getByTitle(title).first().click();
}

async function act(page: Page, itemPath: string, button: string): Promise<void> {
  await page.goto(`${baseUrl()}${itemPath}`);
  await page.getByTestId(button).click();
  await page
    .getByText(/操作成功/)
    .first()
    .waitFor();
}

describe('an administrator publishes an item and the public reads its guide', () => {
  it('creates an item with materials and steps, takes it through review, and the guide and its PDF show it', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.goto(`${baseUrl()}/catalog/items`);
    await page.getByTestId('item-create').click();

    await choose(page, '#item_departmentId', '云溪县市场监督管理局');
    await page.locator('#item_basicCode').fill('E2E-B-001');
    await page.locator('#item_implCode').fill('E2E-I-001');
    await page.locator('#item_content_name').fill(NAME);
    await page.locator('#item_content_legalBasis').fill('《中华人民共和国食品安全法》第三十六条');
    await page.locator('#item_content_conditions').fill('从事食品生产加工的小作坊，有固定场所');
    await page.locator('#item_content_visitsReason').fill('现场核查生产场所');
    // Materials: two rows, one of them a copy.
    await page.getByTestId('add-materials').click();
    await page.locator('#item_content_materials_0_name').fill('小作坊登记申请表');
    await page.getByTestId('add-materials').click();
    await page.locator('#item_content_materials_1_name').fill('经营者身份证明');
    await page.locator('#item_content_materials_1_copies').fill('1');
    // Steps: three are proposed; rename the last one.
    await page.locator('#item_content_steps_2_name').fill('核准发证');
    await page.locator('#item_content_result_name').fill('食品小作坊登记证');
    await page.locator('#item_content_location').fill('一楼10号市场监管窗口');
    await page.locator('#item_content_phone').fill('0550-7012302');
    await page.getByTestId('item-save').click();

    await page.getByTestId('item-title').filter({ hasText: NAME }).waitFor();
    const itemPath = new URL(page.url()).pathname;
    const itemId = itemPath.split('/').pop()!;
    await page.getByTestId('version-submit').click();
    await page
      .getByText(/操作成功/)
      .first()
      .waitFor();

    // 部门审核 by the department's approver, then the center publishes.
    const approver = await newPage(browser);
    await login(approver, 'approver');
    await act(approver, itemPath, 'version-approve');
    await approver.context().close();
    await act(page, itemPath, 'version-approve');
    await page.getByText('查看办事指南').waitFor();
    await page.context().close();

    // The public: no login, search by a partial name, open the guide.
    const pub = await newPage(browser);
    await pub.goto(`${baseUrl()}/guides`);
    await pub.getByTestId('guide-search').locator('input').fill('小作坊');
    await pub.keyboard.press('Enter');
    await pub.getByRole('link', { name: NAME }).click();
    await pub.getByTestId('guide-title').filter({ hasText: NAME }).waitFor();
    expect(await pub.getByText('小作坊登记申请表').count()).toBe(1);
    expect(await pub.getByText('核准发证').count()).toBeGreaterThan(0);
    expect(await pub.getByText('5 个工作日').count()).toBeGreaterThan(0);

    // The printable guide is a PDF whose text contains the item name.
    const pdf = await pub.request.get(`${baseUrl()}/api/public/guides/${itemId}/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ow-e2e-pdf-'));
    try {
      writeFileSync(join(dir, 'guide.pdf'), await pdf.body());
      const text = execFileSync('pdftotext', [join(dir, 'guide.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(NAME);
      expect(text).toContain('小作坊登记申请表');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await pub.context().close();
  });

  it('the public board lists the items concluded on the spot', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/board`);
    const card = page.getByTestId('board-on-the-spot');
    await card.waitFor({ timeout: 45_000 });
    expect(await card.getByRole('link').count()).toBeGreaterThan(5);
    await page.context().close();
  });

  it('the guide list works in English too', async () => {
    const page = await newPage(browser, 'en');
    await page.goto(`${baseUrl()}/guides`);
    await page.evaluate(() => localStorage.setItem('ow.lang', 'en'));
    await page.reload();
    await page.getByText('Service guides').first().waitFor();
    // The heading renders before the list arrives: wait for the sixth card, not for the page.
    await page.getByTestId('guide-card').nth(5).waitFor();
    expect(await page.getByTestId('guide-card').count()).toBeGreaterThan(5);
    await page.context().close();
  });
});

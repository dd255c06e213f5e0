import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage, setServerClock } from './browser';

/**
 * E-supervision through the browser: a case accepted at the window is left alone past its promised
 * due and the supervision period; the supervisor sees the red card appear on the desk, opens a
 * 督办单 on it, the department's chief representative answers in writing, the supervisor closes it.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ITEM = '食品经营许可（新办）';

async function csrf(page: Page): Promise<string> {
  const r = await page.request.get(`${baseUrl()}/api/auth/me`);
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

/** Accept a case at the window through the API (the window screens are another feature's test). */
async function acceptCase(page: Page): Promise<{ id: string; number: string }> {
  const token = await csrf(page);
  const list = await (
    await page.request.get(`${baseUrl()}/api/catalog/items?q=${encodeURIComponent(ITEM)}`)
  ).json();
  const itemId = (list as { items: { id: string; name: string }[] }).items.find((i) => i.name === ITEM)!.id;
  const detail = (await (await page.request.get(`${baseUrl()}/api/catalog/items/${itemId}`)).json()) as {
    versions: { id: string; status: string }[];
  };
  const versionId = detail.versions.find((v) => v.status === 'published')!.id;
  const version = (await (
    await page.request.get(`${baseUrl()}/api/catalog/versions/${versionId}`)
  ).json()) as {
    content: {
      materials: {
        key: string;
        source: string;
        necessity: string;
        situation: string | null;
        originals: number;
        copies: number;
      }[];
    };
  };
  const materials = version.content.materials
    .filter((m) => m.source === 'applicant' && m.necessity !== 'optional' && !m.situation)
    .map((m) => ({ key: m.key, status: 'received', originals: m.originals, copies: m.copies }));
  const res = await page.request.post(`${baseUrl()}/api/cases`, {
    headers: { 'x-csrf-token': token },
    data: {
      itemId,
      decision: 'accept',
      materials,
      applicant: {
        kind: 'person',
        name: '赵监察',
        idType: 'resident_id',
        // A valid 居民身份证 number of the fictional region 349901 (GB 11643 check character 9).
        idNumber: '349901198807071239',
        phone: '13955664321',
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; number: string };
}

describe('a red card is pursued with a 督办单 until closed', () => {
  it('supervisor sees the red card, opens an order; the department answers; the supervisor closes it', async () => {
    // Accepted Tue 2026-11-24 09:00: 5 working days end Tue 12-01 17:30; the red card comes 3
    // working days after the yellow one, Fri 12-04 17:30.
    const admin = await newPage(browser);
    await login(admin, 'admin');
    await setServerClock(admin, '2026-11-24T01:00:00Z');

    const officer = await newPage(browser);
    await login(officer, 'songjia');
    const created = await acceptCase(officer);
    await officer.context().close();

    await setServerClock(admin, '2026-12-07T02:00:00Z');
    await admin.context().close();

    const sup = await newPage(browser);
    await login(sup, 'supervisor');
    await sup.goto(`${baseUrl()}/supervision`);
    await sup.getByTestId('sweep-now').click();
    const row = sup
      .getByTestId('cards-table')
      .locator('tr', { hasText: created.number })
      .filter({ has: sup.getByTestId('level-red') });
    await row.first().waitFor();
    expect(
      Number(await sup.getByTestId('count-red').locator('.ant-statistic-content-value').innerText()),
    ).toBeGreaterThan(0);

    await row
      .first()
      .getByRole('button', { name: /督\s*办/ })
      .click();
    const dialog = sup.getByRole('dialog');
    await dialog.locator('#order_content').fill('该件已超期，请于 2 个工作日内办结并书面说明原因。');
    await sup.getByTestId('order-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await sup.getByRole('tab', { name: /督办单/ }).click();
    const orderLink = sup
      .getByTestId('orders-table')
      .locator('tr', { hasText: created.number })
      .getByRole('link', { name: /督办〔2026〕/ });
    await orderLink.waitFor();
    const orderNumber = await orderLink.innerText();

    const chief = await newPage(browser);
    await login(chief, 'chief');
    await chief.goto(`${baseUrl()}/supervision/orders`);
    await chief.getByRole('link', { name: orderNumber }).click();
    await chief
      .getByTestId('response-text')
      .fill('已核实：现场核查排期延误，今日办结；已对经办人批评教育并调整排期。');
    await chief.getByTestId('response-submit').click();
    await expect.poll(() => chief.getByTestId('order-detail-status').innerText()).toMatch(/已回复/);
    await chief.context().close();

    await sup.goto(`${baseUrl()}/supervision/orders`);
    await sup.getByRole('link', { name: orderNumber }).click();
    await expect.poll(() => sup.getByTestId('order-response').innerText()).toContain('现场核查排期延误');
    await sup.getByTestId('verdict-satisfied').click();
    await expect.poll(() => sup.getByTestId('order-detail-status').innerText()).toMatch(/已办结/);

    // The case's supervision history shows its cards and the closed order.
    await sup.goto(`${baseUrl()}/supervision/cases/${created.id}`);
    await expect.poll(() => sup.getByTestId('history-card').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => sup.getByTestId('orders-table').innerText()).toContain('已办结');
    await sup.context().close();
  });
});

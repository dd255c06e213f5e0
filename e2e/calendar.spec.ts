import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Call the API from the page with its session (for set-up and clean-up, not for what is tested). */
async function apiFromPage(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return res.status;
    },
    { method, path, body },
  );
}

const HOLIDAY = '2026-03-10';

describe('the working-day calendar', () => {
  it('an administrator marks a day as a holiday in the year view', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.goto(`${baseUrl()}/admin/calendar?year=2026`);
    const cell = page.getByTestId(`day-${HOLIDAY}`);
    await cell.waitFor();
    expect(await cell.getAttribute('data-workday')).toBe('yes');
    // The seeded Spring Festival is there, with its make-up working Saturday.
    expect(await page.getByTestId('day-2026-02-17').getAttribute('data-workday')).toBe('no');
    expect(await page.getByTestId('day-2026-02-14').textContent()).toContain('班');

    await cell.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('休息日（放假）').click();
    await dialog.locator('#calendarDay_name').fill('测试放假');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => cell.getAttribute('data-workday')).toBe('no');
    await expect.poll(() => cell.textContent()).toContain('测试放假');
    await page.context().close();
  });

  it('staff use the calculator page and see the explanation, holiday included', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.getByTestId('main-menu').getByText('办结期限计算').click();
    await page.locator('#deadline_startDate').fill('2026-03-09');
    await page.locator('#deadline_startTime').fill('09:00');
    await page.locator('#deadline_amount').fill('5');
    await page.getByTestId('deadline-calculate').click();
    const result = page.getByTestId('deadline-result');
    await result.waitFor();
    // Counting from 03-10, which is now a holiday: 03-11, 12, 13, 16, 17.
    await expect.poll(() => result.textContent()).toContain('2026-03-17 17:30');
    const lines = await page.getByTestId('explanation-line').allTextContents();
    expect(lines.join('\n')).toContain('跳过测试放假 2026-03-10 至 2026-03-10（1 天）');
    expect(lines.at(-1)).toContain('到期时间：2026-03-17 17:30');
    await page.context().close();
  });

  it('the public portal computes without login and explains a pause', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl()}/deadline-calculator`);
    await page.locator('#deadline_startDate').fill('2026-04-01');
    await page.locator('#deadline_amount').fill('3');
    await page.getByRole('button', { name: '添加暂停' }).click();
    await page.locator('#deadline_pauses_0_fromDate').fill('2026-04-02');
    await page.locator('#deadline_pauses_0_toDate').fill('2026-04-03');
    await page.getByTestId('deadline-calculate').click();
    await page.getByTestId('deadline-result').waitFor();
    const lines = await page.getByTestId('explanation-line').allTextContents();
    expect(lines.join('\n')).toMatch(
      /暂停计时（暂停）2026-04-02 09:00 至 2026-04-03 09:00，不计入 1个工作日/,
    );
    await page.context().close();
  });

  it('cleans up: the day is a working day again', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    const centers = await page.evaluate(
      async () => (await (await fetch('/api/calendar/centers')).json()) as { id: string }[],
    );
    expect(
      await apiFromPage(page, 'PUT', `/api/calendar/days/${HOLIDAY}?centerId=${centers[0]!.id}`, {
        isWorkday: true,
        name: null,
      }),
    ).toBe(200);
    await page.context().close();
  });
});

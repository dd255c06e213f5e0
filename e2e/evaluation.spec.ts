import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage, pickOption, setServerClock, STILL } from './browser';
import { watch } from './diagnostics';

/**
 * Evaluation end to end: a visit finished at window 3 is rated 不满意 on the window's evaluator tablet,
 * the supervisor finds the rectification record; a complaint sent from the portal is assigned,
 * answered by the department and assessed by the complainant on the tracking page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A Tuesday, 10:00 in China, after every demo instant and inside the configured calendar. */
const NOW = '2026-12-08T02:00:00Z';
const json = async <T>(page: Page, path: string): Promise<T> =>
  (await (await page.request.get(`${baseUrl()}${path}`)).json()) as T;

describe('the window evaluator', () => {
  it('asks when the officer finishes a ticket; a 不满意 with a reason reaches the supervisor as a rectification', async () => {
    const admin = await newPage(browser);
    await login(admin, 'admin');
    await setServerClock(admin, NOW);
    const hallId = (await json<{ id: string; name: string }[]>(admin, '/api/hall/halls')).find(
      (h) => h.name === '一楼大厅',
    )!.id;
    const category = (
      await json<{ id: string; prefix: string }[]>(admin, `/api/hall/halls/${hallId}/categories`)
    ).find((c) => c.prefix === 'C')!;
    const device = (
      await json<{ windowNumber: string; deviceKey: string | null }[]>(admin, '/api/evaluation/devices')
    ).find((d) => d.windowNumber === '3')!;
    expect(device.deviceKey).toBeTruthy();
    await admin.context().close();

    // The tablet on window 3 shows the officer on duty and waits.
    const tabletCtx = await browser.newContext({
      ...STILL,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    const tablet = await tabletCtx.newPage();
    watch(tablet);
    tablet.setDefaultTimeout(20_000);
    await tablet.goto(`${baseUrl()}/evaluator/${device.deviceKey}`);
    await tablet.getByTestId('evaluator-idle').waitFor();
    expect(await tablet.getByTestId('officer-badge').innerText()).toContain('陈晓燕');

    // A visitor takes a ticket; the officer at window 3 calls, serves and finishes it.
    const issued = await tablet.request.post(`${baseUrl()}/api/public/halls/${hallId}/tickets`, {
      data: { categoryId: category.id },
    });
    expect(issued.status()).toBe(201);
    const number = ((await issued.json()) as { ticket: { number: string } }).ticket.number;
    const officer = await newPage(browser);
    await login(officer, 'officer');
    await officer.goto(`${baseUrl()}/hall/officer`);
    await officer.getByTestId('officer-call-next').click();
    await expect.poll(() => officer.getByTestId('officer-current-number').innerText()).toBe(number);
    await officer.getByTestId('officer-start').click();
    await officer.getByTestId('officer-finish').click();
    await officer.getByText('暂无正在办理的号').waitFor();
    await officer.context().close();

    // The tablet asks; the applicant taps 不满意 and names the reason.
    await tablet.getByTestId('evaluator-prompt').waitFor();
    expect(await tablet.getByTestId('evaluator-prompt').innerText()).toContain(number);
    await tablet.getByTestId('level-dissatisfied').click();
    await tablet.getByTestId('bad-review-form').waitFor();
    expect(await tablet.getByTestId('rating-submit').isDisabled()).toBe(true);
    await tablet.getByTestId('tag-extra_materials').click();
    await tablet.getByRole('textbox').fill('窗口要求提供指南以外的证明');
    await tablet.getByTestId('rating-submit').click();
    await tablet.getByTestId('evaluator-thanks').waitFor();
    // …and resets for the next visitor.
    await tablet.getByTestId('evaluator-idle').waitFor({ timeout: 20_000 });
    await tabletCtx.close();

    // The supervisor sees the rectification record, waiting for its return visit.
    const supervisor = await newPage(browser);
    await login(supervisor, 'supervisor');
    await supervisor.goto(`${baseUrl()}/evaluation/rectifications`);
    const row = supervisor.getByTestId('rectification-table').getByRole('row', { name: new RegExp(number) });
    await row.waitFor();
    expect(await row.innerText()).toContain('要求指南外材料');
    await row.click();
    const detail = supervisor.getByTestId('rectification-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('待回访');
    expect(await detail.innerText()).toContain('窗口要求提供指南以外的证明');
    await supervisor.context().close();
  });
});

describe('a complaint from the portal', () => {
  it('is assigned, answered by the department and assessed by the complainant', async () => {
    const portal = await browser.newContext({
      ...STILL,
      locale: 'zh-CN',
      viewport: { width: 420, height: 900 },
      isMobile: true,
    });
    const page = await portal.newPage();
    watch(page);
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl()}/complaints/new`);
    await page.locator('#complaint_centerId').click();
    await pickOption(page, '云溪县政务服务中心');
    await page.locator('#complaint_title').fill('端到端：窗口让我跑了两趟');
    await page.locator('#complaint_content').fill('第一次去窗口没有一次性告知所需材料，第二次才说清楚。');
    await page.locator('#complaint_contactName').fill('赵先生');
    await page.locator('#complaint_contactPhone').fill('13812345678');
    await page.getByTestId('complaint-submit').click();
    const link = page.getByTestId('tracking-link');
    await link.waitFor();
    const trackPath = new URL((await link.innerText()).trim()).pathname;

    // The supervisors' desk assigns it to 市场监管局.
    const supervisor = await newPage(browser);
    await login(supervisor, 'supervisor');
    await supervisor.goto(`${baseUrl()}/evaluation/complaints`);
    await supervisor.getByRole('row', { name: /端到端：窗口让我跑了两趟/ }).click();
    await supervisor.getByTestId('complaint-action-assign').click();
    await supervisor.locator('#complaintAction_departmentId').click();
    await pickOption(supervisor, '云溪县市场监督管理局', '市场监督');
    await supervisor.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => supervisor.getByTestId('complaint-detail').innerText()).toContain('已交办');
    await supervisor.context().close();

    // The department's chief representative replies.
    const chief = await newPage(browser);
    await login(chief, 'chief');
    await chief.goto(`${baseUrl()}/evaluation/complaints`);
    await chief.getByRole('row', { name: /端到端：窗口让我跑了两趟/ }).click();
    await chief.getByTestId('complaint-action-reply').click();
    await chief.locator('#complaintAction_text').fill('已核实，窗口未执行一次性告知制度，已约谈并致歉。');
    await chief.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => chief.getByTestId('complaint-detail').innerText()).toContain('已答复');
    await chief.context().close();

    // The complainant reads the reply and assesses it.
    await page.goto(`${baseUrl()}${trackPath}`);
    await expect.poll(() => page.getByTestId('complaint-reply').innerText()).toContain('已约谈并致歉');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await expect.poll(() => page.getByTestId('complaint-tracking').innerText()).toContain('您的评价：满意');
    await portal.close();
  });
});

describe('a complaint phoned in', () => {
  it('is entered by the supervisor at the complaint desk and listed as received', async () => {
    const sup = await newPage(browser);
    await login(sup, 'supervisor');
    await sup.goto(`${baseUrl()}/evaluation/complaints`);
    await sup.getByRole('button', { name: /登记/ }).click();
    const dialog = sup.getByRole('dialog');
    await dialog.locator('#intake_title').fill('电话反映：窗口午间无人值守');
    await dialog.locator('#intake_content').fill('12 点 10 分到 3 号窗口，窗口无人，等候二十分钟。');
    await dialog.locator('#intake_targetWindowId').click();
    await pickOption(sup, /^3 /, '3');
    await dialog.locator('#intake_contactName').fill('李女士');
    // Not anonymous and no phone: refused, the phone field says why, the dialog keeps what was typed.
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.getByText('请留下联系方式，或选择匿名').waitFor();
    await dialog.locator('#intake_contactPhone').fill('13905550123');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = sup.locator('tr', { hasText: '电话反映：窗口午间无人值守' });
    await row.waitFor();
    // Entered once: the refused attempt wrote nothing.
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/电话/);
    await sup.context().close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage, pickOption } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// What each demo role must (and must not) find in the menu.
const menus: Record<string, { sees: RegExp[]; hidden: RegExp[] }> = {
  admin: { sees: [/窗口管理/, /人员与账号/, /审计日志/], hidden: [] },
  supervisor: { sees: [/审计日志/], hidden: [/窗口管理/] },
  officer: { sees: [/我的工作台/], hidden: [/窗口管理/, /审计日志/] },
  chief: { sees: [/我的工作台/], hidden: [/人员与账号/] },
  approver: { sees: [/我的工作台/], hidden: [/人员与账号/] },
  village: { sees: [/我的工作台/], hidden: [/服务中心/] },
  proxy: { sees: [/我的工作台/], hidden: [/审计日志/] },
  leader: { sees: [/我的工作台/], hidden: [/窗口管理/] },
  zhangsan: { sees: [/我的办事/], hidden: [/我的工作台/, /窗口管理/] },
};

describe('log in as each role and see the right menu', () => {
  it.each(Object.entries(menus))('%s', async (username, { sees, hidden }) => {
    const page = await newPage(browser);
    await login(page, username);
    const menu = page.getByTestId('main-menu');
    for (const s of sees) expect(await menu.getByText(s).count()).toBeGreaterThan(0);
    for (const h of hidden) expect(await menu.getByText(h).count()).toBe(0);
    await page.context().close();
  });
});

describe('an administrator builds the organisation', () => {
  it('creates a window, then a staff member with an account at that window', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await page.goto(`${baseUrl()}/admin/windows`);
    await page.getByRole('button', { name: '新建窗口' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('窗口号').fill('E2E');
    await dialog.getByLabel('名称').fill('端到端测试窗口');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByRole('cell', { name: '端到端测试窗口' }).count()).toBe(1);

    await page.goto(`${baseUrl()}/admin/staff`);
    await page.getByTestId('staff-create').click();
    const staffDialog = page.getByRole('dialog');
    await staffDialog.locator('#staff_name').fill('王端到端');
    await staffDialog.locator('#staff_post').fill('综合受理员');
    await staffDialog.locator('#staff_badgeNumber').fill('E2E-001');
    await staffDialog.locator('#staff_windowId').click();
    await pickOption(page, '端到端测试窗口', '端到端');
    const windowField = staffDialog.locator('.ant-select', { has: page.locator('#staff_windowId') });
    await expect.poll(() => windowField.innerText()).toContain('端到端测试窗口');
    await staffDialog.getByTestId('staff-with-account').click();
    await staffDialog.locator('#staff_account_username').fill('wang.e2e');
    await staffDialog.locator('#staff_account_password').fill('Welcome2026');
    await staffDialog.locator('#staff_account_roles').click();
    await pickOption(page, '窗口工作人员');
    // Close the multi-select's list by clicking elsewhere in the dialog: Escape, when the list has
    // already closed, closes the whole dialog and the save below never happens.
    await staffDialog.locator('.ant-modal-title').click();
    await page.getByTestId('staff-save').click();
    await expect.poll(() => page.getByRole('cell', { name: '王端到端' }).count()).toBe(1);
    await page.context().close();

    // The new account works and lands on its workstation, showing its window.
    const p2 = await newPage(browser);
    await login(p2, 'wang.e2e', 'Welcome2026');
    await expect.poll(() => p2.getByText('端到端测试窗口').count()).toBeGreaterThan(0);
    await p2.context().close();
  });
});

describe('a user whose system asks for reduced motion', () => {
  // How often the dialog's box is put in its running zoom animation while it opens (antd still marks
  // a motionless open as prepared, so only the active step tells).
  const zoomsWhenADialogOpens = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await browser.newContext({ locale: 'zh-CN', reducedMotion });
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto(`${baseUrl()}/admin/windows`);
    await page.getByRole('button', { name: '新建窗口' }).waitFor();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { zooms: string[] }).zooms = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const cls = r.target instanceof HTMLElement ? r.target.className : '';
          if (typeof cls === 'string' && /\bant-zoom-(appear|enter)-active\b/.test(cls)) seen.push(cls);
        }
      }).observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['class'],
        childList: true,
      });
    });
    await page.getByRole('button', { name: '新建窗口' }).click();
    await page.getByRole('dialog').getByLabel('窗口号').waitFor();
    // The dialog is readable before its animation ends: wait for the box to settle, then count.
    await page.waitForFunction(() => {
      const box = document.querySelector('.ant-modal');
      return box !== null && !/\bant-zoom/.test(box.className);
    });
    const zooms = await page.evaluate(() => (window as unknown as { zooms: string[] }).zooms.length);
    await context.close();
    return zooms;
  };

  it('opens dialogs without animating them; others still see the animation', async () => {
    expect(await zoomsWhenADialogOpens('reduce')).toBe(0);
    expect(await zoomsWhenADialogOpens('no-preference')).toBeGreaterThan(0);
  });
});

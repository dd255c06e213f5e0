import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/demo-accounts';
import { watch } from './diagnostics';

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const baseUrl = () => inject('baseUrl');

/**
 * Every story's browser asks for reduced motion, which the app honours by not animating dialogs and
 * lists: a click is then never aimed at an option that is still sliding into place.
 */
export const STILL = { reducedMotion: 'reduce' } as const;

export async function newPage(browser: Browser, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({
    ...STILL,
    locale: lang,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watch(page);
  return page;
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Log in/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** Set the server's manual clock (the e2e server runs with ONEWINDOW_CLOCK=manual). */
export async function setServerClock(page: Page, now: string): Promise<void> {
  const csrf = await page.evaluate(async () => {
    const r = await fetch('/api/auth/me');
    return ((await r.json()) as { csrfToken: string }).csrfToken;
  });
  const res = await page.request.post(`${baseUrl()}/api/dev/clock`, {
    data: { now },
    headers: { 'x-csrf-token': csrf },
  });
  if (!res.ok()) throw new Error(`set clock failed: ${res.status()} ${await res.text()}`);
}

/**
 * Click an option in the open antd Select dropdown by its visible text (type first in long lists),
 * and make sure it was chosen: a single select's list closes, a multiple select marks the option.
 */
export async function pickOption(page: Page, text: string | RegExp, search?: string): Promise<void> {
  if (search) await page.keyboard.type(search);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const option = open.locator('.ant-select-item-option', { hasText: text }).first();
  await option.click();
  const chosen = open.locator('.ant-select-item-option-selected', { hasText: text }).first();
  await Promise.any([option.waitFor({ state: 'hidden' }), chosen.waitFor()]).catch(() => {
    throw new Error(`the option ${String(text)} was clicked but not chosen`);
  });
}

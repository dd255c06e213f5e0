import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../src/server/demo/demo-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage } from './browser';
import { problemsOf } from './diagnostics';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ROLES = DEMO_ACCOUNTS.list.map((a) => a.username);

/** Resolves once `page` has had no request in flight for `quietMs` (a page's lists have loaded). */
function settled(page: Page, quietMs = 400): () => Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on('request', () => {
    inFlight++;
    last = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async () => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - last < quietMs)) {
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

describe('every page in every role’s menu', () => {
  it('opens and loads its data without a refused request or a script error', async () => {
    const visited = new Set<string>();
    const problems: string[] = [];
    for (const role of ROLES) {
      const page = await newPage(browser);
      // What the page was refused or raised since the last look, said where it happened.
      let looked = 0;
      const look = (where: string) => {
        const all = problemsOf(page);
        problems.push(...all.slice(looked).map((p) => `${role} ${where}: ${p}`));
        looked = all.length;
      };
      const quiet = settled(page);
      await login(page, role);
      look('login');
      const menu = page.getByTestId('main-menu');
      const hrefs = await menu
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length, `${role} has a menu`).toBeGreaterThan(0);
      for (const href of hrefs) {
        if (visited.has(href)) continue;
        visited.add(href);
        await menu.locator(`a[href="${href}"]`).click();
        await page.waitForURL((u) => u.pathname === href);
        await quiet();
        look(href);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
    // The menus together reach the whole staff application.
    expect(visited.size).toBeGreaterThanOrEqual(40);
  });
});

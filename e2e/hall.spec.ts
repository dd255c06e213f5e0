import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/domain/identity';
import { baseUrl, launchBrowser, login, newPage, pickOption, setServerClock, STILL } from './browser';
import { watch } from './diagnostics';

/**
 * The hall queue end to end: a visitor takes a ticket at the kiosk, the officer at window 3 calls
 * it, the hall display and the visitor's phone page show the call (pushed over SSE), the officer
 * serves the visitor, opens a case from the ticket and finishes.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a visit through the hall', () => {
  it('kiosk ticket → call at window 3 → display and phone show it → serve, open a case, finish', async () => {
    // Find the demo hall and its 户政 category as the administrator would.
    const admin = await newPage(browser);
    await login(admin, 'admin');
    // Wednesday 25 November 2026, 10:00 in China: the hall is open (tickets are only issued then).
    await setServerClock(admin, '2026-11-25T02:00:00Z');
    const halls = (await (await admin.request.get(`${baseUrl()}/api/hall/halls`)).json()) as {
      id: string;
      name: string;
    }[];
    const hallId = halls.find((h) => h.name === '一楼大厅')!.id;
    await admin.context().close();

    // The hall display and the kiosk run without login.
    const screens: BrowserContext = await browser.newContext({
      ...STILL,
      locale: 'zh-CN',
      viewport: { width: 1600, height: 900 },
    });
    await screens.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { __spoken: string[] }).__spoken = spoken;
      if ('speechSynthesis' in window)
        window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
    });
    const display = await screens.newPage();
    watch(display);
    display.setDefaultTimeout(15_000);
    await display.goto(`${baseUrl()}/hall/display/${hallId}`);
    await display.getByTestId('hall-display').waitFor();
    await display.getByTestId('display-voice').click();
    const waitingBefore = Number(
      (await display.getByTestId('display-waiting-C').innerText()).replace(/\D/g, ''),
    );

    const kiosk = await screens.newPage();
    watch(kiosk);
    kiosk.setDefaultTimeout(15_000);
    const openCheck = kiosk.waitForResponse((r) =>
      r.url().endsWith(`/api/public/halls/${hallId}/categories/open`),
    );
    await kiosk.goto(`${baseUrl()}/hall/kiosk/${hallId}`);
    // In hours 户政 issues tickets: the kiosk's one check of the hall says so (and the click below
    // needs its button live).
    const check = await openCheck;
    expect(check.status()).toBe(200);
    const open = (await check.json()) as { categories: { prefix: string; open: boolean }[] };
    expect(open.categories.find((c) => c.prefix === 'C')).toMatchObject({ open: true });
    await kiosk.getByTestId('kiosk-large').click();
    await kiosk.getByTestId('kiosk-category-C').click();
    const slip = kiosk.getByTestId('ticket-slip');
    await slip.waitFor();
    const number = (await kiosk.getByTestId('slip-number').innerText()).trim();
    expect(number).toMatch(/^C\d{3}$/);
    expect(await kiosk.getByTestId('slip-wait').innerText()).toMatch(/预计等候约 \d+ 分钟/);
    const qr = await slip.locator('img').getAttribute('src');
    const ticketId = /tickets\/([0-9a-f-]{36})\/qr\.png/.exec(qr ?? '')![1]!;
    // the display's waiting count follows the feed
    await expect
      .poll(async () =>
        Number((await display.getByTestId('display-waiting-C').innerText()).replace(/\D/g, '')),
      )
      .toBe(waitingBefore + 1);

    // The visitor follows the ticket on a phone.
    const phoneCtx = await browser.newContext({
      ...STILL,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const phone = await phoneCtx.newPage();
    watch(phone);
    phone.setDefaultTimeout(15_000);
    await phone.goto(`${baseUrl()}/hall/t/${ticketId}`);
    await phone.getByText(number).first().waitFor();
    await expect.poll(() => phone.getByTestId('phone-status').innerText()).toBe('等候中');

    // The officer at window 3 (全岗通) calls the next ticket.
    const officer = await newPage(browser);
    await login(officer, 'officer');
    await officer.goto(`${baseUrl()}/hall/officer`);
    await officer.getByTestId('officer-call-next').click();
    await expect.poll(() => officer.getByTestId('officer-current-number').innerText()).toBe(number);

    // The hall display shows and speaks the call; the phone says it is the visitor's turn.
    await expect.poll(() => display.getByTestId('display-window-3').innerText()).toContain(number);
    await expect
      .poll(() => display.getByTestId('display-recent').innerText())
      .toContain(`请${number}号到3号窗口办理`);
    await expect
      .poll(() => display.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join('|')))
      .toContain('号到3号窗口办理');
    await expect.poll(() => phone.getByTestId('phone-your-turn').innerText()).toContain('请到 3 号窗口办理');

    // The window display above window 3 shows the officer's badge and the number.
    const windowId = await officer.evaluate(() => new URLSearchParams(location.search).get('window'));
    const win = await screens.newPage();
    watch(win);
    const windows = (await (await officer.request.get(`${baseUrl()}/api/org/windows`)).json()) as {
      id: string;
      number: string;
    }[];
    await win.goto(`${baseUrl()}/hall/window/${windowId ?? windows.find((w) => w.number === '3')!.id}`);
    await expect.poll(() => win.getByTestId('window-display-current').innerText()).toBe(number);
    expect(await win.getByTestId('window-display-officer').innerText()).toBe('陈晓燕');

    // Serve: start, open a case from the ticket, finish.
    await officer.getByTestId('officer-start').click();
    await expect.poll(() => officer.getByTestId('officer-current-status').innerText()).toBe('办理中');
    const acceptLink = await officer.getByTestId('officer-accept').getAttribute('href');
    expect(acceptLink).toContain(`ticketId=${ticketId}`);
    // 从此号受理: the receipt screen opens for this ticket; the case is linked when it is accepted.
    const panelUrl = officer.url();
    const itemName = await categoryItemName(officer, hallId);
    await officer.goto(`${baseUrl()}${acceptLink}`);
    await officer.getByTestId('from-ticket').waitFor();
    await officer.getByTestId('item-select').click();
    await pickOption(officer, itemName, itemName);
    await officer.getByText('材料清单').waitFor();
    const body17 = '34990119900202123';
    await officer.locator('#receive_applicant_name').fill('钱端到端');
    await officer.locator('#receive_applicant_idNumber').fill(body17 + idNumberCheckChar(body17));
    await officer.locator('#receive_applicant_phone').fill('13955660011');
    await officer.getByTestId('decide-accept').click();
    await officer.getByTestId('case-created').waitFor();
    await officer.goto(panelUrl);
    await officer.getByText('已关联办件').waitFor();
    await officer.getByTestId('officer-finish').click();
    await officer.getByText('暂无正在办理的号').waitFor();
    await expect.poll(() => phone.getByTestId('phone-status').innerText()).toBe('已办完');
    await expect.poll(() => display.getByTestId('display-window-3').innerText()).not.toContain(number);

    await officer.context().close();
    await phoneCtx.close();
    await screens.close();
  });
});

describe('the kiosk out of hours', () => {
  it('greys a category out and says when it reopens', async () => {
    const admin = await newPage(browser);
    await login(admin, 'admin');
    // Wednesday 25 November 2026, 22:00 in China: the hall is closed until Thursday morning.
    await setServerClock(admin, '2026-11-25T14:00:00Z');
    const halls = (await (await admin.request.get(`${baseUrl()}/api/hall/halls`)).json()) as {
      id: string;
      name: string;
    }[];
    const hallId = halls.find((h) => h.name === '一楼大厅')!.id;
    await admin.context().close();

    const kiosk = await newPage(browser);
    const asked: string[] = [];
    kiosk.on('request', (r) => {
      if (r.url().includes('/api/public/') && r.url().includes('/open'))
        asked.push(new URL(r.url()).pathname);
    });
    await kiosk.goto(`${baseUrl()}/hall/kiosk/${hallId}`);
    await expect
      .poll(() => kiosk.getByTestId('kiosk-closed-C').innerText())
      .toMatch(/请于 11-26 \d\d:\d\d 再来/);
    expect(await kiosk.getByTestId('kiosk-category-C').isDisabled()).toBe(true);
    // The whole hall is closed at night: every category is greyed out and says why.
    const buttons = kiosk.locator('[data-testid^="kiosk-category-"]');
    const n = await buttons.count();
    expect(n).toBeGreaterThan(1);
    expect(await kiosk.locator('[data-testid^="kiosk-closed-"]').count()).toBe(n);
    for (let i = 0; i < n; i++) expect(await buttons.nth(i).isDisabled()).toBe(true);
    // All of it came from one hall-level request, not one request per category.
    expect(asked).toEqual([`/api/public/halls/${hallId}/categories/open`]);
    await kiosk.context().close();
  });
});

/** The name of the first item of the ticket's category (C), as the officer would pick it. */
async function categoryItemName(officer: Page, hallId: string): Promise<string> {
  const cats = (await (
    await officer.request.get(`${baseUrl()}/api/hall/halls/${hallId}/categories`)
  ).json()) as { prefix: string; items: { id: string; name: string }[] }[];
  return cats.find((c) => c.prefix === 'C')!.items[0]!.name;
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/domain/identity';
import { baseUrl, launchBrowser, login, newPage } from './browser';

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

const csrfOf = async (page: Page) =>
  page.evaluate(
    async () => ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken,
  );

describe('a visit through the hall', () => {
  it('kiosk ticket → call at window 3 → display and phone show it → serve, open a case, finish', async () => {
    // Find the demo hall and its 户政 category as the administrator would.
    const admin = await newPage(browser);
    await login(admin, 'admin');
    const halls = (await (await admin.request.get(`${baseUrl()}/api/hall/halls`)).json()) as {
      id: string;
      name: string;
    }[];
    const hallId = halls.find((h) => h.name === '一楼大厅')!.id;
    await admin.context().close();

    // The hall display and the kiosk run without login.
    const screens: BrowserContext = await browser.newContext({
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
    display.setDefaultTimeout(15_000);
    await display.goto(`${baseUrl()}/hall/display/${hallId}`);
    await display.getByTestId('hall-display').waitFor();
    await display.getByTestId('display-voice').click();
    const waitingBefore = Number(
      (await display.getByTestId('display-waiting-C').innerText()).replace(/\D/g, ''),
    );

    const kiosk = await screens.newPage();
    kiosk.setDefaultTimeout(15_000);
    await kiosk.goto(`${baseUrl()}/hall/kiosk/${hallId}`);
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
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const phone = await phoneCtx.newPage();
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
    const caseNumber = await openCaseFor(officer, hallId);
    await officer.getByTestId('officer-case-number').fill(caseNumber);
    await officer.getByTestId('officer-link-case').click();
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

/** Receive and accept a case for the ticket's category through the cases API (the window's own screen is the cases feature's). */
async function openCaseFor(officer: Page, hallId: string): Promise<string> {
  const cats = (await (
    await officer.request.get(`${baseUrl()}/api/hall/halls/${hallId}/categories`)
  ).json()) as {
    prefix: string;
    items: { id: string }[];
  }[];
  const itemId = cats.find((c) => c.prefix === 'C')!.items[0]!.id;
  const guide = (await (await officer.request.get(`${baseUrl()}/api/public/guides/${itemId}`)).json()) as {
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
  const materials = guide.content.materials
    .filter((m) => m.source === 'applicant' && m.necessity !== 'optional' && !m.situation)
    .map((m) => ({ key: m.key, status: 'received', originals: m.originals, copies: m.copies }));
  const body17 = '34990119900202123';
  const res = await officer.request.post(`${baseUrl()}/api/cases`, {
    headers: { 'x-csrf-token': await csrfOf(officer) },
    data: {
      itemId,
      applicant: {
        kind: 'person',
        name: '钱端到端',
        idType: 'resident_id',
        idNumber: body17 + idNumberCheckChar(body17),
        phone: '13955660011',
      },
      materials,
      decision: 'accept',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

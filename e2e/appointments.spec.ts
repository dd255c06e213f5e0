import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/domain/identity';
import { baseUrl, launchBrowser, login, newPage, pickOption, setServerClock } from './browser';

/**
 * Appointments and AB posts in a real browser against the real server (demo data, manual clock).
 * The demo is loaded at the server's start (Monday 23 November 2026: e2e/global-setup.ts starts the clock there); the
 * story runs on Monday 23 and Tuesday 24 November 2026, both working days.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const body = '349901199203154';
const PERSON = {
  name: '赵预约',
  idNumber: body + '12' + idNumberCheckChar(`${body}12`),
  phone: '13966001122',
};

describe('a person books on the portal, checks in at the kiosk, and is called first', () => {
  it('books 人社业务 for tomorrow 09:30, checks in by ID number, and window 11 calls the appointment before an earlier walk-in', async () => {
    const admin = await newPage(browser);
    await login(admin, 'admin');
    await setServerClock(admin, '2026-11-23T02:00:00Z'); // Monday 10:00 in China

    // The portal: no login.
    const pub = await newPage(browser);
    await pub.goto(`${baseUrl()}/appointments/book`);
    await pub.getByRole('button', { name: '人社业务' }).click();
    await pub.getByRole('tab', { name: '11-24' }).click();
    await pub.getByTestId('slot-2026-11-24-09:30-10:30').click();
    await pub.locator('#book_name').fill(PERSON.name);
    await pub.locator('#book_idNumber').fill(PERSON.idNumber);
    await pub.locator('#book_phone').fill(PERSON.phone);
    await pub.getByRole('button', { name: '提交预约' }).click();
    await expect
      .poll(() => pub.getByTestId('booking-done').textContent())
      .toMatch(/人社业务 · 2026-11-24 09:30-10:30，预约码 [A-Z2-9]{8}/);

    // Tuesday 09:31: a walk-in takes a ticket of the same category at the kiosk.
    await setServerClock(admin, '2026-11-24T01:31:00Z');
    const halls = (await (await admin.request.get(`${baseUrl()}/api/hall/halls`)).json()) as {
      id: string;
      name: string;
    }[];
    const hall = halls.find((h) => h.name === '一楼大厅')!;
    const cats = (await (
      await admin.request.get(`${baseUrl()}/api/hall/halls/${hall.id}/categories`)
    ).json()) as { id: string; name: string }[];
    const walkIn = await pub.request.post(`${baseUrl()}/api/public/halls/${hall.id}/tickets`, {
      data: { categoryId: cats.find((c) => c.name === '人社业务')!.id },
    });
    expect(walkIn.status()).toBe(201);
    const walkInNumber = ((await walkIn.json()) as { ticket: { number: string } }).ticket.number;

    // 09:35: the person checks in at the kiosk with the ID number.
    await setServerClock(admin, '2026-11-24T01:35:00Z');
    await pub.goto(`${baseUrl()}/appointments/check-in`);
    await pub.getByTestId('checkin-id').fill(PERSON.idNumber);
    await pub.getByRole('button', { name: '签到取号' }).click();
    const ticket = (await pub.getByTestId('ticket-number').textContent())!.trim();
    expect(ticket).toMatch(/^D\d+$/);
    expect(ticket).not.toBe(walkInNumber);

    // 人社 window 11 (罗倩) goes on duty and calls next: the appointment comes first.
    const officer = await newPage(browser);
    await login(officer, 'luoqian');
    const windows = (await (await officer.request.get(`${baseUrl()}/api/org/windows`)).json()) as {
      id: string;
      number: string;
    }[];
    await officer.goto(`${baseUrl()}/hall/officer?window=${windows.find((w) => w.number === '11')!.id}`);
    await officer.getByTestId('officer-open').click();
    await officer.getByTestId('officer-call-next').click();
    await expect.poll(() => officer.getByTestId('officer-current-number').textContent()).toBe(ticket);

    // Back on the portal the booking shows as checked in.
    await pub.goto(`${baseUrl()}/appointments/mine`);
    await pub.locator('#mine_idNumber').fill(PERSON.idNumber);
    await pub.locator('#mine_phone').fill(PERSON.phone);
    await pub
      .getByRole('button', { name: '查 询' })
      .or(pub.getByRole('button', { name: '查询' }))
      .click();
    await pub.getByText('已签到取号').waitFor();
    for (const p of [admin, pub, officer]) await p.context().close();
  });
});

describe('an administrator rosters B for absent A, and B sees A’s cases', () => {
  it('records 陈晓燕’s leave with her B post; 刘洋 then stands in at window 3 and sees its open cases', async () => {
    const admin = await newPage(browser);
    await login(admin, 'admin');
    await setServerClock(admin, '2026-11-23T02:00:00Z');
    await admin.goto(`${baseUrl()}/schedule/absences`);
    await admin.getByTestId('absence-create').click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('#absence_staffId').click();
    await pickOption(admin, /陈晓燕/, '陈晓燕');
    await dialog.locator('#absence_from').fill('2026-11-23T08:00');
    await dialog.locator('#absence_to').fill('2026-11-23T18:00');
    await dialog.locator('#absence_note').fill('参加业务培训');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    // The dialog closes once the server has recorded the absence (an error would keep it open).
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    await admin.getByRole('cell', { name: '刘洋' }).first().waitFor({ timeout: 30_000 });

    // The roster calendar shows 刘洋 on duty at window 3 today.
    await admin.goto(`${baseUrl()}/schedule/roster`);
    await admin.getByTestId('cell-3-2026-11-23').getByText('刘洋').waitFor();

    const b = await newPage(browser);
    await login(b, 'liuyang');
    await b.goto(`${baseUrl()}/schedule/stand-ins`);
    await b.getByText('我正在 3 号窗口为 陈晓燕 顶岗').waitFor();
    const rows = b.getByTestId('stand-ins').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toMatch(/YUNXI-/);
    for (const p of [admin, b]) await p.context().close();
  });
});

describe('the public window directory', () => {
  it('lists windows with phones and their special hours', async () => {
    const pub = await newPage(browser);
    await pub.goto(`${baseUrl()}/windows`);
    await pub.getByText('休息日（双休及节假日） 09:00-11:00, 14:00-16:00').waitFor();
    await pub.getByText('周六 08:30-11:30, 14:00-17:30').first().waitFor();
    await pub.context().close();
  });
});

describe('an enterprise follows its bulk requests on the portal', () => {
  it('sees its own request and files a new one above the threshold', async () => {
    const qiye = await newPage(browser);
    await login(qiye, 'qiye');
    await qiye.goto(`${baseUrl()}/portal/bulk`);
    const rows = qiye.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const before = await rows.count();
    expect(await rows.first().innerText()).toContain('云溪县绿源农产品有限公司');
    const itemName = (await rows.first().locator('td').nth(2).innerText()).trim();

    await qiye.getByRole('button', { name: '登记批量预约' }).click();
    await qiye.locator('#bulk_enterpriseName').fill('云溪县绿源农产品有限公司');
    await qiye.locator('#bulk_creditCode').fill('91349901MA2Q7K3N4M');
    await qiye.locator('#bulk_contactName').fill('王经理');
    await qiye.locator('#bulk_phone').fill('13855007788');
    await qiye.locator('#bulk_itemId').click();
    await pickOption(qiye, itemName, itemName);
    await qiye.locator('#bulk_count').fill('12');
    await qiye.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    await qiye.context().close();
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage, pickOption, setServerClock } from './browser';

/**
 * The life of one application through the browser: the window accepts it with a material missing
 * (the one-time supplement notice is printed and its text checked), accepts it once supplied and
 * hands it to the department, the department passes its review step and approves, the window hands
 * the result over — and the applicant's public progress page shows each stage.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ITEM = '燃气经营许可证核发';
const PHONE = '13955661234';
// A valid 居民身份证 number of the fictional region 349901 (GB 11643 check character 9).
const ID_NUMBER = '349901198807071239';

async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(`${baseUrl()}${href}`);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'ow-e2e-pdf-')), 'doc.pdf');
  writeFileSync(file, await res.body());
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function act(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function progressStages(page: Page, number: string): Promise<string> {
  await page.goto(`${baseUrl()}/progress?number=${encodeURIComponent(number)}`);
  await page.locator('#progress_phone').fill(PHONE);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  return (await page.getByTestId('progress-result').innerText()).replace(/\s+/g, ' ');
}

describe('a case from the window to the department and back', () => {
  it('supplement notice, acceptance, two department steps, hand-over, public progress', async () => {
    // A Tuesday morning in the demo year, so every due lies in a configured calendar year.
    const admin = await newPage(browser);
    await login(admin, 'admin');
    await setServerClock(admin, '2026-11-24T01:30:00Z');
    await admin.context().close();

    const officer = await newPage(browser);
    await login(officer, 'officer');

    await officer.goto(`${baseUrl()}/cases/receive`);
    await officer.getByTestId('item-select').click();
    await pickOption(officer, ITEM, ITEM);
    await officer.getByText('材料清单').waitFor();
    await officer.locator('#receive_applicant_name').fill('赵端到端');
    await officer.locator('#receive_applicant_idNumber').fill('349901198807071230');
    await officer.locator('#receive_applicant_phone').fill(PHONE);
    await officer.locator('#receive_applicant_phone').blur();
    // The check digit is verified while typing.
    await expect.poll(() => officer.getByText(/身份证号码校验不通过/).count()).toBeGreaterThan(0);
    await officer.locator('#receive_applicant_idNumber').fill(ID_NUMBER);
    await officer.locator('#receive_applicant_phone').click();
    await expect.poll(() => officer.getByText(/身份证号码校验不通过/).count()).toBe(0);
    // The application form is missing: one-time notice of everything missing.
    await officer.getByTestId('material-m1').click();
    await pickOption(officer, '缺/需补正');
    await officer.getByTestId('decide-supplement').click();
    await officer.getByTestId('case-created').waitFor();
    const title = await officer.getByTestId('case-created').innerText();
    const number = /[A-Z]+-\d{8}-\d{4}/.exec(title)![0];
    const noticeHref = await officer.getByTestId('doc-supplement_notice').getAttribute('href');
    const notice = await pdfText(officer, noticeHref!);
    expect(notice).toContain('补正材料通知书');
    expect(notice).toContain('一次性告知');
    expect(notice).toContain('燃气经营许可申请书');
    expect(notice).toContain(number);

    const applicant = await newPage(browser);
    expect(await progressStages(applicant, number)).toContain('一次性告知补正材料');

    // The applicant comes back with the form: supplied, accepted, handed to the department.
    await officer.getByRole('link', { name: '查看办件' }).click();
    await officer.getByTestId('case-detail').waitFor();
    const caseUrl = officer.url();
    await act(officer, 'supply');
    await act(officer, 'accept');
    await expect.poll(() => officer.getByTestId('case-state').innerText()).toContain('办理中');
    await act(officer, 'pass_step', async (d) => d.locator('#action_opinion').fill('材料齐全，转住建局审查'));
    await expect.poll(() => officer.getByTestId('case-actions').innerText()).not.toContain('通过本环节');
    expect(await progressStages(applicant, number)).toContain('已受理');

    // The housing department: review step, then the decision.
    const approver = await newPage(browser);
    await login(approver, 'xiongwei');
    await approver.goto(`${baseUrl()}/cases/inbox`);
    await approver.getByRole('link', { name: number }).click();
    await approver.getByTestId('case-detail').waitFor();
    await expect.poll(() => approver.getByTestId('case-clock').innerText()).toContain('工作日');
    await act(approver, 'pass_step', async (d) => d.locator('#action_opinion').fill('审查通过'));
    await expect.poll(() => approver.getByTestId('case-timeline').innerText()).toContain('审查通过');
    await act(approver, 'approve', async (d) => d.locator('#action_certificate').fill('皖燃经2026001'));
    await expect.poll(() => approver.getByTestId('case-state').innerText()).toContain('准予许可');
    expect(await progressStages(applicant, number)).toContain('已办结（准予许可）');

    // The window hands the result over.
    await officer.goto(caseUrl);
    await act(officer, 'deliver');
    await expect.poll(() => officer.getByTestId('case-state').innerText()).toContain('已送达');
    const receipt = officer.locator('.ant-list-item', { hasText: '送达回证' }).getByRole('link');
    expect(await pdfText(officer, (await receipt.getAttribute('href'))!)).toContain('送达回证');

    const stages = await progressStages(applicant, number);
    for (const s of [
      '已收件',
      '一次性告知补正材料',
      '已补齐材料',
      '已受理',
      '环节已完成',
      '已办结（准予许可）',
      '已送达',
    ])
      expect(stages).toContain(s);
    expect(stages).not.toContain(ID_NUMBER);
    await Promise.all([officer, approver, applicant].map((p) => p.context().close()));
  });
});

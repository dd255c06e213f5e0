import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What a failed browser story leaves behind: for every page still open, its address, the dialogs and
 * error messages on screen, the API calls the server refused, and a screenshot. A story that fails
 * only on a busy CI machine is then explained by its log instead of by guesswork.
 */
interface Trace {
  page: Page;
  n: number;
  label: string;
  /** Refused API calls and script errors, as they happened (what a story may assert on). */
  problems: string[];
  /** Refused API calls with their answers, for the failure report. */
  refused: string[];
  errors: string[];
}

const open = new Set<Trace>();
const traces = new WeakMap<Page, Trace>();
let pageCount = 0;

/** Start recording what `page` is told by the server and the browser console. */
export function watch(page: Page): void {
  const n = ++pageCount;
  const trace: Trace = { page, n, label: `page-${n}`, problems: [], refused: [], errors: [] };
  open.add(trace);
  traces.set(page, trace);
  page.on('close', () => open.delete(trace));
  page.on('response', (res) => {
    if (res.status() < 400 || !res.url().includes('/api/')) return;
    // The sign-in page asks who is signed in and is told "no one": not a refusal worth reporting.
    if (res.status() === 401 && res.url().endsWith('/api/auth/me')) return;
    const url = new URL(res.url());
    const line = `${res.status()} ${res.request().method()} ${url.pathname}`;
    trace.problems.push(`${line}${url.search}`);
    res.text().then(
      (body) => trace.refused.push(`${line} ${body.slice(0, 300)}`),
      () => trace.refused.push(line),
    );
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().includes('status of 401'))
      trace.errors.push(msg.text().slice(0, 300));
  });
  page.on('pageerror', (err) => {
    trace.problems.push(err.message.split('\n')[0]!);
    trace.errors.push(`pageerror: ${err.message.slice(0, 300)}`);
  });
}

/** The API calls refused to a watched page and the script errors it raised, so far. */
export function problemsOf(page: Page): readonly string[] {
  return traces.get(page)?.problems ?? [];
}

/** How many pages have been opened so far: a story reports only the pages it opened itself. */
export const pagesOpened = () => pageCount;

/** Print (and screenshot) what every page opened after `since` shows; called when a story fails. */
export async function reportOpenPages(testName: string, since: number): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  const lines = [`── e2e failure: ${testName}`];
  for (const t of open) {
    const { page } = t;
    if (page.isClosed() || t.n <= since) continue;
    lines.push(`  ${t.label} ${page.url()}`);
    try {
      const onScreen = await page.evaluate(() => {
        const text = (sel: string) =>
          [...document.querySelectorAll(sel)].map((e) =>
            (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
          );
        return {
          dialogs: text('.ant-modal-wrap:not([style*="display: none"]) .ant-modal-content'),
          fieldErrors: text('.ant-form-item-explain-error'),
          messages: text('.ant-message-notice, .ant-notification-notice, .ant-alert-error'),
        };
      });
      for (const d of onScreen.dialogs) lines.push(`    dialog: ${d.slice(0, 400)}`);
      for (const e of onScreen.fieldErrors) lines.push(`    field error: ${e}`);
      for (const m of onScreen.messages) lines.push(`    message: ${m}`);
      const file = join(dir, `${slug}-${t.label}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      lines.push(`    screenshot: ${file}`);
    } catch (e) {
      lines.push(`    (could not read the page: ${(e as Error).message.split('\n')[0]})`);
    }
    for (const r of t.refused) lines.push(`    refused: ${r}`);
    for (const e of t.errors) lines.push(`    console: ${e}`);
  }
  console.error(lines.join('\n'));
}

/**
 * `npx tsx scripts/screenshots.ts`: start OneWindow on a fresh embedded database, visit the main
 * screens in headless Chromium as the demo roles, and write PNGs to docs/screenshots/ for the README.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from '../src/server/test/pg-cluster';

const shots: { user: string | null; path: string; file: string; wait?: string }[] = [
  { user: null, path: '/login', file: 'login.png' },
  { user: 'admin', path: '/admin/windows', file: 'admin-windows.png' },
  { user: 'admin', path: '/admin/staff', file: 'admin-staff.png' },
  { user: 'officer', path: '/workstation', file: 'workstation.png' },
  { user: 'officer', path: '/cases', file: 'cases.png' },
  { user: 'officer', path: '/hall/officer', file: 'hall-officer.png' },
  { user: 'supervisor', path: '/supervision', file: 'supervision-desk.png' },
  { user: 'leader', path: '/evaluation/satisfaction', file: 'satisfaction.png' },
  { user: 'admin', path: '/schedule/roster', file: 'roster.png' },
  { user: 'admin', path: '/admin/calendar', file: 'calendar.png' },
  { user: null, path: '/guides', file: 'guides.png' },
  { user: null, path: '/appointments/book', file: 'book.png' },
  ...(process.argv.slice(2).map((arg) => {
    const [user, path, file] = arg.split(',');
    return { user: user === '-' ? null : user!, path: path!, file: file! };
  }) ?? []),
];

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'ow-shots-'));
const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
  // Jobs on, as in `npm start`: the supervision sweep issues the demo's cards before the desk is shot.
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => {
  let buf = '';
  server.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    if (buf.includes('is running')) resolve();
  });
});
await new Promise((r) => setTimeout(r, 20_000)); // the jobs' first round
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  for (const s of shots) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    const base = `http://127.0.0.1:${port}`;
    if (s.user) {
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill(s.user);
      await page.getByLabel('密码').fill('OneWindow2026');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('user-menu').waitFor();
    }
    await page.goto(`${base}${s.path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, s.file) });
    console.log(`wrote docs/screenshots/${s.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

import { buildApp } from './app';
import { ManualClock, systemClock } from './clock/clock';
import { ConfigError, loadConfig } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { DEMO_ACCOUNTS } from './demo/demo-accounts';
import { loadDemoData } from './demo/demo.loader';
import { isAppError } from '../domain/errors';
import { errorMessage } from '../shared/errors';
import { startJobs } from './jobs/jobs';

/** `npm start`: validate config, open + migrate the database, load demo data on first start, serve. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const clock = config.clock === 'manual' ? new ManualClock() : systemClock;
  if (config.clockStart && clock instanceof ManualClock) clock.set(config.clockStart);
  const db = await openDatabase(config);
  await migrate(db);
  const demo = config.demo === 'auto' ? await loadDemoData(db, clock.now()) : false;
  const app = await buildApp({ db, clock, config });
  const stopJobs = config.jobs ? startJobs({ db, clock, log: app.log }) : () => Promise.resolve();
  const shutdown = async () => {
    await stopJobs();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `OneWindow 一窗通 is running: http://localhost:${port}/`,
    `  database: ${where}${demo ? ' — demo data loaded' : ''}`,
    `  API docs: http://localhost:${port}/api/docs   clock: ${clock.manual ? 'manual (POST /api/dev/clock)' : 'system'}`,
    `  started in ${Math.round(performance.now() - startedAt)} ms`,
    '  demo logins (password for all: ' + DEMO_ACCOUNTS.password + '):',
    ...DEMO_ACCOUNTS.list.map((a) => `    ${a.username.padEnd(11)} ${a.label}`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (isAppError(e))
    console.error(errorMessage(e.code, e.params, 'en') + '\n' + errorMessage(e.code, e.params, 'zh-CN'));
  else console.error('OneWindow failed to start:', e);
  process.exit(1);
});

import { beforeEach } from 'vitest';
import { pagesOpened, reportOpenPages } from './diagnostics';

// Every failed story prints what the pages it opened show (see diagnostics.ts).
beforeEach((ctx) => {
  const since = pagesOpened();
  ctx.onTestFailed(() => reportOpenPages(ctx.task.name, since));
});

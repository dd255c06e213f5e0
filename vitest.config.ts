import { defineConfig } from 'vitest/config';

// Three tiers, one runner:
//  unit  — pure code, beside the source (`*.test.ts`), no database, no network;
//  int   — real databases through the real app (`*.int.test.ts`); run once per database with
//          ONEWINDOW_TEST_DB=pglite|postgres (scripts/test-all.sh does both);
//  e2e   — real headless Chromium against a real server (`e2e/*.spec.ts`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['src/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          setupFiles: ['e2e/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A browser waits for the server; on a busy 2-core machine a second is not enough.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 3000, ./data and the system clock', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.clock).toBe('system');
    expect(c.databaseUrl).toBeUndefined();
  });

  it('refuses the manual clock in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ONEWINDOW_CLOCK: 'manual' })).toThrow(
      /ONEWINDOW_CLOCK: manual is refused/,
    );
  });

  it('starts a manual clock where ONEWINDOW_CLOCK_START says, and only a manual one', () => {
    const c = loadConfig({ ONEWINDOW_CLOCK: 'manual', ONEWINDOW_CLOCK_START: '2026-11-23T09:00:00+08:00' });
    expect(c.clockStart?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(() => loadConfig({ ONEWINDOW_CLOCK_START: '2026-11-23T09:00:00+08:00' })).toThrow(
      /ONEWINDOW_CLOCK_START: needs ONEWINDOW_CLOCK=manual/,
    );
    expect(() => loadConfig({ ONEWINDOW_CLOCK: 'manual', ONEWINDOW_CLOCK_START: 'Monday' })).toThrow(
      /ONEWINDOW_CLOCK_START: must be an ISO instant/,
    );
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});

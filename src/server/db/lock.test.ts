import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './lock';

describe('acquireDataDirLock', () => {
  it('refuses a directory locked by another live process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-lock-'));
    // The parent process (the test runner) is alive and is not us.
    writeFileSync(join(dir, 'onewindow.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(
      expect.objectContaining({ code: 'DATA_DIR_LOCKED' }) as Error,
    );
  });

  it('takes over a stale lock whose process is gone, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-lock-'));
    writeFileSync(join(dir, 'onewindow.lock'), '999999999');
    const release = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, 'onewindow.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'onewindow.lock'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { UserRow } from './auth.repository';
import { SessionCache, type CachedSession } from './session-cache';

const user = { id: 'u1', username: 'officer', disabled: false } as UserRow;
const entry = (loadedMs: number, expiresMs = loadedMs + 3_600_000): CachedSession => ({
  userId: 'u1',
  csrfToken: 'c',
  lastSeenMs: loadedMs,
  expiresMs,
  user,
  loadedMs,
});

describe('SessionCache', () => {
  it('serves an entry until its time to live runs out', () => {
    const c = new SessionCache(1_000);
    c.set('h', entry(10_000));
    expect(c.get('h', 10_999)?.userId).toBe('u1');
    expect(c.get('h', 11_000)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('never serves a session past its own expiry', () => {
    const c = new SessionCache(60_000);
    c.set('h', entry(10_000, 10_500));
    expect(c.get('h', 10_499)).toBeDefined();
    expect(c.get('h', 10_500)).toBeUndefined();
  });

  it('does not trust an entry from the future (the wall clock moved back)', () => {
    const c = new SessionCache(60_000);
    c.set('h', entry(10_000));
    expect(c.get('h', 9_000)).toBeUndefined();
  });

  it('drops the oldest entry when full, and clears everything on demand', () => {
    const c = new SessionCache(60_000, 2);
    c.set('a', entry(1));
    c.set('b', entry(2));
    c.set('c', entry(3));
    expect(c.get('a', 10)).toBeUndefined();
    expect(c.get('b', 10)).toBeDefined();
    expect(c.get('c', 10)).toBeDefined();
    c.clear();
    expect(c.size).toBe(0);
  });
});

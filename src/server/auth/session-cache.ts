import type { UserRow } from './auth.repository';

/**
 * Sessions resolved recently, by token hash, so an authenticated request does not pay two database
 * round trips (session, then user) before its own work: on a window's busy screen that was a third
 * of a small request's cost. An entry lives `ttlMs` at most (a backstop for changes made where no
 * one announced them); logout, a password change and any change of a staff account clear the cache
 * of every server process at once (`sessionsChanged` in session.ts, through LISTEN/NOTIFY).
 */
export interface CachedSession {
  userId: string;
  csrfToken: string;
  lastSeenMs: number;
  expiresMs: number;
  user: UserRow;
  loadedMs: number;
}

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached session, if it is fresh and has not expired at `nowMs`. */
  get(tokenHash: string, nowMs: number): CachedSession | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (nowMs - e.loadedMs >= this.ttlMs || e.expiresMs <= nowMs || nowMs < e.loadedMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e;
  }

  set(tokenHash: string, entry: CachedSession): void {
    // Maps iterate in insertion order: dropping the first key drops the oldest entry.
    if (this.entries.size >= this.maxEntries && !this.entries.has(tokenHash)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, entry);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

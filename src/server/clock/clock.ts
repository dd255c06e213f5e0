/**
 * The server's sense of "now". Everything time-dependent (deadlines, sessions, sweeps, tickets) asks
 * this object and never the wall clock, so trainings, demos and black-box tests can move time.
 */
export interface Clock {
  now(): Date;
  readonly manual: boolean;
}

export const systemClock: Clock = { now: () => new Date(), manual: false };

/**
 * A settable clock: after `set(t)` time runs on from `t` at the normal pace (so sessions and live
 * screens behave), until set again. `freeze` stops it, for exact assertions in tests.
 */
export class ManualClock implements Clock {
  readonly manual = true;
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  set(t: Date, opts: { freeze?: boolean } = {}): void {
    this.offsetMs = t.getTime() - Date.now();
    this.frozenAt = opts.freeze ? t.getTime() : null;
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }
}

/**
 * Estimated wait (预计等候时间) from the live service rates of the windows that can serve a ticket's
 * category, never a constant. Each window's mean service time blends its most recent services with
 * the category's prior (a configured or historic mean) so that one very short or very long service
 * does not swing the estimate; the windows' rates add up; the people ahead are divided by that
 * capacity. The hall statistics compare the estimate given at the kiosk with the real wait.
 */
export interface WindowRate {
  /** Durations (minutes, call → finish) of the window's latest services, newest first. */
  readonly recentServiceMinutes: readonly number[];
  /** Staffed and not paused now. */
  readonly open: boolean;
}

export interface WaitInput {
  /** Waiting tickets that will be called before this one. */
  readonly ahead: number;
  /** The windows able to serve the ticket's category. */
  readonly windows: readonly WindowRate[];
  /** The category's expected service time in minutes, used until live data accumulates. */
  readonly priorMinutes: number;
}

export type WaitBasis = 'live' | 'prior' | 'no_open_window' | 'no_window';

export interface WaitEstimate {
  /** Whole minutes, rounded up; null when no window at all can serve the category. */
  readonly minutes: number | null;
  /** Tickets per hour the windows counted can serve together. */
  readonly ratePerHour: number;
  readonly windowsOpen: number;
  readonly basis: WaitBasis;
}

/** How many recent services of a window count, and how many "virtual" prior services they are blended with. */
export const RECENT_SAMPLES = 10;
export const PRIOR_WEIGHT = 2;
const MIN_SERVICE = 0.5;
const MAX_SERVICE = 240;

const clip = (x: number) => Math.min(MAX_SERVICE, Math.max(MIN_SERVICE, x));

/** Mean service minutes of one window: its recent services shrunk towards the prior. */
export function windowServiceMinutes(recent: readonly number[], priorMinutes: number): number {
  const samples = recent
    .slice(0, RECENT_SAMPLES)
    .filter((x) => Number.isFinite(x))
    .map(clip);
  const sum = samples.reduce((a, b) => a + b, 0);
  return (sum + PRIOR_WEIGHT * clip(priorMinutes)) / (samples.length + PRIOR_WEIGHT);
}

export function estimateWait(input: WaitInput): WaitEstimate {
  if (input.windows.length === 0)
    return { minutes: null, ratePerHour: 0, windowsOpen: 0, basis: 'no_window' };
  const open = input.windows.filter((w) => w.open);
  // With every window closed or paused (lunch break, meeting) the estimate assumes they come back:
  // better an honest "about 40 minutes" than nothing on the ticket.
  const counted = open.length > 0 ? open : input.windows;
  const perMinute = counted.reduce(
    (rate, w) => rate + 1 / windowServiceMinutes(w.recentServiceMinutes, input.priorMinutes),
    0,
  );
  const live = counted.some((w) => w.recentServiceMinutes.length > 0);
  // The half ticket: on average the windows are half-way through the service in progress.
  const minutes = Math.ceil((Math.max(0, input.ahead) + 0.5) / perMinute);
  return {
    minutes,
    ratePerHour: Math.round(perMinute * 60 * 10) / 10,
    windowsOpen: open.length,
    basis: open.length === 0 ? 'no_open_window' : live ? 'live' : 'prior',
  };
}

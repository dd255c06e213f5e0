/**
 * Half-open intervals [start, end) of minutes since midnight (0–1440) in the center's civil time.
 * Opening hours, duty and slots of one day are all sets of such intervals; keeping them normalised
 * (sorted, disjoint, non-empty, adjacent ones merged) makes union, subtraction and overlap simple scans.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export const DAY_MINUTES = 1440;

/** Sorted, disjoint, non-empty, merged; clamped to one day. */
export function normalize(xs: readonly Interval[]): Interval[] {
  const sorted = xs
    .map((x) => ({ start: Math.max(0, x.start), end: Math.min(DAY_MINUTES, x.end) }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, x.end) };
    else out.push(x);
  }
  return out;
}

export const union = (a: readonly Interval[], b: readonly Interval[]): Interval[] => normalize([...a, ...b]);

/** Minutes in `a` and not in `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = normalize(b);
  const out: Interval[] = [];
  for (const x of normalize(a)) {
    let s = x.start;
    for (const c of cut) {
      if (c.end <= s || c.start >= x.end) continue;
      if (c.start > s) out.push({ start: s, end: c.start });
      s = Math.max(s, c.end);
    }
    if (s < x.end) out.push({ start: s, end: x.end });
  }
  return out;
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return subtract(a, subtract(a, b));
}

/** Length of the overlap of two intervals, in minutes (0 when disjoint). */
export const overlap = (a: Interval, b: Interval): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export const totalMinutes = (xs: readonly Interval[]): number => xs.reduce((s, x) => s + x.end - x.start, 0);

export const contains = (xs: readonly Interval[], minute: number): boolean =>
  xs.some((x) => x.start <= minute && minute < x.end);

/** 'HH:MM' of a minute of the day (1440 → '24:00'). */
export function hhmm(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

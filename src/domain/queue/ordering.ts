/**
 * The queue ordering policy (叫号顺序), in this order:
 * 1. appointments whose time has come, earliest appointment first (预约到时优先);
 * 2. then higher verified priority weight;
 * 3. then earlier place in the queue (`queuedAt`: the issue time, kept by a transfer, moved to the
 *    re-queue time after a 过号);
 * 4. then the lower ticket sequence, so the order is total and every process agrees on it.
 * An appointment ticket taken before its time waits like any other ticket until its time comes.
 */
export interface QueueEntry {
  readonly id: string;
  readonly categoryId: string;
  /** Set for a transferred ticket: only this window may call it. */
  readonly reservedWindowId: string | null;
  readonly appointmentAt: number | null;
  readonly priorityWeight: number;
  readonly queuedAt: number;
  /** Issue sequence of the day (the ticket number's counter), the final tie-break. */
  readonly seq: number;
}

const isDue = (e: QueueEntry, now: number): boolean => e.appointmentAt !== null && e.appointmentAt <= now;

/** Negative when `a` is called before `b` at `now`. A total order for entries with distinct ids. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry, now: number): number {
  const da = isDue(a, now);
  const db = isDue(b, now);
  if (da !== db) return da ? -1 : 1;
  if (da && db && a.appointmentAt !== b.appointmentAt) return a.appointmentAt! - b.appointmentAt!;
  if (a.priorityWeight !== b.priorityWeight) return b.priorityWeight - a.priorityWeight;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortQueue<T extends QueueEntry>(entries: readonly T[], now: number): T[] {
  return [...entries].sort((a, b) => compareQueueEntries(a, b, now));
}

/** May `windowId`, which serves `categoryIds`, call this entry? */
export const callableBy = (e: QueueEntry, windowId: string, categoryIds: ReadonlySet<string>): boolean =>
  e.reservedWindowId !== null ? e.reservedWindowId === windowId : categoryIds.has(e.categoryId);

/** The entry a window calls next, or undefined when nobody it may serve is waiting. */
export function pickNext<T extends QueueEntry>(
  entries: readonly T[],
  windowId: string,
  categoryIds: ReadonlySet<string>,
  now: number,
): T | undefined {
  let best: T | undefined;
  for (const e of entries) {
    if (!callableBy(e, windowId, categoryIds)) continue;
    if (!best || compareQueueEntries(e, best, now) < 0) best = e;
  }
  return best;
}

/**
 * How many waiting entries are ahead of `target`: those that rank before it and that one of the
 * windows able to serve it could call instead (`competes`). 0 = next.
 */
export function peopleAhead<T extends QueueEntry>(
  entries: readonly T[],
  target: T,
  now: number,
  competes: (e: T) => boolean,
): number {
  let n = 0;
  for (const e of entries) {
    if (e.id !== target.id && competes(e) && compareQueueEntries(e, target, now) < 0) n++;
  }
  return n;
}

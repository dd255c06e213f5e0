import { DAY_MINUTES, normalize, type Interval } from './intervals';

/**
 * Who is on duty at a window during a day, as a step function over the window's open hours.
 *
 * - The duty roster (排班) names the officers of a window for a day. Without a roster row for the
 *   window that day, the officers whose post is the window (staff.window_id) are on duty on working
 *   days and nobody on rest days: weekend and holiday duty (值班, 轮值) exists only when rostered.
 * - Leave and meetings (请假, 会议) take an officer off duty for their interval.
 * - AB岗: while A is absent, B stands in at A's window (a recorded substitution). B is counted at
 *   A's window and not at B's own for that interval — one person is never two officers.
 * A window with open hours but nobody on duty is closed: hours are the promise, duty keeps it.
 */
export interface Absence {
  readonly staffId: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export interface Substitution {
  /** A: the absent officer. */
  readonly absentId: string;
  /** B: who stands in. */
  readonly standInId: string;
  /** A's window, where B sits meanwhile. */
  readonly windowId: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export interface DutySegment extends Interval {
  readonly staffIds: readonly string[];
}

export interface WindowDay {
  readonly windowId: string;
  /** The instant of 00:00 of the day in the center. */
  readonly dayStartMs: number;
  readonly isWorkday: boolean;
  readonly open: readonly Interval[];
  /** Officers rostered to the window that day; null when the roster has no row for it. */
  readonly rostered: readonly string[] | null;
  /** Officers whose post is the window. */
  readonly assigned: readonly string[];
  readonly absences: readonly Absence[];
  readonly substitutions: readonly Substitution[];
}

const MINUTE_MS = 60_000;
const active = (x: { fromMs: number; toMs: number }, t: number) => x.fromMs <= t && t < x.toMs;

/** The staffed segments of the window's open hours (segments with nobody on duty are left out). */
export function dutySegments(w: WindowDay): DutySegment[] {
  const open = normalize(w.open);
  if (open.length === 0) return [];
  const base = new Set(w.rostered ?? (w.isWorkday ? w.assigned : []));
  const toMinute = (ms: number) =>
    Math.min(DAY_MINUTES, Math.max(0, Math.round((ms - w.dayStartMs) / MINUTE_MS)));
  const dayEnd = w.dayStartMs + DAY_MINUTES * MINUTE_MS;
  const inDay = (x: { fromMs: number; toMs: number }) => x.fromMs < dayEnd && x.toMs > w.dayStartMs;
  // Everything that changes who is here, as minute intervals of this day.
  const standIns: Spell[] = [];
  const away: Spell[] = [];
  for (const s of w.substitutions) {
    if (!inDay(s)) continue;
    if (s.windowId === w.windowId)
      standIns.push({ id: s.standInId, from: toMinute(s.fromMs), to: toMinute(s.toMs) });
    else if (base.has(s.standInId))
      away.push({ id: s.standInId, from: toMinute(s.fromMs), to: toMinute(s.toMs) });
  }
  const people = new Set(base);
  for (const s of standIns) people.add(s.id);
  const absent: Spell[] = [];
  for (const a of w.absences)
    if (people.has(a.staffId) && inDay(a))
      absent.push({ id: a.staffId, from: toMinute(a.fromMs), to: toMinute(a.toMs) });

  const cuts = new Set<number>();
  for (const o of open) cuts.add(o.start).add(o.end);
  for (const x of [...absent, ...standIns, ...away]) cuts.add(x.from).add(x.to);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: DutySegment[] = [];
  for (const o of open) {
    let prev = o.start;
    for (const p of [...points.filter((x) => x > o.start && x < o.end), o.end]) {
      const on = onDutyIn(prev, base, standIns, away, absent);
      const start = prev;
      prev = p;
      if (on.length === 0) continue;
      const last = segments[segments.length - 1];
      if (last && last.end === start && sameIds(last.staffIds, on)) {
        segments[segments.length - 1] = { start: last.start, end: p, staffIds: last.staffIds };
      } else segments.push({ start, end: p, staffIds: on });
    }
  }
  return segments;
}

interface Spell {
  id: string;
  from: number;
  to: number;
}

const covers = (spells: readonly Spell[], id: string, minute: number): boolean => {
  for (const s of spells) if (s.id === id && s.from <= minute && minute < s.to) return true;
  return false;
};

/** Who is on duty at a minute: the base officers not absent nor away, plus stand-ins not absent. */
function onDutyIn(
  minute: number,
  base: ReadonlySet<string>,
  standIns: readonly Spell[],
  away: readonly Spell[],
  absent: readonly Spell[],
): string[] {
  const on: string[] = [];
  for (const id of base) if (!covers(absent, id, minute) && !covers(away, id, minute)) on.push(id);
  for (const s of standIns)
    if (s.from <= minute && minute < s.to && !covers(absent, s.id, minute) && !on.includes(s.id))
      on.push(s.id);
  return on.sort();
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Officers on duty at a minute of the day (empty when the window is closed then). */
export function onDutyAt(segments: readonly DutySegment[], minute: number): readonly string[] {
  return segments.find((s) => s.start <= minute && minute < s.end)?.staffIds ?? [];
}

// ------------------------------------------------------------------------------------- AB posts

export interface StaffPost {
  readonly id: string;
  readonly windowId: string | null;
  /** The A post this person backs up (staff.backup_of_id), i.e. this person is a B of that A. */
  readonly backupOfId: string | null;
  readonly active: boolean;
}

export type SubstitutionProblem = 'no_window' | 'no_backup' | 'backup_unavailable' | 'self';

export interface SubstitutionPlan {
  readonly standInId: string | null;
  readonly windowId: string | null;
  readonly problem: SubstitutionProblem | null;
}

const overlaps = (a: { fromMs: number; toMs: number }, fromMs: number, toMs: number) =>
  a.fromMs < toMs && fromMs < a.toMs;

/** Why `standInId` cannot stand in for the interval (absent, or already standing in for someone), or null. */
export function standInProblem(args: {
  absentId: string;
  standInId: string;
  fromMs: number;
  toMs: number;
  absences: readonly Absence[];
  substitutions: readonly Substitution[];
}): SubstitutionProblem | null {
  if (args.standInId === args.absentId) return 'self';
  const busy =
    args.absences.some((a) => a.staffId === args.standInId && overlaps(a, args.fromMs, args.toMs)) ||
    args.substitutions.some((s) => s.standInId === args.standInId && overlaps(s, args.fromMs, args.toMs));
  return busy ? 'backup_unavailable' : null;
}

/**
 * The B post for an absence of A: the first active officer designated as A's backup who is neither
 * absent nor already standing in for someone else during the interval.
 */
export function planSubstitution(args: {
  absentId: string;
  fromMs: number;
  toMs: number;
  staff: readonly StaffPost[];
  absences: readonly Absence[];
  substitutions: readonly Substitution[];
}): SubstitutionPlan {
  const a = args.staff.find((s) => s.id === args.absentId);
  if (!a?.windowId) return { standInId: null, windowId: null, problem: 'no_window' };
  const backups = args.staff.filter((s) => s.active && s.backupOfId === a.id && s.id !== a.id);
  if (backups.length === 0) return { standInId: null, windowId: a.windowId, problem: 'no_backup' };
  for (const b of backups) {
    if (standInProblem({ ...args, standInId: b.id }) === null)
      return { standInId: b.id, windowId: a.windowId, problem: null };
  }
  return { standInId: null, windowId: a.windowId, problem: 'backup_unavailable' };
}

/**
 * The officers B currently stands in for (so B's case list includes their open cases), sorted.
 */
export function activeStandIns(subs: readonly Substitution[], standInId: string, atMs: number): string[] {
  return [
    ...new Set(subs.filter((s) => s.standInId === standInId && active(s, atMs)).map((s) => s.absentId)),
  ].sort();
}

import type { VersionStatus } from '../../shared/contracts/catalog';

/**
 * Which version of an item is in force on a day. Pure: the service passes the versions and the civil
 * date (China Standard Time, 'YYYY-MM-DD'); comparisons of such dates as text are chronological.
 *
 * The version in force on day D is the published version with the latest `effectiveFrom` ≤ D; two
 * versions effective on the same day are ordered by version number (the later publication wins).
 * Drafts, versions under review and cancelled versions are never in force. Publishing a new version
 * changes nothing about earlier ones, so what was in force on a past day never changes either.
 */
export interface VersionDates {
  id: string;
  versionNo: number;
  status: VersionStatus;
  effectiveFrom: string | null;
}

const later = (a: VersionDates, b: VersionDates): boolean =>
  a.effectiveFrom! > b.effectiveFrom! || (a.effectiveFrom === b.effectiveFrom && a.versionNo > b.versionNo);

export function versionInForce<T extends VersionDates>(versions: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.status !== 'published' || v.effectiveFrom === null || v.effectiveFrom > day) continue;
    if (!best || later(v, best)) best = v;
  }
  return best;
}

/**
 * The read-path pointers of an item on `today`: the version in force, and the one published to take
 * effect later (at most one may be scheduled, so lists can resolve "in force" without scanning
 * versions: `next` takes over once its date arrives).
 */
export function versionPointers<T extends VersionDates>(
  versions: readonly T[],
  today: string,
): { current: T | undefined; next: T | undefined; scheduled: T[] } {
  const current = versionInForce(versions, today);
  const scheduled = versions
    .filter((v) => v.status === 'published' && v.effectiveFrom !== null && v.effectiveFrom > today)
    .sort((a, b) => (later(a, b) ? 1 : -1));
  return { current, next: scheduled[0], scheduled };
}

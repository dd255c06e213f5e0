import { AppError } from '../../domain/errors';
import type { CalendarYearView, HoursView } from '../../shared/contracts/calendar';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import { presentYear } from './calendar.presenter';
import * as repo from './calendar.repository';
import { effectiveHours } from './calendar.service';

/**
 * What the calendar screens read. The calendar is public information (the portal's calculator uses it),
 * so any staff member may read any center's calendar; `editable` tells whether this user may change it
 * (an administrator of the center or of a center above it).
 */
export async function requireChain(q: Queryable, centerId: string): Promise<repo.ChainCenter[]> {
  const chain = await repo.findChain(q, centerId);
  if (chain.length === 0) throw new AppError('NOT_FOUND', { entity: 'center' });
  return chain;
}

const canEdit = (actor: Actor | null, chain: readonly repo.ChainCenter[]): boolean =>
  Boolean(
    actor?.roles.includes('admin') &&
    actor.centerPath &&
    chain[chain.length - 1]!.path.startsWith(actor.centerPath),
  );

export async function yearView(
  q: Queryable,
  actor: Actor | null,
  centerId: string,
  year: number,
): Promise<CalendarYearView> {
  const chain = await requireChain(q, centerId);
  const rows = await repo.loadEffectiveDaysBetween(
    q,
    chain.map((c) => c.id),
    `${year}-01-01`,
    `${year}-12-31`,
  );
  return presentYear({ chain, year, rows, editable: canEdit(actor, chain) });
}

export async function hoursView(
  q: Queryable,
  actor: Actor | null,
  chain: readonly repo.ChainCenter[],
): Promise<HoursView> {
  const centerId = chain[chain.length - 1]!.id;
  const { hours, definedBy } = await effectiveHours(
    q,
    chain.map((c) => c.id),
  );
  return {
    centerId,
    hours,
    source: definedBy === null ? 'default' : definedBy.centerId === centerId ? 'own' : 'inherited',
    definedBy,
    editable: canEdit(actor, chain),
  };
}

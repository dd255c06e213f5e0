import { AppError } from '../../domain/errors';
import { parseCivilDate } from '../../domain/calendar/civil-time';
import type { HallStats, StatsRow } from '../../shared/contracts/hall-stats';
import type { Queryable } from '../db/db';
import { requireHall } from './hall.common';
import * as repo from './hall.stats.repository';

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

const measures = (m: repo.MeasureRow) => ({
  tickets: m.tickets,
  served: m.served,
  noShows: m.no_shows,
  transfers: m.transfers,
  waitMean: round1(m.wait_mean),
  waitP90: round1(m.wait_p90),
  serviceMean: round1(m.service_mean),
  serviceP90: round1(m.service_p90),
});
const row = (g: repo.GroupRow): StatsRow => ({ key: g.key, label: g.label, ...measures(g) });

/** At most a year per request: the statistics read tickets, not pre-aggregated tables. */
const MAX_DAYS = 366;

export async function hallStats(
  q: Queryable,
  p: { hallId: string; from: string; to: string; scopePath: string },
): Promise<HallStats> {
  const from = parseCivilDate(p.from);
  const to = parseCivilDate(p.to);
  if (from === null || to === null || to < from || to - from >= MAX_DAYS)
    throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.after_from' });
  const hall = await requireHall(q, p.hallId, p.scopePath);
  const r = { hallId: hall.id, from: p.from, to: p.to };
  const t = await repo.totals(q, r);
  const e = await repo.estimateAccuracy(q, r);
  return {
    hallId: hall.id,
    hallName: `${hall.center_name} ${hall.name}`,
    from: p.from,
    to: p.to,
    totals: { ...measures(t), cancelled: t.cancelled },
    estimate: {
      n: e.n,
      meanAbsError: round1(e.mae),
      meanError: round1(e.bias),
      within5: e.within5 === null ? null : Math.round(e.within5 * 1000) / 1000,
    },
    byHour: (await repo.statsBy(q, r, 'hour')).map(row),
    byDay: (await repo.statsBy(q, r, 'day')).map(row),
    byWindow: (await repo.statsBy(q, r, 'window')).map(row),
    byOfficer: (await repo.statsBy(q, r, 'officer')).map(row),
    byCategory: (await repo.statsBy(q, r, 'category')).map(row),
    heat: await repo.heat(q, r),
  };
}

import { z } from 'zod';
import { CivilDate } from './common';

/**
 * Hall statistics (大厅统计). Definitions, kept identical in the SQL and the docs:
 * - wait = first call − issue (a re-queued or transferred ticket counts its first call);
 * - service = finish − start of the final segment (at the window that finished it);
 * - no-shows = tickets whose last status is 过号; transfers = transfer events;
 * - estimation error = real wait − the estimate printed at issue, over tickets that were called
 *   (positive = the visitor waited longer than promised).
 * Minutes, business dates in China time.
 */
export const HallStatsQuery = z.object({ hallId: z.uuid(), from: CivilDate, to: CivilDate });

const Minutes = z.number().nullable();

export const StatsRow = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  transfers: z.number().int(),
  waitMean: Minutes,
  waitP90: Minutes,
  serviceMean: Minutes,
  serviceP90: Minutes,
});
export type StatsRow = z.infer<typeof StatsRow>;

export const HallStats = z.object({
  hallId: z.uuid(),
  hallName: z.string(),
  from: CivilDate,
  to: CivilDate,
  totals: StatsRow.omit({ key: true, label: true }).extend({ cancelled: z.number().int() }),
  estimate: z.object({
    /** Tickets with both an estimate and a call. */
    n: z.number().int(),
    meanAbsError: Minutes,
    /** Mean of (real − estimated): positive means estimates were too optimistic. */
    meanError: Minutes,
    /** Share of tickets called within ±5 minutes of the estimate. */
    within5: z.number().nullable(),
  }),
  byHour: z.array(StatsRow),
  byDay: z.array(StatsRow),
  byWindow: z.array(StatsRow),
  byOfficer: z.array(StatsRow),
  byCategory: z.array(StatsRow),
  /** Tickets issued per weekday (0 = Sunday) and hour (China time): the heat map. */
  heat: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), tickets: z.number().int() })),
});
export type HallStats = z.infer<typeof HallStats>;

import { instantOfDayStart, dayNumberOfInstant } from '../../domain/calendar/civil-time';
import { businessDate, transitionTicket } from '../../domain/queue';
import type { Job } from '../jobs/job';
import { sweepFeed } from './hall.feed';
import * as tickets from './tickets.repository';

const BATCH = 500;
/** Feed rows older than this are swept; a display further behind reloads its snapshot. */
const FEED_KEEP_MS = 2 * 86_400_000;

/**
 * After the business day: tickets still waiting, called or 过号 are cancelled ("expired") through the
 * transition table, windows left on duty are closed, and the old feed is swept. Idempotent and
 * bounded, as every job.
 */
export const hallCloseDayJob: Job = {
  name: 'hall.close-day',
  everyMs: 10 * 60_000,
  async run({ db, clock }) {
    const now = clock.now();
    const today = businessDate(now);
    const stale = await db.query<{ id: string }>(
      `SELECT id FROM tickets WHERE business_date < $1 AND status IN ('waiting', 'transferred', 'called', 'no_show') LIMIT ${BATCH}`,
      [today],
    );
    for (const { id } of stale) {
      await db.transaction(async (tx) => {
        const row = await tickets.lockTicket(tx, id);
        if (!row || !['waiting', 'transferred', 'called', 'no_show'].includes(row.status)) return;
        const next = transitionTicket(
          tickets.snapshotOf(row),
          { type: 'cancel', at: now.getTime(), reason: 'expired' },
          { maxRecalls: 0, maxRequeues: 0 },
        );
        await tickets.saveSnapshot(tx, id, next);
        await tickets.insertTicketEvent(tx, {
          ticketId: id,
          centerId: row.center_id,
          hallId: row.hall_id,
          type: 'cancel',
          from: row.status,
          to: next.status,
          windowId: row.window_id,
          staffId: null,
          actorName: 'system',
          detail: { reason: 'expired', businessDate: row.business_date },
          at: now,
        });
      });
    }
    const dayStart = new Date(instantOfDayStart(dayNumberOfInstant(now.getTime())));
    await db.query(
      "UPDATE window_states SET status = 'closed', staff_id = NULL, pause_reason = '', since = $1 WHERE status <> 'closed' AND since < $2",
      [now, dayStart],
    );
    await sweepFeed(db, new Date(now.getTime() - FEED_KEEP_MS), 5000);
    return { expired: stale.length };
  },
};

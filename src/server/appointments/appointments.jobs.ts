import { blacklistStatus, defaultAppointmentPolicy } from '../../domain/schedule';
import type { Db } from '../db/db';
import type { Job } from '../jobs/job';
import { notifyAppointment } from './appointments.notify';
import * as repo from './appointments.repository';
import { loadSettings } from './appointments.settings';

/**
 * The periodic work of appointments, idempotent and bounded (each tick handles at most BATCH rows in
 * one transaction; rows another process holds are skipped, not waited for):
 *  - no-shows: a booking not checked in by the end of its slot becomes a no-show, dated at the slot
 *    end (so a late tick never moves it into another month), with an SMS warning (违约 1 次即预警);
 *  - reminders: an SMS `reminderHoursBefore` hours before the slot, once.
 */
const BATCH = 200;
const DAY_MS = 86_400_000;

export async function markNoShows(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await repo.dueNoShows(tx, now, BATCH);
    for (const d of due) {
      await repo.setStatus(tx, d.id, { status: 'no_show', at: d.ends_at });
      await repo.insertEvent(tx, {
        appointmentId: d.id,
        centerId: d.center_id,
        type: 'no_show',
        from: 'booked',
        to: 'no_show',
        actor: 'system',
        at: now,
      });
      const { policy } = await loadSettings(tx, d.center_id);
      const since = new Date(now.getTime() - policy.noShowWindowDays * DAY_MS);
      const noShows = await repo.noShowsOf(tx, d.center_id, d.id_number, d.phone, since);
      const status = blacklistStatus(
        noShows.map((r) => r.no_show_at.getTime()),
        now.getTime(),
        policy,
      );
      await notifyAppointment(tx, 'no_show', (await repo.findById(tx, d.id))!, now, {
        noShows: status.recentNoShows,
      });
    }
    return due.length;
  });
}

export async function sendReminders(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await repo.dueReminders(tx, now, BATCH, defaultAppointmentPolicy.reminderHoursBefore);
    for (const a of due) {
      await notifyAppointment(tx, 'reminder', a, now);
      await repo.insertEvent(tx, {
        appointmentId: a.id,
        centerId: a.center_id,
        type: 'remind',
        from: a.status,
        to: a.status,
        actor: 'system',
        at: now,
      });
    }
    await repo.markReminded(
      tx,
      due.map((a) => a.id),
      now,
    );
    return due.length;
  });
}

export const appointmentNoShowJob: Job = {
  name: 'appointments.no_show',
  everyMs: 60_000,
  run: ({ db, clock }) => markNoShows(db, clock.now()),
};

export const appointmentReminderJob: Job = {
  name: 'appointments.remind',
  everyMs: 60_000,
  run: ({ db, clock }) => sendReminders(db, clock.now()),
};

export const appointmentJobs: Job[] = [appointmentNoShowJob, appointmentReminderJob];

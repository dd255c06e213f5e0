import type { CaseEvent } from '../../domain/cases';
import { computeDeadline } from '../../domain/clock';
import { isAppError } from '../../domain/errors';
import type { Db } from '../db/db';
import { maybeOne } from '../db/db';
import type { Job } from '../jobs/job';
import { systemActor } from './cases.actor';
import { loadCalendar } from './cases.calendar';
import { commitUnit } from './cases.commit';
import { applyEvent, openUnit } from './cases.engine';
import * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';

/**
 * Deadline sweeps over cases. Each is idempotent and bounded: a batch of candidates from an indexed
 * column, then one short transaction per case that re-reads the case under a lock (SKIP LOCKED, so an
 * officer acting on it right now wins) and applies the system's event through the transition table.
 */

const BATCH = 200;
const DAY_MS = 86_400_000;

/** 行政许可法 第32条: no acceptance, refusal or supplement notice within 5 working days ⇒ accepted. */
export const WATCHDOG_WORKING_DAYS = 5;

async function systemAction(
  db: Db,
  id: string,
  stillDue: { sql: string; param: unknown },
  event: (row: CaseRow) => CaseEvent,
  now: Date,
  payload: Record<string, unknown>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await maybeOne<CaseRow>(
      tx,
      `SELECT * FROM cases WHERE id = $1 AND ${stillDue.sql} FOR UPDATE SKIP LOCKED`,
      [id, stillDue.param],
    );
    if (!row) return false;
    const u = await openUnit(tx, row);
    const org = await repo.orgInfo(tx, row.center_id, null);
    applyEvent(u, event(row), systemActor(org, row.center_id), now, { payload });
    await commitUnit(tx, u, { issuedBy: '系统', now });
    return true;
  });
}

/** The 5-working-day watchdog; returns how many cases it deemed accepted. */
export async function sweepDeemedAcceptance(db: Db, now: Date, batch = BATCH): Promise<number> {
  // Five working days are never fewer than five calendar days: older receipts are the only candidates.
  const rows = await db.query<{ id: string; center_id: string; last_received_at: Date }>(
    `SELECT id, center_id, last_received_at FROM cases
     WHERE status = 'received' AND last_received_at < $1 ORDER BY last_received_at LIMIT $2`,
    [new Date(now.getTime() - WATCHDOG_WORKING_DAYS * DAY_MS), batch],
  );
  let done = 0;
  for (const r of rows) {
    const calendar = await loadCalendar(db, r.center_id);
    let deadline: Date;
    try {
      deadline = computeDeadline({
        start: r.last_received_at,
        limit: { amount: WATCHDOG_WORKING_DAYS, unit: 'workday' },
        calendar,
      }).due;
    } catch (e) {
      if (isAppError(e) && e.code === 'CALENDAR_NOT_CONFIGURED') continue;
      throw e;
    }
    if (now <= deadline) continue;
    const ok = await systemAction(
      db,
      r.id,
      // Still received, and not supplied anew since it was picked (a supply restarts the five days).
      { sql: `status = 'received' AND last_received_at = $2`, param: r.last_received_at },
      () => ({ type: 'deem_accept', actorRole: 'system' }),
      now,
      { receivedAt: r.last_received_at.toISOString(), noticeDeadline: deadline.toISOString() },
    );
    if (ok) done++;
  }
  return done;
}

/** An 即办件 not concluded on the day of acceptance becomes a promised case, flagged for supervision. */
export async function sweepImmediateCases(db: Db, now: Date, batch = BATCH): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE status = 'accepted' AND kind = 'immediate' AND accepted_at < $1 AND due_at < $1
     ORDER BY accepted_at LIMIT $2`,
    [now, batch],
  );
  let done = 0;
  for (const r of rows) {
    const ok = await systemAction(
      db,
      r.id,
      { sql: `status = 'accepted' AND kind = $2`, param: 'immediate' },
      () => ({ type: 'convert_to_promised', actorRole: 'system' }),
      now,
      {},
    );
    if (ok) done++;
  }
  return done;
}

export const caseJobs: Job[] = [
  {
    name: 'cases.deemed-acceptance',
    everyMs: 10 * 60_000,
    run: ({ db, clock }) => sweepDeemedAcceptance(db, clock.now()),
  },
  {
    name: 'cases.immediate-to-promised',
    everyMs: 10 * 60_000,
    run: ({ db, clock }) => sweepImmediateCases(db, clock.now()),
  },
];

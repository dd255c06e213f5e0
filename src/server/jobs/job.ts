import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock/clock';
import type { Db } from '../db/db';

// What a feature declares to run periodically. Kept apart from the runner (jobs.ts), which reads the
// feature list, so that features depend on this file alone.

export interface JobContext {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
}

/** A periodic job: idempotent and bounded, so a tick that runs twice or stops half-way does no harm. */
export interface Job {
  name: string;
  everyMs: number;
  run(ctx: JobContext): Promise<unknown>;
}

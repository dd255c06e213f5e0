import type { Job } from '../jobs/job';
import { escalateOverdueOrders } from './orders.service';
import { deliverOutbox } from './outbox.service';
import { sweep } from './sweep.service';

/**
 * The periodic work of e-supervision, each under its own lease (one process runs each tick):
 * the incremental sweep, the escalation of overdue orders, and the delivery of notifications.
 */
export const supervisionSweepJob: Job = {
  name: 'supervision.sweep',
  everyMs: 60_000,
  run: ({ db, clock }) => sweep(db, clock.now(), { budgetMs: 25_000 }),
};

export const supervisionOrdersJob: Job = {
  name: 'supervision.orders',
  everyMs: 60_000,
  run: ({ db, clock }) => escalateOverdueOrders(db, clock.now()),
};

export const notificationOutboxJob: Job = {
  name: 'notifications.outbox',
  everyMs: 15_000,
  run: ({ db, clock, log }) => deliverOutbox(db, clock.now(), log),
};

export const supervisionJobs: Job[] = [supervisionSweepJob, supervisionOrdersJob, notificationOutboxJob];

import type { Job } from '../jobs/job';
import { sweepDefaultRatings } from './evaluation.service';
import { sweepCaseInvitations } from './invitations.service';
import { sweepOverdueRectifications } from './rectification.service';
import { foldDeltas } from './stats.repository';

/**
 * The periodic work of evaluation, each idempotent and bounded: folding rollup deltas, inviting the
 * applicants of newly concluded cases (SMS link), default ratings, and the overdue 差评 steps.
 */
const FOLD_BATCH = 20_000;

export const evaluationRollupJob: Job = {
  name: 'evaluation.rollup',
  everyMs: 5_000,
  async run({ db }) {
    // A few batches per tick: a backlog drains, and no single transaction grows large.
    for (let i = 0; i < 10; i++) if ((await foldDeltas(db, FOLD_BATCH)) < FOLD_BATCH) break;
  },
};

export const evaluationInvitationsJob: Job = {
  name: 'evaluation.invitations',
  everyMs: 60_000,
  run: ({ db, clock }) => db.transaction((tx) => sweepCaseInvitations(tx, clock.now())),
};

export const evaluationDefaultsJob: Job = {
  name: 'evaluation.defaults',
  everyMs: 5 * 60_000,
  run: ({ db, clock }) => db.transaction((tx) => sweepDefaultRatings(tx, clock.now())),
};

export const rectificationOverdueJob: Job = {
  name: 'evaluation.overdue',
  everyMs: 60_000,
  run: ({ db, clock }) => db.transaction((tx) => sweepOverdueRectifications(tx, clock.now())),
};

export const evaluationJobs: Job[] = [
  evaluationRollupJob,
  evaluationInvitationsJob,
  evaluationDefaultsJob,
  rectificationOverdueJob,
];

import type { Job } from '../jobs/job';
import { sweepHotlineSupervision } from './hotline.service';

/** 督办 of late 12345 orders: the sign or reply limit passed. Bounded and idempotent. */
export const hotlineSupervisionJob: Job = {
  name: 'hotline.supervision',
  everyMs: 60_000,
  run: ({ db, clock }) => db.transaction((tx) => sweepHotlineSupervision(tx, clock.now())),
};

export const hotlineJobs: Job[] = [hotlineSupervisionJob];

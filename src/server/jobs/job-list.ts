import { appointmentJobs } from '../appointments/appointments.jobs';
import { caseJobs } from '../cases/cases.jobs';
import { hallCloseDayJob } from '../hall/hall.jobs';
import { evaluationJobs } from '../evaluation/evaluation.jobs';
import { hotlineJobs } from '../hotline/hotline.jobs';
import { supervisionJobs } from '../supervision/supervision.jobs';
import type { Job } from './job';

/** Every periodic job of the server. One line per job. */
export const jobList: Job[] = [
  ...caseJobs,
  ...supervisionJobs,
  ...appointmentJobs,
  ...evaluationJobs,
  ...hotlineJobs,
  hallCloseDayJob,
];

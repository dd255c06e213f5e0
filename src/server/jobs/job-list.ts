import { caseJobs } from '../cases/cases.jobs';
import type { Job } from './jobs';

/** Every periodic job of the server. One line per job. */
export const jobList: Job[] = [...caseJobs];

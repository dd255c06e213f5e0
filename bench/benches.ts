import { catalogBench } from './catalog.bench';
import { runClockBench } from './clock.bench';
import { startupBench } from './startup.bench';
import { supervisionBench } from './supervision.bench';
import { casesBench } from './cases.bench';
import { appointmentsBench } from './appointments.bench';
import { hallBench } from './hall.bench';
import { evaluationBench } from './evaluation.bench';

/** Every benchmark by name. One line per benchmark. */
export const benches: Record<string, () => Promise<string>> = {
  startup: startupBench,
  clock: runClockBench,
  catalog: catalogBench,
  cases: casesBench,
  appointments: appointmentsBench,
  supervision: supervisionBench,
  hall: hallBench,
  evaluation: evaluationBench,
};

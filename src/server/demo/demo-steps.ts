import type { DemoStep } from './demo-context';
import { evaluationDemoStep } from '../evaluation/evaluation.demo';
import { catalogDemoStep } from '../catalog/catalog.demo';
import { calendarDemoStep } from '../calendar/calendar.demo';
import { hallDemoStep } from '../hall/hall.demo';
import { appointmentsDemoStep } from '../appointments/appointments.demo';
import { supervisionDemoStep, supervisionOrdersDemoStep } from '../supervision/supervision.demo';
import { casesDemoStep } from '../cases/cases.demo';

export type { DemoStep };

/** Demo data of each feature, loaded after the organisation, in this order. One line per feature. */
export const demoSteps: DemoStep[] = [
  calendarDemoStep,
  catalogDemoStep,
  hallDemoStep,
  appointmentsDemoStep,
  supervisionDemoStep,
  casesDemoStep,
  supervisionOrdersDemoStep,
  evaluationDemoStep,
];

import type { FastifyInstance } from 'fastify';
import { appointmentsRoutes } from './appointments/appointments.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { casesRoutes } from './cases/cases.routes';
import { catalogRoutes } from './catalog/catalog.routes';
import { clockRoutes } from './clock/clock.routes';
import { complaintsRoutes } from './complaints/complaints.routes';
import { evaluationRoutes } from './evaluation/evaluation.feature';
import { hallRoutes } from './hall/hall.routes';
import { hotlineRoutes } from './hotline/hotline.routes';
import { orgRoutes } from './org/org.routes';
import { scheduleRoutes } from './schedule/schedule.routes';
import { supervisionRoutes } from './supervision/supervision.routes';

/** Every feature's routes, registered in this order. One line per feature. */
export const featureRoutes: ((app: FastifyInstance) => Promise<void>)[] = [
  authRoutes,
  clockRoutes,
  auditRoutes,
  orgRoutes,
  calendarRoutes,
  catalogRoutes,
  casesRoutes,
  hallRoutes,
  scheduleRoutes,
  appointmentsRoutes,
  supervisionRoutes,
  evaluationRoutes,
  complaintsRoutes,
  hotlineRoutes,
];

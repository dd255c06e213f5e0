import type { FastifyInstance } from 'fastify';
import { evaluationPublicRoutes } from './evaluation.public.routes';
import { evaluationStaffRoutes } from './evaluation.routes';
import { evaluationStatsRoutes } from './evaluation.stats.routes';

/** Every route of evaluation (好差评): one line in src/server/routes.ts. */
export async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  await evaluationPublicRoutes(app);
  await evaluationStaffRoutes(app);
  await evaluationStatsRoutes(app);
}

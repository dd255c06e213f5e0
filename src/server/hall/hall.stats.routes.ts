import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../shared/contracts/common';
import { HallStats, HallStatsQuery } from '../../shared/contracts/hall-stats';
import { requireStaff } from '../http/actor';
import { hallStats } from './hall.stats.service';
import { hallStatsWorkbook } from './hall.xlsx';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const STATS_ROLES = ['admin', 'supervisor', 'leader'] as const;

/** Hall statistics and their Excel export (center administrators, supervisors, leaders). */
export async function hallStatsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hall'];
  r.get(
    '/api/hall/stats',
    { schema: { tags, querystring: HallStatsQuery, response: { 200: HallStats, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, ...STATS_ROLES);
      return hallStats(app.db, { ...req.query, scopePath: actor.centerPath });
    },
  );
  r.get(
    '/api/hall/stats.xlsx',
    {
      schema: {
        tags,
        querystring: HallStatsQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const actor = requireStaff(req, ...STATS_ROLES);
      const stats = await hallStats(app.db, { ...req.query, scopePath: actor.centerPath });
      const file = `大厅统计-${stats.from}-${stats.to}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`)
        .send(await hallStatsWorkbook(stats));
    },
  );
}

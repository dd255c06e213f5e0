import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../shared/contracts/common';
import {
  ExchangeExport,
  ExportQuery,
  RankingQuery,
  RankingView,
  StatsQuery,
  StatsView,
  TrendQuery,
  TrendView,
} from '../../shared/contracts/evaluation';
import { monthOf } from '../../domain/evaluation';
import { requireStaff } from '../http/actor';
import { exchangeExport, ranking, resolveScope, statsByDim, trend } from './stats.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Satisfaction views: rates by dimension, the monthly 群众满意窗口 ranking, trends, the exchange export. */
export async function evaluationStatsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];
  const scopeOf = async (req: Parameters<typeof requireStaff>[0], centerId: string | undefined) => {
    const actor = requireStaff(req);
    return resolveScope(app.db, actor.centerPath, centerId ?? actor.centerId);
  };

  r.get(
    '/api/evaluation/stats',
    {
      schema: {
        tags,
        querystring: StatsQuery,
        description:
          '满意率 by window, officer, department, item or channel for one month, read from the rollups.',
        response: { 200: StatsView, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(req, req.query.centerId);
      const month = req.query.month ?? monthOf(app.clock.now());
      const view = await statsByDim(app.db, scope, req.query.dim, month, req.query.limit);
      return { month, dim: req.query.dim, ...view };
    },
  );

  r.get(
    '/api/evaluation/ranking',
    { schema: { tags, querystring: RankingQuery, response: { 200: RankingView, ...errors } } },
    async (req) =>
      ranking(
        app.db,
        await scopeOf(req, req.query.centerId),
        req.query.month ?? monthOf(app.clock.now()),
        req.query.size,
      ),
  );

  r.get(
    '/api/evaluation/trend',
    { schema: { tags, querystring: TrendQuery, response: { 200: TrendView, ...errors } } },
    async (req) =>
      trend(
        app.db,
        await scopeOf(req, req.query.centerId),
        req.query.to ?? monthOf(app.clock.now()),
        req.query.months,
      ),
  );

  r.get(
    '/api/evaluation/export',
    {
      schema: {
        tags,
        querystring: ExportQuery,
        description:
          'Evaluations of a month with numeric codes for an exchange interface: gbt39046 (1 = 非常满意) or provincial (1 = 非常不满意).',
        response: { 200: ExchangeExport, ...errors },
      },
    },
    async (req) => {
      const actor = requireStaff(req, 'admin', 'supervisor', 'leader');
      const scope = await resolveScope(app.db, actor.centerPath, req.query.centerId ?? actor.centerId);
      return exchangeExport(app.db, scope, req.query.month, req.query.codeSystem);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BoardQuery,
  BoardView,
  GuideFacets,
  GuideFacetsQuery,
  GuideList,
  GuideListQuery,
  GuideParams,
  GuidePdfQuery,
  GuideView,
} from '../../shared/contracts/catalog-public';
import { ErrorBody } from '../../shared/contracts/common';
import { requestLang } from '../http/lang';
import * as list from './catalog.list.repository';
import { civilDay } from './catalog.service';
import { buildGuidePdf } from './guide.pdf';
import * as svc from './public.service';

const errors = { 400: ErrorBody, 404: ErrorBody };

/** Public guides (办事指南): no login, published versions in force only. */
export async function publicCatalogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const today = () => civilDay(app.clock.now());

  r.get(
    '/api/public/guides',
    { schema: { tags, querystring: GuideListQuery, response: { 200: GuideList, ...errors } } },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const res = await list.listGuides(app.db, {
        ...f,
        today: today(),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: res.rows.map(svc.presentGuideSummary), total: res.total };
    },
  );

  r.get(
    '/api/public/guides/facets',
    { schema: { tags, querystring: GuideFacetsQuery, response: { 200: GuideFacets, ...errors } } },
    async (req) => svc.facets(app.db, today(), req.query.centerId),
  );

  r.get(
    '/api/public/guides/:itemId',
    { schema: { tags, params: GuideParams, response: { 200: GuideView, ...errors } } },
    async (req) => svc.getGuide(app.db, req.params.itemId, today()),
  );

  r.get(
    '/api/public/guides/:itemId/pdf',
    { schema: { tags, params: GuideParams, querystring: GuidePdfQuery, produces: ['application/pdf'] } },
    async (req, reply) => {
      const guide = await svc.getGuide(app.db, req.params.itemId, today());
      const lang = req.query.lang ?? requestLang(req);
      const url = `${req.protocol}://${req.host}/guides/${guide.itemId}`;
      const pdf = await buildGuidePdf(guide, { lang, url });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(`${guide.content.name}-办事指南.pdf`)}`,
        )
        .header('cache-control', 'no-cache')
        .send(pdf);
    },
  );

  r.get(
    '/api/public/board',
    { schema: { tags, querystring: BoardQuery, response: { 200: BoardView, ...errors } } },
    async (req) => svc.board(app.db, today(), req.query.centerId ?? (await svc.defaultCenter(app.db))),
  );
}

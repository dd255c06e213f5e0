import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CompressionQuery, CompressionReport } from '../../shared/contracts/catalog';
import {
  CampaignActionBody,
  CampaignCreate,
  CampaignSummary,
  CampaignView,
  PhaseActionBody,
  PhaseParams,
  PhaseStartResult,
} from '../../shared/contracts/catalog-campaigns';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { SkillsQuery } from '../../shared/contracts/catalog';
import { requireStaff } from '../http/actor';
import { requestLang } from '../http/lang';
import * as svc from './campaign.service';
import { compressionReport } from './compression.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** 事项清理 campaigns and the time-limit compression report. */
export async function campaignRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  const admin = (req: Parameters<typeof requireStaff>[0]) => ({
    actor: requireStaff(req, 'admin'),
    now: app.clock.now(),
  });

  r.get(
    '/api/catalog/campaigns',
    { schema: { tags, querystring: SkillsQuery, response: { 200: z.array(CampaignSummary), ...errors } } },
    async (req) => svc.listCampaigns(app.db, requireStaff(req), req.query.centerId),
  );
  r.post(
    '/api/catalog/campaigns',
    { schema: { tags, body: CampaignCreate, response: { 201: CampaignView, ...errors } } },
    async (req, reply) => {
      const c = admin(req);
      return reply.code(201).send(await app.db.transaction((tx) => svc.createCampaign(tx, c, req.body)));
    },
  );
  r.get(
    '/api/catalog/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: CampaignView, ...errors } } },
    async (req) => svc.getCampaign(app.db, requireStaff(req), req.params.id),
  );
  r.post(
    '/api/catalog/campaigns/:id/actions',
    {
      schema: {
        tags,
        params: IdParams,
        body: CampaignActionBody,
        response: { 200: CampaignView, ...errors },
      },
    },
    async (req) => {
      const c = admin(req);
      return app.db.transaction((tx) => svc.campaignAction(tx, c, req.params.id, req.body.action));
    },
  );
  r.post(
    '/api/catalog/campaigns/:id/phases/:phaseId/actions',
    {
      schema: {
        tags,
        params: PhaseParams,
        body: PhaseActionBody,
        response: { 200: PhaseStartResult, ...errors },
      },
    },
    async (req) => {
      const c = admin(req);
      return app.db.transaction((tx) =>
        svc.phaseAction(tx, c, req.params.id, req.params.phaseId, req.body.action),
      );
    },
  );

  r.get(
    '/api/catalog/reports/compression',
    { schema: { tags, querystring: CompressionQuery, response: { 200: CompressionReport, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return compressionReport(app.db, actor, {
        centerId: req.query.centerId ?? actor.centerId,
        from: req.query.from,
        to: req.query.to,
        lang: requestLang(req),
      });
    },
  );
}

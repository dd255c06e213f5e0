import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import {
  BulkConfirmBody,
  BulkCreate,
  BulkDetailView,
  BulkProposalsView,
  BulkReceiveBody,
  BulkReceiveView,
  BulkView,
  RosterReport,
} from '../../shared/contracts/appointments';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { CenterQuery } from '../../shared/contracts/schedule';
import { errorMessage } from '../../shared/errors';
import { findRootCenterId } from '../calendar/calendar.repository';
import { maybeOne, type Queryable } from '../db/db';
import { hasRole, requireActor, requireStaff, type Actor } from '../http/actor';
import { requestLang } from '../http/lang';
import { requireCenter } from '../org/org.service';
import { presentBulk, presentBulkDetail } from './bulk.presenter';
import * as repo from './bulk.repository';
import { rosterTemplate } from './bulk.roster';
import * as svc from './bulk.service';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
};
const ROSTER_LIMIT_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 批量办证: staff (and an enterprise's portal account, for its own requests) create a request and
 * upload the roster; staff see proposals, confirm a plan and receive on the day.
 */
export async function bulkRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ROSTER_LIMIT_BYTES, files: 1, fields: 5 } });
    routes(scope);
  });
}

/** The enterprise's credit code of an applicant account, or null for a person. */
const creditCodeOf = async (app: FastifyInstance, actor: Actor) =>
  actor.applicantId
    ? ((
        await maybeOne<{ id_number: string }>(
          app.db,
          "SELECT id_number FROM applicants WHERE id = $1 AND kind = 'enterprise' AND id_type = 'credit_code'",
          [actor.applicantId],
        )
      )?.id_number ?? null)
    : null;

function routes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['appointments'];

  /** A request the actor may see: staff within their scope, an enterprise its own. */
  const visible = async (req: FastifyRequest, id: string, lock = false, q: Queryable = app.db) => {
    const actor = requireActor(req);
    const scope = actor.centerPath
      ? { path: actor.centerPath }
      : { creditCode: (await creditCodeOf(app, actor)) ?? '-' };
    const b = await repo.findBulk(q, id, scope, lock);
    if (!b) throw new AppError('NOT_FOUND', { entity: 'bulk_request' });
    return { actor, b };
  };

  r.get('/api/appointments/bulk/template', { schema: { tags, produces: [XLSX] } }, async (req, reply) => {
    requireActor(req);
    return reply
      .type(XLSX)
      .header('content-disposition', 'attachment; filename="bulk-roster-template.xlsx"')
      .send(await rosterTemplate());
  });

  r.post(
    '/api/appointments/bulk',
    { schema: { tags, body: BulkCreate, response: { 201: BulkView, ...errors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      let centerId: string;
      if (actor.centerPath) {
        if (!hasRole(actor, 'admin', 'officer')) throw new AppError('FORBIDDEN');
        centerId = (
          await requireCenter(
            app.db,
            { ...actor, centerPath: actor.centerPath },
            req.body.centerId ?? actor.centerId!,
          )
        ).id;
      } else {
        const own = await creditCodeOf(app, actor);
        if (!own || own !== req.body.creditCode) throw new AppError('FORBIDDEN');
        const root = req.body.centerId ?? (await findRootCenterId(app.db));
        if (!root) throw new AppError('NOT_FOUND', { entity: 'center' });
        centerId = root;
      }
      const now = app.clock.now();
      const b = await app.db.transaction(async (tx) => {
        const id = await svc.createBulk(tx, { actor, now }, centerId, req.body);
        return (await repo.findBulk(tx, id, {}))!;
      });
      return reply.code(201).send(presentBulk(b));
    },
  );

  r.get(
    '/api/appointments/bulk',
    { schema: { tags, querystring: CenterQuery, response: { 200: z.array(BulkView), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      if (actor.centerPath) {
        const centerId = (
          await requireCenter(
            app.db,
            { ...actor, centerPath: actor.centerPath },
            req.query.centerId ?? actor.centerId!,
          )
        ).id;
        return (await repo.listBulk(app.db, { centerId })).map(presentBulk);
      }
      const own = await creditCodeOf(app, actor);
      return own ? (await repo.listBulk(app.db, { creditCode: own })).map(presentBulk) : [];
    },
  );

  r.get(
    '/api/appointments/bulk/:id',
    { schema: { tags, params: IdParams, response: { 200: BulkDetailView, ...errors } } },
    async (req) => {
      const { b } = await visible(req, req.params.id);
      return presentBulkDetail(b, await repo.listRoster(app.db, b.id));
    },
  );

  r.get(
    '/api/appointments/bulk/:id/proposals',
    { schema: { tags, params: IdParams, response: { 200: BulkProposalsView, ...errors } } },
    async (req) => {
      requireStaff(req);
      const { b } = await visible(req, req.params.id);
      return svc.bulkProposals(app.db, b, app.clock.now());
    },
  );

  r.post(
    '/api/appointments/bulk/:id/confirm',
    { schema: { tags, params: IdParams, body: BulkConfirmBody, response: { 200: BulkView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'admin', 'officer');
      const now = app.clock.now();
      return presentBulk(
        await app.db.transaction(async (tx) => {
          const { b } = await visible(req, req.params.id, true, tx);
          await svc.confirmBulk(tx, { actor, now }, b, req.body);
          return (await repo.findBulk(tx, b.id, {}))!;
        }),
      );
    },
  );

  r.post(
    '/api/appointments/bulk/:id/cancel',
    { schema: { tags, params: IdParams, response: { 200: BulkView, ...errors } } },
    async (req) => {
      const now = app.clock.now();
      return presentBulk(
        await app.db.transaction(async (tx) => {
          const { b } = await visible(req, req.params.id, true, tx);
          await svc.cancelBulk(tx, b, now);
          return (await repo.findBulk(tx, b.id, {}))!;
        }),
      );
    },
  );

  r.post(
    '/api/appointments/bulk/:id/roster',
    {
      schema: {
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { ...errors, 200: RosterReport, 422: ErrorBody.extend({ report: RosterReport }) },
      },
    },
    async (req, reply) => {
      const file = await uploadedFile(req);
      const lang = requestLang(req);
      const now = app.clock.now();
      const report = await app.db.transaction(async (tx) => {
        const { b } = await visible(req, req.params.id, true, tx);
        return svc.uploadRoster(tx, b, file, now, lang);
      });
      if (report.rejected.length > 0) {
        const rows = new Set(report.rejected.map((i) => i.row)).size;
        return reply.code(422).send({
          error: {
            code: 'BULK_ROSTER_REJECTED',
            message: errorMessage('BULK_ROSTER_REJECTED', { count: rows }, lang),
          },
          report,
        });
      }
      return report;
    },
  );

  r.post(
    '/api/appointments/bulk/:id/receive',
    {
      schema: {
        tags,
        params: IdParams,
        body: BulkReceiveBody,
        response: { 200: BulkReceiveView, ...errors },
      },
    },
    async (req) => {
      const actor = requireStaff(req, 'admin', 'officer');
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        const { b } = await visible(req, req.params.id, true, tx);
        return svc.receiveBulkDay(tx, { actor, now }, b, req.body.date);
      });
    },
  );
}

async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  let part;
  try {
    part = await req.file({ limits: { fileSize: ROSTER_LIMIT_BYTES, files: 1 } });
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError('BULK_ROSTER_NO_FILE');
    throw e;
  }
  if (!part) throw new AppError('BULK_ROSTER_NO_FILE');
  try {
    return await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', { limit: '5 MB' });
    throw e;
  }
}

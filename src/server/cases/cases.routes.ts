import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import {
  BundleCreate,
  BundleCreated,
  CaseActionBody,
  CaseClockView,
  CaseCreate,
  CaseCreated,
  CaseDetail,
  CaseDocumentView,
  CaseList,
  CaseListQuery,
  Inbox,
  ProgressParams,
  ProgressQuery,
  ProgressView,
  TransferList,
  TransferQuery,
} from '../../shared/contracts/cases';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { requireActor, requireStaff } from '../http/actor';
import * as action from './action.service';
import { receiveBundle } from './bundle.service';
import { findVisibleCase } from './cases.list.repository';
import * as parts from './cases.parts.repository';
import { documentPdf, renderTransferList } from './cases.pdf';
import { caseScope } from './cases.policy';
import { iso, presentDocument, presentDocumentRow } from './cases.presenter';
import type { CaseRow } from './cases.repository';
import { caseProgress } from './progress.service';
import * as read from './read.service';
import { receiveCase } from './receive.service';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const receivers = ['officer', 'chief_rep', 'village_acceptor', 'proxy_agent'] as const;
const DocParams = z.object({ id: z.uuid(), docId: z.uuid() });
/** Enumerating case numbers is what the limit is against: a person checks a few cases, not hundreds. */
const progressRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

const created = (row: CaseRow, documents: Parameters<typeof presentDocument>[0][]): CaseCreated => ({
  id: row.id,
  number: row.number,
  status: row.status as CaseCreated['status'],
  outcome: row.outcome as CaseCreated['outcome'],
  kind: row.kind,
  dueAt: iso(row.due_at),
  documents: documents.map(presentDocument),
});

const pdfName = (name: string) => `inline; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Cases (办件): thin routes — who may call, the zod contract, one transaction around one service
 * call, and a presenter. Every POST takes an Idempotency-Key (src/server/http/idempotency.ts).
 */
export async function casesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  r.post(
    '/api/cases',
    { schema: { tags, body: CaseCreate, response: { 201: CaseCreated, ...errors } } },
    async (req, reply) => {
      const ctx = { actor: requireStaff(req, ...receivers), now: app.clock.now() };
      const res = await receiveCase(app.db, ctx, req.body);
      return reply.code(201).send(created(res.row, res.documents));
    },
  );

  r.post(
    '/api/cases/bundles',
    { schema: { tags, body: BundleCreate, response: { 201: BundleCreated, ...errors } } },
    async (req, reply) => {
      const ctx = { actor: requireStaff(req, ...receivers), now: app.clock.now() };
      const rows = await app.db.transaction((tx) => receiveBundle(tx, ctx, req.body));
      return reply
        .code(201)
        .send({ bundleId: rows[0]!.bundle_id!, cases: rows.map((row) => created(row, [])) });
    },
  );

  r.get(
    '/api/cases',
    { schema: { tags, querystring: CaseListQuery, response: { 200: CaseList, ...errors } } },
    async (req) => read.listCases(app.db, requireActor(req), req.query, app.clock.now()),
  );

  r.get('/api/cases/inbox', { schema: { tags, response: { 200: Inbox, ...errors } } }, async (req) =>
    read.inbox(app.db, requireStaff(req), app.clock.now()),
  );

  r.get(
    '/api/cases/transfers',
    { schema: { tags, querystring: TransferQuery, response: { 200: TransferList, ...errors } } },
    async (req) =>
      read.transferList(app.db, requireStaff(req), req.query.date, req.query.windowId, app.clock.now()),
  );

  r.get(
    '/api/cases/transfers/pdf',
    { schema: { tags, querystring: TransferQuery, produces: ['application/pdf'] } },
    async (req, reply) => {
      const t = await read.transferList(
        app.db,
        requireStaff(req),
        req.query.date,
        req.query.windowId,
        app.clock.now(),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', pdfName(`转办明细表-${t.date}.pdf`))
        .send(await renderTransferList(t));
    },
  );

  r.get(
    '/api/cases/:id',
    { schema: { tags, params: IdParams, response: { 200: CaseDetail, ...errors } } },
    async (req) => read.getCaseDetail(app.db, requireActor(req), req.params.id, app.clock.now()),
  );

  r.get(
    '/api/cases/:id/clock',
    { schema: { tags, params: IdParams, response: { 200: CaseClockView.nullable(), ...errors } } },
    async (req) =>
      (await read.getCaseDetail(app.db, requireActor(req), req.params.id, app.clock.now())).clock,
  );

  r.get(
    '/api/cases/:id/allowed-actions',
    { schema: { tags, params: IdParams, response: { 200: z.array(z.string()), ...errors } } },
    async (req) =>
      (await read.getCaseDetail(app.db, requireActor(req), req.params.id, app.clock.now())).allowedActions,
  );

  r.post(
    '/api/cases/:id/actions',
    { schema: { tags, params: IdParams, body: CaseActionBody, response: { 200: CaseDetail, ...errors } } },
    async (req) => {
      const ctx = { actor: requireActor(req), now: app.clock.now() };
      await app.db.transaction((tx) => action.performAction(tx, ctx, req.params.id, req.body));
      return read.getCaseDetail(app.db, ctx.actor, req.params.id, ctx.now);
    },
  );

  r.get(
    '/api/cases/:id/documents',
    { schema: { tags, params: IdParams, response: { 200: z.array(CaseDocumentView), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      if (!(await findVisibleCase(app.db, caseScope(actor), req.params.id)))
        throw new AppError('NOT_FOUND', { entity: 'case' });
      return (await parts.listDocuments(app.db, req.params.id)).map(presentDocumentRow);
    },
  );

  r.get(
    '/api/cases/:id/documents/:docId/pdf',
    { schema: { tags, params: DocParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!(await findVisibleCase(app.db, caseScope(actor), req.params.id)))
        throw new AppError('NOT_FOUND', { entity: 'case' });
      const doc = await parts.findDocument(app.db, req.params.id, req.params.docId);
      if (!doc) throw new AppError('NOT_FOUND', { entity: 'document' });
      const pdf = await documentPdf(app.db, doc, origin(req));
      return reply
        .type('application/pdf')
        .header('content-disposition', pdfName(`${doc.number}.pdf`))
        .send(pdf);
    },
  );

  r.get(
    '/api/public/cases/:number',
    {
      config: progressRateLimit,
      schema: {
        tags: ['public'],
        params: ProgressParams,
        querystring: ProgressQuery,
        response: { 200: ProgressView, ...errors, 429: ErrorBody },
      },
    },
    async (req) => caseProgress(app.db, req.params.number, req.query.phone, app.clock.now()),
  );
}

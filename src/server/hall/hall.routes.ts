import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams, Ok } from '../../shared/contracts/common';
import {
  CallNumber,
  CancelRequest,
  CategoryCreate,
  CategoryUpdate,
  CategoryView,
  GuideTicketRequest,
  HallCreate,
  HallQuery,
  HallUpdate,
  HallView,
  LinkCaseRequest,
  OfficerPanelView,
  PauseRequest,
  PriorityRequest,
  TicketDetail,
  TicketIssued,
  TicketListQuery,
  TicketView,
  TransferRequest,
} from '../../shared/contracts/hall';
import { requireStaff } from '../http/actor';
import { HallBroker } from './hall.broker';
import { requireHall, type HallCtx } from './hall.common';
import { withFeed } from './hall.feed';
import { presentHall } from './hall.presenter';
import { hallPublicRoutes, phonePath } from './hall.public.routes';
import * as repo from './hall.repository';
import * as settings from './hall.settings.service';
import { hallStatsRoutes } from './hall.stats.routes';
import * as views from './hall.views';
import { actOnTicket, findCaseForLink, linkTicketToCase, type TicketCommand } from './ticket-actions.service';
import { issueTicketWithPosition } from './tickets.service';
import * as windows from './window.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Who works the queue: window officers (and chief representatives sitting at a window), guides, admins. */
const QUEUE_ROLES = ['officer', 'chief_rep', 'admin'] as const;

/** The hall queue: settings (admin), the guide desk, the window officer's panel; public screens and SSE. */
export async function hallRoutes(app: FastifyInstance): Promise<void> {
  const broker = new HallBroker(app.db, app.log);
  app.addHook('preClose', async () => {
    await broker.close();
  });
  await app.register(async (pub) => hallPublicRoutes(pub, broker));
  await app.register(hallStatsRoutes);

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hall'];
  const staffCtx = (
    req: Parameters<typeof requireStaff>[0],
    ...roles: Parameters<typeof requireStaff>[1][]
  ) => ({
    actor: requireStaff(req, ...roles),
    now: app.clock.now(),
  });

  // ---- settings --------------------------------------------------------------------------------
  r.get(
    '/api/hall/halls',
    { schema: { tags, querystring: HallQuery, response: { 200: z.array(HallView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return (await repo.listHalls(app.db, actor.centerPath, req.query.centerId)).map(presentHall);
    },
  );
  r.post(
    '/api/hall/halls',
    { schema: { tags, body: HallCreate, response: { 201: HallView, ...errors } } },
    async (req, reply) => {
      const ctx = staffCtx(req, 'admin');
      const row = await app.db.transaction((tx) => settings.createHall(tx, ctx, req.body));
      return reply.code(201).send(presentHall(row));
    },
  );
  r.patch(
    '/api/hall/halls/:id',
    { schema: { tags, params: IdParams, body: HallUpdate, response: { 200: HallView, ...errors } } },
    async (req) => {
      const ctx = staffCtx(req, 'admin');
      return presentHall(
        await withFeed(app.db, (tx, outbox) => settings.updateHall(tx, outbox, ctx, req.params.id, req.body)),
      );
    },
  );
  r.get(
    '/api/hall/halls/:id/categories',
    { schema: { tags, params: IdParams, response: { 200: z.array(CategoryView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const hall = await requireHall(app.db, req.params.id, actor.centerPath);
      return settings.categoryViews(app.db, hall, app.clock.now());
    },
  );
  r.post(
    '/api/hall/categories',
    { schema: { tags, body: CategoryCreate, response: { 201: Ok, ...errors } } },
    async (req, reply) => {
      const ctx = staffCtx(req, 'admin');
      await app.db.transaction((tx) => settings.createCategory(tx, ctx, req.body));
      return reply.code(201).send({ ok: true as const });
    },
  );
  r.patch(
    '/api/hall/categories/:id',
    { schema: { tags, params: IdParams, body: CategoryUpdate, response: { 200: Ok, ...errors } } },
    async (req) => {
      const ctx = staffCtx(req, 'admin');
      await app.db.transaction((tx) => settings.updateCategory(tx, ctx, req.params.id, req.body));
      return { ok: true as const };
    },
  );

  // ---- guide desk: tickets with a verified priority, triage ---------------------------
  r.post(
    '/api/hall/tickets',
    { schema: { tags, body: GuideTicketRequest, response: { 201: TicketIssued, ...errors } } },
    async (req, reply) => {
      const ctx: HallCtx = staffCtx(req, ...QUEUE_ROLES);
      const { id, position } = await withFeed(app.db, async (tx, outbox) =>
        issueTicketWithPosition(tx, outbox, ctx, {
          hall: await requireHall(tx, req.body.hallId, ctx.actor!.centerPath),
          categoryId: req.body.categoryId,
          itemId: req.body.itemId,
          channel: 'guide',
          priority: req.body.priority,
        }),
      );
      return reply
        .code(201)
        .send({ ticket: await views.issuedTicket(app.db, id, ctx.now, position), phonePath: phonePath(id) });
    },
  );
  r.get(
    '/api/hall/tickets',
    { schema: { tags, querystring: TicketListQuery, response: { 200: z.array(TicketView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return views.ticketList(app.db, { ...req.query, scopePath: actor.centerPath }, app.clock.now());
    },
  );
  r.get(
    '/api/hall/tickets/:id',
    { schema: { tags, params: IdParams, response: { 200: TicketDetail, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return views.ticketDetail(app.db, req.params.id, actor.centerPath, app.clock.now());
    },
  );
  // ---- ticket actions ----------------------------------------------------------------------------
  const act = (path: string, body: z.ZodType | null, toCommand: (b: never) => TicketCommand) =>
    r.post(
      `/api/hall/tickets/:id/${path}`,
      {
        schema: {
          tags,
          params: IdParams,
          ...(body ? { body } : {}),
          response: { 200: TicketDetail, ...errors },
        },
      },
      async (req) => {
        const ctx = staffCtx(req, ...QUEUE_ROLES);
        await withFeed(app.db, (tx, outbox) =>
          actOnTicket(tx, outbox, ctx, req.params.id, toCommand(req.body as never)),
        );
        return views.ticketDetail(app.db, req.params.id, ctx.actor.centerPath, ctx.now);
      },
    );
  act('recall', null, () => ({ type: 'recall' }));
  act('start', null, () => ({ type: 'start' }));
  act('finish', null, () => ({ type: 'finish' }));
  act('no-show', null, () => ({ type: 'no_show' }));
  act('requeue', null, () => ({ type: 'requeue' }));
  act('transfer', TransferRequest, (b: z.infer<typeof TransferRequest>) => ({ type: 'transfer', ...b }));
  act('cancel', CancelRequest, (b: z.infer<typeof CancelRequest>) => ({ type: 'cancel', reason: b.reason }));
  act('priority', PriorityRequest, (b: z.infer<typeof PriorityRequest>) => ({
    type: 'verify_priority',
    priority: b.priority,
  }));

  r.post(
    '/api/hall/tickets/:id/link-case',
    { schema: { tags, params: IdParams, body: LinkCaseRequest, response: { 200: TicketDetail, ...errors } } },
    async (req) => {
      const ctx = staffCtx(req, ...QUEUE_ROLES);
      await app.db.transaction(async (tx) => {
        const t = await views.ticketDetail(tx, req.params.id, ctx.actor.centerPath, ctx.now);
        const c = await findCaseForLink(tx, req.body, ctx.actor.centerPath);
        if (!c) throw new AppError('NOT_FOUND', { entity: 'case' });
        await linkTicketToCase(tx, {
          ticketId: t.id,
          caseId: c.id,
          acceptedAt: c.acceptedAt,
          actorName: ctx.actor.displayName,
          staffId: ctx.actor.staffId,
          now: ctx.now,
        });
      });
      return views.ticketDetail(app.db, req.params.id, ctx.actor.centerPath, ctx.now);
    },
  );

  // ---- windows: duty and calling -----------------------------------------------------------------
  r.get(
    '/api/hall/windows/:id/panel',
    { schema: { tags, params: IdParams, response: { 200: OfficerPanelView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return views.officerPanel(
        app.db,
        { now: app.clock.now(), staffId: actor.staffId, scopePath: actor.centerPath },
        req.params.id,
      );
    },
  );
  const windowOp = (
    path: string,
    body: z.ZodType | null,
    run: (
      w: typeof windows,
      tx: Parameters<typeof windows.openWindow>[0],
      outbox: Parameters<typeof windows.openWindow>[1],
      ctx: Parameters<typeof windows.openWindow>[2],
      id: string,
      b: never,
    ) => Promise<unknown>,
  ) =>
    r.post(
      `/api/hall/windows/:id/${path}`,
      {
        schema: {
          tags,
          params: IdParams,
          ...(body ? { body } : {}),
          response: { 200: OfficerPanelView, ...errors },
        },
      },
      async (req) => {
        const ctx = staffCtx(req, ...QUEUE_ROLES);
        await withFeed(app.db, (tx, outbox) =>
          run(windows, tx, outbox, ctx, req.params.id, req.body as never),
        );
        return views.officerPanel(
          app.db,
          { now: ctx.now, staffId: ctx.actor.staffId, scopePath: ctx.actor.centerPath },
          req.params.id,
        );
      },
    );
  windowOp('open', null, (w, tx, o, ctx, id) => w.openWindow(tx, o, ctx, id));
  windowOp('pause', PauseRequest, (w, tx, o, ctx, id, b: z.infer<typeof PauseRequest>) =>
    w.pauseWindow(tx, o, ctx, id, b.reason),
  );
  windowOp('resume', null, (w, tx, o, ctx, id) => w.resumeWindow(tx, o, ctx, id));
  windowOp('close', null, (w, tx, o, ctx, id) => w.closeWindow(tx, o, ctx, id));
  windowOp('call-next', null, (w, tx, o, ctx, id) => w.callNext(tx, o, ctx, id));
  windowOp('call', CallNumber, (w, tx, o, ctx, id, b: z.infer<typeof CallNumber>) =>
    w.callNumber(tx, o, ctx, id, b.number),
  );
}

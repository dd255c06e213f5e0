import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import {
  OrderCreate,
  OrderQuery,
  OrderRespond,
  OrderVerdict,
  OrderView,
} from '../../shared/contracts/supervision';
import type { Queryable } from '../db/db';
import { hasRole, requireStaff, type Actor } from '../http/actor';
import { ordersWithEvents } from './desk.service';
import * as repo from './orders.repository';
import * as svc from './orders.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const statusesOf = {
  open: ['open'],
  responded: ['responded'],
  closed: ['closed'],
  active: ['open', 'responded'],
  all: ['open', 'responded', 'closed'],
};

/** Supervisors and leaders see every order in scope; department staff see those addressed to their department. */
const canSeeAll = (a: Actor) => hasRole(a, 'supervisor', 'leader', 'admin');

/** 催办 / 督办单: supervisors issue and judge, departments answer. */
export async function orderRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];

  const one = async (q: Queryable, actor: Actor & { centerPath: string }, id: string) => {
    const o = await repo.findOrder(q, actor.centerPath, id);
    if (!o || (!canSeeAll(actor) && o.department_id !== actor.departmentId))
      throw new AppError('NOT_FOUND', { entity: 'order' });
    return (await ordersWithEvents(q, [o], app.clock.now()))[0]!;
  };

  r.get(
    '/api/supervision/orders',
    { schema: { tags, querystring: OrderQuery, response: { 200: z.array(OrderView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const mine = req.query.mine || !canSeeAll(actor);
      if (mine && !actor.departmentId) return [];
      const rows = await repo.listOrders(app.db, {
        scopePath: actor.centerPath,
        centerId: req.query.centerId,
        departmentId: mine ? actor.departmentId! : undefined,
        caseId: req.query.caseId,
        statuses: statusesOf[req.query.status],
      });
      return ordersWithEvents(app.db, rows, app.clock.now());
    },
  );
  r.get(
    '/api/supervision/orders/:id',
    { schema: { tags, params: IdParams, response: { 200: OrderView, ...errors } } },
    async (req) => one(app.db, requireStaff(req), req.params.id),
  );
  r.post(
    '/api/supervision/orders',
    { schema: { tags, body: OrderCreate, response: { 201: OrderView, ...errors } } },
    async (req, reply) => {
      const actor = requireStaff(req, 'supervisor');
      const now = app.clock.now();
      const view = await app.db.transaction(async (tx) => {
        const id = await svc.createOrder(tx, { actor, now }, req.body);
        return one(tx, actor, id);
      });
      return reply.code(201).send(view);
    },
  );
  r.post(
    '/api/supervision/orders/:id/respond',
    { schema: { tags, params: IdParams, body: OrderRespond, response: { 200: OrderView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'chief_rep', 'approver');
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        await svc.respondToOrder(tx, { actor, now }, req.params.id, req.body);
        return one(tx, actor, req.params.id);
      });
    },
  );
  r.post(
    '/api/supervision/orders/:id/verdict',
    { schema: { tags, params: IdParams, body: OrderVerdict, response: { 200: OrderView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'supervisor');
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        await svc.giveVerdict(tx, { actor, now }, req.params.id, req.body);
        return one(tx, actor, req.params.id);
      });
    },
  );
}

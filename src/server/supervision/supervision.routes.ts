import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams, Ok } from '../../shared/contracts/common';
import {
  AccountabilityQuery,
  AccountabilityView,
  CardClear,
  CardList,
  CardQuery,
  CardView,
  CaseHistoryView,
  CenterQuery,
  FiveDayWatchView,
  ItemRuleParams,
  ItemRuleUpdate,
  PauseWatchView,
  RuleCodeParams,
  RuleUpdate,
  RuleView,
  SummaryView,
  SweepRequest,
  SweepResult,
} from '../../shared/contracts/supervision';
import { recordAudit } from '../audit/audit.repository';
import { requireStaff } from '../http/actor';
import * as cards from './cards.repository';
import * as deskSvc from './desk.service';
import { supervisionWorkbook } from './export';
import { inboxRoutes } from './inbox.routes';
import { listOrders } from './orders.repository';
import { escalateOverdueOrders } from './orders.service';
import { orderRoutes } from './orders.routes';
import { deliverOutbox } from './outbox.service';
import * as rules from './rules.service';
import { presentCard } from './supervision.presenter';
import { sweep } from './sweep.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const READERS = ['supervisor', 'leader', 'admin'] as const;

/** E-supervision: rules, the sweep on demand, cards and the desk's read models, export, accountability. */
export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];

  r.get(
    '/api/supervision/rules',
    {
      schema: {
        tags,
        querystring: z.object({ centerId: z.uuid() }),
        response: { 200: z.array(RuleView), ...errors },
      },
    },
    async (req) => rules.listCenterRules(app.db, requireStaff(req, ...READERS), req.query.centerId),
  );
  r.put(
    '/api/supervision/rules/:code',
    { schema: { tags, params: RuleCodeParams, body: RuleUpdate, response: { 200: RuleView, ...errors } } },
    async (req) => {
      const ctx = { actor: requireStaff(req, 'supervisor'), now: app.clock.now() };
      return app.db.transaction((tx) => rules.updateCenterRule(tx, ctx, req.params.code, req.body));
    },
  );
  r.get(
    '/api/supervision/items/:id/rules',
    { schema: { tags, params: IdParams, response: { 200: z.array(RuleView), ...errors } } },
    async (req) => rules.listItemOverrides(app.db, requireStaff(req, ...READERS), req.params.id),
  );
  r.put(
    '/api/supervision/items/:itemId/rules/:code',
    {
      schema: { tags, params: ItemRuleParams, body: ItemRuleUpdate, response: { 200: RuleView, ...errors } },
    },
    async (req) => {
      const ctx = { actor: requireStaff(req, 'supervisor'), now: app.clock.now() };
      return app.db.transaction((tx) =>
        rules.updateItemRule(tx, ctx, req.params.itemId, req.params.code, req.body),
      );
    },
  );
  r.delete(
    '/api/supervision/items/:itemId/rules/:code',
    { schema: { tags, params: ItemRuleParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      const ctx = { actor: requireStaff(req, 'supervisor'), now: app.clock.now() };
      await app.db.transaction((tx) => rules.removeItemRule(tx, ctx, req.params.itemId, req.params.code));
      return { ok: true as const };
    },
  );

  // The sweep of one center (and the centers below it) now, with the escalation of its overdue
  // orders and the delivery of pending notices; the same work the jobs do on their ticks.
  r.post(
    '/api/supervision/sweep',
    { schema: { tags, body: SweepRequest, response: { 200: SweepResult, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'supervisor', 'admin');
      const center = await rules.requireCenterInScope(app.db, actor, req.body.centerId);
      const ids = (
        await app.db.query<{ id: string }>(`SELECT id FROM centers WHERE path LIKE $1 || '%'`, [center.path])
      ).map((c) => c.id);
      const started = performance.now();
      const now = app.clock.now();
      const s = await sweep(app.db, now, { centerIds: ids, budgetMs: 20_000 });
      const escalated = await escalateOverdueOrders(app.db, now, ids);
      const delivered = await deliverOutbox(app.db, now, req.log, 1000);
      return { ...s, escalated, delivered, durationMs: Math.round(performance.now() - started) };
    },
  );

  r.get(
    '/api/supervision/cards',
    { schema: { tags, querystring: CardQuery, response: { 200: CardList, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, ...READERS);
      const { page, pageSize, ...f } = req.query;
      const res = await cards.listCards(app.db, {
        ...f,
        scopePath: actor.centerPath,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: res.rows.map(presentCard), total: res.total };
    },
  );
  r.post(
    '/api/supervision/cards/:id/clear',
    { schema: { tags, params: IdParams, body: CardClear, response: { 200: CardView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'supervisor');
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        const before = await cards.findCard(tx, actor.centerPath, req.params.id);
        if (!before) throw new AppError('NOT_FOUND', { entity: 'card' });
        if (before.cleared_at)
          throw new AppError('SUPERVISION_CARD_CLEARED', { at: before.cleared_at.toISOString() });
        await cards.clearCardManually(tx, before.id, actor.displayName, req.body.note, now);
        const after = (await cards.findCard(tx, actor.centerPath, before.id))!;
        await recordAudit(tx, {
          centerId: before.center_id,
          actor: { userId: actor.userId, displayName: actor.displayName },
          action: 'clear',
          entity: 'supervision_card',
          entityId: before.id,
          before: { clearedAt: null },
          after: { clearedAt: now, note: req.body.note },
          at: now,
        });
        return presentCard(after);
      });
    },
  );

  r.get(
    '/api/supervision/summary',
    { schema: { tags, querystring: CenterQuery, response: { 200: SummaryView, ...errors } } },
    async (req) =>
      deskSvc.summary(app.db, requireStaff(req, ...READERS), req.query.centerId ?? null, app.clock.now()),
  );
  r.get(
    '/api/supervision/pauses',
    { schema: { tags, querystring: CenterQuery, response: { 200: z.array(PauseWatchView), ...errors } } },
    async (req) =>
      deskSvc.pauseWatch(app.db, requireStaff(req, ...READERS), req.query.centerId ?? null, app.clock.now()),
  );
  r.get(
    '/api/supervision/five-day',
    { schema: { tags, querystring: CenterQuery, response: { 200: z.array(FiveDayWatchView), ...errors } } },
    async (req) =>
      deskSvc.fiveDayWatch(
        app.db,
        requireStaff(req, ...READERS),
        req.query.centerId ?? null,
        app.clock.now(),
      ),
  );
  r.get(
    '/api/supervision/cases/:id',
    { schema: { tags, params: IdParams, response: { 200: CaseHistoryView, ...errors } } },
    async (req) => deskSvc.caseHistory(app.db, requireStaff(req, ...READERS), req.params.id, app.clock.now()),
  );
  r.get(
    '/api/supervision/accountability',
    { schema: { tags, querystring: AccountabilityQuery, response: { 200: AccountabilityView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, ...READERS);
      return deskSvc.accountabilityFeed(app.db, actor, req.query.centerId ?? actor.centerId, req.query.month);
    },
  );
  r.get(
    '/api/supervision/export.xlsx',
    { schema: { tags, querystring: CenterQuery.extend({ state: z.enum(['open', 'all']).default('open') }) } },
    async (req, reply) => {
      const actor = requireStaff(req, ...READERS);
      const now = app.clock.now();
      const centerId = req.query.centerId;
      const list = await cards.listCards(app.db, {
        scopePath: actor.centerPath,
        centerId,
        state: req.query.state,
        limit: 20_000,
        offset: 0,
      });
      const os = await listOrders(app.db, {
        scopePath: actor.centerPath,
        centerId,
        statuses: req.query.state === 'open' ? ['open', 'responded'] : ['open', 'responded', 'closed'],
      });
      const buf = await supervisionWorkbook(
        list.rows.map(presentCard),
        await deskSvc.ordersWithEvents(app.db, os, now),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="supervision-${now.toISOString().slice(0, 10)}.xlsx"`,
        )
        .send(buf);
    },
  );

  await orderRoutes(app);
  await inboxRoutes(app);
}

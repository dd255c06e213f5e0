import { randomBytes } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { levelFromCode, monthOf } from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import {
  ApiKeyCreate,
  ApiKeyView,
  HotlineAction,
  HotlineImportQuery,
  HotlineImportReport,
  HotlineInbound,
  HotlineInboundEvaluation,
  HotlineInboundResult,
  HotlineList,
  HotlineOrderView,
  HotlineQuery,
  HotlineStats,
  HotlineStatsQuery,
  ManualOrderCreate,
} from '../../shared/contracts/hotline';
import { monthRange, resolveScope } from '../evaluation/stats.service';
import { hasRole, requireStaff } from '../http/actor';
import { requestLang } from '../http/lang';
import { parseJson, parseXlsx } from './hotline.import';
import { presentOrder } from './hotline.presenter';
import * as repo from './hotline.repository';
import {
  availableHotlineActions,
  evaluateFromPlatform,
  hashKey,
  mayViewOrder,
  performHotlineAction,
  receiveOrder,
} from './hotline.service';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
};
const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
const KEY_HEADER = 'x-hotline-key';

/** The center the hotline platform's key belongs to (its requests carry no session). */
async function platformCenter(app: FastifyInstance, req: FastifyRequest): Promise<string> {
  const key = req.headers[KEY_HEADER];
  const k =
    typeof key === 'string' && key.length >= 16 ? await repo.findApiKey(app.db, hashKey(key)) : undefined;
  if (!k) throw new AppError('HOTLINE_API_KEY_INVALID');
  return k.center_id;
}

/** 12345 work orders: the platform's endpoint, import, manual entry, the flow, statistics, API keys. */
export async function hotlineRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hotline'];
  const platformDoc =
    `For the 12345 hotline platform. Authenticate with the header \`${KEY_HEADER}: <key>\` (an administrator ` +
    'creates keys under 12345 工单 → 接口密钥; only their SHA-256 is stored). ';

  r.post(
    '/api/hotline/inbound',
    {
      schema: {
        tags,
        summary: '12345 platform: push work orders',
        description:
          platformDoc +
          'Send one or more orders (受理 by the hotline). An order whose `number` is already known is left as it is and ' +
          'reported under `existing`, so a retry is safe. With `departmentCode` the order is dispatched (派单) to that unit at once.',
        headers: z.object({
          [KEY_HEADER]: z.string().optional().describe('The platform API key (required).'),
        }),
        body: HotlineInbound,
        response: { 200: HotlineInboundResult, ...errors },
      },
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    async (req) => {
      const centerId = await platformCenter(app, req);
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        let created = 0;
        const orders = [];
        for (const o of req.body.orders) {
          const res = await receiveOrder(tx, centerId, o, 'api', '12345平台', now);
          if (res.created) created++;
          const row = (await repo.findOrder(tx, null, res.id))!;
          orders.push({ number: row.number, id: row.id, status: row.status });
        }
        return { created, existing: req.body.orders.length - created, orders };
      });
    },
  );

  r.post(
    '/api/hotline/inbound/:number/evaluation',
    {
      schema: {
        tags,
        summary: '12345 platform: the caller’s satisfaction',
        description:
          platformDoc +
          'The result of the platform’s 回访/评价 of a concluded order, in the platform’s own code system: ' +
          '`gbt39046` (1 = 非常满意 … 5 = 非常不满意) or `provincial` (1 = 非常不满意 … 5 = 非常满意).',
        headers: z.object({ [KEY_HEADER]: z.string().optional() }),
        params: z.object({ number: z.string().min(1).max(50) }),
        body: HotlineInboundEvaluation,
        response: { 200: z.object({ status: z.string(), satisfaction: z.string() }), ...errors },
      },
    },
    async (req) => {
      const centerId = await platformCenter(app, req);
      const level = levelFromCode(req.body.satisfaction, req.body.codeSystem);
      const o = await app.db.transaction((tx) =>
        evaluateFromPlatform(tx, centerId, req.params.number, level, app.clock.now()),
      );
      return { status: o.status, satisfaction: level };
    },
  );

  r.post(
    '/api/hotline/import',
    {
      schema: {
        tags,
        querystring: HotlineImportQuery,
        consumes: ['multipart/form-data'],
        description:
          'Import work orders from the platform’s Excel export (first sheet, Chinese headers) or JSON { orders }.',
        response: { 200: HotlineImportReport, ...errors },
      },
    },
    async (req) => {
      const actor = requireStaff(req, 'supervisor', 'admin');
      const scope = await resolveScope(app.db, actor.centerPath, req.query.centerId ?? actor.centerId);
      let part;
      try {
        part = await req.file({ limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1 } });
      } catch {
        throw new AppError('HOTLINE_IMPORT_NO_FILE');
      }
      if (!part) throw new AppError('HOTLINE_IMPORT_NO_FILE');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('PAYLOAD_TOO_LARGE', { limit: '10 MB' });
        throw e;
      }
      const lang = requestLang(req);
      const json =
        req.query.format === 'json' ||
        (!req.query.format &&
          (/\.json$/i.test(part.filename) || bytes.toString('utf8', 0, 16).trimStart().startsWith('{')));
      const rows = json ? parseJson(bytes, lang) : await parseXlsx(bytes, lang);
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        let created = 0;
        let existing = 0;
        const rejected = rows.flatMap((x) => x.issues.map((i) => ({ row: x.row, ...i })));
        for (const x of rows) {
          if (!x.order) continue;
          try {
            const res = await receiveOrder(tx, scope.centerId, x.order, 'import', actor.displayName, now);
            if (res.created) created++;
            else existing++;
          } catch (e) {
            if (e instanceof AppError && e.fields) {
              for (const [field] of Object.entries(e.fields))
                rejected.push({ row: x.row, field, message: '承办单位编码不存在' });
              continue;
            }
            throw e;
          }
        }
        return { created, existing, rejected };
      });
    },
  );

  r.post(
    '/api/hotline/orders',
    { schema: { tags, body: ManualOrderCreate, response: { 201: HotlineOrderView, ...errors } } },
    async (req, reply) => {
      const actor = requireStaff(req, 'supervisor', 'admin');
      const scope = await resolveScope(app.db, actor.centerPath, req.body.centerId);
      const now = app.clock.now();
      const view = await app.db.transaction(async (tx) => {
        const res = await receiveOrder(tx, scope.centerId, req.body, 'manual', actor.displayName, now);
        if (!res.created)
          throw new AppError(
            'DUPLICATE',
            { field: '工单编号', value: req.body.number },
            { number: 'rule.unique' },
          );
        const o = (await repo.findOrder(tx, null, res.id))!;
        return presentOrder(o, now, await availableHotlineActions(tx, actor, o));
      });
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/api/hotline/orders',
    { schema: { tags, querystring: HotlineQuery, response: { 200: HotlineList, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const desk = hasRole(actor, 'supervisor', 'admin', 'leader');
      if (!desk && !actor.departmentId) return { items: [], total: 0 };
      const now = app.clock.now();
      const q = req.query;
      const { rows, total } = await repo.listOrders(app.db, {
        scopePath: actor.centerPath,
        centerId: q.centerId,
        status: q.status,
        overdueAt: q.overdue === 'true' ? now : undefined,
        departmentId: desk ? undefined : actor.departmentId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const items = [];
      for (const o of rows) items.push(presentOrder(o, now, await availableHotlineActions(app.db, actor, o)));
      return { items, total };
    },
  );

  r.get(
    '/api/hotline/orders/:id',
    { schema: { tags, params: IdParams, response: { 200: HotlineOrderView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const o = await repo.findOrder(app.db, actor.centerPath, req.params.id);
      if (!o || !(await mayViewOrder(app.db, actor, o))) throw new AppError('HOTLINE_NOT_YOUR_ORDER');
      return presentOrder(
        o,
        app.clock.now(),
        await availableHotlineActions(app.db, actor, o),
        await repo.listEvents(app.db, o.id),
      );
    },
  );

  r.post(
    '/api/hotline/orders/:id/actions',
    {
      schema: { tags, params: IdParams, body: HotlineAction, response: { 200: HotlineOrderView, ...errors } },
    },
    async (req) => {
      const actor = requireStaff(req);
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        await performHotlineAction(tx, { actor, now }, req.params.id, req.body);
        const o = (await repo.findOrder(tx, null, req.params.id))!;
        return presentOrder(
          o,
          now,
          await availableHotlineActions(tx, actor, o),
          await repo.listEvents(tx, o.id),
        );
      });
    },
  );

  r.get(
    '/api/hotline/stats',
    { schema: { tags, querystring: HotlineStatsQuery, response: { 200: HotlineStats, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const scope = await resolveScope(app.db, actor.centerPath, req.query.centerId ?? actor.centerId);
      const month = req.query.month ?? monthOf(app.clock.now());
      const { from, to } = monthRange(month);
      const rows = await repo.monthFigures(app.db, scope.path, from, to);
      const sum = (k: 'n' | 'replied' | 'on_time' | 'supervised' | 'returned') =>
        rows.reduce((s, x) => s + x[k], 0);
      return {
        month,
        received: sum('n'),
        byStatus: Object.fromEntries(rows.map((x) => [x.status, x.n])),
        replied: sum('replied'),
        repliedOnTime: sum('on_time'),
        supervised: sum('supervised'),
        returned: sum('returned'),
        onTimeRate: sum('replied') === 0 ? null : sum('on_time') / sum('replied'),
      };
    },
  );

  r.get(
    '/api/hotline/api-keys',
    { schema: { tags, response: { 200: z.array(ApiKeyView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'admin');
      return (await repo.listApiKeys(app.db, actor.centerPath)).map((k) => ({
        id: k.id,
        name: k.name,
        createdAt: k.created_at.toISOString(),
        revoked: k.revoked_at !== null,
      }));
    },
  );

  r.post(
    '/api/hotline/api-keys',
    {
      schema: {
        tags,
        body: ApiKeyCreate,
        description: 'Create a key for the hotline platform. The key is shown in this response only.',
        response: { 201: ApiKeyView, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireStaff(req, 'admin');
      const scope = await resolveScope(app.db, actor.centerPath, req.body.centerId);
      const key = `ow12345_${randomBytes(24).toString('base64url')}`;
      const now = app.clock.now();
      const id = await app.db.transaction((tx) =>
        repo.insertApiKey(tx, scope.centerId, req.body.name, hashKey(key), now),
      );
      return reply
        .code(201)
        .send({ id, name: req.body.name, createdAt: now.toISOString(), revoked: false, key });
    },
  );
}

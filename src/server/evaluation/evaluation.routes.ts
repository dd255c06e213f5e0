import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import {
  CaseInvitation,
  DeviceBind,
  DeviceBinding,
  EvaluationList,
  EvaluationQuery,
  EvaluationReceipt,
  Policies,
  RectificationAction,
  RectificationList,
  RectificationQuery,
  RectificationView,
  ReturnVisitList,
  ReturnVisitQuery,
  ReturnVisitRecord,
  SampleRequest,
  SettingsQuery,
  StaffEvaluationSubmit,
} from '../../shared/contracts/evaluation';
import { qrPng } from '../documents/qr';
import { requireActor, requireStaff, hasRole } from '../http/actor';
import { presentEvaluation, presentRectification, presentReturnVisit } from './evaluation.presenter';
import * as repo from './evaluation.repository';
import { evaluateOwnCase } from './evaluation.service';
import { invitationForCase } from './invitations.service';
import * as rectRepo from './rectification.repository';
import { mayView, performRectificationAction } from './rectification.service';
import * as visitRepo from './return-visits.repository';
import { drawSample, recordReturnVisit } from './return-visits.service';
import { loadPolicies, savePolicies } from './settings.service';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
/** Roles that follow up reviews (回访、核实、整改、督查). */
const FOLLOW_UP = ['supervisor', 'admin', 'leader', 'chief_rep', 'approver'] as const;

/** Staff and applicant routes of evaluation: lists, the 差评 loop, return visits, devices, settings. */
export async function evaluationStaffRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];
  const ctx = (req: Parameters<typeof requireStaff>[0], ...roles: Parameters<typeof requireStaff>[1][]) => ({
    actor: requireStaff(req, ...roles),
    now: app.clock.now(),
  });

  r.post(
    '/api/evaluation/cases/:id/evaluations',
    {
      schema: {
        tags,
        params: IdParams,
        body: StaffEvaluationSubmit,
        description: 'An applicant evaluates their own concluded case from the portal (一事一评).',
        response: { 201: EvaluationReceipt, ...errors },
      },
    },
    async (req, reply) => {
      const c = { actor: requireActor(req, 'applicant'), now: app.clock.now() };
      const res = await app.db.transaction((tx) => evaluateOwnCase(tx, c, req.params.id, req.body));
      return reply.code(201).send({
        id: res.evaluation.id,
        round: res.evaluation.round,
        level: res.evaluation.level,
        rectificationOpened: res.rectificationId !== null,
      });
    },
  );

  r.get(
    '/api/evaluation/cases/:id/invitation',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'The evaluation link of a concluded case, for the QR code on a notice or an SMS.',
        response: { 200: CaseInvitation, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) =>
        invitationForCase(tx, { caseId: req.params.id, scopePath: c.actor.centerPath, now: c.now }),
      );
    },
  );

  r.get(
    '/api/evaluation/cases/:id/invitation/qr',
    {
      schema: {
        tags,
        params: IdParams,
        produces: ['image/png'],
        description:
          'The evaluation link of a concluded case as a QR code (PNG), for a notice or the window.',
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const inv = await app.db.transaction((tx) =>
        invitationForCase(tx, { caseId: req.params.id, scopePath: c.actor.centerPath, now: c.now }),
      );
      const png = await qrPng(`${req.protocol}://${req.host}${inv.path}?c=qr`);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, max-age=3600')
        .send(png);
    },
  );

  r.get(
    '/api/evaluation/evaluations',
    { schema: { tags, querystring: EvaluationQuery, response: { 200: EvaluationList, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      // An officer sees their own evaluations only, and never who gave them.
      const own = !hasRole(actor, ...FOLLOW_UP);
      if (own && !actor.staffId) throw new AppError('FORBIDDEN');
      const q = req.query;
      const { rows, total } = await repo.listEvaluations(app.db, {
        scopePath: actor.centerPath,
        centerId: q.centerId,
        month: q.month,
        bad: q.bad === undefined ? undefined : q.bad === 'true',
        staffId: own ? actor.staffId! : q.staffId,
        windowId: q.windowId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: rows.map((e) => presentEvaluation(e, actor)), total };
    },
  );

  r.get(
    '/api/evaluation/rectifications',
    { schema: { tags, querystring: RectificationQuery, response: { 200: RectificationList, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const now = app.clock.now();
      const q = req.query;
      const own = !hasRole(actor, ...FOLLOW_UP);
      const deptOnly = !own && !hasRole(actor, 'supervisor', 'admin', 'leader') && actor.departmentId;
      const { rows, total } = await rectRepo.listRectifications(app.db, {
        scopePath: actor.centerPath,
        centerId: q.centerId,
        status: q.status,
        overdueAt: q.overdue === 'true' ? now : undefined,
        departmentId: deptOnly ? actor.departmentId : undefined,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const visible = rows.filter((x) => mayView(actor, x));
      return {
        items: visible.map((x) => presentRectification(x, actor, now)),
        total: own ? visible.length : total,
      };
    },
  );

  r.get(
    '/api/evaluation/rectifications/:id',
    { schema: { tags, params: IdParams, response: { 200: RectificationView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const row = await rectRepo.findRectification(app.db, actor.centerPath, req.params.id);
      if (!row || !mayView(actor, row)) throw new AppError('NOT_FOUND', { entity: 'rectification' });
      const events = await rectRepo.listRectificationEvents(app.db, row.id);
      return presentRectification(row, actor, app.clock.now(), events);
    },
  );

  r.post(
    '/api/evaluation/rectifications/:id/actions',
    {
      schema: {
        tags,
        params: IdParams,
        body: RectificationAction,
        response: { 200: RectificationView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction(async (tx) => {
        await performRectificationAction(tx, c, req.params.id, req.body);
        const row = (await rectRepo.findRectification(tx, c.actor.centerPath, req.params.id))!;
        return presentRectification(row, c.actor, c.now, await rectRepo.listRectificationEvents(tx, row.id));
      });
    },
  );

  r.get(
    '/api/evaluation/return-visits',
    { schema: { tags, querystring: ReturnVisitQuery, response: { 200: ReturnVisitList, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, ...FOLLOW_UP);
      const q = req.query;
      const { rows, total } = await visitRepo.listReturnVisits(app.db, {
        scopePath: actor.centerPath,
        centerId: q.centerId,
        status: q.status,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: rows.map(presentReturnVisit), total };
    },
  );

  r.post(
    '/api/evaluation/return-visits/sample',
    {
      schema: {
        tags,
        body: SampleRequest,
        description:
          'Draw the return-visit sample of a day: every 差评 plus the policy percentage of the rest.',
        response: { 200: z.object({ created: z.number().int() }), ...errors },
      },
    },
    async (req) => {
      const c = ctx(req, 'supervisor', 'admin');
      return {
        created: await app.db.transaction((tx) => drawSample(tx, c, req.body.centerId, req.body.day)),
      };
    },
  );

  r.post(
    '/api/evaluation/return-visits/:id/record',
    {
      schema: {
        tags,
        params: IdParams,
        body: ReturnVisitRecord,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      const c = ctx(req, ...FOLLOW_UP);
      await app.db.transaction((tx) => recordReturnVisit(tx, c, req.params.id, req.body));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/evaluation/devices',
    { schema: { tags, querystring: SettingsQuery, response: { 200: z.array(DeviceBinding), ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'admin');
      const rows = await repo.listDeviceBindings(app.db, actor.centerPath, req.query.centerId ?? null);
      return rows.map((d) => ({
        windowId: d.window_id,
        windowNumber: d.window_number,
        windowName: d.window_name,
        deviceKey: d.active ? d.device_key : null,
        active: Boolean(d.active),
        lastSeenAt: d.last_seen_at ? d.last_seen_at.toISOString() : null,
      }));
    },
  );

  r.post(
    '/api/evaluation/devices',
    {
      schema: {
        tags,
        body: DeviceBind,
        description: 'Bind (or re-key) the evaluator tablet of a window; the old key stops working.',
        response: { 200: z.object({ deviceKey: z.string() }), ...errors },
      },
    },
    async (req) => {
      const c = ctx(req, 'admin');
      const key = randomBytes(18).toString('base64url');
      await app.db.transaction(async (tx) => {
        const [w] = await tx.query<{ center_id: string }>(
          `SELECT w.center_id FROM windows w JOIN centers c ON c.id = w.center_id WHERE w.id = $1 AND c.path LIKE $2 || '%'`,
          [req.body.windowId, c.actor.centerPath],
        );
        if (!w) throw new AppError('NOT_FOUND', { entity: 'window' });
        await repo.upsertDevice(tx, w.center_id, req.body.windowId, key, c.now);
      });
      return { deviceKey: key };
    },
  );

  r.get(
    '/api/evaluation/settings',
    { schema: { tags, querystring: SettingsQuery, response: { 200: Policies, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return loadPolicies(app.db, req.query.centerId ?? actor.centerId);
    },
  );

  r.put(
    '/api/evaluation/settings',
    { schema: { tags, querystring: SettingsQuery, body: Policies, response: { 200: Policies, ...errors } } },
    async (req) => {
      const c = ctx(req, 'admin');
      return app.db.transaction((tx) =>
        savePolicies(tx, c, req.query.centerId ?? c.actor.centerId, req.body),
      );
    },
  );
}

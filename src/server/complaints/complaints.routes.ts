import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monthOf } from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import {
  Assessment,
  ComplaintAction,
  ComplaintList,
  ComplaintQuery,
  ComplaintReceipt,
  ComplaintStats,
  ComplaintStatsQuery,
  ComplaintTracking,
  ComplaintView,
  PublicComplaintCreate,
  PublicOptions,
  StaffComplaintCreate,
} from '../../shared/contracts/complaints';
import { hasRole, requireStaff } from '../http/actor';
import { resolveScope } from '../evaluation/stats.service';
import { presentComplaint } from './complaints.presenter';
import * as repo from './complaints.repository';
import {
  assessByToken,
  complaintStats,
  createComplaint,
  mayViewComplaint,
  performComplaintAction,
} from './complaints.service';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};
/** Five attachments of 2 MB, base64-encoded (×4/3), with room for the text. */
const INTAKE_BODY_LIMIT = 16 * 1024 * 1024;
const TokenParams = z.object({ token: z.string().min(8).max(100) });
const publicWrite = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const publicRead = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/** Complaints, reports, praise and suggestions: the portal's form and tracking page, and the staff desk. */
export async function complaintsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints'];

  r.get(
    '/api/complaints/public/options',
    { schema: { tags, response: { 200: PublicOptions } }, config: publicRead },
    async () => {
      const centers = await app.db.query<{ id: string; name: string }>(
        `SELECT id, name FROM centers ORDER BY path`,
      );
      const departments = await app.db.query<{ id: string; centerId: string; name: string }>(
        `SELECT id, center_id AS "centerId", name FROM departments WHERE active ORDER BY code`,
      );
      const windows = await app.db.query<{ id: string; centerId: string; number: string; name: string }>(
        `SELECT id, center_id AS "centerId", number, name FROM windows WHERE active ORDER BY length(number), number`,
      );
      return { centers, departments, windows };
    },
  );

  r.post(
    '/api/complaints/public',
    {
      bodyLimit: INTAKE_BODY_LIMIT,
      schema: {
        tags,
        body: PublicComplaintCreate,
        description:
          'The portal form: a complaint, report, praise or suggestion, with a contact or anonymous.',
        response: { 201: ComplaintReceipt, ...errors },
      },
      config: publicWrite,
    },
    async (req, reply) => {
      const res = await app.db.transaction((tx) =>
        createComplaint(tx, { ...req.body, channel: 'portal', receivedByName: null }, app.clock.now()),
      );
      return reply.code(201).send(res);
    },
  );

  r.get(
    '/api/complaints/public/:token',
    {
      schema: { tags, params: TokenParams, response: { 200: ComplaintTracking, ...errors } },
      config: publicRead,
    },
    async (req) => {
      const k = await repo.findByToken(app.db, req.params.token);
      if (!k) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      return {
        number: k.number,
        kind: k.kind,
        status: k.status,
        title: k.title,
        receivedAt: k.received_at.toISOString(),
        replyDueAt: k.reply_due_at ? k.reply_due_at.toISOString() : null,
        reply: k.reply,
        repliedAt: k.replied_at ? k.replied_at.toISOString() : null,
        assessment: k.assessment,
        canAssess: k.status === 'replied',
      };
    },
  );

  r.post(
    '/api/complaints/public/:token/assess',
    {
      schema: {
        tags,
        params: TokenParams,
        body: z.object({ assessment: Assessment }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
      config: publicWrite,
    },
    async (req) => {
      await app.db.transaction((tx) =>
        assessByToken(tx, req.params.token, req.body.assessment, app.clock.now()),
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/complaints',
    {
      bodyLimit: INTAKE_BODY_LIMIT,
      schema: {
        tags,
        body: StaffComplaintCreate,
        description: 'Staff enter what came by phone, the paper box, a letter or in person.',
        response: { 201: ComplaintReceipt, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireStaff(req, 'supervisor', 'admin', 'leader', 'officer');
      await resolveScope(app.db, actor.centerPath, req.body.centerId);
      const res = await app.db.transaction((tx) =>
        createComplaint(tx, { ...req.body, receivedByName: actor.displayName }, app.clock.now()),
      );
      return reply.code(201).send(res);
    },
  );

  r.get(
    '/api/complaints',
    { schema: { tags, querystring: ComplaintQuery, response: { 200: ComplaintList, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const manager = hasRole(actor, 'supervisor', 'admin', 'leader');
      if (!manager && !actor.departmentId) return { items: [], total: 0 };
      const q = req.query;
      const { rows, total } = await repo.listComplaints(app.db, {
        scopePath: actor.centerPath,
        centerId: q.centerId,
        status: q.status,
        kind: q.kind,
        departmentId: manager ? undefined : actor.departmentId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const now = app.clock.now();
      return { items: rows.map((k) => presentComplaint(k, actor, now)), total };
    },
  );

  r.get(
    '/api/complaints/stats',
    { schema: { tags, querystring: ComplaintStatsQuery, response: { 200: ComplaintStats, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const scope = await resolveScope(app.db, actor.centerPath, req.query.centerId ?? actor.centerId);
      const now = app.clock.now();
      return complaintStats(app.db, scope.path, req.query.month ?? monthOf(now), now);
    },
  );

  r.get(
    '/api/complaints/:id',
    { schema: { tags, params: IdParams, response: { 200: ComplaintView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const k = await repo.findComplaint(app.db, actor.centerPath, req.params.id);
      if (!k || !mayViewComplaint(actor, k)) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      return presentComplaint(k, actor, app.clock.now(), {
        attachments: await repo.listAttachments(app.db, k.id),
        events: await repo.listEvents(app.db, k.id),
      });
    },
  );

  r.get(
    '/api/complaints/:id/attachments/:attachmentId',
    { schema: { tags, params: IdParams.extend({ attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const actor = requireStaff(req);
      const k = await repo.findComplaint(app.db, actor.centerPath, req.params.id);
      if (!k || !mayViewComplaint(actor, k)) throw new AppError('NOT_FOUND', { entity: 'complaint' });
      const a = await repo.findAttachment(app.db, k.id, req.params.attachmentId);
      if (!a) throw new AppError('NOT_FOUND', { entity: 'attachment' });
      return reply
        .header('content-type', a.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(a.data));
    },
  );

  r.post(
    '/api/complaints/:id/actions',
    {
      schema: { tags, params: IdParams, body: ComplaintAction, response: { 200: ComplaintView, ...errors } },
    },
    async (req) => {
      const actor = requireStaff(req);
      const now = app.clock.now();
      return app.db.transaction(async (tx) => {
        await performComplaintAction(tx, { actor, now }, req.params.id, req.body);
        const k = (await repo.findComplaint(tx, actor.centerPath, req.params.id))!;
        return presentComplaint(k, actor, now, {
          attachments: await repo.listAttachments(tx, k.id),
          events: await repo.listEvents(tx, k.id),
        });
      });
    },
  );
}

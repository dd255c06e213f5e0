import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { civilDateOfInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import {
  FollowUpBody,
  ReceptionBookBody,
  ReceptionListQuery,
  ReceptionRecordBody,
  ReceptionView,
  TimetableBody,
  TimetableView,
} from '../../shared/contracts/appointments';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { CenterQuery } from '../../shared/contracts/schedule';
import { findRootCenterId } from '../calendar/calendar.repository';
import { requireStaff } from '../http/actor';
import { requireCenter } from '../org/org.service';
import * as repo from './reception.repository';
import * as svc from './reception.service';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const publicLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/**
 * 企业接待: administrators keep the timetable; enterprises read it and book (public); leaders and
 * administrators record the meeting; the responsible department reports its follow-up; supervisors
 * and leaders see overdue follow-ups (`?overdue=true`).
 */
export async function receptionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reception'];
  const scoped = async (req: FastifyRequest, centerId: string | undefined) => {
    const actor = requireStaff(req);
    return (await requireCenter(app.db, actor, centerId ?? actor.centerId)).id;
  };

  r.get(
    '/api/reception/timetable',
    { schema: { tags, querystring: CenterQuery, response: { 200: z.array(TimetableView), ...errors } } },
    async (req) => {
      const centerId = await scoped(req, req.query.centerId);
      return svc.timetableViews(app.db, await repo.listTimetable(app.db, centerId, false), app.clock.now());
    },
  );
  r.post(
    '/api/reception/timetable',
    { schema: { tags, body: TimetableBody, response: { 201: TimetableView, ...errors } } },
    async (req, reply) => {
      const ctx = { actor: requireStaff(req, 'admin'), now: app.clock.now() };
      const row = await app.db.transaction((tx) => svc.saveTimetable(tx, ctx, null, req.body));
      return reply.code(201).send((await svc.timetableViews(app.db, [row], ctx.now))[0]!);
    },
  );
  r.put(
    '/api/reception/timetable/:id',
    { schema: { tags, params: IdParams, body: TimetableBody, response: { 200: TimetableView, ...errors } } },
    async (req) => {
      const ctx = { actor: requireStaff(req, 'admin'), now: app.clock.now() };
      const row = await app.db.transaction((tx) => svc.saveTimetable(tx, ctx, req.params.id, req.body));
      return (await svc.timetableViews(app.db, [row], ctx.now))[0]!;
    },
  );

  r.get(
    '/api/public/reception/timetable',
    {
      config: publicLimit,
      schema: {
        tags: [...tags, 'public'],
        querystring: CenterQuery,
        response: { 200: z.array(TimetableView), ...errors },
      },
    },
    async (req) => {
      const centerId = req.query.centerId ?? (await findRootCenterId(app.db));
      if (!centerId) throw new AppError('NOT_FOUND', { entity: 'center' });
      return svc.timetableViews(app.db, await repo.listTimetable(app.db, centerId, true), app.clock.now());
    },
  );
  r.post(
    '/api/public/reception/bookings',
    {
      config: publicLimit,
      schema: {
        tags: [...tags, 'public'],
        body: ReceptionBookBody,
        response: { 201: z.object({ id: z.uuid(), code: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const now = app.clock.now();
      const out = await app.db.transaction(async (tx) => {
        const id = await svc.bookReception(tx, now, req.body);
        const [row] = await tx.query<{ code: string }>('SELECT code FROM reception_bookings WHERE id = $1', [
          id,
        ]);
        return { id, code: row!.code };
      });
      return reply.code(201).send(out);
    },
  );

  r.get(
    '/api/reception/bookings',
    {
      schema: { tags, querystring: ReceptionListQuery, response: { 200: z.array(ReceptionView), ...errors } },
    },
    async (req) => {
      requireStaff(req, 'admin', 'leader', 'supervisor', 'approver', 'chief_rep');
      const centerId = await scoped(req, req.query.centerId);
      const today = civilDateOfInstant(app.clock.now().getTime());
      const rows = await repo.listReceptions(app.db, {
        centerId,
        from: req.query.from ?? null,
        to: req.query.to ?? null,
        overdueOn: req.query.overdue === 'true' ? today : null,
      });
      return rows.map((b) => svc.presentReception(b, today));
    },
  );
  r.post(
    '/api/reception/bookings/:id/record',
    {
      schema: {
        tags,
        params: IdParams,
        body: ReceptionRecordBody,
        response: { 200: ReceptionView, ...errors },
      },
    },
    async (req) => {
      const ctx = { actor: requireStaff(req, 'admin', 'leader'), now: app.clock.now() };
      return app.db.transaction(async (tx) => {
        await svc.recordMeeting(tx, ctx, req.params.id, req.body);
        const b = (await repo.findReception(tx, req.params.id, ctx.actor.centerPath))!;
        return svc.presentReception(b, civilDateOfInstant(ctx.now.getTime()));
      });
    },
  );
  r.post(
    '/api/reception/bookings/:id/follow-up',
    { schema: { tags, params: IdParams, body: FollowUpBody, response: { 200: ReceptionView, ...errors } } },
    async (req) => {
      const ctx = {
        actor: requireStaff(req, 'admin', 'leader', 'approver', 'chief_rep'),
        now: app.clock.now(),
      };
      return app.db.transaction(async (tx) => {
        await svc.recordFollowUp(tx, ctx, req.params.id, req.body.result);
        const b = (await repo.findReception(tx, req.params.id, ctx.actor.centerPath))!;
        return svc.presentReception(b, civilDateOfInstant(ctx.now.getTime()));
      });
    },
  );
}

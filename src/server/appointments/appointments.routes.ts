import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppointmentListQuery,
  AppointmentView,
  AvailabilityQuery,
  AvailabilityView,
  BlacklistView,
  BookBody,
  CheckInBody,
  CheckInView,
  SettingsBody,
  SettingsView,
  StaffCancelBody,
} from '../../shared/contracts/appointments';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { CenterQuery } from '../../shared/contracts/schedule';
import { requireStaff } from '../http/actor';
import { requireCenter } from '../org/org.service';
import { presentAppointment } from './appointments.presenter';
import { appointmentsPublicRoutes, checkInAnswer } from './appointments.public.routes';
import * as repo from './appointments.repository';
import * as svc from './appointments.service';
import { loadSettings, settingsView, updateSettings } from './appointments.settings';
import { availability, blacklist } from './appointments.views';
import { bulkRoutes } from './bulk.routes';
import { receptionRoutes } from './reception.routes';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

/**
 * Appointments for staff: the settings (administrators), the day's bookings, cancelling and checking
 * in at the guide desk, availability and the blacklist. The portal and kiosk routes, bulk
 * appointments and the enterprise reception register here too (one feature, one line in routes.ts).
 */
export async function appointmentsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['appointments'];
  const scopedCenter = async (req: FastifyRequest, centerId: string | undefined) => {
    const actor = requireStaff(req);
    return (await requireCenter(app.db, actor, centerId ?? actor.centerId)).id;
  };

  r.get(
    '/api/appointments/settings',
    { schema: { tags, querystring: CenterQuery, response: { 200: SettingsView, ...errors } } },
    async (req) => settingsView(app.db, await scopedCenter(req, req.query.centerId)),
  );
  r.put(
    '/api/appointments/settings',
    { schema: { tags, body: SettingsBody, response: { 200: SettingsView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'admin');
      await requireCenter(app.db, actor, req.body.centerId);
      return app.db.transaction((tx) => updateSettings(tx, { actor, now: app.clock.now() }, req.body));
    },
  );

  r.get(
    '/api/appointments',
    {
      schema: {
        tags,
        querystring: AppointmentListQuery,
        response: { 200: z.array(AppointmentView), ...errors },
      },
    },
    async (req) => {
      const centerId = await scopedCenter(req, req.query.centerId);
      const { policy } = await loadSettings(app.db, centerId);
      const rows = await repo.listOfCenter(app.db, {
        centerId,
        day: req.query.day ?? null,
        categoryId: req.query.categoryId ?? null,
        status: req.query.status ?? null,
        text: req.query.q || null,
      });
      return rows.map((a) => presentAppointment(a, policy, false));
    },
  );
  r.post(
    '/api/appointments',
    { schema: { tags, body: BookBody, response: { 201: AppointmentView, ...errors } } },
    async (req, reply) => {
      const actor = requireStaff(req, 'admin', 'officer');
      const row = await app.db.transaction((tx) =>
        svc.bookAppointment(tx, { actor, now: app.clock.now() }, req.body),
      );
      const { policy } = await loadSettings(app.db, row.center_id);
      return reply.code(201).send(presentAppointment(row, policy, false));
    },
  );
  r.post(
    '/api/appointments/:id/cancel',
    {
      schema: {
        tags,
        params: IdParams,
        body: StaffCancelBody,
        response: { 200: AppointmentView, ...errors },
      },
    },
    async (req) => {
      const actor = requireStaff(req, 'admin', 'officer');
      const row = await app.db.transaction((tx) =>
        svc.cancelByStaff(tx, { actor, now: app.clock.now() }, req.params.id, req.body.reason),
      );
      const { policy } = await loadSettings(app.db, row.center_id);
      return presentAppointment(row, policy, false);
    },
  );
  r.post(
    '/api/appointments/check-in',
    { schema: { tags, body: CheckInBody, response: { 200: CheckInView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req, 'admin', 'officer');
      return checkInAnswer(app, actor, req.body, false);
    },
  );
  r.get(
    '/api/appointments/availability',
    { schema: { tags, querystring: AvailabilityQuery, response: { 200: AvailabilityView, ...errors } } },
    async (req) =>
      availability(app.db, await scopedCenter(req, req.query.centerId), req.query.from, req.query.to),
  );
  r.get(
    '/api/appointments/blacklist',
    { schema: { tags, querystring: CenterQuery, response: { 200: BlacklistView, ...errors } } },
    async (req) => blacklist(app.db, await scopedCenter(req, req.query.centerId), app.clock.now()),
  );

  await appointmentsPublicRoutes(app);
  await bulkRoutes(app);
  await receptionRoutes(app);
}

import type { FastifyInstance } from 'fastify';
import type { Actor } from '../http/actor';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { normalizeIdNumber, normalizePhone } from '../../domain/identity';
import {
  AppointmentView,
  BookableCategory,
  BookBody,
  CancelBody,
  CheckInBody,
  CheckInView,
  CodeParams,
  LookupBody,
  SlotsQuery,
  SlotsView,
} from '../../shared/contracts/appointments';
import { ErrorBody } from '../../shared/contracts/common';
import { CenterQuery } from '../../shared/contracts/schedule';
import { findRootCenterId } from '../calendar/calendar.repository';
import { presentAppointment } from './appointments.presenter';
import * as repo from './appointments.repository';
import * as svc from './appointments.service';
import { loadSettings } from './appointments.settings';
import { bookableCategories, categorySlotsView } from './appointments.views';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  503: ErrorBody,
};
/** Public answers are rate limited per address; booking more tightly than reading. */
const readLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };
const writeLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/**
 * The portal (book, see, cancel) and the kiosk (check in): no login needed. A person is identified by
 * the ID number with the phone given at booking; answers mask name, ID number and phone. A logged-in
 * applicant's bookings are linked to the account (and notified in the inbox too).
 */
export async function appointmentsPublicRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['appointments', 'public'];

  r.get(
    '/api/public/appointments/categories',
    {
      config: readLimit,
      schema: { tags, querystring: CenterQuery, response: { 200: z.array(BookableCategory), ...errors } },
    },
    async (req) => {
      const centerId = req.query.centerId ?? (await findRootCenterId(app.db));
      if (!centerId) throw new AppError('NOT_FOUND', { entity: 'center' });
      return bookableCategories(app.db, centerId);
    },
  );
  r.get(
    '/api/public/appointments/slots',
    { config: readLimit, schema: { tags, querystring: SlotsQuery, response: { 200: SlotsView, ...errors } } },
    async (req) => categorySlotsView(app.db, { ...req.query, now: app.clock.now() }),
  );
  r.post(
    '/api/public/appointments',
    { config: writeLimit, schema: { tags, body: BookBody, response: { 201: AppointmentView, ...errors } } },
    async (req, reply) => {
      const actor = req.actor?.applicantId ? req.actor : null;
      const row = await app.db.transaction((tx) =>
        svc.bookAppointment(tx, { actor, now: app.clock.now() }, req.body),
      );
      const { policy } = await loadSettings(app.db, row.center_id);
      // The code is the person's key to the booking: shown once here, in full.
      return reply.code(201).send(presentAppointment(row, policy, true));
    },
  );
  r.post(
    '/api/public/appointments/lookup',
    {
      config: writeLimit,
      schema: { tags, body: LookupBody, response: { 200: z.array(AppointmentView), ...errors } },
    },
    async (req) => {
      const rows = await repo.listOfPerson(
        app.db,
        normalizeIdNumber(req.body.idNumber),
        normalizePhone(req.body.phone),
      );
      const out = [];
      for (const a of rows)
        out.push(presentAppointment(a, (await loadSettings(app.db, a.center_id)).policy, true));
      return out;
    },
  );
  r.post(
    '/api/public/appointments/:code/cancel',
    {
      config: writeLimit,
      schema: { tags, params: CodeParams, body: CancelBody, response: { 200: AppointmentView, ...errors } },
    },
    async (req) => {
      const row = await app.db.transaction((tx) =>
        svc.cancelByCode(
          tx,
          { actor: req.actor, now: app.clock.now() },
          { code: req.params.code, ...req.body },
        ),
      );
      const { policy } = await loadSettings(app.db, row.center_id);
      return presentAppointment(row, policy, true);
    },
  );
  r.post(
    '/api/public/appointments/check-in',
    { config: writeLimit, schema: { tags, body: CheckInBody, response: { 200: CheckInView, ...errors } } },
    async (req) => checkInAnswer(app, null, req.body, true),
  );
}

/** Check in and answer with the booking and its ticket (masked for the kiosk). */
export async function checkInAnswer(
  app: FastifyInstance,
  actor: Actor | null,
  body: z.output<typeof CheckInBody>,
  masked: boolean,
) {
  const out = await svc.checkIn(app.db, { actor, now: app.clock.now() }, body);
  const a = out.appointment;
  return {
    appointment: presentAppointment(a, out.policy, masked),
    ticket: {
      id: out.ticketId,
      number: a.ticket_number ?? '',
      categoryName: a.category_name,
      hallName: a.hall_name,
    },
  };
}
